package schema

import (
	"context"

	gen "tandem/ent"
	"tandem/ent/predicate"
	"tandem/ent/schema/pulid"
)

// RecountPersons recounts the persons matching where, and drops those of maybeEmpty
// that no contact is any longer. It is for writes no hook sees: a merge moves contacts
// and key persons with plain UPDATEs (domain/merge), in the same transaction.
func RecountPersons(ctx context.Context, c *gen.Client, where predicate.Person, maybeEmpty ...pulid.ID) error {
	if err := recountPersons(ctx, c, where); err != nil {
		return err
	}
	return dropEmptyPersons(ctx, c, maybeEmpty...)
}

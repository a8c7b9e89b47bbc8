package account

import (
	"context"

	"entgo.io/ent"
	"entgo.io/ent/dialect/sql"

	"tandem/ent/intercept"
)

// An account or contact merged into another stays as a tombstone (merged_into_id set):
// its ID still leads somewhere (domain/merge), but it is in no list, count, edge or
// duplicate check. HideMerged is the Customer and Contact interceptor that keeps it out.

type includeMergedKey struct{}

// IncludingMerged is the context in which tombstones are read too: the merge itself
// (a retry finds the first result) and the lookup of an old ID's survivor.
func IncludingMerged(ctx context.Context) context.Context {
	return context.WithValue(ctx, includeMergedKey{}, true)
}

// HideMerged leaves merged tombstones out of every query and traversal.
func HideMerged() ent.Interceptor {
	return intercept.TraverseFunc(func(ctx context.Context, q intercept.Query) error {
		if inc, _ := ctx.Value(includeMergedKey{}).(bool); !inc {
			q.WhereP(sql.FieldIsNull("merged_into_id"))
		}
		return nil
	})
}

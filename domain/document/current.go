package document

import (
	"context"
	"time"

	"tandem/domain/access"
	gen "tandem/ent"
	"tandem/ent/document"
	"tandem/ent/schema/pulid"
)

// Types.
const (
	TDS  = document.TypeMANUAL_TDS
	MSDS = document.TypeMSDS
)

// Current returns the product's current document of a type, or nil when it has none
// on file. A document is current when it has a file (storage key and sha256 set), no
// later version supersedes it, and it is valid (no valid-until date, or one still
// ahead). Of several, the one published last. It reads past the access table: a gate
// asks whether the document exists, whoever may read it.
func Current(ctx context.Context, c *gen.Client, productID pulid.ID, typ document.Type) (*gen.Document, error) {
	return CurrentAt(ctx, c, productID, typ, time.Now().UTC())
}

// CurrentAt is Current as of a moment.
func CurrentAt(ctx context.Context, c *gen.Client, productID pulid.ID, typ document.Type, at time.Time) (*gen.Document, error) {
	d, err := c.Document.Query().
		Where(
			document.ProductID(productID),
			document.TypeEQ(typ),
			document.StorageKeyNEQ(""),
			document.Sha256NEQ(""),
			document.Not(document.HasSupersededBy()),
			document.Or(document.ValidUntilIsNil(), document.ValidUntilGT(at)),
		).
		Order(gen.Desc(document.FieldPublishedAt), gen.Desc(document.FieldID)).
		First(access.System(ctx, "a gate asks whether the product's current document is on file"))
	if gen.IsNotFound(err) {
		return nil, nil
	}
	return d, err
}

package search

import (
	"context"
	"fmt"

	"tandem/domain/access"
	gen "tandem/ent"
)

// Rekey stores the key of every account, contact and product whose stored key differs
// from Key's (records from before keys were kept, or after Key changed), at start-up,
// with plain UPDATEs of that column: it is derived, not an edit anyone made. It
// returns how many records it rekeyed.
func Rekey(ctx context.Context, c *gen.Client) (int, error) {
	sys := access.System(ctx, "start-up: search keys")
	var rows []struct {
		table string
		id    string
		key   string
	}
	cs, err := c.Customer.Query().Select("name", "short_name", "name_en", "search_key").All(sys)
	if err != nil {
		return 0, err
	}
	for _, r := range cs {
		if k := Key(r.Name, r.ShortName, r.NameEn); k != r.SearchKey {
			rows = append(rows, struct{ table, id, key string }{"customers", string(r.ID), k})
		}
	}
	ct, err := c.Contact.Query().Select("name", "search_key").All(sys)
	if err != nil {
		return 0, err
	}
	for _, r := range ct {
		if k := Key(r.Name); k != r.SearchKey {
			rows = append(rows, struct{ table, id, key string }{"contacts", string(r.ID), k})
		}
	}
	ps, err := c.Product.Query().Select("name", "code", "search_key").All(sys)
	if err != nil {
		return 0, err
	}
	for _, r := range ps {
		if k := Key(r.Name, r.Code); k != r.SearchKey {
			rows = append(rows, struct{ table, id, key string }{"products", string(r.ID), k})
		}
	}
	if len(rows) == 0 {
		return 0, nil
	}
	tx, err := c.Tx(sys)
	if err != nil {
		return 0, err
	}
	for _, r := range rows {
		if _, err := tx.ExecContext(sys, "UPDATE "+r.table+" SET search_key = $1 WHERE id = $2", r.key, r.id); err != nil {
			_ = tx.Rollback()
			return 0, fmt.Errorf("search key of %s %s: %w", r.table, r.id, err)
		}
	}
	return len(rows), tx.Commit()
}

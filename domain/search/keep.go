package search

import (
	"context"

	"entgo.io/ent"

	"tandem/ent/hook"
)

// KeyVersion names the way keys are made: raise it when Key changes, and the next
// start-up rekeys every record (Rekey).
const KeyVersion = "1"

// namesOf is a record's names for its key: what the mutation sets, else what the row
// holds (read only for an edit of one of them).
func namesOf(ctx context.Context, m ent.Mutation, fields ...string) ([]string, bool) {
	changed := false
	for _, f := range fields {
		if _, ok := m.Field(f); ok || m.FieldCleared(f) {
			changed = true
		}
	}
	if !changed {
		return nil, false
	}
	out := make([]string, len(fields))
	for i, f := range fields {
		if v, ok := m.Field(f); ok {
			out[i], _ = v.(string)
			continue
		}
		if m.FieldCleared(f) || !m.Op().Is(ent.OpUpdateOne) {
			continue
		}
		old, err := m.OldField(ctx, f)
		if err != nil {
			return nil, false
		}
		out[i], _ = old.(string)
	}
	return out, true
}

// keep sets the key of a record whose names change, for creates and edits of one row.
func keep(fields ...string) ent.Hook {
	return hook.On(func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if ns, ok := namesOf(ctx, m, fields...); ok {
				if err := m.SetField("search_key", Key(ns...)); err != nil {
					return nil, err
				}
			}
			return next.Mutate(ctx, m)
		})
	}, ent.OpCreate|ent.OpUpdateOne)
}

// The names each searchable type is found by, its main name first.
var (
	customerNames = []string{"name", "short_name", "name_en"}
	contactNames  = []string{"name"}
	productNames  = []string{"name", "code"}
)

// CustomerKey, ContactKey and ProductKey keep the search keys of accounts, contacts and
// products (the schema's hooks).
var (
	CustomerKey = keep(customerNames...)
	ContactKey  = keep(contactNames...)
	ProductKey  = keep(productNames...)
)

package merge

import (
	"testing"

	"tandem/ent/migrate"
)

// TestMergeMovesEveryForeignKey walks ent's schema: every foreign key to customers
// (or contacts) must be among the references a merge moves, so an edge added later
// cannot be forgotten (its rows would stay on the tombstone, out of sight).
func TestMergeMovesEveryForeignKey(t *testing.T) {
	for _, tc := range []struct {
		table string
		refs  []Ref
	}{{migrate.CustomersTable.Name, AccountRefs}, {migrate.ContactsTable.Name, ContactRefs}} {
		listed := map[Ref]bool{}
		for _, r := range tc.refs {
			listed[r] = true
		}
		found := 0
		for _, tbl := range migrate.Tables {
			for _, fk := range tbl.ForeignKeys {
				if fk.RefTable == nil || fk.RefTable.Name != tc.table {
					continue
				}
				for _, col := range fk.Columns {
					found++
					if r := (Ref{tbl.Name, col.Name}); !listed[r] {
						t.Errorf("%s.%s refers to %s but a merge does not move it: add it to the refs in domain/merge/refs.go", r.Table, r.Column, tc.table)
					}
				}
			}
		}
		if found < 3 {
			t.Fatalf("found only %d foreign keys to %s: the walk is broken", found, tc.table)
		}
		// And every listed ref is a real column (a renamed one would fail at run time).
		for r := range listed {
			ok := false
			for _, tbl := range migrate.Tables {
				if tbl.Name != r.Table {
					continue
				}
				for _, col := range tbl.Columns {
					ok = ok || col.Name == r.Column
				}
			}
			if !ok {
				t.Errorf("%s.%s is listed but no such column exists", r.Table, r.Column)
			}
		}
	}
}

package pulid_test

import (
	"testing"

	"tandem/ent/migrate"
	"tandem/ent/schema/pulid"
)

func TestIDsAreWellFormedAndUnique(t *testing.T) {
	seen := map[pulid.ID]bool{}
	for i := 0; i < 10000; i++ {
		id := pulid.New("CU")
		if !id.Valid() || id.Prefix() != "CU" || pulid.TypeOf(id) != "Customer" {
			t.Fatalf("bad id %q", id)
		}
		if seen[id] {
			t.Fatalf("duplicate id %q", id)
		}
		seen[id] = true
	}
	for _, bad := range []pulid.ID{"", "CU", "CU01ZZZZZZZZZZZZZZZZZZZZZZZ", "CU01ZZZZZZZZZZZZZZZZZZZZZZZU", "XX01ZZZZZZZZZZZZZZZZZZZZZZZZ"} {
		if pulid.TypeOf(bad) != "" {
			t.Errorf("TypeOf(%q) = %q", bad, pulid.TypeOf(bad))
		}
	}
}

// Every table of an ent type (join tables aside) needs an ID prefix, and no two types
// may share one, or node(id:) could not find them.
func TestEveryTypeHasAPrefix(t *testing.T) {
	types := map[string]bool{}
	for _, typ := range pulid.Types {
		if types[typ] {
			t.Errorf("type %s has two prefixes", typ)
		}
		types[typ] = true
	}
	withID := 0
	for _, tbl := range migrate.Tables {
		if len(tbl.PrimaryKey) == 1 && tbl.PrimaryKey[0].Name == "id" {
			withID++
		}
	}
	if withID != len(pulid.Types) {
		t.Fatalf("%d entity tables, %d prefixes: add the new type to pulid.Types", withID, len(pulid.Types))
	}
}

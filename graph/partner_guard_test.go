package graph

import (
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"tandem/ent/viewer"
	"tandem/graph/generated"
)

// The partner guard is the second lock behind the privacy rules: a Person (one human
// behind contacts at several customers) and every way to it stay closed to partner
// tokens, by field and by filter, even where a row would slip through.
func TestPartnerGuardClosesPersons(t *testing.T) {
	s := generated.NewExecutableSchema(generated.Config{Resolvers: &Resolver{}}).Schema()
	if s.Types["Person"] == nil {
		t.Fatal("no Person type in the schema")
	}
	// Every field of a Person, and every field anywhere that leads to one.
	for _, f := range s.Types["Person"].Fields {
		if partnerMay("Person", f.Name) {
			t.Errorf("a partner may read Person.%s", f.Name)
		}
	}
	for name, typ := range s.Types {
		if typ.Kind != ast.Object {
			continue
		}
		for _, f := range typ.Fields {
			target := strings.TrimSuffix(f.Type.Name(), "Connection")
			if (target == "Person" || f.Name == "personID") && name != "Query" && partnerMay(name, f.Name) {
				t.Errorf("a partner may read %s.%s, which leads to a Person", name, f.Name)
			}
		}
	}
	if partnerRoot["persons"] {
		t.Error("partners may list persons")
	}

	g := partnerGuard{schema: s, viewer: &viewer.Viewer{Role: viewer.Partner, TokenID: "AT0", Scopes: []string{"orders:read"}}}
	for _, c := range []struct {
		typ   string
		where map[string]any
	}{
		{"Contact", map[string]any{"hasPersonWith": []any{map[string]any{"championAccountsGT": 1}}}},
		{"Contact", map[string]any{"hasPerson": true}},
		{"Contact", map[string]any{"personIDNotNil": true}},
		{"Person", map[string]any{"championAccountsGT": 1}},
		{"Person", map[string]any{"keyHasPrefix": "138"}},
		{"KeyPerson", map[string]any{"hasContactWith": []any{map[string]any{"hasPersonWith": []any{map[string]any{"accountsGT": 1}}}}}},
		{"Customer", map[string]any{"hasContactsWith": []any{map[string]any{"hasPerson": true}}}},
	} {
		if err := g.checkWhere(c.typ, c.where); err == nil {
			t.Errorf("a partner may filter %s with %v", c.typ, c.where)
		}
	}
	// Control: a filter a partner may use still passes.
	if err := g.checkWhere("Order", map[string]any{"numberHasPrefix": "PO"}); err != nil {
		t.Errorf("control: %v", err)
	}
}

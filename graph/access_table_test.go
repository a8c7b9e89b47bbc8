package graph

import (
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"tandem/domain/access"
	"tandem/ent"
	"tandem/ent/viewer"
	"tandem/graph/generated"
)

func executableSchema() *ast.Schema {
	return generated.NewExecutableSchema(generated.Config{Resolvers: &Resolver{}}).Schema()
}

// The access table covers the whole schema, and names nothing that is not in it: a
// type or field added to the schema is denied until someone puts it in the table.
func TestAccessTableCoversSchema(t *testing.T) {
	s := executableSchema()
	var unknown []string
	for name, def := range s.Types {
		if def.Kind != ast.Object || strings.HasPrefix(name, "__") || name == "Query" || name == "Mutation" {
			continue
		}
		_, stored := access.Table[name]
		_, view := access.Views[name]
		node, structural := access.Structural(name)
		switch {
		case stored || view:
		case structural && (node == "" || access.Table[node].Read != nil || hasView(node)):
		default:
			unknown = append(unknown, name)
		}
	}
	sort.Strings(unknown)
	if len(unknown) > 0 {
		t.Errorf("GraphQL types the access table does not name (add them to domain/access Table or Views): %v", unknown)
	}
	// Every stored type is in the table (a stored type without a row there is denied to
	// everyone, which is never what its author meant).
	for _, typ := range entTypes() {
		if _, ok := access.Table[typ]; !ok {
			t.Errorf("ent type %s is not in the access table", typ)
		}
	}
	// Nothing in the table is stale.
	for name, typ := range access.Table {
		def := s.Types[name]
		if def == nil {
			if !slices.Contains(entTypes(), name) {
				t.Errorf("access table names %s, which is neither a GraphQL nor an ent type", name)
			}
			continue
		}
		for _, f := range typ.Partner {
			if def.Fields.ForName(f) == nil {
				t.Errorf("partner allow-list names %s.%s, which does not exist", name, f)
			}
		}
		for f := range typ.Restricted {
			fd := def.Fields.ForName(f)
			switch {
			case fd == nil:
				t.Errorf("restricted field %s.%s does not exist", name, f)
			case fd.Type.NonNull:
				t.Errorf("restricted field %s.%s must be nullable: it reads as null where it is not readable", name, f)
			}
		}
	}
	for name, v := range access.Views {
		def := s.Types[name]
		if def == nil {
			t.Errorf("access views name %s, which is not a GraphQL type", name)
			continue
		}
		for _, f := range v.Partner {
			if def.Fields.ForName(f) == nil {
				t.Errorf("partner allow-list names %s.%s, which does not exist", name, f)
			}
		}
	}
	for _, f := range access.PartnerRoot {
		if !strings.HasPrefix(f, "__") && s.Query.Fields.ForName(f) == nil && s.Mutation.Fields.ForName(f) == nil {
			t.Errorf("partner root field %s does not exist", f)
		}
	}
}

func hasView(name string) bool { _, ok := access.Views[name]; return ok }

// entTypes lists the stored types: the ent client has one field per type.
func entTypes() []string {
	var out []string
	ct := reflect.TypeOf(ent.Client{})
	for i := range ct.NumField() {
		f := ct.Field(i)
		if f.IsExported() && f.Type.Kind() == reflect.Pointer && f.Type.Elem().Name() == f.Name+"Client" {
			out = append(out, f.Name)
		}
	}
	return out
}

// What partners read is an allow-list: every field of every partner-readable type
// that is not listed is refused, and a Person (one human behind contacts at several
// customers) is closed to partners by every field and every path to it.
func TestPartnerFieldsAreAnAllowList(t *testing.T) {
	s := executableSchema()
	partner := &viewer.Viewer{Role: viewer.Partner, TokenID: "AT0", CustomerID: "CU0", Scopes: []string{"orders:read", "samples:read", "issues:read", "documents:read", "change_notices:read", "webhooks:manage"}}
	allowed, refused := 0, 0
	for name, def := range s.Types {
		if def.Kind != ast.Object || strings.HasPrefix(name, "__") {
			continue
		}
		listed := map[string]bool{}
		for _, f := range access.Table[name].Partner {
			listed[f] = true
		}
		for _, f := range access.Views[name].Partner {
			listed[f] = true
		}
		for _, f := range def.Fields {
			may := access.PartnerMay(name, f.Name)
			if may {
				allowed++
			} else {
				refused++
			}
			if _, stored := access.Table[name]; stored && may != listed[f.Name] {
				t.Errorf("%s.%s: partner may read = %v, but listed = %v", name, f.Name, may, listed[f.Name])
			}
			target := strings.TrimSuffix(strings.TrimSuffix(f.Type.Name(), "Connection"), "Edge")
			if (name == "Person" || target == "Person" || f.Name == "personID") && may {
				t.Errorf("a partner may read %s.%s, which leads to a Person", name, f.Name)
			}
			if may && access.FieldRows(partner, name, f.Name).IsNone() {
				t.Errorf("%s.%s: allowed by PartnerMay but not for a partner with every scope", name, f.Name)
			}
		}
	}
	// The internal judgements issue 9 found leaking stay closed.
	for _, f := range []string{"Issue.rootCause", "Issue.jointRootCauseWork", "Issue.onsiteResponse", "Issue.lossAmount",
		"Trial.customerTechLevel", "Trial.equipment", "Trial.testEquipment", "Order.notes", "Order.isEvaluation",
		"Customer.stage", "Customer.tier", "Customer.score", "Customer.keyPersons", "Customer.contacts", "ChangeNotice.affectedCustomers",
		"Product.pricePoints", "OrderChecklistItem.by", "SampleEvent.note"} {
		typ, field, _ := strings.Cut(f, ".")
		if access.PartnerMay(typ, field) {
			t.Errorf("partners may read %s", f)
		}
	}
	t.Logf("partner fields: %d allowed, %d refused", allowed, refused)
	if allowed == 0 || refused == 0 {
		t.Fatal("the allow-list decides nothing")
	}
}

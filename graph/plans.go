package graph

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"tandem/ent/schema/pulid"
	"tandem/server/dbplan"
)

// accountTypes are the types whose rows belong to one account: an account's own
// rows, and theirs. A list under one of them is read by its parent's key and is about
// the same size for any parent; a list under anything else (a user's accounts, a
// product's samples) may hold ten rows for one and fifty thousand for another.
var accountTypes = map[string]bool{
	"Customer": true, "Contact": true, "KeyPerson": true, "Interaction": true, "Task": true,
	"Sample": true, "SampleEvent": true, "Trial": true, "Shipment": true,
	"Order": true, "OrderLine": true, "OrderEvent": true, "Quotation": true, "QuotationLine": true,
	"Issue": true, "IssueEvent": true, "StageChange": true,
}

// nodeContext is where node(id) reads: marked dbplan.ByKey when the node is one of
// an account's rows (accountTypes: the account itself, a contact, a sample, an
// order, …) and what is asked under it is read by keys alone (byKeys), so PostgreSQL
// may keep the plans of the node's read and of its lists' reads, which ent makes
// within the node's read (the fields' own resolvers run with their own context).
func nodeContext(ctx context.Context, id pulid.ID) context.Context {
	fc := graphql.GetFieldContext(ctx)
	if !accountTypes[pulid.TypeOf(id)] || fc == nil || fc.Field.Field == nil || !byKeys(fc.Field.Selections) {
		return ctx
	}
	return dbplan.ByKey(ctx)
}

// byKeys reports whether every list in a selection hangs under an account type.
// Every fragment is walked, whatever its type condition: a fragment that does not
// apply can only make the answer no.
func byKeys(set ast.SelectionSet) bool {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Definition == nil || s.ObjectDefinition == nil {
				return false
			}
			if listing(s.Definition.Type) && !accountTypes[listOwner(s.ObjectDefinition.Name)] {
				return false
			}
			if !byKeys(s.SelectionSet) {
				return false
			}
		case *ast.InlineFragment:
			if !byKeys(s.SelectionSet) {
				return false
			}
		case *ast.FragmentSpread:
			if s.Definition == nil || !byKeys(s.Definition.SelectionSet) {
				return false
			}
		}
	}
	return true
}

// listing reports whether a field's type is a list or a connection of rows.
func listing(t *ast.Type) bool {
	return t.Elem != nil || strings.HasSuffix(t.Name(), "Connection")
}

// listOwner is the type a connection's or an edge's fields belong to (a
// ContactConnection's edges are the contacts' own).
func listOwner(typ string) string {
	return strings.TrimSuffix(strings.TrimSuffix(typ, "Connection"), "Edge")
}

// contactWrite is where logging a contact (createInteraction, logInteraction) reads
// and writes: its receipt, its account, the contact, its audit row, the account's
// move, the tasks it ticks or makes, all by their keys; marked dbplan.ByKey.
func contactWrite(ctx context.Context) context.Context { return dbplan.ByKey(ctx) }

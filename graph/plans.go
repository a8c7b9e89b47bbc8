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
	if !accountTypes[pulid.TypeOf(id)] || fc == nil || fc.Field.Field == nil || !graphql.HasOperationContext(ctx) {
		return ctx
	}
	if !byKeys(fc.Field.Selections, graphql.GetOperationContext(ctx).Variables) {
		return ctx
	}
	return dbplan.ByKey(ctx)
}

// byKeys reports whether every list in a selection is read by its parent's key
// alone: it hangs under an account type, it is not a list of accounts (which the
// access rules filter by owner and team), and its `where` compares the list's own
// columns (no has…With: a sub-select of its own). Every fragment is walked, whatever
// its type condition: a fragment that does not apply can only make the answer no.
func byKeys(set ast.SelectionSet, vars map[string]any) bool {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Definition == nil || s.ObjectDefinition == nil {
				return false
			}
			if listing(s.Definition.Type) && !listByKey(s, vars) {
				return false
			}
			if !byKeys(s.SelectionSet, vars) {
				return false
			}
		case *ast.InlineFragment:
			if !byKeys(s.SelectionSet, vars) {
				return false
			}
		case *ast.FragmentSpread:
			if s.Definition == nil || !byKeys(s.Definition.SelectionSet, vars) {
				return false
			}
		}
	}
	return true
}

// listByKey reports whether a list field is read by its parent's key alone.
func listByKey(f *ast.Field, vars map[string]any) bool {
	if !accountTypes[listOwner(f.ObjectDefinition.Name)] || listOwner(f.Definition.Type.Name()) == "Customer" {
		return false
	}
	w, ok := f.ArgumentMap(vars)["where"]
	return !ok || ownColumns(w)
}

// ownColumns reports whether a where input compares only its type's own columns.
func ownColumns(w any) bool {
	switch v := w.(type) {
	case nil:
		return true
	case map[string]any:
		for k, sub := range v {
			switch {
			case strings.HasPrefix(k, "has"):
				return false
			case k == "and" || k == "or" || k == "not":
				if !ownColumns(sub) {
					return false
				}
			}
		}
		return true
	case []any:
		for _, sub := range v {
			if !ownColumns(sub) {
				return false
			}
		}
		return true
	}
	return false
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

// contactWrite is where logging a contact (createInteraction, logInteraction) writes
// it: its account, the contact, its audit row, the account's move, the tasks it ticks
// or makes, all by their keys; marked dbplan.ByKey. Only the write: a retry answers
// with the record read again (idempotency.go), with whatever the mutation's selection
// asks for under it, and that read is planned per run.
func contactWrite(ctx context.Context) context.Context { return dbplan.ByKey(ctx) }

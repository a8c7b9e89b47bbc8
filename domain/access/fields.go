package access

import (
	"sort"
	"strings"

	"tandem/ent/viewer"
)

// FieldRows answers, for one GraphQL field of one type, on which rows the viewer may
// read it: All (every row the viewer reads of the type), None, or a narrower set (a
// restricted field; its resolver asks RestrictedRows). Query and Mutation fields are
// the root: a partner may call the ones in PartnerRoot, our people every one (what
// each answers is still read under the table). Anything the table does not name is
// None: deny by default.
func FieldRows(v *viewer.Viewer, typ, field string) Rows {
	if v == nil {
		return None
	}
	partner := v.Role == viewer.Partner
	if field == "__typename" || strings.HasPrefix(typ, "__") {
		return All // the schema itself (introspection)
	}
	switch typ {
	case "Query", "Mutation":
		if partner && !partnerRoot[field] {
			return None
		}
		return All
	}
	if t, ok := Table[typ]; ok {
		if partner {
			if partnerFields[typ][field] {
				return All
			}
			return None
		}
		if r, ok := t.Restricted[field]; ok {
			return r.For(v)
		}
		if t.Read[v.Role] == nil {
			return None
		}
		return All
	}
	if _, ok := Views[typ]; ok {
		if partner {
			if viewPartner[typ][field] {
				return All
			}
			return None
		}
		if v.Internal() {
			return All
		}
		return None
	}
	if node, ok := Structural(typ); ok {
		if node == "" || TypeReadable(v, node) {
			return All
		}
	}
	return None
}

// TypeReadable reports whether the viewer may read any row of a type (or view).
func TypeReadable(v *viewer.Viewer, typ string) bool {
	if v == nil {
		return false
	}
	if t, ok := Table[typ]; ok {
		return t.Read[v.Role] != nil
	}
	if _, ok := Views[typ]; ok {
		if v.Role == viewer.Partner {
			return viewPartner[typ] != nil
		}
		return v.Internal()
	}
	if node, ok := Structural(typ); ok {
		return node == "" || TypeReadable(v, node)
	}
	return false
}

// Structural recognises Relay connections, edges and page infos: the node type they
// carry ("" for a page info).
func Structural(typ string) (node string, ok bool) {
	switch {
	case typ == "PageInfo" || typ == "TimelinePageInfo":
		return "", true
	case strings.HasSuffix(typ, "Connection"):
		return strings.TrimSuffix(typ, "Connection"), true
	case strings.HasSuffix(typ, "Edge"):
		return strings.TrimSuffix(typ, "Edge"), true
	}
	return "", false
}

// PartnerMay reports whether a partner may read a field (a root field, a field of a
// stored type or of a view).
func PartnerMay(typ, field string) bool {
	return FieldRows(&viewer.Viewer{Role: viewer.Partner, TokenID: "any", Scopes: allScopes}, typ, field).IsAll()
}

// allScopes makes PartnerMay ask about fields, not about a token's scopes.
var allScopes = []string{"orders:read", "samples:read", "issues:read", "issues:write", "documents:read", "change_notices:read", "change_notices:write", "quotations:read", "quotations:write", "projects:read", "stock:read", "webhooks:manage"}

// The allow-lists as sets, built once.
var (
	partnerRoot   = set(PartnerRoot)
	partnerFields = map[string]map[string]bool{}
	viewPartner   = map[string]map[string]bool{}
)

func init() {
	for name, t := range Table {
		partnerFields[name] = set(t.Partner)
	}
	for name, v := range Views {
		if v.Partner != nil {
			viewPartner[name] = set(v.Partner)
		}
	}
}

func set(names []string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

func splitFields(s string) []string { return strings.Fields(s) }

// Restricted reports whether a field is narrower than its type's rows.
func Restricted(typ, field string) bool {
	_, ok := Table[typ].Restricted[field]
	return ok
}

// MayExplore reports whether the viewer uses the GraphQL explorer, the analysts' desk
// tool (reps work in the app, partners in their own systems).
func MayExplore(v *viewer.Viewer) bool {
	if v == nil {
		return false
	}
	switch v.Role {
	case viewer.Admin, viewer.Manager, viewer.Analyst:
		return true
	}
	return false
}

// Readable lists, in order, the stored types of which the viewer reads some rows.
func Readable(v *viewer.Viewer) []string {
	var out []string
	for name, t := range Table {
		if v != nil && t.Read[v.Role] != nil {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// Manages reports whether the viewer makes a manager's decisions: an account's stage
// by hand, what follows an evaluation that did not select us, corrections of closed
// records.
func Manages(v *viewer.Viewer) bool {
	return v != nil && (v.Role == viewer.Manager || v.Role == viewer.Admin)
}

// MayImport reports whether the viewer brings in and takes out data in bulk (the app's
// Data area: imports from .xlsx/.csv, exports): the people who answer for the book.
func MayImport(v *viewer.Viewer) bool {
	return v != nil && (v.Role == viewer.Manager || v.Role == viewer.Admin)
}

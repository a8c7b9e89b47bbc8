package graph

import (
	"context"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"entgo.io/contrib/entgql"
	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"tandem/ent/errcode"
	"tandem/ent/schema/pulid"
)

// Limits on what one request's arguments may hold, checked before any resolver runs,
// so that an oversized request gets one clear error instead of a failed query (an
// `idIn` of 200,000 IDs exceeds the database's parameter limit) or thousands of
// errors (`nodes` with 100,000 IDs).
const (
	// MaxListItems bounds every list in any argument: each `…In`/`…NotIn` filter,
	// and/or/has…With lists, ID lists of inputs.
	MaxListItems = 1000
	// MaxInputValues bounds the list items of one operation's arguments in all.
	MaxInputValues = 10000
	// MaxNodes bounds nodes(ids:).
	MaxNodes = 100
)

// inputLimits walks the arguments of every field of the operation (fragments
// included): lists within MaxListItems and MaxInputValues, nodes(ids:) within
// MaxNodes, and every connection's after/before a cursor of that connection. The
// walk is generic: it covers every type and filter, including those added later.
type inputLimits struct {
	schema *ast.Schema
}

func (inputLimits) ExtensionName() string                   { return "InputLimits" }
func (inputLimits) Validate(graphql.ExecutableSchema) error { return nil }

func (l inputLimits) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	w := &inputWalk{schema: l.schema, vars: oc.Variables, doc: oc.Doc, seen: map[string]bool{}}
	w.selections(oc.Operation.SelectionSet)
	return w.err
}

type inputWalk struct {
	schema *ast.Schema
	vars   map[string]any
	doc    *ast.QueryDocument
	seen   map[string]bool
	total  int
	err    *gqlerror.Error
}

func (w *inputWalk) fail(field, format string, args ...any) {
	if w.err == nil {
		ext := map[string]any{"code": string(errcode.BadUserInput)}
		if field != "" {
			ext["field"] = field
		}
		w.err = &gqlerror.Error{Message: fmt.Sprintf(format, args...), Extensions: ext}
	}
}

func (w *inputWalk) selections(set ast.SelectionSet) {
	for _, s := range set {
		if w.err != nil {
			return
		}
		switch s := s.(type) {
		case *ast.Field:
			w.field(s)
			w.selections(s.SelectionSet)
		case *ast.InlineFragment:
			w.selections(s.SelectionSet)
		case *ast.FragmentSpread:
			if w.seen[s.Name] {
				continue
			}
			w.seen[s.Name] = true
			if f := w.doc.Fragments.ForName(s.Name); f != nil {
				w.selections(f.SelectionSet)
			}
		}
	}
}

func (w *inputWalk) field(f *ast.Field) {
	if len(f.Arguments) == 0 || f.Definition == nil {
		return
	}
	args := f.ArgumentMap(w.vars)
	if f.Name == "nodes" && f.ObjectDefinition != nil && f.ObjectDefinition.Name == "Query" {
		if ids, _ := args["ids"].([]any); len(ids) > MaxNodes {
			w.fail("ids", "nodes: at most %d IDs per request (got %d); split the list", MaxNodes, len(ids))
			return
		}
	}
	for _, a := range f.Definition.Arguments {
		v, ok := args[a.Name]
		if !ok || v == nil {
			continue
		}
		w.value(f.Name+"."+a.Name, a.Name, v)
		if a.Type.NamedType == "Cursor" {
			w.cursor(f, a.Name, v, args)
		}
	}
}

// value checks the lists within an argument value; path names it for the message,
// field is the innermost named member (extensions.field).
func (w *inputWalk) value(path, field string, v any) {
	if w.err != nil {
		return
	}
	switch v := v.(type) {
	case []any:
		if len(v) > MaxListItems {
			w.fail(field, "%s: at most %s values (got %s); narrow the filter or split the request", path, thousands(MaxListItems), thousands(len(v)))
			return
		}
		if w.total += len(v); w.total > MaxInputValues {
			w.fail(field, "the request's arguments hold more than %s list values in all; split it", thousands(MaxInputValues))
			return
		}
		for i, item := range v {
			w.value(path+"."+strconv.Itoa(i), field, item)
		}
	case map[string]any:
		for k, item := range v {
			w.value(path+"."+k, k, item)
		}
	}
}

// cursor checks an after/before argument: a cursor this server made for this
// connection (the ID of its node type; an order value of the ordered field's type).
func (w *inputWalk) cursor(f *ast.Field, arg string, v any, args map[string]any) {
	if w.err != nil {
		return
	}
	bad := func(why string) {
		w.fail(arg, "%s.%s: %s; pass pageInfo.endCursor (or startCursor) of this list as it was given", f.Name, arg, why)
	}
	var c entgql.Cursor[pulid.ID]
	if err := c.UnmarshalGQL(v); err != nil {
		bad("not a cursor")
		return
	}
	node := w.nodeType(f.Definition.Type.Name())
	if node == nil {
		return
	}
	if prefix := prefixOf[node.Name]; prefix != "" && (!c.ID.Valid() || c.ID.Prefix() != prefix) {
		bad("a cursor of another list")
		return
	}
	if c.Value == nil {
		return
	}
	order, _ := args["orderBy"].(map[string]any)
	field, _ := order["field"].(string)
	if field == "" {
		return
	}
	def := node.Fields.ForName(graphQLName(strings.ToLower(field)))
	if def == nil {
		return
	}
	if !cursorValueFits(def.Type.Name(), w.schema.Types[def.Type.Name()], c.Value) {
		bad("a cursor of another ordering")
	}
}

// nodeType is the node type of a connection type (XConnection → edges → node).
func (w *inputWalk) nodeType(connection string) *ast.Definition {
	conn := w.schema.Types[connection]
	if conn == nil || !strings.HasSuffix(connection, "Connection") {
		return nil
	}
	edges := conn.Fields.ForName("edges")
	if edges == nil {
		return nil
	}
	edge := w.schema.Types[edges.Type.Name()]
	if edge == nil {
		return nil
	}
	node := edge.Fields.ForName("node")
	if node == nil {
		return nil
	}
	return w.schema.Types[node.Type.Name()]
}

// cursorValueFits reports whether a cursor's order value has the type of the field
// the list is ordered by.
func cursorValueFits(typeName string, def *ast.Definition, v any) bool {
	rv := reflect.ValueOf(v)
	switch {
	case typeName == "Time":
		_, ok := v.(time.Time)
		return ok
	case typeName == "Int":
		return rv.CanInt() || rv.CanUint()
	case typeName == "Float":
		return rv.CanInt() || rv.CanUint() || rv.CanFloat()
	case typeName == "Boolean":
		return rv.Kind() == reflect.Bool
	case typeName == "String", typeName == "ID", def != nil && def.Kind == ast.Enum:
		return rv.Kind() == reflect.String
	}
	return true
}

// prefixOf maps a node type to its ID prefix.
var prefixOf = func() map[string]string {
	m := map[string]string{}
	for p, t := range pulid.Types {
		m[t] = p
	}
	return m
}()

// thousands writes 200000 as 200,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

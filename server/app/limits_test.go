package app_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"tandem/ent/customer"
	"tandem/ent/sampleevent"
	"tandem/graph"
)

// Issue 9, item 7: no size limits. A 30 MB string was stored in a text field (a
// page of five such rows: a 150 MB answer), nodes(ids:) with 100,000 IDs answered
// 100,000 errors, an …In filter with 200,000 IDs failed INTERNAL.

func TestStringFieldLimits(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		rep := e.token(e.f.rep1)
		customers := func() int { return c.Customer.Query().CountX(e.sys) }
		before := customers()
		create := `mutation($in: CreateCustomerInput!) { createCustomer(input: $in) { id } }`
		e.logLines()
		for _, tc := range []struct {
			what  string
			in    map[string]any
			field string
		}{
			{"a name of 201 characters", map[string]any{"name": strings.Repeat("华", 201)}, "name"},
			{"notes of 20,001 characters", map[string]any{"name": "Ok Co", "notes": strings.Repeat("长", 20001)}, "notes"},
			{"a phone number of 41 characters", map[string]any{"name": "Ok Co", "phone": strings.Repeat("1", 41)}, "phone"},
			{"a 3 MB profile", map[string]any{"name": "Ok Co", "founderHistory": strings.Repeat("x", 3<<20)}, "founderHistory"},
		} {
			r := e.do(rep, create, map[string]any{"in": tc.in})
			if r.code() != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != tc.field {
				t.Fatalf("%s: %+v", tc.what, r.Errors)
			}
			if !strings.Contains(r.Errors[0].Message, "at most") || len(r.Errors[0].Message) > 300 {
				t.Fatalf("%s: message %.300q", tc.what, r.Errors[0].Message)
			}
			if n := customers(); n != before {
				t.Fatalf("%s: a customer was written", tc.what)
			}
			e.quietLog(t, tc.what, 1)
		}
		// 30 MB never reaches a field: the body is refused first.
		a := e.send("POST", "application/json", "", rep, []byte(`{"query": "mutation($n: String) { createCustomer(input: {name: \"Big\", notes: $n}) { id } }", "variables": {"n": "`+strings.Repeat("x", 30<<20)+`"}}`), nil)
		if a.status != 413 || a.body.code() != "BAD_USER_INPUT" || customers() != before {
			t.Fatalf("30 MB: %d %.300s", a.status, a.raw)
		}
		// At the limit, in Chinese: characters, not bytes.
		e.ok(rep, create, map[string]any{"in": map[string]any{"name": strings.Repeat("华", 200), "notes": strings.Repeat("长", 20000)}})
		if n := c.Customer.Query().Where(customer.NameEQ(strings.Repeat("华", 200))).CountX(e.sys); n != 1 {
			t.Fatalf("200 Chinese characters: %d customers", n)
		}
		// An update is checked the same way, and a move with a long note moves nothing.
		r := e.do(rep, `mutation($id: ID!, $n: String) { updateCustomer(id: $id, input: {notes: $n}) { id } }`, map[string]any{"id": e.f.acmeEast.ID, "n": strings.Repeat("n", 20001)})
		expectCode(t, r, "BAD_USER_INPUT")
		r = e.do(rep, `mutation($id: ID!, $n: String) { advanceSample(input: {id: $id, to: PREPARED, note: $n}) { id } }`, map[string]any{"id": e.f.acmeSample.ID, "n": strings.Repeat("n", 2001)})
		if r.code() != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != "note" {
			t.Fatalf("long event note: %+v", r.Errors)
		}
		if s := c.Sample.GetX(e.sys, e.f.acmeSample.ID); s.Status != "REQUESTED" || c.SampleEvent.Query().Where(sampleevent.SampleID(s.ID)).CountX(e.sys) != 0 {
			t.Fatalf("a refused move was written: %s", s.Status)
		}
		// Sign-in does not hash or store an endless email or password.
		r = e.do("", loginMutation, map[string]any{"e": strings.Repeat("a", 300) + "@t.test", "p": "x"})
		if r.code() != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != "email" {
			t.Fatalf("long email: %+v", r.Errors)
		}
		r = e.do("", loginMutation, map[string]any{"e": "rep1@t.test", "p": strings.Repeat("p", 1025)})
		if r.code() != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != "password" {
			t.Fatalf("long password: %+v", r.Errors)
		}
	})
}

// The limits are in the schema's descriptions, where API users read them.
func TestLimitsAreDescribed(t *testing.T) {
	sdl := string(graph.SDL)
	for _, want := range []string{"At most 200 characters.", "At most 2,000 characters.", "At most 20,000 characters."} {
		if !strings.Contains(sdl, want) {
			t.Errorf("the schema does not say %q", want)
		}
	}
}

func TestNodesLimit(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		tok := e.token(e.f.admin)
		q := `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`
		ids := func(n int) []string {
			out := make([]string, n)
			for i := range out {
				out[i] = fmt.Sprintf("CU01ZZZZZZZZZZZZZZZZZ%07d", i)
			}
			return out
		}
		e.logLines()
		for _, n := range []int{101, 100000} {
			r := e.do(tok, q, map[string]any{"ids": ids(n)})
			if len(r.Errors) != 1 || r.code() != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != "ids" {
				t.Fatalf("%d ids: %d errors, first %+v", n, len(r.Errors), r.Errors[0])
			}
			e.quietLog(t, fmt.Sprintf("%d ids", n), 1)
		}
		// 100 unknown or malformed IDs: NOT_FOUND each, nothing in the log.
		some := ids(97)
		some = append(some, "garbage", "", strings.Repeat("Z", 5000))
		r := e.do(tok, q, map[string]any{"ids": some})
		if len(r.Errors) != 100 {
			t.Fatalf("%d errors for 100 missing nodes", len(r.Errors))
		}
		for _, er := range r.Errors {
			if er.Extensions["code"] != "NOT_FOUND" {
				t.Fatalf("missing node: %+v", er)
			}
		}
		expectCode(t, e.do(tok, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": "not an id"}), "NOT_FOUND")
		e.quietLog(t, "missing nodes", 2)
		// A real one is found among them.
		some[0] = string(e.f.acmeEast.ID)
		r = e.do(tok, q, map[string]any{"ids": some})
		if dig(r.Data, "nodes", 0, "id") != string(e.f.acmeEast.ID) || len(r.Errors) != 99 {
			t.Fatalf("mixed: %d errors, %v", len(r.Errors), dig(r.Data, "nodes", 0))
		}
	})
}

// inFilter is one …In/…NotIn field of a where input, reached from a root list.
type inFilter struct {
	input, field string
	elem         *ast.Type
	root         string   // the root connection field
	path         []string // has…With fields from the root's where input to input
}

// inFilters lists every …In and …NotIn filter of the schema, each with a way to
// reach it from a root connection: a new filter is tested without editing the test.
func inFilters(t *testing.T) ([]inFilter, *ast.Schema) {
	t.Helper()
	schema, err := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphql", Input: string(graph.SDL)})
	if err != nil {
		t.Fatal(err)
	}
	// Breadth-first from the root connections' where inputs through has…With.
	type route struct {
		root string
		path []string
	}
	routes := map[string]route{}
	var queue []string
	roots := schema.Query.Fields
	sort.Slice(roots, func(i, j int) bool { return roots[i].Name < roots[j].Name })
	for _, f := range roots {
		where := f.Arguments.ForName("where")
		if where == nil || !strings.HasSuffix(f.Type.Name(), "Connection") || f.Arguments.ForName("first") == nil {
			continue
		}
		if _, ok := routes[where.Type.Name()]; !ok {
			routes[where.Type.Name()] = route{root: f.Name}
			queue = append(queue, where.Type.Name())
		}
	}
	for ; len(queue) > 0; queue = queue[1:] {
		in := schema.Types[queue[0]]
		for _, f := range in.Fields {
			if !strings.HasPrefix(f.Name, "has") || !strings.HasSuffix(f.Name, "With") {
				continue
			}
			next := f.Type.Name()
			if _, ok := routes[next]; !ok {
				r := routes[in.Name]
				routes[next] = route{root: r.root, path: append(append([]string{}, r.path...), f.Name)}
				queue = append(queue, next)
			}
		}
	}
	var out []inFilter
	names := make([]string, 0, len(schema.Types))
	for n := range schema.Types {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		def := schema.Types[n]
		if def.Kind != ast.InputObject || !strings.HasSuffix(n, "WhereInput") {
			continue
		}
		for _, f := range def.Fields {
			if !(strings.HasSuffix(f.Name, "In") || strings.HasSuffix(f.Name, "NotIn")) || f.Type.Elem == nil {
				continue
			}
			r, ok := routes[n]
			if !ok {
				t.Errorf("%s.%s: no root list reaches %s", n, f.Name, n)
				continue
			}
			out = append(out, inFilter{input: n, field: f.Name, elem: f.Type.Elem, root: r.root, path: r.path})
		}
	}
	return out, schema
}

// query is a request with the filter given n values, as a variable.
func (f inFilter) query(schema *ast.Schema, n int) (string, map[string]any) {
	where := fmt.Sprintf("{%s: $v}", f.field)
	for i := len(f.path) - 1; i >= 0; i-- {
		where = fmt.Sprintf("{%s: [%s]}", f.path[i], where)
	}
	var v any
	switch name := f.elem.Name(); {
	case name == "ID", name == "String":
		v = "CU01ZZZZZZZZZZZZZZZZZZZZZZZZ"
	case name == "Int":
		v = 1
	case name == "Float":
		v = 1.5
	case name == "Time":
		v = "2026-01-01T00:00:00Z"
	case schema.Types[name] != nil && schema.Types[name].Kind == ast.Enum:
		v = schema.Types[name].EnumValues[0].Name
	default:
		v = "x"
	}
	vals := make([]any, n)
	for i := range vals {
		vals[i] = v
	}
	return fmt.Sprintf(`query($v: %s) { %s(first: 1, where: %s) { totalCount } }`, f.elemList(), f.root, where), map[string]any{"v": vals}
}

func (f inFilter) elemList() string { return "[" + f.elem.String() + "]" }

func TestEveryInFilterIsLimited(t *testing.T) {
	filters, schema := inFilters(t)
	if len(filters) < 100 {
		t.Fatalf("only %d …In filters found: the schema walk is broken", len(filters))
	}
	eachDB(t, func(t *testing.T, e *env) {
		tok := e.token(e.f.admin)
		e.logLines()
		for _, f := range filters {
			q, vars := f.query(schema, graph.MaxListItems+1)
			r := e.do(tok, q, vars)
			if len(r.Errors) != 1 || r.code() != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != f.field {
				t.Fatalf("%s.%s with %d values (via %s %v): %+v", f.input, f.field, graph.MaxListItems+1, f.root, f.path, r.Errors)
			}
		}
		e.quietLog(t, "oversized filters", len(filters))
		// At the limit, a filter runs.
		q, vars := filters[0].query(schema, graph.MaxListItems)
		if r := e.do(tok, q, vars); len(r.Errors) > 0 {
			t.Fatalf("%s.%s with %d values: %+v", filters[0].input, filters[0].field, graph.MaxListItems, r.Errors)
		}
	})
}

func TestLargeFiltersAreRefusedWhole(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		tok := e.token(e.f.admin)
		e.logLines()
		// 200,000 values in one filter: one BAD_USER_INPUT, not a database failure.
		many := make([]string, 200000)
		for i := range many {
			many[i] = "OPEN"
		}
		r := e.do(tok, `query($s: [IssueStatus!]) { issues(first: 5, where: {statusIn: $s}) { totalCount } }`, map[string]any{"s": many})
		if len(r.Errors) != 1 || r.code() != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != "statusIn" {
			t.Fatalf("200,000 values: %+v", r.Errors)
		}
		// Many filters of 1,000 values each: refused in all.
		ids := make([]string, 1000)
		for i := range ids {
			ids[i] = fmt.Sprintf("CU01ZZZZZZZZZZZZZZZZZZZZ%04d", i)
		}
		or := make([]any, 11)
		for i := range or {
			or[i] = map[string]any{"idIn": ids}
		}
		r = e.do(tok, `query($w: CustomerWhereInput) { customers(first: 5, where: $w) { totalCount } }`, map[string]any{"w": map[string]any{"or": or}})
		if len(r.Errors) != 1 || r.code() != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "10,000") {
			t.Fatalf("11 × 1,000 values: %+v", r.Errors)
		}
		e.quietLog(t, "large filters", 2)
	})
}

// One request cannot flood the log: 100 internal errors log ten lines and a summary,
// and its access line counts them.
func TestInternalErrorsLogBounded(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		tok := e.token(e.f.admin)
		ids := make([]string, 100)
		for i := range ids {
			ids[i] = fmt.Sprintf("CP01ZZZZZZZZZZZZZZZZZZZZ%04d", i)
		}
		// Every competitor lookup now fails in the database.
		if _, err := e.app.DB.DB.Exec(`DROP TABLE competitors`); err != nil {
			t.Fatal(err)
		}
		e.logLines()
		r := e.do(tok, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids})
		if len(r.Errors) != 100 || r.code() != "INTERNAL" || strings.Contains(r.Errors[0].Message, "competitors") {
			t.Fatalf("%d errors, first %+v", len(r.Errors), r.Errors[0])
		}
		lines := e.logLines()
		errorLines := 0
		for _, l := range lines {
			if strings.Contains(l, "level=ERROR") {
				errorLines++
			}
		}
		if errorLines != graph.MaxLoggedErrors+1 || !strings.Contains(lines[len(lines)-1], "internal_errors=100") {
			t.Fatalf("%d error lines for 100 internal errors:\n%s", errorLines, strings.Join(lines, "\n"))
		}
	})
}

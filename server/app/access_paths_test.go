package app_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2/ast"

	"tandem/domain/access"
	"tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/privacy"
	"tandem/ent/schema/pulid"
	"tandem/ent/user"
	"tandem/ent/viewer"
	"tandem/graph"
	"tandem/graph/generated"
	"tandem/server/app"
	"tandem/server/auth"
	"tandem/server/demo"
)

// TestAccessPathsFromSchema is the access table tried as an attacker would, on the demo
// book, generated from the GraphQL schema (so an edge or filter added tomorrow is tried
// the day it appears). For every role and every root connection with a `where`:
//   - every relation filter (has…With) given only rows of the related type the role
//     may not read matches nothing (totalCount 0) or is refused — at depth one, and at
//     depth two through every related type the role reads;
//   - has…: true counts exactly the rows that have a related row the role reads, and
//     has…: false the others;
//   - every field the role may not read, used as a filter, is refused or matches nothing.
//
// A path is "exercised" when, without the scoping, the filter would have matched rows
// the role reads (an admin counts them): only those could leak, and the test requires
// many of them for each role so the fixture cannot quietly stop covering anything.
func TestAccessPathsFromSchema(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b, func(t *testing.T) {
			t.Parallel()
			e := newDemoEnv(t, b)
			p := newPathProbe(t, e)
			for _, r := range p.roles {
				st := p.tryRole(r)
				t.Logf("%-8s %-9s relation filters: %4d tried (%3d exercised), depth two: %4d (%3d exercised), has…: %3d, hidden fields: %3d (%d exercised)",
					b, r.name, st.edges, st.edgesHit, st.deep, st.deepHit, st.has, st.fields, st.fieldsHit)
				if r.name != "admin" && st.edgesHit+st.deepHit+st.fieldsHit < 20 {
					t.Errorf("%s: only %d exercised paths: the demo book no longer has rows this role may not read", r.name, st.edgesHit+st.deepHit+st.fieldsHit)
				}
			}
		})
	}
}

// newDemoEnv is a Tandem on its own database filled with the demo book.
func newDemoEnv(t *testing.T, backend string) *env {
	t.Helper()
	e := &env{t: t}
	cfg := app.Config{DataDir: t.TempDir(), JWTSecret: testSecret, Env: "test", Addr: ":0", Demo: true}
	if backend == "postgres" {
		cfg.DatabaseURL = pgSchema(t)
	}
	a, err := app.New(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), app.Options{
		Throttle: &auth.Throttle{Limit: 1000, PerAddrLimit: 100000, Window: time.Minute, Block: time.Minute},
	})
	if err != nil {
		t.Fatalf("starting tandem on %s: %v", backend, err)
	}
	e.app, e.srv = a, httptest.NewServer(a.Handler)
	t.Cleanup(func() { e.srv.Close(); a.Close() })
	e.sys = privacy.DecisionContext(context.Background(), privacy.Allow)
	return e
}

type probeRole struct {
	name  string
	token string
	ctx   context.Context // the role's viewer, for reading with ent what it may read
	v     *viewer.Viewer
}

type pathProbe struct {
	t      *testing.T
	e      *env
	s      *ast.Schema
	admin  string
	roles  []probeRole
	roots  []probeRoot
	all    map[string][]string // every row ID of a type
	client *ent.Client
}

type probeRoot struct {
	field string // root query field, e.g. "customers"
	typ   string // its node type
	edges []probeEdge
}

type probeEdge struct{ key, has, target string }

func newPathProbe(t *testing.T, e *env) *pathProbe {
	p := &pathProbe{t: t, e: e, client: e.app.DB.Client, all: map[string][]string{}}
	p.s = generated.NewExecutableSchema(generated.Config{Resolvers: &graph.Resolver{}}).Schema()
	login := func(email string) (string, *ent.User) {
		d := e.ok("", loginMutation, map[string]any{"e": email, "p": demo.Password})
		u := e.app.DB.Client.User.Query().Where(user.Email(email)).OnlyX(e.sys)
		return dig(d, "login", "accessToken").(string), u
	}
	for _, who := range []string{"admin", "manager", "rep1", "rep2", "rep3", "analyst"} {
		tok, u := login(who + "@demo.tandem")
		v := auth.ViewerOf(u)
		p.roles = append(p.roles, probeRole{name: who, token: tok, v: v, ctx: viewer.NewContext(context.Background(), v)})
		if who == "admin" {
			p.admin = tok
		}
	}
	// A partner token of a customer with orders, samples and problems, every scope.
	cu := e.app.DB.Client.Customer.Query().Where(customer.HasOrders(), customer.HasSamples(), customer.HasIssues()).
		Order(ent.Asc(customer.FieldName)).FirstX(e.sys)
	secret, id := e.ptIssue(p.admin, cu.ID, "orders:read", "samples:read", "issues:read", "issues:write", "documents:read", "change_notices:read", "quotations:read", "quotations:write", "projects:read", "webhooks:manage")
	pv := &viewer.Viewer{Role: viewer.Partner, CustomerID: cu.ID, TokenID: id, Scopes: []string{"orders:read", "samples:read", "issues:read", "issues:write", "documents:read", "change_notices:read", "quotations:read", "quotations:write", "projects:read", "webhooks:manage"}}
	p.roles = append(p.roles, probeRole{name: "partner", token: secret, v: pv, ctx: viewer.NewContext(context.Background(), pv)})

	for _, f := range p.s.Query.Fields {
		typ := strings.TrimSuffix(f.Type.Name(), "Connection")
		in := p.s.Types[typ+"WhereInput"]
		if typ == f.Type.Name() || f.Arguments.ForName("where") == nil || in == nil {
			continue
		}
		root := probeRoot{field: f.Name, typ: typ}
		root.edges = p.edgesOf(typ)
		p.roots = append(p.roots, root)
	}
	sort.Slice(p.roots, func(i, j int) bool { return p.roots[i].field < p.roots[j].field })
	if len(p.roots) < 20 {
		t.Fatalf("only %d root connections found in the schema", len(p.roots))
	}
	return p
}

// edgesOf lists the relation filters of a type's where input.
func (p *pathProbe) edgesOf(typ string) []probeEdge {
	var out []probeEdge
	for _, f := range p.s.Types[typ+"WhereInput"].Fields {
		name, ok := strings.CutPrefix(f.Name, "has")
		if !ok || !strings.HasSuffix(name, "With") {
			continue
		}
		out = append(out, probeEdge{key: f.Name, has: strings.TrimSuffix(f.Name, "With"), target: strings.TrimSuffix(f.Type.Name(), "WhereInput")})
	}
	return out
}

// ids returns the IDs of a type's rows readable in ctx (every row with the system
// context); nil when the type is not readable at all.
func (p *pathProbe) ids(ctx context.Context, typ string) []string {
	c := reflect.ValueOf(p.client).Elem().FieldByName(typ)
	if !c.IsValid() {
		p.t.Fatalf("no ent client for %s", typ)
	}
	res := c.MethodByName("Query").Call(nil)[0].MethodByName("IDs").Call([]reflect.Value{reflect.ValueOf(ctx)})
	if !res[1].IsNil() {
		return nil
	}
	var out []string
	for _, id := range res[0].Interface().([]pulid.ID) {
		out = append(out, string(id))
	}
	return out
}

func (p *pathProbe) allIDs(typ string) []string {
	if ids, ok := p.all[typ]; ok {
		return ids
	}
	p.all[typ] = p.ids(p.e.sys, typ)
	return p.all[typ]
}

func minus(all, some []string) []string {
	seen := map[string]bool{}
	for _, s := range some {
		seen[s] = true
	}
	var out []string
	for _, a := range all {
		if !seen[a] {
			out = append(out, a)
		}
	}
	return out
}

// capped keeps a list within the 1,000 values a filter list takes.
func capped(ids []string) []string { return ids[:min(len(ids), 1000)] }

type probeStats struct{ edges, edgesHit, deep, deepHit, has, fields, fieldsHit int }

// count runs `{ root(first: 1, where: $w) { totalCount } }` and returns the count,
// or -1 when the filter was refused (FORBIDDEN).
func (p *pathProbe) count(token, root string, where map[string]any) int {
	p.t.Helper()
	r := p.e.do(token, fmt.Sprintf(`query($w: %sWhereInput) { %s(first: 1, where: $w) { totalCount } }`, p.rootType(root), root), map[string]any{"w": where})
	if len(r.Errors) > 0 {
		if r.code() == "FORBIDDEN" && dig(r.Data, root) == nil {
			return -1
		}
		p.t.Fatalf("%s(where: %v): %+v", root, where, r.Errors)
	}
	return num(dig(r.Data, root, "totalCount"))
}

func (p *pathProbe) rootType(root string) string {
	return strings.TrimSuffix(p.s.Query.Fields.ForName(root).Type.Name(), "Connection")
}

func (p *pathProbe) tryRole(r probeRole) probeStats {
	var st probeStats
	readable := map[string][]string{}
	rows := func(typ string) []string {
		if ids, ok := readable[typ]; ok {
			return ids
		}
		readable[typ] = p.ids(r.ctx, typ)
		return readable[typ]
	}
	for _, root := range p.roots {
		if !access.TypeReadable(r.v, root.typ) {
			continue
		}
		mine := rows(root.typ)
		for _, ed := range root.edges {
			out := minus(p.allIDs(ed.target), rows(ed.target))
			if len(out) > 0 {
				st.edges++
				w := map[string]any{ed.key: []any{map[string]any{"idIn": capped(out)}}}
				if n := p.count(r.token, root.field, w); n > 0 {
					p.t.Errorf("LEAK %s: %s(where: {%s: [rows it may not read]}) counts %d", r.name, root.field, ed.key, n)
				}
				if len(mine) > 0 && p.count(p.admin, root.field, map[string]any{"idIn": capped(mine), ed.key: w[ed.key]}) > 0 {
					st.edgesHit++
				}
			}
			p.tryHas(r, root, ed, mine, rows(ed.target), &st)
			if !access.TypeReadable(r.v, ed.target) {
				continue
			}
			// Depth two: through a related type the role reads, to rows it does not.
			for _, deep := range p.edgesOf(ed.target) {
				out := minus(p.allIDs(deep.target), rows(deep.target))
				if len(out) == 0 {
					continue
				}
				st.deep++
				inner := []any{map[string]any{deep.key: []any{map[string]any{"idIn": capped(out)}}}}
				if n := p.count(r.token, root.field, map[string]any{ed.key: inner}); n > 0 {
					p.t.Errorf("LEAK %s: %s(where: {%s: [{%s: [rows it may not read]}]}) counts %d", r.name, root.field, ed.key, deep.key, n)
				}
				theirs := rows(ed.target)
				if len(mine) > 0 && len(theirs) > 0 {
					ctl := []any{map[string]any{"idIn": capped(theirs), deep.key: []any{map[string]any{"idIn": capped(out)}}}}
					if p.count(p.admin, root.field, map[string]any{"idIn": capped(mine), ed.key: ctl}) > 0 {
						st.deepHit++
					}
				}
			}
		}
		p.tryHiddenFields(r, root, mine, &st)
	}
	return st
}

// tryHas checks has…: true and false against what the role reads.
func (p *pathProbe) tryHas(r probeRole, root probeRoot, ed probeEdge, mine, theirs []string, st *probeStats) {
	if len(mine) > 1000 || len(theirs) > 1000 || !access.TypeReadable(r.v, ed.target) {
		return
	}
	st.has++
	want := 0
	if len(mine) > 0 && len(theirs) > 0 {
		want = p.count(p.admin, root.field, map[string]any{"idIn": mine, ed.key: []any{map[string]any{"idIn": theirs}}})
	}
	yes := p.count(r.token, root.field, map[string]any{ed.has: true})
	no := p.count(r.token, root.field, map[string]any{ed.has: false})
	if yes == -1 && no == -1 {
		return // the relation is not the role's to filter on (a partner's internal edge)
	}
	if yes != want || yes+no != len(mine) {
		p.t.Errorf("LEAK %s: %s(where: {%s: true}) = %d and false = %d; it reads %d rows, %d of them with a %s it reads",
			r.name, root.field, ed.has, yes, no, len(mine), want, ed.target)
	}
}

// tryHiddenFields uses every field the role may not read as a filter.
func (p *pathProbe) tryHiddenFields(r probeRole, root probeRoot, mine []string, st *probeStats) {
	in := p.s.Types[root.typ+"WhereInput"]
	for _, f := range p.s.Types[root.typ].Fields {
		if !access.FieldRows(r.v, root.typ, f.Name).IsNone() {
			continue
		}
		key, val := p.filterOn(in, f.Name)
		if key == "" {
			continue
		}
		st.fields++
		w := map[string]any{key: val}
		if n := p.count(r.token, root.field, w); n > 0 {
			p.t.Errorf("LEAK %s: %s(where: {%s: %v}) counts %d, though it may not read %s.%s", r.name, root.field, key, val, n, root.typ, f.Name)
		}
		if len(mine) > 0 && p.count(p.admin, root.field, map[string]any{"idIn": capped(mine), key: val}) > 0 {
			st.fieldsHit++
		}
	}
}

// filterOn picks a filter on a field that matches most rows: …NotNil, …NEQ a value
// no row has, or the field itself for a boolean.
func (p *pathProbe) filterOn(in *ast.Definition, field string) (string, any) {
	if in.Fields.ForName(field+"NotNil") != nil {
		return field + "NotNil", true
	}
	f := in.Fields.ForName(field + "NEQ")
	if f == nil {
		return "", nil
	}
	switch typ := p.s.Types[f.Type.Name()]; {
	case typ.Kind == ast.Enum:
		return f.Name, typ.EnumValues[len(typ.EnumValues)-1].Name
	case typ.Name == "Boolean":
		return f.Name, true
	case typ.Name == "Int" || typ.Name == "Float":
		return f.Name, -987654
	case typ.Name == "Time":
		return f.Name, "1971-01-01T00:00:00Z"
	case typ.Name == "ID":
		return f.Name, "XX00000000000000000000000000"
	}
	return f.Name, "\x01no such value"
}

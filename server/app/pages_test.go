package app_test

import (
	"fmt"
	"testing"
)

// A page counts the viewer's rows only when the query asks for totalCount (or for
// pageInfo without edges): the page read one row past its end already says whether
// there is a next one. hasNextPage is right either way, at the last page and before it.
func TestPagesCountOnlyWhenAsked(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		tok := e.token(e.f.admin)
		n := e.app.DB.Client.Customer.Query().CountX(e.sys)
		if n < 3 {
			t.Fatalf("the fixture has %d accounts", n)
		}
		page := func(fields string, first int) (map[string]any, int64) {
			before := e.statements.Load()
			d := e.ok(tok, fmt.Sprintf(`{ customers(first: %d) { %s } }`, first, fields), nil)
			return d["customers"].(map[string]any), e.statements.Load() - before
		}
		edges := `edges { node { id } } pageInfo { hasNextPage endCursor }`
		_, plain := page(edges, 2)
		c, counted := page(edges+" totalCount", 2)
		if counted != plain+1 {
			t.Errorf("%d statements with totalCount, %d without: the count should be the one difference", counted, plain)
		}
		if num(c["totalCount"]) != n {
			t.Errorf("totalCount %v, want %d", c["totalCount"], n)
		}
		for first, next := range map[int]bool{n - 1: true, n: false, n + 1: false} {
			p, _ := page(edges, first)
			if got := dig(p, "pageInfo", "hasNextPage"); got != next {
				t.Errorf("first %d of %d: hasNextPage %v", first, n, got)
			}
			if got := len(p["edges"].([]any)); got != min(first, n) {
				t.Errorf("first %d of %d: %d edges", first, n, got)
			}
		}
		// pageInfo alone has no rows to look past: it counts.
		p, stmts := page(`pageInfo { hasNextPage }`, 1)
		if dig(p, "pageInfo", "hasNextPage") != true || stmts < 2 {
			t.Errorf("pageInfo alone: %v in %d statements", p, stmts)
		}
	})
}

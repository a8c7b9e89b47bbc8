package access

import (
	"database/sql/driver"
	"strings"
	"testing"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"tandem/ent/loadkeys"
	"tandem/ent/viewer"
)

// An edge's loader marks its query with the parents' ids; the account rule's
// sub-select then asks only about those accounts, and about nothing else.
func TestAccountRuleNarrowsToLoadedParents(t *testing.T) {
	rep := &viewer.Viewer{UserID: "USrep", Role: viewer.Rep, TeamID: "TMeast"}
	parents := []driver.Value{"CUa", "CUb"}
	// query marks a selector on contacts as mark says, and applies the rule to the
	// selector mark returns.
	query := func(mark func(s *sql.Selector) *sql.Selector) (string, []any) {
		s := sql.Dialect(dialect.Postgres).Select("id").From(sql.Table("contacts"))
		s = mark(s)
		OfAccounts(rep).Predicate()(s)
		return s.Query()
	}
	const narrowed = `"customers"."id" IN ($3, $4)`

	q, args := query(func(s *sql.Selector) *sql.Selector { loadkeys.Mark(s, "customer_id", parents); return s })
	if !strings.Contains(q, narrowed) || len(args) != 4 || args[2] != "CUa" || args[3] != "CUb" {
		t.Fatalf("a marked load's sub-select is not narrowed to its parents: %s %v", q, args)
	}
	if !strings.Contains(q, `"customers"."team_id" = $1 OR "customers"."owner_id" = $2`) {
		t.Fatalf("narrowing dropped the rule itself: %s", q)
	}

	unmarked := []struct {
		name string
		mark func(s *sql.Selector) *sql.Selector
	}{
		{"no loader", func(s *sql.Selector) *sql.Selector { return s }},
		{"another column", func(s *sql.Selector) *sql.Selector { loadkeys.Mark(s, "contact_id", parents); return s }},
		// A selector made from the marked one (a relation filter's sub-select) shares
		// its context but is not the query the loader restricted.
		{"another selector", func(s *sql.Selector) *sql.Selector {
			loadkeys.Mark(s, "customer_id", parents)
			return s.New().Select("id").From(sql.Table("contacts"))
		}},
	}
	for _, c := range unmarked {
		t.Run(c.name, func(t *testing.T) {
			q, args := query(c.mark)
			if strings.Contains(q, `"customers"."id" IN`) || len(args) != 2 {
				t.Fatalf("the sub-select was narrowed without its loader's mark: %s %v", q, args)
			}
		})
	}
}

// Under OR the account rule asks about the row's own account (a correlated EXISTS),
// which PostgreSQL looks up per row; at the top of a query it stays a sub-select the
// planner joins. Both select the same rows.
func TestAccountRuleUnderOrIsPerRow(t *testing.T) {
	rep := &viewer.Viewer{UserID: "USrep", Role: viewer.Rep, TeamID: "TMeast"}
	sqlOf := func(r Rows) string {
		s := sql.Dialect(dialect.Postgres).Select("id").From(sql.Table("tasks"))
		r.Predicate()(s)
		q, _ := s.Query()
		return q
	}
	top := sqlOf(OfAccounts(rep))
	if !strings.Contains(top, `"tasks"."customer_id" IN (SELECT "customers"."id" FROM "customers"`) || strings.Contains(top, "EXISTS") {
		t.Errorf("at the top: %s", top)
	}
	for name, r := range map[string]Rows{
		"or":       OfAccounts(rep).Or(eq("assignee_id", "USrep")),
		"and … or": OfAccounts(rep).And(eq("status", "OPEN")).Or(eq("assignee_id", "USrep")),
		"tasks":    Tasks(rep),
	} {
		q := sqlOf(r)
		if !strings.Contains(q, `EXISTS (SELECT "customers"."id" FROM "customers" WHERE "customers"."id" = "tasks"."customer_id" AND`) ||
			strings.Contains(q, `"tasks"."customer_id" IN (SELECT`) {
			t.Errorf("%s: the account rule under OR is not asked per row: %s", name, q)
		}
		if !strings.Contains(q, `"customers"."team_id" = $`) || !strings.Contains(q, `"customers"."owner_id" = $`) {
			t.Errorf("%s: the per-row form dropped the rule itself: %s", name, q)
		}
	}
}

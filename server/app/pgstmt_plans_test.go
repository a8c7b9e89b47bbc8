package app

import (
	"context"
	"database/sql"
	"testing"

	"tandem/server/dbplan"
)

// planRuns is how many runs of query this session planned once and kept (generic) and
// how many it planned for their arguments (custom), from pg_prepared_statements.
func planRuns(t *testing.T, c *sql.Conn, query string) (kept, perRun int) {
	t.Helper()
	err := c.QueryRowContext(context.Background(),
		"SELECT coalesce(sum(generic_plans), 0), coalesce(sum(custom_plans), 0) FROM pg_prepared_statements WHERE statement = $1", query).
		Scan(&kept, &perRun)
	if err != nil {
		t.Fatal(err)
	}
	return kept, perRun
}

// runs runs query n times on c (or tx) with ctx.
func runs(t *testing.T, ctx context.Context, q rowQuerier, query string, n int) {
	t.Helper()
	for range n {
		var id string
		if err := q.QueryRowContext(ctx, query, "pg_class").Scan(&id); err != nil {
			t.Fatal(err)
		}
	}
}

const planProbe = "SELECT oid::text FROM pg_class WHERE relname = $1"

// A statement run with a context marked dbplan.ByKey has its plan kept once
// PostgreSQL finds it as good as one made per run; any other is planned for its
// arguments, on the same connection, before and after.
func TestStatementsByKeyKeepTheirPlans(t *testing.T) {
	c := oneConn(t, pgURL(t))
	ctx, byKey := context.Background(), dbplan.ByKey(context.Background())

	runs(t, ctx, c, planProbe, 3)
	if kept, perRun := planRuns(t, c, planProbe); kept != 0 || perRun != 3 {
		t.Fatalf("unmarked: %d kept, %d per run; want 0, 3", kept, perRun)
	}
	runs(t, byKey, c, planProbe, 8) // PostgreSQL keeps a plan after five runs
	kept, perRun := planRuns(t, c, planProbe)
	if kept == 0 {
		t.Fatalf("by key: no run with a kept plan (%d per run)", perRun)
	}
	runs(t, ctx, c, planProbe, 2)
	if k, p := planRuns(t, c, planProbe); k != kept || p != perRun+2 {
		t.Errorf("unmarked after by key: %d kept, %d per run; want %d, %d", k, p, kept, perRun+2)
	}
	if got := show(t, c, "plan_cache_mode"); got != "force_custom_plan" {
		t.Errorf("plan_cache_mode after an unmarked statement: %s", got)
	}

	// A SET in a transaction rolled back is undone: the connection sets it again.
	kept, perRun = planRuns(t, c, planProbe)
	tx, err := c.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	runs(t, byKey, tx, planProbe, 1)
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	runs(t, byKey, c, planProbe, 2)
	if k, p := planRuns(t, c, planProbe); k != kept+3 || p != perRun {
		t.Errorf("by key after a rollback: %d kept, %d per run; want %d, %d", k, p, kept+3, perRun)
	}
}

// An operator's plan_cache_mode in the URL (as a parameter or in options) holds for
// every statement.
func TestPlanModeFromTheURLHolds(t *testing.T) {
	for _, param := range []string{"plan_cache_mode=force_custom_plan", "options=-c%20plan_cache_mode%3Dforce_custom_plan"} {
		c := oneConn(t, pgURL(t, param))
		runs(t, dbplan.ByKey(context.Background()), c, planProbe, 8)
		if kept, perRun := planRuns(t, c, planProbe); kept != 0 || perRun != 8 {
			t.Errorf("by key, %s: %d kept, %d per run; want 0, 8", param, kept, perRun)
		}
	}
	c := oneConn(t, pgURL(t, "plan_cache_mode=auto"))
	runs(t, dbplan.ByKey(context.Background()), c, planProbe, 1)
	runs(t, context.Background(), c, planProbe, 8)
	if kept, _ := planRuns(t, c, planProbe); kept == 0 {
		t.Error("unmarked, auto in the URL: no run with a kept plan")
	}
	if got := show(t, c, "plan_cache_mode"); got != "auto" {
		t.Errorf("auto in the URL, after an unmarked read: plan_cache_mode %s", got)
	}
}

// A statement sent as is that may change the mode (a SET however written, a COMMIT
// that rolls back) leaves it unknown: the next statement that asks for one sets it.
func TestSettingsSentAsIsAreForgotten(t *testing.T) {
	ctx, byKey := context.Background(), dbplan.ByKey(context.Background())
	for _, tc := range []struct {
		name string
		do   func(t *testing.T, c *sql.Conn)
	}{
		{"SET", func(t *testing.T, c *sql.Conn) { exec(t, c, "SET plan_cache_mode = auto") }},
		{"a SET after a comment", func(t *testing.T, c *sql.Conn) { exec(t, c, "/* ops */ SET plan_cache_mode = auto") }},
		{"set_config", func(t *testing.T, c *sql.Conn) {
			var v string
			if err := c.QueryRowContext(ctx, "SELECT set_config('plan_cache_mode', 'auto', false)").Scan(&v); err != nil {
				t.Fatal(err)
			}
		}},
		{"a COMMIT of a failed transaction", func(t *testing.T, c *sql.Conn) {
			runs(t, byKey, c, planProbe, 1) // auto
			exec(t, c, "BEGIN")
			runs(t, ctx, c, planProbe, 1) // per run, set in the transaction
			if _, err := c.ExecContext(ctx, "SELECT 1/0"); err == nil {
				t.Fatal("1/0 did not fail")
			}
			exec(t, c, "COMMIT") // rolls back: the session is auto again
		}},
		{"a statement prepared by hand", func(t *testing.T, c *sql.Conn) {
			runs(t, byKey, c, planProbe, 1) // auto
			st, err := c.PrepareContext(ctx, planProbe+" AND relkind <> 'x'")
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			for range 8 {
				var id string
				if err := st.QueryRowContext(ctx, "pg_class").Scan(&id); err != nil {
					t.Fatal(err)
				}
			}
			if got := show(t, c, "plan_cache_mode"); got != "force_custom_plan" {
				t.Errorf("a statement prepared by hand ran with plan_cache_mode %s", got)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := oneConn(t, pgURL(t))
			runs(t, ctx, c, planProbe, 1)
			tc.do(t, c)
			kept, perRun := planRuns(t, c, planProbe)
			runs(t, ctx, c, planProbe, 8)
			if k, p := planRuns(t, c, planProbe); k != kept || p != perRun+8 {
				t.Errorf("unmarked after it: %d kept, %d per run; want %d, %d", k, p, kept, perRun+8)
			}
		})
	}
}

func exec(t *testing.T, c *sql.Conn, query string) {
	t.Helper()
	if _, err := c.ExecContext(context.Background(), query); err != nil {
		t.Fatal(err)
	}
}

// A statement that plans the same either way (dbplan.AnyPlan) runs in the mode the
// connection is in, and does not switch it.
func TestAnyPlanKeepsTheConnectionsMode(t *testing.T) {
	c := oneConn(t, pgURL(t))
	either := dbplan.AnyPlan(context.Background())
	runs(t, dbplan.ByKey(context.Background()), c, planProbe, 8)
	kept, perRun := planRuns(t, c, planProbe) // an unmarked read: the mode is per run again
	runs(t, either, c, planProbe, 2)
	if k, p := planRuns(t, c, planProbe); k != kept || p != perRun+2 {
		t.Errorf("either, after an unmarked read: %d kept, %d per run; want %d, %d", k, p, kept, perRun+2)
	}
	tx, err := c.BeginTx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	runs(t, dbplan.ByKey(context.Background()), tx, planProbe, 1)
	runs(t, either, tx, planProbe, 2)
	if got := show(t, tx, "plan_cache_mode"); got != "auto" {
		t.Errorf("either, after a read by key: plan_cache_mode %s", got)
	}
}

package app

import (
	"context"
	"database/sql"
	"os"
	"strings"
	"testing"
)

// rowQuerier is a *sql.Conn or a *sql.Tx.
type rowQuerier interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}

// pgURL is the test PostgreSQL server's URL with more parameters.
func pgURL(t *testing.T, params ...string) string {
	t.Helper()
	url := os.Getenv("TANDEM_TEST_DATABASE_URL")
	if url == "" {
		t.Skip("TANDEM_TEST_DATABASE_URL is not set")
	}
	for _, p := range params {
		if strings.Contains(url, "?") {
			url += "&" + p
		} else {
			url += "?" + p
		}
	}
	return url
}

// oneConn opens the database at url and holds one of its connections.
func oneConn(t *testing.T, url string) *sql.Conn {
	t.Helper()
	d, err := ConnectDatabase(context.Background(), url, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	c, err := d.DB.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// show is a setting's value in c's session (a connection or a transaction on it).
func show(t *testing.T, c rowQuerier, setting string) string {
	t.Helper()
	var v string
	if err := c.QueryRowContext(context.Background(), "SHOW "+setting).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// Tandem's PostgreSQL sessions run without parallel query and plan each statement for
// its arguments, unless the URL says otherwise; an operator's setting in the URL wins.
func TestPostgresSessionSettings(t *testing.T) {
	for _, tc := range []struct {
		params                []string
		parallel, planCaching string
	}{
		{nil, "0", "force_custom_plan"},
		{[]string{"max_parallel_workers_per_gather=2"}, "2", "force_custom_plan"},
		{[]string{"options=-c%20max_parallel_workers_per_gather%3D3", "plan_cache_mode=auto"}, "3", "auto"},
	} {
		c := oneConn(t, pgURL(t, tc.params...))
		if got := show(t, c, "max_parallel_workers_per_gather"); got != tc.parallel {
			t.Errorf("%v: max_parallel_workers_per_gather %q, want %q", tc.params, got, tc.parallel)
		}
		if got := show(t, c, "plan_cache_mode"); got != tc.planCaching {
			t.Errorf("%v: plan_cache_mode %q, want %q", tc.params, got, tc.planCaching)
		}
	}
}

// kept lists the statements the connection holds prepared, with how often each was
// planned (a query without arguments, which is never kept itself).
func kept(t *testing.T, c *sql.Conn) map[string]int {
	t.Helper()
	rows, err := c.QueryContext(context.Background(), "SELECT statement, custom_plans FROM pg_prepared_statements")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var s string
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			t.Fatal(err)
		}
		out[s] = n
	}
	return out
}

func ask(t *testing.T, c *sql.Conn, query string, arg int) int {
	t.Helper()
	var n int
	if err := c.QueryRowContext(context.Background(), query, arg).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// A connection prepares a statement with arguments once and runs it again by name,
// planned for each run's arguments; it keeps the tandem_statements used last.
func TestPostgresKeepsStatements(t *testing.T) {
	ctx := context.Background()
	c := oneConn(t, pgURL(t, StatementsParam+"=2"))
	const a, b, d = "SELECT $1::int + 1", "SELECT $1::int + 2", "SELECT $1::int + 3"
	if ask(t, c, a, 1) != 2 || ask(t, c, a, 2) != 3 {
		t.Fatal("wrong answers")
	}
	if got := kept(t, c); len(got) != 1 || got[a] != 2 {
		t.Fatalf("after running one statement twice the connection keeps %v, want it once, planned twice", got)
	}
	if _, err := c.ExecContext(ctx, "SELECT $1::int", 7); err != nil {
		t.Fatal(err)
	}
	ask(t, c, b, 1)
	ask(t, c, a, 1)
	ask(t, c, d, 1)
	if got := kept(t, c); len(got) != 2 || got[a] == 0 || got[d] == 0 {
		t.Fatalf("keeping 2, after %q, %q, %q the connection keeps %v, want the last two used", b, a, d, got)
	}

	off := oneConn(t, pgURL(t, StatementsParam+"=0"))
	ask(t, off, a, 1)
	if got := kept(t, off); len(got) != 0 {
		t.Fatalf("%s=0 kept %v", StatementsParam, got)
	}
	for _, bad := range []string{"x", "-1", "10001"} {
		if _, err := ConnectDatabase(ctx, pgURL(t, StatementsParam+"="+bad), t.TempDir()); err == nil || !strings.Contains(err.Error(), StatementsParam) {
			t.Errorf("%s=%s: want an error naming it, got %v", StatementsParam, bad, err)
		}
	}
}

// A kept statement whose table changed shape, or that the session lost, fails once,
// as PostgreSQL says, and is prepared again on its next use.
func TestPostgresStatementAfterSchemaChange(t *testing.T) {
	ctx := context.Background()
	c := oneConn(t, pgURL(t))
	if _, err := c.ExecContext(ctx, "CREATE TEMP TABLE shape (a int); INSERT INTO shape VALUES (1)"); err != nil {
		t.Fatal(err)
	}
	const q = "SELECT * FROM shape WHERE a = $1"
	read := func() error {
		rows, err := c.QueryContext(ctx, q, 1)
		if err != nil {
			return err
		}
		return rows.Close()
	}
	if err := read(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ExecContext(ctx, "ALTER TABLE shape ADD COLUMN b int"); err != nil {
		t.Fatal(err)
	}
	if err := read(); err == nil || !strings.Contains(err.Error(), "cached plan") {
		t.Fatalf("want PostgreSQL's cached-plan error once, got %v", err)
	}
	if err := read(); err != nil {
		t.Fatalf("the statement was not prepared again: %v", err)
	}
	// The same for a statement the session lost (a DEALLOCATE, a pooler).
	if _, err := c.ExecContext(ctx, "DEALLOCATE ALL"); err != nil {
		t.Fatal(err)
	}
	if err := read(); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("want PostgreSQL's missing-statement error once, got %v", err)
	}
	if err := read(); err != nil {
		t.Fatalf("the lost statement was not prepared again: %v", err)
	}
}

package main

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// startTandem runs the built binary, production-like (TANDEM_ENV=production, no
// --demo, workers off) on dbURL, or on the embedded database in dataDir when dbURL is
// empty.
func startTandem(ctx context.Context, name, bin, dbURL, dataDir string, withPprof bool) (*target, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	args := []string{"--addr", fmt.Sprintf("127.0.0.1:%d", port), "--data-dir", dataDir}
	t := &target{name: name, kind: "tandem", base: fmt.Sprintf("http://127.0.0.1:%d", port)}
	if withPprof {
		pp, err := freePort()
		if err != nil {
			return nil, err
		}
		t.pprof = fmt.Sprintf("127.0.0.1:%d", pp)
		args = append(args, "--pprof-addr", t.pprof)
	}
	env := append(tandemEnv(dbURL), "TANDEM_ENV=production")
	if dbURL == "" {
		env = append(env, "DATABASE_URL=")
	}
	c, err := start(name, "", env, bin, args...)
	if err != nil {
		return nil, err
	}
	t.proc = c
	if err := c.waitHTTP(ctx, t.base+"/readyz", 2*time.Minute); err != nil {
		c.stop()
		return nil, err
	}
	t.admin = &session{url: t.endpoint(), email: "admin@demo.tandem"}
	t.rep = &session{url: t.endpoint(), email: "rep1@demo.tandem"}
	return t, t.refresh(ctx)
}

// pgDir is server/bench/postgraphile (the bench runs from the repository root).
func pgDir() string { return filepath.Join("server", "bench", "postgraphile") }

// ensureNodeModules runs `npm ci` when node_modules is missing.
func ensureNodeModules(ctx context.Context) error {
	if _, err := os.Stat(filepath.Join(pgDir(), "node_modules", "postgraphile")); err == nil {
		return nil
	}
	if _, err := exec.LookPath("npm"); err != nil {
		return fmt.Errorf("npm is not installed: PostGraphile needs Node.js and npm")
	}
	fmt.Println("npm ci in", pgDir(), "…")
	cmd := exec.CommandContext(ctx, "npm", "ci", "--no-audit", "--no-fund")
	cmd.Dir = pgDir()
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("npm ci (is the npm registry reachable?): %w\n%s", err, out)
	}
	return nil
}

// pgHelpers are what PostGraphile's amber preset cannot say by itself (it has no OR
// and no NOT IN): the rep's rule (domain/access.Accounts) as a set-returning function
// in a schema of the bench's own, returning the accounts by name (amber offers no
// orderBy on functions); and a Customer's problems that are not closed, as a computed
// column (Customer.openIssues) next to the customers table. Only the bench database
// gets them.
var pgHelpers = []string{
	`CREATE SCHEMA IF NOT EXISTS bench_pg`,
	`CREATE OR REPLACE FUNCTION bench_pg.visible_customers(team text, owner text) RETURNS SETOF public.customers
	 LANGUAGE sql STABLE AS $$ SELECT * FROM public.customers c WHERE c.merged_into_id IS NULL AND (c.team_id = team OR c.owner_id = owner)
	 ORDER BY c.name, c.id $$`,
	`CREATE OR REPLACE FUNCTION public.customers_open_issues(c public.customers) RETURNS SETOF public.issues
	 LANGUAGE sql STABLE AS $$ SELECT * FROM public.issues i WHERE i.customer_id = c.id AND i.status <> 'CLOSED' $$`,
}

func ensurePGHelpers(ctx context.Context, db *sql.DB) error {
	for _, q := range pgHelpers {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("PostGraphile helpers: %w", err)
		}
	}
	return nil
}

func startPostGraphile(ctx context.Context, dbURL string) (*target, error) {
	if _, err := exec.LookPath("node"); err != nil {
		return nil, fmt.Errorf("node is not installed: PostGraphile needs Node.js")
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	env := []string{"DATABASE_URL=" + dbURL, "PORT=" + fmt.Sprint(port), "HOST=127.0.0.1", "NODE_ENV=production", "PG_SCHEMAS=public,bench_pg"}
	c, err := start("postgraphile", pgDir(), env, "node", "server.mjs")
	if err != nil {
		return nil, err
	}
	t := &target{name: "PostGraphile", kind: "postgraphile", base: fmt.Sprintf("http://127.0.0.1:%d", port), proc: c}
	// readiness: a GraphQL request (grafserv answers GET /graphql with 4xx while up)
	deadline := time.Now().Add(2 * time.Minute)
	for {
		_, err := post(ctx, t.endpoint(), "", gqlBody("{ __typename }", nil))
		if err == nil {
			return t, nil
		}
		if c.exited() || time.Now().After(deadline) || ctx.Err() != nil {
			c.stop()
			return nil, fmt.Errorf("PostGraphile did not start (%v); its output:\n%s", err, c.log.String())
		}
		time.Sleep(300 * time.Millisecond)
	}
}

// startFloor runs this same bench binary as `bench floor`.
func startFloor(ctx context.Context, dbURL string) (*target, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	c, err := start("floor", "", nil, self, "floor", "-addr", addr, "-db", dbURL)
	if err != nil {
		return nil, err
	}
	t := &target{name: "floor", kind: "floor", base: "http://" + addr, proc: c}
	if err := c.waitHTTP(ctx, t.base+"/ready", time.Minute); err != nil {
		c.stop()
		return nil, err
	}
	return t, nil
}

// loadFixture picks rep1, their team, 200 accounts for `account` (with a fixed seed)
// and 50 of rep1's own accounts for `visit`.
func loadFixture(ctx context.Context, db *sql.DB, seed int64) (*fixture, error) {
	f := &fixture{}
	if err := db.QueryRowContext(ctx, "SELECT id, team_id FROM users WHERE email = 'rep1@demo.tandem'").Scan(&f.repID, &f.repTeam); err != nil {
		return nil, fmt.Errorf("rep1: %w", err)
	}
	// visit writes into the 50 of rep1's accounts with the smallest ids, always the
	// same ones; account reads 200 others, so the visits of earlier runs do not change it.
	var err error
	f.repAccounts, err = column(ctx, db, "SELECT id FROM customers WHERE merged_into_id IS NULL AND owner_id = '"+f.repID+"' ORDER BY id LIMIT 50")
	if err != nil {
		return nil, err
	}
	if len(f.repAccounts) == 0 {
		return nil, fmt.Errorf("rep1 owns no account")
	}
	written := map[string]bool{}
	for _, id := range f.repAccounts {
		written[id] = true
	}
	all, err := column(ctx, db, "SELECT id FROM customers WHERE merged_into_id IS NULL ORDER BY id")
	if err != nil {
		return nil, err
	}
	r := rand.New(rand.NewPCG(uint64(seed), 200))
	r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	for _, id := range all {
		if len(f.accounts) == 200 {
			break
		}
		if !written[id] {
			f.accounts = append(f.accounts, id)
		}
	}
	return f, nil
}

func column(ctx context.Context, db *sql.DB, q string) ([]string, error) {
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// viaProxy is dbURL with its host and port replaced by the proxy's.
func viaProxy(dbURL, addr string) (string, error) {
	u, err := url.Parse(dbURL)
	if err != nil {
		return "", err
	}
	u.Host = addr
	return u.String(), nil
}

func hostPort(dbURL string) (string, error) {
	u, err := url.Parse(dbURL)
	if err != nil {
		return "", err
	}
	h := u.Host
	if u.Port() == "" {
		h += ":5432"
	}
	return h, nil
}

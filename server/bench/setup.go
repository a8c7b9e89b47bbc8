package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/lib/pq"
	_ "modernc.org/sqlite"
)

const jwtSecret = "bench-only-secret-0123456789abcdef0123456789"

// withDatabase returns server URL u with its database name replaced.
func withDatabase(u, name string) (string, error) {
	p, err := url.Parse(u)
	if err != nil {
		return "", fmt.Errorf("database URL: %w", err)
	}
	p.Path = "/" + name
	return p.String(), nil
}

// buildTandem builds ./server into dir (go build reuses its cache, so a re-run is quick).
func buildTandem(ctx context.Context, dir string) (string, error) {
	bin := filepath.Join(dir, "tandem")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./server")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build ./server (run the bench from the repository root): %w\n%s", err, out)
	}
	return bin, nil
}

// tandemEnv is the environment of every Tandem the bench starts.
func tandemEnv(dbURL string) []string {
	env := []string{"TANDEM_WORKERS=off", "TANDEM_JWT_SECRET=" + jwtSecret, "TANDEM_LOG_LEVEL=warn", "DATABASE_URL=" + dbURL}
	return env
}

// seedDemo runs Tandem once with --demo (schema, demo users, teams and products) and
// stops it.
func seedDemo(ctx context.Context, bin, dbURL, dataDir string) error {
	port, err := freePort()
	if err != nil {
		return err
	}
	c, err := start("tandem --demo", "", tandemEnv(dbURL), bin, "--demo", "--data-dir", dataDir, "--addr", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		return err
	}
	defer c.stop()
	return c.waitHTTP(ctx, fmt.Sprintf("http://127.0.0.1:%d/readyz", port), 5*time.Minute)
}

// book is one database holding (or about to hold) the generated book.
type book struct {
	kind    string // "postgres" or "sqlite"
	url     string // Tandem's DATABASE_URL (postgres)
	dataDir string // Tandem's --data-dir
	db      *sql.DB
}

// preparePostgres makes sure database tandem_bench_<n> exists; it reports whether it
// already holds a complete book of n accounts.
func preparePostgres(ctx context.Context, serverURL string, n int, dataDir string, fresh bool) (*book, bool, error) {
	admin, err := sql.Open("postgres", serverURL)
	if err != nil {
		return nil, false, err
	}
	defer admin.Close()
	if err := admin.PingContext(ctx); err != nil {
		return nil, false, fmt.Errorf("PostgreSQL at %s is unreachable (set TANDEM_BENCH_DATABASE_URL or -db): %w", redact(serverURL), err)
	}
	name := fmt.Sprintf("tandem_bench_%d", n)
	u, err := withDatabase(serverURL, name)
	if err != nil {
		return nil, false, err
	}
	var exists bool
	if err := admin.QueryRowContext(ctx, "SELECT EXISTS(SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		return nil, false, err
	}
	b := &book{kind: "postgres", url: u, dataDir: dataDir}
	if exists {
		db, err := sql.Open("postgres", u)
		if err != nil {
			return nil, false, err
		}
		var done bool
		err = db.QueryRowContext(ctx, "SELECT EXISTS(SELECT 1 FROM tandem_bench.book WHERE accounts = $1 AND completed_at IS NOT NULL AND rows ? $2)", n, newestTable).Scan(&done)
		if err == nil && done && !fresh {
			b.db = db
			return b, true, nil
		}
		db.Close()
		// An incomplete book (an interrupted run), or -fresh: start again from an empty database.
		if _, err := admin.ExecContext(ctx, "DROP DATABASE "+pq.QuoteIdentifier(name)+" WITH (FORCE)"); err != nil {
			return nil, false, fmt.Errorf("drop incomplete %s: %w", name, err)
		}
	}
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+pq.QuoteIdentifier(name)); err != nil {
		return nil, false, fmt.Errorf("create database %s: %w", name, err)
	}
	db, err := sql.Open("postgres", u)
	if err != nil {
		return nil, false, err
	}
	b.db = db
	return b, false, nil
}

// dropBenchVisits removes the visits earlier runs' visit workload logged (all three
// servers log them, dated now): a reused book would otherwise carry tens of thousands
// of visits "today", and rep1's Today and the account pages would be measured on them.
// On PostgreSQL the deleted rows' index entries stay until a vacuum, and Today's scan of
// the planned visits would walk through them: the table is vacuumed, as the generator
// leaves the book.
func dropBenchVisits(ctx context.Context, books ...*book) error {
	for _, b := range books {
		if b == nil {
			continue
		}
		if err := b.open(); err != nil {
			return err
		}
		res, err := b.db.ExecContext(ctx, "DELETE FROM interactions WHERE summary LIKE 'bench visit %'")
		if err != nil {
			return fmt.Errorf("%s book: dropping earlier runs' visits: %w", b.kind, err)
		}
		if n, _ := res.RowsAffected(); n > 0 {
			fmt.Printf("dropped %d visits earlier runs logged in the %s book\n", n, b.kind)
			if b.kind == "postgres" {
				if _, err := b.db.ExecContext(ctx, "VACUUM (ANALYZE) interactions"); err != nil {
					return fmt.Errorf("postgres book: vacuuming interactions: %w", err)
				}
			}
		}
	}
	return nil
}

// sqliteDSN is Tandem's own DSN for the embedded database (server/app/db.go).
func sqliteDSN(path string) string {
	return "file:" + path + "?_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_time_format=sqlite"
}

// newestTable is a mark the book's rows carry from this version of the generator on
// (sample events and stage changes, samples' reached statuses, rollups summed at
// start-up, past contacts logged and visits planned): a book made before it has none
// and is made again.
const newestTable = "generator v5"

// rebuiltAtStart are Tandem's start-up jobs (server/app/startup.go) that derive rows
// from the book's: written in bulk, the book has none of them until Tandem runs them.
var rebuiltAtStart = []string{"order-volume", "stage-stays", "sample-counts", "account-counts"}

// prepareSQLite is the embedded twin: dir/tandem.db, complete when dir/book.json says so.
func prepareSQLite(dir string, n int, fresh bool) (*book, bool, error) {
	b := &book{kind: "sqlite", dataDir: dir}
	var m struct {
		Accounts int
		Rows     map[string]int
	}
	if raw, err := os.ReadFile(filepath.Join(dir, "book.json")); err == nil && json.Unmarshal(raw, &m) == nil && m.Accounts == n && m.Rows[newestTable] > 0 && !fresh {
		db, err := sql.Open("sqlite", sqliteDSN(filepath.Join(dir, "tandem.db")))
		if err != nil {
			return nil, false, err
		}
		b.db = db
		return b, true, nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return nil, false, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, false, err
	}
	return b, false, nil
}

func (b *book) open() error {
	if b.db != nil {
		return nil
	}
	db, err := sql.Open("sqlite", sqliteDSN(filepath.Join(b.dataDir, "tandem.db")))
	if err != nil {
		return err
	}
	db.SetMaxOpenConns(1)
	b.db = db
	return nil
}

// markComplete records that the book of n accounts is whole, so a re-run reuses it.
func (b *book) markComplete(ctx context.Context, n int, counts map[string]int) error {
	counts = maps.Clone(counts)
	counts[newestTable] = 1
	if b.kind == "sqlite" {
		raw, _ := json.Marshal(map[string]any{"Accounts": n, "Rows": counts, "CompletedAt": time.Now().UTC()})
		return os.WriteFile(filepath.Join(b.dataDir, "book.json"), raw, 0o600)
	}
	raw, _ := json.Marshal(counts)
	for _, q := range []string{
		"CREATE SCHEMA IF NOT EXISTS tandem_bench",
		"CREATE TABLE IF NOT EXISTS tandem_bench.book (accounts int PRIMARY KEY, rows jsonb NOT NULL, completed_at timestamptz)",
	} {
		if _, err := b.db.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	_, err := b.db.ExecContext(ctx, "INSERT INTO tandem_bench.book (accounts, rows, completed_at) VALUES ($1, $2, now())", n, string(raw))
	return err
}

// loadStaff reads the demo's reps (with their teams) and active products.
func loadStaff(ctx context.Context, db *sql.DB) (staff, error) {
	var st staff
	rows, err := db.QueryContext(ctx, "SELECT id, email, team_id FROM users WHERE email IN ('rep1@demo.tandem','rep2@demo.tandem','rep3@demo.tandem') AND team_id IS NOT NULL ORDER BY email")
	if err != nil {
		return st, err
	}
	for rows.Next() {
		var p person
		if err := rows.Scan(&p.id, &p.email, &p.teamID); err != nil {
			return st, err
		}
		st.reps = append(st.reps, p)
	}
	rows.Close()
	rows, err = db.QueryContext(ctx, "SELECT id, unit FROM products WHERE active ORDER BY code")
	if err != nil {
		return st, err
	}
	for rows.Next() {
		var p product
		if err := rows.Scan(&p.id, &p.unit); err != nil {
			return st, err
		}
		st.products = append(st.products, p)
	}
	rows.Close()
	if len(st.reps) != 3 || len(st.products) == 0 {
		return st, fmt.Errorf("the demo data lacks reps with teams or products (%d reps, %d products)", len(st.reps), len(st.products))
	}
	return st, nil
}

// idMap maps the demo IDs of one database to those of another (users by email, teams
// by name, products by code), so that one generated book fits both.
func idMap(ctx context.Context, from, to *sql.DB) (map[string]string, error) {
	m := map[string]string{}
	for _, q := range []string{"SELECT email, id FROM users", "SELECT name, id FROM teams", "SELECT code, id FROM products"} {
		a, err := keyed(ctx, from, q)
		if err != nil {
			return nil, err
		}
		b, err := keyed(ctx, to, q)
		if err != nil {
			return nil, err
		}
		for k, id := range a {
			if id2, ok := b[k]; ok {
				m[id] = id2
			}
		}
	}
	return m, nil
}

func keyed(ctx context.Context, db *sql.DB, q string) (map[string]string, error) {
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[string]string{}
	for rows.Next() {
		var k, id string
		if err := rows.Scan(&k, &id); err != nil {
			return nil, err
		}
		m[k] = id
	}
	return m, rows.Err()
}

// write stores a batch in one transaction: COPY on PostgreSQL, multi-row INSERTs on
// SQLite. ids, when set, translates demo IDs of the database the book was made for.
func (b *book) write(ctx context.Context, bt batch, ids map[string]string) error {
	tx, err := b.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, t := range bt {
		if len(t.rows) == 0 {
			continue
		}
		rows := t.rows
		if ids != nil {
			rows = translate(rows, ids)
		}
		if b.kind == "postgres" {
			err = copyRows(ctx, tx, t.name, t.cols, rows)
		} else {
			err = insertRows(ctx, tx, t.name, t.cols, rows)
		}
		if err != nil {
			return fmt.Errorf("%s: %s: %w", b.kind, t.name, err)
		}
	}
	return tx.Commit()
}

func translate(rows [][]any, ids map[string]string) [][]any {
	out := make([][]any, len(rows))
	for i, r := range rows {
		nr := make([]any, len(r))
		for j, v := range r {
			if s, ok := v.(string); ok {
				if t, ok := ids[s]; ok {
					v = t
				}
			}
			nr[j] = v
		}
		out[i] = nr
	}
	return out
}

func copyRows(ctx context.Context, tx *sql.Tx, name string, cols []string, rows [][]any) error {
	st, err := tx.PrepareContext(ctx, pq.CopyIn(name, cols...))
	if err != nil {
		return err
	}
	for _, r := range rows {
		if _, err := st.ExecContext(ctx, normalise(r)...); err != nil {
			st.Close()
			return err
		}
	}
	if _, err := st.ExecContext(ctx); err != nil {
		st.Close()
		return err
	}
	return st.Close()
}

func normalise(r []any) []any {
	out := make([]any, len(r))
	for i, v := range r {
		switch x := v.(type) {
		case int:
			out[i] = int64(x)
		case time.Time:
			out[i] = x.UTC()
		default:
			out[i] = v
		}
	}
	return out
}

func insertRows(ctx context.Context, tx *sql.Tx, name string, cols []string, rows [][]any) error {
	per := 30000 / len(cols)
	for len(rows) > 0 {
		k := min(per, len(rows))
		var sb strings.Builder
		sb.WriteString("INSERT INTO " + name + " (" + strings.Join(cols, ",") + ") VALUES ")
		one := "(" + strings.TrimSuffix(strings.Repeat("?,", len(cols)), ",") + ")"
		args := make([]any, 0, k*len(cols))
		for i := range k {
			if i > 0 {
				sb.WriteByte(',')
			}
			sb.WriteString(one)
			args = append(args, normalise(rows[i])...)
		}
		if _, err := tx.ExecContext(ctx, sb.String(), args...); err != nil {
			return err
		}
		rows = rows[k:]
	}
	return nil
}

// fillBooks generates the book once and writes it to every database that needs it.
func fillBooks(ctx context.Context, c config, bin string, targets []*book) error {
	for _, b := range targets {
		fmt.Printf("seeding the demo into %s (tandem --demo)…\n", b.kind)
		if err := seedDemo(ctx, bin, b.url, b.dataDir); err != nil {
			return err
		}
		if err := b.open(); err != nil {
			return err
		}
	}
	st, err := loadStaff(ctx, targets[0].db)
	if err != nil {
		return err
	}
	maps := make([]map[string]string, len(targets))
	for i := 1; i < len(targets); i++ {
		if maps[i], err = idMap(ctx, targets[0].db, targets[i].db); err != nil {
			return err
		}
	}
	g := newGenerator(c.seed, st, c.accounts, time.Now())
	t0 := time.Now()
	const step = 2000
	for from := 0; from < c.accounts; from += step {
		bt := g.next(from, min(from+step, c.accounts))
		for i, b := range targets {
			if err := b.write(ctx, bt, maps[i]); err != nil {
				return err
			}
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		fmt.Printf("\r  %d/%d accounts written (%s)", min(from+step, c.accounts), c.accounts, time.Since(t0).Round(time.Second))
	}
	fmt.Println()
	for _, b := range targets {
		// Rollups the raw rows bypassed: Tandem's next start sums them again.
		for _, job := range rebuiltAtStart {
			if _, err := b.db.ExecContext(ctx, "DELETE FROM server_states WHERE name = $1", "start-up/"+job); err != nil {
				return fmt.Errorf("%s: %s: %w", b.kind, job, err)
			}
		}
		// PostgreSQL's autovacuum would have vacuumed a book this size; without its
		// visibility map no scan of the fresh book could be index-only.
		analyze := "ANALYZE"
		if b.kind == "postgres" {
			analyze = "VACUUM ANALYZE"
		}
		if _, err := b.db.ExecContext(ctx, analyze); err != nil {
			return fmt.Errorf("%s: %s: %w", b.kind, analyze, err)
		}
		if err := b.markComplete(ctx, c.accounts, g.counts); err != nil {
			return err
		}
	}
	fmt.Printf("book: %v\n", g.counts)
	return nil
}

func redact(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return "(unparsable URL)"
	}
	return p.Redacted()
}

package app

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/lib/pq"    // PostgreSQL driver
	_ "modernc.org/sqlite" // embedded SQLite driver (pure Go)

	"tandem/ent"
	_ "tandem/ent/runtime" // hooks and privacy policies
	"tandem/server/dbplan"
)

// Database is an open ent client and the *sql.DB under it.
type Database struct {
	Client  *ent.Client
	DB      *sql.DB
	Dialect string
	// Where is a human description: the SQLite file or the PostgreSQL host.
	Where string
}

// SQLiteDSN is the DSN of the embedded database file: WAL so readers never block the
// writer, a busy timeout instead of instant "database is locked", foreign keys on,
// and immediate transactions so a transaction that will write takes the lock first.
func SQLiteDSN(path string) string {
	return "file:" + path + "?_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_time_format=sqlite&_txlock=immediate"
}

// OpenDatabase opens PostgreSQL when databaseURL is a postgres:// URL, else the
// embedded SQLite file in dataDir, and applies the pending migrations (Database.Migrate).
func OpenDatabase(ctx context.Context, databaseURL, dataDir string, opts ...ent.Option) (*Database, error) {
	d, err := ConnectDatabase(ctx, databaseURL, dataDir, opts...)
	if err != nil {
		return nil, err
	}
	if _, err := d.Migrate(ctx); err != nil {
		d.Client.Close()
		return nil, fmt.Errorf("migrating the schema of %s: %w", d.Where, err)
	}
	return d, nil
}

// ConnectDatabase opens the database as OpenDatabase does, without migrating it.
func ConnectDatabase(ctx context.Context, databaseURL, dataDir string, opts ...ent.Option) (*Database, error) {
	d := &Database{}
	var err error
	switch {
	case strings.HasPrefix(databaseURL, "postgres://"), strings.HasPrefix(databaseURL, "postgresql://"):
		d.Dialect, d.Where = dialect.Postgres, redact(databaseURL)
		d.DB, err = openPostgres(databaseURL)
		if err == nil {
			// As many kept idle as may be open: under a steady load a smaller idle
			// pool closes connections a moment later opens again (a new PostgreSQL
			// backend each time). Idle ones still close after five minutes.
			d.DB.SetMaxOpenConns(20)
			d.DB.SetMaxIdleConns(20)
			d.DB.SetConnMaxIdleTime(5 * time.Minute)
		}
	case databaseURL == "":
		if err := os.MkdirAll(dataDir, 0o700); err != nil {
			return nil, fmt.Errorf("data dir: %w", err)
		}
		path := filepath.Join(dataDir, "tandem.db")
		// It holds password hashes and signing keys: readable by the server's user only
		// (SQLite gives its journal files the same mode), whatever the umask.
		if f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600); err == nil {
			f.Close()
			_ = os.Chmod(path, 0o600)
		}
		d.Dialect, d.Where = dialect.SQLite, path
		d.DB, err = sql.Open("sqlite", SQLiteDSN(path))
		if err == nil {
			// One writer at a time is SQLite's rule; a few connections let reads go on.
			d.DB.SetMaxOpenConns(4)
		}
	default:
		return nil, fmt.Errorf("DATABASE_URL must start with postgres:// (got %q); leave it empty for the embedded database", redact(databaseURL))
	}
	if err != nil {
		return nil, err
	}
	if err := ping(ctx, d.DB); err != nil {
		d.DB.Close()
		return nil, fmt.Errorf("cannot reach the database at %s: %w", d.Where, err)
	}
	d.Client = ent.NewClient(append([]ent.Option{ent.Driver(entsql.OpenDB(d.Dialect, d.DB))}, opts...)...)
	return d, nil
}

// sessionSettings are the run-time parameters Tandem's PostgreSQL sessions start with,
// unless the URL sets them (postgres://…?max_parallel_workers_per_gather=2).
//
// Parallel query is off: Tandem asks short indexed reads with small limits, and a
// parallel plan starts a worker process, with cold caches, for each of them. On the
// 100,000-account bench book rep1's Today took 76 ms with it and 43 ms without (its
// count of orders due soon: 42 ms in a worker, 3.5 ms in the session). The analysts'
// aggregates read the rollups, and a server under load has no idle cores to lend.
//
// Each statement is planned for its own arguments (force_custom_plan), also when the
// connection keeps it prepared (pgstmt.go): a plan made once for any argument read
// Today in 207 ms instead of 31. Reads and writes by keys alone (a context marked
// dbplan.ByKey) may keep their plans; a URL that sets plan_cache_mode sets it for all.
var sessionSettings = map[string]string{"max_parallel_workers_per_gather": "0", "plan_cache_mode": string(dbplan.PerRun)}

// StatementsParam is the URL parameter that sets how many prepared statements each
// PostgreSQL connection keeps (pgstmt.go): postgres://…?tandem_statements=0 turns
// keeping them off, as a connection pooler in transaction mode needs.
const StatementsParam = "tandem_statements"

// defaultStatements is how many a connection keeps unless the URL says otherwise.
const defaultStatements = 128

// openPostgres opens the PostgreSQL pool with sessionSettings, its connections
// keeping their statements prepared.
func openPostgres(databaseURL string) (*sql.DB, error) {
	cfg, err := pq.NewConfig(databaseURL)
	if err != nil {
		return nil, err
	}
	if cfg.Runtime == nil {
		cfg.Runtime = map[string]string{}
	}
	keep := defaultStatements
	if v, set := cfg.Runtime[StatementsParam]; set {
		if keep, err = strconv.Atoi(v); err != nil || keep < 0 || keep > 10000 {
			return nil, fmt.Errorf("DATABASE_URL: %s=%q: want a number of statements from 0 (off) to 10000", StatementsParam, v)
		}
		delete(cfg.Runtime, StatementsParam)
	}
	urlSets := func(k string) bool { _, set := cfg.Runtime[k]; return set || strings.Contains(cfg.Options, k) }
	// Tandem switches the plan mode per statement (pgstmt.go) unless the URL chose one.
	switchPlans := !urlSets("plan_cache_mode")
	for k, v := range sessionSettings {
		if !urlSets(k) {
			cfg.Runtime[k] = v
		}
	}
	c, err := pq.NewConnectorConfig(cfg)
	if err != nil {
		return nil, err
	}
	return sql.OpenDB(stmtConnector{c, keep, switchPlans}), nil
}

// ping reaches the database within ten seconds. A new SQLite file's first connection
// switches it to WAL, which needs the file to itself and answers SQLITE_BUSY at once,
// without waiting out busy_timeout, when another process is doing the same: such a
// connection is tried again until the time is up.
func ping(ctx context.Context, db *sql.DB) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	for {
		err := db.PingContext(ctx)
		var coded interface{ Code() int }
		if err == nil || !errors.As(err, &coded) || coded.Code()&0xff != sqliteBusy {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// sqliteBusy is SQLite's primary result code SQLITE_BUSY.
const sqliteBusy = 5

// migrating serializes ent's auto-migration in this process: it keeps package-level
// state, so two at once race (see Database.autoMigrate).
var migrating sync.Mutex

// Close closes the client and the pool.
func (d *Database) Close() error { return d.Client.Close() }

// redact hides a password in a database URL.
func redact(u string) string {
	at := strings.LastIndex(u, "@")
	scheme := strings.Index(u, "://")
	if at < 0 || scheme < 0 {
		return u
	}
	creds := u[scheme+3 : at]
	if i := strings.Index(creds, ":"); i >= 0 {
		return u[:scheme+3] + creds[:i] + ":***" + u[at:]
	}
	return u
}

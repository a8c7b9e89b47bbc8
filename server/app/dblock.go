package app

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"sync"

	"entgo.io/ent/dialect"
)

// Lock names of work that one process at a time does on a shared database.
const (
	LockMigrate = "tandem:migrate"
	LockStartup = "tandem:start-up"
)

// localLocks serialize holders inside one process (flock and advisory locks are
// per file descriptor and per session, so two goroutines need this too).
var localLocks sync.Map // name → *sync.Mutex

// WithLock runs fn while this process holds the named lock across every process on
// the database: a PostgreSQL session advisory lock (on one connection held for fn's
// duration), or, on the embedded database, an exclusive lock on a file next to it.
func (d *Database) WithLock(ctx context.Context, name string, fn func(context.Context) error) error {
	mu, _ := localLocks.LoadOrStore(d.Where+"\x00"+name, &sync.Mutex{})
	mu.(*sync.Mutex).Lock()
	defer mu.(*sync.Mutex).Unlock()
	if d.Dialect == dialect.Postgres {
		return withAdvisoryLock(ctx, d.DB, name, fn)
	}
	unlock, err := lockFile(filepath.Join(filepath.Dir(d.Where), "."+lockFileName(name)+".lock"))
	if err != nil {
		return fmt.Errorf("locking %s: %w", name, err)
	}
	defer unlock()
	return fn(ctx)
}

func lockFileName(name string) string {
	out := []byte(name)
	for i, c := range out {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			out[i] = '-'
		}
	}
	return string(out)
}

func withAdvisoryLock(ctx context.Context, db *sql.DB, name string, fn func(context.Context) error) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	// The key is per schema: databases that keep several Tandems in schemas of their
	// own (the tests do) lock each one apart.
	var key int64
	if err := conn.QueryRowContext(ctx, advisoryKeySQL, name).Scan(&key); err != nil {
		return fmt.Errorf("locking %s: %w", name, err)
	}
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", key); err != nil {
		return fmt.Errorf("locking %s: %w", name, err)
	}
	defer func() {
		// A failed unlock (connection gone) releases the lock with the session anyway.
		_, _ = conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", key)
	}()
	return fn(ctx)
}

// advisoryKeySQL computes the advisory lock key of a name in the current schema.
const advisoryKeySQL = "SELECT hashtextextended($1 || '@' || current_schema(), 0)"

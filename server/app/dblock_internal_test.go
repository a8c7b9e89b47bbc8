package app

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/lib/pq"

	"entgo.io/ent/dialect"
)

// TestWithLockWaitsForAnotherHolder: while another process holds the lock (simulated
// by taking the advisory lock or the file lock directly, outside WithLock's in-process
// mutex), WithLock waits, and runs once the holder lets go.
func TestWithLockWaitsForAnotherHolder(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		dir := t.TempDir()
		d := &Database{Dialect: dialect.SQLite, Where: filepath.Join(dir, "tandem.db")}
		unlock, err := lockFile(filepath.Join(dir, "."+lockFileName(LockStartup)+".lock"))
		if err != nil {
			t.Fatal(err)
		}
		waitsForHolder(t, d, unlock)
	})
	t.Run("postgres", func(t *testing.T) {
		url := os.Getenv("TANDEM_TEST_DATABASE_URL")
		if url == "" {
			t.Skip("TANDEM_TEST_DATABASE_URL is not set")
		}
		db, err := sql.Open("postgres", url)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		other, err := db.Conn(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		var key int64
		if err := other.QueryRowContext(context.Background(), advisoryKeySQL, LockStartup).Scan(&key); err != nil {
			t.Fatal(err)
		}
		if _, err := other.ExecContext(context.Background(), "SELECT pg_advisory_lock($1)", key); err != nil {
			t.Fatal(err)
		}
		d := &Database{Dialect: dialect.Postgres, Where: "test", DB: db}
		waitsForHolder(t, d, func() {
			_, _ = other.ExecContext(context.Background(), "SELECT pg_advisory_unlock($1)", key)
		})
	})
}

func waitsForHolder(t *testing.T, d *Database, release func()) {
	t.Helper()
	var ran atomic.Bool
	done := make(chan error, 1)
	go func() {
		done <- d.WithLock(context.Background(), LockStartup, func(context.Context) error {
			ran.Store(true)
			return nil
		})
	}()
	time.Sleep(300 * time.Millisecond)
	if ran.Load() {
		t.Fatal("WithLock ran while another holder had the lock")
	}
	release()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("WithLock did not run after the holder let go")
	}
	if !ran.Load() {
		t.Fatal("WithLock returned without running fn")
	}
}

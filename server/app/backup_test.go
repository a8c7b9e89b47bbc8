package app_test

import (
	"archive/tar"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"tandem/ent/team"
	"tandem/server/app"
)

// TestBackupWhileWriting copies the embedded database while a writer adds pairs of
// teams in transactions, then starts a fresh app on the unpacked copy: the copy is
// sound, holds whole transactions only (both teams of a pair or neither), at least
// what was there when the backup began, and the files beside it.
func TestBackupWhileWriting(t *testing.T) {
	e := newEnv(t, "sqlite", envOptions{})
	c, ctx := e.app.DB.Client, e.sys
	key := "ab/cdef-upload"
	files := filepath.Join(e.app.Config.DataDir, "files")
	if err := os.MkdirAll(filepath.Join(files, "ab"), 0o700); err != nil {
		t.Fatal(err)
	}
	// An upload kept readable by others, as files of earlier versions may be: the
	// backup stores it private all the same.
	if err := os.WriteFile(filepath.Join(files, key), []byte("file body"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := c.Team.Query().CountX(ctx)

	var (
		stop    atomic.Bool
		wg      sync.WaitGroup
		written atomic.Int64
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; !stop.Load(); i++ {
			tx, err := c.Tx(ctx)
			if err != nil {
				t.Error(err)
				return
			}
			tx.Team.Create().SetName(fmt.Sprintf("w%d-a", i)).ExecX(ctx)
			tx.Team.Create().SetName(fmt.Sprintf("w%d-b", i)).ExecX(ctx)
			if err := tx.Commit(); err != nil {
				t.Error(err)
				return
			}
			written.Add(1)
		}
	}()
	for written.Load() < 20 {
		time.Sleep(time.Millisecond)
	}
	atStart := c.Team.Query().CountX(ctx)
	out := filepath.Join(t.TempDir(), "tandem-backup.tar")
	if err := app.Backup(context.Background(), e.app.Config, out); err != nil {
		t.Fatal(err)
	}
	for n := written.Load(); written.Load() < n+20; {
		time.Sleep(time.Millisecond) // the writer went on after the copy
	}
	stop.Store(true)
	wg.Wait()
	atEnd := c.Team.Query().CountX(ctx)

	restored := t.TempDir()
	names := untar(t, out, restored)
	for _, want := range []string{"tandem.db", "files/" + key} {
		if !names[want] {
			t.Errorf("the backup lacks %s (has %v)", want, names)
		}
	}
	if body, _ := os.ReadFile(filepath.Join(restored, "files", key)); string(body) != "file body" {
		t.Errorf("restored file = %q", body)
	}
	raw, err := sql.Open("sqlite", app.SQLiteDSN(filepath.Join(restored, "tandem.db")))
	if err != nil {
		t.Fatal(err)
	}
	var verdict string
	if err := raw.QueryRow("PRAGMA integrity_check").Scan(&verdict); err != nil || verdict != "ok" {
		t.Fatalf("integrity_check = %q, %v", verdict, err)
	}
	raw.Close()

	cfg := app.Config{DataDir: restored, JWTSecret: testSecret, Env: "test"}
	b, err := app.New(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), app.Options{})
	if err != nil {
		t.Fatalf("starting on the restored copy: %v", err)
	}
	defer b.Close()
	got := b.DB.Client.Team.Query().CountX(ctx)
	if got < atStart || got >= atEnd {
		t.Errorf("the copy has %d teams; it began with %d and the writer had made %d after it", got, atStart, atEnd)
	}
	a := b.DB.Client.Team.Query().Where(team.NameHasSuffix("-a")).CountX(ctx)
	bb := b.DB.Client.Team.Query().Where(team.NameHasSuffix("-b")).CountX(ctx)
	if a != bb || got != before+a+bb {
		t.Errorf("half a transaction in the copy: %d -a teams, %d -b teams, %d in all (%d before)", a, bb, got, before)
	}
}

func untar(t *testing.T, path, dir string) map[string]bool {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	names := map[string]bool{}
	tr := tar.NewReader(f)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return names
		}
		if err != nil {
			t.Fatal(err)
		}
		names[h.Name] = true
		if h.FileInfo().Mode().Perm() != 0o600 {
			t.Fatalf("%s is stored with mode %v: every file of a backup is private", h.Name, h.FileInfo().Mode().Perm())
		}
		dst := filepath.Join(dir, filepath.FromSlash(h.Name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(tr)
		if err := os.WriteFile(dst, body, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBackupRefuses: an existing file is never overwritten, and PostgreSQL is sent
// to pg_dump.
func TestBackupRefuses(t *testing.T) {
	e := newEnv(t, "sqlite", envOptions{})
	out := filepath.Join(t.TempDir(), "exists.tar")
	if err := os.WriteFile(out, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := app.Backup(context.Background(), e.app.Config, out)
	if err == nil || !strings.Contains(err.Error(), "never overwrites") {
		t.Fatalf("backup over an existing file: %v", err)
	}
	if b, _ := os.ReadFile(out); string(b) != "keep me" {
		t.Errorf("the existing file was changed: %q", b)
	}
	pg := app.Config{DatabaseURL: "postgres://x@db/tandem", DataDir: t.TempDir()}
	if err := app.Backup(context.Background(), pg, filepath.Join(t.TempDir(), "x.tar")); !errors.Is(err, app.ErrBackupPostgres) || !strings.Contains(err.Error(), "pg_dump") {
		t.Errorf("backup on PostgreSQL: %v", err)
	}
	if err := app.Backup(context.Background(), app.Config{DataDir: t.TempDir()}, filepath.Join(t.TempDir(), "y.tar")); err == nil {
		t.Error("a backup of a data dir without a database succeeded")
	}
}

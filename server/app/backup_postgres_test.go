package app_test

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"tandem/server/app"
)

// TestPostgresDumpRestore runs the backup and restore commands of docs/operations.md
// (pg_dump --format=custom, pg_restore --no-owner into a fresh database) and starts
// the app on the restored copy, which sees the data.
func TestPostgresDumpRestore(t *testing.T) {
	base := os.Getenv("TANDEM_TEST_DATABASE_URL")
	if base == "" {
		t.Skip("TANDEM_TEST_DATABASE_URL is not set: no PostgreSQL to dump")
	}
	for _, tool := range []string{"pg_dump", "pg_restore"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed: %v", tool, err)
		}
	}
	e := newEnv(t, "postgres", envOptions{})
	ctx := e.sys
	customers := e.app.DB.Client.Customer.Query().CountX(ctx)
	users := e.app.DB.Client.User.Query().CountX(ctx)
	u, _ := url.Parse(e.app.Config.DatabaseURL)
	schema := u.Query().Get("search_path")

	dump := filepath.Join(t.TempDir(), "tandem.dump")
	run(t, "pg_dump", "--format=custom", "--schema="+schema, "--file="+dump, base)

	admin, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	fresh := "restore_" + schema
	if _, err := admin.Exec("CREATE DATABASE " + fresh); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = admin.Exec("DROP DATABASE IF EXISTS " + fresh + " WITH (FORCE)") })
	target := *u
	target.Path = "/" + fresh
	q := target.Query()
	q.Del("search_path")
	q.Del("application_name")
	target.RawQuery = q.Encode()
	run(t, "pg_restore", "--no-owner", "--exit-on-error", "--dbname="+target.String(), dump)

	q.Set("search_path", schema)
	target.RawQuery = q.Encode()
	cfg := app.Config{DatabaseURL: target.String(), DataDir: t.TempDir(), JWTSecret: testSecret, Env: "test"}
	b, err := app.New(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), app.Options{})
	if err != nil {
		t.Fatalf("starting on the restored database: %v", err)
	}
	defer b.Close()
	if got := b.DB.Client.Customer.Query().CountX(ctx); got != customers || customers == 0 {
		t.Errorf("restored %d customers, had %d", got, customers)
	}
	if got := b.DB.Client.User.Query().CountX(ctx); got != users {
		t.Errorf("restored %d users, had %d", got, users)
	}
}

func run(t *testing.T, name string, args ...string) {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, out)
	}
}

package app

import (
	"context"
	"strings"
	"testing"
)

// TANDEM_MIGRATE=off: the server leaves the schema alone and refuses to start on a
// database with pending migrations, naming the command that applies them.
func TestMigrateOffRefusesPendingMigrations(t *testing.T) {
	ctx := context.Background()
	cfg := Config{DataDir: t.TempDir(), NoMigrate: true}
	if _, err := openForStart(ctx, cfg, nil); err == nil || !strings.Contains(err.Error(), "pending") || !strings.Contains(err.Error(), "tandem migrate") {
		t.Fatalf("want a refusal naming tandem migrate, got %v", err)
	}
	raw := openRaw(t, "sqlite3", "", cfg.DataDir)
	if has, err := (&migrator{db: raw, dialect: "sqlite3"}).tablesExist(ctx, RevisionsTable, "users"); err != nil || has {
		t.Fatalf("the refused start changed the schema (%v)", err)
	}
	d, err := OpenDatabase(ctx, "", cfg.DataDir)
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
	d, err = openForStart(ctx, cfg, nil)
	if err != nil {
		t.Fatalf("a migrated database was refused: %v", err)
	}
	d.Close()
}

func TestConfigMigrate(t *testing.T) {
	for _, tc := range []struct {
		args      []string
		env       string
		noMigrate bool
		err       bool
	}{
		{},
		{env: "on"},
		{env: "off", noMigrate: true},
		{env: "OFF", noMigrate: true},
		{args: []string{"--migrate=off"}, env: "on", noMigrate: true},
		{env: "no", err: true},
	} {
		c, err := ParseConfig(tc.args, func(k string) string {
			if k == "TANDEM_MIGRATE" {
				return tc.env
			}
			return ""
		})
		if (err != nil) != tc.err || err == nil && c.NoMigrate != tc.noMigrate {
			t.Errorf("%v %q: NoMigrate %v, error %v", tc.args, tc.env, c.NoMigrate, err)
		}
	}
}

package app

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"ariga.io/atlas/sql/migrate"
	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/schema"

	"tandem/ent"
	entmigrate "tandem/ent/migrate"
	"tandem/ent/privacy"
	"tandem/ent/team"
)

// Four processes starting at once on an empty database: all start, every table is
// made once, every file recorded once. Each opener has a Where of its own, so the
// in-process mutex of WithLock does not serialize them: only the cross-process lock
// (advisory lock; flock through a symlinked data dir) does.
func TestMigrateConcurrentStartsOnEmptyDatabase(t *testing.T) {
	migrationBackends(t, func(t *testing.T, dn, u, dataDir string) {
		const n = 4
		urls, dirs := make([]string, n), make([]string, n)
		for i := range n {
			if dn == dialect.Postgres {
				urls[i] = fmt.Sprintf("%s&application_name=opener%d", u, i)
				continue
			}
			dirs[i] = filepath.Join(t.TempDir(), "data")
			if err := os.Symlink(dataDir, dirs[i]); err != nil {
				t.Fatal(err)
			}
		}
		start := make(chan struct{})
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				d, err := OpenDatabase(context.Background(), urls[i], dirs[i])
				if err == nil {
					d.Close()
				}
				errs[i] = err
			}()
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("opener %d: %v", i, err)
			}
		}
		db := openRaw(t, dn, u, dataDir)
		files := embeddedFiles(t, dn)
		if got := revisions(t, db); len(got) != len(files) {
			t.Fatalf("recorded %v, want each of the %d files once", got, len(files))
		}
		m := &migrator{db: db, dialect: dn}
		for _, tbl := range entmigrate.Tables {
			if ok, err := m.tablesExist(context.Background(), tbl.Name); err != nil || !ok {
				t.Fatalf("table %s missing (%v)", tbl.Name, err)
			}
		}
	})
}

func embeddedFiles(t *testing.T, dn string) []migrate.File {
	t.Helper()
	dir, err := MigrationDir(dn)
	if err != nil {
		t.Fatal(err)
	}
	files, err := dir.Files()
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// A database made by the auto-migration of versions before versioned migrations
// (tables, no revisions) is adopted in two steps. This binary, whose files go past the
// baseline, refuses it and names the way: the release whose only file is the baseline
// adopts it (records the baseline, keeps the data), and then this one applies the rest.
func TestMigrateAdoptsDatabaseOfEarlierVersions(t *testing.T) {
	migrationBackends(t, func(t *testing.T, dn, u, dataDir string) {
		ctx := privacy.DecisionContext(context.Background(), privacy.Allow)
		db := openRaw(t, dn, u, dataDir)
		files := embeddedFiles(t, dn)
		if len(files) < 2 {
			t.Skip("only the baseline: TestMigrateOldDatabaseNeedsBaselineRelease's case does not arise")
		}
		// What the old auto-migration made is the baseline's schema.
		stmts, err := files[0].Stmts()
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range stmts {
			if _, err := db.ExecContext(ctx, st); err != nil {
				t.Fatalf("%s: %v", st, err)
			}
		}
		if _, err := db.ExecContext(ctx, "INSERT INTO teams (id, created_at, updated_at, version, name) VALUES ('TM01OLDTEAM0000000000000000', '2026-01-01 00:00:00', '2026-01-01 00:00:00', 1, 'East')"); err != nil {
			t.Fatal(err)
		}
		if _, err := OpenDatabase(ctx, u, dataDir); err == nil || !strings.Contains(err.Error(), "start it once with the version that introduced versioned migrations") {
			t.Fatalf("opening an unversioned database past the baseline: %v", err)
		}
		// The baseline release: adopts (its auto-migration finds the tables complete).
		release := &migrator{db: db, dialect: dn, dir: testDir(t, map[string]string{files[0].Name(): string(files[0].Bytes())}),
			adopt: func(context.Context) error { return nil }}
		if _, err := release.run(ctx); err != nil {
			t.Fatal(err)
		}
		if got := revisions(t, db); len(got) != 1 || got[0] != files[0].Version() {
			t.Fatalf("the baseline release recorded %v", got)
		}
		d, err := OpenDatabase(ctx, u, dataDir)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		if got := revisions(t, db); len(got) != len(files) {
			t.Fatalf("recorded %v, want all %d files", got, len(files))
		}
		if _, err := d.Client.Team.Create().SetName("South").Save(ctx); err != nil {
			t.Fatal(err)
		}
		if n, err := d.Client.Team.Query().Where(team.NameIn("East", "South")).Count(ctx); err != nil || n != 2 {
			t.Fatalf("teams: %d, %v", n, err)
		}
	})
}

// The migration files make exactly ent/schema's tables: applied to an empty database,
// ent finds nothing to change. Fails when ent/schema changed without `make migration`.
func TestMigrationsMatchEntSchema(t *testing.T) {
	migrationBackends(t, func(t *testing.T, dn, u, dataDir string) {
		db := openRaw(t, dn, u, dataDir)
		began := time.Now()
		m := &migrator{db: db, dialect: dn, adopt: noAdopt}
		var err error
		if m.dir, err = MigrationDir(dn); err != nil {
			t.Fatal(err)
		}
		if _, err := m.run(context.Background()); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: the migration files made the schema in %v", dn, time.Since(began))
		if drift := schemaDrift(t, dn, db); drift != "" {
			t.Fatalf("ent/schema differs from the %s migrations: run `make migration name=…` and commit the files. Missing changes:\n%s", dn, drift)
		}
	})
}

// The drift check sees a schema that is not ent's (here: an index missing).
func TestSchemaDriftIsSeen(t *testing.T) {
	db := openRaw(t, dialect.SQLite, "", t.TempDir())
	old := ent.NewClient(ent.Driver(entsql.OpenDB(dialect.SQLite, db)))
	if err := old.Schema.Create(context.Background()); err != nil {
		t.Fatal(err)
	}
	if drift := schemaDrift(t, dialect.SQLite, db); drift != "" {
		t.Fatalf("drift right after ent made the schema:\n%s", drift)
	}
	if _, err := db.Exec(`DROP INDEX "teams_name_key"`); err != nil {
		t.Fatal(err)
	}
	if drift := schemaDrift(t, dialect.SQLite, db); !strings.Contains(drift, "teams_name_key") {
		t.Fatalf("the dropped index was not seen; drift: %q", drift)
	}
}

// schemaDrift is the migration ent would write to bring db to ent/schema ("" if none).
func schemaDrift(t *testing.T, dn string, db *sql.DB) string {
	t.Helper()
	out := &migrate.MemDir{}
	m, err := schema.NewMigrate(entsql.OpenDB(dn, db), schema.WithDir(out),
		schema.WithMigrationMode(schema.ModeInspect), schema.WithFormatter(migrate.DefaultFormatter),
		schema.WithDropColumn(true), schema.WithDropIndex(true), schema.WithErrNoPlan(true))
	if err != nil {
		t.Fatal(err)
	}
	migrating.Lock()
	err = m.NamedDiff(context.Background(), "drift", entmigrate.Tables...)
	migrating.Unlock()
	if errors.Is(err, migrate.ErrNoPlan) {
		return ""
	}
	if err != nil {
		t.Fatal(err)
	}
	files, _ := out.Files()
	var b strings.Builder
	for _, f := range files {
		b.Write(f.Bytes())
	}
	return b.String()
}

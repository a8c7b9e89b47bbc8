package app

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ariga.io/atlas/sql/migrate"
	"entgo.io/ent/dialect"
)

// migrationBackends gives each test an empty database per backend: a SQLite file, and
// a fresh schema on TANDEM_TEST_DATABASE_URL when it is set.
func migrationBackends(t *testing.T, fn func(t *testing.T, dialectName, databaseURL, dataDir string)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, dialect.SQLite, "", t.TempDir()) })
	t.Run("postgres", func(t *testing.T) {
		if os.Getenv("TANDEM_TEST_DATABASE_URL") == "" {
			t.Skip("TANDEM_TEST_DATABASE_URL is not set")
		}
		fn(t, dialect.Postgres, freshPGSchema(t), "")
	})
}

// freshPGSchema creates a schema of its own and returns a URL whose search_path is it.
func freshPGSchema(t *testing.T) string {
	t.Helper()
	base := os.Getenv("TANDEM_TEST_DATABASE_URL")
	raw := make([]byte, 6)
	_, _ = rand.Read(raw)
	name := "m_" + hex.EncodeToString(raw)
	admin, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec("CREATE SCHEMA " + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = admin.Exec("DROP SCHEMA " + name + " CASCADE"); admin.Close() })
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
}

// openRaw opens the database without migrating it.
func openRaw(t *testing.T, dialectName, databaseURL, dataDir string) *sql.DB {
	t.Helper()
	var db *sql.DB
	var err error
	if dialectName == dialect.Postgres {
		db, err = sql.Open("postgres", databaseURL)
	} else {
		db, err = sql.Open("sqlite", SQLiteDSN(filepath.Join(dataDir, "tandem.db")))
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// testDir is a migration directory of the given files with a correct atlas.sum.
func testDir(t *testing.T, files map[string]string) migrate.Dir {
	t.Helper()
	dir := &migrate.MemDir{}
	for name, body := range files {
		if err := dir.WriteFile(name, []byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	sum, err := dir.Checksum()
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate.WriteSumFile(dir, sum); err != nil {
		t.Fatal(err)
	}
	return dir
}

func noAdopt(context.Context) error { return errors.New("adopt must not run") }

func revisions(t *testing.T, db *sql.DB) []string {
	t.Helper()
	rows, err := db.Query("SELECT version FROM " + RevisionsTable + " ORDER BY version")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return out
}

const (
	fileA = "20260101000000_first.sql"
	fileB = "20260102000000_second.sql"
	bodyA = "CREATE TABLE things (id integer NOT NULL, PRIMARY KEY (id));\n"
)

// A file whose second statement fails leaves nothing of itself behind (not even its
// first statement), is not recorded, and the error names the file and the statement.
func TestMigrateFailedFileKeepsNothing(t *testing.T) {
	migrationBackends(t, func(t *testing.T, dn, u, dataDir string) {
		db := openRaw(t, dn, u, dataDir)
		dir := testDir(t, map[string]string{
			fileA: bodyA,
			fileB: "CREATE TABLE others (id integer NOT NULL);\nINSERT INTO no_such_table (id) VALUES (1);\n",
		})
		m := &migrator{db: db, dialect: dn, dir: dir, adopt: noAdopt}
		applied, err := m.run(context.Background())
		if err == nil || !strings.Contains(err.Error(), fileB) || !strings.Contains(err.Error(), "statement 2") {
			t.Fatalf("want an error naming %s and statement 2, got %v", fileB, err)
		}
		if len(applied) != 1 || applied[0] != fileA {
			t.Fatalf("applied %v, want only %s", applied, fileA)
		}
		if got := revisions(t, db); len(got) != 1 || got[0] != "20260101000000" {
			t.Fatalf("recorded %v, want only the first file", got)
		}
		if _, err := db.Exec("SELECT count(*) FROM others"); err == nil {
			t.Fatal("the failed file's first statement was kept")
		}
	})
}

// Files already applied are not applied again; a new file is.
func TestMigrateAppliesOnlyPendingFiles(t *testing.T) {
	migrationBackends(t, func(t *testing.T, dn, u, dataDir string) {
		db := openRaw(t, dn, u, dataDir)
		ctx := context.Background()
		m := &migrator{db: db, dialect: dn, dir: testDir(t, map[string]string{fileA: bodyA}), adopt: noAdopt}
		if _, err := m.run(ctx); err != nil {
			t.Fatal(err)
		}
		m.dir = testDir(t, map[string]string{fileA: bodyA, fileB: "INSERT INTO things (id) VALUES (7);\n"})
		applied, err := m.run(ctx)
		if err != nil || len(applied) != 1 || applied[0] != fileB {
			t.Fatalf("second run applied %v (%v), want only %s", applied, err, fileB)
		}
		if applied, err := m.run(ctx); err != nil || len(applied) != 0 {
			t.Fatalf("third run applied %v (%v), want nothing", applied, err)
		}
		if got := revisions(t, db); len(got) != 2 {
			t.Fatalf("recorded %v", got)
		}
	})
}

// A database migrated by a newer binary (a revision this one does not know) is refused.
func TestMigrateRefusesNewerDatabase(t *testing.T) {
	migrationBackends(t, func(t *testing.T, dn, u, dataDir string) {
		db := openRaw(t, dn, u, dataDir)
		ctx := context.Background()
		newer := &migrator{db: db, dialect: dn, dir: testDir(t, map[string]string{fileA: bodyA, fileB: "CREATE TABLE others (id integer);\n"}), adopt: noAdopt}
		if _, err := newer.run(ctx); err != nil {
			t.Fatal(err)
		}
		older := &migrator{db: db, dialect: dn, dir: testDir(t, map[string]string{fileA: bodyA}), adopt: noAdopt}
		_, err := older.run(ctx)
		if !errors.Is(err, ErrDatabaseAhead) || !strings.Contains(err.Error(), "20260102000000") {
			t.Fatalf("want ErrDatabaseAhead naming the unknown revision, got %v", err)
		}
	})
}

// A migration edited after it was applied is refused, even with atlas.sum updated.
func TestMigrateRefusesAppliedFileChanged(t *testing.T) {
	db := openRaw(t, dialect.SQLite, "", t.TempDir())
	ctx := context.Background()
	m := &migrator{db: db, dialect: dialect.SQLite, dir: testDir(t, map[string]string{fileA: bodyA}), adopt: noAdopt}
	if _, err := m.run(ctx); err != nil {
		t.Fatal(err)
	}
	m.dir = testDir(t, map[string]string{fileA: bodyA + "CREATE TABLE extra (id integer);\n"})
	if _, err := m.run(ctx); err == nil || !strings.Contains(err.Error(), "changed after it was applied") {
		t.Fatalf("want a refusal of the edited file, got %v", err)
	}
}

// A file edited without regenerating atlas.sum is refused before anything runs.
func TestMigrateRefusesSumMismatch(t *testing.T) {
	db := openRaw(t, dialect.SQLite, "", t.TempDir())
	dir := testDir(t, map[string]string{fileA: bodyA})
	if err := dir.WriteFile(fileA, []byte(bodyA+"DROP TABLE things;\n")); err != nil {
		t.Fatal(err)
	}
	m := &migrator{db: db, dialect: dialect.SQLite, dir: dir, adopt: noAdopt}
	if _, err := m.run(context.Background()); err == nil || !strings.Contains(err.Error(), "atlas.sum") {
		t.Fatalf("want an atlas.sum error, got %v", err)
	}
	var n int
	if err := db.QueryRow("SELECT count(*) FROM sqlite_master WHERE name = 'things'").Scan(&n); err != nil || n != 0 {
		t.Fatalf("things exists (%d, %v): the file ran", n, err)
	}
}

// A database made before versioned migrations cannot be adopted by a binary whose
// files go past the baseline: the auto-migration would make the later files' changes.
func TestMigrateOldDatabaseNeedsBaselineRelease(t *testing.T) {
	db := openRaw(t, dialect.SQLite, "", t.TempDir())
	if _, err := db.Exec("CREATE TABLE users (id text)"); err != nil {
		t.Fatal(err)
	}
	m := &migrator{db: db, dialect: dialect.SQLite, dir: testDir(t, map[string]string{fileA: bodyA, fileB: "SELECT 1;\n"}), adopt: noAdopt}
	if _, err := m.run(context.Background()); err == nil || !strings.Contains(err.Error(), "before versioned migrations") {
		t.Fatalf("want a refusal naming the upgrade path, got %v", err)
	}
}

// On SQLite a column change rebuilds the table (Atlas writes create-copy-drop-rename):
// the rows referring to it survive, although their foreign key cascades on delete,
// and foreign keys are enforced again afterwards.
func TestMigrateSQLiteRebuildKeepsReferringRows(t *testing.T) {
	db := openRaw(t, dialect.SQLite, "", t.TempDir())
	db.SetMaxOpenConns(1) // the connection the migration used is the one checked after
	const base = "CREATE TABLE `parents` (`id` integer NOT NULL, `name` text NULL, PRIMARY KEY (`id`));\n" +
		"CREATE TABLE `kids` (`id` integer NOT NULL, `parent_id` integer NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `kids_parent` FOREIGN KEY (`parent_id`) REFERENCES `parents` (`id`) ON DELETE CASCADE);\n" +
		"INSERT INTO `parents` (`id`) VALUES (1);\nINSERT INTO `kids` (`id`, `parent_id`) VALUES (10, 1);\n"
	const rebuild = "PRAGMA foreign_keys = off;\n" +
		"CREATE TABLE `new_parents` (`id` integer NOT NULL, `name` text NOT NULL DEFAULT '', PRIMARY KEY (`id`));\n" +
		"INSERT INTO `new_parents` (`id`, `name`) SELECT `id`, IFNULL(`name`, '') FROM `parents`;\n" +
		"DROP TABLE `parents`;\nALTER TABLE `new_parents` RENAME TO `parents`;\nPRAGMA foreign_keys = on;\n"
	m := &migrator{db: db, dialect: dialect.SQLite, dir: testDir(t, map[string]string{fileA: base, fileB: rebuild}), adopt: noAdopt}
	if _, err := m.run(context.Background()); err != nil {
		t.Fatal(err)
	}
	var kids int
	if err := db.QueryRow("SELECT count(*) FROM kids").Scan(&kids); err != nil || kids != 1 {
		t.Fatalf("kids after the rebuild: %d (%v), want 1", kids, err)
	}
	if _, err := db.Exec("INSERT INTO kids (id, parent_id) VALUES (11, 99)"); err == nil {
		t.Fatal("foreign keys are off after the migration")
	}
}

// A SQLite migration that leaves a row referring to a missing row is refused whole.
func TestMigrateSQLiteRefusesBrokenForeignKeys(t *testing.T) {
	db := openRaw(t, dialect.SQLite, "", t.TempDir())
	const base = "CREATE TABLE `parents` (`id` integer NOT NULL, PRIMARY KEY (`id`));\n" +
		"CREATE TABLE `kids` (`id` integer NOT NULL, `parent_id` integer NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `kids_parent` FOREIGN KEY (`parent_id`) REFERENCES `parents` (`id`));\n"
	m := &migrator{db: db, dialect: dialect.SQLite, dir: testDir(t, map[string]string{fileA: base, fileB: "INSERT INTO `kids` (`id`, `parent_id`) VALUES (1, 42);\n"}), adopt: noAdopt}
	if _, err := m.run(context.Background()); err == nil || !strings.Contains(err.Error(), "missing rows of parents") {
		t.Fatalf("want a refusal naming the broken reference, got %v", err)
	}
	if got := revisions(t, db); len(got) != 1 {
		t.Fatalf("recorded %v, want only the first file", got)
	}
}

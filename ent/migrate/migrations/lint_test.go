package migrations

import (
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"ariga.io/atlas/sql/migrate"
)

// destructiveOK is the comment a migration carries when it destroys data on purpose,
// followed by the reason: `-- tandem:destructive-ok the column was never written`.
var destructiveOK = regexp.MustCompile(`(?m)^\s*--\s*tandem:destructive-ok[ \t]+\S`)

// destructiveRules are the statements that lose data or a guarantee. SQLite changes a
// column by rebuilding its table, which the DROP TABLE rule catches.
var destructiveRules = []struct {
	what string
	re   *regexp.Regexp
}{
	{"drops a table", regexp.MustCompile(`(?is)^\s*DROP\s+TABLE\b`)},
	{"drops a column", regexp.MustCompile(`(?is)\bDROP\s+COLUMN\b`)},
	{"changes a column's type (it may narrow)", regexp.MustCompile(`(?is)\bALTER\s+COLUMN\s+\S+\s+(SET\s+DATA\s+)?TYPE\b`)},
	{"empties a table", regexp.MustCompile(`(?is)^\s*(TRUNCATE\b|DELETE\s+FROM\s+\S+\s*;?\s*$)`)},
}

var (
	uniqueIndex = regexp.MustCompile("(?is)^\\s*CREATE\\s+UNIQUE\\s+INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?[`\"]?([^`\"\\s]+)")
	dropIndex   = regexp.MustCompile("(?is)^\\s*DROP\\s+INDEX\\s+(?:IF\\s+EXISTS\\s+)?[`\"]?([^`\"\\s;]+)")
)

// destructiveChanges lists the destructive statements of every file after the first
// (the baseline) of dir that does not carry the destructiveOK comment.
func destructiveChanges(fsys fs.FS, dir string) ([]string, error) {
	names, err := fs.Glob(fsys, dir+"/*.sql")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	unique := map[string]bool{}
	var found []string
	for i, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		stmts, err := migrate.Stmts(string(b))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		check := i > 0 && !destructiveOK.Match(b)
		for n, s := range stmts {
			if m := uniqueIndex.FindStringSubmatch(s.Text); m != nil {
				unique[m[1]] = true
			}
			if !check {
				continue
			}
			for _, r := range destructiveRules {
				if r.re.MatchString(s.Text) {
					found = append(found, fmt.Sprintf("%s statement %d %s: %s", name, n+1, r.what, s.Text))
				}
			}
			if m := dropIndex.FindStringSubmatch(s.Text); m != nil && unique[m[1]] {
				found = append(found, fmt.Sprintf("%s statement %d drops the unique index %s: %s", name, n+1, m[1], s.Text))
			}
		}
	}
	return found, nil
}

// Every migration after the baseline that destroys data says so and why.
func TestMigrationsDestroyNothingUnmarked(t *testing.T) {
	for _, dir := range []string{"postgres", "sqlite"} {
		found, err := destructiveChanges(Files, dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range found {
			t.Errorf("%s\nIf this is intended, add a line `-- tandem:destructive-ok <why>` to the file and run `make migration-hash`; else change the schema without losing data.", f)
		}
	}
}

func TestDestructiveChangesLint(t *testing.T) {
	const baseline = "CREATE TABLE `t` (`a` text, `b` text);\nCREATE UNIQUE INDEX `t_a_key` ON `t` (`a`);\nCREATE INDEX `t_b` ON `t` (`b`);\n"
	cases := []struct {
		name, later string
		flagged     bool
	}{
		{"drop column", "ALTER TABLE `t` DROP COLUMN `b`;\n", true},
		{"drop column with a reason", "-- tandem:destructive-ok b was never written\nALTER TABLE `t` DROP COLUMN `b`;\n", false},
		{"marker without a reason", "-- tandem:destructive-ok\nALTER TABLE `t` DROP COLUMN `b`;\n", true},
		{"drop table", "DROP TABLE `t`;\n", true},
		{"type change", `ALTER TABLE "t" ALTER COLUMN "a" TYPE character varying(10);` + "\n", true},
		{"drop unique index", "DROP INDEX `t_a_key`;\n", true},
		{"drop plain index", "DROP INDEX `t_b`;\n", false},
		{"delete everything", "DELETE FROM `t`;\n", true},
		{"delete some", "DELETE FROM `t` WHERE `a` IS NULL;\n", false},
		{"add column", "ALTER TABLE `t` ADD COLUMN `c` text NULL;\n", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"d/20260101000000_baseline.sql": {Data: []byte(baseline)},
				"d/20260102000000_later.sql":    {Data: []byte(c.later)},
			}
			found, err := destructiveChanges(fsys, "d")
			if err != nil {
				t.Fatal(err)
			}
			if (len(found) > 0) != c.flagged {
				t.Fatalf("flagged %v, want %v: %v", len(found) > 0, c.flagged, found)
			}
		})
	}
}

// memDir copies an embedded directory into an Atlas directory.
func memDir(t *testing.T, fsys fs.FS, dir string) *migrate.MemDir {
	t.Helper()
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		t.Fatal(err)
	}
	out := &migrate.MemDir{}
	for _, e := range entries {
		b, err := fs.ReadFile(fsys, dir+"/"+e.Name())
		if err != nil {
			t.Fatal(err)
		}
		if err := out.WriteFile(e.Name(), b); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// atlas.sum is up to date in both directories, and the check sees a hand edit.
func TestMigrationSums(t *testing.T) {
	for _, dir := range []string{"postgres", "sqlite"} {
		d := memDir(t, Files, dir)
		if err := migrate.Validate(d); err != nil {
			t.Errorf("%s: %v (edited by hand? a file never applied anywhere may be: then run `make migration-hash`)", dir, err)
		}
		files, _ := d.Files()
		edited := string(files[0].Bytes()) + "\n-- edited\n"
		if err := d.WriteFile(files[0].Name(), []byte(edited)); err != nil {
			t.Fatal(err)
		}
		if err := migrate.Validate(d); err == nil {
			t.Errorf("%s: a hand-edited file passed atlas.sum", dir)
		}
	}
}

// Both dialects have the same files, named as Atlas names them.
func TestMigrationNames(t *testing.T) {
	name := regexp.MustCompile(`^\d{14}_[a-z0-9_]+\.sql$`)
	list := func(dir string) []string {
		entries, err := fs.ReadDir(Files, dir)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range entries {
			if e.Name() == "atlas.sum" {
				continue
			}
			if !name.MatchString(e.Name()) {
				t.Errorf("%s/%s: want YYYYMMDDHHMMSS_name.sql", dir, e.Name())
			}
			out = append(out, e.Name())
		}
		return out
	}
	pg, lite := list("postgres"), list("sqlite")
	if strings.Join(pg, ",") != strings.Join(lite, ",") {
		t.Fatalf("the dialects' migrations differ:\npostgres: %v\nsqlite:   %v", pg, lite)
	}
	if len(pg) == 0 {
		t.Fatal("no migrations")
	}
}

// Migrations run in the connection's current schema (search_path): a name qualified
// with a schema would escape it.
func TestMigrationsAreUnqualified(t *testing.T) {
	qualified := regexp.MustCompile("(?i)[`\"]?\\bpublic[`\"]?\\.[`\"]?\\w")
	names, err := fs.Glob(Files, "*/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		b, _ := fs.ReadFile(Files, name)
		if m := qualified.Find(b); m != nil {
			t.Errorf("%s: schema-qualified name %q: migrations must use the current schema", name, m)
		}
	}
	if !qualified.MatchString(`ALTER TABLE "public"."teams" ADD COLUMN "x" text`) {
		t.Fatal("the check misses a qualified name")
	}
}

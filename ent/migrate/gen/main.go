//go:build ignore

// Writes the next versioned migration of both dialects: `make migration name=add_x`
// (or `go run ./ent/migrate/gen/main.go -name add_x`). Each dialect's directory is
// replayed on a scratch database (an in-memory SQLite; a throw-away database on the
// PostgreSQL server of -postgres / TANDEM_DEV_DATABASE_URL / TANDEM_TEST_DATABASE_URL),
// diffed against ent/schema, and the difference written as a new Atlas-format file
// with atlas.sum updated. Run it from the module root. With -hash it only rewrites
// atlas.sum (`make migration-hash`), after a file was edited by hand before it was
// ever applied (e.g. to add the destructive-change comment).
package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"log"
	"net/url"
	"os"
	"path/filepath"
	"regexp"

	"ariga.io/atlas/sql/migrate"
	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/schema"
	_ "github.com/lib/pq"
	_ "modernc.org/sqlite"

	entmigrate "tandem/ent/migrate"
)

const dirRoot = "ent/migrate/migrations"

func main() {
	name := flag.String("name", "", "what the migration does, in snake_case, e.g. add_order_note")
	pg := flag.String("postgres", firstEnv("TANDEM_DEV_DATABASE_URL", "TANDEM_TEST_DATABASE_URL"),
		"a PostgreSQL server URL whose role may create a throw-away database")
	hash := flag.Bool("hash", false, "only rewrite atlas.sum of both directories, after a migration file was edited by hand")
	flag.Parse()
	if _, err := os.Stat(dirRoot); err != nil {
		log.Fatalf("run from the module root: %v", err)
	}
	if *hash {
		for _, d := range []string{"postgres", "sqlite"} {
			if err := rehash(filepath.Join(dirRoot, d)); err != nil {
				log.Fatalf("%s: %v", d, err)
			}
		}
		return
	}
	if !regexp.MustCompile(`^[a-z][a-z0-9_]*$`).MatchString(*name) {
		log.Fatalf("-name must be snake_case letters and digits, e.g. add_order_note (got %q)", *name)
	}
	if *pg == "" {
		log.Fatal("a PostgreSQL server is needed: set -postgres, TANDEM_DEV_DATABASE_URL or TANDEM_TEST_DATABASE_URL")
	}
	ctx := context.Background()
	// The same version for both dialects keeps their files side by side.
	version := migrate.NewVersion()
	for _, d := range []string{dialect.SQLite, dialect.Postgres} {
		db, done, err := devDatabase(d, *pg)
		if err != nil {
			log.Fatalf("%s: %v", d, err)
		}
		wrote, err := diff(ctx, d, db, version, *name)
		done()
		switch {
		case err != nil:
			log.Fatalf("%s: %v", d, err)
		case wrote:
			fmt.Printf("%s: wrote %s/%s/%s_%s.sql\n", d, dirRoot, dirName(d), version, *name)
		default:
			fmt.Printf("%s: no changes: ent/schema matches the migrations\n", d)
		}
	}
}

// rehash writes the atlas.sum of a directory's files as they are.
func rehash(path string) error {
	dir, err := migrate.NewLocalDir(path)
	if err != nil {
		return err
	}
	sum, err := dir.Checksum()
	if err != nil {
		return err
	}
	return migrate.WriteSumFile(dir, sum)
}

func dirName(d string) string {
	if d == dialect.Postgres {
		return "postgres"
	}
	return "sqlite"
}

// diff writes the migration of ent/schema's changes since the directory's files.
func diff(ctx context.Context, d string, db *sql.DB, version, name string) (bool, error) {
	dir, err := migrate.NewLocalDir(filepath.Join(dirRoot, dirName(d)))
	if err != nil {
		return false, err
	}
	m, err := schema.NewMigrate(entsql.OpenDB(d, db),
		schema.WithDir(dir),
		schema.WithMigrationMode(schema.ModeReplay),
		schema.WithDialect(d),
		schema.WithFormatter(fixedVersion(version)),
		// Removals are written too: the destructive-change check then asks for a reason.
		schema.WithDropColumn(true),
		schema.WithDropIndex(true),
		schema.WithErrNoPlan(true),
	)
	if err != nil {
		return false, err
	}
	err = m.NamedDiff(ctx, name, entmigrate.Tables...)
	if errors.Is(err, migrate.ErrNoPlan) {
		return false, nil
	}
	return err == nil, err
}

// fixedVersion is Atlas's default format with the version chosen once for both dialects.
func fixedVersion(version string) migrate.Formatter {
	return formatFunc(func(p *migrate.Plan) ([]migrate.File, error) {
		p.Version = version
		return migrate.DefaultFormatter.Format(p)
	})
}

type formatFunc func(*migrate.Plan) ([]migrate.File, error)

func (f formatFunc) Format(p *migrate.Plan) ([]migrate.File, error) { return f(p) }

// devDatabase opens an empty scratch database of the dialect and a function that
// removes it.
func devDatabase(d, pgURL string) (*sql.DB, func(), error) {
	if d == dialect.SQLite {
		db, err := sql.Open("sqlite", "file:tandem-dev?mode=memory&_pragma=foreign_keys(1)")
		if err != nil {
			return nil, nil, err
		}
		db.SetMaxOpenConns(1) // an in-memory database lives on one connection
		return db, func() { db.Close() }, nil
	}
	// A database of its own, not a schema: Atlas replays the files only on a database
	// where no other schema holds tables.
	admin, err := sql.Open("postgres", pgURL)
	if err != nil {
		return nil, nil, err
	}
	raw := make([]byte, 6)
	_, _ = rand.Read(raw)
	name := "tandem_dev_" + hex.EncodeToString(raw)
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		admin.Close()
		return nil, nil, fmt.Errorf("creating a scratch database (the role needs CREATEDB): %w", err)
	}
	drop := func() {
		_, _ = admin.Exec("DROP DATABASE " + name)
		admin.Close()
	}
	u, err := url.Parse(pgURL)
	if err != nil {
		drop()
		return nil, nil, err
	}
	u.Path = "/" + name
	db, err := sql.Open("postgres", u.String())
	if err != nil {
		drop()
		return nil, nil, err
	}
	return db, func() { db.Close(); drop() }, nil
}

func firstEnv(keys ...string) string {
	for _, k := range keys {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return ""
}

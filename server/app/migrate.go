package app

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"ariga.io/atlas/sql/migrate"
	"entgo.io/ent/dialect"

	"tandem/ent"
	"tandem/ent/migrate/migrations"
)

// RevisionsTable records the migration files applied to a database, one row each.
const RevisionsTable = "tandem_schema_revisions"

// ErrDatabaseAhead means the database was migrated by a newer Tandem than this one.
var ErrDatabaseAhead = errors.New("the database was migrated by a newer version of Tandem")

// Migrate applies the migration files the database has not had yet, in order, each in
// a transaction of its own, while holding LockMigrate: any number of processes may
// call it at once and each file is applied once. It returns the names of the files
// this call applied.
func (d *Database) Migrate(ctx context.Context) ([]string, error) {
	dir, err := MigrationDir(d.Dialect)
	if err != nil {
		return nil, err
	}
	var applied []string
	err = d.WithLock(ctx, LockMigrate, func(ctx context.Context) error {
		m := &migrator{db: d.DB, dialect: d.Dialect, dir: dir, adopt: d.autoMigrate}
		var runErr error
		applied, runErr = m.run(ctx)
		return runErr
	})
	return applied, err
}

// Pending lists the migration files the database has not had yet, without changing
// it; a database ahead of this binary, or with an applied file changed, is an error.
func (d *Database) Pending(ctx context.Context) ([]string, error) {
	dir, err := MigrationDir(d.Dialect)
	if err != nil {
		return nil, err
	}
	m := &migrator{db: d.DB, dialect: d.Dialect, dir: dir}
	if err := m.validate(); err != nil {
		return nil, err
	}
	files, err := m.pending(ctx)
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Name()
	}
	return names, err
}

// autoMigrate is how Tandem made its schema before versioned migrations: ent's
// auto-migration, which keeps package-level state (two at once in a process race).
func (d *Database) autoMigrate(ctx context.Context) error {
	migrating.Lock()
	defer migrating.Unlock()
	return d.Client.Schema.Create(ctx)
}

// MigrationDir is the embedded migration directory of a dialect.
func MigrationDir(dialectName string) (migrate.Dir, error) {
	sub := "sqlite"
	if dialectName == dialect.Postgres {
		sub = "postgres"
	}
	return dirFromFS(migrations.Files, sub)
}

// dirFromFS copies a directory of an fs.FS into an Atlas in-memory directory.
func dirFromFS(fsys fs.FS, sub string) (migrate.Dir, error) {
	entries, err := fs.ReadDir(fsys, sub)
	if err != nil {
		return nil, fmt.Errorf("reading the migrations: %w", err)
	}
	dir := &migrate.MemDir{}
	for _, e := range entries {
		b, err := fs.ReadFile(fsys, sub+"/"+e.Name())
		if err != nil {
			return nil, fmt.Errorf("reading the migrations: %w", err)
		}
		if err := dir.WriteFile(e.Name(), b); err != nil {
			return nil, err
		}
	}
	return dir, nil
}

// openForStart opens the database for the server: migrated, or with TANDEM_MIGRATE=off
// only checked to be up to date.
func openForStart(ctx context.Context, cfg Config, opts []ent.Option) (*Database, error) {
	if !cfg.NoMigrate {
		return OpenDatabase(ctx, cfg.DatabaseURL, cfg.DataDir, opts...)
	}
	db, err := ConnectDatabase(ctx, cfg.DatabaseURL, cfg.DataDir, opts...)
	if err != nil {
		return nil, err
	}
	pending, err := db.Pending(ctx)
	if err == nil && len(pending) > 0 {
		err = fmt.Errorf("%d schema migration(s) pending (%s) and TANDEM_MIGRATE=off: run `tandem migrate` first", len(pending), strings.Join(pending, ", "))
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("database %s: %w", db.Where, err)
	}
	return db, nil
}

package app

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"
	"time"

	"ariga.io/atlas/sql/migrate"
	"entgo.io/ent/dialect"

	entmigrate "tandem/ent/migrate"
)

// migrator applies a directory to one database; the caller holds LockMigrate.
type migrator struct {
	db      *sql.DB
	dialect string
	dir     migrate.Dir
	// adopt brings a database made before versioned migrations to the baseline.
	adopt func(context.Context) error
	files []migrate.File   // of dir, in order (set by validate)
	sums  migrate.HashFile // of dir
}

func (m *migrator) run(ctx context.Context) ([]string, error) {
	if err := m.validate(); err != nil {
		return nil, err
	}
	has, err := m.tablesExist(ctx, RevisionsTable)
	if err != nil {
		return nil, err
	}
	if !has {
		if err := m.start(ctx); err != nil {
			return nil, err
		}
	}
	pending, err := m.pending(ctx)
	if err != nil {
		return nil, err
	}
	var applied []string
	for _, f := range pending {
		if err := m.apply(ctx, f); err != nil {
			return applied, err
		}
		applied = append(applied, f.Name())
	}
	return applied, nil
}

// validate checks the directory against its atlas.sum and keeps its files.
func (m *migrator) validate() error {
	if err := migrate.Validate(m.dir); err != nil {
		return fmt.Errorf("the migration files do not match their atlas.sum (edited by hand? run `make migration`): %w", err)
	}
	var err error
	if m.files, err = m.dir.Files(); err != nil {
		return err
	}
	if len(m.files) == 0 {
		return errors.New("no migration files")
	}
	m.sums, err = m.dir.Checksum()
	return err
}

// pending lists the files not applied yet, after checking the applied ones.
func (m *migrator) pending(ctx context.Context) ([]migrate.File, error) {
	done, err := m.recorded(ctx)
	if err != nil {
		return nil, err
	}
	if err := m.checkHistory(done); err != nil {
		return nil, err
	}
	var out []migrate.File
	for _, f := range m.files {
		if _, ok := done[f.Version()]; !ok {
			out = append(out, f)
		}
	}
	return out, nil
}

// recorded reads the applied revisions: version → checksum (none when the table is
// not there yet).
func (m *migrator) recorded(ctx context.Context) (map[string]string, error) {
	done := map[string]string{}
	if has, err := m.tablesExist(ctx, RevisionsTable); err != nil || !has {
		return done, err
	}
	rows, err := m.db.QueryContext(ctx, "SELECT version, checksum FROM "+RevisionsTable)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", RevisionsTable, err)
	}
	defer rows.Close()
	for rows.Next() {
		var v, sum string
		if err := rows.Scan(&v, &sum); err != nil {
			return nil, err
		}
		done[v] = sum
	}
	return done, rows.Err()
}

// start creates the revisions table. When Tandem's tables are already there, the
// database was made by the auto-migration of a version before this one: the same
// auto-migration completes it to the baseline (the first file), recorded as applied.
func (m *migrator) start(ctx context.Context) error {
	files := m.files
	names := make([]string, len(entmigrate.Tables))
	for i, t := range entmigrate.Tables {
		names[i] = t.Name
	}
	old, err := m.tablesExist(ctx, names...)
	if err != nil {
		return err
	}
	if old {
		if len(files) > 1 {
			return fmt.Errorf("this database was made before versioned migrations and this version has migrations after the baseline %s: start it once with the version that introduced versioned migrations (its only migration is the baseline), then with this one", files[0].Name())
		}
		if err := m.adopt(ctx); err != nil {
			return fmt.Errorf("bringing a database made before versioned migrations to the baseline: %w", err)
		}
	}
	tx, err := m.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "CREATE TABLE "+RevisionsTable+
		" (version varchar(14) NOT NULL PRIMARY KEY, name varchar(255) NOT NULL, checksum varchar(64) NOT NULL, applied_at varchar(40) NOT NULL)"); err != nil {
		return fmt.Errorf("creating %s: %w", RevisionsTable, err)
	}
	if old {
		if err := m.record(ctx, tx, files[0]); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// checkHistory refuses a database migrated by a newer binary (a revision this one does
// not know) and a file changed after it was applied.
func (m *migrator) checkHistory(done map[string]string) error {
	files := m.files
	known := map[string]migrate.File{}
	for _, f := range files {
		known[f.Version()] = f
	}
	for v, sum := range done {
		f, ok := known[v]
		if !ok {
			return fmt.Errorf("%w: it has migration %s, which this version does not know (its newest is %s); run the newer version, or restore a backup made before it",
				ErrDatabaseAhead, v, files[len(files)-1].Name())
		}
		if want, _ := m.sums.SumByName(f.Name()); sum != want {
			return fmt.Errorf("migration %s was changed after it was applied to this database: never edit an applied migration, add a new one", f.Name())
		}
	}
	return nil
}

// apply runs one file and records it in one transaction: a failing statement leaves
// nothing of the file behind.
func (m *migrator) apply(ctx context.Context, f migrate.File) error {
	stmts, err := f.Stmts()
	if err != nil {
		return fmt.Errorf("migration %s: %w", f.Name(), err)
	}
	conn, err := m.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if m.dialect == dialect.SQLite {
		// SQLite changes a column by rebuilding its table: with foreign keys enforced,
		// dropping the old table would delete (ON DELETE CASCADE) or orphan the rows
		// referring to it. The pragma is ignored inside a transaction, so it is set on
		// the connection around it (as Atlas does); foreign_key_check runs before commit.
		if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = off"); err != nil {
			return err
		}
		defer func() {
			if _, err := conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA foreign_keys = on"); err != nil {
				// Never hand the pool a connection without foreign keys.
				_ = conn.Raw(func(any) error { return driver.ErrBadConn })
			}
		}()
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for i, s := range stmts {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("migration %s failed at statement %d (%s); none of it was applied: %w", f.Name(), i+1, abbreviate(s, 120), err)
		}
	}
	if m.dialect == dialect.SQLite {
		if err := foreignKeysHold(ctx, tx); err != nil {
			return fmt.Errorf("migration %s: %w; none of it was applied", f.Name(), err)
		}
	}
	if err := m.record(ctx, tx, f); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migration %s: %w", f.Name(), err)
	}
	return nil
}

// foreignKeysHold fails when a row of the SQLite database refers to a missing row.
func foreignKeysHold(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		var table string
		var rowid sql.NullInt64
		var parent string
		var fkid int
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return err
		}
		return fmt.Errorf("it leaves rows of %s referring to missing rows of %s", table, parent)
	}
	return rows.Err()
}

func (m *migrator) record(ctx context.Context, tx *sql.Tx, f migrate.File) error {
	sum, err := m.sums.SumByName(f.Name())
	if err != nil {
		return err
	}
	q := "INSERT INTO " + RevisionsTable + " (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)"
	if m.dialect == dialect.Postgres {
		q = "INSERT INTO " + RevisionsTable + " (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)"
	}
	if _, err := tx.ExecContext(ctx, q, f.Version(), f.Desc(), sum, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return fmt.Errorf("recording migration %s: %w", f.Name(), err)
	}
	return nil
}

// tablesExist reports whether any of the named tables is in the current schema.
func (m *migrator) tablesExist(ctx context.Context, names ...string) (bool, error) {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = "'" + strings.ReplaceAll(n, "'", "''") + "'"
	}
	q := "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN (" + strings.Join(quoted, ", ") + ")"
	if m.dialect == dialect.Postgres {
		q = "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN (" + strings.Join(quoted, ", ") + ")"
	}
	var n int
	if err := m.db.QueryRowContext(ctx, q).Scan(&n); err != nil {
		return false, fmt.Errorf("inspecting the schema: %w", err)
	}
	return n > 0, nil
}

func abbreviate(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

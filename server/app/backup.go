package app

import (
	"archive/tar"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrBackupPostgres refuses `tandem backup` on PostgreSQL, which has its own tools.
var ErrBackupPostgres = errors.New("tandem backup copies the embedded database only; for PostgreSQL use pg_dump " +
	"(pg_dump --format=custom --file=tandem.dump \"$DATABASE_URL\") and copy the object-storage bucket (docs/operations.md, Backup and restore)")

// Backup writes a consistent copy of the embedded database, taken while the server
// runs, into a new tar file at out, with the uploaded files and the jwt-secret file
// (when the data dir has them) beside it, laid out as the data dir is: restoring is stopping the server,
// unpacking the tar into an empty data dir and starting again.
//
// The database is copied by SQLite's VACUUM INTO on a connection of its own: one read
// transaction, so the copy is the database as of one moment, WAL included, and
// writers go on meanwhile. Files are copied after it, so every file the copy names is
// there (uploads are kept before their row is written; a file deleted meanwhile may
// be missing, as after any deletion).
func Backup(ctx context.Context, cfg Config, out string) (err error) {
	if cfg.DatabaseURL != "" {
		return ErrBackupPostgres
	}
	live := filepath.Join(cfg.DataDir, "tandem.db")
	if _, err := os.Stat(live); err != nil {
		return fmt.Errorf("no embedded database at %s (is --data-dir / TANDEM_DATA_DIR right?): %w", live, err)
	}
	f, err := os.OpenFile(out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s exists: a backup never overwrites a file; choose a new name", out)
		}
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(out)
		}
	}()
	snap, err := os.MkdirTemp(filepath.Dir(out), ".tandem-backup-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(snap)
	copyPath := filepath.Join(snap, "tandem.db")
	if err := snapshot(ctx, live, copyPath); err != nil {
		return err
	}
	tw := tar.NewWriter(f)
	if err := addFile(tw, copyPath, "tandem.db"); err != nil {
		return err
	}
	if err := addFile(tw, filepath.Join(cfg.DataDir, "jwt-secret"), "jwt-secret"); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := addTree(tw, filepath.Join(cfg.DataDir, "files"), "files"); err != nil {
		return err
	}
	return tw.Close()
}

// snapshot copies the live database into path with VACUUM INTO and checks the copy.
func snapshot(ctx context.Context, live, path string) error {
	db, err := sql.Open("sqlite", SQLiteDSN(live))
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", path); err != nil {
		return fmt.Errorf("copying the database: %w", err)
	}
	cp, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return err
	}
	defer cp.Close()
	var verdict string
	if err := cp.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&verdict); err != nil || verdict != "ok" {
		return fmt.Errorf("the copy failed its integrity check: %q %v", verdict, err)
	}
	return nil
}

// addFile writes one regular file into the tar under name.
func addFile(tw *tar.Writer, path, name string) error {
	src, err := os.Open(path)
	if err != nil {
		return err
	}
	defer src.Close()
	st, err := src.Stat()
	if err != nil {
		return err
	}
	hdr, err := tar.FileInfoHeader(st, "")
	if err != nil {
		return err
	}
	hdr.Name = name
	// Every file of a backup is private: the database holds password hashes and keys.
	hdr.Mode = 0o600
	if err := tw.WriteHeader(hdr); err != nil {
		return err
	}
	_, err = io.CopyN(tw, src, st.Size())
	return err
}

// addTree writes the regular files under dir (if it exists) into the tar under prefix.
func addTree(tw *tar.Writer, dir, prefix string) error {
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // deleted while we walk
			}
			return err
		}
		if !d.Type().IsRegular() || strings.HasPrefix(d.Name(), ".") {
			return nil // directories come with their files; temporary uploads are skipped
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		if err := addFile(tw, p, prefix+"/"+filepath.ToSlash(rel)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	})
}

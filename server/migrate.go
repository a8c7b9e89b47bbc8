package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"tandem/server/app"
)

// migrateCommand is `tandem migrate [--data-dir DIR]` (DATABASE_URL as for the
// server): it applies the pending schema migrations, prints them, and exits. Safe to
// run while servers start or run: one process at a time migrates (see
// docs/operations.md).
func migrateCommand(args []string) error {
	cfg, err := app.ParseConfig(args, os.Getenv)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	db, err := app.ConnectDatabase(ctx, cfg.DatabaseURL, cfg.DataDir)
	if err != nil {
		return err
	}
	defer db.Close()
	applied, err := db.Migrate(ctx)
	for _, name := range applied {
		fmt.Println("applied", name)
	}
	if err != nil {
		return fmt.Errorf("migrate (database %s): %w", db.Where, err)
	}
	if len(applied) == 0 {
		fmt.Printf("the database %s is up to date\n", db.Where)
	} else {
		fmt.Printf("the database %s is up to date (%d applied)\n", db.Where, len(applied))
	}
	return nil
}

// existingDatabase refuses to run a maintenance command on an embedded database that
// does not exist yet: without DATABASE_URL, a mistyped --data-dir (or a shell that did
// not export DATABASE_URL) would otherwise make a new, empty database and "succeed".
func existingDatabase(cfg app.Config) error {
	if cfg.DatabaseURL != "" {
		return nil
	}
	path := filepath.Join(cfg.DataDir, "tandem.db")
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("there is no Tandem database at %s: set DATABASE_URL for PostgreSQL, or --data-dir to the server's data directory", path)
	}
	return nil
}

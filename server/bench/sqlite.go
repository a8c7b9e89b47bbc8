package main

import (
	"context"
	"fmt"
)

// measureSQLite runs the same workloads on Tandem over the embedded database, alone
// (the PostgreSQL servers are stopped), for the ratio embedded ÷ PostgreSQL.
func measureSQLite(ctx context.Context, c config, bin string, b *book, ws []workload, res *results) error {
	if err := b.open(); err != nil {
		return err
	}
	f, err := loadFixture(ctx, b.db, c.seed)
	if err != nil {
		return fmt.Errorf("embedded database: %w", err)
	}
	// Tandem holds the file from here on.
	b.db.Close()
	b.db = nil
	t, err := startTandem(ctx, "Tandem-SQLite", bin, "", b.dataDir, false)
	if err != nil {
		return err
	}
	defer t.proc.stop()
	fmt.Println("Tandem on the embedded database (SQLite)…")
	return measure(ctx, c, []*target{t}, ws, f, res, "sqlite")
}

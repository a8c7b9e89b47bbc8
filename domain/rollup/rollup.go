// Package rollup holds what the analytics rollups share (domain/order's OrderVolume,
// domain/sample's SampleCount, domain/account's AccountCount and StageStay): each is
// kept by its hook in the writing transaction, and summed again from scratch at
// start-up once per version of its rules.
package rollup

import (
	"context"
	"fmt"
	"slices"
	"time"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	gen "tandem/ent"
)

// Postgres reports whether c's database is PostgreSQL (one statement that reads no row).
func Postgres(ctx context.Context, c *gen.Client) (bool, error) {
	pg := false
	_, err := c.ServerState.Query().Modify(func(s *sql.Selector) {
		pg = s.Dialect() == dialect.Postgres
		s.Where(sql.False())
	}).Count(ctx)
	return pg, err
}

// Lock takes PostgreSQL's transaction-scoped advisory lock of key: a second writer of
// the same key waits until the first commits, then reads what it committed (READ
// COMMITTED). SQLite has one writer at a time: nothing to take.
func Lock(ctx context.Context, c *gen.Client, pg bool, key string) error {
	if !pg {
		return nil
	}
	_, err := c.ExecContext(ctx, "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", key)
	return err
}

// Replace empties table and runs insert (an INSERT … SELECT that sums it again), in
// one transaction.
func Replace(ctx context.Context, c *gen.Client, table, insert string) error {
	tx, err := c.Tx(ctx)
	if err != nil {
		return err
	}
	if _, err := tx.Client().ExecContext(ctx, "DELETE FROM "+table); err != nil {
		_ = tx.Rollback()
		return err
	}
	if _, err := tx.Client().ExecContext(ctx, insert); err != nil {
		_ = tx.Rollback()
		return fmt.Errorf("%s: %w", table, err)
	}
	return tx.Commit()
}

// Changed are the keys whose count changes (not by zero), in cmp's order: writers
// that upsert counts in one order never wait for each other in a cycle.
func Changed[K comparable](counts map[K]int, cmp func(a, b K) int) []K {
	keys := make([]K, 0, len(counts))
	for k, n := range counts {
		if n != 0 {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, cmp)
	return keys
}

// The periods a rollup keeps, as the layouts of Go and of each database: a time's
// UTC date, or its UTC year and month.
const (
	Day   = "2006-01-02"
	Month = "2006-01"
)

// DayOf is a time's day in the rollups.
func DayOf(t time.Time) string { return t.UTC().Format(Day) }

// MonthOf is a time's month in the rollups.
func MonthOf(t time.Time) string { return t.UTC().Format(Month) }

// sqlLayouts are each period's layout in PostgreSQL's to_char and SQLite's strftime.
var sqlLayouts = map[string]struct{ pg, sqlite string }{
	Day:   {"YYYY-MM-DD", "%Y-%m-%d"},
	Month: {"YYYY-MM", "%Y-%m"},
}

// period is the dialect's SQL expression of a time column's UTC period.
func period(pg bool, col, layout string) string {
	if pg {
		return "to_char(" + col + " AT TIME ZONE 'UTC', '" + sqlLayouts[layout].pg + "')"
	}
	return "strftime('" + sqlLayouts[layout].sqlite + "', " + col + ")"
}

// Rebuild sums table again from scratch in one transaction: insert is its INSERT …
// SELECT, given the SQL expression of col's period (layout Day or Month).
func Rebuild(ctx context.Context, c *gen.Client, table, col, layout string, insert func(period string) string) error {
	pg, err := Postgres(ctx, c)
	if err != nil {
		return err
	}
	return Replace(ctx, c, table, insert(period(pg, col, layout)))
}

package importer

import (
	"context"
	"errors"
	"fmt"

	"tandem/domain/access"
	"tandem/domain/history"
	"tandem/ent"
	"tandem/ent/schema"
)

// BatchRows is how many rows one transaction of a commit writes.
const BatchRows = 500

// FailBeforeWrite, when set (tests only), is asked before each row is written and
// fails the commit with its error: it stands for a database failure part-way.
var FailBeforeWrite func(row int) error

// Progress records, in the batch's transaction, that the first done data rows are
// written; the batch commits only if it succeeds, so the job's count and the rows
// written never disagree.
type Progress func(ctx context.Context, tx *ent.Client, done int, c Counts) error

// Commit checks the rows again against what is stored now (so a resumed or repeated
// commit never writes a row twice: what was written reads back UNCHANGED) and writes
// the CREATE and UPDATE rows from data row index from on, in batches of BatchRows,
// each in its own transaction, as history (history.Importing: statuses and dates
// kept, no effects). It returns the plan it wrote and the row index reached; on a
// failure the rows before that index are written and the error says which row failed.
func Commit(ctx context.Context, c *ent.Client, k Kind, t *Table, m Mapping, from int, progress Progress) (*Plan, int, error) {
	plan, err := Check(ctx, c, k, t, m)
	if err != nil {
		return nil, from, err
	}
	ctx = history.Importing(ctx)
	done := from
	for done < len(t.Rows) {
		end := min(done+BatchRows, len(t.Rows))
		if err := writeBatch(ctx, c, plan, t, done, end, progress); err != nil {
			return plan, done, err
		}
		done = end
	}
	return plan, done, nil
}

// writeBatch writes rows [start, end) in one transaction. New accounts go in with one
// bulk insert (every hook and rule still runs per account); if that insert fails, the
// batch is written again row by row, so the error names the row that fails.
func writeBatch(ctx context.Context, c *ent.Client, plan *Plan, t *Table, start, end int, progress Progress) error {
	err := writeRows(ctx, c, plan, t, start, end, progress, true)
	var be bulkError
	if errors.As(err, &be) {
		return writeRows(ctx, c, plan, t, start, end, progress, false)
	}
	return err
}

// bulkError is a failed bulk insert: which row failed, it does not say.
type bulkError struct{ err error }

func (e bulkError) Error() string { return e.err.Error() }

type customerBulkKey struct{}

// customerBulk holds a batch's new accounts and order lines for bulk inserts.
type customerBulk struct {
	pending []*ent.CustomerCreate
	lines   []*ent.OrderLineCreate
}

// collectCustomer keeps q for the batch's bulk insert when ctx has one.
func collectCustomer(ctx context.Context, q *ent.CustomerCreate) bool {
	b, ok := ctx.Value(customerBulkKey{}).(*customerBulk)
	if ok {
		b.pending = append(b.pending, q)
	}
	return ok
}

// collectLine keeps q for the batch's bulk insert of order lines when ctx has one
// (nothing in an import reads a line back within its batch).
func collectLine(ctx context.Context, q *ent.OrderLineCreate) bool {
	b, ok := ctx.Value(customerBulkKey{}).(*customerBulk)
	if ok {
		b.lines = append(b.lines, q)
	}
	return ok
}

func writeRows(ctx context.Context, c *ent.Client, plan *Plan, t *Table, start, end int, progress Progress, bulk bool) error {
	tx, err := c.Tx(ctx)
	if err != nil {
		return err
	}
	tc := tx.Client()
	// The batch's audit events and first stage changes go in with bulk inserts, in
	// this transaction.
	ctx, flush := schema.BatchWrites(ctx)
	// The write rules' link and team checks are asked once per batch, not per row.
	ctx = access.Memo(ctx)
	accounts := &customerBulk{}
	wctx := ctx
	if bulk {
		wctx = context.WithValue(ctx, customerBulkKey{}, accounts)
	}
	for i := start; i < end; i++ {
		w := plan.writes[i]
		if w == nil {
			continue
		}
		if FailBeforeWrite != nil {
			if err := FailBeforeWrite(t.Rows[i].Num); err != nil {
				_ = tx.Rollback()
				return fmt.Errorf("row %d: %w", t.Rows[i].Num, err)
			}
		}
		if err := w(wctx, tc); err != nil {
			_ = tx.Rollback()
			return fmt.Errorf("row %d: %w", t.Rows[i].Num, err)
		}
	}
	if len(accounts.pending) > 0 {
		if err := tc.Customer.CreateBulk(accounts.pending...).Exec(ctx); err != nil {
			_ = tx.Rollback()
			return bulkError{err}
		}
	}
	if len(accounts.lines) > 0 {
		if err := tc.OrderLine.CreateBulk(accounts.lines...).Exec(ctx); err != nil {
			_ = tx.Rollback()
			return bulkError{err}
		}
	}
	if progress != nil {
		if err := progress(ctx, tc, end, plan.Counts); err != nil {
			_ = tx.Rollback()
			return err
		}
	}
	if err := flush(ctx, tc); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

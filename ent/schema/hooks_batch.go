package schema

import (
	"context"
	"fmt"

	"tandem/domain/access"
	"tandem/domain/account"
	"tandem/domain/history"
	orders "tandem/domain/order"
	gen "tandem/ent"
)

// bulkRows is how many rows one deferred INSERT writes (well under the databases'
// bind-parameter limits).
const bulkRows = 500

// BatchWrites returns a context in which, while history is imported
// (history.Importing), the audit hook and the stage hook defer the rows they record
// (history.Defer) instead of inserting one per change, and the flush that inserts
// them, unchanged, with CreateBulk. The caller flushes in the same transaction before
// it commits, so these rows commit or roll back with the rows they record; outside an
// import they are inserted at once as always.
func BatchWrites(ctx context.Context) (context.Context, func(context.Context, *gen.Client) error) {
	ctx, b := history.Batched(ctx)
	flush := func(ctx context.Context, c *gen.Client) error {
		// Until none is left: a bulk insert's own hooks may defer more.
		for rows := b.Take(); len(rows) > 0; rows = b.Take() {
			if err := insertDeferred(ctx, c, rows); err != nil {
				return err
			}
		}
		return nil
	}
	return ctx, flush
}

func insertDeferred(ctx context.Context, c *gen.Client, rows []any) error {
	var audits []*gen.AuditEventCreate
	var stages []*gen.StageChangeCreate
	var volumes []orders.VolumeOrders
	var counted []account.CountedAccounts
	var measured []account.MeasuredAccounts
	for _, row := range rows {
		switch r := row.(type) {
		case orders.VolumeOrders:
			volumes = append(volumes, r)
		case account.CountedAccounts:
			counted = append(counted, r)
		case account.MeasuredAccounts:
			measured = append(measured, r)
		case *gen.AuditEventCreate:
			audits = append(audits, r)
		case *gen.StageChangeCreate:
			stages = append(stages, r)
		default:
			return fmt.Errorf("deferred write: unexpected %T", row)
		}
	}
	if err := inChunks(stages, func(s []*gen.StageChangeCreate) error {
		return c.StageChange.CreateBulk(s...).Exec(access.System(ctx, "stage history: the StageChange row written with its move"))
	}); err != nil {
		return err
	}
	if err := inChunks(audits, func(s []*gen.AuditEventCreate) error {
		return c.AuditEvent.CreateBulk(s...).Exec(access.System(ctx, "audit log: written with every change"))
	}); err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	// The rollups of what the batch wrote, once per batch (domain/order, domain/account).
	if len(volumes) > 0 {
		if err := orders.SumDeferred(ctx, c, volumes); err != nil {
			return err
		}
	}
	if len(counted) > 0 {
		if err := account.CountDeferred(ctx, c, counted); err != nil {
			return err
		}
	}
	if len(measured) > 0 {
		return account.MeasureDeferred(ctx, c, measured)
	}
	return nil
}

func inChunks[T any](rows []T, write func([]T) error) error {
	for len(rows) > 0 {
		n := min(len(rows), bulkRows)
		if err := write(rows[:n]); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

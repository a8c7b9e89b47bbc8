package order

import (
	"context"
	"fmt"
	"slices"
	"time"

	"entgo.io/ent"
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"tandem/domain/access"
	"tandem/domain/history"
	"tandem/domain/rollup"
	gen "tandem/ent"
	"tandem/ent/order"
	"tandem/ent/orderline"
	"tandem/ent/ordervolume"
	"tandem/ent/schema/pulid"
)

// VolumeVersion is the version of the OrderVolume rollup's rules: start-up rebuilds the
// rollup once per version (RebuildVolume).
const VolumeVersion = "v1"

// VolumeHook keeps the OrderVolume rollup (ent/schema.OrderVolume) true in the writing
// transaction: when an order's status, date or currency changes, an order is deleted,
// or a line is added, changed, moved or deleted, each UTC day of the orders concerned,
// before and after, is summed again from its lines. On PostgreSQL a transaction-scoped
// advisory lock per day orders two writers of the same day, so the second sums after
// the first committed (READ COMMITTED reads it); SQLite has one writer at a time.
func VolumeHook(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		if !touchesVolume(ctx, m) {
			return next.Mutate(ctx, m)
		}
		c := m.(interface{ Client() *gen.Client }).Client()
		sys := access.System(ctx, "the order volume rollup follows the orders and their lines")
		if lm, ok := m.(*gen.OrderLineMutation); ok && lm.Op().Is(ent.OpCreate) {
			if id, ok := lm.OrderID(); ok && history.Defer(ctx, VolumeOrders{id}) {
				return next.Mutate(ctx, m) // an import's batch sums its days once (SumDeferred)
			}
		}
		ids, err := volumeOrderIDs(sys, m)
		if err != nil || len(ids) == 0 {
			if err != nil {
				return nil, err
			}
			return next.Mutate(ctx, m)
		}
		days, pg, err := orderDays(sys, c, ids)
		if err != nil {
			return nil, err
		}
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return v, err
		}
		if om, ok := m.(*gen.OrderMutation); ok {
			if at, ok := om.OrderedAt(); ok {
				days = append(days, rollup.DayOf(at))
			}
		}
		return v, sumDays(sys, c, pg, days)
	})
}

// VolumeOrders are orders whose days an import's batch sums once, when it flushes.
type VolumeOrders []pulid.ID

// SumDeferred sums the days of the batch's orders again, once each.
func SumDeferred(ctx context.Context, c *gen.Client, deferred []VolumeOrders) error {
	var ids []pulid.ID
	for _, d := range deferred {
		ids = append(ids, d...)
	}
	slices.Sort(ids)
	sys := access.System(ctx, "the order volume rollup follows an import's lines")
	days, pg, err := orderDays(sys, c, slices.Compact(ids))
	if err != nil {
		return err
	}
	return sumDays(sys, c, pg, days)
}

// touchesVolume reports whether m may change what the rollup sums. A new order has no
// lines yet; a status change counts when the order is or was cancelled.
func touchesVolume(ctx context.Context, m ent.Mutation) bool {
	if m.Op().Is(ent.OpDelete | ent.OpDeleteOne) {
		return true
	}
	switch m := m.(type) {
	case *gen.OrderMutation:
		if m.Op().Is(ent.OpCreate) {
			return false
		}
		if _, ok := m.OrderedAt(); ok {
			return true
		}
		if _, ok := m.Currency(); ok {
			return true
		}
		st, ok := m.Status()
		if !ok {
			return false
		}
		if st == order.StatusCANCELLED || !m.Op().Is(ent.OpUpdateOne) {
			return true
		}
		old, err := m.OldStatus(ctx)
		return err != nil || old == order.StatusCANCELLED
	case *gen.OrderLineMutation:
		if m.Op().Is(ent.OpCreate) {
			return true
		}
		for _, f := range []string{orderline.FieldOrderID, orderline.FieldProductID, orderline.FieldQuantity, orderline.FieldUnitPrice} {
			if _, ok := m.Field(f); ok || m.FieldCleared(f) {
				return true
			}
		}
		_, added := m.AddedQuantity()
		_, addedPrice := m.AddedUnitPrice()
		return added || addedPrice
	}
	return false
}

// volumeOrderIDs are the orders whose lines m changes: the orders it updates or
// deletes, or the orders of the lines it writes (before and after a move).
// A bulk update or delete is narrowed to the rows read, so a row that starts to match
// meanwhile is not changed unsummed.
func volumeOrderIDs(ctx context.Context, m ent.Mutation) ([]pulid.ID, error) {
	bulk := m.Op().Is(ent.OpUpdate | ent.OpDelete)
	switch m := m.(type) {
	case *gen.OrderMutation:
		ids, err := m.IDs(ctx)
		if err == nil && bulk {
			m.Where(order.IDIn(ids...))
		}
		return ids, err
	case *gen.OrderLineMutation:
		if bulk {
			lines, err := m.IDs(ctx)
			if err != nil {
				return nil, err
			}
			m.Where(orderline.IDIn(lines...))
		}
	}
	return OrderIDsOfLine(ctx, m)
}

// orderDays reads the UTC days of the orders, and whether the database is PostgreSQL.
func orderDays(ctx context.Context, c *gen.Client, ids []pulid.ID) (days []string, pg bool, err error) {
	var rows []struct {
		OrderedAt time.Time `json:"ordered_at"`
	}
	err = c.Order.Query().Where(order.IDIn(ids...)).Modify(func(s *sql.Selector) {
		pg = s.Dialect() == dialect.Postgres
		s.Select(s.C(order.FieldOrderedAt))
	}).Scan(ctx, &rows)
	for _, r := range rows {
		days = append(days, rollup.DayOf(r.OrderedAt))
	}
	return days, pg, err
}

// sumDays sums each day again, in date order (so two writers lock days in one order).
func sumDays(ctx context.Context, c *gen.Client, pg bool, days []string) error {
	slices.Sort(days)
	for _, day := range slices.Compact(days) {
		start, err := time.Parse(time.DateOnly, day)
		if err != nil {
			return err
		}
		if err := rollup.Lock(ctx, c, pg, "order-volume/"+day); err != nil {
			return err
		}
		if _, err := c.ExecContext(ctx, "DELETE FROM "+ordervolume.Table+" WHERE "+ordervolume.FieldDay+" = $1", day); err != nil {
			return err
		}
		q := volumeInsert("CAST($1 AS TEXT)", "o."+order.FieldOrderedAt+" >= $2 AND o."+order.FieldOrderedAt+" < $3")
		if _, err := c.ExecContext(ctx, q, day, start, start.AddDate(0, 0, 1)); err != nil {
			return fmt.Errorf("the order volume of %s: %w", day, err)
		}
	}
	return nil
}

// volumeInsert is the INSERT … SELECT of the rollup's rows for the orders matching
// where, whose day is the SQL expression day: per currency and product, and per
// currency alone (an empty product_id).
func volumeInsert(day, where string) string {
	sums := fmt.Sprintf("COUNT(*) AS n, COUNT(DISTINCT l.%s) AS o, COALESCE(SUM(l.%s), 0) AS q, COALESCE(SUM(l.%s * l.%s), 0) AS v",
		orderline.FieldOrderID, orderline.FieldQuantity, orderline.FieldQuantity, orderline.FieldUnitPrice)
	from := fmt.Sprintf("FROM %s l JOIN %s o ON o.%s = l.%s WHERE %s AND o.%s <> '%s'",
		orderline.Table, order.Table, order.FieldID, orderline.FieldOrderID, where, order.FieldStatus, order.StatusCANCELLED)
	cur := "UPPER(o." + order.FieldCurrency + ")"
	return fmt.Sprintf(`INSERT INTO %s (%s, %s, %s, %s, %s, %s, %s, %s)
SELECT 'OV' || d || '|' || cur || '|' || pid, d, cur, pid, n, o, q, v FROM (
  SELECT %s AS d, %s AS cur, l.%s AS pid, %s %s GROUP BY %s, %s, l.%s
  UNION ALL
  SELECT %s AS d, %s AS cur, '' AS pid, %s %s GROUP BY %s, %s
) t`,
		ordervolume.Table, ordervolume.FieldID, ordervolume.FieldDay, ordervolume.FieldCurrency, ordervolume.FieldProductID,
		ordervolume.FieldLines, ordervolume.FieldOrders, ordervolume.FieldQuantity, ordervolume.FieldValue,
		day, cur, orderline.FieldProductID, sums, from, day, cur, orderline.FieldProductID,
		day, cur, sums, from, day, cur)
}

// RebuildVolume sums the whole rollup again from the lines, in one transaction (at
// start-up, once per VolumeVersion: books from before the rollup, or loaded in bulk).
func RebuildVolume(ctx context.Context, c *gen.Client) error {
	sys := access.System(ctx, "start-up: the order volume rollup")
	return rollup.Rebuild(sys, c, ordervolume.Table, "o."+order.FieldOrderedAt, rollup.Day, func(day string) string {
		return volumeInsert(day, "1 = 1")
	})
}

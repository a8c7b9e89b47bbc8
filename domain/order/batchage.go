package order

import (
	"context"
	"fmt"
	"strings"
	"time"

	"entgo.io/ent"

	"tandem/domain/access"
	"tandem/domain/history"
	"tandem/domain/move"
	gen "tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/hook"
	"tandem/ent/orderevent"
	"tandem/ent/orderline"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
)

const ackKind = "order-line-batch-age"

// AcknowledgeBatchAge records that a line's batch ships although it is older than its
// product's MaxBatchAgeMonths or has no production date (合适的生产日期): who, when
// and why, on the line and as a BATCH_AGE_ACKNOWLEDGED order event. The shipping gate
// lets such a line through only once acknowledged; changing its batch or production
// date takes the acknowledgement away (LineGuard).
func AcknowledgeBatchAge(ctx context.Context, c *gen.Client, lineID pulid.ID, reason string) (*gen.OrderLine, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return nil, errcode.New(errcode.BadUserInput, "say why the batch ships anyway").With("field", "reason")
	}
	l, err := c.OrderLine.Query().Where(orderline.ID(lineID)).WithProduct().WithOrder().Only(ctx)
	if err != nil {
		return nil, err
	}
	o := l.Edges.Order
	if o == nil {
		return nil, errcode.New(errcode.NotFound, "the line's order is not visible").With("field", "lineID")
	}
	if shipped(o) || Final(o) {
		return nil, movedOn(o, "the order is %s: its batches are no longer checked", strings.ToLower(string(o.Status)))
	}
	maxMonths := 12
	if p := l.Edges.Product; p != nil {
		maxMonths = p.MaxBatchAgeMonths
	}
	if batchAge(l, maxMonths, time.Now()) == "" {
		return nil, errcode.New(errcode.BadUserInput, "the batch was produced within %d months: there is nothing to acknowledge", maxMonths).
			With("field", "lineID")
	}
	if l.BatchAgeAcknowledgedAt != nil {
		return nil, errcode.New(errcode.Conflict, "acknowledged already on %s; reload the order", l.BatchAgeAcknowledgedAt.UTC().Format(time.RFC3339)).
			With("field", "lineID")
	}
	now := time.Now().UTC()
	u := c.OrderLine.UpdateOneID(l.ID).Where(orderline.BatchAgeAcknowledgedAtIsNil()).
		SetBatchAgeAcknowledgedAt(now).SetBatchAgeAcknowledgement(reason)
	if v := viewer.FromContext(ctx); v != nil && v.UserID != "" {
		u.SetBatchAgeAcknowledgedByID(v.UserID)
	}
	saved, err := u.Save(move.Mark(ctx, ackKind, l.ID))
	if gen.IsNotFound(err) {
		return nil, errcode.New(errcode.Conflict, "someone acknowledged this batch meanwhile; reload the order").With("field", "lineID")
	}
	if err != nil {
		return nil, err
	}
	code := string(l.ProductID)
	if p := l.Edges.Product; p != nil {
		code = p.Code
	}
	note := fmt.Sprintf("batch %s of %s (production date %s): %s", orNone(l.BatchNo), code, dateOrNone(l.ProductionDate), reason)
	return saved, record(ctx, c, o, orderevent.StepBATCH_AGE_ACKNOWLEDGED, &note, now)
}

func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(none)"
	}
	return s
}

func dateOrNone(t *time.Time) string {
	if t == nil {
		return "none"
	}
	return t.UTC().Format("2006-01-02")
}

// LineGuard keeps a line's batch-age acknowledgement honest: it is written only by
// AcknowledgeBatchAge, and a new batch, production date or product takes it away.
func LineGuard(next ent.Mutator) ent.Mutator {
	return hook.OrderLineFunc(func(ctx context.Context, m *gen.OrderLineMutation) (gen.Value, error) {
		if history.Is(ctx) {
			return next.Mutate(ctx, m)
		}
		id, _ := m.ID()
		_, at := m.BatchAgeAcknowledgedAt()
		_, by := m.BatchAgeAcknowledgedByID()
		_, why := m.BatchAgeAcknowledgement()
		if (at || by || why) && !move.Marked(ctx, ackKind, id) && !access.IsSystem(ctx) {
			return nil, move.NotByWorkflow("an order line", "batchAgeAcknowledgedAt", "acknowledgeBatchAge")
		}
		if m.Op().Is(ent.OpUpdateOne|ent.OpUpdate) && batchChanged(ctx, m) {
			m.ClearBatchAgeAcknowledgedAt()
			m.ClearBatchAgeAcknowledgedByID()
			m.ClearBatchAgeAcknowledgement()
		}
		return next.Mutate(ctx, m)
	})
}

// batchChanged reports whether an update gives a line another batch, production date
// or product (a value sent unchanged is no change).
func batchChanged(ctx context.Context, m *gen.OrderLineMutation) bool {
	if m.BatchNoCleared() || m.ProductionDateCleared() {
		return true
	}
	b, setB := m.BatchNo()
	pd, setPD := m.ProductionDate()
	p, setP := m.ProductID()
	if !setB && !setPD && !setP {
		return false
	}
	if !m.Op().Is(ent.OpUpdateOne) {
		return true
	}
	if setB {
		if old, err := m.OldBatchNo(ctx); err != nil || old != b {
			return true
		}
	}
	if setPD {
		if old, err := m.OldProductionDate(ctx); err != nil || old == nil || !old.Equal(pd) {
			return true
		}
	}
	if setP {
		if old, err := m.OldProductID(ctx); err != nil || old != p {
			return true
		}
	}
	return false
}

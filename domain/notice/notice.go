// Package notice is a change notice (工艺、配方、原材料变化，应及早与客户沟通): a
// draft is issued to every customer who bought the product lately, each acknowledges,
// and the last acknowledgement completes it. A notice's status changes only through
// Issue and Acknowledge.
package notice

import (
	"context"
	"strings"
	"time"

	"entgo.io/ent"
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"tandem/domain/access"
	"tandem/domain/history"
	"tandem/domain/move"
	gen "tandem/ent"
	"tandem/ent/changenotice"
	"tandem/ent/changenoticeack"
	"tandem/ent/customer"
	"tandem/ent/errcode"
	"tandem/ent/hook"
	"tandem/ent/order"
	"tandem/ent/orderline"
	"tandem/ent/predicate"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
)

// LookbackMonths is how far back a purchase makes a customer one who must be told of
// a change.
const LookbackMonths = 12

// AffectedBy selects the customers with a line of the product on an order that was
// not cancelled and was placed in the lookback window ending at ref.
func AffectedBy(productID pulid.ID, ref time.Time) predicate.Customer {
	ref = ref.UTC()
	return customer.HasOrderLinesWith(
		orderline.ProductID(productID),
		orderline.HasOrderWith(
			order.StatusNEQ(order.StatusCANCELLED),
			order.OrderedAtGTE(ref.AddDate(0, -LookbackMonths, 0)),
			order.OrderedAtLTE(ref),
		),
	)
}

// AckCounts counts a notice's acknowledgements and those still missing.
func AckCounts(ctx context.Context, c *gen.Client, noticeID pulid.ID) (total, pending int, err error) {
	total, err = c.ChangeNoticeAck.Query().Where(changenoticeack.ChangeNoticeID(noticeID)).Count(ctx)
	if err != nil {
		return 0, 0, err
	}
	pending, err = c.ChangeNoticeAck.Query().
		Where(changenoticeack.ChangeNoticeID(noticeID), changenoticeack.AcknowledgedAtIsNil()).
		Count(ctx)
	return total, pending, err
}

const (
	kind    = "notice"
	ackKind = "notice-ack"
)

// Issue moves a draft to ISSUED and opens one acknowledgement for every customer who
// bought the product in the lookback window, whoever owns the account.
func Issue(ctx context.Context, c *gen.Client, id pulid.ID, version *int, now time.Time) (*gen.ChangeNotice, error) {
	v := viewer.FromContext(ctx)
	if !access.Manages(v) {
		return nil, errcode.New(errcode.Forbidden, "only a manager can issue a change notice")
	}
	cn, err := c.ChangeNotice.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := move.Stale("this change notice", cn.Version, version); err != nil {
		return nil, err
	}
	if cn.Status != changenotice.StatusDRAFT {
		// Issued since the client read it (by someone else, or a replay): a conflict.
		return nil, errcode.New(errcode.Conflict, "only a draft notice can be issued; this one is %s now", cn.Status).
			With("field", "id").With("currentStatus", string(cn.Status))
	}
	now = now.UTC()
	if err := Ahead(cn.EffectiveAt, now); err != nil {
		return nil, err
	}
	// Every buyer must be told, including accounts the issuing manager does not see.
	sys := access.System(ctx, "a change notice reaches every buyer, also of accounts the issuer does not see")
	customers, err := c.Customer.Query().Where(AffectedBy(cn.ProductID, now)).Order(customer.ByID()).IDs(sys)
	if err != nil {
		return nil, err
	}
	// Conditional on the version read above: of two concurrent issuers one wins.
	cn, err = c.ChangeNotice.UpdateOneID(cn.ID).
		Where(changenotice.StatusEQ(changenotice.StatusDRAFT)).
		SetVersion(cn.Version).
		SetStatus(changenotice.StatusISSUED).
		SetIssuedAt(now).
		Save(move.Mark(ctx, kind, id))
	if err != nil {
		// The loser of two concurrent issuers: say what the notice is now.
		if errcode.Is(err, errcode.Conflict) {
			if cur, gerr := c.ChangeNotice.Get(ctx, id); gerr == nil && cur.Status != changenotice.StatusDRAFT {
				return nil, errcode.New(errcode.Conflict, "this change notice is %s now: someone issued it since you read it", cur.Status).
					With("field", "id").With("currentStatus", string(cur.Status))
			}
		}
		return nil, err
	}
	if len(customers) > 0 {
		creates := make([]*gen.ChangeNoticeAckCreate, len(customers))
		for i, cid := range customers {
			creates[i] = c.ChangeNoticeAck.Create().SetChangeNoticeID(cn.ID).SetCustomerID(cid).SetNotifiedAt(now)
		}
		if err := c.ChangeNoticeAck.CreateBulk(creates...).Exec(sys); err != nil {
			return nil, err
		}
	}
	return cn, nil
}

// Ack is a customer's acknowledgement: who at the customer acknowledged, and a note.
type Ack struct {
	By   string
	Note *string
}

// Acknowledge records a customer's acknowledgement; the last one completes the notice.
// Our people record it in the app (acknowledged via APP, by them); a partner token
// with the change_notices:write scope sends its own customer's (via PARTNER_API, by
// that token) — another customer's acknowledgement is NOT_FOUND to it.
func Acknowledge(ctx context.Context, c *gen.Client, ackID pulid.ID, a Ack, now time.Time) (*gen.ChangeNoticeAck, error) {
	by := strings.TrimSpace(a.By)
	if by == "" {
		return nil, errcode.New(errcode.BadUserInput, "acknowledgedBy: name who at the customer acknowledged").With("field", "acknowledgedBy")
	}
	v := viewer.FromContext(ctx)
	// A partner writes only its own customer's acknowledgement, checked below.
	write, partner, err := access.PartnerWrite(ctx, "change_notices:write", "acknowledging a change notice")
	if err != nil {
		return nil, err
	}
	ack, err := c.ChangeNoticeAck.Get(write, ackID)
	if err != nil {
		return nil, err
	}
	if partner && ack.CustomerID != v.CustomerID {
		return nil, errcode.New(errcode.NotFound, "no change notice acknowledgement %s", ackID).With("field", "ackID")
	}
	if ack.AcknowledgedAt != nil {
		return nil, errcode.New(errcode.BadUserInput, "already acknowledged on %s by %s",
			ack.AcknowledgedAt.UTC().Format(time.RFC3339), ack.AcknowledgedBy).With("field", "ackID")
	}
	upd := c.ChangeNoticeAck.UpdateOneID(ack.ID).
		Where(changenoticeack.AcknowledgedAtIsNil()).
		SetVersion(ack.Version).
		SetAcknowledgedAt(now.UTC()).
		SetAcknowledgedBy(by)
	switch {
	case partner:
		upd.SetAcknowledgedVia(changenoticeack.AcknowledgedViaPARTNER_API).SetRecordedByTokenID(v.TokenID)
	case v != nil && v.UserID != "":
		upd.SetAcknowledgedVia(changenoticeack.AcknowledgedViaAPP).SetRecordedByUserID(v.UserID)
	}
	if a.Note != nil {
		upd.SetNote(*a.Note)
	}
	ack, err = upd.Save(move.Mark(write, ackKind, ack.ID))
	if err != nil {
		return nil, err
	}
	sys := access.System(ctx, "acknowledging: locking the notice to count every acknowledgement")
	// Lock the notice so that of two acknowledgements committing at once, the later
	// one sees the other and completes the notice (PostgreSQL; SQLite transactions
	// are serial anyway).
	_, err = c.ChangeNotice.Query().
		Where(changenotice.ID(ack.ChangeNoticeID), func(s *sql.Selector) {
			if s.Dialect() == dialect.Postgres {
				s.ForUpdate()
			}
		}).
		Unique(false).
		OnlyID(sys)
	if err != nil {
		return nil, err
	}
	_, pending, err := AckCounts(sys, c, ack.ChangeNoticeID)
	if err != nil {
		return nil, err
	}
	if pending == 0 {
		err := c.ChangeNotice.UpdateOneID(ack.ChangeNoticeID).
			Where(changenotice.StatusEQ(changenotice.StatusISSUED)).
			SetStatus(changenotice.StatusCOMPLETE).
			Exec(move.Mark(sys, kind, ack.ChangeNoticeID))
		if err != nil && !gen.IsNotFound(err) {
			return nil, err
		}
	}
	return ack, nil
}

// Guard refuses a notice's status and issue date set by anything but Issue and
// Acknowledge — a new notice is a DRAFT (history being imported, and the server's own
// records, keep the status they had) — and an effective date that is not in the
// future: a change is told before it takes effect (及早沟通).
func Guard(next ent.Mutator) ent.Mutator {
	return hook.ChangeNoticeFunc(func(ctx context.Context, m *gen.ChangeNoticeMutation) (gen.Value, error) {
		if history.Is(ctx) {
			return next.Mutate(ctx, m)
		}
		if at, set := m.EffectiveAt(); set {
			if err := Ahead(at, time.Now()); err != nil {
				return nil, err
			}
		}
		id, _ := m.ID()
		marked := m.Op().Is(ent.OpUpdateOne) && move.Marked(ctx, kind, id)
		if _, set := m.IssuedAt(); (set || m.IssuedAtCleared()) && !marked && !(m.Op().Is(ent.OpCreate) && access.IsSystem(ctx)) {
			return nil, move.NotByWorkflow("a change notice", "issuedAt", "issueChangeNotice")
		}
		to, set := m.Status()
		if !set {
			return next.Mutate(ctx, m)
		}
		if m.Op().Is(ent.OpCreate) {
			if to != changenotice.StatusDRAFT && !access.IsSystem(ctx) {
				return nil, move.NotByWorkflow("a change notice", "status", "issueChangeNotice")
			}
			return next.Mutate(ctx, m)
		}
		if !marked {
			if from, err := m.OldStatus(ctx); err != nil || from != to {
				return nil, move.NotByWorkflow("a change notice", "status", "issueChangeNotice")
			}
		}
		return next.Mutate(ctx, m)
	})
}

// Ahead refuses an effective date that is not after now: a notice tells customers of
// a change before it takes effect.
func Ahead(effective, now time.Time) error {
	if effective.After(now) {
		return nil
	}
	return errcode.New(errcode.BadUserInput, "effectiveAt: a change notice is told before the change takes effect; %s is not in the future",
		effective.UTC().Format(time.RFC3339)).With("field", "effectiveAt")
}

// AckGuard refuses an acknowledgement's facts (when, by whom, how) set or cleared by
// anything but Acknowledge: a generic create or update would complete nothing and
// name nobody who really acknowledged (history being imported, and the server's own
// records, keep theirs).
func AckGuard(next ent.Mutator) ent.Mutator {
	return hook.ChangeNoticeAckFunc(func(ctx context.Context, m *gen.ChangeNoticeAckMutation) (gen.Value, error) {
		if history.Is(ctx) || (m.Op().Is(ent.OpCreate) && access.IsSystem(ctx)) {
			return next.Mutate(ctx, m)
		}
		if id, _ := m.ID(); m.Op().Is(ent.OpUpdateOne) && move.Marked(ctx, ackKind, id) {
			return next.Mutate(ctx, m)
		}
		for _, f := range []string{changenoticeack.FieldAcknowledgedAt, changenoticeack.FieldAcknowledgedBy, changenoticeack.FieldAcknowledgedVia,
			changenoticeack.FieldRecordedByUserID, changenoticeack.FieldRecordedByTokenID} {
			if _, set := m.Field(f); set || m.FieldCleared(f) {
				return nil, move.NotByWorkflow("a change notice acknowledgement", f, "acknowledgeChangeNotice")
			}
		}
		return next.Mutate(ctx, m)
	})
}

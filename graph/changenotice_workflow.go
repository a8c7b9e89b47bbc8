package graph

import (
	"context"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"tandem/domain/access"
	"tandem/ent"
	"tandem/ent/changenotice"
	"tandem/ent/changenoticeack"
	"tandem/ent/customer"
	"tandem/ent/errcode"
	"tandem/ent/order"
	"tandem/ent/orderline"
	"tandem/ent/predicate"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
	"tandem/graph/model"
)

// ChangeNoticeLookbackMonths is how far back a purchase makes a customer one who must
// be told of a change.
const ChangeNoticeLookbackMonths = 12

// affectedBy selects the customers with a line of the product on an order that was
// not cancelled and was placed in the lookback window ending at ref.
func affectedBy(productID pulid.ID, ref time.Time) predicate.Customer {
	ref = ref.UTC()
	return customer.HasOrderLinesWith(
		orderline.ProductID(productID),
		orderline.HasOrderWith(
			order.StatusNEQ(order.StatusCANCELLED),
			order.OrderedAtGTE(ref.AddDate(0, -ChangeNoticeLookbackMonths, 0)),
			order.OrderedAtLTE(ref),
		),
	)
}

// ackCounts counts a notice's acknowledgements and those still missing.
func ackCounts(ctx context.Context, c *ent.Client, noticeID pulid.ID) (total, pending int, err error) {
	total, err = c.ChangeNoticeAck.Query().Where(changenoticeack.ChangeNoticeID(noticeID)).Count(ctx)
	if err != nil {
		return 0, 0, err
	}
	pending, err = c.ChangeNoticeAck.Query().
		Where(changenoticeack.ChangeNoticeID(noticeID), changenoticeack.AcknowledgedAtIsNil()).
		Count(ctx)
	return total, pending, err
}

// issueChangeNotice moves a draft to ISSUED and opens one acknowledgement for every
// customer who bought the product in the lookback window, whoever owns the account.
func (r *mutationResolver) issueChangeNotice(ctx context.Context, input model.IssueChangeNoticeInput) (*ent.ChangeNotice, error) {
	v := viewer.FromContext(ctx)
	if v == nil || (v.Role != viewer.Admin && v.Role != viewer.Manager) {
		return nil, errcode.New(errcode.Forbidden, "only a manager can issue a change notice")
	}
	c := r.db(ctx)
	cn, err := c.ChangeNotice.Get(ctx, input.ID)
	if err != nil {
		return nil, err
	}
	if input.Version != nil && *input.Version != cn.Version {
		return nil, errcode.New(errcode.Conflict,
			"this change notice was changed by someone else since version %d; reload it and try again", *input.Version).
			With("expectedVersion", *input.Version)
	}
	if cn.Status != changenotice.StatusDRAFT {
		// Issued since the client read it (by someone else, or a replay): a conflict.
		return nil, errcode.New(errcode.Conflict, "only a draft notice can be issued; this one is %s now", cn.Status).
			With("field", "id").With("currentStatus", string(cn.Status))
	}
	now := r.now()
	// Every buyer must be told, including accounts the issuing manager does not see.
	sys := access.System(ctx, "a change notice reaches every buyer, also of accounts the issuer does not see")
	customers, err := c.Customer.Query().Where(affectedBy(cn.ProductID, now)).Order(customer.ByID()).IDs(sys)
	if err != nil {
		return nil, err
	}
	// Conditional on the version read above: of two concurrent issuers one wins.
	cn, err = c.ChangeNotice.UpdateOneID(cn.ID).
		Where(changenotice.StatusEQ(changenotice.StatusDRAFT)).
		SetVersion(cn.Version).
		SetStatus(changenotice.StatusISSUED).
		SetIssuedAt(now).
		Save(ctx)
	if err != nil {
		// The loser of two concurrent issuers: say what the notice is now.
		if errcode.Is(err, errcode.Conflict) {
			if cur, gerr := c.ChangeNotice.Get(ctx, input.ID); gerr == nil && cur.Status != changenotice.StatusDRAFT {
				return nil, errcode.New(errcode.Conflict, "this change notice is %s now: someone issued it since you read it", cur.Status).
					With("field", "id").With("currentStatus", string(cur.Status))
			}
		}
		return nil, err
	}
	if len(customers) > 0 {
		creates := make([]*ent.ChangeNoticeAckCreate, len(customers))
		for i, id := range customers {
			creates[i] = c.ChangeNoticeAck.Create().SetChangeNoticeID(cn.ID).SetCustomerID(id).SetNotifiedAt(now)
		}
		if err := c.ChangeNoticeAck.CreateBulk(creates...).Exec(sys); err != nil {
			return nil, err
		}
	}
	return cn, nil
}

// acknowledgeChangeNotice records a customer's acknowledgement; the last one
// completes the notice.
func (r *mutationResolver) acknowledgeChangeNotice(ctx context.Context, input model.AcknowledgeChangeNoticeInput) (*ent.ChangeNoticeAck, error) {
	by := strings.TrimSpace(input.AcknowledgedBy)
	if by == "" {
		return nil, errcode.New(errcode.BadUserInput, "acknowledgedBy: name who at the customer acknowledged").With("field", "acknowledgedBy")
	}
	c := r.db(ctx)
	ack, err := c.ChangeNoticeAck.Get(ctx, input.AckID)
	if err != nil {
		return nil, err
	}
	if ack.AcknowledgedAt != nil {
		return nil, errcode.New(errcode.BadUserInput, "already acknowledged on %s by %s",
			ack.AcknowledgedAt.UTC().Format(time.RFC3339), ack.AcknowledgedBy).With("field", "ackID")
	}
	upd := c.ChangeNoticeAck.UpdateOneID(ack.ID).
		Where(changenoticeack.AcknowledgedAtIsNil()).
		SetVersion(ack.Version).
		SetAcknowledgedAt(r.now()).
		SetAcknowledgedBy(by)
	if input.Note != nil {
		upd.SetNote(*input.Note)
	}
	ack, err = upd.Save(ctx)
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
	_, pending, err := ackCounts(sys, c, ack.ChangeNoticeID)
	if err != nil {
		return nil, err
	}
	if pending == 0 {
		err := c.ChangeNotice.UpdateOneID(ack.ChangeNoticeID).
			Where(changenotice.StatusEQ(changenotice.StatusISSUED)).
			SetStatus(changenotice.StatusCOMPLETE).
			Exec(sys)
		if err != nil && !ent.IsNotFound(err) {
			return nil, err
		}
	}
	return ack, nil
}

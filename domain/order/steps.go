package order

import (
	"context"
	"fmt"
	"strings"
	"time"

	"entgo.io/ent"
	"entgo.io/ent/dialect/sql"

	"tandem/domain/access"
	"tandem/domain/account"
	"tandem/domain/credit"
	"tandem/domain/history"
	"tandem/domain/move"
	gen "tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/errcode"
	"tandem/ent/hook"
	"tandem/ent/order"
	"tandem/ent/orderevent"
	"tandem/ent/schema/pulid"
	"tandem/ent/shipment"
	"tandem/ent/viewer"
)

const kind = "order"

// Step is what ticking a step says besides which step.
type Step struct {
	Note    *string
	Version *int
}

// CompleteStep ticks one checklist step: its prerequisites must be done; confirming
// needs the delivery date; shipping needs a batch and a COA for every line; delivery a
// signed delivery note. Ticking a step that is done already is a CONFLICT.
func CompleteStep(ctx context.Context, c *gen.Client, id pulid.ID, s orderevent.Step, st Step) (*gen.Order, error) {
	o, err := c.Order.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if !IsStep(s) {
		return nil, errcode.New(errcode.BadUserInput, "%s is not a checklist step (use cancelOrder to cancel)", s).With("field", "step")
	}
	// The order moved on since the client read it: a conflict, not a bad request.
	if Final(o) {
		return nil, movedOn(o, "the order is %s", strings.ToLower(string(o.Status)))
	}
	if at := DoneAt(o, s); at != nil {
		return nil, movedOn(o, "%s is already done (%s)", s, at.UTC().Format(time.RFC3339))
	}
	if missing := Missing(o, s); len(missing) > 0 {
		return nil, errcode.New(errcode.BadUserInput, "%s needs %s first", s, joinSteps(missing)).
			With("field", "step").With("missing", missing)
	}
	if err := gate(ctx, c, o, s, st.Note); err != nil {
		return nil, err
	}
	now := time.Now().UTC()
	// Conditional on the status read and on the step not being done yet: of two
	// concurrent ticks of one step, one wins and the other gets CONFLICT.
	u := c.Order.UpdateOneID(o.ID).Where(order.StatusEQ(o.Status), sql.FieldIsNull(table[s].column)).SetStatus(statusWith(o, s))
	if err := u.Mutation().SetField(table[s].column, now); err != nil {
		return nil, err
	}
	if st.Version != nil {
		u.SetVersion(*st.Version)
	}
	write := move.Mark(ctx, kind, o.ID)
	if s == orderevent.StepINVOICED {
		days, err := credit.InvoiceTerms(ctx, c, o)
		if err != nil {
			return nil, err
		}
		if days != nil && o.PaymentDays == nil {
			u.SetPaymentDays(*days) // the terms it was invoiced on
		}
		u.SetPaymentDueAt(credit.DueAt(now, days))
		write = credit.Invoicing(write)
	}
	saved, err := u.Save(write)
	if err != nil {
		return nil, changedMeanwhile(ctx, c, o, err, func(cur *gen.Order) error {
			if at := DoneAt(cur, s); at != nil {
				return movedOn(cur, "%s was done meanwhile (%s)", s, at.UTC().Format(time.RFC3339))
			}
			return nil
		})
	}
	if err := record(ctx, c, saved, s, st.Note, now); err != nil {
		return nil, err
	}
	if s == orderevent.StepCONFIRMED {
		if err := Confirmed(ctx, c, saved); err != nil {
			return nil, err
		}
	}
	return saved, nil
}

// gate checks what a step needs beyond the steps before it.
func gate(ctx context.Context, c *gen.Client, o *gen.Order, s orderevent.Step, note *string) error {
	switch s {
	case orderevent.StepCONFIRMED:
		if o.DeliveryDate == nil {
			return errcode.New(errcode.BadUserInput, "set the delivery date (交期) before confirming the order").With("field", "deliveryDate")
		}
		return credit.ConfirmGate(ctx, c, o, note)
	case orderevent.StepSHIPPED:
		blocking, _, err := BatchProblems(ctx, c, o)
		if err != nil {
			return err
		}
		if len(blocking) > 0 {
			return errcode.New(errcode.BadUserInput, "the order cannot ship: %s", strings.Join(blocking, "; ")).
				With("field", "step").With("missing", blocking)
		}
	case orderevent.StepDELIVERED:
		n, err := o.QueryShipments().Where(shipment.DeliveryNoteSigned(true)).Count(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			return errcode.New(errcode.BadUserInput, "record a shipment with a signed delivery note (送货单签收) first").With("field", "step")
		}
	}
	return nil
}

// Cancel cancels an order that has not shipped, with a reason.
func Cancel(ctx context.Context, c *gen.Client, id pulid.ID, reason string, version *int) (*gen.Order, error) {
	o, err := c.Order.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(reason) == "" {
		return nil, errcode.New(errcode.BadUserInput, "say why the order is cancelled").With("field", "reason")
	}
	if o.ShippedAt != nil || Final(o) {
		return nil, movedOn(o, "only an order that has not shipped can be cancelled; this one is %s", strings.ToLower(string(o.Status)))
	}
	now := time.Now().UTC()
	// Conditional on the status read and on not being shipped meanwhile.
	u := c.Order.UpdateOneID(o.ID).Where(order.StatusEQ(o.Status), order.ShippedAtIsNil()).
		SetStatus(order.StatusCANCELLED).SetCancelledAt(now).SetCancelReason(reason)
	if version != nil {
		u.SetVersion(*version)
	}
	saved, err := u.Save(move.Mark(ctx, kind, o.ID))
	if err != nil {
		return nil, changedMeanwhile(ctx, c, o, err, func(cur *gen.Order) error {
			if cur.ShippedAt != nil {
				return movedOn(cur, "the order was shipped meanwhile")
			}
			return nil
		})
	}
	return saved, record(ctx, c, saved, orderevent.StepCANCELLED, &reason, now)
}

// movedOn is the CONFLICT of a step or cancellation asked on a stale view of the order
// (someone ticked the step, shipped, closed or cancelled it since).
func movedOn(o *gen.Order, format string, args ...any) error {
	return errcode.New(errcode.Conflict, "%s; reload the order", fmt.Sprintf(format, args...)).
		With("field", "step").With("currentStatus", string(o.Status))
}

// changedMeanwhile explains the not-found of a conditional order update: the order's
// status changed (CONFLICT), or what explain finds; otherwise the error as it is (a
// stale version is already a CONFLICT).
func changedMeanwhile(ctx context.Context, c *gen.Client, o *gen.Order, err error, explain func(*gen.Order) error) error {
	if !gen.IsNotFound(err) {
		return err
	}
	cur, gerr := c.Order.Get(access.System(ctx, "explaining a refused move: the order as it is now"), o.ID)
	if gerr != nil {
		return err
	}
	if conflict := explain(cur); conflict != nil {
		return conflict
	}
	if cur.Status != o.Status {
		return move.ChangedOn("the order", "status", string(cur.Status))
	}
	return err
}

// record writes the step's OrderEvent, with who and when.
func record(ctx context.Context, c *gen.Client, o *gen.Order, s orderevent.Step, note *string, at time.Time) error {
	ev := c.OrderEvent.Create().SetOrderID(o.ID).SetCustomerID(o.CustomerID).SetStep(s).SetAt(at)
	if note != nil {
		ev.SetNote(*note)
	}
	if v := viewer.FromContext(ctx); v != nil && v.UserID != "" {
		ev.SetActorID(v.UserID)
	}
	return ev.Exec(access.System(ctx, "order events are written by the step mutations alone"))
}

func joinSteps(ss []orderevent.Step) string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = string(s)
	}
	return strings.Join(out, ", ")
}

// Guard refuses a change of an order's status made by anything but CompleteStep and
// Cancel; a new order starts OPEN (history being imported, and the server's own
// records, keep the status they had).
func Guard(next ent.Mutator) ent.Mutator {
	return hook.OrderFunc(func(ctx context.Context, m *gen.OrderMutation) (gen.Value, error) {
		to, set := m.Status()
		if !set || history.Is(ctx) {
			return next.Mutate(ctx, m)
		}
		if m.Op().Is(ent.OpCreate) {
			if to != order.StatusOPEN && !access.IsSystem(ctx) {
				return nil, move.NotByWorkflow("an order", "status", "completeOrderStep and cancelOrder")
			}
			return next.Mutate(ctx, m)
		}
		if id, _ := m.ID(); !move.Marked(ctx, kind, id) {
			if from, err := m.OldStatus(ctx); err != nil || from != to {
				return nil, move.NotByWorkflow("an order", "status", "completeOrderStep and cancelOrder")
			}
		}
		return next.Mutate(ctx, m)
	})
}

// Evidence flags an account's first orders as evaluation orders (at creation, whether
// confirmed or not); an order that arrives confirmed (history being imported, the
// server's own records) is evidence at once, as if it had been confirmed.
func Evidence(next ent.Mutator) ent.Mutator {
	return hook.OrderFunc(func(ctx context.Context, m *gen.OrderMutation) (gen.Value, error) {
		c := m.Client()
		cid, _ := m.CustomerID()
		if _, set := m.IsEvaluation(); !set {
			prior, err := c.Order.Query().Where(order.CustomerID(cid), order.StatusNEQ(order.StatusCANCELLED)).
				Count(access.System(ctx, "an order as evidence: the account's earlier orders"))
			if err != nil {
				return nil, err
			}
			m.SetIsEvaluation(prior < account.EvaluationOrders)
		}
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return v, err
		}
		if o := v.(*gen.Order); o.ConfirmedAt != nil && o.Status != order.StatusCANCELLED {
			return v, Confirmed(ctx, c, o)
		}
		return v, nil
	})
}

// Confirmed is the effect of an order's confirmation on its account (the seed's
// 评估 → 主供应商): a first confirmed order makes the account EVALUATION;
// account.MainSupplierOrders confirmed, non-cancelled orders within
// account.MainSupplierMonths make it MAIN_SUPPLIER, unless its evaluation did not
// select us. Orders entered but never confirmed, and cancelled ones, are no evidence.
func Confirmed(ctx context.Context, c *gen.Client, o *gen.Order) error {
	sys := access.System(ctx, "an order as evidence: the account's confirmed orders")
	if err := account.Advance(ctx, c, o.CustomerID, customer.StageEVALUATION, "first confirmed order"); err != nil {
		return err
	}
	since := o.OrderedAt.AddDate(0, -account.MainSupplierMonths, 0)
	recent, err := c.Order.Query().Where(order.CustomerID(o.CustomerID), order.StatusNEQ(order.StatusCANCELLED),
		order.ConfirmedAtNotNil(), order.OrderedAtGTE(since)).Count(sys)
	if err != nil {
		return err
	}
	if recent < account.MainSupplierOrders {
		return nil
	}
	cu, err := c.Customer.Get(sys, o.CustomerID)
	if err != nil {
		return err
	}
	if cu.EvaluationOutcome != nil && *cu.EvaluationOutcome == customer.EvaluationOutcomeNOT_SELECTED {
		return nil
	}
	return account.Advance(ctx, c, o.CustomerID, customer.StageMAIN_SUPPLIER,
		fmt.Sprintf("%d confirmed orders in %d months", recent, account.MainSupplierMonths))
}

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
	"tandem/ent/order"
	"tandem/ent/orderevent"
	"tandem/ent/orderline"
	"tandem/ent/schema/pulid"
	"tandem/ent/shipment"
	"tandem/ent/viewer"
)

const correctionKind = "order-correction"

// frozen reports whether an order in status s takes no more changes: CLOSED and
// CANCELLED orders are the record of what happened.
func frozen(s order.Status) bool { return s == order.StatusCLOSED || s == order.StatusCANCELLED }

// Frozen refuses every create, update and delete of a CLOSED or CANCELLED order, of
// its lines (batch, production date, quantity, price) and of its shipments, whoever
// makes it (app, partner token, a raw ent write); CorrectClosedOrder alone gets
// through, with a manager's reason recorded. History being imported writes as it was.
func Frozen(what string, orderIDs func(context.Context, ent.Mutation) ([]pulid.ID, error)) ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if history.Is(ctx) {
				return next.Mutate(ctx, m)
			}
			ids, err := orderIDs(ctx, m)
			if err != nil {
				return nil, err
			}
			if err := refuseFrozen(ctx, m.(interface{ Client() *gen.Client }).Client(), what, ids); err != nil {
				return nil, err
			}
			return next.Mutate(ctx, m)
		})
	}
}

func refuseFrozen(ctx context.Context, c *gen.Client, what string, ids []pulid.ID) error {
	var check []pulid.ID
	for _, id := range ids {
		if id != "" && !move.Marked(ctx, correctionKind, id) {
			check = append(check, id)
		}
	}
	if len(check) == 0 {
		return nil
	}
	os, err := c.Order.Query().Where(order.IDIn(check...), order.StatusIn(order.StatusCLOSED, order.StatusCANCELLED)).
		Select(order.FieldNumber, order.FieldStatus).All(access.System(ctx, "the freeze of closed orders checks the order, whoever may read it"))
	if err != nil || len(os) == 0 {
		return err
	}
	o := os[0]
	return errcode.New(errcode.BadUserInput, "order %s is %s: %s can no longer change (a manager corrects it with correctClosedOrder, giving a reason)",
		o.Number, strings.ToLower(string(o.Status)), what).With("field", "id").With("currentStatus", string(o.Status))
}

// OrderIDsOfOrder are the orders an Order mutation changes (a new order is not frozen yet).
func OrderIDsOfOrder(ctx context.Context, m ent.Mutation) ([]pulid.ID, error) {
	om := m.(*gen.OrderMutation)
	if om.Op().Is(ent.OpCreate) {
		return nil, nil
	}
	if om.Op().Is(ent.OpUpdateOne) {
		// The order's own workflow (a step, a cancellation) moves it into CLOSED or
		// CANCELLED from an open status: only its old status counts.
		id, _ := om.ID()
		return []pulid.ID{id}, nil
	}
	return om.IDs(access.System(ctx, "the freeze of closed orders: the orders changed"))
}

// OrderIDsOfLine are the orders whose lines an OrderLine mutation creates, changes or
// deletes (and the order a line is moved to).
func OrderIDsOfLine(ctx context.Context, m ent.Mutation) ([]pulid.ID, error) {
	lm := m.(*gen.OrderLineMutation)
	var ids []pulid.ID
	if id, ok := lm.OrderID(); ok {
		ids = append(ids, id)
	}
	if lm.Op().Is(ent.OpCreate) {
		return ids, nil
	}
	sys := access.System(ctx, "the freeze of closed orders: the lines changed")
	lineIDs, err := lm.IDs(sys)
	if err != nil {
		return nil, err
	}
	if len(lineIDs) == 0 {
		return ids, nil
	}
	var rows []struct {
		OrderID pulid.ID `json:"order_id"`
	}
	if err := lm.Client().OrderLine.Query().Where(orderline.IDIn(lineIDs...)).Select(orderline.FieldOrderID).Scan(sys, &rows); err != nil {
		return nil, err
	}
	for _, r := range rows {
		ids = append(ids, r.OrderID)
	}
	return ids, nil
}

// OrderIDsOfShipment are the orders whose shipments a Shipment mutation creates,
// changes or deletes.
func OrderIDsOfShipment(ctx context.Context, m ent.Mutation) ([]pulid.ID, error) {
	sm := m.(*gen.ShipmentMutation)
	var ids []pulid.ID
	if id, ok := sm.OrderID(); ok {
		ids = append(ids, id)
	}
	if sm.Op().Is(ent.OpCreate) {
		return ids, nil
	}
	sys := access.System(ctx, "the freeze of closed orders: the shipments changed")
	shipIDs, err := sm.IDs(sys)
	if err != nil {
		return nil, err
	}
	if len(shipIDs) == 0 {
		return ids, nil
	}
	var rows []struct {
		OrderID pulid.ID `json:"order_id"`
	}
	if err := sm.Client().Shipment.Query().Where(shipment.IDIn(shipIDs...)).Select(shipment.FieldOrderID).Scan(sys, &rows); err != nil {
		return nil, err
	}
	for _, r := range rows {
		ids = append(ids, r.OrderID)
	}
	return ids, nil
}

// Correction is a manager's correction of a closed order: the line to change (nil:
// the order itself) and the new values (nil: unchanged).
type Correction struct {
	OrderID        pulid.ID
	Reason         string
	LineID         *pulid.ID
	BatchNo        *string
	ProductionDate *time.Time
	Quantity       *float64
	UnitPrice      *float64
	ContractNo     *string
	DeliveryDate   *time.Time
	Notes          *string
}

// CorrectClosedOrder is the one way to change a CLOSED or CANCELLED order: a manager
// or an admin, with a reason, recorded as a CORRECTED order event naming each field
// before and after (the audit log keeps the rows' before and after too).
func CorrectClosedOrder(ctx context.Context, c *gen.Client, in Correction) (*gen.Order, error) {
	if !access.Manages(viewer.FromContext(ctx)) {
		return nil, errcode.New(errcode.Forbidden, "a closed order is corrected by a manager only")
	}
	reason := strings.TrimSpace(in.Reason)
	if reason == "" {
		return nil, errcode.New(errcode.BadUserInput, "say why the closed order is corrected").With("field", "reason")
	}
	o, err := c.Order.Get(ctx, in.OrderID)
	if err != nil {
		return nil, err
	}
	if !frozen(o.Status) {
		return nil, errcode.New(errcode.BadUserInput, "order %s is %s, not closed: edit it as usual", o.Number, strings.ToLower(string(o.Status))).
			With("field", "id").With("currentStatus", string(o.Status))
	}
	lineFields := in.BatchNo != nil || in.ProductionDate != nil || in.Quantity != nil || in.UnitPrice != nil
	if lineFields && in.LineID == nil {
		return nil, errcode.New(errcode.BadUserInput, "name the line (lineID) whose batch, production date, quantity or price is corrected").
			With("field", "lineID")
	}
	if in.Quantity != nil && *in.Quantity <= 0 {
		return nil, errcode.New(errcode.BadUserInput, "the quantity must be positive").With("field", "quantity")
	}
	if in.UnitPrice != nil && *in.UnitPrice < 0 {
		return nil, errcode.New(errcode.BadUserInput, "the unit price cannot be negative").With("field", "unitPrice")
	}
	var changes []string
	change := func(field string, before, after any) {
		if fmt.Sprint(before) != fmt.Sprint(after) {
			changes = append(changes, fmt.Sprintf("%s: %v → %v", field, before, after))
		}
	}
	mctx := move.Mark(ctx, correctionKind, o.ID)
	if in.LineID != nil {
		l, err := c.OrderLine.Get(ctx, *in.LineID)
		if err != nil {
			return nil, err
		}
		if l.OrderID != o.ID {
			return nil, errcode.New(errcode.BadUserInput, "the line is not on order %s", o.Number).With("field", "lineID")
		}
		u := c.OrderLine.UpdateOneID(l.ID)
		if in.BatchNo != nil {
			change("batchNo", orNone(l.BatchNo), orNone(*in.BatchNo))
			u.SetBatchNo(strings.TrimSpace(*in.BatchNo))
		}
		if in.ProductionDate != nil {
			change("productionDate", dateOrNone(l.ProductionDate), dateOrNone(in.ProductionDate))
			u.SetProductionDate(*in.ProductionDate)
		}
		if in.Quantity != nil {
			change("quantity", l.Quantity, *in.Quantity)
			u.SetQuantity(*in.Quantity)
		}
		if in.UnitPrice != nil {
			before := "none"
			if l.UnitPrice != nil {
				before = fmt.Sprint(*l.UnitPrice)
			}
			change("unitPrice", before, *in.UnitPrice)
			u.SetUnitPrice(*in.UnitPrice)
		}
		if len(changes) > 0 {
			if _, err := u.Save(mctx); err != nil {
				return nil, err
			}
		}
	}
	ou := c.Order.UpdateOneID(o.ID)
	n := len(changes)
	if in.ContractNo != nil {
		change("contractNo", orNone(o.ContractNo), orNone(*in.ContractNo))
		ou.SetContractNo(*in.ContractNo)
	}
	if in.DeliveryDate != nil {
		change("deliveryDate", dateOrNone(o.DeliveryDate), dateOrNone(in.DeliveryDate))
		ou.SetDeliveryDate(*in.DeliveryDate)
	}
	if in.Notes != nil {
		change("notes", o.Notes, *in.Notes)
		ou.SetNotes(*in.Notes)
	}
	if len(changes) == 0 {
		return nil, errcode.New(errcode.BadUserInput, "the correction changes nothing").With("field", "id")
	}
	if len(changes) > n {
		if o, err = ou.Save(mctx); err != nil {
			return nil, err
		}
	}
	note := reason + " — " + strings.Join(changes, "; ")
	if in.LineID != nil {
		note = reason + " — line " + string(*in.LineID) + ": " + strings.Join(changes, "; ")
	}
	if r := []rune(note); len(r) > 2000 {
		note = string(r[:2000])
	}
	if err := record(ctx, c, o, orderevent.StepCORRECTED, &note, time.Now().UTC()); err != nil {
		return nil, err
	}
	return c.Order.Get(ctx, o.ID)
}

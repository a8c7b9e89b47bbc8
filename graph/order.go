package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"entgo.io/ent/dialect/sql"

	"tandem/domain/access"
	"tandem/ent"
	"tandem/ent/document"
	"tandem/ent/errcode"
	"tandem/ent/lifecycle"
	"tandem/ent/order"
	"tandem/ent/orderevent"
	"tandem/ent/schema/pulid"
	"tandem/ent/shipment"
	"tandem/ent/viewer"
	"tandem/graph/model"
)

// stepField is the order column that records when a checklist step was done.
var stepField = map[string]string{
	"CONFIRMED": order.FieldConfirmedAt, "CONTRACT_SIGNED": order.FieldContractSignedAt,
	"LABELLING_CHECKED": order.FieldLabellingCheckedAt, "PRODUCTION_DATE_CHECKED": order.FieldProductionDateCheckedAt,
	"BATCH_CHECKED": order.FieldBatchCheckedAt, "PACKAGING_CHECKED": order.FieldPackagingCheckedAt,
	"SHIPPED": order.FieldShippedAt, "DELIVERED": order.FieldDeliveredAt, "INVOICED": order.FieldInvoicedAt,
	"PAID": order.FieldPaidAt, "CLOSED": order.FieldClosedAt,
}

// stepTimes returns when each step of the order was done.
func stepTimes(o *ent.Order) map[string]*time.Time {
	return map[string]*time.Time{
		"CONFIRMED": o.ConfirmedAt, "CONTRACT_SIGNED": o.ContractSignedAt, "LABELLING_CHECKED": o.LabellingCheckedAt,
		"PRODUCTION_DATE_CHECKED": o.ProductionDateCheckedAt, "BATCH_CHECKED": o.BatchCheckedAt,
		"PACKAGING_CHECKED": o.PackagingCheckedAt, "SHIPPED": o.ShippedAt, "DELIVERED": o.DeliveredAt,
		"INVOICED": o.InvoicedAt, "PAID": o.PaidAt, "CLOSED": o.ClosedAt,
	}
}

var statusRank = map[string]int{"OPEN": 0, "IN_PRODUCTION": 1, "SHIPPED": 2, "DELIVERED": 3, "INVOICED": 4, "CLOSED": 5}

// missingSteps lists the prerequisites of step that are not done.
func missingSteps(done map[string]*time.Time, step string) []string {
	var missing []string
	for _, need := range lifecycle.OrderStepNeeds[step] {
		if done[need] == nil {
			missing = append(missing, need)
		}
	}
	return missing
}

// batchProblems lists what stops the order from shipping: lines without a batch,
// batches without a COA; and warns when the lines span several batches.
func batchProblems(ctx context.Context, c *ent.Client, o *ent.Order) (blocking, warnings []string, err error) {
	lines, err := o.QueryLines().WithProduct().All(access.System(ctx, "the shipping gate checks every line of the order"))
	if err != nil {
		return nil, nil, err
	}
	if len(lines) == 0 {
		return []string{"the order has no lines"}, nil, nil
	}
	// One query for every COA of the order's batches, not one per line.
	var batchNos []string
	for _, l := range lines {
		if b := strings.TrimSpace(l.BatchNo); b != "" {
			batchNos = append(batchNos, b)
		}
	}
	coas, err := c.Document.Query().Where(document.TypeEQ(document.TypeCOA), document.BatchNoIn(batchNos...)).
		Select(document.FieldProductID, document.FieldBatchNo).All(access.System(ctx, "the shipping gate checks the COA of every batch, whoever may read it"))
	if err != nil {
		return nil, nil, err
	}
	hasCOA := map[string]bool{}
	for _, d := range coas {
		hasCOA[string(d.ProductID)+"|"+d.BatchNo] = true
	}
	batches := map[string]bool{}
	for _, l := range lines {
		code := string(l.ProductID)
		if l.Edges.Product != nil {
			code = l.Edges.Product.Code
		}
		if strings.TrimSpace(l.BatchNo) == "" {
			blocking = append(blocking, fmt.Sprintf("line %s has no batch number", code))
			continue
		}
		batches[l.BatchNo] = true
		if !hasCOA[string(l.ProductID)+"|"+l.BatchNo] {
			blocking = append(blocking, fmt.Sprintf("batch %s of %s has no COA", l.BatchNo, code))
		}
	}
	if len(batches) > 1 {
		warnings = append(warnings, fmt.Sprintf("the lines span %d batches; one batch is preferred (批次尽量同一)", len(batches)))
	}
	return blocking, warnings, nil
}

// completeOrderStep ticks one checklist step, refusing a step whose prerequisites are
// not done, shipping without batches and COAs, and delivery without a signed note.
func completeOrderStep(ctx context.Context, c *ent.Client, in model.CompleteOrderStepInput) (*ent.Order, error) {
	o, err := c.Order.Get(ctx, in.ID)
	if err != nil {
		return nil, err
	}
	step := string(in.Step)
	if _, ok := stepField[step]; !ok {
		return nil, errcode.New(errcode.BadUserInput, "%s is not a checklist step (use cancelOrder to cancel)", step).With("field", "step")
	}
	done := stepTimes(o)
	// The order moved on since the client read it: a conflict, not a bad request.
	if o.Status == order.StatusCANCELLED || o.Status == order.StatusCLOSED {
		return nil, orderMovedOn(o, "the order is %s", strings.ToLower(string(o.Status)))
	}
	if done[step] != nil {
		return nil, orderMovedOn(o, "%s is already done (%s)", step, done[step].UTC().Format(time.RFC3339))
	}
	if missing := missingSteps(done, step); len(missing) > 0 {
		return nil, errcode.New(errcode.BadUserInput, "%s needs %s first", step, strings.Join(missing, ", ")).
			With("field", "step").With("missing", missing)
	}
	switch step {
	case "CONFIRMED":
		if o.DeliveryDate == nil {
			return nil, errcode.New(errcode.BadUserInput, "set the delivery date (交期) before confirming the order").With("field", "deliveryDate")
		}
	case "SHIPPED":
		blocking, _, err := batchProblems(ctx, c, o)
		if err != nil {
			return nil, err
		}
		if len(blocking) > 0 {
			return nil, errcode.New(errcode.BadUserInput, "the order cannot ship: %s", strings.Join(blocking, "; ")).
				With("field", "step").With("missing", blocking)
		}
	case "DELIVERED":
		n, err := o.QueryShipments().Where(shipment.DeliveryNoteSigned(true)).Count(ctx)
		if err != nil {
			return nil, err
		}
		if n == 0 {
			return nil, errcode.New(errcode.BadUserInput, "record a shipment with a signed delivery note (送货单签收) first").With("field", "step")
		}
	}
	now := time.Now().UTC()
	done[step] = &now
	status := "OPEN"
	for s, at := range done {
		if at != nil && statusRank[lifecycle.OrderStatusAfter[s]] > statusRank[status] {
			status = lifecycle.OrderStatusAfter[s]
		}
	}
	// Conditional on the step not being done yet (the order hook adds the status read):
	// of two concurrent ticks of one step, one wins and the other gets CONFLICT.
	u := c.Order.UpdateOneID(o.ID).SetStatus(order.Status(status)).Where(sql.FieldIsNull(stepField[step]))
	if err := u.Mutation().SetField(stepField[step], now); err != nil {
		return nil, err
	}
	if in.Version != nil {
		u.SetVersion(*in.Version)
	}
	saved, err := u.Save(ctx)
	if err != nil {
		return nil, orderChangedMeanwhile(ctx, c, o.ID, err, func(cur *ent.Order) error {
			if at := stepTimes(cur)[step]; at != nil {
				return orderMovedOn(cur, "%s was done meanwhile (%s)", step, at.UTC().Format(time.RFC3339))
			}
			return nil
		})
	}
	return saved, recordOrderEvent(ctx, c, saved, orderevent.Step(step), in.Note, now)
}

// orderMovedOn is the CONFLICT of a step or cancellation asked on a stale view of
// the order (someone ticked the step, shipped, closed or cancelled it since).
func orderMovedOn(o *ent.Order, format string, args ...any) error {
	return errcode.New(errcode.Conflict, "%s; reload the order", fmt.Sprintf(format, args...)).
		With("field", "step").With("currentStatus", string(o.Status))
}

// orderChangedMeanwhile explains the not-found of a conditional order update: when
// the order is still there and explain names what changed, that CONFLICT; otherwise
// the error as it is (the hooks have already turned a status race or a stale
// version into CONFLICT).
func orderChangedMeanwhile(ctx context.Context, c *ent.Client, id pulid.ID, err error, explain func(*ent.Order) error) error {
	if !ent.IsNotFound(err) {
		return err
	}
	cur, gerr := c.Order.Get(access.System(ctx, "explaining a refused move: the order as it is now"), id)
	if gerr != nil {
		return err
	}
	if conflict := explain(cur); conflict != nil {
		return conflict
	}
	return err
}

func recordOrderEvent(ctx context.Context, c *ent.Client, o *ent.Order, step orderevent.Step, note *string, at time.Time) error {
	ev := c.OrderEvent.Create().SetOrderID(o.ID).SetCustomerID(o.CustomerID).SetStep(step).SetAt(at)
	if note != nil {
		ev.SetNote(*note)
	}
	if v := viewer.FromContext(ctx); v != nil && v.UserID != "" {
		ev.SetActorID(v.UserID)
	}
	return ev.Exec(access.System(ctx, "order events are written by the step mutations alone"))
}

// cancelOrder cancels an order that has not shipped.
func cancelOrder(ctx context.Context, c *ent.Client, in model.CancelOrderInput) (*ent.Order, error) {
	o, err := c.Order.Get(ctx, in.ID)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(in.Reason) == "" {
		return nil, errcode.New(errcode.BadUserInput, "say why the order is cancelled").With("field", "reason")
	}
	if o.ShippedAt != nil || o.Status == order.StatusCANCELLED || o.Status == order.StatusCLOSED {
		return nil, orderMovedOn(o, "only an order that has not shipped can be cancelled; this one is %s", strings.ToLower(string(o.Status)))
	}
	now := time.Now().UTC()
	// Conditional on the status read (order hook) and on not being shipped meanwhile.
	u := c.Order.UpdateOneID(o.ID).SetStatus(order.StatusCANCELLED).SetCancelledAt(now).SetCancelReason(in.Reason).
		Where(order.ShippedAtIsNil())
	if in.Version != nil {
		u.SetVersion(*in.Version)
	}
	saved, err := u.Save(ctx)
	if err != nil {
		return nil, orderChangedMeanwhile(ctx, c, o.ID, err, func(cur *ent.Order) error {
			if cur.ShippedAt != nil {
				return orderMovedOn(cur, "the order was shipped meanwhile")
			}
			return nil
		})
	}
	return saved, recordOrderEvent(ctx, c, saved, orderevent.StepCANCELLED, &in.Reason, now)
}

// checklist shows each step with who and when, what blocks it, and warnings.
func checklist(ctx context.Context, c *ent.Client, id ent.Noder) (*model.OrderChecklist, error) {
	o, ok := id.(*ent.Order)
	if !ok {
		return nil, fmt.Errorf("checklist of %T", id)
	}
	o, err := c.Order.Get(ctx, o.ID)
	if err != nil {
		return nil, err
	}
	events, err := o.QueryEvents().WithActor().All(ctx)
	if err != nil {
		return nil, err
	}
	last := map[string]*ent.OrderEvent{}
	for _, e := range events {
		if prev := last[string(e.Step)]; prev == nil || e.At.After(prev.At) {
			last[string(e.Step)] = e
		}
	}
	done := stepTimes(o)
	out := &model.OrderChecklist{Items: []*model.OrderChecklistItem{}, NextSteps: []orderevent.Step{}, Warnings: []string{}}
	n := 0
	for _, step := range lifecycle.OrderSteps {
		item := &model.OrderChecklistItem{Step: orderevent.Step(step), Done: done[step] != nil, At: done[step], BlockedBy: []orderevent.Step{}}
		if e := last[step]; e != nil {
			item.By = e.Edges.Actor
			if e.Note != "" {
				item.Note = &e.Note
			}
		}
		for _, m := range missingSteps(done, step) {
			item.BlockedBy = append(item.BlockedBy, orderevent.Step(m))
		}
		if item.Done {
			n++
		} else if len(item.BlockedBy) == 0 && o.Status != order.StatusCANCELLED {
			out.NextSteps = append(out.NextSteps, item.Step)
		}
		out.Items = append(out.Items, item)
	}
	out.Progress = float64(n) / float64(len(lifecycle.OrderSteps))
	if o.ShippedAt == nil && o.Status != order.StatusCANCELLED {
		blocking, warnings, err := batchProblems(ctx, c, o)
		if err != nil {
			return nil, err
		}
		out.Warnings = append(append(out.Warnings, warnings...), blocking...)
	}
	if o.DeliveryDate != nil && o.DeliveredAt == nil && o.Status != order.StatusCANCELLED && time.Now().After(*o.DeliveryDate) {
		out.Warnings = append(out.Warnings, "the delivery date has passed")
	}
	slices.Sort(out.Warnings)
	return out, nil
}

// Package order is the seed's order-to-delivery checklist (订单、合同、交期、货物标识、
// 合适的生产日期、批次尽量同一、包装、送货单及签收、发票、收据): the steps in order, what
// each needs first, the gates of shipping and delivery, and what each step records.
// An order's status changes only through CompleteStep and Cancel.
package order

import (
	"time"

	gen "tandem/ent"
	"tandem/ent/order"
	"tandem/ent/orderevent"
)

// Steps is the checklist in order.
var Steps = []orderevent.Step{
	orderevent.StepCONFIRMED, orderevent.StepCONTRACT_SIGNED, orderevent.StepLABELLING_CHECKED,
	orderevent.StepPRODUCTION_DATE_CHECKED, orderevent.StepBATCH_CHECKED, orderevent.StepPACKAGING_CHECKED,
	orderevent.StepSHIPPED, orderevent.StepDELIVERED, orderevent.StepINVOICED, orderevent.StepPAID, orderevent.StepCLOSED,
}

// step is one row of the checklist's table: the steps it needs, the status it brings
// the order to, and the column that records when it was done.
type step struct {
	needs  []orderevent.Step
	status order.Status
	column string
	at     func(*gen.Order) *time.Time
}

var table = map[orderevent.Step]step{
	orderevent.StepCONFIRMED: {nil, order.StatusOPEN, order.FieldConfirmedAt, func(o *gen.Order) *time.Time { return o.ConfirmedAt }},
	orderevent.StepCONTRACT_SIGNED: {[]orderevent.Step{orderevent.StepCONFIRMED}, order.StatusIN_PRODUCTION, order.FieldContractSignedAt,
		func(o *gen.Order) *time.Time { return o.ContractSignedAt }},
	orderevent.StepLABELLING_CHECKED: {[]orderevent.Step{orderevent.StepCONFIRMED}, order.StatusIN_PRODUCTION, order.FieldLabellingCheckedAt,
		func(o *gen.Order) *time.Time { return o.LabellingCheckedAt }},
	orderevent.StepPRODUCTION_DATE_CHECKED: {[]orderevent.Step{orderevent.StepCONFIRMED}, order.StatusIN_PRODUCTION, order.FieldProductionDateCheckedAt,
		func(o *gen.Order) *time.Time { return o.ProductionDateCheckedAt }},
	orderevent.StepBATCH_CHECKED: {[]orderevent.Step{orderevent.StepCONFIRMED}, order.StatusIN_PRODUCTION, order.FieldBatchCheckedAt,
		func(o *gen.Order) *time.Time { return o.BatchCheckedAt }},
	orderevent.StepPACKAGING_CHECKED: {[]orderevent.Step{orderevent.StepCONFIRMED}, order.StatusIN_PRODUCTION, order.FieldPackagingCheckedAt,
		func(o *gen.Order) *time.Time { return o.PackagingCheckedAt }},
	orderevent.StepSHIPPED: {[]orderevent.Step{orderevent.StepCONTRACT_SIGNED, orderevent.StepLABELLING_CHECKED, orderevent.StepPRODUCTION_DATE_CHECKED,
		orderevent.StepBATCH_CHECKED, orderevent.StepPACKAGING_CHECKED}, order.StatusSHIPPED, order.FieldShippedAt,
		func(o *gen.Order) *time.Time { return o.ShippedAt }},
	orderevent.StepDELIVERED: {[]orderevent.Step{orderevent.StepSHIPPED}, order.StatusDELIVERED, order.FieldDeliveredAt,
		func(o *gen.Order) *time.Time { return o.DeliveredAt }},
	orderevent.StepINVOICED: {[]orderevent.Step{orderevent.StepSHIPPED}, order.StatusINVOICED, order.FieldInvoicedAt,
		func(o *gen.Order) *time.Time { return o.InvoicedAt }},
	orderevent.StepPAID: {[]orderevent.Step{orderevent.StepINVOICED}, order.StatusINVOICED, order.FieldPaidAt,
		func(o *gen.Order) *time.Time { return o.PaidAt }},
	orderevent.StepCLOSED: {[]orderevent.Step{orderevent.StepDELIVERED, orderevent.StepINVOICED, orderevent.StepPAID}, order.StatusCLOSED, order.FieldClosedAt,
		func(o *gen.Order) *time.Time { return o.ClosedAt }},
}

// IsStep reports whether s is a checklist step (CANCELLED is recorded, not ticked).
func IsStep(s orderevent.Step) bool { _, ok := table[s]; return ok }

// Needs lists the steps that must be done before s.
func Needs(s orderevent.Step) []orderevent.Step { return table[s].needs }

// DoneAt is when the order's step s was done (nil: not done).
func DoneAt(o *gen.Order, s orderevent.Step) *time.Time { return table[s].at(o) }

// Missing lists the steps s needs that the order has not done.
func Missing(o *gen.Order, s orderevent.Step) []orderevent.Step {
	var missing []orderevent.Step
	for _, need := range table[s].needs {
		if DoneAt(o, need) == nil {
			missing = append(missing, need)
		}
	}
	return missing
}

// rank orders the statuses a step brings the order to.
var rank = map[order.Status]int{order.StatusOPEN: 0, order.StatusIN_PRODUCTION: 1, order.StatusSHIPPED: 2,
	order.StatusDELIVERED: 3, order.StatusINVOICED: 4, order.StatusCLOSED: 5}

// statusWith is the order's status once step s is done too: the furthest status of
// its done steps.
func statusWith(o *gen.Order, s orderevent.Step) order.Status {
	status := order.StatusOPEN
	for _, st := range Steps {
		if (st == s || DoneAt(o, st) != nil) && rank[table[st].status] > rank[status] {
			status = table[st].status
		}
	}
	return status
}

// Final reports whether an order takes no more steps.
func Final(o *gen.Order) bool {
	return o.Status == order.StatusCANCELLED || o.Status == order.StatusCLOSED
}

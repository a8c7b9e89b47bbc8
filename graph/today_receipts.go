package graph

import (
	"fmt"

	"tandem/ent"
	"tandem/ent/order"
	"tandem/ent/predicate"
	"tandem/graph/model"
)

// todayReceipts lists invoiced orders whose receipt (收款) is past due, the longest
// overdue first: the rep follows up the payment.
func todayReceipts(run *todayRun) error {
	where := []predicate.Order{order.StatusNEQ(order.StatusCANCELLED), order.PaidAtIsNil(), order.PaymentDueAtLT(run.now),
		awake[predicate.Order](run, model.TodayKindReceiptOverdue)}
	if run.scope != nil {
		where = append(where, order.HasCustomerWith(run.scope))
	}
	q := func() *ent.OrderQuery { return run.c.Order.Query().Where(where...) }
	orders, err := paged(run, model.TodayKindReceiptOverdue, q().Count, func(limit int) ([]*ent.Order, error) {
		return q().Order(order.ByPaymentDueAt(), order.ByID()).Limit(limit).All(run.ctx)
	})
	if err != nil {
		return err
	}
	for _, o := range orders {
		due := *o.PaymentDueAt
		n := daysSince(run.now, due)
		run.add(model.TodayKindReceiptOverdue, o.ID, o.CustomerID, o, say(run.lang, "收款 "+o.Number, "Receipt "+o.Number),
			say(run.lang, fmt.Sprintf("发票已开，货款 %s 到期，已逾期 %d 天", ymd(due), n),
				fmt.Sprintf("Invoiced; payment was due on %s, %d days ago", ymd(due), n)), &due)
	}
	return nil
}

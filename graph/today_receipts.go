package graph

import (
	"fmt"
	"time"

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
	orders, err := paged(run, model.TodayKindReceiptOverdue, upTo(q()), func(limit int) ([]*ent.Order, error) {
		return q().Order(order.ByPaymentDueAt(), order.ByID()).Limit(limit).Modify(counted).All(run.ctx)
	})
	if err != nil {
		return err
	}
	for _, o := range orders {
		due := *o.PaymentDueAt
		run.add(model.TodayKindReceiptOverdue, o.ID, o.CustomerID, o, say(run.lang, "收款 "+o.Number, "Receipt "+o.Number),
			receiptReason(run.lang, due, run.now), &due)
	}
	return nil
}

// receiptReason says how late a receipt is: due earlier today, or so many days ago.
func receiptReason(lang string, due, now time.Time) string {
	n := daysSince(now, due)
	if n < 1 {
		return say(lang, fmt.Sprintf("发票已开，货款今天（%s）到期，尚未收到", ymd(due)),
			fmt.Sprintf("Invoiced; payment was due today (%s) and has not come in", ymd(due)))
	}
	return say(lang, fmt.Sprintf("发票已开，货款 %s 到期，已逾期 %d 天", ymd(due), n),
		fmt.Sprintf("Invoiced; payment was due on %s, %s ago", ymd(due), days(n)))
}

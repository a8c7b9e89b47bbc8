package graph

import (
	"fmt"

	"tandem/ent/order"
	"tandem/ent/predicate"
	"tandem/graph/model"
)

// todayOrders lists orders due within OrderDueDays, or late.
func todayOrders(run *todayRun) error {
	orderWhere := []predicate.Order{
		order.StatusNotIn(order.StatusCLOSED, order.StatusCANCELLED, order.StatusDELIVERED),
		order.DeliveredAtIsNil(),
		order.DeliveryDateNotNil(), order.DeliveryDateLTE(run.now.AddDate(0, 0, OrderDueDays)),
	}
	if run.scope != nil {
		orderWhere = append(orderWhere, order.HasCustomerWith(run.scope))
	}
	orders, err := run.c.Order.Query().Where(orderWhere...).All(run.ctx)
	if err != nil {
		return err
	}
	for _, o := range orders {
		due := *o.DeliveryDate
		title := say(run.lang, "订单 "+o.Number, "Order "+o.Number)
		if due.Before(run.now) {
			n := daysSince(run.now, due)
			run.add(model.TodayKindOrderLate, o.ID, o.CustomerID, o, title,
				say(run.lang, fmt.Sprintf("交期 %s 已过 %d 天，尚未交付", ymd(due), n),
					fmt.Sprintf("Delivery date %s passed %d day(s) ago and not delivered", ymd(due), n)), &due)
			continue
		}
		run.add(model.TodayKindOrderDue, o.ID, o.CustomerID, o, title,
			say(run.lang, fmt.Sprintf("交期 %s，%d 天内到期", ymd(due), OrderDueDays),
				fmt.Sprintf("Delivery date %s, within %d days", ymd(due), OrderDueDays)), &due)
	}
	return nil
}

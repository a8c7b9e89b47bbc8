package graph

import (
	"fmt"

	"tandem/domain/access"
	"tandem/domain/account"
	"tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/order"
	"tandem/ent/predicate"
	"tandem/graph/model"
)

// OrderDueDays: an open order whose delivery date falls within this many days is on Today.
const OrderDueDays = 3

// NewOrderDays: an order placed within this many days by an account in a declining
// industry is on Today with its risk.
const NewOrderDays = 7

// withDeclineNote is an order's reason, with a note when its account (read with the
// answer's accounts, todayItem.reasonFor) is in a declining industry.
func withDeclineNote(reason, lang string) func(*ent.Customer) string {
	return func(cu *ent.Customer) string {
		if cu != nil && account.Declining(cu) {
			return reason + say(lang, "；客户所在行业为夕阳产业，注意风险（账期、用量）", "; the customer's industry is in decline: mind the risk (payment terms, volumes)")
		}
		return reason
	}
}

// todayOrders lists orders due within OrderDueDays, or late.
func todayOrders(run *todayRun) error {
	open := []predicate.Order{
		order.StatusNotIn(order.StatusCLOSED, order.StatusCANCELLED, order.StatusDELIVERED),
		order.DeliveredAtIsNil(), order.DeliveryDateNotNil(),
	}
	q := func(more ...predicate.Order) *ent.OrderQuery {
		where := append(append([]predicate.Order{}, open...), more...)
		if run.scope != nil {
			where = append(where, order.HasCustomerWith(run.scope))
		}
		return run.c.Order.Query().Where(where...)
	}
	// Each kind in the order of its delivery date.
	read := func(more ...predicate.Order) func(limit int) ([]*ent.Order, error) {
		return func(limit int) ([]*ent.Order, error) {
			return q(more...).Order(order.ByDeliveryDate(), order.ByID()).Limit(limit).Modify(counted).All(run.ctx)
		}
	}
	late := []predicate.Order{order.DeliveryDateLT(run.now), awake[predicate.Order](run, model.TodayKindOrderLate)}
	soon := []predicate.Order{order.DeliveryDateGTE(run.now), order.DeliveryDateLTE(run.now.AddDate(0, 0, OrderDueDays)),
		awake[predicate.Order](run, model.TodayKindOrderDue)}
	orders, err := paged(run, model.TodayKindOrderLate, upTo(q(late...)), read(late...))
	if err != nil {
		return err
	}
	due, err := paged(run, model.TodayKindOrderDue, upTo(q(soon...)), read(soon...))
	if err != nil {
		return err
	}
	orders = append(orders, due...)
	for _, o := range orders {
		due := *o.DeliveryDate
		title := say(run.lang, "订单 "+o.Number, "Order "+o.Number)
		var it *todayItem
		if due.Before(run.now) {
			n := daysSince(run.now, due)
			it = run.add(model.TodayKindOrderLate, o.ID, o.CustomerID, o, title,
				say(run.lang, fmt.Sprintf("交期 %s 已过 %d 天，尚未交付", ymd(due), n),
					fmt.Sprintf("Delivery date %s passed %s ago and not delivered", ymd(due), days(n))), &due)
		} else {
			it = run.add(model.TodayKindOrderDue, o.ID, o.CustomerID, o, title,
				say(run.lang, fmt.Sprintf("交期 %s，%d 天内到期", ymd(due), OrderDueDays),
					fmt.Sprintf("Delivery date %s, within %d days", ymd(due), OrderDueDays)), &due)
		}
		it.reasonFor = withDeclineNote(it.Reason, run.lang)
	}
	return nil
}

// todayOrderRisks lists the new orders of accounts whose industry is in decline
// (夕阳产业): 规避行业风险 — weigh the payment terms and the volumes before producing.
func todayOrderRisks(run *todayRun) error {
	where := []predicate.Order{
		order.StatusNEQ(order.StatusCANCELLED),
		order.CreatedAtGTE(run.now.AddDate(0, 0, -NewOrderDays)),
		order.HasCustomerWith(customer.IndustryStatusEQ(customer.IndustryStatusSUNSET)),
	}
	if run.scope != nil {
		where = append(where, order.HasCustomerWith(run.scope))
	}
	orders, err := run.c.Order.Query().Where(where...).All(run.ctx)
	if err != nil {
		return err
	}
	for _, o := range orders {
		run.add(model.TodayKindOrderRisk, o.ID, o.CustomerID, o, say(run.lang, "新订单 "+o.Number, "New order "+o.Number),
			say(run.lang, fmt.Sprintf("%s 下单；客户所在行业为夕阳产业，注意风险（账期、用量）", ymd(o.OrderedAt)),
				fmt.Sprintf("Ordered %s by an account in a declining industry: mind the risk (payment terms, volumes)", ymd(o.OrderedAt))),
			o.DeliveryDate)
	}
	return nil
}

// todayEvaluationDecisions lists, for managers, the accounts whose evaluation did not
// select us and whose future nobody has decided yet (decideEvaluation).
func todayEvaluationDecisions(run *todayRun) error {
	if !access.Manages(run.v) {
		return nil
	}
	where := []predicate.Customer{
		customer.EvaluationOutcomeEQ(customer.EvaluationOutcomeNOT_SELECTED),
		customer.EvaluationDecidedAtIsNil(),
	}
	if run.scope != nil {
		where = append(where, run.scope)
	}
	accounts, err := run.c.Customer.Query().Where(where...).All(run.ctx)
	if err != nil {
		return err
	}
	for _, cu := range accounts {
		run.add(model.TodayKindEvaluationDecision, cu.ID, cu.ID, cu, cu.Name,
			say(run.lang, fmt.Sprintf("评估未选中我们：决定保持当前阶段（%s）还是退回", account.StageName(cu.Stage, "zh")),
				fmt.Sprintf("The evaluation did not select us: keep the stage (%s) or move the account back", account.StageName(cu.Stage, "en"))), nil)
	}
	return nil
}

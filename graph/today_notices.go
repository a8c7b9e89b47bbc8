package graph

import (
	"fmt"
	"time"

	"tandem/ent/changenotice"
	"tandem/ent/changenoticeack"
	"tandem/ent/predicate"
	"tandem/graph/model"
)

// todayNotices lists change notices the customer has not acknowledged.
func todayNotices(run *todayRun) error {
	ackWhere := []predicate.ChangeNoticeAck{
		changenoticeack.AcknowledgedAtIsNil(),
		changenoticeack.HasChangeNoticeWith(changenotice.StatusEQ(changenotice.StatusISSUED)),
	}
	if run.scope != nil {
		ackWhere = append(ackWhere, changenoticeack.HasCustomerWith(run.scope))
	}
	acks, err := run.c.ChangeNoticeAck.Query().Where(ackWhere...).WithChangeNotice().All(run.ctx)
	if err != nil {
		return err
	}
	for _, a := range acks {
		title := say(run.lang, "变更通知", "Change notice")
		var due *time.Time
		reason := say(run.lang, "变更通知已发出，客户尚未确认", "Change notice issued, not yet acknowledged by the customer")
		if cn := a.Edges.ChangeNotice; cn != nil {
			title = cn.Title
			eff := cn.EffectiveAt
			due = &eff
			reason = say(run.lang, fmt.Sprintf("变更通知已发出，客户尚未确认；%s 生效", ymd(eff)),
				fmt.Sprintf("Change notice issued, not yet acknowledged by the customer; effective %s", ymd(eff)))
		}
		run.add(model.TodayKindChangeNoticePending, a.ID, a.CustomerID, a, title, reason, due)
	}
	return nil
}

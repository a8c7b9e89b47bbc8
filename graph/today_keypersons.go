package graph

import (
	"fmt"
	"time"

	"tandem/domain/account"
	"tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/keyperson"
	"tandem/ent/predicate"
	"tandem/graph/model"
)

// todayKeyPersons lists key persons not contacted within their expected interval —
// shorter while their account evaluates us (account.ContactIntervalDays).
func todayKeyPersons(run *todayRun) error {
	kpWhere := []predicate.KeyPerson{
		keyperson.ActiveToIsNil(),
		// The shortest interval is one day: rows contacted since then cannot be overdue.
		keyperson.Or(keyperson.LastContactedAtIsNil(), keyperson.LastContactedAtLT(run.now.AddDate(0, 0, -1))),
	}
	if run.scope != nil {
		kpWhere = append(kpWhere, keyperson.HasCustomerWith(run.scope))
	}
	kps, err := run.c.KeyPerson.Query().Where(kpWhere...).
		WithCustomer(func(q *ent.CustomerQuery) { q.Select(customer.FieldStage) }).All(run.ctx)
	if err != nil {
		return err
	}
	for _, kp := range kps {
		days, evaluating := kp.ContactIntervalDays, false
		if cu := kp.Edges.Customer; cu != nil {
			days = account.ContactIntervalDays(kp.ContactIntervalDays, cu.Stage)
			evaluating = cu.Stage == customer.StageEVALUATION
		}
		every := say(run.lang, fmt.Sprintf("约定每 %d 天联系一次", days), fmt.Sprintf("expected every %d days", days))
		if evaluating {
			every = say(run.lang, fmt.Sprintf("客户评估期间每 %d 天联系一次（平时 %d 天）", days, kp.ContactIntervalDays),
				fmt.Sprintf("every %d days while the customer evaluates us (otherwise %d)", days, kp.ContactIntervalDays))
		}
		// Titled by the contact's name, read for the items answered (titleByContact).
		name := say(run.lang, "关键人", "Key person")
		if kp.LastContactedAt == nil {
			due := kp.ActiveFrom
			run.add(model.TodayKindKeyPersonOverdue, kp.ID, kp.CustomerID, kp, name,
				say(run.lang, fmt.Sprintf("从未联系过（%s）", every), fmt.Sprintf("Never contacted (%s)", every)), &due).titleContact = kp.ContactID
			continue
		}
		due := kp.LastContactedAt.Add(time.Duration(days) * 24 * time.Hour)
		if !due.Before(run.now) {
			continue
		}
		n := daysSince(run.now, *kp.LastContactedAt)
		run.add(model.TodayKindKeyPersonOverdue, kp.ID, kp.CustomerID, kp, name,
			say(run.lang, fmt.Sprintf("已 %d 天未联系（%s）", n, every), fmt.Sprintf("Last contacted %d days ago (%s)", n, every)), &due).titleContact = kp.ContactID
	}
	return nil
}

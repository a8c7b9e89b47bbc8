package graph

import (
	"fmt"
	"time"

	"tandem/ent/keyperson"
	"tandem/ent/predicate"
	"tandem/graph/model"
)

// todayKeyPersons lists key persons not contacted within their expected interval.
func todayKeyPersons(run *todayRun) error {
	kpWhere := []predicate.KeyPerson{
		keyperson.ActiveToIsNil(),
		// The shortest interval is one day: rows contacted since then cannot be overdue.
		keyperson.Or(keyperson.LastContactedAtIsNil(), keyperson.LastContactedAtLT(run.now.AddDate(0, 0, -1))),
	}
	if run.scope != nil {
		kpWhere = append(kpWhere, keyperson.HasCustomerWith(run.scope))
	}
	kps, err := run.c.KeyPerson.Query().Where(kpWhere...).WithContact().All(run.ctx)
	if err != nil {
		return err
	}
	for _, kp := range kps {
		interval := time.Duration(kp.ContactIntervalDays) * 24 * time.Hour
		name := say(run.lang, "关键人", "Key person")
		if kp.Edges.Contact != nil {
			name = kp.Edges.Contact.Name
		}
		if kp.LastContactedAt == nil {
			due := kp.ActiveFrom
			run.add(model.TodayKindKeyPersonOverdue, kp.ID, kp.CustomerID, kp, name,
				say(run.lang, fmt.Sprintf("从未联系过（约定每 %d 天联系一次）", kp.ContactIntervalDays),
					fmt.Sprintf("Never contacted (expected every %d days)", kp.ContactIntervalDays)), &due)
			continue
		}
		due := kp.LastContactedAt.Add(interval)
		if !due.Before(run.now) {
			continue
		}
		n := daysSince(run.now, *kp.LastContactedAt)
		run.add(model.TodayKindKeyPersonOverdue, kp.ID, kp.CustomerID, kp, name,
			say(run.lang, fmt.Sprintf("已 %d 天未联系（约定每 %d 天联系一次）", n, kp.ContactIntervalDays),
				fmt.Sprintf("Last contacted %d days ago (expected every %d days)", n, kp.ContactIntervalDays)), &due)
	}
	return nil
}

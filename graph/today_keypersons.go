package graph

import (
	"fmt"
	"sort"
	"time"

	"tandem/domain/account"
	"tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/keyperson"
	"tandem/ent/predicate"
	"tandem/ent/schema/pulid"
	"tandem/graph/model"
)

// overdueKP is one key person not contacted within their interval.
type overdueKP struct {
	kp     *ent.KeyPerson
	due    time.Time
	reason string
}

// todayKeyPersons lists key persons not contacted within their expected interval —
// shorter while their account evaluates us (account.ContactIntervalDays) — one row per
// account: a rep plans a visit to an account, not to each of its people. The row opens
// the account, is called on the most overdue person's number, and is snoozed per account.
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
	groups := map[pulid.ID][]overdueKP{}
	var accounts []pulid.ID
	for _, kp := range kps {
		o, ok := keyPersonOverdue(run, kp)
		if !ok {
			continue
		}
		if groups[kp.CustomerID] == nil {
			accounts = append(accounts, kp.CustomerID)
		}
		groups[kp.CustomerID] = append(groups[kp.CustomerID], o)
	}
	for _, id := range accounts {
		g := groups[id]
		sort.SliceStable(g, func(i, j int) bool { return g[i].due.Before(g[j].due) })
		first := g[0]
		reason := first.reason
		if len(g) > 1 {
			reason = say(run.lang, fmt.Sprintf("%d 位关键人待联系；最久的：", len(g)), fmt.Sprintf("%d key persons to contact; the longest: ", len(g))) + reason
		}
		var node ent.Noder = first.kp.Edges.Customer
		if node == nil {
			node = first.kp
		}
		// Titled by the contacts' names, read for the items answered (byContact).
		it := run.add(model.TodayKindKeyPersonOverdue, id, id, node, say(run.lang, "关键人", "Key person"), reason, &first.due)
		it.titleContact, it.callContact, it.Members, it.nodeIsAccount = first.kp.ContactID, first.kp.ContactID, len(g), true
	}
	return nil
}

// keyPersonOverdue tells whether a key person is past their contact interval, when
// they fell due, and why.
func keyPersonOverdue(run *todayRun, kp *ent.KeyPerson) (overdueKP, bool) {
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
	if kp.LastContactedAt == nil {
		return overdueKP{kp, kp.ActiveFrom, say(run.lang, fmt.Sprintf("从未联系过（%s）", every), fmt.Sprintf("Never contacted (%s)", every))}, true
	}
	due := kp.LastContactedAt.Add(time.Duration(days) * 24 * time.Hour)
	if !due.Before(run.now) {
		return overdueKP{}, false
	}
	n := daysSince(run.now, *kp.LastContactedAt)
	return overdueKP{kp, due, say(run.lang, fmt.Sprintf("已 %d 天未联系（%s）", n, every), fmt.Sprintf("Last contacted %d days ago (%s)", n, every))}, true
}

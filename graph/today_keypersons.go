package graph

import (
	"fmt"
	"sort"

	"tandem/domain/account"
	"tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/keyperson"
	"tandem/ent/predicate"
	"tandem/ent/schema/pulid"
	"tandem/graph/model"
)

// keyPersonChunk is how many overdue key persons one read takes while looking for the
// accounts of the page (most accounts have one or two).
const keyPersonChunk = 200

// todayKeyPersons lists key persons not contacted within their expected interval —
// shorter while their account evaluates us — one row per account: a rep plans a visit
// to an account, not to each of its people. Accounts come in the order of their most
// overdue person (the stored contact_due_at, domain/keyperson.Refresh); the row opens
// the account, is called on that person's number, and is snoozed per account.
func todayKeyPersons(run *todayRun) error {
	kind := model.TodayKindKeyPersonOverdue
	where := []predicate.KeyPerson{keyperson.ActiveToIsNil(), keyperson.ContactDueAtLT(run.now)}
	if ids := run.snoozed[string(kind)]; len(ids) > 0 {
		where = append(where, keyperson.CustomerIDNotIn(ids...))
	}
	if run.scope != nil {
		where = append(where, keyperson.HasCustomerWith(run.scope))
	}
	q := func(more ...predicate.KeyPerson) *ent.KeyPersonQuery {
		return run.c.KeyPerson.Query().Where(append(where[:len(where):len(where)], more...)...)
	}
	accounts, err := overdueAccounts(run, q)
	if err != nil {
		return err
	}
	run.count(kind, len(accounts))
	if !run.asks(kind) {
		return nil
	}
	end := min(len(accounts), run.page.offset+run.page.first)
	if end <= run.page.offset {
		return nil
	}
	page := accounts[:end]
	kps, err := q(keyperson.CustomerIDIn(page...)).All(run.ctx)
	if err != nil {
		return err
	}
	groups := map[pulid.ID][]*ent.KeyPerson{}
	for _, kp := range kps {
		groups[kp.CustomerID] = append(groups[kp.CustomerID], kp)
	}
	for _, id := range page {
		g := groups[id]
		if len(g) == 0 {
			continue // contacted since the first read
		}
		sort.SliceStable(g, func(i, j int) bool {
			return g[i].ContactDueAt.Before(*g[j].ContactDueAt) || g[i].ContactDueAt.Equal(*g[j].ContactDueAt) && g[i].ID < g[j].ID
		})
		first, members := g[0], len(g)
		// Titled by the contacts' names (byContact); the reason names the contact
		// interval, which the account's stage sets: both are written for the items
		// answered, once their accounts are read (today).
		it := run.add(kind, id, id, first, say(run.lang, "关键人", "Key person"), "", first.ContactDueAt)
		it.titleContact, it.callContact, it.Members, it.nodeIsAccount = first.ContactID, first.ContactID, members, true
		it.reasonFor = func(cu *ent.Customer) string {
			reason := keyPersonReason(run, first, cu)
			if members > 1 {
				reason = say(run.lang, fmt.Sprintf("%d 位关键人待联系；最久的：", members), fmt.Sprintf("%d key persons to contact; the longest: ", members)) + reason
			}
			return reason
		}
	}
	return nil
}

// overdueAccounts is the accounts with an overdue key person, in the order of their
// most overdue one, up to what the page and the count need (TodayCountCap+1, or the
// page's end): it reads the persons in due order, a chunk at a time, keeping each
// account's first appearance.
func overdueAccounts(run *todayRun, q func(...predicate.KeyPerson) *ent.KeyPersonQuery) ([]pulid.ID, error) {
	want := max(TodayCountCap+1, run.page.offset+run.page.first)
	var accounts []pulid.ID
	seen := map[pulid.ID]bool{}
	var after *ent.KeyPerson
	for len(accounts) < want {
		var more []predicate.KeyPerson
		if after != nil { // the rows after the last read, in (due, id) order
			more = append(more, keyperson.Or(keyperson.ContactDueAtGT(*after.ContactDueAt),
				keyperson.And(keyperson.ContactDueAt(*after.ContactDueAt), keyperson.IDGT(after.ID))))
		}
		rows, err := q(more...).Order(keyperson.ByContactDueAt(), keyperson.ByID()).Limit(keyPersonChunk).
			Select(keyperson.FieldCustomerID, keyperson.FieldContactDueAt).All(run.ctx)
		if err != nil {
			return nil, err
		}
		for _, kp := range rows {
			if !seen[kp.CustomerID] && len(accounts) < want {
				seen[kp.CustomerID] = true
				accounts = append(accounts, kp.CustomerID)
			}
		}
		if len(rows) < keyPersonChunk {
			break
		}
		after = rows[len(rows)-1]
	}
	return accounts, nil
}

// keyPersonReason says why an overdue key person is listed: how long since the last
// contact, against the interval their account's stage sets (cu nil: the person's own).
func keyPersonReason(run *todayRun, kp *ent.KeyPerson, cu *ent.Customer) string {
	days, evaluating := kp.ContactIntervalDays, false
	if cu != nil {
		days = account.ContactIntervalDays(kp.ContactIntervalDays, cu.Stage)
		evaluating = cu.Stage == customer.StageEVALUATION
	}
	every := say(run.lang, fmt.Sprintf("约定每 %d 天联系一次", days), fmt.Sprintf("expected every %d days", days))
	if evaluating {
		every = say(run.lang, fmt.Sprintf("客户评估期间每 %d 天联系一次（平时 %d 天）", days, kp.ContactIntervalDays),
			fmt.Sprintf("every %d days while the customer evaluates us (otherwise %d)", days, kp.ContactIntervalDays))
	}
	if kp.LastContactedAt == nil {
		return say(run.lang, fmt.Sprintf("从未联系过（%s）", every), fmt.Sprintf("Never contacted (%s)", every))
	}
	n := daysSince(run.now, *kp.LastContactedAt)
	return say(run.lang, fmt.Sprintf("已 %d 天未联系（%s）", n, every), fmt.Sprintf("Last contacted %d days ago (%s)", n, every))
}

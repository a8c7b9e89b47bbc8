package app_test

import (
	"maps"
	"slices"
	"sort"
	"sync"
	"testing"
	"time"

	"tandem/ent/sample"
	"tandem/ent/snooze"
)

const (
	snoozeMutation   = `mutation($k: TodayKind!, $id: ID!, $u: Time!) { snoozeTodayItem(kind: $k, nodeID: $id, until: $u) { id kind nodeID until } }`
	unsnoozeMutation = `mutation($k: TodayKind!, $id: ID!) { unsnoozeTodayItem(kind: $k, nodeID: $id) }`
)

// A snoozed Today item leaves its owner's list (and counts) until its time, and only
// theirs; snoozing again moves the time; bad snoozes are refused and change nothing.
func TestTodaySnooze(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, sys, f := e.app.DB.Client, e.sys, e.f
		now := time.Now().UTC()
		acme := f.acmeEast.ID
		task := c.Task.Create().SetCustomerID(acme).SetAssigneeID(f.rep1.ID).SetTitle("回访").SetDueAt(now.Add(-time.Hour)).SaveX(sys)
		lost := c.Sample.Create().SetCustomerID(acme).SetProductID(f.product.ID).SetQuantity(1).
			SetStatus(sample.StatusSHIPPED).SetShippedAt(now.Add(-20 * rptDay)).SaveX(sys)
		rep1, manager := e.token(f.rep1), e.token(f.manager)
		snoozes := func() int { return c.Snooze.Query().CountX(sys) }
		listed := func(tok, id string) bool {
			got, _ := rptToday(t, e, tok)
			_, ok := got[id]
			return ok
		}
		put := func(tok, kind string, id any, until time.Time) *gqlResponse {
			return e.do(tok, snoozeMutation, map[string]any{"k": kind, "id": id, "u": until.Format(time.RFC3339)})
		}
		if !listed(rep1, string(task.ID)) || !listed(rep1, string(lost.ID)) || !listed(rep1, string(acme)) {
			t.Fatal("rep1's task, sample and key persons are not on Today before any snooze")
		}

		// Refused, and nothing written: a time passed, too far ahead, a record the
		// viewer cannot read, a kind that does not exist, a partner.
		for name, r := range map[string]*gqlResponse{
			"past":     put(rep1, "TASK_OVERDUE", task.ID, now.Add(-time.Minute)),
			"far":      put(rep1, "TASK_OVERDUE", task.ID, now.Add(31*24*time.Hour)),
			"unread":   put(rep1, "ORDER_LATE", f.southAcct.ID, now.Add(time.Hour)),
			"no kind":  put(rep1, "NAP", task.ID, now.Add(time.Hour)),
			"nonsense": put(rep1, "TASK_OVERDUE", "XX01", now.Add(time.Hour)),
		} {
			if len(r.Errors) == 0 {
				t.Errorf("%s: accepted: %+v", name, r.Data)
			}
		}
		if r := put(rep1, "TASK_OVERDUE", task.ID, now.Add(-time.Minute)); r.code() != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != "until" {
			t.Errorf("a past time: %+v", r.Errors)
		}
		partner, _ := e.ptIssue(e.token(f.admin), acme, "orders:read")
		if r := put(partner, "TASK_OVERDUE", task.ID, now.Add(time.Hour)); len(r.Errors) == 0 {
			t.Errorf("a partner snoozed: %+v", r.Data)
		}
		if n := snoozes(); n != 0 {
			t.Fatalf("refused snoozes wrote %d rows", n)
		}

		// Snoozed: off rep1's list and counts; the manager still sees the sample.
		before, _ := rptToday(t, e, rep1)
		d := e.ok(rep1, snoozeMutation, map[string]any{"k": "TASK_OVERDUE", "id": task.ID, "u": now.Add(2 * rptDay).Format(time.RFC3339)})
		if dig(d, "snoozeTodayItem", "nodeID") != string(task.ID) {
			t.Errorf("snooze answered %v", d)
		}
		e.ok(rep1, snoozeMutation, map[string]any{"k": "SAMPLE_NOT_RECEIVED", "id": lost.ID, "u": now.Add(rptDay).Format(time.RFC3339)})
		e.ok(rep1, snoozeMutation, map[string]any{"k": "KEY_PERSON_OVERDUE", "id": acme, "u": now.Add(rptDay).Format(time.RFC3339)})
		after, _ := rptToday(t, e, rep1) // rptToday checks the counts against the items
		for _, id := range []string{string(task.ID), string(lost.ID), string(acme)} {
			if _, ok := after[id]; ok {
				t.Errorf("rep1: snoozed %s still listed", id)
			}
		}
		if len(after) != len(before)-3 {
			t.Errorf("rep1: %d items after 3 snoozes, %d before", len(after), len(before))
		}
		if !listed(manager, string(lost.ID)) {
			t.Error("rep1's snooze took the sample off the manager's list")
		}

		// Snoozing again, even from 4 phones at once, moves the time of the one row.
		later := now.Add(3 * rptDay).Truncate(time.Second)
		var wg sync.WaitGroup
		errs := make(chan *gqlResponse, 4)
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs <- put(rep1, "TASK_OVERDUE", task.ID, later)
			}()
		}
		wg.Wait()
		close(errs)
		for r := range errs {
			if len(r.Errors) > 0 {
				t.Errorf("a concurrent snooze failed: %+v", r.Errors)
			}
		}
		rows := c.Snooze.Query().Where(snooze.NodeID(task.ID)).AllX(sys)
		if len(rows) != 1 || !rows[0].Until.Equal(later) {
			t.Fatalf("snoozes of the task: %+v, want one until %v", rows, later)
		}

		// Another person reads no snooze of rep1's.
		if r := e.do(e.token(f.rep2), `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": rows[0].ID}); dig(r.Data, "node") != nil {
			t.Errorf("rep2 read rep1's snooze: %+v", r.Data)
		}

		// Its time passes: the sample is back. Lifted: the task is back.
		c.Snooze.Update().Where(snooze.NodeID(lost.ID)).SetUntil(now.Add(-time.Second)).ExecX(sys)
		if !listed(rep1, string(lost.ID)) {
			t.Error("the sample is not back once its snooze passed")
		}
		if d := e.ok(rep1, unsnoozeMutation, map[string]any{"k": "TASK_OVERDUE", "id": task.ID}); dig(d, "unsnoozeTodayItem") != true {
			t.Errorf("unsnooze answered %v", d)
		}
		if !listed(rep1, string(task.ID)) {
			t.Error("the task is not back once lifted")
		}
		if d := e.ok(rep1, unsnoozeMutation, map[string]any{"k": "TASK_OVERDUE", "id": task.ID}); dig(d, "unsnoozeTodayItem") != false {
			t.Errorf("a second unsnooze answered %v", d)
		}
	})
}

const teamQuery = `{ team { user { id } total urgent overdueTasks counts { kind count } } }`

// A manager sees the team's Today counted, and opens a rep's Today as the rep sees it;
// nobody opens a Today outside their team, and only managers and admins see the team.
func TestTeamToday(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, sys, f := e.app.DB.Client, e.sys, e.f
		now := time.Now().UTC()
		c.Task.Create().SetCustomerID(f.acmeEast.ID).SetAssigneeID(f.rep1.ID).SetTitle("回访").SetDueAt(now.Add(-time.Hour)).ExecX(sys)
		snoozed := c.Task.Create().SetCustomerID(f.acmeEast.ID).SetAssigneeID(f.rep1.ID).SetTitle("later").SetDueAt(now.Add(-2 * time.Hour)).SaveX(sys)
		c.Task.Create().SetCustomerID(f.southAcct.ID).SetAssigneeID(f.rep3.ID).SetTitle("south").SetDueAt(now.Add(-time.Hour)).ExecX(sys)
		rep1, manager, admin := e.token(f.rep1), e.token(f.manager), e.token(f.admin)
		e.ok(rep1, snoozeMutation, map[string]any{"k": "TASK_OVERDUE", "id": snoozed.ID, "u": now.Add(rptDay).Format(time.RFC3339)})
		theirs := func(tok string, vars map[string]any) map[string]any {
			return e.ok(tok, `query($u: ID) { today(first: 100, userID: $u) { total items { kind node { id } } } }`, vars)
		}
		ids := func(d map[string]any) []string {
			var out []string
			for _, it := range rptList(dig(d, "today", "items")) {
				out = append(out, dig(it, "kind").(string)+":"+dig(it, "node", "id").(string))
			}
			sort.Strings(out)
			return out
		}
		own := theirs(rep1, map[string]any{"u": nil})
		seen := theirs(manager, map[string]any{"u": f.rep1.ID})
		if got, want := ids(seen), ids(own); !slices.Equal(got, want) || len(want) == 0 {
			t.Errorf("the manager's view of rep1's Today:\n%v\nrep1's own:\n%v", got, want)
		}
		if slices.Contains(ids(seen), "TASK_OVERDUE:"+string(snoozed.ID)) {
			t.Error("rep1's snoozed task shows in the manager's view of rep1's Today")
		}

		d := e.ok(manager, teamQuery, nil)
		members := map[string]map[string]any{}
		for _, m := range rptList(dig(d, "team")) {
			members[dig(m, "user", "id").(string)] = m.(map[string]any)
		}
		if _, ok := members[string(f.rep3.ID)]; ok || members[string(f.rep1.ID)] == nil || members[string(f.rep2.ID)] == nil {
			t.Fatalf("the east manager's team: %v", slices.Collect(maps.Keys(members)))
		}
		if m := members[string(f.rep1.ID)]; num(m["total"]) != num(dig(own, "today", "total")) || num(m["overdueTasks"]) < 1 {
			t.Errorf("rep1 counted %v, their Today has %v", m, dig(own, "today", "total"))
		}
		if got := rptList(dig(e.ok(admin, teamQuery, nil), "team")); len(got) < 4 {
			t.Errorf("the admin's team has %d people, want every rep and manager", len(got))
		}

		// Refused: another team's rep, a rep looking at a teammate, someone unknown;
		// the team view for a rep or an analyst.
		for name, r := range map[string]*gqlResponse{
			"other team": e.do(manager, `query($u: ID) { today(userID: $u) { total } }`, map[string]any{"u": f.rep3.ID}),
			"teammate":   e.do(rep1, `query($u: ID) { today(userID: $u) { total } }`, map[string]any{"u": f.rep2.ID}),
			"rep team":   e.do(rep1, teamQuery, nil),
			"analyst":    e.do(e.token(f.analyst), teamQuery, nil),
		} {
			if r.code() != "FORBIDDEN" {
				t.Errorf("%s: %+v", name, r.Errors)
			}
		}
		expectCode(t, e.do(manager, `query($u: ID) { today(userID: $u) { total } }`, map[string]any{"u": "US01JZZZZZZZZZZZZZZZZZZZZZZZ"}), "NOT_FOUND")
		if d := e.ok(admin, `query($u: ID) { today(userID: $u) { total } }`, map[string]any{"u": f.rep3.ID}); num(dig(d, "today", "total")) < 1 {
			t.Errorf("the admin's view of rep3's Today: %v", d)
		}
	})
}

package app_test

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"tandem/domain/history"
	"tandem/ent"
	"tandem/ent/changenotice"
	"tandem/ent/contact"
	"tandem/ent/interaction"
	"tandem/ent/issue"
	"tandem/ent/order"
	"tandem/ent/sample"
	"tandem/ent/schema/pulid"
	"tandem/ent/stagechange"
	"tandem/ent/task"
	"tandem/ent/trial"
	"tandem/ent/user"
	"tandem/graph"
)

const rptDay = 24 * time.Hour

// rptTime parses a GraphQL Time.
func rptTime(t *testing.T, v any) time.Time {
	t.Helper()
	s, _ := v.(string)
	at, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatalf("not a time: %v", v)
	}
	return at
}

func rptIDs(v any, path ...any) []string {
	var out []string
	for _, x := range rptList(v) {
		out = append(out, dig(x, path...).(string))
	}
	return out
}

func rptList(v any) []any { l, _ := v.([]any); return l }

// rptCount runs a query and returns how many SQL statements it took.
func (e *env) rptCount(token, query string, vars map[string]any) (map[string]any, int64) {
	e.t.Helper()
	before := e.statements.Load()
	d := e.ok(token, query, vars)
	return d, e.statements.Load() - before
}

const todayQuery = `{ today(first: 100) { total counts { kind count } items { kind title reason due urgency members phone node { id } customer { id } } } }`

// todayUrgencyRank is the order of the plan's parts.
var todayUrgencyRank = map[string]int{"NOW": 0, "TODAY": 1, "LATER": 2}

// clearOfMidnight returns the time now, at least five minutes before the UTC day ends
// (Today's day), waiting for the next day when it is closer: a test that plans
// something for later today, then asks Today, must do both on the same day.
func clearOfMidnight(t *testing.T) time.Time {
	t.Helper()
	now := time.Now().UTC()
	next := time.Date(now.Year(), now.Month(), now.Day()+1, 0, 0, 0, 0, time.UTC)
	if left := next.Sub(now); left < 5*time.Minute {
		t.Logf("waiting %v for the next UTC day", left.Round(time.Second))
		time.Sleep(left + time.Second)
		now = time.Now().UTC()
	}
	return now
}

// rptToday returns the viewer's Today items as node id → kind, checking the invariants
// every list must keep: counts add up, items sorted as a plan (by urgency, then due
// time), reasons given.
func rptToday(t *testing.T, e *env, tok string) (map[string]string, map[string]any) {
	t.Helper()
	d := e.ok(tok, todayQuery, nil)
	items := rptList(dig(d, "today", "items"))
	total := num(dig(d, "today", "total"))
	if total != len(items) {
		t.Errorf("total %d, items %d", total, len(items))
	}
	perKind := map[string]int{}
	got := map[string]string{}
	var last time.Time
	lastRank := 0
	for i, it := range items {
		kind := dig(it, "kind").(string)
		rank, ok := todayUrgencyRank[dig(it, "urgency").(string)]
		switch {
		case !ok:
			t.Errorf("item %d (%s): urgency %v", i, kind, dig(it, "urgency"))
		case rank < lastRank:
			t.Errorf("item %d (%s): urgency %v after a less urgent item", i, kind, dig(it, "urgency"))
		case rank > lastRank:
			last, lastRank = time.Time{}, rank
		}
		perKind[kind]++
		id := dig(it, "node", "id").(string)
		if _, dup := got[id]; dup {
			t.Errorf("%s listed twice", id)
		}
		got[id] = kind
		if strings.TrimSpace(dig(it, "reason").(string)) == "" || strings.TrimSpace(dig(it, "title").(string)) == "" {
			t.Errorf("item %d (%s) has no title or reason: %v", i, kind, it)
		}
		if due := dig(it, "due"); due != nil {
			at := rptTime(t, due)
			if at.Before(last) {
				t.Errorf("item %d (%s) due %v before the previous item's %v", i, kind, at, last)
			}
			last = at
		} else {
			last = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
		}
	}
	sum := 0
	for _, c := range rptList(dig(d, "today", "counts")) {
		k, n := dig(c, "kind").(string), num(dig(c, "count"))
		if n != perKind[k] {
			t.Errorf("count of %s = %d, items of that kind %d", k, n, perKind[k])
		}
		sum += n
	}
	if sum != total {
		t.Errorf("counts add up to %d, total %d", sum, total)
	}
	return got, d
}

func TestTodayList(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, sys, f := e.app.DB.Client, e.sys, e.f
		now := time.Now().UTC().Truncate(time.Second)
		if left := rptNextDay(now).Sub(now); left < 2*time.Minute {
			time.Sleep(left + time.Second) // keep "due today" inside one day
			now = time.Now().UTC().Truncate(time.Second)
		}
		acme := f.acmeEast.ID
		dueToday := now.Add(rptNextDay(now).Sub(now) / 2)

		overdueTask := c.Task.Create().SetCustomerID(acme).SetAssigneeID(f.rep1.ID).SetTitle("寄 COA").SetDueAt(now.Add(-2 * rptDay)).SaveX(sys)
		todayTask := c.Task.Create().SetCustomerID(acme).SetAssigneeID(f.rep1.ID).SetTitle("回电李工").SetDueAt(dueToday).SaveX(sys)
		doneTask := c.Task.Create().SetCustomerID(acme).SetAssigneeID(f.rep1.ID).SetTitle("done").SetDueAt(now.Add(-rptDay)).SetStatus(task.StatusDONE).SaveX(sys)
		laterTask := c.Task.Create().SetCustomerID(acme).SetAssigneeID(f.rep1.ID).SetTitle("later").SetDueAt(now.Add(3 * rptDay)).SaveX(sys)
		rep2Task := c.Task.Create().SetCustomerID(acme).SetAssigneeID(f.rep2.ID).SetTitle("rep2's").SetDueAt(now.Add(-rptDay)).SaveX(sys)

		mkContact := func(name string) *ent.Contact {
			return c.Contact.Create().SetCustomerID(acme).SetName(name).SaveX(sys)
		}
		// The fixture's key person was never contacted: overdue.
		wang := c.Contact.Create().SetCustomerID(acme).SetName("王总").SetMobile("13800001111").SaveX(sys)
		staleKP := c.KeyPerson.Create().SetCustomerID(acme).SetContactID(wang.ID).SetDecisionRole("DECISION_MAKER").
			SetContactIntervalDays(30).SetLastContactedAt(now.Add(-40 * rptDay)).SaveX(sys)
		freshKP := c.KeyPerson.Create().SetCustomerID(acme).SetContactID(mkContact("赵工").ID).SetDecisionRole("USER").
			SetContactIntervalDays(30).SetLastContactedAt(now.Add(-5 * rptDay)).SaveX(sys)
		endedKP := c.KeyPerson.Create().SetCustomerID(acme).SetContactID(mkContact("前任").ID).SetDecisionRole("USER").
			SetContactIntervalDays(7).SetLastContactedAt(now.Add(-90 * rptDay)).SetActiveTo(now.Add(-rptDay)).SaveX(sys)

		mkSample := func(st sample.Status) *ent.SampleCreate {
			return c.Sample.Create().SetCustomerID(acme).SetProductID(f.product.ID).SetQuantity(1).SetStatus(st)
		}
		lostSample := mkSample(sample.StatusSHIPPED).SetShippedAt(now.Add(-10 * rptDay)).SaveX(sys)
		travelling := mkSample(sample.StatusSHIPPED).SetShippedAt(now.Add(-3 * rptDay)).SaveX(sys)
		waiting := mkSample(sample.StatusRECEIVED).SetShippedAt(now.Add(-40 * rptDay)).SetReceivedAt(now.Add(-30 * rptDay)).SaveX(sys)
		tested := mkSample(sample.StatusLAB_TRIAL).SetShippedAt(now.Add(-40 * rptDay)).SetReceivedAt(now.Add(-30 * rptDay)).SaveX(sys)
		imp := history.Importing(sys)
		c.Trial.Create().SetSampleID(tested.ID).SetKind(trial.KindLAB).SetOutcome(trial.OutcomePASSED).ExecX(imp)

		lateOrder := c.Order.Create().SetCustomerID(acme).SetNumber("SO-LATE").SetDeliveryDate(now.Add(-2 * rptDay)).SaveX(imp)
		dueOrder := c.Order.Create().SetCustomerID(acme).SetNumber("SO-DUE").SetDeliveryDate(now.Add(2 * rptDay)).SaveX(imp)
		farOrder := c.Order.Create().SetCustomerID(acme).SetNumber("SO-FAR").SetDeliveryDate(now.Add(10 * rptDay)).SaveX(imp)
		deliveredOrder := c.Order.Create().SetCustomerID(acme).SetNumber("SO-DONE").SetDeliveryDate(now.Add(-5 * rptDay)).
			SetStatus(order.StatusDELIVERED).SetDeliveredAt(now.Add(-6 * rptDay)).SaveX(imp)

		lateIssue := c.Issue.Create().SetCustomerID(acme).SetTitle("颜色偏差").SetCategory(issue.CategoryQUALITY_FLUCTUATION).
			SetSeverity(issue.SeverityHIGH).SetReportedAt(now.Add(-10 * time.Hour)).SaveX(sys)
		freshIssue := c.Issue.Create().SetCustomerID(acme).SetTitle("fresh").SetCategory(issue.CategoryOTHER).
			SetSeverity(issue.SeverityHIGH).SetReportedAt(now.Add(-time.Hour)).SaveX(sys)
		resolvedIssue := c.Issue.Create().SetCustomerID(acme).SetTitle("resolved").SetCategory(issue.CategoryOTHER).
			SetSeverity(issue.SeverityCRITICAL).SetReportedAt(now.Add(-30 * rptDay)).SetStatus(issue.StatusRESOLVED).SaveX(sys)

		issued := c.ChangeNotice.Create().SetProductID(f.product.ID).SetKind(changenotice.KindFORMULA).SetTitle("配方调整").
			SetEffectiveAt(now.Add(30 * rptDay)).SetIssuedAt(now.Add(-rptDay)).SetStatus(changenotice.StatusISSUED).SaveX(sys)
		draft := c.ChangeNotice.Create().SetProductID(f.product.ID).SetKind(changenotice.KindPACKAGING).SetTitle("draft").
			SetEffectiveAt(now.Add(60 * rptDay)).SaveX(sys)
		pendingAck := c.ChangeNoticeAck.Create().SetChangeNoticeID(issued.ID).SetCustomerID(acme).SetNotifiedAt(now.Add(-rptDay)).SaveX(sys)
		draftAck := c.ChangeNoticeAck.Create().SetChangeNoticeID(draft.ID).SetCustomerID(acme).SaveX(sys)
		doneAck := c.ChangeNoticeAck.Create().SetChangeNoticeID(issued.ID).SetCustomerID(f.rep2Own.ID).
			SetAcknowledgedAt(now).SetAcknowledgedBy("采购部").SaveX(sys)

		// Today's visit meets someone rep1 reads on a teammate's account: called on them.
		guest := c.Contact.Create().SetCustomerID(f.rep2Own.ID).SetName("外部顾问").SetMobile("13911112222").SaveX(sys)
		visit := c.Interaction.Create().SetCustomerID(acme).SetKind(interaction.KindVISIT).SetAuthorID(f.rep1.ID).
			SetOccurredAt(dueToday).SetSummary("中试方案沟通").AddTheirParticipantIDs(guest.ID).SaveX(imp)
		tomorrowVisit := c.Interaction.Create().SetCustomerID(acme).SetKind(interaction.KindVISIT).SetAuthorID(f.rep1.ID).
			SetOccurredAt(rptNextDay(now).Add(time.Hour)).SaveX(imp)
		yesterdayVisit := c.Interaction.Create().SetCustomerID(acme).SetKind(interaction.KindVISIT).SetAuthorID(f.rep1.ID).
			SetOccurredAt(rptNextDay(now).Add(-25 * time.Hour)).SaveX(imp)

		// rep3's own overdue task on the south account.
		southTask := c.Task.Create().SetCustomerID(f.southAcct.ID).SetAssigneeID(f.rep3.ID).SetTitle("south").SetDueAt(now.Add(-rptDay)).SaveX(sys)

		want := map[pulid.ID]string{
			overdueTask.ID: "TASK_OVERDUE",
			todayTask.ID:   "TASK_DUE",
			// The fixture's key person and staleKP: one row for their account.
			acme:          "KEY_PERSON_OVERDUE",
			lostSample.ID: "SAMPLE_NOT_RECEIVED",
			waiting.ID:    "SAMPLE_NO_RESULT",
			lateOrder.ID:  "ORDER_LATE",
			dueOrder.ID:   "ORDER_DUE",
			lateIssue.ID:  "ISSUE_PAST_SLA",
			pendingAck.ID: "CHANGE_NOTICE_PENDING",
			visit.ID:      "VISIT_DUE",
		}
		// The fixture's visit was logged when it was made: nothing left to do.
		notListed := []pulid.ID{f.privateInteraction.ID, doneTask.ID, laterTask.ID, rep2Task.ID, freshKP.ID, endedKP.ID, travelling.ID, tested.ID,
			farOrder.ID, deliveredOrder.ID, freshIssue.ID, resolvedIssue.ID, draftAck.ID, doneAck.ID,
			tomorrowVisit.ID, yesterdayVisit.ID, southTask.ID, f.acmeSample.ID, f.openInteraction.ID,
			// Overdue key persons are listed by their account's row, not one by one.
			staleKP.ID, f.acmeKeyPerson.ID}

		rep1 := e.token(f.rep1)
		got, d := rptToday(t, e, rep1)
		for id, kind := range want {
			if got[string(id)] != kind {
				t.Errorf("rep1: %s listed as %q, want %s", id, got[string(id)], kind)
			}
		}
		for _, id := range notListed {
			if k, ok := got[string(id)]; ok {
				t.Errorf("rep1: %s must not be listed (got %s)", id, k)
			}
		}
		if len(got) != len(want) {
			t.Errorf("rep1: %d items, want %d: %v", len(got), len(want), got)
		}
		for _, it := range rptList(dig(d, "today", "items")) {
			if dig(it, "customer", "id") != string(acme) {
				t.Errorf("rep1: item %v not linked to its account", it)
			}
			if dig(it, "kind") == "VISIT_DUE" && dig(it, "phone") != "13911112222" {
				t.Errorf("rep1: today's visit %v, want it called on its guest's mobile", it)
			}
			// The account's overdue key persons are one row, titled by the most overdue
			// one's name and called on their mobile.
			if dig(it, "kind") == "KEY_PERSON_OVERDUE" {
				if dig(it, "title") != "王总 等 2 人" || num(dig(it, "members")) != 2 || dig(it, "phone") != "13800001111" {
					t.Errorf("rep1: key person row %v, want 王总 等 2 人 with their mobile", it)
				}
				if r := dig(it, "reason").(string); !strings.HasPrefix(r, "2 位关键人待联系；最久的：已 40 天未联系") {
					t.Errorf("rep1: key person reason %q", r)
				}
			}
			wantUrgency := map[string]string{"ISSUE_PAST_SLA": "NOW", "ORDER_LATE": "NOW", "CHANGE_NOTICE_PENDING": "NOW",
				"VISIT_DUE": "TODAY", "TASK_DUE": "TODAY", "TASK_OVERDUE": "TODAY", "KEY_PERSON_OVERDUE": "LATER", "SAMPLE_NOT_RECEIVED": "LATER"}
			if w, ok := wantUrgency[dig(it, "kind").(string)]; ok && dig(it, "urgency") != w {
				t.Errorf("rep1: %s is %v, want %s", dig(it, "kind"), dig(it, "urgency"), w)
			}
			if dig(it, "node", "id") == string(lostSample.ID) {
				if r := dig(it, "reason").(string); !strings.Contains(r, "10") || !strings.Contains(r, "天") {
					t.Errorf("rep1 (zh): sample reason %q", r)
				}
				if due := rptTime(t, dig(it, "due")); !due.Equal(lostSample.ShippedAt.Add(7 * rptDay)) {
					t.Errorf("sample due %v, want shipped + 7 days", due)
				}
			}
		}

		// rep2 is in rep1's team but owns none of these items: only their own task.
		got, _ = rptToday(t, e, e.token(f.rep2))
		if len(got) != 1 || got[string(rep2Task.ID)] != "TASK_OVERDUE" {
			t.Errorf("rep2: %v, want only their own task", got)
		}
		// rep3 sees only the south task.
		got, _ = rptToday(t, e, e.token(f.rep3))
		if len(got) != 1 || got[string(southTask.ID)] != "TASK_OVERDUE" {
			t.Errorf("rep3: %v, want only the south task", got)
		}
		// The manager sees the team's accounts (not tasks assigned to others), in English.
		c.User.UpdateOneID(f.manager.ID).SetLocale(user.LocaleEn).ExecX(sys)
		got, d = rptToday(t, e, e.token(f.manager))
		if got[string(lostSample.ID)] != "SAMPLE_NOT_RECEIVED" || got[string(lateIssue.ID)] != "ISSUE_PAST_SLA" {
			t.Errorf("manager: team items missing: %v", got)
		}
		if _, ok := got[string(overdueTask.ID)]; ok {
			t.Errorf("manager: rep1's task listed")
		}
		if _, ok := got[string(southTask.ID)]; ok {
			t.Errorf("manager: another team's task listed")
		}
		for _, it := range rptList(dig(d, "today", "items")) {
			if dig(it, "node", "id") == string(lostSample.ID) && !strings.Contains(dig(it, "reason").(string), "Shipped 10 days ago") {
				t.Errorf("manager (en): sample reason %q", dig(it, "reason"))
			}
		}
		// Analysts have no Today list.
		got, _ = rptToday(t, e, e.token(f.analyst))
		if len(got) != 0 {
			t.Errorf("analyst: %v", got)
		}

		// The number of statements does not grow with the data.
		_, before := e.rptCount(rep1, todayQuery, nil)
		for i := 0; i < 5; i++ {
			c.Task.Create().SetCustomerID(acme).SetAssigneeID(f.rep1.ID).SetTitle("more").SetDueAt(now.Add(-rptDay)).ExecX(sys)
			c.KeyPerson.Create().SetCustomerID(acme).SetContactID(mkContact("more").ID).SetDecisionRole("USER").ExecX(sys)
			mkSample(sample.StatusSHIPPED).SetShippedAt(now.Add(-20 * rptDay)).ExecX(sys)
			c.Issue.Create().SetCustomerID(acme).SetTitle("more").SetCategory(issue.CategoryOTHER).SetSeverity(issue.SeverityLOW).
				SetReportedAt(now.Add(-10 * rptDay)).ExecX(sys)
		}
		d, after := e.rptCount(rep1, todayQuery, nil)
		t.Logf("today: %d SQL statements with %d items", after, num(dig(d, "today", "total")))
		if after != before {
			t.Errorf("statements grew with the data: %d → %d", before, after)
		}
		// A page carries its kind's count (graph's counted): a page of 100 (none full)
		// and a page of 1 (full where there are items) take the same statements and
		// count the same.
		counts := `query($first: Int) { today(first: $first) { total counts { kind count } } }`
		whole, wholeN := e.rptCount(rep1, counts, map[string]any{"first": 100})
		one, oneN := e.rptCount(rep1, counts, map[string]any{"first": 1})
		if stringOf(dig(whole, "today")) != stringOf(dig(one, "today")) {
			t.Errorf("counts differ with the page size: %v and %v", dig(whole, "today"), dig(one, "today"))
		}
		if wholeN != oneN {
			t.Errorf("pages that hold their kind whole took %d statements, pages of one %d: want the same", wholeN, oneN)
		}
		// The 5 key persons join their account's row.
		if n := num(dig(d, "today", "total")); n != len(want)+15 {
			t.Errorf("after adding 15 items and 5 key persons of a listed account: total %d, want %d", n, len(want)+15)
		}
	})
}

func rptNextDay(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day()+1, 0, 0, 0, 0, time.UTC)
}

const reportQuery = `query($id: ID!) { customerReport(id: $id) {
	customer { id }
	classification { score tier inputs { name value } }
	keyPersons { id } openNeeds { id } competitors { id } pitch { id }
	samplesInFlight { id } ordersInFlight { id } openIssues { id } serviceLevel { id }
	lastInteractions { id } promises openTasks { id }
	stageTimeline { stage enteredAt leftAt days }
	repProgress { user { id } interactions visits samples samplesConverted conversionRate firstContactAt lastContactAt }
	generatedAt
} }`

func TestCustomerReport(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, sys, f := e.app.DB.Client, e.sys, e.f
		imp := history.Importing(sys)
		now := time.Now().UTC().Truncate(time.Second)
		acme := f.acmeEast.ID

		c.Customer.UpdateOneID(acme).SetScale(5).SetTechnicalLevel(5).SetCredit(5).SetDemand(5).SetEaseOfClosing(4).ExecX(sys)
		endedKP := c.KeyPerson.Create().SetCustomerID(acme).SetContactID(f.acmeContact.ID).SetDecisionRole("USER").
			SetActiveTo(now.Add(-rptDay)).SaveX(sys)
		openNeed := c.Need.Create().SetCustomerID(acme).SetLevel("PRODUCT").SetDescription("耐黄变").SaveX(sys)
		addressed := c.Need.Create().SetCustomerID(acme).SetLevel("COMPANY").SetDescription("降本").SetStatus("ADDRESSED").SaveX(sys)
		c.Need.Create().SetCustomerID(acme).SetLevel("INDUSTRY").SetDescription("met").SetStatus("MET").ExecX(sys)
		comp := c.Competitor.Create().SetCustomerID(acme).SetName("BASF").SaveX(sys)
		c.Pitch.Create().SetCustomerID(acme).SetEntryPoint("PRODUCT").ExecX(sys)
		time.Sleep(10 * time.Millisecond)
		activePitch := c.Pitch.Create().SetCustomerID(acme).SetEntryPoint("TECHNOLOGY").SaveX(sys)
		time.Sleep(10 * time.Millisecond)
		c.Pitch.Create().SetCustomerID(acme).SetEntryPoint("PERSON").SetActive(false).ExecX(sys)

		mkSample := func(st sample.Status, by *ent.User) *ent.Sample {
			s := c.Sample.Create().SetCustomerID(acme).SetProductID(f.product.ID).SetQuantity(1).SetStatus(st)
			if by != nil {
				s.SetRequestedByID(by.ID)
			}
			return s.SaveX(sys)
		}
		shipped := mkSample(sample.StatusSHIPPED, f.rep1)
		mkSample(sample.StatusCONVERTED, f.rep1)
		mkSample(sample.StatusFAILED, f.rep1)
		mkSample(sample.StatusABANDONED, f.rep2)
		openOrder := c.Order.Create().SetCustomerID(acme).SetNumber("SO-OPEN").SaveX(imp)
		c.Order.Create().SetCustomerID(acme).SetNumber("SO-CLOSED").SetStatus(order.StatusCLOSED).ExecX(imp)
		c.Order.Create().SetCustomerID(acme).SetNumber("SO-CANCELLED").SetStatus(order.StatusCANCELLED).ExecX(imp)
		openIssue := c.Issue.Create().SetCustomerID(acme).SetTitle("open").SetCategory(issue.CategoryOTHER).SaveX(sys)
		c.Issue.Create().SetCustomerID(acme).SetTitle("closed").SetCategory(issue.CategoryOTHER).SetStatus(issue.StatusCLOSED).ExecX(sys)
		coa := c.ServiceDocument.Create().SetCustomerID(acme).SetType("COA").SetSince(now.Add(-100 * rptDay)).SaveX(sys)
		c.ServiceDocument.Create().SetCustomerID(acme).SetType("MANUAL_TDS").SetSince(now.Add(-200 * rptDay)).SetUntil(now.Add(-100 * rptDay)).ExecX(sys)

		// The fixture's two interactions (rep1) move a month back; three recent ones and a
		// planned one follow.
		c.Interaction.UpdateOneID(f.privateInteraction.ID).SetOccurredAt(now.Add(-30 * rptDay)).ExecX(sys)
		c.Interaction.UpdateOneID(f.openInteraction.ID).SetOccurredAt(now.Add(-29 * rptDay)).ExecX(sys)
		mkIn := func(by *ent.User, kind interaction.Kind, at time.Time, promises string) *ent.Interaction {
			return c.Interaction.Create().SetCustomerID(acme).SetAuthorID(by.ID).SetKind(kind).SetOccurredAt(at).SetPromises(promises).SaveX(imp)
		}
		a := mkIn(f.rep1, interaction.KindVISIT, now.Add(-3*rptDay), "下周送 COA")
		b := mkIn(f.rep2, interaction.KindPHONE, now.Add(-2*rptDay), "  ")
		cc := mkIn(f.rep1, interaction.KindEMAIL, now.Add(-rptDay), "寄 5kg 中试样")
		mkIn(f.rep1, interaction.KindVISIT, now.Add(2*rptDay), "a planned promise")

		openTask := c.Task.Create().SetCustomerID(acme).SetTitle("open").SetDueAt(now.Add(rptDay)).SaveX(sys)
		undated := c.Task.Create().SetCustomerID(acme).SetTitle("undated").SaveX(sys)
		c.Task.Create().SetCustomerID(acme).SetTitle("done").SetStatus(task.StatusDONE).ExecX(sys)

		// The stage history, written by hand.
		c.StageChange.Delete().Where(stagechange.CustomerID(acme)).ExecX(sys)
		stages := []struct {
			stage string
			at    time.Time
		}{{"PROSPECT", now.Add(-100 * rptDay)}, {"CONTACTED", now.Add(-80 * rptDay)}, {"VISITED", now.Add(-50 * rptDay)}, {"SAMPLING", now.Add(-20 * rptDay)}}
		for i, s := range stages {
			sc := c.StageChange.Create().SetCustomerID(acme).SetToStage(stagechange.ToStage(s.stage)).SetChangedAt(s.at)
			if i > 0 {
				sc.SetFromStage(stagechange.FromStage(stages[i-1].stage))
			}
			sc.ExecX(sys)
		}

		rep1 := e.token(f.rep1)
		d, n := e.rptCount(rep1, reportQuery, map[string]any{"id": acme})
		r := dig(d, "customerReport")
		eq := func(what string, got []string, want ...pulid.ID) {
			t.Helper()
			w := make([]string, len(want))
			for i, id := range want {
				w[i] = string(id)
			}
			if !slices.Equal(got, w) {
				t.Errorf("%s = %v, want %v", what, got, w)
			}
		}
		if dig(r, "customer", "id") != string(acme) {
			t.Errorf("customer %v", dig(r, "customer"))
		}
		if dig(r, "classification", "tier") != "A" || len(rptList(dig(r, "classification", "inputs"))) != 5 {
			t.Errorf("classification %v", dig(r, "classification"))
		}
		eq("keyPersons", rptIDs(dig(r, "keyPersons"), "id"), f.acmeKeyPerson.ID)
		_ = endedKP
		eq("openNeeds", rptIDs(dig(r, "openNeeds"), "id"), openNeed.ID, addressed.ID)
		eq("competitors", rptIDs(dig(r, "competitors"), "id"), comp.ID)
		if dig(r, "pitch", "id") != string(activePitch.ID) {
			t.Errorf("pitch %v, want the latest active %s", dig(r, "pitch"), activePitch.ID)
		}
		inFlight := rptIDs(dig(r, "samplesInFlight"), "id")
		slices.Sort(inFlight)
		wantFlight := []string{string(shipped.ID), string(f.acmeSample.ID)}
		slices.Sort(wantFlight)
		if !slices.Equal(inFlight, wantFlight) {
			t.Errorf("samplesInFlight %v, want %v", inFlight, wantFlight)
		}
		eq("ordersInFlight", rptIDs(dig(r, "ordersInFlight"), "id"), openOrder.ID)
		eq("openIssues", rptIDs(dig(r, "openIssues"), "id"), openIssue.ID)
		eq("serviceLevel", rptIDs(dig(r, "serviceLevel"), "id"), coa.ID)
		eq("lastInteractions", rptIDs(dig(r, "lastInteractions"), "id"), cc.ID, b.ID, a.ID)
		if p := dig(r, "promises"); !slices.Equal(rptStrings(p), []string{"寄 5kg 中试样", "下周送 COA"}) {
			t.Errorf("promises %v", p)
		}
		eq("openTasks", rptIDs(dig(r, "openTasks"), "id"), openTask.ID, undated.ID)

		spans := rptList(dig(r, "stageTimeline"))
		if len(spans) != len(stages) {
			t.Fatalf("stageTimeline %v", spans)
		}
		for i, s := range spans {
			if dig(s, "stage") != stages[i].stage || !rptTime(t, dig(s, "enteredAt")).Equal(stages[i].at) {
				t.Errorf("span %d = %v, want %s at %v", i, s, stages[i].stage, stages[i].at)
			}
			days, _ := dig(s, "days").(float64)
			if i+1 < len(stages) {
				if !rptTime(t, dig(s, "leftAt")).Equal(stages[i+1].at) {
					t.Errorf("span %d left at %v, want %v", i, dig(s, "leftAt"), stages[i+1].at)
				}
				if want := stages[i+1].at.Sub(stages[i].at).Hours() / 24; days != want {
					t.Errorf("span %d: %v days, want %v", i, days, want)
				}
			} else if dig(s, "leftAt") != nil || days < 20 || days > 20.1 {
				t.Errorf("current span %v: want no leftAt and about 20 days", s)
			}
		}

		progress := map[string]any{}
		for _, p := range rptList(dig(r, "repProgress")) {
			progress[dig(p, "user", "id").(string)] = p
		}
		if len(progress) != 2 {
			t.Fatalf("repProgress %v", dig(r, "repProgress"))
		}
		p1 := progress[string(f.rep1.ID)]
		// rep1: the fixture's private visit and phone call, a visit and an email (the
		// planned visit has not happened); 3 samples, 1 converted of 2 closed.
		if num(dig(p1, "interactions")) != 4 || num(dig(p1, "visits")) != 2 || num(dig(p1, "samples")) != 3 ||
			num(dig(p1, "samplesConverted")) != 1 || dig(p1, "conversionRate") != 0.5 ||
			!rptTime(t, dig(p1, "firstContactAt")).Equal(now.Add(-30*rptDay)) || !rptTime(t, dig(p1, "lastContactAt")).Equal(now.Add(-rptDay)) {
			t.Errorf("rep1 progress %v", p1)
		}
		p2 := progress[string(f.rep2.ID)]
		if num(dig(p2, "interactions")) != 1 || num(dig(p2, "visits")) != 0 || num(dig(p2, "samples")) != 1 ||
			num(dig(p2, "samplesConverted")) != 0 || dig(p2, "conversionRate") != 0.0 {
			t.Errorf("rep2 progress %v", p2)
		}
		if dig(r, "repProgress", 0, "user", "id") != string(f.rep1.ID) {
			t.Errorf("repProgress not led by the most active person")
		}

		// More data, same number of statements.
		for i := 0; i < 5; i++ {
			mkSample(sample.StatusSHIPPED, f.rep2)
			mkIn(f.rep2, interaction.KindVISIT, now.Add(-time.Duration(10+i)*rptDay), "")
			c.Task.Create().SetCustomerID(acme).SetTitle("more").ExecX(sys)
			c.KeyPerson.Create().SetCustomerID(acme).SetContactID(f.acmeContact.ID).SetDecisionRole("USER").ExecX(sys)
		}
		d, n2 := e.rptCount(rep1, reportQuery, map[string]any{"id": acme})
		t.Logf("customerReport: %d SQL statements, then %d with more data", n, n2)
		if n2 != n {
			t.Errorf("statements grew with the data: %d → %d", n, n2)
		}
		if got := len(rptList(dig(d, "customerReport", "samplesInFlight"))); got != 7 {
			t.Errorf("samplesInFlight after adding 5: %d", got)
		}

		// Another team's rep: the account does not exist for them.
		expectCode(t, e.do(e.token(f.rep3), reportQuery, map[string]any{"id": acme}), "NOT_FOUND")
	})
}

func rptStrings(v any) []string {
	var out []string
	for _, x := range rptList(v) {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}

const timelineQuery = `query($c: ID!, $n: Int!, $a: String) { timeline(customerID: $c, first: $n, after: $a) {
	edges { cursor node { kind at title node { id } } } pageInfo { hasNextPage endCursor } } }`

type rptEntry struct {
	kind, id, title string
	at              time.Time
}

func (e *env) timelinePage(tok string, cu pulid.ID, n int, after any) ([]rptEntry, bool, any) {
	e.t.Helper()
	d := e.ok(tok, timelineQuery, map[string]any{"c": cu, "n": n, "a": after})
	var out []rptEntry
	for _, ed := range rptList(dig(d, "timeline", "edges")) {
		out = append(out, rptEntry{
			kind: dig(ed, "node", "kind").(string), id: dig(ed, "node", "node", "id").(string),
			title: dig(ed, "node", "title").(string), at: rptTime(e.t, dig(ed, "node", "at")),
		})
	}
	return out, dig(d, "timeline", "pageInfo", "hasNextPage") == true, dig(d, "timeline", "pageInfo", "endCursor")
}

func TestTimeline(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, sys, f := e.app.DB.Client, e.sys, e.f
		imp := history.Importing(sys)
		now := time.Now().UTC().Truncate(time.Second)
		acme := f.acmeEast.ID
		at := func(hoursAgo int) time.Time { return now.Add(-time.Duration(hoursAgo) * time.Hour) }
		want := map[string]string{} // id → kind

		for _, in := range []*ent.Interaction{f.privateInteraction, f.openInteraction} {
			want[string(in.ID)] = "INTERACTION"
		}
		for _, sc := range c.StageChange.Query().Where(stagechange.CustomerID(acme)).AllX(sys) {
			want[string(sc.ID)] = "STAGE_CHANGE"
		}
		visit := c.Interaction.Create().SetCustomerID(acme).SetAuthorID(f.rep1.ID).SetKind(interaction.KindVISIT).
			SetOccurredAt(at(100)).SetSummary("讨论中试").SaveX(imp)
		want[string(visit.ID)] = "INTERACTION"
		planned := c.Interaction.Create().SetCustomerID(acme).SetAuthorID(f.rep1.ID).SetKind(interaction.KindVISIT).
			SetOccurredAt(now.Add(48 * time.Hour)).SaveX(imp)
		sc := c.StageChange.Create().SetCustomerID(acme).SetFromStage("VISITED").SetToStage("SAMPLING").SetChangedAt(at(90)).SaveX(sys)
		want[string(sc.ID)] = "STAGE_CHANGE"
		se := c.SampleEvent.Create().SetSampleID(f.acmeSample.ID).SetCustomerID(acme).SetFromStatus("SHIPPED").SetToStatus("RECEIVED").SetAt(at(80)).SaveX(sys)
		want[string(se.ID)] = "SAMPLE_EVENT"
		tr := c.Trial.Create().SetSampleID(f.acmeSample.ID).SetKind(trial.KindLAB).SetStartedAt(at(70)).SaveX(imp)
		want[string(tr.ID)] = "TRIAL"
		tr2 := c.Trial.Create().SetSampleID(f.acmeSample.ID).SetKind(trial.KindPILOT).SaveX(imp) // created now: its creation time
		want[string(tr2.ID)] = "TRIAL"
		o := c.Order.Create().SetCustomerID(acme).SetNumber("SO-TL-1").SetOrderedAt(at(60)).SaveX(imp)
		want[string(o.ID)] = "ORDER"
		oe := c.OrderEvent.Create().SetOrderID(o.ID).SetCustomerID(acme).SetStep("CONFIRMED").SetAt(at(59)).SaveX(sys)
		want[string(oe.ID)] = "ORDER_EVENT"
		sh := c.Shipment.Create().SetOrderID(o.ID).SetCarrier("顺丰").SetShippedAt(at(50)).SaveX(sys)
		want[string(sh.ID)] = "SHIPMENT"
		sh2 := c.Shipment.Create().SetOrderID(o.ID).SaveX(sys) // not shipped: its creation time
		want[string(sh2.ID)] = "SHIPMENT"
		// Three entries at the same instant, from different sources: ordered by ID.
		same := at(40)
		is := c.Issue.Create().SetCustomerID(acme).SetTitle("批次色差").SetCategory(issue.CategoryQUALITY_FLUCTUATION).SetReportedAt(same).SaveX(sys)
		want[string(is.ID)] = "ISSUE"
		as := c.Assistance.Create().SetCustomerID(acme).SetKind("TESTING").SetDescription("帮客户测样").SetRequestedAt(same).SaveX(sys)
		want[string(as.ID)] = "ASSISTANCE"
		doc := c.Document.Create().SetCustomerID(acme).SetType("COA").SetTitle("COA 批次 2301").SetPublishedAt(same).SaveX(sys)
		want[string(doc.ID)] = "DOCUMENT"
		cn := c.ChangeNotice.Create().SetProductID(f.product.ID).SetKind(changenotice.KindSITE).SetTitle("搬厂").
			SetEffectiveAt(now.Add(30 * rptDay)).SetStatus(changenotice.StatusISSUED).SaveX(sys)
		ack := c.ChangeNoticeAck.Create().SetChangeNoticeID(cn.ID).SetCustomerID(acme).SaveX(sys)
		want[string(ack.ID)] = "CHANGE_NOTICE"
		mi := c.MarketInfo.Create().SetTitle("树脂涨价").SetKind("PRICE_TREND").SaveX(sys)
		share := c.MarketInfoShare.Create().SetMarketInfoID(mi.ID).SetCustomerID(acme).SetSharedAt(at(30)).SaveX(sys)
		want[string(share.ID)] = "MARKET_INFO"
		// Many interactions on the same rptDay, and rows of other accounts that must not appear.
		for i := 0; i < 12; i++ {
			in := c.Interaction.Create().SetCustomerID(acme).SetAuthorID(f.rep1.ID).SetKind(interaction.KindPHONE).
				SetOccurredAt(at(200 + i%3)).SetFindings("电话跟进").SaveX(imp)
			want[string(in.ID)] = "INTERACTION"
		}
		otherIssue := c.Issue.Create().SetCustomerID(f.rep2Own.ID).SetTitle("other").SetCategory(issue.CategoryOTHER).SetReportedAt(at(10)).SaveX(sys)
		otherDoc := c.Document.Create().SetTitle("general TDS").SetType("MANUAL_TDS").SetPublishedAt(at(10)).SaveX(sys)

		rep1 := e.token(f.rep1)
		full, more, _ := e.timelinePage(rep1, acme, 100, nil)
		if more {
			t.Errorf("one page of 100 should hold everything")
		}
		got := map[string]string{}
		for i, en := range full {
			if _, dup := got[en.id]; dup {
				t.Errorf("%s listed twice", en.id)
			}
			got[en.id] = en.kind
			if i > 0 {
				prev := full[i-1]
				if en.at.After(prev.at) || (en.at.Equal(prev.at) && en.id > prev.id) {
					t.Errorf("entry %d (%s %v) out of newest-first order after %s %v", i, en.id, en.at, prev.id, prev.at)
				}
			}
			if strings.TrimSpace(en.title) == "" {
				t.Errorf("entry %s has no title", en.id)
			}
		}
		for id, kind := range want {
			if got[id] != kind {
				t.Errorf("%s: kind %q, want %s", id, got[id], kind)
			}
		}
		for _, id := range []pulid.ID{planned.ID, otherIssue.ID, otherDoc.ID} {
			if _, ok := got[string(id)]; ok {
				t.Errorf("%s must not be on the timeline", id)
			}
		}
		if len(full) != len(want) {
			t.Errorf("%d entries, want %d", len(full), len(want))
		}
		// Statuses, outcomes, steps and kinds are said in the viewer's language, never by code.
		rawCode := regexp.MustCompile(`\b(SHIPPED|RECEIVED|PENDING|MEDIUM|CONFIRMED|PREPARING|IN_TRANSIT|TESTING|LAB_TRIAL)\b`)
		for _, en := range full {
			if code := rawCode.FindString(en.title); code != "" {
				t.Errorf("timeline title %q shows the raw code %s", en.title, code)
			}
		}
		for _, en := range full {
			switch en.id {
			case string(se.ID):
				if !strings.Contains(en.title, "TX-AO1010") || !strings.Contains(en.title, "已寄出 → 已签收") {
					t.Errorf("sample event title %q", en.title)
				}
				if !en.at.Equal(at(80)) {
					t.Errorf("sample event at %v", en.at)
				}
			case string(sc.ID):
				if !strings.Contains(en.title, "已拜访 → 送样中") { // the stages by name, in the viewer's language
					t.Errorf("stage change title %q", en.title)
				}
			case string(tr2.ID):
				if !en.at.Equal(c.Trial.GetX(sys, tr2.ID).CreatedAt) {
					t.Errorf("unstarted trial at %v, want its creation time", en.at)
				}
			case string(sh.ID):
				if !en.at.Equal(at(50)) || !strings.Contains(en.title, "SO-TL-1") {
					t.Errorf("shipment %v %q", en.at, en.title)
				}
			case string(ack.ID):
				if !strings.Contains(en.title, "搬厂") {
					t.Errorf("change notice title %q", en.title)
				}
			}
		}

		// Pages of 4 walk every entry exactly once, in the same order.
		for _, size := range []int{4, 7} {
			var walked []rptEntry
			var after any
			pages := 0
			var counts []int64
			for {
				before := e.statements.Load()
				page, more, end := e.timelinePage(rep1, acme, size, after)
				counts = append(counts, e.statements.Load()-before)
				pages++
				if len(page) > size || (more && len(page) != size) {
					t.Fatalf("page %d of size %d has %d entries (more: %v)", pages, size, len(page), more)
				}
				walked = append(walked, page...)
				if !more {
					break
				}
				if pages > 50 {
					t.Fatal("paging does not end")
				}
				after = end
			}
			if len(walked) != len(full) {
				t.Errorf("pages of %d walked %d entries, want %d", size, len(walked), len(full))
			}
			for i := range min(len(walked), len(full)) {
				if walked[i].id != full[i].id {
					t.Errorf("pages of %d: entry %d is %s, want %s", size, i, walked[i].id, full[i].id)
					break
				}
			}
			t.Logf("timeline pages of %d: SQL statements per page %v", size, counts)
			if m := slices.Max(counts); m > 25 {
				t.Errorf("a page took %d statements", m)
			}
		}

		expectCode(t, e.do(rep1, timelineQuery, map[string]any{"c": acme, "n": 5, "a": "not a cursor"}), "BAD_USER_INPUT")
		expectCode(t, e.do(e.token(f.rep3), timelineQuery, map[string]any{"c": acme, "n": 5}), "NOT_FOUND")
	})
}

const relationshipQuery = `query($c: ID, $m: Int) { relationshipMap(customerID: $c, sinceMonths: $m) {
	links { user { id } contact { id } customer { id } interactions lastContactAt strength }
	cells { ourFunction theirDepartment links interactions lastContactAt } } }`

func TestRelationshipMap(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, sys, f := e.app.DB.Client, e.sys, e.f
		imp := history.Importing(sys)
		now := time.Now().UTC().Truncate(time.Second)
		acme := f.acmeEast.ID
		c.User.UpdateOneID(f.rep2.ID).SetFunction(user.FunctionTECHNICAL).ExecX(sys)
		mkContact := func(cu pulid.ID, name string, dept contact.Department) *ent.Contact {
			return c.Contact.Create().SetCustomerID(cu).SetName(name).SetDepartment(dept).SaveX(sys)
		}
		tech := mkContact(acme, "技术部 李工", contact.DepartmentTECHNICAL)
		buyer := mkContact(acme, "采购 王经理", contact.DepartmentPURCHASING)
		qc := mkContact(acme, "品管 赵工", contact.DepartmentQC)
		rep2Buyer := mkContact(f.rep2Own.ID, "Purchasing", contact.DepartmentPURCHASING)
		mkIn := func(cu pulid.ID, author *ent.User, at time.Time, private bool, ours []*ent.User, theirs ...*ent.Contact) {
			b := c.Interaction.Create().SetCustomerID(cu).SetAuthorID(author.ID).SetKind(interaction.KindMEETING).SetOccurredAt(at).SetPrivate(private)
			for _, u := range ours {
				b.AddOurParticipantIDs(u.ID)
			}
			for _, ct := range theirs {
				b.AddTheirParticipantIDs(ct.ID)
			}
			b.ExecX(imp)
		}
		us := func(u ...*ent.User) []*ent.User { return u }
		mkIn(acme, f.rep1, now.Add(-5*rptDay), false, us(f.rep1, f.manager), tech, buyer) // I1
		mkIn(acme, f.rep2, now.Add(-10*rptDay), false, us(f.rep2), tech)                  // I2
		mkIn(acme, f.rep1, now.Add(-200*rptDay), false, us(f.rep1), tech, qc)             // I3
		mkIn(acme, f.rep1, now.Add(-400*rptDay), false, us(f.rep1), tech)                 // outside 12 months
		mkIn(acme, f.rep1, now.Add(5*rptDay), false, us(f.rep1), tech)                    // planned
		mkIn(acme, f.rep1, now.Add(-rptDay), false, us(f.rep1))                           // nobody of theirs
		mkIn(f.rep2Own.ID, f.rep2, now.Add(-3*rptDay), false, us(f.rep2), rep2Buyer)
		mkIn(f.rep2Own.ID, f.rep2, now.Add(-2*rptDay), true, us(f.rep2), rep2Buyer) // private: rep1 does not see it
		mkIn(f.southAcct.ID, f.rep3, now.Add(-3*rptDay), false, us(f.rep3), f.southContact)

		rep1 := e.token(f.rep1)
		d, n := e.rptCount(rep1, relationshipQuery, map[string]any{"c": acme, "m": 12})
		t.Logf("relationshipMap: %d SQL statements", n)
		type link struct {
			n        int
			last     time.Time
			strength float64
		}
		links := map[[2]string]link{}
		var seq [][2]string
		for _, l := range rptList(dig(d, "relationshipMap", "links")) {
			k := [2]string{dig(l, "user", "id").(string), dig(l, "contact", "id").(string)}
			s, _ := dig(l, "strength").(float64)
			links[k] = link{num(dig(l, "interactions")), rptTime(t, dig(l, "lastContactAt")), s}
			seq = append(seq, k)
			if dig(l, "customer", "id") != string(acme) {
				t.Errorf("link %v on account %v", k, dig(l, "customer", "id"))
			}
		}
		window := now.Sub(now.AddDate(0, -12, 0)).Hours() / 24
		oldRecency := 1 - 0.8*(200-30)/(window-30)
		k := func(u *ent.User, ct *ent.Contact) [2]string { return [2]string{string(u.ID), string(ct.ID)} }
		wantLinks := map[[2]string]link{
			k(f.rep1, tech):     {2, now.Add(-5 * rptDay), 0.2},
			k(f.rep1, buyer):    {1, now.Add(-5 * rptDay), 0.1},
			k(f.manager, tech):  {1, now.Add(-5 * rptDay), 0.1},
			k(f.manager, buyer): {1, now.Add(-5 * rptDay), 0.1},
			k(f.rep2, tech):     {1, now.Add(-10 * rptDay), 0.1},
			k(f.rep1, qc):       {1, now.Add(-200 * rptDay), 0.1 * oldRecency},
		}
		if len(links) != len(wantLinks) {
			t.Errorf("%d links, want %d: %v", len(links), len(wantLinks), links)
		}
		for key, w := range wantLinks {
			g, ok := links[key]
			if !ok || g.n != w.n || !g.last.Equal(w.last) || math.Abs(g.strength-w.strength) > 0.002 {
				t.Errorf("link %v = %+v, want %+v", key, g, w)
			}
		}
		if len(seq) > 0 && seq[0] != k(f.rep1, tech) {
			t.Errorf("strongest link first: got %v", seq[0])
		}
		if len(seq) == len(wantLinks) && seq[len(seq)-1] != k(f.rep1, qc) {
			t.Errorf("the old link should be weakest: got %v last", seq[len(seq)-1])
		}
		for i := 1; i < len(seq); i++ {
			if links[seq[i]].strength > links[seq[i-1]].strength {
				t.Errorf("links not sorted by strength at %d", i)
			}
		}

		type cell struct {
			links, interactions int
			last                time.Time
		}
		cells := map[string]cell{}
		for _, cl := range rptList(dig(d, "relationshipMap", "cells")) {
			key := dig(cl, "ourFunction").(string) + "×" + dig(cl, "theirDepartment").(string)
			cells[key] = cell{num(dig(cl, "links")), num(dig(cl, "interactions")), rptTime(t, dig(cl, "lastContactAt"))}
		}
		wantCells := map[string]cell{
			"SALES×TECHNICAL":     {2, 2, now.Add(-5 * rptDay)}, // rep1 and the manager; I1 and I3
			"SALES×PURCHASING":    {2, 1, now.Add(-5 * rptDay)}, // rep1 and the manager, both in I1
			"SALES×QC":            {1, 1, now.Add(-200 * rptDay)},
			"TECHNICAL×TECHNICAL": {1, 1, now.Add(-10 * rptDay)},
		}
		if len(cells) != len(wantCells) {
			t.Errorf("%d cells, want %d: %v", len(cells), len(wantCells), cells)
		}
		for key, w := range wantCells {
			if g := cells[key]; g.links != w.links || g.interactions != w.interactions || !g.last.Equal(w.last) {
				t.Errorf("cell %s = %+v, want %+v", key, g, w)
			}
		}

		// Across every account rep1 sees: rep2's account is in, its private meeting and
		// the south account are not. A window of one month drops the 200-rptDay-old link.
		d = e.ok(rep1, relationshipQuery, map[string]any{"m": 12})
		all := map[[2]string]int{}
		for _, l := range rptList(dig(d, "relationshipMap", "links")) {
			all[[2]string{dig(l, "user", "id").(string), dig(l, "contact", "id").(string)}] = num(dig(l, "interactions"))
		}
		if len(all) != len(wantLinks)+1 || all[k(f.rep2, rep2Buyer)] != 1 {
			t.Errorf("across accounts: %v", all)
		}
		if _, ok := all[k(f.rep3, f.southContact)]; ok {
			t.Errorf("another team's link is visible")
		}
		d = e.ok(rep1, relationshipQuery, map[string]any{"c": acme, "m": 1})
		if got := len(rptList(dig(d, "relationshipMap", "links"))); got != len(wantLinks)-1 {
			t.Errorf("one month: %d links, want %d", got, len(wantLinks)-1)
		}

		// Many more interactions: the same number of statements.
		for i := 0; i < 10; i++ {
			mkIn(acme, f.rep1, now.Add(-time.Duration(20+i)*rptDay), false, us(f.rep1, f.rep2), tech, buyer, qc)
		}
		d, n2 := e.rptCount(rep1, relationshipQuery, map[string]any{"c": acme, "m": 12})
		if n2 != n {
			t.Errorf("statements grew with the data: %d → %d", n, n2)
		}
		if s, _ := dig(d, "relationshipMap", "links", 0, "strength").(float64); s != 1 {
			t.Errorf("12 interactions in the last month: strength %v, want 1", s)
		}

		expectCode(t, e.do(e.token(f.rep3), relationshipQuery, map[string]any{"c": acme, "m": 12}), "NOT_FOUND")
		expectCode(t, e.do(rep1, relationshipQuery, map[string]any{"c": acme, "m": 0}), "BAD_USER_INPUT")
	})
}

// Today carries the most urgent five of each kind unless asked for more; the counts
// and the total count them all, and the rest of a kind comes by kind and offset. Tasks
// are read whole and cut; today's visits are read a page at a time and counted.
func TestTodayPages(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, sys, f := e.app.DB.Client, e.sys, e.f
		now := time.Now().UTC()
		sod := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
		tok := e.token(f.rep1)
		const q = `query($kind: TodayKind, $first: Int, $offset: Int) { today(kind: $kind, first: $first, offset: $offset) {
			total counts { kind count } items { kind node { id } } } }`
		ask := func(kind string, vars map[string]any) ([]string, int, int) {
			d := e.ok(tok, q, vars)
			var ids []string
			for _, it := range rptList(dig(d, "today", "items")) {
				if dig(it, "kind") == kind {
					ids = append(ids, dig(it, "node", "id").(string))
				}
			}
			count := 0
			for _, k := range rptList(dig(d, "today", "counts")) {
				if dig(k, "kind") == kind {
					count = num(dig(k, "count"))
				}
			}
			return ids, count, num(dig(d, "today", "total"))
		}
		// The fixture's items of each kind come after the ones made here, which are due
		// earlier (the day's start, or long ago).
		fixture := map[string][]string{}
		for _, kind := range []string{"TASK_OVERDUE", "VISIT_DUE", "ORDER_LATE", "SAMPLE_NOT_RECEIVED", "KEY_PERSON_OVERDUE", "ISSUE_PAST_SLA"} {
			fixture[kind], _, _ = ask(kind, map[string]any{"kind": kind, "first": 100})
		}
		want := map[string][]string{} // per kind, most urgent first
		for i := range 8 {
			tk := c.Task.Create().SetCustomerID(f.acmeEast.ID).SetAssigneeID(f.rep1.ID).SetTitle(fmt.Sprintf("task %d", i)).
				SetDueAt(now.Add(-time.Duration(900-i) * rptDay)).SaveX(sys)
			want["TASK_OVERDUE"] = append(want["TASK_OVERDUE"], string(tk.ID))
		}
		for i := range 6 {
			o := c.Order.Create().SetCustomerID(f.acmeEast.ID).SetNumber(fmt.Sprintf("LATE-%d", i)).
				SetDeliveryDate(now.Add(-time.Duration(900-i) * rptDay)).SaveX(sys)
			want["ORDER_LATE"] = append(want["ORDER_LATE"], string(o.ID))
			s := c.Sample.Create().SetCustomerID(f.acmeEast.ID).SetProductID(f.product.ID).SetQuantity(1).
				SetStatus(sample.StatusSHIPPED).SetShippedAt(now.Add(-time.Duration(900-i) * rptDay)).SaveX(sys)
			want["SAMPLE_NOT_RECEIVED"] = append(want["SAMPLE_NOT_RECEIVED"], string(s.ID))
		}
		// Key persons: one row per account, in the order of its most overdue person
		// (the stored due time); problems in the order of their missed deadline.
		for i := range 7 {
			cu := c.Customer.Create().SetName(fmt.Sprintf("关键人客户 %d", i)).SetOwnerID(f.rep1.ID).SetTeamID(f.eastTeam.ID).SaveX(sys)
			for j := range 1 + i%2 {
				ct := c.Contact.Create().SetCustomerID(cu.ID).SetName(fmt.Sprintf("联系人 %d-%d", i, j)).SaveX(sys)
				c.KeyPerson.Create().SetCustomerID(cu.ID).SetContactID(ct.ID).SetDecisionRole("INFLUENCER").
					SetActiveFrom(now.Add(-time.Duration(900-i) * rptDay).Add(time.Duration(j) * time.Hour)).SaveX(sys)
			}
			want["KEY_PERSON_OVERDUE"] = append(want["KEY_PERSON_OVERDUE"], string(cu.ID))
			is := c.Issue.Create().SetCustomerID(f.acmeEast.ID).SetTitle(fmt.Sprintf("问题 %d", i)).SetCategory("QUALITY_FLUCTUATION").
				SetSeverity("MEDIUM").SetReportedAt(now.Add(-time.Duration(900-i) * rptDay)).SaveX(sys)
			want["ISSUE_PAST_SLA"] = append(want["ISSUE_PAST_SLA"], string(is.ID))
		}
		for i := range 7 {
			in := c.Interaction.Create().SetCustomerID(f.acmeEast.ID).SetKind("VISIT").SetSummary(fmt.Sprintf("visit %d", i)).
				SetOccurredAt(sod.Add(time.Duration(i+1) * time.Second)).SaveX(sys)
			// Planned earlier, its time has come and it is not logged yet.
			c.Interaction.Update().Where(interaction.ID(in.ID)).ClearLoggedAt().ExecX(sys)
			want["VISIT_DUE"] = append(want["VISIT_DUE"], string(in.ID))
		}
		for kind, ids := range fixture {
			want[kind] = append(want[kind], ids...)
		}
		_, _, all := ask("", map[string]any{"first": 100})
		for kind, ids := range want {
			got, count, total := ask(kind, nil)
			if !slices.Equal(got, ids[:5]) || count != len(ids) || total != all {
				t.Errorf("%s, first page: %v (count %d, total %d), want the five most urgent %v of %d (total %d)", kind, got, count, total, ids[:5], len(ids), all)
			}
			rest, count, _ := ask(kind, map[string]any{"kind": kind, "first": 25, "offset": 5})
			if !slices.Equal(rest, ids[5:]) || count != len(ids) {
				t.Errorf("%s, the rest: %v (count %d), want %v", kind, rest, count, ids[5:])
			}
			d := e.ok(tok, q, map[string]any{"kind": kind, "first": 2, "offset": 1})
			items := rptList(dig(d, "today", "items"))
			if len(items) != 2 || dig(items[0], "node", "id") != ids[1] || dig(items[1], "kind") != kind {
				t.Errorf("%s, first 2 from offset 1: %v", kind, items)
			}
		}
		if all < 27 {
			t.Errorf("total %d with every item", all)
		}
		for _, bad := range []map[string]any{{"first": 0}, {"first": 101}, {"offset": -1}} {
			r := e.do(tok, q, bad)
			if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
				t.Errorf("%v: %+v", bad, r.Errors)
			}
		}
	})
}

// The kinds that grow with the book are counted up to TodayCountCap, and say so; the
// pages still hold the most urgent items, also when finding them takes more than one
// read (a problem of the most urgent severity reported after a hundred others; an
// account's two hundred and fifty overdue key persons ahead of every other account's).
func TestTodayCountCap(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, sys, f := e.app.DB.Client, e.sys, e.f
		now := time.Now().UTC()
		tok := e.token(f.rep1)
		const q = `query($kind: TodayKind) { today(kind: $kind) { total totalAtLeast counts { kind count atLeast } items { kind node { id } } } }`
		var orders []*ent.OrderCreate
		for i := range graph.TodayCountCap + 5 {
			orders = append(orders, c.Order.Create().SetCustomerID(f.acmeEast.ID).SetNumber(fmt.Sprintf("CAP-%03d", i)).
				SetDeliveryDate(now.Add(-time.Duration(2000-i)*rptDay)))
		}
		late := c.Order.CreateBulk(orders...).SaveX(sys)
		var issues []*ent.IssueCreate
		for i := range graph.TodayCountCap + 4 {
			issues = append(issues, c.Issue.Create().SetCustomerID(f.acmeEast.ID).SetTitle(fmt.Sprintf("低 %d", i)).
				SetCategory("QUALITY_FLUCTUATION").SetSeverity("LOW").SetReportedAt(now.Add(-10*rptDay+time.Duration(i)*time.Minute)))
		}
		c.Issue.CreateBulk(issues...).ExecX(sys)
		// Reported after every LOW one, due before any of them (4 hours against 3 days).
		critical := c.Issue.Create().SetCustomerID(f.acmeEast.ID).SetTitle("严重").SetCategory("QUALITY_FLUCTUATION").
			SetSeverity("CRITICAL").SetReportedAt(now.Add(-10*rptDay + 200*time.Minute)).SaveX(sys)
		crowded := c.Customer.Create().SetName("关键人很多的客户").SetOwnerID(f.rep1.ID).SetTeamID(f.eastTeam.ID).SaveX(sys)
		var contacts []*ent.ContactCreate
		for i := range 250 {
			contacts = append(contacts, c.Contact.Create().SetCustomerID(crowded.ID).SetName(fmt.Sprintf("联系人 %d", i)))
		}
		var kps []*ent.KeyPersonCreate
		for i, ct := range c.Contact.CreateBulk(contacts...).SaveX(sys) {
			kps = append(kps, c.KeyPerson.Create().SetCustomerID(crowded.ID).SetContactID(ct.ID).SetDecisionRole("USER").
				SetActiveFrom(now.Add(-3000*rptDay+time.Duration(i)*time.Minute)))
		}
		c.KeyPerson.CreateBulk(kps...).ExecX(sys)
		after := c.Customer.Create().SetName("之后的客户").SetOwnerID(f.rep1.ID).SetTeamID(f.eastTeam.ID).SaveX(sys)
		ct := c.Contact.Create().SetCustomerID(after.ID).SetName("赵工").SaveX(sys)
		c.KeyPerson.Create().SetCustomerID(after.ID).SetContactID(ct.ID).SetDecisionRole("USER").SetActiveFrom(now.Add(-2999 * rptDay)).ExecX(sys)

		d := e.ok(tok, q, nil)
		counts := map[string]map[string]any{}
		for _, k := range rptList(dig(d, "today", "counts")) {
			counts[dig(k, "kind").(string)] = k.(map[string]any)
		}
		for _, kind := range []string{"ORDER_LATE", "ISSUE_PAST_SLA"} {
			if k := counts[kind]; num(k["count"]) != graph.TodayCountCap || k["atLeast"] != true {
				t.Errorf("%s: %v, want %d and atLeast", kind, k, graph.TodayCountCap)
			}
		}
		if k := counts["TASK_OVERDUE"]; k["atLeast"] != false {
			t.Errorf("a small kind is counted exactly: %v", k)
		}
		if dig(d, "today", "totalAtLeast") != true || num(dig(d, "today", "total")) < 2*graph.TodayCountCap {
			t.Errorf("total %v, totalAtLeast %v", dig(d, "today", "total"), dig(d, "today", "totalAtLeast"))
		}
		first := func(kind string) []string {
			var ids []string
			for _, it := range rptList(dig(e.ok(tok, q, map[string]any{"kind": kind}), "today", "items")) {
				ids = append(ids, dig(it, "node", "id").(string))
			}
			return ids
		}
		if got := first("ORDER_LATE"); len(got) != 5 || got[0] != string(late[0].ID) || got[4] != string(late[4].ID) {
			t.Errorf("late orders: %v, want the five delivered longest ago", got)
		}
		if got := first("ISSUE_PAST_SLA"); len(got) == 0 || got[0] != string(critical.ID) {
			t.Errorf("problems: %v, want the critical one (due first) first", got)
		}
		if got := first("KEY_PERSON_OVERDUE"); len(got) < 2 || got[0] != string(crowded.ID) || got[1] != string(after.ID) {
			t.Errorf("key persons: %v, want %s then %s", got, crowded.ID, after.ID)
		}
	})
}

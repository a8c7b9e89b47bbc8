package app_test

import (
	"testing"
	"time"

	"tandem/domain/history"
	"tandem/ent"
	"tandem/ent/issue"
	"tandem/ent/issueevent"
	"tandem/ent/schema/pulid"
)

// Problems (问题) of issue 10: when a problem was reported is a fact, a missed
// service level is recorded when it happens and goes up to the managers.

func (e *env) criticalProblem(title string, reportedAgo time.Duration) *ent.Issue {
	e.t.Helper()
	return e.app.DB.Client.Issue.Create().SetCustomerID(e.f.acmeEast.ID).SetTitle(title).SetCategory(issue.CategoryQUALITY_FLUCTUATION).
		SetSeverity(issue.SeverityCRITICAL).SetReportedAt(time.Now().UTC().Add(-reportedAgo)).SaveX(e.sys)
}

func (e *env) breaches(id pulid.ID) []*ent.IssueEvent {
	e.t.Helper()
	return e.app.DB.Client.IssueEvent.Query().Where(issueevent.IssueID(id), issueevent.KindEQ(issueevent.KindSLA_BREACHED)).
		Order(issueevent.ByDeadline()).AllX(e.sys)
}

// The issue's own example: a CRITICAL problem not answered in 4 hours; the rep moves
// reportedAt to now, and the breach is gone. It is not: reportedAt is not edited, and
// the breach is recorded — lowering the severity afterwards does not erase it either.
func TestReportedAtCannotEraseABreach(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		rep1 := e.token(e.f.rep1)
		is := e.criticalProblem("整批黄变", 5*time.Hour)
		sla := `query($id: ID!) { node(id: $id) { ... on Issue { reportedAt sla { breached respondedLate } } } }`
		d := e.ok(rep1, sla, map[string]any{"id": is.ID})
		if dig(d, "node", "sla", "breached") != true {
			t.Fatalf("a CRITICAL problem 5 hours without an answer is not breached: %v", d)
		}
		if ev := e.breaches(is.ID); len(ev) != 1 || ev[0].Deadline != issueevent.DeadlineRESPOND {
			t.Fatalf("reading the problem recorded %v", ev)
		}
		upd := `mutation($id: ID!, $in: UpdateIssueInput!) { updateIssue(id: $id, input: $in) { id } }`
		r := e.do(rep1, upd, map[string]any{"id": is.ID, "in": map[string]any{"reportedAt": time.Now().UTC().Format(time.RFC3339)}})
		expectCode(t, r, "BAD_USER_INPUT")
		if r.Errors[0].Extensions["field"] != "reportedAt" {
			t.Errorf("refusal: %+v", r.Errors[0])
		}
		if got := e.app.DB.Client.Issue.GetX(e.sys, is.ID).ReportedAt; got.Sub(is.ReportedAt).Abs() > time.Millisecond {
			t.Fatalf("reportedAt moved from %v to %v", is.ReportedAt, got)
		}
		e.ok(rep1, upd, map[string]any{"id": is.ID, "in": map[string]any{"severity": "LOW"}})
		if d := e.ok(rep1, sla, map[string]any{"id": is.ID}); dig(d, "node", "sla", "breached") != true || dig(d, "node", "sla", "respondedLate") != true {
			t.Errorf("lowering the severity erased the recorded breach: %v", d)
		}
		// A new problem cannot be reported in the future either.
		r = e.do(rep1, `mutation($c: ID!, $at: Time!) { createIssue(input: {customerID: $c, title: "未来", category: OTHER, reportedAt: $at}) { id } }`,
			map[string]any{"c": e.f.acmeEast.ID, "at": time.Now().UTC().Add(24 * time.Hour).Format(time.RFC3339)})
		expectCode(t, r, "BAD_USER_INPUT")
	})
}

// A breach is recorded when it happens — by the server's sweeper, once, or when the
// problem is moved late — and puts the problem on the Today of the managers of the
// account's owner until it is resolved.
func TestSLABreachIsRecordedAndEscalated(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, mgr, rep1 := e.app.DB.Client, e.token(e.f.manager), e.token(e.f.rep1)
		swept := e.criticalProblem("客户投诉色差", 5*time.Hour)
		fresh := e.criticalProblem("刚报告", time.Hour)
		if n, err := e.app.SweepSLA(e.sys); err != nil || n != 1 {
			t.Fatalf("sweep recorded %d (%v), want 1", n, err)
		}
		if n, err := e.app.SweepSLA(e.sys); err != nil || n != 0 {
			t.Fatalf("a second sweep recorded %d (%v), want 0", n, err)
		}
		if len(e.breaches(swept.ID)) != 1 || len(e.breaches(fresh.ID)) != 0 {
			t.Fatalf("breaches: swept %v, fresh %v", e.breaches(swept.ID), e.breaches(fresh.ID))
		}
		if !slicesHas(e.todayKinds(mgr)["ISSUE_ESCALATED"], string(swept.ID)) {
			t.Error("the breach is not on the manager's Today")
		}
		if slicesHas(e.todayKinds(mgr)["ISSUE_ESCALATED"], string(fresh.ID)) {
			t.Error("a problem within its service level is escalated")
		}
		if len(e.todayKinds(rep1)["ISSUE_ESCALATED"]) != 0 {
			t.Error("the escalation is on the rep's Today")
		}
		if len(e.todayKinds(e.token(e.f.rep3))["ISSUE_ESCALATED"]) != 0 {
			t.Error("the escalation reaches another team")
		}
		// Answered late: the move records the late response.
		late := e.criticalProblem("晚了才响应", 6*time.Hour)
		e.ok(rep1, `mutation($id: ID!) { updateIssue(id: $id, input: {status: RESPONDED}) { id } }`, map[string]any{"id": late.ID})
		if ev := e.breaches(late.ID); len(ev) != 1 || ev[0].Deadline != issueevent.DeadlineRESPOND {
			t.Errorf("a late response recorded %v", ev)
		}
		// Resolved: off the managers' Today; the breach stays recorded.
		c.Issue.UpdateOneID(swept.ID).SetStatus(issue.StatusRESOLVED).SetRootCause(issue.RootCauseOUR_PRODUCT).
			SetResolution("换货").ExecX(history.Importing(e.sys))
		if slicesHas(e.todayKinds(mgr)["ISSUE_ESCALATED"], string(swept.ID)) {
			t.Error("a resolved problem stays escalated")
		}
		if len(e.breaches(swept.ID)) != 1 {
			t.Error("resolving removed the recorded breach")
		}
		// Nobody writes or removes a breach through the API.
		r := e.do(e.token(e.f.admin), `query($id: ID!) { node(id: $id) { ... on Issue { events(first: 5) { totalCount edges { node { kind deadline dueAt } } } } } }`,
			map[string]any{"id": swept.ID})
		if r.code() != "" || num(dig(r.Data, "node", "events", "totalCount")) != 1 {
			t.Errorf("events on the problem: %+v %+v", r.Data, r.Errors)
		}
	})
}

package app_test

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"tandem/ent/schema/pulid"
	"tandem/ent/task"
)

const logMutation = `mutation($input: LogInteractionInput!, $cmid: String) {
	logInteraction(input: $input, clientMutationId: $cmid) { id kind occurredAt loggedAt findings nextStep nextStepDue } }`

// The visit loop: a visit planned for today is on Today until it is logged; logging it
// completes the plan (no second record), ticks the next steps it dealt with, turns its
// next step into a task due a week later, and puts it among the last contacts.
func TestVisitLoop(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, sys, f := e.app.DB.Client, e.sys, e.f
		tok := e.token(f.rep1)
		acme := string(f.acmeEast.ID)
		now := clearOfMidnight(t)
		plan := func(at time.Time) string {
			d := e.ok(tok, `mutation($input: CreateInteractionInput!) { createInteraction(input: $input) { id loggedAt } }`,
				map[string]any{"input": map[string]any{"customerID": acme, "kind": "VISIT", "occurredAt": at.Format(time.RFC3339), "summary": "中试方案沟通"}})
			if dig(d, "createInteraction", "loggedAt") != nil {
				t.Fatalf("a visit planned for %v is logged at once: %v", at, d)
			}
			return dig(d, "createInteraction", "id").(string)
		}
		later := now.Add(time.Hour)
		if later.Day() != now.Day() {
			later = now.Add(2 * time.Minute) // the test runs just before midnight
		}
		planned := plan(later)
		if got, _ := rptToday(t, e, tok); got[planned] != "VISIT_DUE" {
			t.Fatalf("the planned visit is not on Today: %v", got)
		}
		step := c.Task.Create().SetCustomerID(f.acmeEast.ID).SetAssigneeID(f.rep1.ID).SetTitle("寄 TDS").SaveX(sys)
		interactions := func() int { return c.Interaction.Query().CountX(sys) }
		before := interactions()

		input := map[string]any{"customerID": acme, "plannedID": planned, "findings": "下周开始中试",
			"nextStep": "寄中试样品", "theirParticipantIDs": []string{string(f.acmeContact.ID)}, "doneTaskIDs": []string{string(step.ID)}}
		d := e.ok(tok, logMutation, map[string]any{"input": input, "cmid": "log-1"})
		log := dig(d, "logInteraction").(map[string]any)
		if log["id"] != planned || log["loggedAt"] == nil || log["kind"] != "VISIT" {
			t.Fatalf("the log did not complete the plan: %v", log)
		}
		if at := rptTime(t, log["occurredAt"]); at.After(time.Now().Add(time.Minute)) {
			t.Errorf("a plan logged before its time keeps a future time: %v", at)
		}
		if due := rptTime(t, log["nextStepDue"]); due.Sub(now) < 7*rptDay-time.Minute || due.Sub(now) > 7*rptDay+time.Minute {
			t.Errorf("a next step without a date is due %v, want a week from now", due)
		}
		if n := interactions(); n != before {
			t.Errorf("logging a plan made %d new contacts", n-before)
		}
		if st := c.Task.GetX(sys, step.ID).Status; st != task.StatusDONE {
			t.Errorf("the next step it dealt with is %s", st)
		}
		if n := c.Task.Query().Where(task.InteractionID(pulid.ID(planned))).CountX(sys); n != 1 {
			t.Errorf("the log's next step made %d tasks", n)
		}
		if got, _ := rptToday(t, e, tok); got[planned] != "" {
			t.Errorf("the logged visit is still on Today as %s", got[planned])
		}
		last := e.ok(tok, `query($id: ID!) { customerReport(id: $id) { lastInteractions { id } } }`, map[string]any{"id": acme})
		if ids := rptIDs(dig(last, "customerReport", "lastInteractions"), "id"); !slices.Contains(ids, planned) {
			t.Errorf("the logged visit is not among the last contacts: %v", ids)
		}

		// The same log sent again (its answer was lost) answers the same; another is refused.
		again := e.ok(tok, logMutation, map[string]any{"input": input, "cmid": "log-1"})
		if dig(again, "logInteraction", "id") != planned || interactions() != before {
			t.Errorf("a retried log: %v", again)
		}
		if r := e.do(tok, logMutation, map[string]any{"input": input, "cmid": "log-2"}); r.code() != "CONFLICT" || r.Errors[0].Extensions["field"] != "plannedID" {
			t.Errorf("logging a logged plan again: %+v", r.Errors)
		}

		// Bad input changes nothing: the plan stays planned, no task is ticked.
		second := plan(later)
		open := c.Task.Create().SetCustomerID(f.acmeEast.ID).SetAssigneeID(f.rep1.ID).SetTitle("回访").SaveX(sys)
		south := c.Task.Create().SetCustomerID(f.southAcct.ID).SetAssigneeID(f.rep1.ID).SetTitle("south").SaveX(sys)
		teamPlan := c.Interaction.Create().SetCustomerID(f.rep2Own.ID).SetKind("VISIT").SetOccurredAt(later).SaveX(sys)
		southPlan := c.Interaction.Create().SetCustomerID(f.southAcct.ID).SetKind("VISIT").SetOccurredAt(later).SaveX(sys)
		future := time.Now().Add(time.Hour).Format(time.RFC3339)
		bad := []struct {
			field string
			in    map[string]any
		}{
			{"doneTaskIDs", map[string]any{"plannedID": second, "findings": "x", "doneTaskIDs": []string{string(open.ID), string(south.ID)}}},
			{"plannedID", map[string]any{"plannedID": string(teamPlan.ID), "findings": "x"}},
			{"findings", map[string]any{"plannedID": second, "promises": "a call", "doneTaskIDs": []string{string(open.ID)}}},
			{"occurredAt", map[string]any{"plannedID": second, "findings": "x", "occurredAt": future}},
			{"kind", map[string]any{"findings": "x", "kind": "FAX"}},
		}
		count := interactions()
		for _, b := range bad {
			b.in["customerID"] = acme
			r := e.do(tok, logMutation, map[string]any{"input": b.in})
			if r.code() != "BAD_USER_INPUT" || (b.field != "kind" && r.Errors[0].Extensions["field"] != b.field) {
				t.Errorf("%s: %+v", b.field, r.Errors)
			}
		}
		// A plan of an account the rep cannot read is not found, as if it did not exist.
		if r := e.do(tok, logMutation, map[string]any{"input": map[string]any{"customerID": acme, "plannedID": string(southPlan.ID), "findings": "x"}}); r.code() != "NOT_FOUND" {
			t.Errorf("another team's plan: %+v", r.Errors)
		}
		if c.Interaction.GetX(sys, pulid.ID(second)).LoggedAt != nil || c.Task.GetX(sys, open.ID).Status != task.StatusOPEN || interactions() != count {
			t.Errorf("a refused log changed something")
		}

		// Two phones logging one plan at once: one log lands, the other is told.
		var wg sync.WaitGroup
		codes := make([]string, 4)
		for i := range codes {
			wg.Add(1)
			go func() {
				defer wg.Done()
				in := map[string]any{"customerID": acme, "plannedID": second, "findings": fmt.Sprintf("phone %d", i)}
				codes[i] = e.do(tok, logMutation, map[string]any{"input": in, "cmid": fmt.Sprintf("race-%d", i)}).code()
			}()
		}
		wg.Wait()
		landed := slices.DeleteFunc(slices.Clone(codes), func(c string) bool { return c != "" })
		conflicts := slices.DeleteFunc(slices.Clone(codes), func(c string) bool { return c != "CONFLICT" })
		if len(landed) != 1 || len(conflicts) != 3 {
			t.Errorf("concurrent logs of one plan: %v", codes)
		}
		if got := c.Interaction.GetX(sys, pulid.ID(second)); got.LoggedAt == nil || len(got.Findings) != len("phone 0") {
			t.Errorf("the plan after the race: %q (logged %v)", got.Findings, got.LoggedAt)
		}

		// A contact without a plan is logged as a new one, and Today does not ask for it.
		d = e.ok(tok, logMutation, map[string]any{"input": map[string]any{"customerID": acme, "kind": "PHONE", "findings": "电话确认"}})
		fresh := dig(d, "logInteraction").(map[string]any)
		if fresh["loggedAt"] == nil || fresh["kind"] != "PHONE" || fresh["nextStepDue"] != nil {
			t.Errorf("a new log: %v", fresh)
		}

		// loggedAt is the workflow's: no input names it.
		for _, m := range []string{
			`mutation { createInteraction(input: {customerID: "` + acme + `", kind: VISIT, loggedAt: "2026-01-01T00:00:00Z"}) { id } }`,
			`mutation { updateInteraction(id: "` + second + `", input: {loggedAt: "2026-01-01T00:00:00Z"}) { id } }`,
		} {
			if r := e.do(tok, m, nil); r.code() != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, `"loggedAt" is not defined`) {
				t.Errorf("loggedAt typed in: %+v", r.Errors)
			}
		}
	})
}

// Logging a contact reads its account once: the link check reads the stage with the
// row (access.WithSeen), and moving the account on (account.Advance) starts from it.
// A visit to an account already visited is four statements in its transaction: the
// receipt, the account, the visit and its audit row.
func TestLoggedContactReadsItsAccountOnce(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		cu := c.Customer.Create().SetName("一次读取客户").SetOwnerID(f.rep1.ID).SetTeamID(f.eastTeam.ID).SaveX(e.sys)
		rep := e.token(f.rep1)
		q := `mutation($c: ID!, $m: String) { createInteraction(input: {customerID: $c, kind: VISIT, summary: "拜访"}, clientMutationId: $m) { id } }`
		visit := func(m string) []string {
			var inTx []string
			for _, s := range e.recordSQL(func() { e.ok(rep, q, map[string]any{"c": cu.ID, "m": m}) }) {
				if strings.HasPrefix(s, "Tx(") && (strings.Contains(s, ").Query: ") || strings.Contains(s, ").Exec: ")) {
					inTx = append(inTx, s)
				}
			}
			return inTx
		}
		visit("once-1") // the first visit moves the account on
		if got := c.Customer.GetX(e.sys, cu.ID).Stage; got != "VISITED" {
			t.Fatalf("after the first visit: stage %s", got)
		}
		stmts := visit("once-2")
		reads := 0
		for _, s := range stmts {
			if strings.Contains(s, "query=SELECT") && (strings.Contains(s, `FROM "customers"`) || strings.Contains(s, "FROM `customers`")) {
				reads++
			}
		}
		if reads != 1 || len(stmts) != 4 {
			t.Errorf("a second visit: %d reads of the account in %d statements, want 1 in 4:\n%s", reads, len(stmts), strings.Join(stmts, "\n"))
		}
	})
}

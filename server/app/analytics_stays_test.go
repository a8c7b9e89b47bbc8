package app_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"tandem/domain/account"
	"tandem/ent"
	"tandem/ent/stagechange"
	"tandem/ent/stagestay"
)

// stayAnswers are stageDurations from the day counts (all time) and from the stays
// themselves (a window wider than the book, which the counts do not answer).
func stayAnswers(e *env, token string) (counted, measured string) {
	row := func(q string, vars map[string]any) string {
		d := e.ok(token, q, vars)
		out := ""
		for _, r := range dig(d, "stageDurations").([]any) {
			out += fmt.Sprintf("%v:%v:%v:%v ", dig(r, "stage"), dig(r, "stays"), dig(r, "medianDays"), dig(r, "p90Days"))
		}
		return out
	}
	return row(`{ stageDurations { stage stays medianDays p90Days } }`, nil),
		row(`query($from: Time) { stageDurations(from: $from) { stage stays medianDays p90Days } }`, map[string]any{"from": "2000-01-01T00:00:00Z"})
}

// stayTable is the stays and day counts as kept, for comparing with a rebuild.
func stayTable(t *testing.T, e *env) string {
	t.Helper()
	c := e.app.DB.Client
	var out []string
	for _, sc := range c.StageChange.Query().Order(ent.Asc(stagechange.FieldID)).AllX(e.sys) {
		s := "-"
		if sc.StaySeconds != nil {
			s = fmt.Sprint(*sc.StaySeconds)
		}
		out = append(out, string(sc.ID)+" "+s)
	}
	for _, d := range c.StageStay.Query().Where(stagestay.StaysNEQ(0)).Order(ent.Asc(stagestay.FieldStage), ent.Asc(stagestay.FieldDay)).AllX(e.sys) {
		out = append(out, fmt.Sprintf("%s/%d=%d", d.Stage, d.Day, d.Stays))
	}
	b, _ := json.Marshal(out)
	return string(b)
}

// TestStageStays writes many accounts' stage histories, out of order, deletes some
// changes and merges two accounts; after each, the day counts' percentiles equal the
// ones measured from every stay, and the kept stays equal ones measured from scratch.
func TestStageStays(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		analyst := e.token(f.analyst)
		check := func(step string) {
			t.Helper()
			counted, measured := stayAnswers(e, analyst)
			if counted != measured {
				t.Errorf("%s:\n counted  %s\n measured %s", step, counted, measured)
			}
			kept := stayTable(t, e)
			if err := account.Restay(context.Background(), c); err != nil {
				t.Fatal(err)
			}
			if again := stayTable(t, e); again != kept {
				t.Errorf("%s: kept stays\n%s\nmeasured again\n%s", step, kept, again)
			}
		}
		r := rand.New(rand.NewPCG(7, 13))
		t0 := time.Date(2025, 1, 6, 8, 0, 0, 0, time.UTC)
		stages := []string{"PROSPECT", "CONTACTED", "VISITED", "SAMPLING"}
		var accounts []*ent.Customer
		for i := range 12 {
			cu := c.Customer.Create().SetName(fmt.Sprintf("Stay %d", i)).SetOwnerID(f.rep3.ID).SetTeamID(f.southTeam.ID).SaveX(e.sys)
			accounts = append(accounts, cu)
			// Written newest first: each change measures against the ones already there.
			at := t0.Add(time.Duration(r.IntN(90*24*3600)) * time.Second)
			var times []time.Time
			for range 1 + r.IntN(4) {
				times = append(times, at)
				at = at.Add(time.Duration(r.IntN(40*24*3600)+1) * time.Second)
			}
			for j := len(times) - 1; j >= 0; j-- {
				c.StageChange.Create().SetCustomerID(cu.ID).SetToStage(stageTo(stages[j])).SetChangedAt(times[j]).ExecX(e.sys)
			}
		}
		check("histories written out of order")
		if got, _ := stayAnswers(e, analyst); got == "" {
			t.Fatal("no stays counted")
		}
		// A change deleted from the middle of a history, and one account's whole history.
		mid := c.StageChange.Query().Where(stagechange.CustomerID(accounts[0].ID)).Order(ent.Asc(stagechange.FieldChangedAt)).AllX(e.sys)
		c.StageChange.DeleteOne(mid[len(mid)/2]).ExecX(e.sys)
		c.StageChange.Delete().Where(stagechange.CustomerID(accounts[1].ID)).ExecX(e.sys)
		check("changes deleted")
		// A merge moves one account's later changes onto the other's timeline.
		e.ok(e.token(f.admin), `mutation($s: ID!, $m: ID!) { mergeAccounts(input: {survivorID: $s, mergedID: $m, reason: "same plant"}) { id } }`,
			map[string]any{"s": accounts[2].ID, "m": accounts[3].ID})
		check("accounts merged")
		// A stage moved by the workflow, now.
		e.ok(e.token(f.admin), `mutation($id: ID!) { setCustomerStage(input: {id: $id, stage: LOST, reason: "closed the plant"}) { id } }`,
			map[string]any{"id": accounts[4].ID})
		check("a stage set")

		// The counts are what the analyst reads: emptied behind the hooks' back, the
		// all-time answer is empty; a rep's answer is measured from their own stays.
		c.StageStay.Delete().ExecX(e.sys)
		if counted, _ := stayAnswers(e, analyst); counted != "" {
			t.Errorf("the analyst's all-time answer does not come from the counts: %s", counted)
		}
		d := e.ok(e.token(f.rep3), `{ stageDurations { stage stays } }`, nil)
		if len(dig(d, "stageDurations").([]any)) == 0 {
			t.Errorf("rep3's stays are measured from their accounts, whatever the counts: %v", d)
		}
	})
}

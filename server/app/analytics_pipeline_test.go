package app_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"testing"

	"tandem/domain/account"
	"tandem/ent"
	"tandem/ent/accountcount"
	"tandem/ent/customer"
)

// pipelineAnswers are pipelineStats' answers for each grouping, from the counts (a
// window of whole UTC months) and from the accounts (one second off).
func pipelineAnswers(e *env, token string) (counted, live map[string]string) {
	counted, live = map[string]string{}, map[string]string{}
	const q = `query($from: Time, $by: [PipelineDimension!]!) { pipelineStats(groupBy: $by, from: $from) { keys count } }`
	for _, by := range [][]string{{}, {"STAGE"}, {"OWNER", "TEAM"}, {"TIER", "LEAD_SOURCE"}, {"PERIOD", "STAGE", "OWNER", "TEAM", "TIER", "LEAD_SOURCE"}} {
		for from, into := range map[string]map[string]string{"2000-01-01T00:00:00Z": counted, "2000-01-01T00:00:01Z": live} {
			b, _ := json.Marshal(dig(e.ok(token, q, map[string]any{"from": from, "by": by}), "pipelineStats"))
			into[fmt.Sprint(by)] = string(b)
		}
	}
	return counted, live
}

// accountCountTable is the counts as kept, for comparing with a recount.
func accountCountTable(t *testing.T, e *env) string {
	t.Helper()
	var out []string
	for _, r := range e.app.DB.Client.AccountCount.Query().Where(accountcount.AccountsNEQ(0)).AllX(e.sys) {
		out = append(out, fmt.Sprintf("%s %s %s %s %s %s=%d", r.Stage, r.OwnerID, r.TeamID, r.Tier, r.LeadSource, r.Month, r.Accounts))
	}
	slices.Sort(out) // the ids differ: upserts make new ones, a recount composes them
	b, _ := json.Marshal(out)
	return string(b)
}

// TestAccountCounts changes accounts every way pipelineStats groups them — stage,
// owner (in bulk), tier (by ratings), merges, deletes — and after each the counts'
// answers equal the accounts', and the kept counts equal a recount.
func TestAccountCounts(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		analyst, admin := e.token(f.analyst), e.token(f.admin)
		check := func(step string) {
			t.Helper()
			counted, live := pipelineAnswers(e, analyst)
			for by, want := range live {
				if counted[by] != want {
					t.Errorf("%s, by %s:\n counts   %s\n accounts %s", step, by, counted[by], want)
				}
			}
			kept := accountCountTable(t, e)
			if err := account.Recount(context.Background(), c); err != nil {
				t.Fatal(err)
			}
			if again := accountCountTable(t, e); again != kept {
				t.Errorf("%s: kept counts\n%s\ncounted again\n%s", step, kept, again)
			}
		}
		var made []*ent.Customer
		for i := range 4 {
			made = append(made, c.Customer.Create().SetName(fmt.Sprintf("Count %d", i)).SetOwnerID(f.rep3.ID).SetTeamID(f.southTeam.ID).SaveX(e.sys))
		}
		check("accounts created")
		e.ok(admin, `mutation($id: ID!) { setCustomerStage(input: {id: $id, stage: LOST, reason: "closed"}) { id } }`, map[string]any{"id": made[0].ID})
		e.ok(admin, `mutation($ids: [ID!]!) { bulkSetRating(input: {customerIDs: $ids, rating: SCALE, value: 5, reason: "big plant"}) { code } }`,
			map[string]any{"ids": []any{made[1].ID, made[2].ID}})
		check("a stage and ratings")
		e.ok(admin, reassign, map[string]any{"in": map[string]any{"fromUserID": f.rep3.ID, "toUserID": f.rep1.ID,
			"customerIDs": []any{made[1].ID, made[3].ID}, "reason": "rep3 left"}})
		c.Customer.Update().Where(customer.ID(made[2].ID)).ClearTeamID().ExecX(e.sys)
		check("owners moved in bulk, a team cleared")
		e.ok(admin, `mutation($s: ID!, $m: ID!) { mergeAccounts(input: {survivorID: $s, mergedID: $m, reason: "same plant"}) { id } }`,
			map[string]any{"s": made[1].ID, "m": made[3].ID})
		check("accounts merged")

		// Concurrent moves of different accounts all count.
		var wg sync.WaitGroup
		for _, cu := range made[:3] {
			wg.Add(1)
			go func() {
				defer wg.Done()
				e.do(admin, `mutation($id: ID!) { setCustomerStage(input: {id: $id, stage: DORMANT, reason: "quiet"}) { id } }`, map[string]any{"id": cu.ID})
			}()
		}
		wg.Wait()
		check("concurrent moves")

		// The counts are what the analyst reads; a rep's answer is counted from the
		// accounts they see.
		c.AccountCount.Delete().ExecX(e.sys)
		if d := e.ok(analyst, `{ pipelineStats(groupBy: [STAGE]) { keys count } }`, nil); len(dig(d, "pipelineStats").([]any)) != 0 {
			t.Errorf("the analyst's pipeline does not come from the counts: %v", d)
		}
		if d := e.ok(e.token(f.rep3), `{ pipelineStats(groupBy: [STAGE]) { keys count } }`, nil); len(dig(d, "pipelineStats").([]any)) == 0 {
			t.Errorf("rep3's pipeline is counted from their accounts, whatever the counts: %v", d)
		}
	})
}

package app_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"tandem/domain/account"
	orders "tandem/domain/order"
	"tandem/ent"
	"tandem/ent/accountcount"
	"tandem/ent/customer"
	"tandem/ent/ordervolume"
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

// TestImportKeepsRollups imports accounts and order lines in batches, whose rollups
// are summed once per batch: afterwards they equal rollups summed from scratch.
func TestImportKeepsRollups(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		mgr := e.token(e.f.manager)
		var csv strings.Builder
		csv.WriteString("客户名称,统一社会信用代码,地区,负责人\n")
		for r := range 30 {
			fmt.Fprintf(&csv, "%s,,浙江,rep1@t.test\n", benchName(r+7000))
		}
		j := e.startImport(mgr, "CUSTOMERS", "accounts.csv", []byte(csv.String())).Data["startImport"].(map[string]any)
		if done := e.commitAndWait(mgr, j["id"].(string)); done["state"] != "DONE" {
			t.Fatalf("accounts: %v", done)
		}
		csv.Reset()
		csv.WriteString("订单号,客户名称,下单日期,产品,数量,批号\n")
		for i := range 12 {
			fmt.Fprintf(&csv, "RL-%02d,%s,2023-03-%02d,TX-AO1010,%d,B%d\n", i/2, e.f.acmeEast.Name, 1+i/4, 10+i, i)
		}
		j = e.startImport(mgr, "ORDERS", "orders.csv", []byte(csv.String())).Data["startImport"].(map[string]any)
		if done := e.commitAndWait(mgr, j["id"].(string)); done["state"] != "DONE" {
			t.Fatalf("orders: %v", done)
		}
		c := e.app.DB.Client
		for _, r := range []struct {
			name    string
			table   func(*testing.T, *env) string
			rebuild func() error
		}{
			{"account counts", accountCountTable, func() error { return account.Recount(context.Background(), c) }},
			{"stays", stayTable, func() error { return account.Restay(context.Background(), c) }},
			{"order volume", volumeTable, func() error { return orders.RebuildVolume(context.Background(), c) }},
		} {
			kept := r.table(t, e)
			if err := r.rebuild(); err != nil {
				t.Fatal(err)
			}
			if again := r.table(t, e); again != kept {
				t.Errorf("%s after the imports:\nkept   %s\nsummed %s", r.name, kept, again)
			}
		}
		if n := c.AccountCount.Query().Where(accountcount.AccountsGT(0)).CountX(e.sys); n == 0 {
			t.Error("no account counted")
		}
		if n := c.OrderVolume.Query().Where(ordervolume.Day("2023-03-02")).CountX(e.sys); n == 0 {
			t.Error("the imported orders' days are not in the order volume")
		}
	})
}

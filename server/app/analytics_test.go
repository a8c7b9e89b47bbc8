package app_test

import (
	"fmt"
	"testing"
	"time"

	"tandem/domain/history"
	"tandem/ent/predicate"
	"tandem/ent/schema/pulid"
	"tandem/ent/stagechange"
)

// rowsOf turns aggregate rows into "key|key=count" strings for comparison.
func rowsOf(v any, measure string) map[string]any {
	out := map[string]any{}
	for _, r := range v.([]any) {
		key := ""
		for i, k := range dig(r, "keys").([]any) {
			if i > 0 {
				key += "|"
			}
			key += fmt.Sprint(k)
		}
		out[key] = dig(r, measure)
	}
	return out
}

func TestAggregates(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		other := c.Product.Create().SetCode("TX-UV531").SetName("UV absorber").SaveX(e.sys)
		c.Issue.Create().SetCustomerID(f.acmeEast.ID).SetTitle("a").SetCategory("QUALITY_FLUCTUATION").SetRootCause("OUR_PRODUCT").SetProductID(f.product.ID).ExecX(e.sys)
		c.Issue.Create().SetCustomerID(f.acmeEast.ID).SetTitle("b").SetCategory("QUALITY_FLUCTUATION").ExecX(e.sys)
		c.Issue.Create().SetCustomerID(f.southAcct.ID).SetTitle("c").SetCategory("PRICE").SetProductID(other.ID).ExecX(e.sys)
		o1 := c.Order.Create().SetCustomerID(f.acmeEast.ID).SetNumber("SO-1").SetConfirmedAt(time.Now()).SaveX(e.sys) // confirmed: evidence
		o2 := c.Order.Create().SetCustomerID(f.acmeEast.ID).SetNumber("SO-2").SaveX(e.sys)
		o3 := c.Order.Create().SetCustomerID(f.acmeEast.ID).SetNumber("SO-3").SetStatus("CANCELLED").SaveX(e.sys)
		o4 := c.Order.Create().SetCustomerID(f.southAcct.ID).SetNumber("SO-4").SetConfirmedAt(time.Now()).SaveX(e.sys)
		c.OrderLine.Create().SetOrderID(o1.ID).SetProductID(f.product.ID).SetQuantity(100).SetUnitPrice(10).ExecX(e.sys)
		c.OrderLine.Create().SetOrderID(o2.ID).SetProductID(f.product.ID).SetQuantity(50).SetUnitPrice(12).ExecX(e.sys)
		c.OrderLine.Create().SetOrderID(o2.ID).SetProductID(other.ID).SetQuantity(5).ExecX(e.sys)
		c.OrderLine.Create().SetOrderID(o3.ID).SetProductID(f.product.ID).SetQuantity(999).SetUnitPrice(1).ExecX(history.Importing(e.sys)) // a line of a cancelled order: history
		c.OrderLine.Create().SetOrderID(o4.ID).SetProductID(f.product.ID).SetQuantity(7).SetUnitPrice(2).ExecX(e.sys)

		admin, rep1, analyst := e.token(f.admin), e.token(f.rep1), e.token(f.analyst)
		month := time.Now().UTC().Format("2006-01")
		before := e.statements.Load()
		d := e.ok(admin, `{ pipelineStats(groupBy: [STAGE, OWNER, PERIOD]) { keys count } }`, nil)
		if n := e.statements.Load() - before; n > 2 {
			t.Errorf("pipelineStats took %d statements", n)
		}
		// The fixture's accounts have moved with evidence (the confirmed orders made acme EVALUATION).
		want := map[string]any{
			"EVALUATION|rep1@t.test|" + month: 1.0,
			"VISITED|rep2@t.test|" + month:    1.0,
			"EVALUATION|rep3@t.test|" + month: 1.0,
		}
		if got := rowsOf(dig(d, "pipelineStats"), "count"); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("admin pipeline:\n got %v\nwant %v", got, want)
		}
		d = e.ok(rep1, `{ pipelineStats(groupBy: [TEAM]) { keys count } }`, nil)
		if got := rowsOf(dig(d, "pipelineStats"), "count"); fmt.Sprint(got) != fmt.Sprint(map[string]any{"East": 2.0}) {
			t.Errorf("rep1 pipeline by team: %v", got)
		}
		d = e.ok(analyst, `{ issueBreakdown(groupBy: [CATEGORY, ROOT_CAUSE, PRODUCT]) { keys count } }`, nil)
		want = map[string]any{
			"QUALITY_FLUCTUATION|OUR_PRODUCT|TX-AO1010": 1.0,
			"QUALITY_FLUCTUATION|UNDETERMINED|<nil>":    1.0,
			"PRICE|UNDETERMINED|TX-UV531":               1.0,
		}
		if got := rowsOf(dig(d, "issueBreakdown"), "count"); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("issues:\n got %v\nwant %v", got, want)
		}
		d = e.ok(rep1, `{ issueBreakdown(groupBy: [CATEGORY]) { keys count } }`, nil)
		if got := rowsOf(dig(d, "issueBreakdown"), "count"); fmt.Sprint(got) != fmt.Sprint(map[string]any{"QUALITY_FLUCTUATION": 2.0}) {
			t.Errorf("rep1 issues: %v", got)
		}
		d = e.ok(admin, `{ orderVolume(groupBy: [CUSTOMER, PRODUCT]) { keys orders lines quantity value } }`, nil)
		got := map[string]string{}
		for _, r := range dig(d, "orderVolume").([]any) {
			got[fmt.Sprint(dig(r, "keys"))] = fmt.Sprint(dig(r, "orders"), "/", dig(r, "lines"), "/", dig(r, "quantity"), "/", dig(r, "value"))
		}
		wantVol := map[string]string{
			"[宁波华塑新材料有限公司 TX-AO1010]":  "2/2/150/1600", // 100×10 + 50×12; the cancelled 999 left out
			"[宁波华塑新材料有限公司 TX-UV531]":   "1/1/5/0",
			"[佛山彩虹涂料股份有限公司 TX-AO1010]": "1/1/7/14",
		}
		if fmt.Sprint(got) != fmt.Sprint(wantVol) {
			t.Errorf("order volume:\n got %v\nwant %v", got, wantVol)
		}
		expectCode(t, e.do(admin, `{ orderVolume(groupBy: [MONTH, MONTH]) { orders } }`, nil), "BAD_USER_INPUT")
		d = e.ok(admin, `query($from: Time) { orderVolume(groupBy: [], from: $from) { orders quantity } }`, map[string]any{"from": time.Now().Add(time.Hour).UTC().Format(time.RFC3339)})
		if len(dig(d, "orderVolume").([]any)) != 0 && num(dig(d, "orderVolume", 0, "orders")) != 0 {
			t.Errorf("orders after `from` counted: %v", d)
		}
	})
}

func TestSampleFunnelAndStageDurations(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		rep1 := e.token(f.rep1)
		e.productDocs(f.product.ID)
		c.Sample.UpdateOneID(f.acmeSample.ID).SetDocManual(true).SetDocMsds(true).SetDocLabel(true).SetDocPrecautions(true).ExecX(e.sys)
		for _, to := range []string{"PREPARED", "SHIPPED", "RECEIVED"} {
			e.ok(rep1, `mutation($id: ID!, $to: SampleStatus!) { advanceSample(input: {id: $id, to: $to}) { id } }`, map[string]any{"id": f.acmeSample.ID, "to": to})
		}
		q := `{ sampleFunnel(groupBy: [PRODUCT]) { keys stages { stage count conversionRate } } }`
		stages := func(tok string) string {
			d := e.ok(tok, q, nil)
			rows := dig(d, "sampleFunnel").([]any)
			if len(rows) != 1 || dig(rows, 0, "keys", 0) != "TX-AO1010" {
				t.Fatalf("funnel rows: %v", rows)
			}
			out := ""
			for _, s := range dig(rows, 0, "stages").([]any) {
				out += fmt.Sprintf("%v:%v:%v ", dig(s, "stage"), dig(s, "count"), dig(s, "conversionRate"))
			}
			return out
		}
		want := "REQUESTED:2:<nil> PREPARED:1:0.5 SHIPPED:1:1 RECEIVED:1:1 LAB_TRIAL:0:0 PILOT_TRIAL:0:<nil> APPROVED:0:<nil> CONVERTED:0:<nil> "
		if got := stages(e.token(f.admin)); got != want {
			t.Errorf("admin funnel:\n got %s\nwant %s", got, want)
		}
		want = "REQUESTED:1:<nil> PREPARED:0:0 SHIPPED:0:<nil> RECEIVED:0:<nil> LAB_TRIAL:0:<nil> PILOT_TRIAL:0:<nil> APPROVED:0:<nil> CONVERTED:0:<nil> "
		if got := stages(e.token(f.rep3)); got != want {
			t.Errorf("rep3 funnel:\n got %s\nwant %s", got, want)
		}

		// Two accounts with hand-made histories: PROSPECT stays of 2 and 4 days,
		// a CONTACTED stay of 3 days; the stays still open are not counted.
		t0 := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
		for i, path := range [][]int{{0, 2, 5}, {0, 4}} {
			cu := c.Customer.Create().SetName(fmt.Sprintf("Hist %d", i)).SetOwnerID(f.rep3.ID).SetTeamID(f.southTeam.ID).SaveX(e.sys)
			c.StageChange.Delete().Where(stagechangeOf(cu.ID)).ExecX(e.sys)
			for j, day := range path {
				st := []string{"PROSPECT", "CONTACTED", "VISITED"}[j]
				c.StageChange.Create().SetCustomerID(cu.ID).SetToStage(stageTo(st)).SetChangedAt(t0.Add(time.Duration(day) * 24 * time.Hour)).ExecX(e.sys)
			}
		}
		d := e.ok(e.token(f.analyst), `{ stageDurations { stage stays medianDays p90Days } }`, nil)
		got := ""
		for _, r := range dig(d, "stageDurations").([]any) {
			got += fmt.Sprintf("%v:%v:%v:%v ", dig(r, "stage"), dig(r, "stays"), dig(r, "medianDays"), dig(r, "p90Days"))
		}
		// acmeEast's VISITED stay ended minutes ago, when its sample shipped.
		if want := "PROSPECT:2:3:3.8 CONTACTED:1:3:3 VISITED:1:0:0 "; got != want {
			t.Errorf("stage durations:\n got %s\nwant %s", got, want)
		}
		d = e.ok(e.token(f.rep1), `{ stageDurations { stage stays } }`, nil)
		if got := fmt.Sprint(dig(d, "stageDurations")); got != "[map[stage:VISITED stays:1]]" {
			t.Errorf("rep1 should see only the East team's stays: %v", got)
		}
	})
}

func stagechangeOf(id pulid.ID) predicate.StageChange { return stagechange.CustomerID(id) }

func stageTo(s string) stagechange.ToStage { return stagechange.ToStage(s) }

func TestSavedQueriesAreTheirOwners(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		analyst, rep1 := e.token(e.f.analyst), e.token(e.f.rep1)
		d := e.ok(analyst, `mutation { createSavedQuery(input: {name: "Pilot trials by product", query: "{ sampleFunnel(groupBy: [PRODUCT]) { keys } }"}) { id version owner { email } } }`, nil)
		id := dig(d, "createSavedQuery", "id")
		if dig(d, "createSavedQuery", "owner", "email") != "analyst@t.test" {
			t.Fatalf("owner: %v", d)
		}
		e.ok(rep1, `mutation { createSavedQuery(input: {name: "mine", query: "{ me { id } }"}) { id } }`, nil)
		for tok, want := range map[string]int{analyst: 1, rep1: 1, e.token(e.f.admin): 0} {
			d := e.ok(tok, `{ savedQueries(first: 10) { totalCount } }`, nil)
			if got := num(dig(d, "savedQueries", "totalCount")); got != want {
				t.Errorf("saved queries seen: %d, want %d", got, want)
			}
		}
		expectCode(t, e.do(rep1, `mutation($id: ID!) { updateSavedQuery(id: $id, input: {name: "stolen"}) { id } }`, map[string]any{"id": id}), "NOT_FOUND")
		e.ok(analyst, `mutation($id: ID!) { updateSavedQuery(id: $id, input: {name: "Pilot trials"}) { id } }`, map[string]any{"id": id})
		e.ok(analyst, `mutation($id: ID!) { deleteSavedQuery(id: $id, version: 2) { deletedID } }`, map[string]any{"id": id})
		expectCode(t, e.do(analyst, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id}), "NOT_FOUND")
	})
}

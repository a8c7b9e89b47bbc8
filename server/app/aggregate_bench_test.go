package app_test

import (
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/issue"
)

// BenchmarkAggregates times the analyst aggregates over a generated book of accounts.
// TANDEM_BENCH_CUSTOMERS sets its size (default 2000); with TANDEM_TEST_DATABASE_URL
// set it runs on PostgreSQL too (TANDEM_BENCH_BACKEND=postgres: only there). Each run reports the SQL statements per request.
//
//	TANDEM_BENCH_CUSTOMERS=100000 go test -run XXX -bench Aggregates -benchtime 20x ./server/app/
func BenchmarkAggregates(b *testing.B) {
	n, list := benchBook()
	for _, backend := range list {
		t := &testing.T{}
		e := newEnv(t, backend, envOptions{})
		seedBook(b, e, n)
		tok := e.token(e.f.analyst)
		for _, q := range []struct{ name, query string }{
			{"pipelineStats", `{ pipelineStats(groupBy: [STAGE, TIER, LEAD_SOURCE]) { keys count } }`},
			{"pipelineByOwner", `{ pipelineStats(groupBy: [OWNER, PERIOD]) { keys count } }`},
			{"issueBreakdown", `{ issueBreakdown(groupBy: [CATEGORY, ROOT_CAUSE, PRODUCT, PERIOD]) { keys count } }`},
			{"orderVolume", `{ orderVolume(groupBy: [CUSTOMER, PRODUCT, MONTH]) { keys orders quantity } }`},
			{"sampleFunnel", `{ sampleFunnel(groupBy: [LEAD_SOURCE]) { keys stages { stage count } } }`},
			{"stageDurations", `{ stageDurations { stage stays medianDays p90Days } }`},
		} {
			b.Run(fmt.Sprintf("%s/%d/%s", backend, n, q.name), func(b *testing.B) {
				before := e.statements.Load()
				for i := 0; i < b.N; i++ {
					if r := e.do(tok, q.query, nil); len(r.Errors) > 0 {
						b.Fatal(r.Errors)
					}
				}
				b.ReportMetric(float64(e.statements.Load()-before)/float64(b.N), "stmts/op")
			})
		}
		e.srv.Close()
		e.app.Close()
	}
}

// benchBook is the benchmarks' book size (TANDEM_BENCH_CUSTOMERS, default 2000) and
// databases (both, or TANDEM_BENCH_BACKEND's).
func benchBook() (int, []string) {
	n, _ := strconv.Atoi(os.Getenv("TANDEM_BENCH_CUSTOMERS"))
	if n == 0 {
		n = 2000
	}
	list := backends(&testing.T{})
	if only := os.Getenv("TANDEM_BENCH_BACKEND"); only != "" {
		list = []string{only}
	}
	return n, list
}

// seedBook writes n accounts with a few issues, orders and stage changes, in bulk.
func seedBook(b *testing.B, e *env, n int) {
	c, ctx := e.app.DB.Client, e.sys
	start := time.Now()
	all := []customer.Stage{"PROSPECT", "CONTACTED", "VISITED", "SAMPLING", "TRIAL", "EVALUATION", "MAIN_SUPPLIER", "PARTNER", "DORMANT", "LOST"}
	sources := []customer.LeadSource{"TRADE_SHOW", "WEB", "PATENT", "PEER_REFERRAL", "JOURNAL"}
	owners := []*ent.User{e.f.rep1, e.f.rep2, e.f.rep3}
	const chunk = 1000
	for off := 0; off < n; off += chunk {
		size := min(chunk, n-off)
		cs := c.Customer.MapCreateBulk(make([]int, size), func(cc *ent.CustomerCreate, i int) {
			k := off + i
			o := owners[k%3]
			cc.SetName(fmt.Sprintf("Bench %06d", k)).SetStage(all[k%len(all)]).SetLeadSource(sources[k%len(sources)]).
				SetOwnerID(o.ID).SetTeamID(o.TeamID).SetScale(1 + k%5).SetDemand(1 + (k/5)%5).SetCredit(1 + (k/25)%5)
		}).SaveX(ctx)
		c.Issue.MapCreateBulk(cs[:size/10], func(ic *ent.IssueCreate, i int) {
			ic.SetCustomerID(cs[i].ID).SetTitle("bench").SetCategory([]issue.Category{"PRICE", "LATE_DELIVERY", "QUALITY_FLUCTUATION"}[i%3]).SetProductID(e.f.product.ID)
		}).ExecX(ctx)
		os := c.Order.MapCreateBulk(cs[:size/5], func(oc *ent.OrderCreate, i int) {
			oc.SetCustomerID(cs[i].ID).SetNumber(fmt.Sprintf("B-%06d-%d", off+i, i))
		}).SaveX(ctx)
		c.OrderLine.MapCreateBulk(os, func(lc *ent.OrderLineCreate, i int) {
			lc.SetOrderID(os[i].ID).SetCustomerID(os[i].CustomerID).SetProductID(e.f.product.ID).SetQuantity(float64(100 + i%50)).SetUnitPrice(12.5)
		}).ExecX(ctx)
	}
	b.Logf("%s: seeded %d customers in %s", e.app.DB.Dialect, n, time.Since(start).Round(time.Millisecond))
}

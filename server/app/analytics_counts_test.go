package app_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	samples "tandem/domain/sample"
	"tandem/ent"
	"tandem/ent/sample"
	"tandem/ent/samplecount"
	"tandem/ent/sampleevent"
)

// funnelAnswers are sampleFunnel's answers for each grouping the counts serve, from
// the counts (a window of whole UTC months) and from the samples (one second off).
func funnelAnswers(e *env, token string) (counted, sampled map[string]string) {
	counted, sampled = map[string]string{}, map[string]string{}
	const q = `query($from: Time, $by: [FunnelDimension!]!) { sampleFunnel(groupBy: $by, from: $from) { keys stages { stage count conversionRate } } }`
	for _, by := range [][]string{{}, {"REP"}, {"PRODUCT"}, {"PERIOD"}, {"REP", "PRODUCT", "PERIOD"}, {"PERIOD", "REP"}} {
		for from, into := range map[string]map[string]string{"2000-01-01T00:00:00Z": counted, "2000-01-01T00:00:01Z": sampled} {
			b, _ := json.Marshal(dig(e.ok(token, q, map[string]any{"from": from, "by": by}), "sampleFunnel"))
			into[fmt.Sprint(by)] = string(b)
		}
	}
	return counted, sampled
}

// countTable is the counts as kept, for comparing with a recount.
func countTable(t *testing.T, e *env) string {
	t.Helper()
	var out []string
	for _, r := range e.app.DB.Client.SampleCount.Query().Where(samplecount.SamplesNEQ(0)).Order(ent.Asc(samplecount.FieldID)).AllX(e.sys) {
		out = append(out, fmt.Sprintf("%s %s %s %d=%d", r.Month, r.RequestedByID, r.ProductID, r.Reached, r.Samples))
	}
	b, _ := json.Marshal(out)
	return string(b)
}

// TestSampleCounts moves samples every way the funnel's counts depend on; after each
// move the counts' answers equal the samples', and the kept counts equal a recount.
func TestSampleCounts(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		other := c.Product.Create().SetCode("TX-UV531").SetName("UV absorber").SaveX(e.sys)
		analyst := e.token(f.analyst)
		check := func(step string) {
			t.Helper()
			counted, sampled := funnelAnswers(e, analyst)
			for by, want := range sampled {
				if counted[by] != want {
					t.Errorf("%s, by %s:\n counts  %s\n samples %s", step, by, counted[by], want)
				}
			}
			kept := countTable(t, e)
			if err := samples.Recount(context.Background(), c); err != nil {
				t.Fatal(err)
			}
			if again := countTable(t, e); again != kept {
				t.Errorf("%s: kept counts\n%s\ncounted again\n%s", step, kept, again)
			}
		}
		march := time.Date(2026, 3, 31, 23, 30, 0, 0, time.UTC)
		var made []*ent.Sample
		for i, at := range []time.Time{march, march.Add(time.Hour), march.AddDate(0, 1, 0), march} {
			s := c.Sample.Create().SetCustomerID(f.southAcct.ID).SetProductID([]*ent.Product{f.product, other}[i%2].ID).
				SetQuantity(1).SetRequestedAt(at).SetRequestedByID([]*ent.User{f.rep3, f.rep1, f.rep3, f.manager}[i].ID).SaveX(e.sys)
			made = append(made, s)
		}
		check("samples asked for")
		if got := countTable(t, e); got == "[]" {
			t.Fatal("no counts kept")
		}
		event := func(s *ent.Sample, from, to string) {
			c.SampleEvent.Create().SetSampleID(s.ID).SetCustomerID(s.CustomerID).SetFromStatus(sampleevent.FromStatus(from)).
				SetToStatus(sampleevent.ToStatus(to)).SetActorID(f.rep3.ID).ExecX(e.sys)
		}
		event(made[0], "REQUESTED", "PREPARED")
		event(made[0], "PREPARED", "SHIPPED")
		event(made[2], "REQUESTED", "PREPARED")
		check("statuses reached")
		c.Sample.UpdateOne(made[1]).SetProductID(f.product.ID).ExecX(e.sys)
		c.Sample.UpdateOne(made[3]).ClearRequestedByID().ExecX(e.sys)
		c.Sample.Update().Where(sample.ID(made[2].ID)).SetRequestedAt(march.AddDate(0, -2, 0)).ExecX(e.sys)
		check("samples moved between products, reps and months")
		c.SampleEvent.Delete().Where(sampleevent.SampleID(made[0].ID)).ExecX(e.sys)
		c.Sample.DeleteOne(made[0]).ExecX(e.sys)
		check("a sample deleted")

		// The counts are what the analyst reads: emptied behind the hooks' back, the
		// answer is empty; a rep's answer is counted from their own samples.
		c.SampleCount.Delete().ExecX(e.sys)
		if d := e.ok(analyst, `{ sampleFunnel(groupBy: []) { stages { count } } }`, nil); num(dig(d, "sampleFunnel", 0, "stages", 0, "count")) != 0 {
			t.Errorf("the analyst's funnel does not come from the counts: %v", d)
		}
		d := e.ok(e.token(f.rep3), `{ sampleFunnel(groupBy: []) { stages { count } } }`, nil)
		if n := num(dig(d, "sampleFunnel", 0, "stages", 0, "count")); n != 4 {
			t.Errorf("rep3's funnel: %d samples, want south's 4 (its fixture sample and 3 left here)", n)
		}
	})
}

package account_test

import (
	"fmt"
	"testing"
	"time"

	"tandem/domain/account"
	"tandem/domain/domaintest"
	"tandem/ent"
	"tandem/ent/stagechange"
	"tandem/ent/stagestay"
)

// TestStays writes one account's history in the order given and checks each change's
// stay (seconds to the next change by time) and the day counts.
func TestStays(t *testing.T) {
	t0 := time.Date(2025, 1, 6, 8, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		// at are the changes' times (seconds after t0) in the order written; stage i
		// is stages[i].
		at      []int64
		deleted int // index into at of a change deleted afterwards, or -1
		// stays are the stays by change, in time order ("-" while still there).
		stays  string
		counts string
	}{
		{"in order", []int64{0, 100, 86500}, -1, "0:100 100:86400 86500:-", "CONTACTED/1=1 PROSPECT/0=1"},
		{"newest first", []int64{86500, 100, 0}, -1, "0:100 100:86400 86500:-", "CONTACTED/1=1 VISITED/0=1"},
		{"between two", []int64{0, 200000, 100000}, -1, "0:100000 100000:100000 200000:-", "PROSPECT/1=1 VISITED/1=1"},
		{"middle deleted", []int64{0, 100, 86500}, 1, "0:86500 86500:-", "PROSPECT/1=1"},
		{"last deleted", []int64{0, 100, 86500}, 2, "0:100 100:-", "PROSPECT/0=1"},
		{"fraction of a second", []int64{0, 1}, -1, "0:1 1:-", "PROSPECT/0=1"},
	}
	stages := []stagechange.ToStage{"PROSPECT", "CONTACTED", "VISITED"}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, ctx := domaintest.Open(t)
			cu := c.Customer.Create().SetName("Stay " + tc.name).SaveX(ctx)
			c.StageChange.Delete().Where(stagechange.CustomerID(cu.ID)).ExecX(ctx) // its first, made now
			var made []*ent.StageChange
			for i, s := range tc.at {
				at := t0.Add(time.Duration(s) * time.Second)
				if tc.name == "fraction of a second" {
					at = at.Add(999 * time.Millisecond) // whole seconds of each time, as PostgreSQL's floor
				}
				made = append(made, c.StageChange.Create().SetCustomerID(cu.ID).SetToStage(stages[i]).SetChangedAt(at).SaveX(ctx))
			}
			if tc.deleted >= 0 {
				c.StageChange.DeleteOne(made[tc.deleted]).ExecX(ctx)
			}
			got := ""
			for _, sc := range c.StageChange.Query().Where(stagechange.CustomerID(cu.ID)).Order(ent.Asc(stagechange.FieldChangedAt)).AllX(ctx) {
				stay := "-"
				if sc.StaySeconds != nil {
					stay = fmt.Sprint(*sc.StaySeconds)
				}
				got += fmt.Sprintf("%d:%s ", int64(sc.ChangedAt.Sub(t0)/time.Second), stay)
			}
			if got != tc.stays+" " {
				t.Errorf("stays %q, want %q", got, tc.stays)
			}
			counts := ""
			for _, d := range c.StageStay.Query().Where(stagestay.StaysNEQ(0)).Order(ent.Asc(stagestay.FieldStage), ent.Asc(stagestay.FieldDay)).AllX(ctx) {
				counts += fmt.Sprintf("%s/%d=%d ", d.Stage, d.Day, d.Stays)
			}
			if counts != tc.counts+" " {
				t.Errorf("counts %q, want %q", counts, tc.counts)
			}
			// Measured from scratch, the same.
			if err := account.Restay(ctx, c); err != nil {
				t.Fatal(err)
			}
			again := ""
			for _, d := range c.StageStay.Query().Where(stagestay.StaysNEQ(0)).Order(ent.Asc(stagestay.FieldStage), ent.Asc(stagestay.FieldDay)).AllX(ctx) {
				again += fmt.Sprintf("%s/%d=%d ", d.Stage, d.Day, d.Stays)
			}
			if again != counts {
				t.Errorf("measured again %q, kept %q", again, counts)
			}
		})
	}
}

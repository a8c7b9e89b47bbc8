package account_test

import (
	"testing"

	"tandem/domain/access"
	"tandem/domain/account"
	"tandem/domain/domaintest"
	"tandem/ent/customer"
	"tandem/ent/stagechange"
)

// A stage the change's own check recorded (access.StageSeen) is Advance's first look:
// a move from it stays conditional on it, so a stage that has moved on meanwhile is
// read again and never moved twice; a move records the stage it wrote.
func TestAdvanceFromARecordedStage(t *testing.T) {
	c, sys := domaintest.Open(t)
	for _, tc := range []struct {
		name             string
		actual, recorded customer.Stage
		want             customer.Stage
		changes          int // StageChange rows after the creation's: the set-up's and Advance's
	}{
		{"recorded as it is", customer.StageCONTACTED, customer.StageCONTACTED, customer.StageVISITED, 2},
		{"moved on meanwhile", customer.StageSAMPLING, customer.StageCONTACTED, customer.StageSAMPLING, 1},
		{"not recorded", customer.StageCONTACTED, "", customer.StageVISITED, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cu := c.Customer.Create().SetName("Advance " + tc.name).SaveX(sys)
			ctx := access.WithSeen(sys)
			if tc.recorded != "" {
				access.SawStage(ctx, cu.ID, tc.recorded)
			}
			// The account moves on (another change) after the check read it.
			if err := account.Advance(sys, c, cu.ID, tc.actual, "set-up"); err != nil {
				t.Fatal(err)
			}
			if err := account.Advance(ctx, c, cu.ID, customer.StageVISITED, "first visit"); err != nil {
				t.Fatalf("advance: %v", err)
			}
			if got := c.Customer.GetX(sys, cu.ID).Stage; got != tc.want {
				t.Errorf("stage %s, want %s", got, tc.want)
			}
			if n := c.StageChange.Query().Where(stagechange.CustomerID(cu.ID)).CountX(sys); n != 1+tc.changes {
				t.Errorf("%d stage changes, want %d", n, 1+tc.changes)
			}
			if got, _ := access.StageSeen(ctx, cu.ID); tc.want == customer.StageVISITED && got != customer.StageVISITED {
				t.Errorf("the move recorded %q", got)
			}
		})
	}
}

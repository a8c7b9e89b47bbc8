package keyperson_test

import (
	"testing"
	"time"

	"tandem/domain/account"
	"tandem/domain/domaintest"
	keypersons "tandem/domain/keyperson"
	"tandem/ent/customer"
	"tandem/ent/viewer"
)

func TestDueAt(t *testing.T) {
	from := time.Date(2026, 1, 10, 8, 0, 0, 0, time.UTC)
	last := time.Date(2026, 3, 1, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))
	factor := account.EvaluationFactor()
	for _, tc := range []struct {
		name   string
		last   *time.Time
		agreed int
		stage  customer.Stage
		want   time.Time
	}{
		{"never contacted: due from the day they became key", nil, 30, customer.StageTRIAL, from},
		{"contacted: the interval after", &last, 30, customer.StageTRIAL, last.UTC().AddDate(0, 0, 30)},
		{"evaluating: the shorter interval", &last, 30, customer.StageEVALUATION,
			last.UTC().Add(time.Duration(account.ContactIntervalDays(30, customer.StageEVALUATION)) * 24 * time.Hour)},
		{"evaluating: at least a day", &last, 1, customer.StageEVALUATION, last.UTC().AddDate(0, 0, 1)},
	} {
		if got := keypersons.DueAt(tc.last, from, tc.agreed, tc.stage); !got.Equal(tc.want) || got.Location() != time.UTC {
			t.Errorf("%s: %v, want %v (factor %g)", tc.name, got, tc.want, factor)
		}
	}
	if account.ContactIntervalDays(30, customer.StageEVALUATION) >= 30 {
		t.Fatalf("the evaluation interval is not shorter: the case above tests nothing")
	}
}

// The due time follows every write it is computed from: a new key person, a contact
// logged, the interval changed, the account entering and leaving evaluation.
func TestDueKept(t *testing.T) {
	c, ctx := domaintest.Open(t)
	cu := c.Customer.Create().SetName("常州恒力塑业有限公司").SaveX(ctx)
	ct := c.Contact.Create().SetCustomerID(cu.ID).SetName("王经理").SaveX(ctx)
	from := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	kp := c.KeyPerson.Create().SetCustomerID(cu.ID).SetContactID(ct.ID).SetDecisionRole("DECISION_MAKER").
		SetActiveFrom(from).SetContactIntervalDays(20).SaveX(ctx)
	due := func() time.Time {
		t.Helper()
		got := c.KeyPerson.GetX(ctx, kp.ID).ContactDueAt
		if got == nil {
			t.Fatal("no due time stored")
		}
		return got.UTC()
	}
	if got := due(); !got.Equal(from) {
		t.Errorf("new, never contacted: %v, want %v", got, from)
	}
	last := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	c.KeyPerson.UpdateOneID(kp.ID).SetLastContactedAt(last).ExecX(ctx)
	if got, want := due(), last.AddDate(0, 0, 20); !got.Equal(want) {
		t.Errorf("contacted: %v, want %v", got, want)
	}
	// A write of many rows (logging a visit updates its participants' rows) too.
	c.KeyPerson.Update().SetContactIntervalDays(40).ExecX(ctx)
	if got, want := due(), last.AddDate(0, 0, 40); !got.Equal(want) {
		t.Errorf("interval changed: %v, want %v", got, want)
	}
	// A manager moves the account by hand (stages otherwise follow evidence).
	admin := c.User.Create().SetEmail("admin@example.com").SetName("管理员").SetRole("ADMIN").SetPasswordHash("x").SaveX(ctx)
	mgr := viewer.NewContext(ctx, &viewer.Viewer{UserID: admin.ID, Role: viewer.Admin})
	short := last.Add(time.Duration(account.ContactIntervalDays(40, customer.StageEVALUATION)) * 24 * time.Hour)
	if _, err := account.Set(mgr, c, cu.ID, customer.StageEVALUATION, "考核开始", nil); err != nil {
		t.Fatal(err)
	}
	if got := due(); !got.Equal(short) {
		t.Errorf("evaluating: %v, want %v", got, short)
	}
	if _, err := account.Set(mgr, c, cu.ID, customer.StageMAIN_SUPPLIER, "考核通过", nil); err != nil {
		t.Fatal(err)
	}
	if got, want := due(), last.AddDate(0, 0, 40); !got.Equal(want) {
		t.Errorf("after evaluation: %v, want %v", got, want)
	}
	// Refresh writes nothing when every stored time is right.
	if n, err := keypersons.RefreshAll(ctx, c); err != nil || n != 0 {
		t.Errorf("refresh of right times: %d written, %v", n, err)
	}
}

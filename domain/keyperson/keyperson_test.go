package keyperson_test

import (
	"testing"
	"time"

	"tandem/domain/domaintest"
	keypersons "tandem/domain/keyperson"
	"tandem/ent/errcode"
)

func TestEndOnce(t *testing.T) {
	c, ctx := domaintest.Open(t)
	cu := c.Customer.Create().SetName("宁波华塑新材料有限公司").SaveX(ctx)
	ct := c.Contact.Create().SetCustomerID(cu.ID).SetName("李工").SaveX(ctx)
	kp := c.KeyPerson.Create().SetCustomerID(cu.ID).SetContactID(ct.ID).SetDecisionRole("USER").SaveX(ctx)
	first := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	reason := "转到采购部"
	if _, err := keypersons.End(ctx, c, kp.ID, &reason, nil, first); err != nil {
		t.Fatal(err)
	}
	again := "离职"
	_, err := keypersons.End(ctx, c, kp.ID, &again, nil, first.AddDate(0, 1, 0))
	if !errcode.Is(err, errcode.Conflict) {
		t.Fatalf("ended twice: %v", err)
	}
	got := c.KeyPerson.GetX(ctx, kp.ID)
	if !got.ActiveTo.Equal(first) || got.EndedReason != reason {
		t.Errorf("overwritten: %v %q", got.ActiveTo, got.EndedReason)
	}
	// A generic update cannot set or clear the end either.
	if err := c.KeyPerson.UpdateOneID(kp.ID).ClearActiveTo().Exec(ctx); !errcode.Is(err, errcode.BadUserInput) {
		t.Errorf("cleared by a generic update: %v", err)
	}
	if err := c.KeyPerson.UpdateOneID(kp.ID).SetEndedReason("x").Exec(ctx); !errcode.Is(err, errcode.BadUserInput) {
		t.Errorf("reason set by a generic update: %v", err)
	}
}

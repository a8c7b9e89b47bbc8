package notice_test

import (
	"testing"
	"time"

	"tandem/domain/domaintest"
	notices "tandem/domain/notice"
	"tandem/ent/changenotice"
	"tandem/ent/errcode"
)

func TestAhead(t *testing.T) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		at time.Time
		ok bool
	}{
		{now.AddDate(0, 1, 0), true},
		{now.Add(time.Minute), true},
		{now, false},
		{now.AddDate(0, 0, -1), false},
	} {
		err := notices.Ahead(c.at, now)
		if (err == nil) != c.ok {
			t.Errorf("effective %s: %v", c.at, err)
		}
		if err != nil && !errcode.Is(err, errcode.BadUserInput) {
			t.Errorf("effective %s: %v is not BAD_USER_INPUT", c.at, err)
		}
	}
}

// The guard under every writer: a notice is created a DRAFT, with a date ahead, and
// its status and issue date are not edited.
func TestGuard(t *testing.T) {
	c, sys := domaintest.Open(t)
	p := c.Product.Create().SetCode("TX-1010").SetName("Antioxidant 1010").SaveX(sys)
	_, err := c.ChangeNotice.Create().SetProductID(p.ID).SetKind(changenotice.KindFORMULA).SetTitle("x").
		SetEffectiveAt(time.Now().AddDate(0, 0, -1)).Save(sys)
	if !errcode.Is(err, errcode.BadUserInput) {
		t.Errorf("past effective date: %v", err)
	}
	cn := c.ChangeNotice.Create().SetProductID(p.ID).SetKind(changenotice.KindFORMULA).SetTitle("x").
		SetEffectiveAt(time.Now().AddDate(0, 1, 0)).SaveX(sys)
	for name, err := range map[string]error{
		"status":   c.ChangeNotice.UpdateOneID(cn.ID).SetStatus(changenotice.StatusISSUED).Exec(sys),
		"issuedAt": c.ChangeNotice.UpdateOneID(cn.ID).SetIssuedAt(time.Now()).Exec(sys),
	} {
		if !errcode.Is(err, errcode.BadUserInput) {
			t.Errorf("%s set by a generic update: %v", name, err)
		}
	}
}

package merge_test

import (
	"context"
	"testing"
	"time"

	"tandem/domain/domaintest"
	"tandem/domain/merge"
	"tandem/ent/accountchange"
	"tandem/ent/customer"
	"tandem/ent/errcode"
	"tandem/ent/schema/pulid"
	"tandem/ent/user"
	"tandem/ent/viewer"
)

func TestSetRatings(t *testing.T) {
	c, sys := domaintest.Open(t)
	east := c.Team.Create().SetName("East").SaveX(sys)
	south := c.Team.Create().SetName("South").SaveX(sys)
	mgr := c.User.Create().SetEmail("m@t.test").SetName("m").SetRole(user.RoleMANAGER).SetTeamID(east.ID).SaveX(sys)
	rep := c.User.Create().SetEmail("r@t.test").SetName("r").SetRole(user.RoleREP).SetTeamID(east.ID).SaveX(sys)
	rep3 := c.User.Create().SetEmail("r3@t.test").SetName("r3").SetRole(user.RoleREP).SetTeamID(south.ID).SaveX(sys)
	// B today (3.14 with demand 2); demand 5 makes it A (4.0).
	rated := c.Customer.Create().SetName("华塑").SetOwnerID(rep.ID).SetTeamID(east.ID).
		SetScale(3).SetTechnicalLevel(3).SetCredit(5).SetDemand(2).SetEaseOfClosing(3).SaveX(sys)
	unrated := c.Customer.Create().SetName("新客户").SetOwnerID(rep.ID).SetTeamID(east.ID).SaveX(sys)
	other := c.Customer.Create().SetName("彩虹").SetOwnerID(rep3.ID).SetTeamID(south.ID).SaveX(sys)
	as := func(u pulid.ID, r viewer.Role, team pulid.ID) *viewer.Viewer {
		return &viewer.Viewer{UserID: u, Role: r, TeamID: team}
	}
	ids := []pulid.ID{rated.ID, unrated.ID, other.ID}
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		v    *viewer.Viewer
		in   merge.RatingChange
		lang string
		code errcode.Code
		msg  string
	}{
		{"a rep", as(rep.ID, viewer.Rep, east.ID), merge.RatingChange{IDs: ids, Rating: "DEMAND", Value: 5, Reason: "x"}, "zh", errcode.Forbidden, "只有经理和管理员可以批量修改评分"},
		{"no reason", as(mgr.ID, viewer.Manager, east.ID), merge.RatingChange{IDs: ids, Rating: "DEMAND", Value: 5, Reason: " "}, "en", errcode.BadUserInput, "give a reason for the change"},
		{"out of range", as(mgr.ID, viewer.Manager, east.ID), merge.RatingChange{IDs: ids, Rating: "DEMAND", Value: 6, Reason: "x"}, "zh", errcode.BadUserInput, "评分为 1 到 5"},
		{"unknown rating", as(mgr.ID, viewer.Manager, east.ID), merge.RatingChange{IDs: ids, Rating: "TIER", Value: 3, Reason: "x"}, "en", errcode.BadUserInput, `rating: unknown rating "TIER"`},
		{"no accounts", as(mgr.ID, viewer.Manager, east.ID), merge.RatingChange{Rating: "DEMAND", Value: 3, Reason: "x"}, "zh", errcode.BadUserInput, "请选择 1 到 500 个客户"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := merge.SetRatings(viewer.NewContext(context.Background(), tc.v), c, tc.in, tc.lang, now)
			e, ok := errcode.As(err)
			if !ok || e.Code != tc.code || e.Message != tc.msg {
				t.Fatalf("got %v, want %s %q", err, tc.code, tc.msg)
			}
		})
	}
	if n := c.AccountChange.Query().CountX(sys); n != 0 {
		t.Fatalf("refused changes recorded %d changes", n)
	}

	ctx := viewer.NewContext(context.Background(), as(mgr.ID, viewer.Manager, east.ID))
	in := merge.RatingChange{IDs: ids, Rating: accountchange.RatingDEMAND, Value: 5, Reason: "new line of products"}
	for try := range 2 { // the retry changes nothing and records nothing
		rs, err := merge.SetRatings(ctx, c, in, "zh", now)
		if err != nil {
			t.Fatal(err)
		}
		if rs[0].Err != nil || rs[0].Customer.Tier == nil || *rs[0].Customer.Tier != customer.TierA {
			t.Errorf("try %d: the rated account: %+v", try, rs[0])
		}
		if rs[1].Err != nil || rs[1].Customer.Demand == nil || rs[1].Customer.Tier != nil {
			t.Errorf("try %d: one rating is not enough for a tier: %+v", try, rs[1])
		}
		if rs[2].Err == nil {
			t.Errorf("try %d: another team's account changed", try)
		}
	}
	if got := c.Customer.GetX(sys, other.ID); got.Demand != nil {
		t.Error("the other team's account has a demand rating")
	}
	acs := c.AccountChange.Query().Where(accountchange.KindEQ(accountchange.KindRATING_CHANGED)).
		Order(accountchange.ByCustomerID()).AllX(sys)
	if len(acs) != 2 {
		t.Fatalf("%d rating changes recorded, want 2", len(acs))
	}
	for _, ac := range acs {
		if ac.CustomerID == rated.ID && (*ac.RatingFrom != 2 || *ac.RatingTo != 5 || ac.TierFrom != "B" || ac.TierTo != "A" ||
			ac.Reason != "new line of products" || ac.ActorID != mgr.ID || !ac.At.Equal(now)) {
			t.Errorf("the rated account's change: %+v", ac)
		}
		if ac.CustomerID == unrated.ID && (ac.RatingFrom != nil || ac.TierTo != "") {
			t.Errorf("the unrated account's change: %+v", ac)
		}
	}
}

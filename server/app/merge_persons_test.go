package app_test

import (
	"testing"

	"tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/keyperson"
	"tandem/ent/person"
	"tandem/ent/schema/pulid"
)

// A merge moves contacts and key persons with plain UPDATEs; the persons behind them
// are recounted in the merge's transaction.

func (e *env) contactWith(cu *ent.Customer, name, mobile string, champion bool) *ent.Contact {
	e.t.Helper()
	c := e.app.DB.Client
	ct := c.Contact.Create().SetCustomerID(cu.ID).SetName(name).SetMobile(mobile).SaveX(e.sys)
	if champion {
		c.KeyPerson.Create().SetCustomerID(cu.ID).SetContactID(ct.ID).SetDecisionRole("DECISION_MAKER").
			SetAttitude(keyperson.AttitudeCHAMPION).SaveX(e.sys)
	}
	return c.Contact.GetX(e.sys, ct.ID)
}

func (e *env) wantPerson(what string, id pulid.ID, accounts, champions int) {
	e.t.Helper()
	p, err := e.app.DB.Client.Person.Get(e.sys, id)
	if err != nil {
		e.t.Errorf("%s: %v", what, err)
		return
	}
	if p.Accounts != accounts || p.ChampionAccounts != champions {
		e.t.Errorf("%s: accounts %d, champion accounts %d; want %d and %d", what, p.Accounts, p.ChampionAccounts, accounts, champions)
	}
}

func TestPersonCountsAfterAccountMerge(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		s := e.f.acmeEast
		m := c.Customer.Create().SetName("华塑").SetOwnerID(e.f.rep1.ID).SetTeamID(e.f.eastTeam.ID).
			SetStage(customer.StageVISITED).SaveX(e.sys)
		here := e.contactWith(s, "张总", "13911112222", true)
		there := e.contactWith(m, "张总", "+86 139 1111 2222", true)
		if here.PersonID == "" || here.PersonID != there.PersonID {
			t.Fatalf("one mobile, persons %q and %q", here.PersonID, there.PersonID)
		}
		e.wantPerson("before the merge", here.PersonID, 2, 2)
		e.ok(e.token(e.f.manager), mergeAccounts, map[string]any{"in": map[string]any{"survivorID": s.ID, "mergedID": m.ID}})
		e.wantPerson("after the merge", here.PersonID, 1, 1)
	})
}

func TestPersonCountsAfterContactMerge(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		q := `mutation($in: MergeInput!) { mergeContacts(input: $in) { id } }`
		s := e.contactWith(e.f.acmeEast, "李工", "13800001111", false)
		m := e.contactWith(e.f.acmeEast, "李工", "13800002222", true)
		elsewhere := e.contactWith(e.f.rep2Own, "李工", "13800002222", false)
		alone := e.contactWith(e.f.acmeEast, "李工", "13800003333", false)
		e.wantPerson("the merged one's person before", m.PersonID, 2, 1)
		mgr := e.token(e.f.manager)
		e.ok(mgr, q, map[string]any{"in": map[string]any{"survivorID": s.ID, "mergedID": m.ID}})
		// The survivor kept its mobile: it is its person; the key person followed it.
		e.wantPerson("the survivor's person", s.PersonID, 1, 1)
		e.wantPerson("the merged one's person", elsewhere.PersonID, 1, 0)
		if got := c.Contact.GetX(e.sys, elsewhere.ID).PersonID; got != m.PersonID {
			t.Errorf("the contact elsewhere left its person: %q", got)
		}
		// A person whose only contact is merged away is gone.
		e.ok(mgr, q, map[string]any{"in": map[string]any{"survivorID": s.ID, "mergedID": alone.ID}})
		if n := c.Person.Query().Where(person.ID(alone.PersonID)).CountX(e.sys); n != 0 {
			t.Errorf("the person of a merged-away contact stays")
		}
		e.wantPerson("the survivor's person after two merges", s.PersonID, 1, 1)
	})
}

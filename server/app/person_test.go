package app_test

import (
	"context"
	"slices"
	"testing"

	"tandem/ent"
	"tandem/ent/contact"
	"tandem/ent/keyperson"
	"tandem/ent/person"
	"tandem/ent/schema"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
)

// The same person across customer accounts: contacts with one mobile (or email, or
// WeChat ID) are one Person, counted at every account; analysts find the key persons
// who are champions at more than one customer with plain relation filters.

const championsAtSeveral = `{ keyPersons(first: 50, where: {attitude: CHAMPION, hasContactWith: {hasPersonWith: {championAccountsGT: 1}}}) {
	totalCount edges { node { id } } } }`

const personQuery = `query($id: ID!) { node(id: $id) { ... on Person { id name key accounts championAccounts
	contacts(first: 10) { totalCount edges { node { id customer { id } } } } } } }`

func TestPersonsAcrossAccounts(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, ctx, f := e.app.DB.Client, e.sys, e.f
		admin, analyst := e.token(f.admin), e.token(f.analyst)

		newContact := func(cu *ent.Customer, in map[string]any) pulid.ID {
			t.Helper()
			in["customerID"] = cu.ID
			d := e.ok(admin, `mutation($in: CreateContactInput!) { createContact(input: $in) { id person { id } } }`, map[string]any{"in": in})
			return idOf(dig(d, "createContact", "id"))
		}
		newKeyPerson := func(cu *ent.Customer, ct pulid.ID, attitude string) pulid.ID {
			t.Helper()
			d := e.ok(admin, `mutation($in: CreateKeyPersonInput!) { createKeyPerson(input: $in) { id } }`, map[string]any{"in": map[string]any{
				"customerID": cu.ID, "contactID": ct, "decisionRole": "TECHNICAL_EVALUATOR", "attitude": attitude}})
			return idOf(dig(d, "createKeyPerson", "id"))
		}
		personOf := func(ct pulid.ID) pulid.ID {
			t.Helper()
			return c.Contact.GetX(ctx, ct).PersonID
		}
		counts := func(p pulid.ID) (accounts, champions int) {
			t.Helper()
			pe := c.Person.GetX(ctx, p)
			return pe.Accounts, pe.ChampionAccounts
		}
		wantCounts := func(what string, p pulid.ID, accounts, champions int) {
			t.Helper()
			if a, ch := counts(p); a != accounts || ch != champions {
				t.Errorf("%s: accounts %d, champion accounts %d; want %d and %d", what, a, ch, accounts, champions)
			}
		}
		champions := func(who string) []pulid.ID {
			t.Helper()
			d := e.ok(who, championsAtSeveral, nil)
			ids := ptIDs(dig(d, "keyPersons"))
			if num(dig(d, "keyPersons", "totalCount")) != len(ids) {
				t.Errorf("totalCount %v for %d key persons", dig(d, "keyPersons", "totalCount"), len(ids))
			}
			slices.Sort(ids)
			return ids
		}
		same := func(got []pulid.ID, want ...pulid.ID) bool {
			slices.Sort(want)
			return slices.Equal(got, want)
		}

		// One mobile written two ways, at two customers: one person.
		wangEast := newContact(f.acmeEast, map[string]any{"name": "王志强", "title": "技术总监", "mobile": "+86 138-0013-8000"})
		wangSouth := newContact(f.southAcct, map[string]any{"name": "王志强", "title": "技术顾问", "mobile": "13800138000"})
		wang := personOf(wangEast)
		if wang == "" || personOf(wangSouth) != wang {
			t.Fatalf("same mobile, two persons: %q and %q", wang, personOf(wangSouth))
		}
		if pe := c.Person.GetX(ctx, wang); pe.Key != "13800138000" || pe.Name != "王志强" {
			t.Errorf("person: key %q name %q", pe.Key, pe.Name)
		}
		wantCounts("two contacts, no key persons", wang, 2, 0)

		// An email-only contact too, whatever its case and spaces.
		zhaoEast := newContact(f.acmeEast, map[string]any{"name": "赵敏", "email": "Zhao.Min@Example.com"})
		zhaoRep2 := newContact(f.rep2Own, map[string]any{"name": "赵敏", "email": " zhao.min@example.com "})
		if zhao := personOf(zhaoEast); zhao == "" || zhao == wang || personOf(zhaoRep2) != zhao || c.Person.GetX(ctx, zhao).Key != "zhao.min@example.com" {
			t.Errorf("email-only contacts: persons %q and %q", zhao, personOf(zhaoRep2))
		}
		wantCounts("email-only person", personOf(zhaoEast), 2, 0)
		// No identity, no person.
		if p := personOf(f.acmeContact.ID); p != "" {
			t.Errorf("a contact without mobile, email or WeChat has person %s", p)
		}

		// Champions: 王志强 at both his customers, 刘 at one only.
		liuRep2 := newContact(f.rep2Own, map[string]any{"name": "刘洋", "mobile": "139 0013 9000"})
		liu := personOf(liuRep2)
		kpWangEast := newKeyPerson(f.acmeEast, wangEast, "CHAMPION")
		kpWangSouth := newKeyPerson(f.southAcct, wangSouth, "CHAMPION")
		kpLiu := newKeyPerson(f.rep2Own, liuRep2, "CHAMPION")
		newKeyPerson(f.acmeEast, zhaoEast, "SUPPORTER")
		newKeyPerson(f.rep2Own, zhaoRep2, "CHAMPION")
		wantCounts("王志强, champion at two", wang, 2, 2)
		wantCounts("刘洋, champion at one", liu, 1, 1)
		wantCounts("赵敏, champion at one, supporter at the other", personOf(zhaoEast), 2, 1)
		if got := champions(analyst); !same(got, kpWangEast, kpWangSouth) {
			t.Fatalf("champions at several customers = %v, want 王志强's two key persons %v %v", got, kpWangEast, kpWangSouth)
		}
		d := e.ok(analyst, `{ persons(first: 10, where: {championAccountsGT: 1}) { totalCount edges { node { id name accounts contacts(first: 5) { totalCount } } } } }`, nil)
		if num(dig(d, "persons", "totalCount")) != 1 || idOf(dig(d, "persons", "edges", 0, "node", "id")) != wang ||
			num(dig(d, "persons", "edges", 0, "node", "contacts", "totalCount")) != 2 {
			t.Errorf("persons(championAccountsGT: 1) = %v", d)
		}

		// The recount is one statement, in the change's transaction.
		before := e.statements.Load()
		c.KeyPerson.UpdateOneID(kpLiu).SetProfessionalNeeds("耐候性").ExecX(ctx) // nothing derived follows
		plain := e.statements.Load() - before
		before = e.statements.Load()
		c.KeyPerson.UpdateOneID(kpLiu).SetAttitude(keyperson.AttitudeSUPPORTER).ExecX(ctx)
		if recount := e.statements.Load() - before - plain; recount != 1 {
			t.Errorf("a champion change costs %d statements more than a plain change, want 1 (the recount)", recount)
		}
		wantCounts("刘洋, no longer a champion", liu, 1, 0)
		c.KeyPerson.UpdateOneID(kpLiu).SetAttitude(keyperson.AttitudeCHAMPION).ExecX(ctx)
		wantCounts("刘洋, champion again", liu, 1, 1)

		// A new mobile moves 王志强's south contact to 刘洋 (the same number): both recounted.
		e.ok(admin, `mutation($id: ID!) { updateContact(id: $id, input: {mobile: "+86 139-0013-9000"}) { id } }`, map[string]any{"id": wangSouth})
		if personOf(wangSouth) != liu {
			t.Fatalf("after the new mobile the contact is %s's, want %s", personOf(wangSouth), liu)
		}
		wantCounts("王志强 after his south contact left", wang, 1, 1)
		wantCounts("刘洋 with the south contact", liu, 2, 2)
		if got := champions(analyst); !same(got, kpWangSouth, kpLiu) {
			t.Errorf("after the move, champions at several customers = %v, want %v %v", got, kpWangSouth, kpLiu)
		}

		// Ending a key person (endKeyPerson) drops the count and the filter's answer.
		e.ok(admin, `mutation($id: ID!) { endKeyPerson(input: {id: $id, reason: "left the company"}) { activeTo } }`, map[string]any{"id": kpWangSouth})
		wantCounts("刘洋 after the south key person ended", liu, 2, 1)
		if got := champions(analyst); len(got) != 0 {
			t.Errorf("after endKeyPerson, champions at several customers = %v, want none", got)
		}

		// The last contact leaving a person takes it away.
		e.ok(admin, `mutation($id: ID!) { updateContact(id: $id, input: {clearMobile: true, wechat: "wangzq_1980"}) { id } }`, map[string]any{"id": wangEast})
		if n := c.Person.Query().Where(person.ID(wang)).CountX(ctx); n != 0 {
			t.Errorf("the person without contacts is still there")
		}
		if p := c.Person.GetX(ctx, personOf(wangEast)); p.Key != "wangzq_1980" || p.Accounts != 1 || p.ChampionAccounts != 1 {
			t.Errorf("after the WeChat ID: person %+v", p)
		}

		// DerivePersons links contacts a database holds from before persons (and is a
		// no-op on a derived one).
		type row struct {
			key                string
			accounts, champion int
		}
		snapshot := func() map[pulid.ID]row {
			out := map[pulid.ID]row{}
			for _, ct := range c.Contact.Query().WithPerson().AllX(ctx) {
				if p := ct.Edges.Person; p != nil {
					out[ct.ID] = row{p.Key, p.Accounts, p.ChampionAccounts}
				}
			}
			return out
		}
		derived := snapshot()
		if _, err := e.app.DB.DB.Exec("UPDATE " + contact.Table + " SET person_id = NULL"); err != nil {
			t.Fatal(err)
		}
		if _, err := e.app.DB.DB.Exec("DELETE FROM " + person.Table); err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if err := schema.DerivePersons(ctx, c); err != nil {
				t.Fatal(err)
			}
			if got := snapshot(); len(got) != len(derived) {
				t.Errorf("DerivePersons linked %d contacts, the hooks %d", len(got), len(derived))
			} else {
				for id, r := range derived {
					if got[id] != r {
						t.Errorf("contact %s: DerivePersons %+v, hooks %+v", id, got[id], r)
					}
				}
			}
		}
	})
}

// TestPersonVisibility: whoever reads key persons reads the persons behind the contacts
// they see, and of a person only those contacts; the counts span every account.
func TestPersonVisibility(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, ctx, f := e.app.DB.Client, e.sys, e.f
		east := c.Contact.Create().SetCustomerID(f.acmeEast.ID).SetName("周杰").SetMobile("13700137000").SaveX(ctx)
		south := c.Contact.Create().SetCustomerID(f.southAcct.ID).SetName("周杰").SetMobile("137 0013 7000").SaveX(ctx)
		c.KeyPerson.Create().SetCustomerID(f.southAcct.ID).SetContactID(south.ID).SetDecisionRole("INFLUENCER").SetAttitude("CHAMPION").ExecX(ctx)
		c.KeyPerson.Create().SetCustomerID(f.acmeEast.ID).SetContactID(east.ID).SetDecisionRole("INFLUENCER").SetAttitude("CHAMPION").ExecX(ctx)
		southOnly := c.Contact.Create().SetCustomerID(f.southAcct.ID).SetName("吴磊").SetEmail("wu.lei@caihong.example").SaveX(ctx)
		zhou := c.Contact.GetX(ctx, east.ID).PersonID
		wu := c.Contact.GetX(ctx, southOnly.ID).PersonID
		if zhou == "" || c.Contact.GetX(ctx, south.ID).PersonID != zhou || wu == "" {
			t.Fatalf("persons: %q %q", zhou, wu)
		}

		for _, row := range []struct {
			who      *ent.User
			contacts []pulid.ID // zhou's contacts the viewer sees; nil: zhou is not visible
			seesWu   bool
			persons  int // persons(first:) totalCount
		}{
			{f.admin, []pulid.ID{east.ID, south.ID}, true, 2},
			{f.analyst, []pulid.ID{east.ID, south.ID}, true, 2},
			{f.manager, []pulid.ID{east.ID}, false, 1},
			{f.rep1, []pulid.ID{east.ID}, false, 1},
			{f.rep2, []pulid.ID{east.ID}, false, 1}, // a teammate: the east team's accounts
			{f.rep3, []pulid.ID{south.ID}, true, 2},
		} {
			tok, who := e.token(row.who), row.who.Email
			r := e.do(tok, personQuery, map[string]any{"id": zhou})
			if len(r.Errors) > 0 {
				t.Errorf("%s: node(person) errors %+v", who, r.Errors)
				continue
			}
			var got []pulid.ID
			for _, id := range ptIDs(dig(r.Data, "node", "contacts")) {
				if pulid.TypeOf(id) == "Contact" {
					got = append(got, id)
				}
			}
			slices.Sort(got)
			want := slices.Clone(row.contacts)
			slices.Sort(want)
			if !slices.Equal(got, want) || num(dig(r.Data, "node", "contacts", "totalCount")) != len(want) {
				t.Errorf("%s: person.contacts = %v (totalCount %v), want %v", who, got, dig(r.Data, "node", "contacts", "totalCount"), want)
			}
			if num(dig(r.Data, "node", "accounts")) != 2 || num(dig(r.Data, "node", "championAccounts")) != 2 {
				t.Errorf("%s: counts %v", who, r.Data)
			}
			// The same through the contact's edge.
			ct := row.contacts[0]
			d := e.ok(tok, `query($id: ID!) { node(id: $id) { ... on Contact { person { id contacts(first: 5) { totalCount } } } } }`, map[string]any{"id": ct})
			if idOf(dig(d, "node", "person", "id")) != zhou || num(dig(d, "node", "person", "contacts", "totalCount")) != len(want) {
				t.Errorf("%s: contact.person = %v", who, d)
			}
			r = e.do(tok, personQuery, map[string]any{"id": wu})
			if seen := dig(r.Data, "node") != nil; seen != row.seesWu {
				t.Errorf("%s: node(person of a south-only contact) seen = %v, want %v (errors %v)", who, seen, row.seesWu, ptCodes(r))
			}
			if !row.seesWu && r.code() != "NOT_FOUND" {
				t.Errorf("%s: a person not visible answers %q, want NOT_FOUND", who, r.code())
			}
			d = e.ok(tok, `{ persons(first: 10) { totalCount } }`, nil)
			if n := num(dig(d, "persons", "totalCount")); n != row.persons {
				t.Errorf("%s: persons totalCount = %d, want %d", who, n, row.persons)
			}
		}

		// Nobody writes a person, not even an admin: it is derived.
		asAdmin := viewer.NewContext(context.Background(), &viewer.Viewer{UserID: f.admin.ID, Role: viewer.Admin})
		if err := c.Person.UpdateOneID(zhou).SetName("x").Exec(asAdmin); err == nil {
			t.Errorf("an admin renamed a person")
		}
		s := ptLoadSchema(t, e, e.token(f.admin))
		for _, m := range s.types[s.mutation].Fields {
			if m.Type.named() == "Person" {
				t.Errorf("mutation %s returns a Person: persons are derived, not edited", m.Name)
			}
		}
	})
}

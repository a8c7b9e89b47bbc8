package app_test

import (
	"testing"

	"tandem/ent"
)

// TestVisibility is the role table: who sees which accounts, through every path —
// the list, node(id:), nodes(ids:), an edge from a shared record, and nested lists.
func TestVisibility(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		f := e.f
		type want struct {
			customers   int  // customers(first:) totalCount
			seeSouth    bool // node(id: south account)
			samples     int  // product.samples totalCount: an edge from a record everyone sees
			contacts    int  // contacts(first:) totalCount
			interacts   int  // interactions on the east account (one is private)
			notesShown  bool // key person's privateNotes
			auditEvents bool // may list the audit log
		}
		table := []struct {
			who  *ent.User
			want want
		}{
			{f.admin, want{3, true, 2, 2, 2, true, true}},
			{f.manager, want{2, false, 1, 1, 2, true, false}},
			{f.rep1, want{2, false, 1, 1, 2, true, false}},  // owner and author of the private visit
			{f.rep2, want{2, false, 1, 1, 1, false, false}}, // teammate: not the private visit, not the notes
			{f.rep3, want{1, true, 1, 1, 0, false, false}},
			{f.analyst, want{3, true, 2, 2, 1, false, false}},
		}
		for _, row := range table {
			tok := e.token(row.who)
			who := row.who.Email
			r := e.do(tok, `query($south: ID!, $east: ID!, $product: ID!, $kp: ID!) {
				customers(first: 50) { totalCount edges { node { id name } } }
				south: node(id: $south) { id }
				pair: nodes(ids: [$east, $south]) { id }
				product: node(id: $product) { ... on Product { samples(first: 10) { totalCount edges { node { id customer { id } } } } } }
				contacts(first: 10) { totalCount }
				kp: node(id: $kp) { ... on KeyPerson { privateNotes } }
			}`, map[string]any{"south": f.southAcct.ID, "east": f.acmeEast.ID, "product": f.product.ID, "kp": f.acmeKeyPerson.ID})
			d := r.Data
			for _, er := range r.Errors {
				if p := dig(er.Path, 0); (p != "south" && p != "pair" && p != "kp") || er.Extensions["code"] != "NOT_FOUND" {
					t.Errorf("%s: unexpected error %+v", who, er)
				}
			}
			if got := num(dig(d, "customers", "totalCount")); got != row.want.customers {
				t.Errorf("%s: customers totalCount = %d, want %d", who, got, row.want.customers)
			}
			if got := len(dig(d, "customers", "edges").([]any)); got != row.want.customers {
				t.Errorf("%s: customers edges = %d, want %d", who, got, row.want.customers)
			}
			if got := dig(d, "south") != nil; got != row.want.seeSouth {
				t.Errorf("%s: node(south) visible = %v, want %v", who, got, row.want.seeSouth)
			}
			if got := dig(d, "pair", 1) != nil; got != row.want.seeSouth {
				t.Errorf("%s: nodes[south] visible = %v, want %v", who, got, row.want.seeSouth)
			}
			if got := num(dig(d, "product", "samples", "totalCount")); got != row.want.samples {
				t.Errorf("%s: product.samples = %d, want %d", who, got, row.want.samples)
			}
			if got := num(dig(d, "contacts", "totalCount")); got != row.want.contacts {
				t.Errorf("%s: contacts = %d, want %d", who, got, row.want.contacts)
			}
			notes := dig(d, "kp", "privateNotes")
			if got := notes != nil; got != row.want.notesShown && dig(d, "kp") != nil {
				t.Errorf("%s: privateNotes shown = %v, want %v", who, got, row.want.notesShown)
			}
			r = e.do(tok, `query($id: ID!) { interactions(first: 10, where: {hasCustomerWith: [{id: $id}]}) { totalCount edges { node { findings private } } } }`,
				map[string]any{"id": f.acmeEast.ID})
			if got := num(dig(r.Data, "interactions", "totalCount")); got != row.want.interacts {
				t.Errorf("%s: interactions = %d, want %d", who, got, row.want.interacts)
			}
			r = e.do(tok, `{ auditEvents(first: 5) { totalCount } }`, nil)
			if got := r.code() == ""; got != row.want.auditEvents {
				t.Errorf("%s: audit log readable = %v, want %v (%+v)", who, got, row.want.auditEvents, r.Errors)
			}
		}
		// An invisible node answers exactly like a missing one: null, NOT_FOUND, no data.
		rep1 := e.token(f.rep1)
		for _, id := range []any{f.southAcct.ID, "CU01ZZZZZZZZZZZZZZZZZZZZZZZZ", "garbage"} {
			r := e.do(rep1, `query($id: ID!) { node(id: $id) { id ... on Customer { name } } }`, map[string]any{"id": id})
			expectCode(t, r, "NOT_FOUND")
			if dig(r.Data, "node") != nil {
				t.Errorf("node(%v) leaked %v", id, r.Data)
			}
		}
		// A where filter on an invisible account counts nothing.
		r := e.do(rep1, `query($id: ID!) { samples(first: 10, where: {hasCustomerWith: [{id: $id}]}) { totalCount } }`, map[string]any{"id": f.southAcct.ID})
		if got := num(dig(r.Data, "samples", "totalCount")); got != 0 {
			t.Errorf("rep1 counted %d samples of the south account", got)
		}
	})
}

func TestUnauthenticatedGetsNothing(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		for _, q := range []string{
			`{ customers(first: 5) { totalCount } }`,
			`{ me { id } }`,
			`query($id: ID!) { node(id: $id) { id } }`,
			`mutation { createCustomer(input: {name: "x"}) { id } }`,
			`{ __typename login: me { id } }`,
		} {
			r := e.do("", q, map[string]any{"id": e.f.acmeEast.ID})
			expectCode(t, r, "UNAUTHENTICATED")
			if r.Data != nil {
				t.Errorf("%s: data %v", q, r.Data)
			}
		}
	})
}

// TestWriteRules is the role table for writes.
func TestWriteRules(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		f := e.f
		rep1, rep2, rep3 := e.token(f.rep1), e.token(f.rep2), e.token(f.rep3)
		analyst, manager := e.token(f.analyst), e.token(f.manager)
		upd := `mutation($id: ID!, $in: UpdateCustomerInput!) { updateCustomer(id: $id, input: $in) { id name owner { email } } }`

		// Analysts read; they never write.
		expectCode(t, e.do(analyst, `mutation { createCustomer(input: {name: "Analyst Co"}) { id } }`, nil), "FORBIDDEN")
		expectCode(t, e.do(analyst, upd, map[string]any{"id": f.acmeEast.ID, "in": map[string]any{"name": "x"}}), "FORBIDDEN")

		// Another team's account: not found, unchanged.
		r := e.do(rep1, upd, map[string]any{"id": f.southAcct.ID, "in": map[string]any{"name": "hijacked"}})
		expectCode(t, r, "NOT_FOUND")
		if got := e.app.DB.Client.Customer.GetX(e.sys, f.southAcct.ID).Name; got != f.southAcct.Name {
			t.Fatalf("south account renamed to %q", got)
		}
		// A child row cannot be attached to an invisible account.
		r = e.do(rep1, `mutation($c: ID!) { createContact(input: {customerID: $c, name: "spy"}) { id } }`, map[string]any{"c": f.southAcct.ID})
		expectCode(t, r, "BAD_USER_INPUT")
		if n := e.app.DB.Client.Contact.Query().CountX(e.sys); n != 2 {
			t.Fatalf("contacts = %d after a refused create", n)
		}

		// A teammate may edit the team's account; a rep may not hand it to someone else.
		e.ok(rep2, upd, map[string]any{"id": f.acmeEast.ID, "in": map[string]any{"website": "https://www.huasu.example"}})
		expectCode(t, e.do(rep1, upd, map[string]any{"id": f.acmeEast.ID, "in": map[string]any{"ownerID": f.rep2.ID}}), "FORBIDDEN")
		// A manager can, within the team, and not to another team's rep.
		d := e.ok(manager, upd, map[string]any{"id": f.acmeEast.ID, "in": map[string]any{"ownerID": f.rep2.ID}})
		if dig(d, "updateCustomer", "owner", "email") != "rep2@t.test" {
			t.Fatalf("owner not changed: %v", d)
		}
		expectCode(t, e.do(manager, upd, map[string]any{"id": f.acmeEast.ID, "in": map[string]any{"ownerID": f.rep3.ID}}), "BAD_USER_INPUT")

		// A rep's new account is theirs, in their team; another team is refused.
		d = e.ok(rep3, `mutation { createCustomer(input: {name: "Shenzhen Bright Inks"}) { id owner { email } team { name } stage } }`, nil)
		if dig(d, "createCustomer", "owner", "email") != "rep3@t.test" || dig(d, "createCustomer", "team", "name") != "South" {
			t.Fatalf("defaults not applied: %v", d)
		}
		expectCode(t, e.do(rep1, `mutation($t: ID!) { createCustomer(input: {name: "X", teamID: $t}) { id } }`, map[string]any{"t": f.southTeam.ID}), "FORBIDDEN")

		// The catalogue is written by managers and admins only.
		expectCode(t, e.do(rep1, `mutation { createProduct(input: {code: "X1", name: "X"}) { id } }`, nil), "FORBIDDEN")
		e.ok(manager, `mutation { createProduct(input: {code: "X1", name: "X"}) { id } }`, nil)

		// Users: only admins create them; a user may rename themself, not promote themself.
		expectCode(t, e.do(manager, `mutation { createUser(input: {email: "m2@t.test", name: "M2"}, password: "long enough pw") { id } }`, nil), "FORBIDDEN")
		e.ok(rep1, `mutation($id: ID!) { updateUser(id: $id, input: {name: "Rep One"}) { name } }`, map[string]any{"id": f.rep1.ID})
		expectCode(t, e.do(rep1, `mutation($id: ID!) { updateUser(id: $id, input: {role: ADMIN}) { role } }`, map[string]any{"id": f.rep1.ID}), "FORBIDDEN")
	})
}

package app_test

import (
	"context"
	"encoding/json"
	"testing"

	"tandem/ent/customer"
	"tandem/ent/viewer"
)

// The to-one edges a query asks for (an account's owner and referrer, a sample's
// product, a key person's contact) are read in their parent's statement (ent/toone),
// filtered by the same read rules: every role reads exactly what it read when each
// edge had a statement of its own, in fewer statements.
func TestToOneEdgesReadInTheParentsStatement(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		// rep1's account was referred by an account and a contact of the south team,
		// which rep1 does not read: the edges must stay empty for rep1.
		c.Customer.UpdateOne(e.f.acmeEast).SetReferrerCustomerID(e.f.southAcct.ID).
			SetReferrerContactID(e.f.southContact.ID).ExecX(e.sys)
		const page = `{ customers(first: 50, orderBy: {field: NAME, direction: ASC}) { edges { node { id name
			owner { id name createdAt active } team { id name }
			referrerCustomer { id name stageChangedAt score } referrerContact { id name }
			keyPersons(first: 10) { edges { node { id contact { id name mobile } } } }
			samples(first: 10) { edges { node { id product { id code name } requestedBy { id name } } } } } } } }`

		read := func(token string) (string, int) {
			var d map[string]any
			stmts := e.recordSQL(func() { d = e.ok(token, page, nil) })
			b, _ := json.Marshal(d)
			return string(b), len(stmts)
		}
		for _, u := range []struct {
			name string
			tok  string
		}{
			{"admin", e.token(e.f.admin)}, {"manager", e.token(e.f.manager)}, {"rep1", e.token(e.f.rep1)},
			{"rep3", e.token(e.f.rep3)}, {"analyst", e.token(e.f.analyst)},
		} {
			e.app.LoadEdgesApart(true)
			apart, apartStmts := read(u.tok)
			e.app.LoadEdgesApart(false)
			folded, foldedStmts := read(u.tok)
			if folded != apart {
				t.Errorf("%s: folded edges read\n%s\nwhere edges apart read\n%s", u.name, folded, apart)
			}
			if foldedStmts >= apartStmts {
				t.Errorf("%s: %d statements with the edges folded, %d apart", u.name, foldedStmts, apartStmts)
			}
		}

		// The fixture can tell a leak: the admin reads the referrers, rep1 does not.
		ref := `query($id: ID!) { node(id: $id) { ... on Customer { referrerCustomer { id } referrerContact { id } } } }`
		vars := map[string]any{"id": e.f.acmeEast.ID}
		if d := e.ok(e.token(e.f.admin), ref, vars); dig(d, "node", "referrerCustomer", "id") != string(e.f.southAcct.ID) ||
			dig(d, "node", "referrerContact", "id") != string(e.f.southContact.ID) {
			t.Fatalf("the admin does not read the referrers: %v", d)
		}
		if d := e.ok(e.token(e.f.rep1), ref, vars); dig(d, "node", "referrerCustomer") != nil || dig(d, "node", "referrerContact") != nil {
			t.Errorf("rep1 reads another team's referrers: %v", d)
		}
	})
}

// The bench's page of accounts (owner, contacts, samples with their product) takes
// four statements whatever its size: the viewer's user, the accounts with their
// owners, the contacts, the samples with their products.
func TestAccountPageStatementsConstant(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		const list = `query($first: Int!) { customers(first: $first, orderBy: {field: NAME, direction: ASC}) {
			edges { node { id name stage tier region owner { id name }
				contacts(first: 10) { edges { node { id name title mobile } } }
				samples(first: 10) { edges { node { id status quantity unit requestedAt product { id code name } } } } } }
			pageInfo { hasNextPage endCursor } } }`
		for _, who := range []struct {
			name string
			tok  string
		}{{"admin", e.token(e.f.admin)}, {"rep1", e.token(e.f.rep1)}} {
			for _, first := range []int{1, 50} {
				var d map[string]any
				stmts := e.recordSQL(func() { d = e.ok(who.tok, list, map[string]any{"first": first}) })
				if n := len(dig(d, "customers", "edges").([]any)); n == 0 {
					t.Fatalf("%s reads no accounts", who.name)
				}
				if len(stmts) != 4 {
					t.Errorf("%s, first %d: %d statements, want 4:\n%v", who.name, first, len(stmts), stmts)
				}
			}
		}
	})
}

// A to-one edge whose read rule refuses the viewer is loaded as ent loads it, not
// folded: it fails only when a parent row has the edge, as before (a partner reads no
// teams; an empty page of accounts with their teams is still an empty page).
func TestToOneRefusedEdgeFailsOnlyWhereLoaded(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		ctx := viewer.NewContext(context.Background(), &viewer.Viewer{Role: viewer.Partner, CustomerID: e.f.acmeEast.ID})
		got, err := c.Customer.Query().Where(customer.ID("CU-none")).WithTeam().All(ctx)
		if err != nil || len(got) != 0 {
			t.Fatalf("an empty page with its teams: %d rows, %v", len(got), err)
		}
		if _, err := c.Customer.Query().Where(customer.ID(e.f.acmeEast.ID)).WithTeam().All(ctx); err == nil {
			t.Fatal("a partner read its account's team")
		}
		rows, err := c.Customer.Query().Where(customer.ID(e.f.acmeEast.ID)).All(ctx)
		if err != nil || len(rows) != 1 {
			t.Fatalf("the partner's own account: %d rows, %v", len(rows), err)
		}
	})
}

package app_test

import (
	"fmt"
	"strings"
	"testing"
)

// A rep's page of accounts loads each account's contacts and samples with the privacy
// rule asked only about the accounts on the page (ent/loadkeys), not about every account
// the rep may read, and the rows are exactly those the admin sees on the same accounts.
func TestEdgeLoadsAskTheRuleOnlyAboutTheirParents(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		for i := range 3 {
			c.Contact.Create().SetCustomerID(e.f.rep2Own.ID).SetName(fmt.Sprintf("同事 %d", i)).SaveX(e.sys)
		}
		const page = `{ customers(first: 50) { edges { node { id
			contacts(first: 10) { edges { node { id } } }
			samples(first: 10) { edges { node { id } } } } } } }`
		rep, admin := e.token(e.f.rep1), e.token(e.f.admin)
		var d map[string]any
		stmts := e.recordSQL(func() { d = e.ok(rep, page, nil) })

		edges := dig(d, "customers", "edges").([]any)
		contacts, samples := 0, 0
		for _, edge := range edges {
			node := edge.(map[string]any)["node"].(map[string]any)
			id := node["id"].(string)
			want := e.ok(admin, `query($id: ID!) { node(id: $id) { ... on Customer {
				contacts(first: 10) { edges { node { id } } } samples(first: 10) { edges { node { id } } } } } }`,
				map[string]any{"id": id})["node"].(map[string]any)
			for _, edge := range []string{"contacts", "samples"} {
				got := strings.Join(rptIDs(dig(node, edge, "edges"), "node", "id"), ",")
				exp := strings.Join(rptIDs(dig(want, edge, "edges"), "node", "id"), ",")
				if got != exp {
					t.Errorf("account %s, %s: the rep reads %s, the admin %s", id, edge, got, exp)
				}
			}
			contacts += len(dig(node, "contacts", "edges").([]any))
			samples += len(dig(node, "samples", "edges").([]any))
		}
		if len(edges) < 2 || contacts < 4 || samples < 1 {
			t.Fatalf("the rep's page has %d accounts, %d contacts, %d samples: too few to compare", len(edges), contacts, samples)
		}

		unquote := strings.NewReplacer("`", "", `"`, "")
		for _, table := range []string{"FROM contacts", "FROM samples"} {
			found := false
			for _, s := range stmts {
				if s = unquote.Replace(s); strings.Contains(s, table) {
					found = true
					if !strings.Contains(s, "customers.id IN (") {
						t.Errorf("the rule's sub-select is not narrowed to the page's accounts: %.600s", s)
					}
				}
			}
			if !found {
				t.Errorf("no statement read %s", table)
			}
		}
	})
}

package app_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"tandem/ent"
	"tandem/server/dbplan"
)

// planMarks records, per ent query type ("Customer"), how many of its reads ran with
// a context marked dbplan.ByKey, how many marked dbplan.AnyPlan (the viewer's user,
// in either) and how many unmarked.
type planMarks struct {
	mu            sync.Mutex
	on            bool
	keyed, perRun map[string]int
}

func (p *planMarks) record(f func()) (keyed, perRun map[string]int) {
	p.mu.Lock()
	p.on, p.keyed, p.perRun = true, map[string]int{}, map[string]int{}
	p.mu.Unlock()
	f()
	p.mu.Lock()
	defer p.mu.Unlock()
	p.on = false
	if p.keyed["User (either)"] == 0 {
		p.keyed["User (either) not read"] = 1
	}
	for typ := range p.keyed {
		if strings.HasSuffix(typ, " (either)") { // the viewer's user, a mutation's receipt
			delete(p.keyed, typ)
		}
	}
	return p.keyed, p.perRun
}

func watchPlans(e *env) *planMarks {
	p := &planMarks{}
	e.app.DB.Client.Intercept(ent.InterceptFunc(func(next ent.Querier) ent.Querier {
		return ent.QuerierFunc(func(ctx context.Context, q ent.Query) (ent.Value, error) {
			typ := strings.TrimSuffix(strings.TrimPrefix(fmt.Sprintf("%T", q), "*ent."), "Query")
			p.mu.Lock()
			if p.on {
				switch dbplan.Of(ctx) {
				case dbplan.Kept:
					p.keyed[typ]++
				case dbplan.Either:
					p.keyed[typ+" (either)"]++
				default:
					p.perRun[typ]++
				}
			}
			p.mu.Unlock()
			return next.Query(ctx, q)
		})
	}))
	return p
}

// The reads PostgreSQL may keep plans for (dbplan.ByKey) are an account's page and the
// writes of a logged contact; the viewer's user is read in either mode; a list under anything but an
// account's own rows, a field with its own resolver (a search of the whole book) and
// every other query are planned per run.
func TestReadsByKeyKeepTheirPlans(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		f := e.f
		marks := watchPlans(e)
		rep := e.token(f.rep1)
		account := func(under string) string {
			return `query($id: ID!) { node(id: $id) { ... on Customer { id name
				contacts(first: 10) { edges { node { id name } } }
				samples(first: 10) { edges { node { id status product { id name ` + under + ` } } } } } } }`
		}
		only := func(what string, got map[string]int, want ...string) {
			t.Helper()
			for typ := range got {
				if !strings.Contains(" "+strings.Join(want, " ")+" ", " "+typ+" ") {
					t.Errorf("%s: %s read %d times, want none", what, typ, got[typ])
				}
			}
			for _, typ := range want {
				if got[typ] == 0 {
					t.Errorf("%s: %s not read (%v)", what, typ, got)
				}
			}
		}

		keyed, perRun := marks.record(func() { e.ok(rep, account(""), map[string]any{"id": f.acmeEast.ID}) })
		only("an account's page, by key", keyed, "Customer", "Contact", "Sample", "Product")
		only("an account's page, per run", perRun)

		// A product's samples may be ten or fifty thousand: the page is planned per run.
		keyed, perRun = marks.record(func() {
			e.ok(rep, account(`samples(first: 5) { edges { node { id } } }`), map[string]any{"id": f.acmeEast.ID})
		})
		only("a product's samples under an account, by key", keyed)
		only("a product's samples under an account, per run", perRun, "Customer", "Contact", "Sample", "Product")

		// A list of accounts under an account, or a list filtered through another
		// table (has…With), is planned per run; a filter on the list's own columns is not.
		for _, tc := range []struct {
			list  string
			keyed bool
		}{
			{`referredCustomers(first: 5) { edges { node { id } } }`, false},
			{`contacts(first: 5, where: {hasKeyPersonsWith: [{attitudeIn: [SUPPORTER]}]}) { edges { node { id } } }`, false},
			{`contacts(first: 5, where: {or: [{nameContains: "x"}, {hasInteractions: true}]}) { edges { node { id } } }`, false},
			{`contacts(first: 5, where: {or: [{nameContains: "x"}, {titleContains: "y"}]}) { edges { node { id } } }`, true},
		} {
			keyed, _ = marks.record(func() {
				e.ok(rep, `query($id: ID!) { node(id: $id) { ... on Customer { id `+tc.list+` } } }`, map[string]any{"id": f.acmeEast.ID})
			})
			if got := keyed["Customer"] > 0; got != tc.keyed {
				t.Errorf("an account with %s: read by key %v, want %v (%v)", tc.list, got, tc.keyed, keyed)
			}
		}

		// A field with its own resolver reads with its own context.
		keyed, perRun = marks.record(func() {
			e.ok(rep, `query($id: ID!) { node(id: $id) { ... on Customer { id possibleDuplicates { name } } } }`, map[string]any{"id": f.acmeEast.ID})
		})
		only("an account's duplicates, by key", keyed, "Customer")
		if perRun["Customer"] == 0 {
			t.Errorf("an account's duplicates: the search ran by key (%v)", perRun)
		}

		// One of an account's rows: a contact's page.
		keyed, perRun = marks.record(func() {
			e.ok(rep, `query($id: ID!) { node(id: $id) { ... on Contact { id name } } }`, map[string]any{"id": f.acmeContact.ID})
		})
		only("a contact's page, by key", keyed, "Contact")
		only("a contact's page, per run", perRun)

		// Not an account's row: a product's page, whatever is asked under it.
		keyed, perRun = marks.record(func() {
			e.ok(rep, `query($id: ID!) { node(id: $id) { ... on Product { id name } } }`, map[string]any{"id": f.product.ID})
		})
		only("a product's page, by key", keyed)
		only("a product's page, per run", perRun, "Product")

		// The phone's account screen: the report's own reads, one account's rows.
		keyed, perRun = marks.record(func() {
			e.ok(rep, `query($id: ID!) { customerReport(id: $id) { customer { id } samplesInFlight { id } lastInteractions { id } openTasks { id } } }`,
				map[string]any{"id": f.acmeEast.ID})
		})
		for _, typ := range []string{"Customer", "Sample", "Interaction", "Task", "KeyPerson", "Order", "Issue"} {
			if keyed[typ] == 0 || perRun[typ] != 0 {
				t.Errorf("an account's report: %s read %d times by key, %d per run", typ, keyed[typ], perRun[typ])
			}
		}

		visit := `mutation($c: ID!) { createInteraction(input: {customerID: $c, kind: VISIT, summary: "拜访"}, clientMutationId: "plans-1") {
			id author { id ownedCustomers(first: 5) { edges { node { id } } } } } }`
		keyed, _ = marks.record(func() { e.ok(rep, visit, map[string]any{"c": f.acmeEast.ID}) })
		if keyed["Customer"] == 0 {
			t.Errorf("a logged visit: its account read per run (%v)", keyed)
		}
		// A retry answers with the record read again, with what the selection asks for
		// under it (here a rep's accounts): per run.
		keyed, perRun = marks.record(func() { e.ok(rep, visit, map[string]any{"c": f.acmeEast.ID}) })
		only("a retried visit, by key", keyed)
		if perRun["Interaction"] == 0 || perRun["Customer"] == 0 {
			t.Errorf("a retried visit: its record read by key (%v)", perRun)
		}

		keyed, _ = marks.record(func() {
			e.ok(rep, `mutation($c: ID!) { logInteraction(input: {customerID: $c, kind: PHONE, findings: "需求"}) { id } }`, map[string]any{"c": f.acmeEast.ID})
		})
		if keyed["Customer"] == 0 {
			t.Errorf("a logged call: its account read per run (%v)", keyed)
		}

		keyed, perRun = marks.record(func() { e.ok(rep, `{ today { total } }`, nil) })
		only("Today, by key", keyed)
		if len(perRun) == 0 {
			t.Error("Today read nothing")
		}
	})
}

package app_test

import (
	"fmt"
	"sync"
	"testing"

	"tandem/ent"
	"tandem/ent/auditevent"
	"tandem/ent/customer"
	"tandem/ent/stagechange"
)

func TestValidationChangesNothing(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		rep := e.token(e.f.rep1)
		before := e.app.DB.Client.Customer.Query().CountX(e.sys)
		for _, c := range []struct{ name, input string }{
			{"empty name", `{name: ""}`},
			{"rating out of range", `{name: "Rating Co", scale: 9}`},
			{"unknown enum", `{name: "Enum Co", stage: NOT_A_STAGE}`},
			{"unknown field", `{name: "Field Co", colour: "red"}`},
			{"missing name", `{website: "x"}`},
		} {
			r := e.do(rep, `mutation { createCustomer(input: `+c.input+`) { id } }`, nil)
			if r.code() != "BAD_USER_INPUT" || dig(r.Data, "createCustomer") != nil {
				t.Errorf("%s: want BAD_USER_INPUT and no data, got %q %v", c.name, r.code(), r.Errors)
			}
		}
		r := e.do(rep, `mutation($c: ID!) { createPitch(input: {customerID: $c, entryPoint: PRODUCT, advantages: ["PRICE", "CHEAPEST"]}) { id } }`,
			map[string]any{"c": e.f.acmeEast.ID})
		expectCode(t, r, "BAD_USER_INPUT")
		if after := e.app.DB.Client.Customer.Query().CountX(e.sys); after != before {
			t.Fatalf("customers %d → %d after refused creates", before, after)
		}
	})
}

func TestVersionConflict(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		rep := e.token(e.f.rep1)
		id := e.f.acmeEast.ID
		upd := `mutation($id: ID!, $v: Int, $n: String) { updateCustomer(id: $id, input: {name: $n, version: $v}) { name version } }`
		d := e.ok(rep, upd, map[string]any{"id": id, "v": 1, "n": "First writer"})
		if num(dig(d, "updateCustomer", "version")) != 2 {
			t.Fatalf("version after update = %v", d)
		}
		// The second writer read version 1 too: refused, nothing changed.
		r := e.do(rep, upd, map[string]any{"id": id, "v": 1, "n": "Second writer"})
		expectCode(t, r, "CONFLICT")
		c := e.app.DB.Client.Customer.GetX(e.sys, id)
		if c.Name != "First writer" || c.Version != 2 {
			t.Fatalf("after conflict: %q v%d", c.Name, c.Version)
		}
		// With the current version it goes through; without one it overwrites.
		e.ok(rep, upd, map[string]any{"id": id, "v": 2, "n": "Second writer"})
		d = e.ok(rep, upd, map[string]any{"id": id, "n": "Third"})
		if num(dig(d, "updateCustomer", "version")) != 4 {
			t.Fatalf("version = %v", d)
		}
		// Delete with a stale version is refused too.
		need := e.ok(rep, `mutation($c: ID!) { createNeed(input: {customerID: $c, level: COMPANY, description: "IPO in 2027"}) { id version } }`,
			map[string]any{"c": id})
		nid := dig(need, "createNeed", "id")
		e.ok(rep, `mutation($id: ID!) { updateNeed(id: $id, input: {status: ADDRESSED}) { id } }`, map[string]any{"id": nid})
		expectCode(t, e.do(rep, `mutation($id: ID!) { deleteNeed(id: $id, version: 1) { deletedID } }`, map[string]any{"id": nid}), "CONFLICT")
		e.ok(rep, `mutation($id: ID!) { deleteNeed(id: $id, version: 2) { deletedID } }`, map[string]any{"id": nid})
	})
}

func TestClientMutationIDReplay(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		rep := e.token(e.f.rep1)
		q := `mutation($c: ID!, $m: String) { createInteraction(input: {customerID: $c, kind: VISIT, findings: "needs a low-odour grade"}, clientMutationId: $m) { id findings } }`
		vars := map[string]any{"c": e.f.acmeEast.ID, "m": "visit-7f3a"}
		a := dig(e.ok(rep, q, vars), "createInteraction", "id")
		b := dig(e.ok(rep, q, vars), "createInteraction", "id")
		if a != b {
			t.Fatalf("a retried create made a new record: %v vs %v", a, b)
		}
		n := e.app.DB.Client.Interaction.Query().CountX(e.sys)
		if n != 3 {
			t.Fatalf("interactions = %d, want 3 (2 fixtures + 1)", n)
		}
		// Another id is another record; the same id from another user is theirs.
		e.ok(rep, q, map[string]any{"c": e.f.acmeEast.ID, "m": "visit-other"})
		e.ok(e.token(e.f.rep2), q, vars)
		if n := e.app.DB.Client.Interaction.Query().CountX(e.sys); n != 5 {
			t.Fatalf("interactions = %d, want 5", n)
		}
		// The same id used for another kind of record is a conflict.
		r := e.do(rep, `mutation($c: ID!) { createTask(input: {customerID: $c, title: "t"}, clientMutationId: "visit-7f3a") { id } }`, map[string]any{"c": e.f.acmeEast.ID})
		expectCode(t, r, "CONFLICT")
	})
}

// The same create sent several times at once (a phone retrying while its first try is
// still on the way) makes one record, and every answer names it: the later ones wait
// for the first at its receipt and then read its record.
func TestClientMutationIDConcurrentRetries(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		rep := e.token(e.f.rep1)
		q := `mutation($c: ID!, $m: String) { createInteraction(input: {customerID: $c, kind: VISIT, summary: "retried"}, clientMutationId: $m) { id } }`
		vars := map[string]any{"c": e.f.acmeEast.ID, "m": "visit-race"}
		before := e.app.DB.Client.Interaction.Query().CountX(e.sys)
		const tries = 6
		answers := make([]*gqlResponse, tries)
		var wg sync.WaitGroup
		for i := range tries {
			wg.Add(1)
			go func() { defer wg.Done(); answers[i] = e.do(rep, q, vars) }()
		}
		wg.Wait()
		ids := map[any]int{}
		for _, r := range answers {
			if len(r.Errors) > 0 {
				t.Fatalf("a concurrent retry failed: %v", r.Errors)
			}
			ids[dig(r.Data, "createInteraction", "id")]++
		}
		if len(ids) != 1 {
			t.Errorf("%d concurrent tries answered %d different records: %v", tries, len(ids), ids)
		}
		if n := e.app.DB.Client.Interaction.Query().CountX(e.sys); n != before+1 {
			t.Errorf("%d concurrent tries made %d records", tries, n-before)
		}
	})
}

func TestPagesAreClamped(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		bulk := c.Customer.MapCreateBulk(make([]int, 120), func(b *ent.CustomerCreate, i int) {
			b.SetName(fmt.Sprintf("Bulk %03d", i)).SetOwnerID(e.f.rep1.ID).SetTeamID(e.f.eastTeam.ID)
		})
		bulk.ExecX(e.sys)
		admin := e.token(e.f.admin)
		for _, c := range []struct {
			args  string
			edges int
		}{{"first: 1000", 100}, {"first: 0", 1}, {"first: -5", 1}, {"last: 500", 100}, {"first: 7", 7}} {
			d := e.ok(admin, `{ customers(`+c.args+`) { totalCount edges { node { id } } pageInfo { hasNextPage hasPreviousPage } } }`, nil)
			if got := len(dig(d, "customers", "edges").([]any)); got != c.edges {
				t.Errorf("%s: %d edges, want %d", c.args, got, c.edges)
			}
			if num(dig(d, "customers", "totalCount")) != 123 {
				t.Errorf("%s: totalCount %v", c.args, dig(d, "customers", "totalCount"))
			}
		}
		expectCode(t, e.do(admin, `{ customers { totalCount } }`, nil), "BAD_USER_INPUT")
		// Paging with the cursor walks all rows exactly once.
		seen, after := map[any]bool{}, any(nil)
		for {
			d := e.ok(admin, `query($a: Cursor) { customers(first: 50, after: $a, orderBy: {field: NAME, direction: ASC}) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`, map[string]any{"a": after})
			for _, ed := range dig(d, "customers", "edges").([]any) {
				seen[dig(ed, "node", "id")] = true
			}
			if dig(d, "customers", "pageInfo", "hasNextPage") != true {
				break
			}
			after = dig(d, "customers", "pageInfo", "endCursor")
		}
		if len(seen) != 123 {
			t.Fatalf("paged through %d customers, want 123", len(seen))
		}
	})
}

// TestNoNPlusOne counts SQL statements for a page of customers with their contacts
// and samples: the count must not grow with the page size.
func TestNoNPlusOne(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		for i := 0; i < 60; i++ {
			cu := c.Customer.Create().SetName(fmt.Sprintf("Page %02d", i)).SetOwnerID(e.f.rep1.ID).SetTeamID(e.f.eastTeam.ID).SaveX(e.sys)
			c.Contact.Create().SetCustomerID(cu.ID).SetName("A").ExecX(e.sys)
			c.Contact.Create().SetCustomerID(cu.ID).SetName("B").ExecX(e.sys)
			c.Sample.Create().SetCustomerID(cu.ID).SetProductID(e.f.product.ID).SetQuantity(1).ExecX(e.sys)
		}
		q := `query($n: Int!) { customers(first: $n) { totalCount edges { node { id name owner { name } team { name }
			contacts(first: 10) { totalCount edges { node { id name department } } }
			samples(first: 10) { totalCount edges { node { id status product { code } } } } } } } }`
		counts := map[int]int64{}
		for _, who := range []struct {
			name string
			tok  string
		}{{"admin", e.token(e.f.admin)}, {"rep1", e.token(e.f.rep1)}} {
			for _, n := range []int{10, 50} {
				e.ok(who.tok, q, map[string]any{"n": n}) // warm up
				before := e.statements.Load()
				d := e.ok(who.tok, q, map[string]any{"n": n})
				counts[n] = e.statements.Load() - before
				if got := len(dig(d, "customers", "edges").([]any)); got != n {
					t.Fatalf("%s: %d customers, want %d", who.name, got, n)
				}
				if got := num(dig(d, "customers", "edges", n-1, "node", "contacts", "totalCount")); got != 2 && got != 1 {
					t.Fatalf("%s: contacts totalCount %d", who.name, got)
				}
			}
			t.Logf("%s: SQL statements for a page of 10 customers: %d, of 50: %d", who.name, counts[10], counts[50])
			if counts[50] != counts[10] {
				t.Errorf("%s: statements grew with the page: 10 → %d, 50 → %d", who.name, counts[10], counts[50])
			}
		}
	})
}

func TestAuditAndStageHistory(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		rep := e.token(e.f.rep1)
		id := e.f.acmeEast.ID
		e.ok(rep, `mutation($id: ID!) { updateCustomer(id: $id, input: {website: "https://huasu.example"}) { id } }`, map[string]any{"id": id})
		e.ok(e.token(e.f.manager), `mutation($id: ID!) { setCustomerStage(input: {id: $id, stage: SAMPLING, reason: "samples sent by the lab directly"}) { stage stageChangedAt } }`, map[string]any{"id": id})
		c := e.app.DB.Client
		ev := c.AuditEvent.Query().Where(auditevent.EntityID(string(id)), auditevent.ActionEQ(auditevent.ActionUPDATE)).Order(ent.Asc(auditevent.FieldAt)).FirstX(e.sys)
		if ev.ActorID != e.f.rep1.ID || ev.Before["website"] != "" || ev.After["website"] != "https://huasu.example" {
			t.Fatalf("audit event: actor %s before %v after %v", ev.ActorID, ev.Before, ev.After)
		}
		sc := c.StageChange.Query().Where(stagechange.CustomerID(id), stagechange.ToStageEQ(stagechange.ToStageSAMPLING)).OnlyX(e.sys)
		if sc.FromStage == nil || *sc.FromStage != stagechange.FromStageVISITED || sc.ChangedByID != e.f.manager.ID || sc.Reason != "samples sent by the lab directly" {
			t.Fatalf("stage change: %+v", sc)
		}
		d := e.ok(rep, `query($id: ID!) { node(id: $id) { ... on Customer { stageChanges(first: 10) { totalCount edges { node { fromStage toStage changedBy { email } } } } } } }`, map[string]any{"id": id})
		if num(dig(d, "node", "stageChanges", "totalCount")) != 2 {
			t.Fatalf("stage history: %v", d)
		}
		// Private notes never reach the audit log.
		e.ok(rep, `mutation($id: ID!) { updateKeyPerson(id: $id, input: {privateNotes: "secret"}) { id } }`, map[string]any{"id": e.f.acmeKeyPerson.ID})
		kev := c.AuditEvent.Query().Where(auditevent.EntityID(string(e.f.acmeKeyPerson.ID)), auditevent.ActionEQ(auditevent.ActionUPDATE)).OnlyX(e.sys)
		if _, leaked := kev.After["private_notes"]; leaked {
			t.Fatalf("private notes in the audit log: %v", kev.After)
		}
		_ = customer.StageSAMPLING
	})
}

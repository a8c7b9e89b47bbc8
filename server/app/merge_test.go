package app_test

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"tandem/domain/history"
	"tandem/domain/merge"
	"tandem/ent"
	"tandem/ent/accountchange"
	"tandem/ent/changenotice"
	"tandem/ent/changenoticeack"
	"tandem/ent/customer"
	"tandem/ent/order"
	"tandem/ent/task"
	"tandem/ent/user"
	"tandem/server/auth"
)

const mergeAccounts = `mutation($in: MergeInput!, $cm: String) { mergeAccounts(input: $in, clientMutationId: $cm) { id kind subjectID customer { id name region stage } chosen { field side } moved { table count } } }`

// duplicateOf makes, as the server, a second record of the east team's account with
// a row in every kind of table a person fills in, and returns it.
func (e *env) duplicateOf(name string, owner *ent.User, stage customer.Stage) *ent.Customer {
	e.t.Helper()
	c, ctx := e.app.DB.Client, e.sys
	m := c.Customer.Create().SetName(name).SetRegion("宁波").SetWebsite("huasu.example").SetOwnerID(owner.ID).
		SetTeamID(e.f.eastTeam.ID).SetStage(stage).SaveX(ctx)
	ct := c.Contact.Create().SetCustomerID(m.ID).SetName("王经理").SetDepartment("PURCHASING").SaveX(ctx)
	c.KeyPerson.Create().SetCustomerID(m.ID).SetContactID(ct.ID).SetDecisionRole("DECISION_MAKER").SaveX(ctx)
	c.Interaction.Create().SetCustomerID(m.ID).SetKind("VISIT").SetAuthorID(owner.ID).SetFindings("visited twice").SaveX(ctx)
	c.Task.Create().SetCustomerID(m.ID).SetAssigneeID(owner.ID).SetTitle("call back").SaveX(ctx)
	c.Need.Create().SetCustomerID(m.ID).SetLevel("PRODUCT").SetDescription("low-odour grade").SaveX(ctx)
	c.Competitor.Create().SetCustomerID(m.ID).SetName("Rival Chem").SaveX(ctx)
	c.Pitch.Create().SetCustomerID(m.ID).SetEntryPoint("TECHNOLOGY").SaveX(ctx)
	c.Assistance.Create().SetCustomerID(m.ID).SetKind("TESTING").SetDescription("tested their resin").SaveX(ctx)
	c.Sample.Create().SetCustomerID(m.ID).SetProductID(e.f.product.ID).SetQuantity(1).SaveX(ctx)
	c.Issue.Create().SetCustomerID(m.ID).SetTitle("colour drift").SetCategory("QUALITY_FLUCTUATION").SaveX(ctx)
	e.placeOrder(m, e.f.product, "PO-MERGE-1", time.Now().Add(-48*time.Hour), 100, "kg", order.StatusCLOSED)
	return m
}

func (e *env) userIn(email string, role user.Role, team *ent.Team) *ent.User {
	e.t.Helper()
	hash, err := auth.HashPassword(password)
	if err != nil {
		e.t.Fatal(err)
	}
	u := e.app.DB.Client.User.Create().SetEmail(email).SetName(email).SetRole(role).SetPasswordHash(hash)
	if team != nil {
		u.SetTeamID(team.ID)
	}
	return u.SaveX(e.sys)
}

func TestMergeAccountsMovesEverything(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		s := e.f.acmeEast // VISITED, rep1's
		m := e.duplicateOf("宁波华塑", e.f.rep2, customer.StageTRIAL)
		beforeS, err := merge.Count(e.sys, c, merge.AccountRefs, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		beforeM, _ := merge.Count(e.sys, c, merge.AccountRefs, m.ID)
		// Every kind but stage_changes: the duplicate's only one is its first stage, which does not move.
		if len(beforeM) < 12 {
			t.Fatalf("the duplicate has rows in only %d tables: %v", len(beforeM), beforeM)
		}
		in := map[string]any{"survivorID": s.ID, "mergedID": m.ID, "reason": "same company",
			"choices": []any{map[string]any{"field": "region", "side": "MERGED"}, map[string]any{"field": "name", "side": "SURVIVOR"}}}

		// Refused: a rep; a manager of another team (sees neither); into itself; an unknown field.
		expectCode(t, e.do(e.token(e.f.rep1), mergeAccounts, map[string]any{"in": in}), "FORBIDDEN")
		south := e.userIn("south-mgr@t.test", user.RoleMANAGER, e.f.southTeam)
		expectCode(t, e.do(e.token(south), mergeAccounts, map[string]any{"in": in}), "NOT_FOUND")
		mgr := e.token(e.f.manager)
		expectCode(t, e.do(mgr, mergeAccounts, map[string]any{"in": map[string]any{"survivorID": s.ID, "mergedID": s.ID}}), "BAD_USER_INPUT")
		bad := e.do(mgr, mergeAccounts, map[string]any{"in": map[string]any{"survivorID": s.ID, "mergedID": m.ID,
			"choices": []any{map[string]any{"field": "stage", "side": "MERGED"}}}})
		expectCode(t, bad, "BAD_USER_INPUT")
		if c.Customer.Query().Where(customer.ID(m.ID)).CountX(e.sys) != 1 {
			t.Fatal("a refused merge hid the account")
		}

		d := e.ok(mgr, mergeAccounts, map[string]any{"in": in, "cm": "merge-1"})
		got := dig(d, "mergeAccounts").(map[string]any)
		if dig(got, "customer", "id") != string(s.ID) || dig(got, "customer", "region") != "宁波" || dig(got, "customer", "name") != s.Name {
			t.Errorf("survivor's chosen fields: %v", got["customer"])
		}
		if dig(got, "customer", "stage") != "TRIAL" {
			t.Errorf("the survivor's stage is %v, not the higher TRIAL", dig(got, "customer", "stage"))
		}
		afterS, _ := merge.Count(e.sys, c, merge.AccountRefs, s.ID)
		afterM, _ := merge.Count(e.sys, c, merge.AccountRefs, m.ID)
		if len(afterM) != 0 {
			t.Errorf("rows left on the merged account: %v", afterM)
		}
		for table, n := range beforeM {
			// The survivor gains the merged rows, plus its own StageChange (TRIAL) and the merge record.
			extra := map[string]int{"stage_changes": 1, "account_changes": 1}[table]
			if afterS[table] != beforeS[table]+n+extra {
				t.Errorf("%s: survivor has %d rows, want %d + %d + %d", table, afterS[table], beforeS[table], n, extra)
			}
		}
		if afterS["stage_changes"] != beforeS["stage_changes"]+1 {
			t.Errorf("stage changes: survivor has %d, want %d + its move to TRIAL", afterS["stage_changes"], beforeS["stage_changes"])
		}

		// The tombstone is out of lists, counts, nodes and the duplicate check; its ID leads to the survivor.
		admin := e.token(e.f.admin)
		list := e.ok(admin, `{ customers(first: 100) { totalCount edges { node { id } } } }`, nil)
		if strings.Contains(mergeJSON(list), string(m.ID)) {
			t.Error("the merged account is still listed")
		}
		if r := e.do(admin, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": m.ID}); dig(r.Data, "node") != nil {
			t.Errorf("node(merged) = %v", r.Data)
		}
		dups := e.ok(admin, `{ duplicateCandidates(name: "宁波华塑") { customer { id } } }`, nil)
		if strings.Contains(mergeJSON(dups), string(m.ID)) {
			t.Errorf("the tombstone is a duplicate candidate: %v", dups)
		}
		if id := dig(e.ok(mgr, `query($id: ID!) { mergedAccount(id: $id) { id } }`, map[string]any{"id": m.ID}), "mergedAccount", "id"); id != string(s.ID) {
			t.Errorf("mergedAccount(merged) = %v", id)
		}

		// On the survivor's timeline.
		tl := e.ok(mgr, `query($id: ID!) { timeline(customerID: $id, first: 50) { edges { node { kind title } } } }`, map[string]any{"id": s.ID})
		if !strings.Contains(mergeJSON(tl), "ACCOUNT_CHANGE") || !strings.Contains(mergeJSON(tl), "宁波华塑") {
			t.Errorf("the merge is not on the timeline: %v", mergeJSON(tl))
		}

		// A retry, with the same clientMutationId or without one, returns the first record.
		for _, cm := range []any{"merge-1", nil} {
			again := e.ok(mgr, mergeAccounts, map[string]any{"in": in, "cm": cm})
			if dig(again, "mergeAccounts", "id") != got["id"] {
				t.Errorf("retry (%v) gave %v, not %v", cm, dig(again, "mergeAccounts", "id"), got["id"])
			}
		}
		if n := c.AccountChange.Query().Where(accountchange.SubjectID(m.ID)).CountX(e.sys); n != 1 {
			t.Errorf("%d merge records after retries", n)
		}
		// Into another account now: the account is merged already.
		expectCode(t, e.do(mgr, mergeAccounts, map[string]any{"in": map[string]any{"survivorID": e.f.rep2Own.ID, "mergedID": m.ID}}), "CONFLICT")
	})
}

// Two managers merge the same duplicate into two different accounts at once: one wins,
// the other gets CONFLICT, and the rows are all on the winner.
func TestConcurrentMergesHaveOneWinner(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		m := e.duplicateOf("宁波华塑化工", e.f.rep2, customer.StagePROSPECT)
		mgr, admin := e.token(e.f.manager), e.token(e.f.admin)
		var wg sync.WaitGroup
		res := make([]*gqlResponse, 2)
		for i, tok := range []string{mgr, admin} {
			into := []*ent.Customer{e.f.acmeEast, e.f.rep2Own}[i]
			wg.Add(1)
			go func() {
				defer wg.Done()
				res[i] = e.do(tok, mergeAccounts, map[string]any{"in": map[string]any{"survivorID": into.ID, "mergedID": m.ID}})
			}()
		}
		wg.Wait()
		wins, conflicts := 0, 0
		for _, r := range res {
			switch {
			case len(r.Errors) == 0:
				wins++
			case r.code() == "CONFLICT":
				conflicts++
			default:
				t.Errorf("unexpected: %+v", r.Errors)
			}
		}
		if wins != 1 || conflicts != 1 {
			t.Fatalf("wins %d, conflicts %d", wins, conflicts)
		}
		if left, _ := merge.Count(e.sys, c, merge.AccountRefs, m.ID); len(left) != 0 {
			t.Errorf("rows left behind: %v", left)
		}
		if n := c.AccountChange.Query().Where(accountchange.SubjectID(m.ID)).CountX(e.sys); n != 1 {
			t.Errorf("%d merge records", n)
		}
	})
}

func TestMergeContacts(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		s, m := e.f.acmeContact, c.Contact.Create().SetCustomerID(e.f.acmeEast.ID).SetName("李工程师").SetMobile("13800000001").SaveX(e.sys)
		kp := c.KeyPerson.Create().SetCustomerID(e.f.acmeEast.ID).SetContactID(m.ID).SetDecisionRole("USER").SaveX(e.sys)
		both := c.Interaction.Create().SetCustomerID(e.f.acmeEast.ID).SetKind("MEETING").SetAuthorID(e.f.rep1.ID).
			AddTheirParticipantIDs(s.ID, m.ID).SetFindings("both came").SaveX(e.sys)
		rep1 := e.token(e.f.rep1)
		q := `mutation($in: MergeInput!) { mergeContacts(input: $in) { id kind customer { id } } }`
		// Across accounts: refused.
		expectCode(t, e.do(e.token(e.f.admin), q, map[string]any{"in": map[string]any{"survivorID": s.ID, "mergedID": e.f.southContact.ID}}), "BAD_USER_INPUT")
		d := e.ok(rep1, q, map[string]any{"in": map[string]any{"survivorID": s.ID, "mergedID": m.ID,
			"choices": []any{map[string]any{"field": "name", "side": "MERGED"}}}})
		if dig(d, "mergeContacts", "kind") != "CONTACT_MERGED" || dig(d, "mergeContacts", "customer", "id") != string(e.f.acmeEast.ID) {
			t.Errorf("record: %v", d)
		}
		got := c.Contact.GetX(e.sys, s.ID)
		if got.Name != "李工程师" || got.Mobile != "13800000001" {
			t.Errorf("survivor: name %q mobile %q (the chosen name, the mobile it lacked)", got.Name, got.Mobile)
		}
		if k := c.KeyPerson.GetX(e.sys, kp.ID); k.ContactID != s.ID {
			t.Errorf("the key person still names %s", k.ContactID)
		}
		ps := c.Interaction.QueryTheirParticipants(c.Interaction.GetX(e.sys, both.ID)).IDsX(e.sys)
		if len(ps) != 1 || ps[0] != s.ID {
			t.Errorf("participants after the merge: %v", ps)
		}
		if r := e.do(rep1, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": m.ID}); dig(r.Data, "node") != nil {
			t.Error("the merged contact is still readable")
		}
	})
}

const reassign = `mutation($in: ReassignAccountsInput!) { reassignAccounts(input: $in) { count tasksMoved customers { id owner { id } } } }`

func TestReassignAccountsWithTheirTasks(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		x := c.Customer.Create().SetName("苏州新客户").SetRegion("苏州").SetOwnerID(e.f.rep1.ID).SetTeamID(e.f.eastTeam.ID).SaveX(e.sys)
		y := c.Customer.Create().SetName("无锡老客户").SetRegion("无锡").SetOwnerID(e.f.rep1.ID).SetTeamID(e.f.eastTeam.ID).SaveX(e.sys)
		open := c.Task.Create().SetCustomerID(x.ID).SetAssigneeID(e.f.rep1.ID).SetTitle("send TDS").SaveX(e.sys)
		done := c.Task.Create().SetCustomerID(x.ID).SetAssigneeID(e.f.rep1.ID).SetTitle("old").SetStatus(task.StatusDONE).SaveX(e.sys)
		other := c.Task.Create().SetCustomerID(y.ID).SetAssigneeID(e.f.rep1.ID).SetTitle("stays").SaveX(e.sys)
		in := func(to *ent.User, extra map[string]any) map[string]any {
			m := map[string]any{"fromUserID": e.f.rep1.ID, "toUserID": to.ID, "reason": "rep1 moves to key accounts"}
			for k, v := range extra {
				m[k] = v
			}
			return map[string]any{"in": m}
		}
		expectCode(t, e.do(e.token(e.f.rep1), reassign, in(e.f.rep2, nil)), "FORBIDDEN")
		mgr := e.token(e.f.manager)
		expectCode(t, e.do(mgr, reassign, in(e.f.rep3, nil)), "FORBIDDEN") // rep3 is in the south team
		expectCode(t, e.do(mgr, reassign, map[string]any{"in": map[string]any{"fromUserID": e.f.rep1.ID, "toUserID": e.f.rep2.ID, "reason": " "}}), "BAD_USER_INPUT")
		if c.Customer.GetX(e.sys, x.ID).OwnerID != e.f.rep1.ID {
			t.Fatal("a refused reassignment moved an account")
		}
		d := e.ok(mgr, reassign, in(e.f.rep2, map[string]any{"region": "苏州"}))
		if dig(d, "reassignAccounts", "count") != float64(1) || dig(d, "reassignAccounts", "tasksMoved") != float64(1) {
			t.Fatalf("filtered reassignment: %v", d)
		}
		if c.Customer.GetX(e.sys, x.ID).OwnerID != e.f.rep2.ID || c.Customer.GetX(e.sys, y.ID).OwnerID != e.f.rep1.ID {
			t.Error("the region filter was not honoured")
		}
		if c.Task.GetX(e.sys, open.ID).AssigneeID != e.f.rep2.ID || c.Task.GetX(e.sys, done.ID).AssigneeID != e.f.rep1.ID ||
			c.Task.GetX(e.sys, other.ID).AssigneeID != e.f.rep1.ID {
			t.Error("only the open tasks of the moved accounts follow")
		}
		if n := c.AccountChange.Query().Where(accountchange.CustomerID(x.ID), accountchange.KindEQ(accountchange.KindREASSIGNED)).CountX(e.sys); n != 1 {
			t.Errorf("%d REASSIGNED records", n)
		}
		// A retry finds nothing left to move.
		if d := e.ok(mgr, reassign, in(e.f.rep2, map[string]any{"region": "苏州"})); dig(d, "reassignAccounts", "count") != float64(0) {
			t.Errorf("retry: %v", d)
		}
	})
}

func TestBulkStageFollowsTheSingleAccountRule(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		q := `mutation($in: BulkSetStageInput!) { bulkSetStage(input: $in) { customerID moved code message customer { stage } } }`
		ids := []any{e.f.acmeEast.ID, e.f.southAcct.ID}
		expectCode(t, e.do(e.token(e.f.rep1), q, map[string]any{"in": map[string]any{"customerIDs": ids, "stage": "DORMANT", "reason": "no demand"}}), "FORBIDDEN")
		mgr := e.token(e.f.manager)
		rs := dig(e.ok(mgr, q, map[string]any{"in": map[string]any{"customerIDs": ids, "stage": "DORMANT", "reason": " "}}), "bulkSetStage").([]any)
		for _, r := range rs {
			if dig(r, "moved") != false {
				t.Errorf("moved without a reason: %v", r)
			}
		}
		if code := dig(rs[0], "code"); code != "BAD_USER_INPUT" {
			t.Errorf("no reason: %v", rs[0])
		}
		rs = dig(e.ok(mgr, q, map[string]any{"in": map[string]any{"customerIDs": ids, "stage": "DORMANT", "reason": "no demand this year"}}), "bulkSetStage").([]any)
		if dig(rs[0], "moved") != true || dig(rs[0], "customer", "stage") != "DORMANT" {
			t.Errorf("own team's account: %v", rs[0])
		}
		if dig(rs[1], "moved") != false || dig(rs[1], "code") != "NOT_FOUND" {
			t.Errorf("another team's account: %v", rs[1])
		}
		if e.app.DB.Client.Customer.GetX(e.sys, e.f.southAcct.ID).Stage == customer.StageDORMANT {
			t.Error("the other team's account moved")
		}
	})
}

func mergeJSON(v any) string { b, _ := json.Marshal(v); return string(b) }

// A change notice acknowledged on the merged account and still open on the survivor:
// the merge keeps the acknowledgement (one row per notice and account), so the notice
// is not reopened. The preview counts what will move.
func TestMergeKeepsAnAcknowledgement(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		s, m := e.f.acmeEast, e.duplicateOf("华塑", e.f.rep1, customer.StageVISITED)
		cn := c.ChangeNotice.Create().SetProductID(e.f.product.ID).SetKind(changenotice.KindFORMULA).
			SetTitle("New catalyst").SetEffectiveAt(time.Now().AddDate(0, 2, 0)).SaveX(e.sys)
		hist := history.Importing(e.sys)
		c.ChangeNoticeAck.Create().SetChangeNoticeID(cn.ID).SetCustomerID(s.ID).SaveX(hist)
		c.ChangeNoticeAck.Create().SetChangeNoticeID(cn.ID).SetCustomerID(m.ID).SetAcknowledgedAt(time.Now().UTC()).SetAcknowledgedBy("王经理").SaveX(hist)
		mgr := e.token(e.f.manager)
		p := e.ok(mgr, `query($s: ID!, $m: ID!) { accountMergePreview(survivorID: $s, mergedID: $m) { fields { field survivor merged differs } moves { table count } } }`,
			map[string]any{"s": s.ID, "m": m.ID})
		if js := mergeJSON(p); !strings.Contains(js, `{"count":1,"table":"change_notice_acks"}`) ||
			!strings.Contains(js, `"differs":true,"field":"name","merged":"华塑"`) {
			t.Errorf("preview: %s", js)
		}
		e.ok(mgr, mergeAccounts, map[string]any{"in": map[string]any{"survivorID": s.ID, "mergedID": m.ID}})
		acks := c.ChangeNoticeAck.Query().Where(changenoticeack.ChangeNoticeID(cn.ID)).AllX(e.sys)
		if len(acks) != 1 || acks[0].CustomerID != s.ID || acks[0].AcknowledgedAt == nil {
			t.Fatalf("acks after the merge: %+v", acks)
		}
	})
}

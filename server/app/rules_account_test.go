package app_test

import (
	"strings"
	"testing"
	"time"

	"tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/stagechange"
)

// The account's rules of issue 10, each tried by the person who would step around it.

// todayKinds returns, per kind, the IDs of the nodes on the viewer's Today.
func (e *env) todayKinds(token string) map[string][]string {
	e.t.Helper()
	d := e.ok(token, todayQuery, nil)
	out := map[string][]string{}
	for _, it := range dig(d, "today", "items").([]any) {
		k, _ := dig(it, "kind").(string)
		id, _ := dig(it, "node", "id").(string)
		out[k] = append(out[k], id)
	}
	return out
}

func TestNewAccountsStartAtProspect(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		create := `mutation($in: CreateCustomerInput!) { createCustomer(input: $in) { id stage } }`
		before := e.app.DB.Client.Customer.Query().CountX(e.sys)
		for _, u := range []*ent.User{e.f.rep1, e.f.manager, e.f.admin} {
			r := e.do(e.token(u), create, map[string]any{"in": map[string]any{"name": "越级客户 " + u.Email, "stage": "MAIN_SUPPLIER"}})
			expectCode(t, r, "BAD_USER_INPUT")
			if r.Errors[0].Extensions["field"] != "stage" {
				t.Errorf("%s: %+v", u.Email, r.Errors)
			}
		}
		if n := e.app.DB.Client.Customer.Query().CountX(e.sys); n != before {
			t.Fatalf("refused creates wrote %d accounts", n-before)
		}
		d := e.ok(e.token(e.f.rep1), create, map[string]any{"in": map[string]any{"name": "常州新客户", "stage": "PROSPECT"}})
		if dig(d, "createCustomer", "stage") != "PROSPECT" {
			t.Fatalf("created at %v", d)
		}
	})
}

func TestLastContactedAtIsDerived(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		rep1, kp := e.token(e.f.rep1), e.f.acmeKeyPerson
		r := e.do(rep1, `mutation($id: ID!) { updateKeyPerson(id: $id, input: {lastContactedAt: "2026-01-05T10:00:00Z"}) { id } }`, map[string]any{"id": kp.ID})
		expectCode(t, r, "BAD_USER_INPUT")
		r = e.do(rep1, `mutation($c: ID!, $k: ID!) { createKeyPerson(input: {customerID: $c, contactID: $k, decisionRole: USER, lastContactedAt: "2026-01-05T10:00:00Z"}) { id } }`,
			map[string]any{"c": e.f.acmeEast.ID, "k": e.f.acmeContact.ID})
		expectCode(t, r, "BAD_USER_INPUT")
		if got := e.app.DB.Client.KeyPerson.GetX(e.sys, kp.ID).LastContactedAt; got != nil {
			t.Fatalf("lastContactedAt typed in: %v", got)
		}
	})
}

// A visit planned ahead and then held counts as the visit: the account moves on and
// the key persons who took part are contacted.
func TestHeldPlannedVisitCounts(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		rep1, c := e.token(e.f.rep1), e.app.DB.Client
		cu := dig(e.ok(rep1, `mutation { createCustomer(input: {name: "嘉善永固塑业有限公司"}) { id } }`, nil), "createCustomer", "id")
		ct := dig(e.ok(rep1, `mutation($c: ID!) { createContact(input: {customerID: $c, name: "吴厂长", department: PRODUCTION}) { id } }`,
			map[string]any{"c": cu}), "createContact", "id")
		kp := dig(e.ok(rep1, `mutation($c: ID!, $k: ID!) { createKeyPerson(input: {customerID: $c, contactID: $k, decisionRole: DECISION_MAKER}) { id } }`,
			map[string]any{"c": cu, "k": ct}), "createKeyPerson", "id")
		planned := time.Now().UTC().Add(48 * time.Hour).Format(time.RFC3339)
		in := dig(e.ok(rep1, `mutation($c: ID!, $k: ID!, $at: Time!) { createInteraction(input: {customerID: $c, kind: VISIT, occurredAt: $at, summary: "技术交流", theirParticipantIDs: [$k]}) { id version } }`,
			map[string]any{"c": cu, "k": ct, "at": planned}), "createInteraction")
		stage := func() string { return string(c.Customer.GetX(e.sys, idOf(cu)).Stage) }
		if s := stage(); s != "PROSPECT" {
			t.Fatalf("a planned visit moved the account to %s", s)
		}
		held := time.Now().UTC().Add(-time.Hour).Format(time.RFC3339)
		e.ok(rep1, `mutation($id: ID!, $at: Time!, $v: Int) { updateInteraction(id: $id, input: {occurredAt: $at, findings: "现场看了挤出线，对 1010 有兴趣", version: $v}) { id } }`,
			map[string]any{"id": dig(in, "id"), "at": held, "v": dig(in, "version")})
		if s := stage(); s != "VISITED" {
			t.Errorf("the held visit left the account at %s", s)
		}
		if at := c.KeyPerson.GetX(e.sys, idOf(kp)).LastContactedAt; at == nil {
			t.Error("the key person who took part is not marked as contacted")
		}
		sc := c.StageChange.Query().Where(stagechange.CustomerID(idOf(cu)), stagechange.ToStageEQ(stagechange.ToStageVISITED)).OnlyX(e.sys)
		if sc.Evidence != "first visit" {
			t.Errorf("evidence %q", sc.Evidence)
		}
	})
}

// An evaluation that did not select us ends the evaluation: the account does not stay
// a main supplier by default — a manager decides, from Today, with a reason.
func TestNotSelectedNeedsAManagersDecision(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		cu := c.Customer.Create().SetName("南通恒泰化工有限公司").SetOwnerID(f.rep1.ID).SetTeamID(f.eastTeam.ID).
			SetStage(customer.StageMAIN_SUPPLIER).SaveX(e.sys)
		rep1, mgr := e.token(f.rep1), e.token(f.manager)
		e.ok(rep1, `mutation($c: ID!) { recordEvaluationOutcome(input: {customerID: $c, outcome: NOT_SELECTED, note: "选了本地供应商"}) { id } }`, map[string]any{"c": cu.ID})
		if !slicesHas(e.todayKinds(mgr)["EVALUATION_DECISION"], string(cu.ID)) {
			t.Fatal("the decision is not on the manager's Today")
		}
		if len(e.todayKinds(rep1)["EVALUATION_DECISION"]) != 0 {
			t.Error("the decision is on the rep's Today")
		}
		decide := `mutation($in: DecideEvaluationInput!) { decideEvaluation(input: $in) { id stage evaluationDecidedAt } }`
		in := map[string]any{"customerID": cu.ID, "stage": "TRIAL", "reason": "重新试样 PP 牌号"}
		expectCode(t, e.do(rep1, decide, map[string]any{"in": in}), "FORBIDDEN")
		expectCode(t, e.do(mgr, decide, map[string]any{"in": map[string]any{"customerID": cu.ID, "stage": "TRIAL", "reason": " "}}), "BAD_USER_INPUT")
		d := e.ok(mgr, decide, map[string]any{"in": in})
		if dig(d, "decideEvaluation", "stage") != "TRIAL" || dig(d, "decideEvaluation", "evaluationDecidedAt") == nil {
			t.Fatalf("decided: %v", d)
		}
		sc := c.StageChange.Query().Where(stagechange.CustomerID(cu.ID), stagechange.ToStageEQ(stagechange.ToStageTRIAL)).OnlyX(e.sys)
		if !strings.Contains(sc.Reason, "重新试样") || sc.ChangedByID != f.manager.ID {
			t.Errorf("stage change: %+v", sc)
		}
		if len(e.todayKinds(mgr)["EVALUATION_DECISION"]) != 0 {
			t.Error("a decided evaluation stays on Today")
		}
		expectCode(t, e.do(mgr, decide, map[string]any{"in": in}), "CONFLICT")
	})
}

func slicesHas(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// 人勤、电话勤: while an account evaluates us, its key persons are due more often.
func TestEvaluationTightensContactInterval(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		ago := time.Now().UTC().Add(-20 * 24 * time.Hour)
		mk := func(name string, stage customer.Stage) *ent.KeyPerson {
			cu := c.Customer.Create().SetName(name).SetOwnerID(f.rep1.ID).SetTeamID(f.eastTeam.ID).SetStage(stage).SaveX(e.sys)
			ct := c.Contact.Create().SetCustomerID(cu.ID).SetName("采购 " + name).SaveX(e.sys)
			return c.KeyPerson.Create().SetCustomerID(cu.ID).SetContactID(ct.ID).SetDecisionRole("INFLUENCER").
				SetContactIntervalDays(30).SetLastContactedAt(ago).SaveX(e.sys)
		}
		evaluating, visited := mk("评估中客户", customer.StageEVALUATION), mk("已拜访客户", customer.StageVISITED)
		due := e.todayKinds(e.token(f.rep1))["KEY_PERSON_OVERDUE"]
		// A row of overdue key persons opens their account.
		if !slicesHas(due, string(evaluating.CustomerID)) {
			t.Error("20 days without contact during an evaluation (interval 30, halved) is not due")
		}
		if slicesHas(due, string(visited.CustomerID)) {
			t.Error("20 days of 30 outside an evaluation is due")
		}
		// Its reason names the interval the evaluation sets (read from the account).
		d := e.ok(e.token(f.rep1), `{ today(kind: KEY_PERSON_OVERDUE, first: 50) { items { reason node { id } } } }`, nil)
		var reason string
		for _, it := range rptList(dig(d, "today", "items")) {
			if dig(it, "node", "id") == string(evaluating.CustomerID) {
				reason = dig(it, "reason").(string)
			}
		}
		if want := "已 20 天未联系（客户评估期间每 15 天联系一次（平时 30 天））"; reason != want {
			t.Errorf("reason %q, want %q", reason, want)
		}
	})
}

// Before an account relies on us (trial, evaluation), the report and the relationship
// map flag the departments of the receiving chain we know nobody in; an account in a
// declining industry carries its risk on the report and on Today's new orders.
func TestReceivingChainAndDecliningIndustry(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		cu := c.Customer.Create().SetName("海宁老树纺织有限公司").SetOwnerID(f.rep1.ID).SetTeamID(f.eastTeam.ID).
			SetStage(customer.StageEVALUATION).SetIndustryStatus(customer.IndustryStatusSUNSET).SaveX(e.sys)
		c.Contact.Create().SetCustomerID(cu.ID).SetName("质检 钱").SetDepartment("QC").ExecX(e.sys)
		c.Contact.Create().SetCustomerID(cu.ID).SetName("技术 孙").SetDepartment("TECHNICAL").ExecX(e.sys)
		rep1 := e.token(f.rep1)
		q := `query($id: ID!) { customerReport(id: $id) { unknownDepartments decliningIndustry } relationshipMap(customerID: $id) { unknownDepartments } }`
		d := e.ok(rep1, q, map[string]any{"id": cu.ID})
		want := "[WAREHOUSE PRODUCTION]"
		if got := fmtAny(dig(d, "customerReport", "unknownDepartments")); got != want {
			t.Errorf("report: unknown departments %s, want %s", got, want)
		}
		if got := fmtAny(dig(d, "relationshipMap", "unknownDepartments")); got != want {
			t.Errorf("relationship map: %s, want %s", got, want)
		}
		if dig(d, "customerReport", "decliningIndustry") != true {
			t.Error("the report does not flag the declining industry")
		}
		// The fixture's account (VISITED, industry not marked): nothing flagged.
		d = e.ok(rep1, q, map[string]any{"id": f.acmeEast.ID})
		if fmtAny(dig(d, "customerReport", "unknownDepartments")) != "[]" || dig(d, "customerReport", "decliningIndustry") != false {
			t.Errorf("flags on an account without them: %v", d)
		}
		soon := time.Now().Add(48 * time.Hour)
		o := c.Order.Create().SetCustomerID(cu.ID).SetNumber("PO-SUNSET-1").SetDeliveryDate(soon).SaveX(e.sys)
		acme := c.Order.Create().SetCustomerID(f.acmeEast.ID).SetNumber("PO-ACME-1").SetDeliveryDate(soon).SaveX(e.sys)
		risks := e.todayKinds(rep1)["ORDER_RISK"]
		if len(risks) != 1 || risks[0] != string(o.ID) {
			t.Errorf("ORDER_RISK items %v, want the declining account's new order only", risks)
		}
		// Both orders fall due: only the declining account's says so in its reason.
		d = e.ok(rep1, `{ today(kind: ORDER_DUE, first: 20) { items { reason node { id } } } }`, nil)
		reasons := map[string]string{}
		for _, it := range dig(d, "today", "items").([]any) {
			reasons[dig(it, "node", "id").(string)] = dig(it, "reason").(string)
		}
		if r := reasons[string(o.ID)]; !strings.Contains(r, "夕阳产业") {
			t.Errorf("the declining account's due order: %q, want the industry's risk", r)
		}
		if r, ok := reasons[string(acme.ID)]; !ok || strings.Contains(r, "夕阳产业") {
			t.Errorf("the other account's due order: %q (listed %v), want it listed without the risk", r, ok)
		}
	})
}

func fmtAny(v any) string {
	l, _ := v.([]any)
	parts := make([]string, len(l))
	for i, x := range l {
		parts[i], _ = x.(string)
	}
	return "[" + strings.Join(parts, " ") + "]"
}

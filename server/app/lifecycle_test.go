package app_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/sampleevent"
	"tandem/ent/stagechange"
	"tandem/ent/task"
)

func stageOf(e *env, c *ent.Customer) customer.Stage {
	return e.app.DB.Client.Customer.GetX(e.sys, c.ID).Stage
}

// allowedNext reads extensions.allowedNext of the first error.
func allowedNext(r *gqlResponse) []string {
	var out []string
	for _, v := range r.Errors[0].Extensions["allowedNext"].([]any) {
		out = append(out, v.(string))
	}
	return out
}

func TestSampleLifecycle(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		rep := e.token(e.f.rep1)
		adv := `mutation($id: ID!, $to: SampleStatus!, $reason: String, $note: String) { advanceSample(input: {id: $id, to: $to, reason: $reason, note: $note}) { status allowedNextStatuses shippedAt } }`
		id := e.f.acmeSample.ID
		move := func(to string) *gqlResponse { return e.do(rep, adv, map[string]any{"id": id, "to": to}) }

		d := e.ok(rep, adv, map[string]any{"id": id, "to": "PREPARED", "note": "packed 2 kg in a lined drum"})
		if got := dig(d, "advanceSample", "allowedNextStatuses"); len(got.([]any)) != 3 || dig(got, 0) != "SHIPPED" {
			t.Fatalf("allowed after PREPARED: %v", got)
		}
		// A jump is refused, naming the legal moves.
		r := move("RECEIVED")
		expectCode(t, r, "BAD_USER_INPUT")
		if got := strings.Join(allowedNext(r), ","); got != "SHIPPED,FAILED,ABANDONED" {
			t.Fatalf("allowedNext = %s", got)
		}
		// Shipping needs the document checklist.
		r = move("SHIPPED")
		expectCode(t, r, "BAD_USER_INPUT")
		if !strings.Contains(r.Errors[0].Message, "MSDS") {
			t.Fatalf("message does not name the missing documents: %s", r.Errors[0].Message)
		}
		e.ok(rep, `mutation($id: ID!) { updateSample(id: $id, input: {docManual: true, docMsds: true, docLabel: true}) { id } }`, map[string]any{"id": id})
		expectCode(t, move("SHIPPED"), "BAD_USER_INPUT")
		e.ok(rep, `mutation($id: ID!) { updateSample(id: $id, input: {docPrecautions: true}) { id } }`, map[string]any{"id": id})
		expectCode(t, move("SHIPPED"), "BAD_USER_INPUT") // the product's documents are not on file
		e.productDocs(e.f.product.ID)
		if dig(e.ok(rep, adv, map[string]any{"id": id, "to": "SHIPPED"}), "advanceSample", "shippedAt") == nil {
			t.Fatal("shippedAt not set")
		}
		// A shipped sample moves the account to SAMPLING, recorded as evidence.
		if s := stageOf(e, e.f.acmeEast); s != customer.StageSAMPLING {
			t.Fatalf("stage after shipping = %s", s)
		}
		sc := e.app.DB.Client.StageChange.Query().Where(stagechange.CustomerID(e.f.acmeEast.ID), stagechange.ToStageEQ(stagechange.ToStageSAMPLING)).OnlyX(e.sys)
		if sc.Evidence != "sample shipped" {
			t.Fatalf("evidence %q", sc.Evidence)
		}
		expectCode(t, move("PILOT_TRIAL"), "BAD_USER_INPUT")
		e.ok(rep, adv, map[string]any{"id": id, "to": "RECEIVED"})
		e.ok(rep, adv, map[string]any{"id": id, "to": "LAB_TRIAL"})
		if s := stageOf(e, e.f.acmeEast); s != customer.StageTRIAL {
			t.Fatalf("stage in lab trial = %s", s)
		}
		// Failing needs a reason; then the sample is closed.
		expectCode(t, move("FAILED"), "BAD_USER_INPUT")
		d = e.ok(rep, adv, map[string]any{"id": id, "to": "FAILED", "reason": "yellowing index 4.5 > 3"})
		if len(dig(d, "advanceSample", "allowedNextStatuses").([]any)) != 0 {
			t.Fatalf("a failed sample can still move: %v", d)
		}
		// Asking a closed sample to move again means the asker's view is stale.
		expectCode(t, move("PREPARED"), "CONFLICT")
		evs := e.app.DB.Client.SampleEvent.Query().Where(sampleevent.SampleID(id)).Order(ent.Asc(sampleevent.FieldAt)).AllX(e.sys)
		if len(evs) != 5 || evs[0].Note != "packed 2 kg in a lined drum" || evs[0].ActorID != e.f.rep1.ID || evs[4].ToStatus != sampleevent.ToStatusFAILED {
			t.Fatalf("sample events: %v", evs)
		}
		// The status cannot be set around the lifecycle.
		expectCode(t, e.do(rep, `mutation($id: ID!) { updateSample(id: $id, input: {status: APPROVED}) { id } }`, map[string]any{"id": id}), "BAD_USER_INPUT")
		// Another team's sample is not found; a stale version conflicts.
		expectCode(t, e.do(rep, adv, map[string]any{"id": e.f.southSample.ID, "to": "PREPARED"}), "NOT_FOUND")
		expectCode(t, e.do(e.token(e.f.rep3), `mutation($id: ID!) { advanceSample(input: {id: $id, to: PREPARED, version: 7}) { id } }`, map[string]any{"id": e.f.southSample.ID}), "CONFLICT")
	})
}

func TestSampleConversionNeedsItsOrder(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		s := c.Sample.Create().SetCustomerID(e.f.acmeEast.ID).SetProductID(e.f.product.ID).SetQuantity(5).SetStatus("APPROVED").SaveX(e.sys)
		other := c.Order.Create().SetCustomerID(e.f.rep2Own.ID).SetNumber("SO-OTHER").SaveX(e.sys)
		own := c.Order.Create().SetCustomerID(e.f.acmeEast.ID).SetNumber("SO-OWN").SaveX(e.sys)
		rep := e.token(e.f.rep1)
		q := `mutation($id: ID!, $o: ID) { advanceSample(input: {id: $id, to: CONVERTED, orderID: $o}) { status order { number } } }`
		expectCode(t, e.do(rep, q, map[string]any{"id": s.ID}), "BAD_USER_INPUT")
		expectCode(t, e.do(rep, q, map[string]any{"id": s.ID, "o": other.ID}), "BAD_USER_INPUT")
		d := e.ok(rep, q, map[string]any{"id": s.ID, "o": own.ID})
		if dig(d, "advanceSample", "order", "number") != "SO-OWN" {
			t.Fatalf("converted: %v", d)
		}
	})
}

func TestOrderChecklist(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		rep := e.token(e.f.rep1)
		d := e.ok(rep, `mutation($c: ID!) { createOrder(input: {customerID: $c, number: "SO-1"}) { id isEvaluation } }`, map[string]any{"c": e.f.acmeEast.ID})
		oid := dig(d, "createOrder", "id")
		if dig(d, "createOrder", "isEvaluation") != true {
			t.Fatal("a first order is not flagged as an evaluation order")
		}
		if s := stageOf(e, e.f.acmeEast); s == customer.StageEVALUATION {
			t.Fatalf("an order entered, not confirmed, moved the account to %s", s)
		}
		step := `mutation($id: ID!, $s: OrderEventStep!) { completeOrderStep(input: {id: $id, step: $s, note: "ok"}) { status checklist { progress nextSteps warnings items { step done by { email } } } } }`
		do := func(s string) *gqlResponse { return e.do(rep, step, map[string]any{"id": oid, "s": s}) }
		r := do("SHIPPED")
		expectCode(t, r, "BAD_USER_INPUT")
		if !strings.Contains(r.Errors[0].Message, "CONTRACT_SIGNED") {
			t.Fatalf("missing steps not named: %s", r.Errors[0].Message)
		}
		expectCode(t, do("CONFIRMED"), "BAD_USER_INPUT") // no delivery date yet
		e.ok(rep, `mutation($id: ID!, $d: Time!) { updateOrder(id: $id, input: {deliveryDate: $d}) { id } }`, map[string]any{"id": oid, "d": time.Now().Add(10 * 24 * time.Hour).UTC().Format(time.RFC3339)})
		for _, s := range []string{"CONFIRMED", "CONTRACT_SIGNED", "LABELLING_CHECKED", "PRODUCTION_DATE_CHECKED", "BATCH_CHECKED", "PACKAGING_CHECKED"} {
			if r := do(s); r.code() != "" {
				t.Fatalf("%s: %+v", s, r.Errors)
			}
		}
		if s := stageOf(e, e.f.acmeEast); s != customer.StageEVALUATION {
			t.Fatalf("stage after a first confirmed order = %s", s)
		}
		expectCode(t, do("CONFIRMED"), "CONFLICT") // already done: someone ticked it since the asker read the order
		// Shipping needs lines with batches, and a COA for each batch.
		r = do("SHIPPED")
		expectCode(t, r, "BAD_USER_INPUT")
		e.ok(rep, `mutation($o: ID!, $p: ID!, $pd: Time!) { a: createOrderLine(input: {orderID: $o, productID: $p, quantity: 500, batchNo: "B2611-01", productionDate: $pd}) { id } b: createOrderLine(input: {orderID: $o, productID: $p, quantity: 250, batchNo: "B2611-02", productionDate: $pd}) { id } }`, map[string]any{"o": oid, "p": e.f.product.ID, "pd": time.Now().AddDate(0, -1, 0).UTC().Format(time.RFC3339)})
		r = do("SHIPPED")
		expectCode(t, r, "BAD_USER_INPUT")
		if !strings.Contains(r.Errors[0].Message, "B2611-01 of TX-AO1010 has no COA") {
			t.Fatalf("COA not named: %s", r.Errors[0].Message)
		}
		d = e.ok(rep, `query($id: ID!) { node(id: $id) { ... on Order { checklist { warnings nextSteps } } } }`, map[string]any{"id": oid})
		if w := dig(d, "node", "checklist", "warnings").([]any); len(w) != 3 {
			t.Fatalf("warnings: %v", w)
		} else if !slices.ContainsFunc(w, func(x any) bool { return strings.Contains(x.(string), "TX-AO1010 批次 B2611-01 没有 COA") }) {
			// The checklist speaks the viewer's language (the rep's is Chinese).
			t.Fatalf("warnings not in the viewer's language: %v", w)
		}
		for _, b := range []string{"B2611-01", "B2611-02"} {
			c.Document.Create().SetType("COA").SetTitle("COA " + b).SetBatchNo(b).SetProductID(e.f.product.ID).
				SetStorageKey("documents/test/" + b).SetSha256(strings.Repeat("c", 64)).ExecX(e.sys)
		}
		d = e.ok(rep, step, map[string]any{"id": oid, "s": "SHIPPED"})
		if dig(d, "completeOrderStep", "status") != "SHIPPED" {
			t.Fatalf("status: %v", d)
		}
		// Delivered needs a signed delivery note; closing needs invoice and receipt.
		expectCode(t, do("DELIVERED"), "BAD_USER_INPUT")
		e.ok(rep, `mutation($o: ID!) { createShipment(input: {orderID: $o, carrier: "顺丰", deliveryNoteSigned: true, signedBy: "王仓管"}) { id customer { id } } }`, map[string]any{"o": oid})
		e.ok(rep, step, map[string]any{"id": oid, "s": "DELIVERED"})
		expectCode(t, do("CLOSED"), "BAD_USER_INPUT")
		expectCode(t, do("PAID"), "BAD_USER_INPUT")
		// Invoiced on the account's terms (the order has none of its own, and no
		// agreement priced it): the receipt is due 45 days after the invoice.
		c.Customer.UpdateOneID(e.f.acmeEast.ID).SetPaymentDays(45).ExecX(e.sys)
		e.ok(rep, step, map[string]any{"id": oid, "s": "INVOICED"})
		inv := e.ok(rep, `query($id: ID!) { node(id: $id) { ... on Order { paymentDueAt paymentDays } } }`, map[string]any{"id": oid})
		due := rptTime(t, dig(inv, "node", "paymentDueAt"))
		if d := time.Until(due); d < 44*24*time.Hour || d > 45*24*time.Hour || dig(inv, "node", "paymentDays") != 45.0 {
			t.Errorf("receipt due %s after the invoice on %v days' terms, want 45", d, dig(inv, "node", "paymentDays"))
		}
		e.ok(rep, step, map[string]any{"id": oid, "s": "PAID"})
		d = e.ok(rep, step, map[string]any{"id": oid, "s": "CLOSED"})
		cl := dig(d, "completeOrderStep", "checklist")
		if dig(d, "completeOrderStep", "status") != "CLOSED" || dig(cl, "progress") != 1.0 || dig(cl, "items", 0, "by", "email") != "rep1@t.test" {
			t.Fatalf("closed order: %v", d)
		}
		expectCode(t, e.do(rep, `mutation($id: ID!) { cancelOrder(input: {id: $id, reason: "x"}) { id } }`, map[string]any{"id": oid}), "CONFLICT")
		// Another team cannot tick our steps.
		expectCode(t, e.do(e.token(e.f.rep3), step, map[string]any{"id": oid, "s": "CLOSED"}), "NOT_FOUND")
	})
}

func TestStagesFollowEvidence(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		rep, manager := e.token(e.f.rep1), e.token(e.f.manager)
		d := e.ok(rep, `mutation { createCustomer(input: {name: "Wuxi Newco Plastics"}) { id stage } }`, nil)
		id := idOf(dig(d, "createCustomer", "id"))
		cu := &ent.Customer{ID: id}
		log := `mutation($c: ID!, $k: InteractionKind!) { createInteraction(input: {customerID: $c, kind: $k, findings: "x"}) { id } }`
		e.ok(rep, log, map[string]any{"c": id, "k": "PHONE"})
		if s := stageOf(e, cu); s != customer.StageCONTACTED {
			t.Fatalf("after a call: %s", s)
		}
		e.ok(rep, log, map[string]any{"c": id, "k": "VISIT"})
		if s := stageOf(e, cu); s != customer.StageVISITED {
			t.Fatalf("after a visit: %s", s)
		}
		// By hand: only managers, with a reason; never by a plain update.
		set := `mutation($id: ID!, $r: String!) { setCustomerStage(input: {id: $id, stage: TRIAL, reason: $r}) { stage } }`
		expectCode(t, e.do(rep, set, map[string]any{"id": id, "r": "I think so"}), "FORBIDDEN")
		expectCode(t, e.do(manager, set, map[string]any{"id": id, "r": " "}), "BAD_USER_INPUT")
		expectCode(t, e.do(rep, `mutation($id: ID!) { updateCustomer(id: $id, input: {stage: TRIAL}) { id } }`, map[string]any{"id": id}), "BAD_USER_INPUT")
		e.ok(manager, set, map[string]any{"id": id, "r": "pilot run at their Wuxi plant"})
		// Evidence never moves an account back.
		e.ok(rep, log, map[string]any{"c": id, "k": "VISIT"})
		if s := stageOf(e, cu); s != customer.StageTRIAL {
			t.Fatalf("a visit moved a TRIAL account to %s", s)
		}
		// Orders: the first confirmed makes it EVALUATION, three confirmed within six months MAIN_SUPPLIER.
		for i, n := range []string{"SO-A", "SO-B", "SO-C"} {
			d := e.ok(rep, `mutation($c: ID!, $n: String!, $d: Time!) { createOrder(input: {customerID: $c, number: $n, deliveryDate: $d}) { id isEvaluation } }`,
				map[string]any{"c": id, "n": n, "d": time.Now().AddDate(0, 0, 9).UTC().Format(time.RFC3339)})
			e.ok(rep, `mutation($id: ID!) { completeOrderStep(input: {id: $id, step: CONFIRMED}) { id } }`, map[string]any{"id": dig(d, "createOrder", "id")})
			want := []customer.Stage{customer.StageEVALUATION, customer.StageEVALUATION, customer.StageMAIN_SUPPLIER}[i]
			if s := stageOf(e, cu); s != want {
				t.Fatalf("after order %d: %s, want %s", i+1, s, want)
			}
			if dig(d, "createOrder", "isEvaluation") != true {
				t.Fatalf("order %d not an evaluation order", i+1)
			}
		}
		d = e.ok(rep, `mutation($c: ID!) { createOrder(input: {customerID: $c, number: "SO-D"}) { isEvaluation } }`, map[string]any{"c": id})
		if dig(d, "createOrder", "isEvaluation") != false {
			t.Fatal("a fourth order is still an evaluation order")
		}
		changes := c.StageChange.Query().Where(stagechange.CustomerID(id)).Order(ent.Asc(stagechange.FieldChangedAt)).AllX(e.sys)
		var path []string
		for _, ch := range changes {
			path = append(path, string(ch.ToStage)+"("+ch.Evidence+")")
		}
		want := "PROSPECT(manual),CONTACTED(first contact (phone)),VISITED(first visit),TRIAL(manual),EVALUATION(first confirmed order),MAIN_SUPPLIER(3 confirmed orders in 6 months)"
		if strings.Join(path, ",") != want {
			t.Fatalf("stage history:\n got %s\nwant %s", strings.Join(path, ","), want)
		}
	})
}

func TestInteractionFollowUp(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		rep := e.token(e.f.rep1)
		due := time.Now().Add(72 * time.Hour).UTC().Truncate(time.Second)
		d := e.ok(rep, `mutation($c: ID!, $who: [ID!], $due: Time!) { createInteraction(input: {customerID: $c, kind: VISIT, theirParticipantIDs: $who,
			findings: "wants a low-odour grade", promises: "send the TDS of AO-1010 by Friday", nextStep: "Send TDS and price for 5 t", nextStepDue: $due}) { id author { email } tasks(first: 5) { edges { node { title dueAt assignee { email } } } } } }`,
			map[string]any{"c": e.f.acmeEast.ID, "who": []any{e.f.acmeContact.ID}, "due": due.Format(time.RFC3339)})
		tasks := dig(d, "createInteraction", "tasks", "edges").([]any)
		if len(tasks) != 1 || dig(tasks, 0, "node", "title") != "Send TDS and price for 5 t" || dig(tasks, 0, "node", "assignee", "email") != "rep1@t.test" {
			t.Fatalf("next-step task: %v", d)
		}
		got, _ := time.Parse(time.RFC3339, dig(tasks, 0, "node", "dueAt").(string))
		if !got.Equal(due) {
			t.Fatalf("task due %v, want %v", got, due)
		}
		if n := e.app.DB.Client.Task.Query().Where(task.CustomerID(e.f.acmeEast.ID)).CountX(e.sys); n != 1 {
			t.Fatalf("tasks = %d", n)
		}
		kp := e.app.DB.Client.KeyPerson.GetX(e.sys, e.f.acmeKeyPerson.ID)
		if kp.LastContactedAt == nil || time.Since(*kp.LastContactedAt) > time.Minute {
			t.Fatalf("key person not marked as contacted: %v", kp.LastContactedAt)
		}
	})
}

func TestKeyPersonHistory(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		rep := e.token(e.f.rep1)
		e.ok(rep, `mutation($id: ID!) { endKeyPerson(input: {id: $id, reason: "moved to purchasing", version: 1}) { activeTo } }`, map[string]any{"id": e.f.acmeKeyPerson.ID})
		e.ok(rep, `mutation($c: ID!, $p: ID!) { createKeyPerson(input: {customerID: $c, contactID: $p, decisionRole: DECISION_MAKER, scope: MATURE_REPLACEMENT, attitude: SUPPORTER}) { id } }`,
			map[string]any{"c": e.f.acmeEast.ID, "p": e.f.acmeContact.ID})
		d := e.ok(rep, `query($c: ID!) { keyPersons(first: 10, where: {hasCustomerWith: [{id: $c}]}, orderBy: {field: CREATED_AT, direction: ASC}) { edges { node { decisionRole activeTo endedReason } } } }`, map[string]any{"c": e.f.acmeEast.ID})
		edges := dig(d, "keyPersons", "edges").([]any)
		if len(edges) != 2 || dig(edges, 0, "node", "activeTo") == nil || dig(edges, 0, "node", "endedReason") != "moved to purchasing" || dig(edges, 1, "node", "activeTo") != nil {
			t.Fatalf("history: %v", edges)
		}
		expectCode(t, e.do(rep, `mutation($id: ID!) { updateKeyPerson(id: $id, input: {activeTo: "2020-01-01T00:00:00Z"}) { id } }`, map[string]any{"id": e.f.acmeKeyPerson.ID}), "BAD_USER_INPUT")
	})
}

func TestClassificationAndDuplicates(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		rep, rep3 := e.token(e.f.rep1), e.token(e.f.rep3)
		d := e.ok(rep, `mutation { createCustomer(input: {name: "宁波华塑新材料股份有限公司", scale: 4, technicalLevel: 4, credit: 5, demand: 5, easeOfClosing: 3}) {
			id score tier classification { score tier inputs { name value weight contribution } tierAThreshold }
			possibleDuplicates { name reason customer { id } } } }`, nil)
		c := dig(d, "createCustomer")
		// (4·1 + 4·1 + 5·1.5 + 5·2 + 3·1.5) / 7 = 30/7 = 4.29 → A
		if dig(c, "score") != 4.29 || dig(c, "tier") != "A" || dig(c, "classification", "inputs", 3, "contribution") != 1.43 {
			t.Fatalf("classification: %v", c)
		}
		dups := dig(c, "possibleDuplicates").([]any)
		if len(dups) != 1 || dig(dups, 0, "reason") != "SAME_NAME" || dig(dups, 0, "customer", "id") != string(e.f.acmeEast.ID) {
			t.Fatalf("duplicates: %v", dups)
		}
		id := dig(c, "id")
		d = e.ok(rep, `mutation($id: ID!) { updateCustomer(id: $id, input: {demand: 1, easeOfClosing: 1}) { score tier } }`, map[string]any{"id": id})
		// (4 + 4 + 7.5 + 2 + 1.5) / 7 = 19/7 = 2.71 → C
		if dig(d, "updateCustomer", "score") != 2.71 || dig(d, "updateCustomer", "tier") != "C" {
			t.Fatalf("after update: %v", d)
		}
		d = e.ok(rep, `mutation($id: ID!) { updateCustomer(id: $id, input: {clearScale: true, clearTechnicalLevel: true, clearCredit: true}) { score tier } }`, map[string]any{"id": id})
		if dig(d, "updateCustomer", "score") != nil || dig(d, "updateCustomer", "tier") != nil {
			t.Fatalf("two ratings still scored: %v", d)
		}
		// Another team learns the company exists, not its record.
		d = e.ok(rep3, `{ duplicateCandidates(name: "  宁波 华塑新材料 ", website: "https://www.huasu.example/about") { name reason ownerName customer { id } } }`, nil)
		found := dig(d, "duplicateCandidates").([]any)
		if len(found) != 2 || dig(found, 0, "customer") != nil || dig(found, 0, "ownerName") == nil {
			t.Fatalf("rep3 duplicates: %v", found)
		}
		d = e.ok(rep3, `{ duplicateCandidates(name: "Totally New Co") { name } }`, nil)
		if len(dig(d, "duplicateCandidates").([]any)) != 0 {
			t.Fatalf("false duplicate: %v", d)
		}
	})
}

func TestIssueLifecycleAndSLA(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		rep := e.token(e.f.rep1)
		old := c.Issue.Create().SetCustomerID(e.f.acmeEast.ID).SetTitle("yellowing").SetCategory("QUALITY_FLUCTUATION").
			SetSeverity("HIGH").SetReportedAt(time.Now().Add(-20 * time.Hour)).SaveX(e.sys)
		upd := `mutation($id: ID!, $in: UpdateIssueInput!) { updateIssue(id: $id, input: $in) { status respondedAt allowedNextStatuses sla { respondedLate breached } } }`
		set := func(in map[string]any) *gqlResponse { return e.do(rep, upd, map[string]any{"id": old.ID, "in": in}) }
		d := e.ok(rep, `query($id: ID!) { node(id: $id) { ... on Issue { allowedNextStatuses sla { respondedLate onSiteLate breached } } } }`, map[string]any{"id": old.ID})
		if dig(d, "node", "sla", "respondedLate") != true || dig(d, "node", "sla", "breached") != true {
			t.Fatalf("20 h without an answer on a HIGH problem is late: %v", d)
		}
		r := set(map[string]any{"status": "RESOLVED"})
		expectCode(t, r, "BAD_USER_INPUT")
		if got := strings.Join(allowedNext(r), ","); got != "RESPONDED" {
			t.Fatalf("allowedNext %s", got)
		}
		if r := set(map[string]any{"status": "RESPONDED"}); r.code() != "" || dig(r.Data, "updateIssue", "respondedAt") == nil {
			t.Fatalf("respond: %+v", r)
		}
		expectCode(t, set(map[string]any{"status": "ROOT_CAUSE_FOUND"}), "BAD_USER_INPUT")
		e.ok(rep, upd, map[string]any{"id": old.ID, "in": map[string]any{"status": "ROOT_CAUSE_FOUND", "rootCause": "OUR_PRODUCT"}})
		expectCode(t, set(map[string]any{"status": "RESOLVED"}), "BAD_USER_INPUT")
		e.ok(rep, upd, map[string]any{"id": old.ID, "in": map[string]any{"status": "RESOLVED", "resolution": "replaced the batch; added a colour check"}})
		e.ok(rep, upd, map[string]any{"id": old.ID, "in": map[string]any{"status": "CLOSED"}})
		is := c.Issue.GetX(e.sys, old.ID)
		if is.ClosedAt == nil || is.ResolvedAt == nil || is.RespondedAt == nil {
			t.Fatalf("times not recorded: %+v", is)
		}
		// A fresh problem is within its service level.
		fresh := c.Issue.Create().SetCustomerID(e.f.acmeEast.ID).SetTitle("short by 3 bags").SetCategory("SHORT_QUANTITY").SetSeverity("LOW").SaveX(e.sys)
		d = e.ok(rep, `query($id: ID!) { node(id: $id) { ... on Issue { sla { breached } } } }`, map[string]any{"id": fresh.ID})
		if dig(d, "node", "sla", "breached") != false {
			t.Fatalf("fresh problem breached: %v", d)
		}
	})
}

func TestConfidentialMarketInfoIsNeverShared(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		rep := e.token(e.f.rep1)
		share := `mutation($m: ID!, $c: ID!) { createMarketInfoShare(input: {marketInfoID: $m, customerID: $c, channel: "WeChat"}) { id } }`
		d := e.ok(rep, `mutation { a: createMarketInfo(input: {title: "PE wax prices up 6% on ethylene", kind: PRICE_TREND}) { id }
			b: createMarketInfo(input: {title: "A competitor's customer is switching suppliers", kind: MARKET, confidentialOrigin: true}) { id } }`, nil)
		e.ok(rep, share, map[string]any{"m": dig(d, "a", "id"), "c": e.f.acmeEast.ID})
		r := e.do(rep, share, map[string]any{"m": dig(d, "b", "id"), "c": e.f.acmeEast.ID})
		expectCode(t, r, "BAD_USER_INPUT")
		if n := e.app.DB.Client.MarketInfoShare.Query().CountX(e.sys); n != 1 {
			t.Fatalf("shares = %d", n)
		}
	})
}

func TestEvaluationOutcome(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		rep := e.token(e.f.rep1)
		d := e.ok(rep, `mutation($c: ID!) { recordEvaluationOutcome(input: {customerID: $c, outcome: MAIN_SUPPLIER, note: "passed after 2 lots"}) { stage evaluationOutcome } }`, map[string]any{"c": e.f.acmeEast.ID})
		if dig(d, "recordEvaluationOutcome", "stage") != "MAIN_SUPPLIER" || dig(d, "recordEvaluationOutcome", "evaluationOutcome") != "MAIN_SUPPLIER" {
			t.Fatalf("evaluation: %v", d)
		}
		expectCode(t, e.do(e.token(e.f.analyst), `mutation($c: ID!) { recordEvaluationOutcome(input: {customerID: $c, outcome: NOT_SELECTED}) { id } }`, map[string]any{"c": e.f.acmeEast.ID}), "FORBIDDEN")
	})
}

package app_test

import (
	"strings"
	"testing"
	"time"

	"tandem/domain/history"
	"tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/order"
	"tandem/ent/orderevent"
	"tandem/ent/schema/pulid"
)

// The order rules of issue 10, each tried by the person who would step around it.

const stepMutation = `mutation($id: ID!, $s: OrderEventStep!) { completeOrderStep(input: {id: $id, step: $s}) { id status } }`

// newOrder creates an order as the caller, with a delivery date in ten days.
func (e *env) newOrder(token string, cu pulid.ID, number string) pulid.ID {
	e.t.Helper()
	d := e.ok(token, `mutation($c: ID!, $n: String!, $d: Time!) { createOrder(input: {customerID: $c, number: $n, deliveryDate: $d}) { id } }`,
		map[string]any{"c": cu, "n": number, "d": time.Now().UTC().AddDate(0, 0, 10).Format(time.RFC3339)})
	return idOf(dig(d, "createOrder", "id"))
}

// readyToShip ticks every step before SHIPPED.
func (e *env) readyToShip(token string, id pulid.ID) {
	e.t.Helper()
	for _, s := range []string{"CONFIRMED", "CONTRACT_SIGNED", "LABELLING_CHECKED", "PRODUCTION_DATE_CHECKED", "BATCH_CHECKED", "PACKAGING_CHECKED"} {
		e.ok(token, stepMutation, map[string]any{"id": id, "s": s})
	}
}

// coa records a COA of the product's batch, with its file or without.
func (e *env) coa(product pulid.ID, batch string, withFile bool) *ent.Document {
	d := e.app.DB.Client.Document.Create().SetType("COA").SetTitle("COA " + batch).SetBatchNo(batch).SetProductID(product)
	if withFile {
		d.SetStorageKey("documents/test/" + batch).SetSha256(strings.Repeat("a", 64)).SetFileName(batch + ".pdf")
	}
	return d.SaveX(e.sys)
}

func (e *env) line(token string, o pulid.ID, batch string, produced *time.Time) pulid.ID {
	e.t.Helper()
	in := map[string]any{"orderID": o, "productID": e.f.product.ID, "quantity": 500, "batchNo": batch}
	if produced != nil {
		in["productionDate"] = produced.UTC().Format(time.RFC3339)
	}
	d := e.ok(token, `mutation($in: CreateOrderLineInput!) { createOrderLine(input: $in) { id } }`, map[string]any{"in": in})
	return idOf(dig(d, "createOrderLine", "id"))
}

// Three orders entered within a minute, two never confirmed, do not make an account a
// main supplier; confirmed orders do, and a cancelled one does not count.
func TestStagesMoveOnConfirmedOrders(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		rep := e.token(e.f.rep1)
		cu := &ent.Customer{ID: idOf(dig(e.ok(rep, `mutation { createCustomer(input: {name: "绍兴永佳塑胶有限公司"}) { id } }`, nil), "createCustomer", "id"))}
		a, b, c := e.newOrder(rep, cu.ID, "SO-S1"), e.newOrder(rep, cu.ID, "SO-S2"), e.newOrder(rep, cu.ID, "SO-S3")
		if s := stageOf(e, cu); s != customer.StagePROSPECT {
			t.Fatalf("orders entered, none confirmed: the account is %s", s)
		}
		e.ok(rep, stepMutation, map[string]any{"id": a, "s": "CONFIRMED"})
		if s := stageOf(e, cu); s != customer.StageEVALUATION {
			t.Fatalf("after a first confirmed order: %s", s)
		}
		// Two never confirmed: no main supplier.
		if s := stageOf(e, cu); s == customer.StageMAIN_SUPPLIER {
			t.Fatal("unconfirmed orders made the account MAIN_SUPPLIER")
		}
		// A confirmed order cancelled does not count.
		e.ok(rep, stepMutation, map[string]any{"id": b, "s": "CONFIRMED"})
		e.ok(rep, `mutation($id: ID!) { cancelOrder(input: {id: $id, reason: "客户取消"}) { id } }`, map[string]any{"id": b})
		e.ok(rep, stepMutation, map[string]any{"id": c, "s": "CONFIRMED"})
		if s := stageOf(e, cu); s != customer.StageEVALUATION {
			t.Fatalf("two confirmed orders and a cancelled one: %s", s)
		}
		d := e.newOrder(rep, cu.ID, "SO-S4")
		e.ok(rep, stepMutation, map[string]any{"id": d, "s": "CONFIRMED"})
		if s := stageOf(e, cu); s != customer.StageMAIN_SUPPLIER {
			t.Fatalf("three confirmed orders: %s", s)
		}
	})
}

// A COA record without its file does not unblock shipping.
func TestShippingNeedsCOAFile(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		rep := e.token(e.f.rep1)
		o := e.newOrder(rep, e.f.acmeEast.ID, "SO-COA")
		produced := time.Now().AddDate(0, -1, 0)
		e.line(rep, o, "B-COA-1", &produced)
		e.readyToShip(rep, o)
		doc := e.coa(e.f.product.ID, "B-COA-1", false)
		r := e.do(rep, stepMutation, map[string]any{"id": o, "s": "SHIPPED"})
		expectCode(t, r, "BAD_USER_INPUT")
		if !strings.Contains(r.Errors[0].Message, "batch B-COA-1 of TX-AO1010 has a COA record without its file") {
			t.Fatalf("refusal: %s", r.Errors[0].Message)
		}
		d := e.ok(rep, `query($id: ID!) { node(id: $id) { ... on Order { checklist { lineWarnings { kind needsAcknowledgement } } } } }`, map[string]any{"id": o})
		if dig(d, "node", "checklist", "lineWarnings", 0, "kind") != "COA_WITHOUT_FILE" {
			t.Fatalf("checklist: %v", d)
		}
		e.app.DB.Client.Document.UpdateOne(doc).SetStorageKey("documents/test/B-COA-1").SetSha256(strings.Repeat("b", 64)).ExecX(e.sys)
		if d := e.ok(rep, stepMutation, map[string]any{"id": o, "s": "SHIPPED"}); dig(d, "completeOrderStep", "status") != "SHIPPED" {
			t.Fatalf("with its file: %v", d)
		}
	})
}

// A batch produced long ago (or without a production date) ships only once someone
// acknowledges it; a new production date needs a new acknowledgement.
func TestOldBatchNeedsAcknowledgement(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		rep := e.token(e.f.rep1)
		o := e.newOrder(rep, e.f.acmeEast.ID, "SO-AGE")
		old := time.Now().AddDate(-3, 0, 0)
		l := e.line(rep, o, "B-OLD-1", &old)
		e.line(rep, o, "B-OLD-1", nil)
		e.coa(e.f.product.ID, "B-OLD-1", true)
		e.readyToShip(rep, o)
		r := e.do(rep, stepMutation, map[string]any{"id": o, "s": "SHIPPED"})
		expectCode(t, r, "BAD_USER_INPUT")
		if !strings.Contains(r.Errors[0].Message, "more than 12 months ago") || !strings.Contains(r.Errors[0].Message, "no production date") {
			t.Fatalf("refusal: %s", r.Errors[0].Message)
		}
		check := `query($id: ID!) { node(id: $id) { ... on Order { checklist { lineWarnings { kind line { id } needsAcknowledgement acknowledged acknowledgedBy { email } acknowledgement } } } } }`
		ws := dig(e.ok(rep, check, map[string]any{"id": o}), "node", "checklist", "lineWarnings").([]any)
		if len(ws) != 2 || dig(ws[0], "acknowledged") != false || dig(ws[0], "needsAcknowledgement") != true {
			t.Fatalf("warnings: %v", ws)
		}
		ack := `mutation($l: ID!, $r: String!) { acknowledgeBatchAge(input: {lineID: $l, reason: $r}) { id batchAgeAcknowledgedAt } }`
		expectCode(t, e.do(rep, ack, map[string]any{"l": l, "r": " "}), "BAD_USER_INPUT")
		// Another team's rep cannot acknowledge our batch.
		expectCode(t, e.do(e.token(e.f.rep3), ack, map[string]any{"l": l, "r": "ok"}), "NOT_FOUND")
		for _, w := range ws {
			e.ok(rep, ack, map[string]any{"l": dig(w, "line", "id"), "r": "客户确认可用，质保期内"})
		}
		ws = dig(e.ok(rep, check, map[string]any{"id": o}), "node", "checklist", "lineWarnings").([]any)
		if dig(ws[0], "acknowledged") != true || dig(ws[0], "acknowledgedBy", "email") != "rep1@t.test" {
			t.Fatalf("acknowledged: %v", ws)
		}
		// A new (still old) production date takes the acknowledgement away.
		older := time.Now().AddDate(-4, 0, 0).UTC().Format(time.RFC3339)
		e.ok(rep, `mutation($id: ID!, $d: Time!) { updateOrderLine(id: $id, input: {productionDate: $d}) { id } }`, map[string]any{"id": l, "d": older})
		expectCode(t, e.do(rep, stepMutation, map[string]any{"id": o, "s": "SHIPPED"}), "BAD_USER_INPUT")
		e.ok(rep, ack, map[string]any{"l": l, "r": "再次确认"})
		if d := e.ok(rep, stepMutation, map[string]any{"id": o, "s": "SHIPPED"}); dig(d, "completeOrderStep", "status") != "SHIPPED" {
			t.Fatalf("acknowledged: %v", d)
		}
		n := e.app.DB.Client.OrderEvent.Query().Where(orderevent.OrderID(o), orderevent.StepEQ(orderevent.StepBATCH_AGE_ACKNOWLEDGED)).CountX(e.sys)
		if n != 3 {
			t.Errorf("%d acknowledgement events, want 3", n)
		}
		// The age is the product's: a product kept 48 months makes a 3-year-old batch fit.
		e.ok(e.token(e.f.admin), `mutation($id: ID!) { updateProduct(id: $id, input: {maxBatchAgeMonths: 48}) { id } }`, map[string]any{"id": e.f.product.ID})
		o2 := e.newOrder(rep, e.f.acmeEast.ID, "SO-AGE-2")
		e.line(rep, o2, "B-OLD-1", &old)
		e.readyToShip(rep, o2)
		e.ok(rep, stepMutation, map[string]any{"id": o2, "s": "SHIPPED"})
	})
}

// Expired certificates are on Today before they expire and warn on shipping.
func TestCertificatesOnTodayAndShipping(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, rep := e.app.DB.Client, e.token(e.f.rep1)
		soon := c.Document.Create().SetType("SGS_REPORT").SetTitle("TX-AO1010 SGS RoHS").SetProductID(e.f.product.ID).
			SetValidUntil(time.Now().AddDate(0, 0, 5)).SaveX(e.sys)
		later := c.Document.Create().SetType("CERTIFICATE").SetTitle("TX-AO1010 REACH").SetProductID(e.f.product.ID).
			SetValidUntil(time.Now().AddDate(1, 0, 0)).SaveX(e.sys)
		if len(e.todayKinds(rep)["CERTIFICATE_EXPIRING"]) != 0 {
			t.Fatal("a certificate of a product the rep's accounts never bought is on their Today")
		}
		o := e.newOrder(rep, e.f.acmeEast.ID, "SO-CERT")
		produced := time.Now().AddDate(0, -1, 0)
		e.line(rep, o, "B-CERT-1", &produced)
		e.coa(e.f.product.ID, "B-CERT-1", true)
		got := e.todayKinds(rep)["CERTIFICATE_EXPIRING"]
		if !slicesHas(got, string(soon.ID)) || slicesHas(got, string(later.ID)) {
			t.Fatalf("rep's Today: %v", got)
		}
		if !slicesHas(e.todayKinds(e.token(e.f.manager))["CERTIFICATE_EXPIRING"], string(soon.ID)) {
			t.Error("not on the manager's Today")
		}
		if len(e.todayKinds(e.token(e.f.rep3))["CERTIFICATE_EXPIRING"]) != 0 {
			t.Error("on the Today of a rep whose accounts did not buy the product")
		}
		e.readyToShip(rep, o)
		d := e.ok(rep, `query($id: ID!) { node(id: $id) { ... on Order { checklist { warnings lineWarnings { kind document { id } } } } } }`, map[string]any{"id": o})
		ws := dig(d, "node", "checklist", "lineWarnings").([]any)
		if len(ws) != 1 || dig(ws[0], "kind") != "CERTIFICATE_EXPIRING" || dig(ws[0], "document", "id") != string(soon.ID) {
			t.Fatalf("checklist: %v", d)
		}
		// A warning, not a block.
		e.ok(rep, stepMutation, map[string]any{"id": o, "s": "SHIPPED"})
	})
}

// A CLOSED order is frozen: its lines, batches and shipments change only through a
// manager's correction, with a reason, recorded.
func TestClosedOrdersAreFrozen(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		now := time.Now().UTC()
		o := c.Order.Create().SetCustomerID(f.acmeEast.ID).SetNumber("SO-CLOSED").SetStatus(order.StatusCLOSED).
			SetConfirmedAt(now).SetShippedAt(now).SetClosedAt(now).SaveX(e.sys)
		l := c.OrderLine.Create().SetOrderID(o.ID).SetProductID(f.product.ID).SetQuantity(100).SetBatchNo("B-1").SaveX(history.Importing(e.sys))
		sh := c.Shipment.Create().SetOrderID(o.ID).SetCarrier("顺丰").SaveX(history.Importing(e.sys))
		rep, mgr := e.token(f.rep1), e.token(f.manager)
		for name, r := range map[string]*gqlResponse{
			"edit line":     e.do(rep, `mutation($id: ID!) { updateOrderLine(id: $id, input: {batchNo: "B-2"}) { id } }`, map[string]any{"id": l.ID}),
			"delete line":   e.do(rep, `mutation($id: ID!) { deleteOrderLine(id: $id) { deletedID } }`, map[string]any{"id": l.ID}),
			"add line":      e.do(rep, `mutation($o: ID!, $p: ID!) { createOrderLine(input: {orderID: $o, productID: $p, quantity: 1}) { id } }`, map[string]any{"o": o.ID, "p": f.product.ID}),
			"edit shipment": e.do(rep, `mutation($id: ID!) { updateShipment(id: $id, input: {trackingNo: "X"}) { id } }`, map[string]any{"id": sh.ID}),
			"edit order":    e.do(rep, `mutation($id: ID!) { updateOrder(id: $id, input: {contractNo: "C-2"}) { id } }`, map[string]any{"id": o.ID}),
			"manager edit":  e.do(mgr, `mutation($id: ID!) { updateOrderLine(id: $id, input: {quantity: 5}) { id } }`, map[string]any{"id": l.ID}),
		} {
			if r.code() != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "correctClosedOrder") {
				t.Errorf("%s: %+v", name, r.Errors)
			}
		}
		// A raw write as the server obeys too.
		if err := c.OrderLine.UpdateOneID(l.ID).SetBatchNo("B-3").Exec(e.sys); err == nil {
			t.Error("a raw ent write changed a closed order's line")
		}
		if got := c.OrderLine.GetX(e.sys, l.ID); got.BatchNo != "B-1" || got.Quantity != 100 {
			t.Fatalf("the line changed: %+v", got)
		}
		correct := `mutation($in: CorrectClosedOrderInput!) { correctClosedOrder(input: $in) { id } }`
		in := map[string]any{"id": o.ID, "lineID": l.ID, "batchNo": "B-1A", "quantity": 120, "reason": "送货单批号录入错误，按仓库出库单更正"}
		if r := e.do(rep, correct, map[string]any{"in": in}); r.code() != "FORBIDDEN" {
			t.Fatalf("%+v\n%s", r.Errors, strings.Join(e.logLines(), "\n"))
		}
		expectCode(t, e.do(mgr, correct, map[string]any{"in": map[string]any{"id": o.ID, "lineID": l.ID, "batchNo": "B-1A", "reason": " "}}), "BAD_USER_INPUT")
		if r := e.do(mgr, correct, map[string]any{"in": in}); r.code() != "" {
			t.Fatalf("%+v\n%s", r.Errors, strings.Join(e.logLines(), "\n"))
		}
		d := e.ok(mgr, `query($id: ID!) { node(id: $id) { ... on Order { lines(first: 5) { edges { node { batchNo quantity } } } } } }`, map[string]any{"id": o.ID})
		d = map[string]any{"correctClosedOrder": dig(d, "node")}
		if dig(d, "correctClosedOrder", "lines", "edges", 0, "node", "batchNo") != "B-1A" || dig(d, "correctClosedOrder", "lines", "edges", 0, "node", "quantity") != 120.0 {
			t.Fatalf("corrected: %v", d)
		}
		ev := c.OrderEvent.Query().Where(orderevent.OrderID(o.ID), orderevent.StepEQ(orderevent.StepCORRECTED)).OnlyX(e.sys)
		if ev.ActorID != f.manager.ID || !strings.Contains(ev.Note, "按仓库出库单更正") || !strings.Contains(ev.Note, "batchNo: B-1 → B-1A") || !strings.Contains(ev.Note, "quantity: 100 → 120") {
			t.Fatalf("event: %+v", ev)
		}
		if c.Order.GetX(e.sys, o.ID).Status != order.StatusCLOSED {
			t.Error("the correction moved the order")
		}
	})
}

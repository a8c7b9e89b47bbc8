package app_test

import (
	"testing"
	"time"

	"tandem/domain/history"
	"tandem/ent"
	"tandem/ent/changenotice"
	"tandem/ent/changenoticeack"
	"tandem/ent/order"
)

// Change notices (变更通知) of issue 10: issued only by issueChangeNotice, before the
// change takes effect, and acknowledged by partners through the API.

const createNotice = `mutation($in: CreateChangeNoticeInput!) { createChangeNotice(input: $in) { id status version } }`
const updateNotice = `mutation($id: ID!, $in: UpdateChangeNoticeInput!) { updateChangeNotice(id: $id, input: $in) { id status } }`

func (e *env) noticeInput(effective time.Time, extra map[string]any) map[string]any {
	in := map[string]any{"productID": e.f.product.ID, "kind": "FORMULA", "title": "更换催化剂供应商", "effectiveAt": effective.UTC().Format(time.RFC3339)}
	for k, v := range extra {
		in[k] = v
	}
	return in
}

// Created or updated with status ISSUED, a notice reached nobody: status and the
// issue date are set only by issueChangeNotice.
func TestChangeNoticeStatusOnlyByIssue(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, mgr := e.app.DB.Client, e.token(e.f.manager)
		e.placeOrder(e.f.acmeEast, e.f.product, "SO-CN-1", time.Now().AddDate(0, -1, 0), 5, "kg", order.StatusDELIVERED)
		future := time.Now().AddDate(0, 2, 0)
		before := c.ChangeNotice.Query().CountX(e.sys)
		for _, extra := range []map[string]any{{"status": "ISSUED"}, {"status": "COMPLETE"}, {"issuedAt": time.Now().UTC().Format(time.RFC3339)}} {
			r := e.do(mgr, createNotice, map[string]any{"in": e.noticeInput(future, extra)})
			expectCode(t, r, "BAD_USER_INPUT")
		}
		if n := c.ChangeNotice.Query().CountX(e.sys); n != before {
			t.Fatalf("refused creates wrote %d notices", n-before)
		}
		d := e.ok(mgr, createNotice, map[string]any{"in": e.noticeInput(future, nil)})
		id := dig(d, "createChangeNotice", "id")
		for _, in := range []map[string]any{{"status": "ISSUED"}, {"issuedAt": time.Now().UTC().Format(time.RFC3339)}} {
			expectCode(t, e.do(mgr, updateNotice, map[string]any{"id": id, "in": in}), "BAD_USER_INPUT")
		}
		cn := c.ChangeNotice.GetX(e.sys, idOf(id))
		if cn.Status != changenotice.StatusDRAFT || cn.IssuedAt != nil {
			t.Fatalf("the draft became %s (issued %v)", cn.Status, cn.IssuedAt)
		}
		d = e.ok(mgr, `mutation($id: ID!) { issueChangeNotice(input: {id: $id}) { status pendingAcks { id } } }`, map[string]any{"id": id})
		if dig(d, "issueChangeNotice", "status") != "ISSUED" || len(dig(d, "issueChangeNotice", "pendingAcks").([]any)) != 1 {
			t.Errorf("issued: %v", d)
		}
	})
}

// 及早沟通: a notice is told before the change takes effect — a past effective date is
// refused when the draft is written, edited and issued.
func TestChangeNoticeEffectiveInTheFuture(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, mgr := e.app.DB.Client, e.token(e.f.manager)
		past := time.Now().AddDate(0, 0, -1)
		r := e.do(mgr, createNotice, map[string]any{"in": e.noticeInput(past, nil)})
		expectCode(t, r, "BAD_USER_INPUT")
		if r.Errors[0].Extensions["field"] != "effectiveAt" {
			t.Errorf("refusal: %+v", r.Errors[0])
		}
		d := e.ok(mgr, createNotice, map[string]any{"in": e.noticeInput(time.Now().AddDate(0, 1, 0), nil)})
		id := dig(d, "createChangeNotice", "id")
		r = e.do(mgr, updateNotice, map[string]any{"id": id, "in": map[string]any{"effectiveAt": past.UTC().Format(time.RFC3339)}})
		expectCode(t, r, "BAD_USER_INPUT")
		// A draft left until its date passed (imported so) is not issued.
		c.ChangeNotice.UpdateOneID(idOf(id)).SetEffectiveAt(past).ExecX(history.Importing(e.sys))
		r = e.do(mgr, `mutation($id: ID!) { issueChangeNotice(input: {id: $id}) { status } }`, map[string]any{"id": id})
		expectCode(t, r, "BAD_USER_INPUT")
		if r.Errors[0].Extensions["field"] != "effectiveAt" {
			t.Errorf("refusal: %+v", r.Errors[0])
		}
		if cn := c.ChangeNotice.GetX(e.sys, idOf(id)); cn.Status != changenotice.StatusDRAFT {
			t.Errorf("issued with a past effective date: %s", cn.Status)
		}
	})
}

// A partner token with change_notices:write acknowledges its own customer's notice
// through the API, named as the one who sent it; another customer's is NOT_FOUND.
func TestPartnerAcknowledgesChangeNotices(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		admin, mgr := e.token(f.admin), e.token(f.manager)
		e.placeOrder(f.acmeEast, f.product, "SO-ACK-1", time.Now().AddDate(0, -1, 0), 5, "kg", order.StatusDELIVERED)
		e.placeOrder(f.southAcct, f.product, "SO-ACK-2", time.Now().AddDate(0, -2, 0), 5, "kg", order.StatusDELIVERED)
		d := e.ok(mgr, createNotice, map[string]any{"in": e.noticeInput(time.Now().AddDate(0, 2, 0), nil)})
		id := idOf(dig(d, "createChangeNotice", "id"))
		e.ok(mgr, `mutation($id: ID!) { issueChangeNotice(input: {id: $id}) { status } }`, map[string]any{"id": id})
		ackOf := func(cu *ent.Customer) *ent.ChangeNoticeAck {
			return c.ChangeNoticeAck.Query().Where(changenoticeack.ChangeNoticeID(id), changenoticeack.CustomerID(cu.ID)).OnlyX(e.sys)
		}
		own, south := ackOf(f.acmeEast), ackOf(f.southAcct)
		token, tokenID := e.ptIssue(admin, f.acmeEast.ID, "change_notices:read", "change_notices:write")
		readOnly, _ := e.ptIssue(admin, f.acmeEast.ID, "change_notices:read")
		ack := `mutation($id: ID!) { acknowledgeChangeNotice(input: {ackID: $id, acknowledgedBy: "李工 (质量部)"}) { id acknowledgedAt acknowledgedBy acknowledgedVia recordedByTokenID } }`
		expectCode(t, e.do(token, ack, map[string]any{"id": south.ID}), "NOT_FOUND")
		expectCode(t, e.do(readOnly, ack, map[string]any{"id": own.ID}), "FORBIDDEN")
		if got := ackOf(f.southAcct); got.AcknowledgedAt != nil {
			t.Fatal("the partner acknowledged another customer's notice")
		}
		d = e.ok(token, ack, map[string]any{"id": own.ID})
		if dig(d, "acknowledgeChangeNotice", "acknowledgedVia") != "PARTNER_API" || idOf(dig(d, "acknowledgeChangeNotice", "recordedByTokenID")) != tokenID ||
			dig(d, "acknowledgeChangeNotice", "acknowledgedBy") != "李工 (质量部)" {
			t.Errorf("acknowledged: %v", d)
		}
		// Our people record the south customer's; the last one completes the notice.
		d = e.ok(admin, ack, map[string]any{"id": south.ID})
		if dig(d, "acknowledgeChangeNotice", "acknowledgedVia") != "APP" {
			t.Errorf("recorded in the app: %v", d)
		}
		if got := ackOf(f.southAcct); got.RecordedByUserID == nil || *got.RecordedByUserID != f.admin.ID {
			t.Errorf("recorded by %v", got.RecordedByUserID)
		}
		if cn := c.ChangeNotice.GetX(e.sys, id); cn.Status != changenotice.StatusCOMPLETE {
			t.Errorf("after every acknowledgement the notice is %s", cn.Status)
		}
		// A generic update cannot acknowledge (it would complete nothing).
		fresh := e.ok(mgr, createNotice, map[string]any{"in": e.noticeInput(time.Now().AddDate(0, 3, 0), nil)})
		fid := idOf(dig(fresh, "createChangeNotice", "id"))
		e.ok(mgr, `mutation($id: ID!) { issueChangeNotice(input: {id: $id}) { status } }`, map[string]any{"id": fid})
		a := c.ChangeNoticeAck.Query().Where(changenoticeack.ChangeNoticeID(fid), changenoticeack.CustomerID(f.acmeEast.ID)).OnlyX(e.sys)
		r := e.do(e.token(f.rep1), `mutation($id: ID!) { updateChangeNoticeAck(id: $id, input: {acknowledgedAt: "2026-01-01T00:00:00Z", acknowledgedBy: "x"}) { id } }`,
			map[string]any{"id": a.ID})
		expectCode(t, r, "BAD_USER_INPUT")
	})
}

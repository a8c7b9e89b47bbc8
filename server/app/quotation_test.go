package app_test

import (
	"sync"
	"testing"
	"time"

	"tandem/ent/quotation"
	"tandem/ent/schema/pulid"
)

const (
	qtDraft = `mutation($in: QuotationDraftInput!, $cm: String) { draftQuotation(input: $in, clientMutationId: $cm) {
		id number revision status version currency lines { id unitPrice minQuantity unit } sample { id } } }`
	qtSend   = `mutation($id: ID!, $v: Int) { sendQuotation(id: $id, version: $v) { id status version sentAt } }`
	qtAccept = `mutation($in: QuotationAnswerInput!) { acceptQuotation(input: $in) { id status decidedBy decidedVia inForce } }`
	qtReject = `mutation($in: QuotationAnswerInput!) { rejectQuotation(input: $in) { id status } }`
	qtLine   = `mutation($in: CreateOrderLineInput!) { createOrderLine(input: $in) { id unitPrice priceNote agreement { id number } } }`
	qtAgreed = `query($c: ID!, $p: ID!, $q: Float!) { agreedPrice(customerID: $c, productID: $p, quantity: $q) { unitPrice minQuantity currency agreement { id } } }`
)

// qtDraftInput is a draft for an account: 20 CNY/kg, 18 from 1,000 kg, valid from
// yesterday for days.
func qtDraftInput(cu, product pulid.ID, days int) map[string]any {
	now := time.Now().UTC()
	return map[string]any{
		"customerID": cu, "currency": "cny", "incoterm": "FOB", "incotermPlace": "宁波", "paymentDays": 60, "paymentTerms": "月结60天",
		"validFrom": now.Add(-24 * time.Hour).Format(time.RFC3339), "validUntil": now.Add(time.Duration(days) * 24 * time.Hour).Format(time.RFC3339),
		"lines": []any{
			map[string]any{"productID": product, "unitPrice": 20},
			map[string]any{"productID": product, "unitPrice": 18, "minQuantity": 1000},
		},
	}
}

// A quotation drafted, sent and accepted becomes the price agreement: order lines
// take its price, a different one needs a reason and a manager, and Today warns
// before it ends. Bad drafts write nothing; a retried draft is one draft; of an
// accept and a reject sent at once exactly one wins.
func TestQuotationAgreement(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, sys, f := e.app.DB.Client, e.sys, e.f
		rep1, manager := e.token(f.rep1), e.token(f.manager)
		acme := f.acmeEast.ID
		count := func() int { return c.Quotation.Query().CountX(sys) + c.QuotationLine.Query().CountX(sys) }

		bad := func(edit func(map[string]any)) map[string]any {
			in := qtDraftInput(acme, f.product.ID, 20)
			edit(in)
			return in
		}
		for name, c := range map[string]struct {
			in    map[string]any
			field string
		}{
			"zero price": {bad(func(in map[string]any) {
				in["lines"] = []any{map[string]any{"productID": f.product.ID, "unitPrice": 0}}
			}), "lines[0].unitPrice"},
			"ends before":    {bad(func(in map[string]any) { in["validUntil"] = "2020-01-01T00:00:00Z" }), "validUntil"},
			"currency":       {bad(func(in map[string]any) { in["currency"] = "rmb¥" }), "currency"},
			"no lines":       {bad(func(in map[string]any) { in["lines"] = []any{} }), "lines"},
			"another sample": {bad(func(in map[string]any) { in["sampleID"] = f.southSample.ID }), "sampleID"},
			"payment days":   {bad(func(in map[string]any) { in["paymentDays"] = 999 }), "paymentDays"},
			"unknown product": {bad(func(in map[string]any) {
				in["lines"] = []any{map[string]any{"productID": "PR01XXXXXXXXXXXXXXXXXXXXXX", "unitPrice": 1}}
			}), ""},
		} {
			r := e.do(rep1, qtDraft, map[string]any{"in": c.in})
			if r.code() != "BAD_USER_INPUT" || c.field != "" && r.Errors[0].Extensions["field"] != c.field {
				t.Errorf("%s: %+v", name, r.Errors)
			}
		}
		if r := e.do(rep1, qtDraft, map[string]any{"in": qtDraftInput(f.southAcct.ID, f.product.ID, 20)}); len(r.Errors) == 0 {
			t.Errorf("rep1 drafted for an account of another team: %+v", r.Data)
		}
		if n := count(); n != 0 {
			t.Fatalf("refused drafts wrote %d rows", n)
		}

		// Drafted twice with one clientMutationId: one quotation.
		in := qtDraftInput(acme, f.product.ID, 20)
		in["sampleID"] = f.acmeSample.ID
		d := e.ok(rep1, qtDraft, map[string]any{"in": in, "cm": "qt-1"})
		again := e.ok(rep1, qtDraft, map[string]any{"in": in, "cm": "qt-1"})
		id := dig(d, "draftQuotation", "id")
		if dig(again, "draftQuotation", "id") != id || c.Quotation.Query().CountX(sys) != 1 {
			t.Fatalf("a retried draft made another: %v %v", d, again)
		}
		if dig(d, "draftQuotation", "currency") != "CNY" || dig(d, "draftQuotation", "sample", "id") != string(f.acmeSample.ID) {
			t.Errorf("draft %v", d)
		}
		e.ok(rep1, qtSend, map[string]any{"id": id})
		if r := e.do(rep1, qtSend, map[string]any{"id": id}); r.code() != "CONFLICT" {
			t.Errorf("sent twice: %+v", r.Errors)
		}

		// An accept and a reject at once: one wins.
		var wg sync.WaitGroup
		answers := make([]*gqlResponse, 2)
		for i, m := range []string{qtAccept, qtReject} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				answers[i] = e.doConcurrently(rep1, m, map[string]any{"in": map[string]any{"id": id, "decidedBy": "王总"}})
			}()
		}
		wg.Wait()
		won := 0
		for _, r := range answers {
			switch {
			case len(r.Errors) == 0:
				won++
			case r.code() != "CONFLICT":
				t.Errorf("the loser: %+v", r.Errors)
			}
		}
		qt := c.Quotation.GetX(sys, pulid.ID(id.(string)))
		if won != 1 || qt.Status == quotation.StatusSENT {
			t.Fatalf("%d answers won; the quotation is %s", won, qt.Status)
		}
		if qt.Status == quotation.StatusREJECTED {
			// The reject won: offer again and accept the revision.
			rev := e.ok(rep1, `mutation($id: ID!) { reviseQuotation(id: $id) { id revision } }`, map[string]any{"id": id})
			id = dig(rev, "reviseQuotation", "id")
			e.ok(rep1, qtSend, map[string]any{"id": id})
			e.ok(rep1, qtAccept, map[string]any{"in": map[string]any{"id": id, "decidedBy": "王总"}})
		}

		// Order lines take the agreed price.
		o := e.ok(rep1, `mutation($in: CreateOrderInput!) { createOrder(input: $in) { id } }`,
			map[string]any{"in": map[string]any{"customerID": acme, "number": "SO-QT-1"}})
		oid := dig(o, "createOrder", "id")
		l := e.ok(rep1, qtLine, map[string]any{"in": map[string]any{"orderID": oid, "productID": f.product.ID, "quantity": 1500}})
		if dig(l, "createOrderLine", "unitPrice") != 18.0 || dig(l, "createOrderLine", "agreement", "id") != id {
			t.Errorf("1,500 kg under the agreement: %v", l)
		}
		// Its invoice will take the agreement's 60 days (the order and the account have none).
		if n := dig(e.ok(rep1, `query($id: ID!) { node(id: $id) { ... on Order { invoiceTerms } } }`, map[string]any{"id": oid}), "node", "invoiceTerms"); n != 60.0 {
			t.Errorf("invoice terms %v, want the agreement's 60", n)
		}
		l = e.ok(rep1, qtLine, map[string]any{"in": map[string]any{"orderID": oid, "productID": f.product.ID, "quantity": 10, "unitPrice": 20}})
		if dig(l, "createOrderLine", "unitPrice") != 20.0 {
			t.Errorf("10 kg at the agreed 20: %v", l)
		}
		lines := c.OrderLine.Query().CountX(sys)
		other := map[string]any{"orderID": oid, "productID": f.product.ID, "quantity": 1500, "unitPrice": 17}
		if r := e.do(rep1, qtLine, map[string]any{"in": other}); r.code() != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != "priceNote" {
			t.Errorf("another price without a reason: %+v", r.Errors)
		}
		other["priceNote"] = "年度返利"
		if r := e.do(rep1, qtLine, map[string]any{"in": other}); r.code() != "FORBIDDEN" {
			t.Errorf("another price by a rep: %+v", r.Errors)
		}
		if n := c.OrderLine.Query().CountX(sys); n != lines {
			t.Errorf("refused lines wrote %d", n-lines)
		}
		l = e.ok(manager, qtLine, map[string]any{"in": other})
		if dig(l, "createOrderLine", "unitPrice") != 17.0 || dig(l, "createOrderLine", "priceNote") != "年度返利" {
			t.Errorf("the manager's price: %v", l)
		}

		ap := e.ok(rep1, qtAgreed, map[string]any{"c": acme, "p": f.product.ID, "q": 1000})
		if dig(ap, "agreedPrice", "unitPrice") != 18.0 || dig(ap, "agreedPrice", "currency") != "CNY" {
			t.Errorf("agreed price at 1,000: %v", ap)
		}
		if r := e.do(e.token(f.rep3), qtAgreed, map[string]any{"c": acme, "p": f.product.ID, "q": 1000}); len(r.Errors) == 0 {
			t.Errorf("rep3 read another team's agreed price: %v", r.Data)
		}

		// A new list price leaves the agreement's price as agreed: the price names it.
		// A market price, or a list price from after the agreement ends, affects none.
		pp := `mutation($in: CreatePricePointInput!) { createPricePoint(input: $in) { affectedAgreements { id } } }`
		for _, c := range []struct {
			kind string
			at   time.Time
			want int
		}{{"LIST", time.Now(), 1}, {"MARKET", time.Now(), 0}, {"LIST", time.Now().AddDate(0, 0, 40), 0}} {
			in := map[string]any{"productID": f.product.ID, "kind": c.kind, "price": 21.5, "observedAt": c.at.Format(time.RFC3339)}
			got := dig(e.ok(manager, pp, map[string]any{"in": in}), "createPricePoint", "affectedAgreements").([]any)
			if len(got) != c.want || (c.want == 1 && dig(got[0], "id") != id) {
				t.Errorf("%s price on %s affects %v, want %d", c.kind, c.at.Format(time.DateOnly), got, c.want)
			}
		}

		// Ending within 30 days: on rep1's Today.
		items, _ := rptToday(t, e, rep1)
		if items[id.(string)] != "AGREEMENT_EXPIRING" {
			t.Errorf("the agreement ending in 20 days is not on Today: %v", items)
		}
	})
}

// A partner reads the quotations sent to its organisation — not our drafts, not
// another customer's — and answers its own with quotations:write.
func TestQuotationPartner(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		f := e.f
		rep1, rep3, admin := e.token(f.rep1), e.token(f.rep3), e.token(f.admin)
		draft := func(tok string, cu pulid.ID, send bool) any {
			d := e.ok(tok, qtDraft, map[string]any{"in": qtDraftInput(cu, f.product.ID, 90)})
			id := dig(d, "draftQuotation", "id")
			if send {
				e.ok(tok, qtSend, map[string]any{"id": id})
			}
			return id
		}
		own, ownDraft, south := draft(rep1, f.acmeEast.ID, true), draft(rep1, f.acmeEast.ID, false), draft(rep3, f.southAcct.ID, true)
		reader, _ := e.ptIssue(admin, f.acmeEast.ID, "quotations:read")
		writer, _ := e.ptIssue(admin, f.acmeEast.ID, "quotations:read", "quotations:write")

		d := e.ok(reader, `{ quotations(first: 10) { totalCount edges { node { id status lines { unitPrice } } } } }`, nil)
		if n := num(dig(d, "quotations", "totalCount")); n != 1 || dig(d, "quotations", "edges", 0, "node", "id") != own {
			t.Errorf("the partner reads %v, want its one sent quotation", d)
		}
		for _, id := range []any{ownDraft, south} {
			if r := e.do(reader, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id}); dig(r.Data, "node") != nil {
				t.Errorf("the partner read %v", id)
			}
		}
		answer := map[string]any{"in": map[string]any{"id": own, "decidedBy": "采购部 李经理"}}
		if r := e.do(reader, qtAccept, answer); r.code() != "FORBIDDEN" {
			t.Errorf("accepted without quotations:write: %+v", r.Errors)
		}
		if r := e.do(writer, qtAccept, map[string]any{"in": map[string]any{"id": south, "decidedBy": "x"}}); r.code() != "NOT_FOUND" {
			t.Errorf("accepted another customer's: %+v", r.Errors)
		}
		a := e.ok(writer, qtAccept, answer)
		if dig(a, "acceptQuotation", "status") != "ACCEPTED" || dig(a, "acceptQuotation", "decidedVia") != "PARTNER_API" ||
			dig(a, "acceptQuotation", "inForce") != true {
			t.Errorf("the partner's accept: %v", a)
		}
		if st := e.app.DB.Client.Quotation.GetX(e.sys, pulid.ID(south.(string))).Status; st != quotation.StatusSENT {
			t.Errorf("the south quotation is %s", st)
		}
	})
}

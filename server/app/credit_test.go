package app_test

import (
	"testing"
	"time"
)

const (
	crLine    = `query($id: ID!) { node(id: $id) { ... on Customer { creditLine { limit currency open available orders overdue paymentDays } } } }`
	crSetCust = `mutation($id: ID!, $in: UpdateCustomerInput!) { updateCustomer(id: $id, input: $in) { id creditLimit creditCurrency paymentDays } }`
	crConfirm = `mutation($id: ID!, $n: String) { completeOrderStep(input: {id: $id, step: CONFIRMED, note: $n}) { id status } }`
)

// The credit we extend: managers set the limit; an account's orders take its payment
// terms; confirming beyond the limit is a manager's decision with a reason; the
// receipts past due are on Today and in the account's credit line.
func TestCreditLimit(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, sys, f := e.app.DB.Client, e.sys, e.f
		rep1, manager := e.token(f.rep1), e.token(f.manager)
		acme := f.acmeEast.ID

		if r := e.do(rep1, crSetCust, map[string]any{"id": acme, "in": map[string]any{"creditLimit": 1e9}}); r.code() != "FORBIDDEN" {
			t.Errorf("a rep set the credit limit: %+v", r.Errors)
		}
		if r := e.do(manager, crSetCust, map[string]any{"id": acme, "in": map[string]any{"creditCurrency": "元"}}); r.code() != "BAD_USER_INPUT" {
			t.Errorf("a currency that is no code: %+v", r.Errors)
		}
		if l := c.Customer.GetX(sys, acme).CreditLimit; l != nil {
			t.Fatalf("refused writes set the limit to %v", *l)
		}
		e.ok(rep1, crSetCust, map[string]any{"id": acme, "in": map[string]any{"paymentDays": 45}})
		d := e.ok(manager, crSetCust, map[string]any{"id": acme, "in": map[string]any{"creditLimit": 10000, "creditCurrency": "cny"}})
		if dig(d, "updateCustomer", "creditCurrency") != "CNY" || dig(d, "updateCustomer", "paymentDays") != 45.0 {
			t.Errorf("the account's terms: %v", d)
		}

		// Two orders of 8,000 CNY: the first within the limit, the second beyond it.
		order := func(no string) any {
			d := e.ok(rep1, `mutation($c: ID!, $no: String!, $d: Time!) { createOrder(input: {customerID: $c, number: $no, deliveryDate: $d}) { id paymentDays } }`,
				map[string]any{"c": acme, "no": no, "d": time.Now().AddDate(0, 0, 20).UTC().Format(time.RFC3339)})
			id := dig(d, "createOrder", "id")
			e.ok(rep1, qtLine, map[string]any{"in": map[string]any{"orderID": id, "productID": f.product.ID, "quantity": 400, "unitPrice": 20}})
			return id
		}
		a, b := order("SO-CR-1"), order("SO-CR-2")
		// Before it is invoiced, an order says the terms its invoice will take: the
		// account's 45 days (no terms of its own, no agreement priced it).
		if n := dig(e.ok(rep1, `query($id: ID!) { node(id: $id) { ... on Order { invoiceTerms } } }`, map[string]any{"id": a}), "node", "invoiceTerms"); n != 45.0 {
			t.Errorf("invoice terms %v, want the account's 45", n)
		}
		e.ok(rep1, crConfirm, map[string]any{"id": a})
		if r := e.do(rep1, crConfirm, map[string]any{"id": b}); r.code() != "FORBIDDEN" {
			t.Errorf("a rep confirmed beyond the limit: %+v", r.Errors)
		} else if x := r.Errors[0].Extensions; x["creditLimit"] != 10000.0 || x["open"] != 8000.0 || x["amount"] != 8000.0 ||
			x["currency"] != "CNY" || x["exposureUnknown"] != false {
			t.Errorf("the refusal's figures: %v", x)
		}
		if r := e.do(manager, crConfirm, map[string]any{"id": b}); r.code() != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != "note" {
			t.Errorf("a manager confirmed beyond the limit without a reason: %+v", r.Errors)
		}
		if st := dig(e.ok(rep1, `query($id: ID!) { node(id: $id) { ... on Order { status } } }`, map[string]any{"id": b}), "node", "status"); st != "OPEN" {
			t.Fatalf("refused confirmations left the order %v", st)
		}
		e.ok(manager, crConfirm, map[string]any{"id": b, "n": "年底备货，客户付款记录良好"})

		cl := dig(e.ok(rep1, crLine, map[string]any{"id": acme}), "node", "creditLine")
		if dig(cl, "open") != 16000.0 || dig(cl, "available") != -6000.0 || dig(cl, "orders") != 2.0 || dig(cl, "overdue") != 0.0 {
			t.Errorf("credit line %v", cl)
		}

		// A receipt past due: on rep1's Today and counted.
		c.Order.UpdateOneID(idOf(a)).SetInvoicedAt(time.Now().AddDate(0, 0, -50)).SetPaymentDueAt(time.Now().AddDate(0, 0, -5)).ExecX(sys)
		items, _ := rptToday(t, e, rep1)
		if items[string(idOf(a))] != "RECEIPT_OVERDUE" {
			t.Errorf("the overdue receipt is not on Today: %v", items)
		}
		if n := dig(e.ok(rep1, crLine, map[string]any{"id": acme}), "node", "creditLine", "overdue"); n != 1.0 {
			t.Errorf("overdue %v", n)
		}
		if r := e.do(rep1, `mutation($id: ID!, $t: Time!) { updateOrder(id: $id, input: {paymentDueAt: $t}) { id } }`,
			map[string]any{"id": a, "t": time.Now().Format(time.RFC3339)}); len(r.Errors) == 0 {
			t.Errorf("paymentDueAt set by a generic update: %v", r.Data)
		}
	})
}

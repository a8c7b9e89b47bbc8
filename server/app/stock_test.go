package app_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"tandem/domain/history"
	"tandem/ent/order"
	"tandem/ent/sample"
)

const stockQuery = `query($p: ID!) { stockPlan(productID: $p) { status unit onHand runsOutAt orderBy suggestedQuantity fromCustomers fromTrials
	customers trials trialsWithoutEstimate reasons demand { month quantity } } }`

// Our stock planned from every customer's use: managers enter the stock; two
// customers' flat order histories (1,000 and 500 kg a month) and a pilot trial at an
// account using 12 t a year (0.4 × 1,000 kg a month from the third month) make the
// demand; 2,000 kg on hand less 500 safety lasts about a month, so with 60 days' lead time
// the order is due now.
func TestStockPlan(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		hist := history.Importing(e.sys)
		now := time.Now().UTC()
		for i := 1; i <= 6; i++ {
			at := time.Date(now.Year(), now.Month(), 15, 0, 0, 0, 0, time.UTC).AddDate(0, -i, 0)
			for _, cu := range []struct {
				id  string
				qty float64
			}{{string(f.acmeEast.ID), 1000}, {string(f.southAcct.ID), 0.5}} {
				unit := "kg"
				if cu.qty < 1 {
					unit = "t" // 0.5 t: converted to the product's kg
				}
				o := c.Order.Create().SetCustomerID(f.acmeEast.ID).SetNumber("ST-" + cu.id[len(cu.id)-4:] + at.Format("0601")).
					SetOrderedAt(at).SetStatus(order.StatusCLOSED).SaveX(hist)
				if cu.id == string(f.southAcct.ID) {
					o = c.Order.UpdateOneID(o.ID).SetCustomerID(f.southAcct.ID).SaveX(hist)
				}
				c.OrderLine.Create().SetOrderID(o.ID).SetProductID(f.product.ID).SetQuantity(cu.qty).SetUnit(unit).ExecX(hist)
			}
		}
		c.Customer.UpdateOneID(f.rep2Own.ID).SetAnnualDemandKg(12000).ExecX(hist)
		c.Sample.Create().SetCustomerID(f.rep2Own.ID).SetProductID(f.product.ID).SetQuantity(5).SetStatus(sample.StatusPILOT_TRIAL).ExecX(hist)

		set := `mutation($id: ID!, $in: UpdateProductInput!) { updateProduct(id: $id, input: $in) { id stockOnHand stockCountedAt } }`
		in := map[string]any{"stockOnHand": 2000, "safetyStock": 500, "leadTimeDays": 60}
		if r := e.do(e.token(f.rep1), set, map[string]any{"id": f.product.ID, "in": in}); len(r.Errors) == 0 {
			t.Errorf("a rep entered the stock: %v", r.Data)
		}
		d := e.ok(e.token(f.manager), set, map[string]any{"id": f.product.ID, "in": in})
		if dig(d, "updateProduct", "stockCountedAt") == nil {
			t.Errorf("no count date: %v", d)
		}

		p := dig(e.ok(e.token(f.rep1), stockQuery, map[string]any{"p": f.product.ID}), "stockPlan")
		if dig(p, "customers") != 2.0 || dig(p, "trials") != 1.0 || dig(p, "status") != "ORDER_NOW" || dig(p, "unit") != "kg" {
			t.Errorf("plan %v", p)
		}
		if got := dig(p, "fromCustomers").(float64); math.Abs(got-9000) > 1 {
			t.Errorf("customers' demand over 6 months %v, want 9,000", got)
		}
		if got := dig(p, "fromTrials").(float64); math.Abs(got-1600) > 1 {
			t.Errorf("the trial's weighted demand %v, want 4 months × 400", got)
		}
		if q := dig(p, "suggestedQuantity").(float64); q < 2900 { // two months of 1,500–1,900 kg from when it runs out
			t.Errorf("suggested %v", q)
		}
		if r := dig(p, "reasons").([]any); len(r) < 2 || !strings.Contains(r[0].(string), "预计需求") {
			t.Errorf("reasons %v", r)
		}
		list := dig(e.ok(e.token(f.analyst), `{ stockPlans(first: 5) { product { id } status } }`, nil), "stockPlans").([]any)
		if len(list) != 1 || dig(list[0], "product", "id") != string(f.product.ID) {
			t.Errorf("stock plans %v", list)
		}
		partner, _ := e.ptIssue(e.token(f.admin), f.acmeEast.ID, "orders:read")
		if r := e.do(partner, stockQuery, map[string]any{"p": f.product.ID}); len(r.Errors) == 0 {
			t.Errorf("a partner read our stock plan: %v", r.Data)
		}

		// What can be promised. Acme East's own 1,000 kg a month is not held against
		// it; everyone else's use within the 60 days' lead time is, so 10 kg is free for
		// Acme East and not for a stranger.
		avail := `query($p: ID!, $q: Float!, $u: String, $c: ID) { availability(productID: $p, quantity: $q, unit: $u, customerID: $c) {
			status quantity unit earliestShipAt leadTimeDays message } }`
		if r := e.do(partner, avail, map[string]any{"p": f.product.ID, "q": 10}); r.code() != "FORBIDDEN" {
			t.Errorf("a partner without stock:read: %+v", r.Errors)
		}
		buyer, _ := e.ptIssue(e.token(f.admin), f.acmeEast.ID, "stock:read")
		got := dig(e.ok(buyer, avail, map[string]any{"p": f.product.ID, "q": 0.01, "u": "t"}), "availability")
		if dig(got, "status") != "IN_STOCK" || dig(got, "quantity") != 10.0 || dig(got, "unit") != "kg" || dig(got, "leadTimeDays") != 60.0 {
			t.Errorf("the buyer's availability: %v", got)
		}
		// The sentence is in the language the app shows, whatever the profile says.
		en := e.doWith(map[string]string{"X-Tandem-Lang": "en"}, buyer, avail, map[string]any{"p": f.product.ID, "q": 2000000})
		if m, _ := dig(en.Data, "availability", "message").(string); !strings.HasPrefix(m, "2000000 kg: needs a replenishment") {
			t.Errorf("the English answer: %q %+v", m, en.Errors)
		}
		// A partner always asks as itself, whatever customer it names.
		if a := dig(e.ok(buyer, avail, map[string]any{"p": f.product.ID, "q": 10, "c": f.southAcct.ID}), "availability"); dig(a, "status") != "IN_STOCK" {
			t.Errorf("the buyer naming another customer: %v", a)
		}
		for what, c := range map[string]struct {
			token string
			vars  map[string]any
		}{
			"for no one":          {e.token(f.rep1), map[string]any{"p": f.product.ID, "q": 10}},
			"for the south":       {e.token(f.admin), map[string]any{"p": f.product.ID, "q": 10, "c": f.southAcct.ID}},
			"more than the stock": {e.token(f.rep1), map[string]any{"p": f.product.ID, "q": 5000, "c": f.acmeEast.ID}},
		} {
			a := dig(e.ok(c.token, avail, c.vars), "availability")
			at, _ := time.Parse(time.RFC3339, dig(a, "earliestShipAt").(string))
			if dig(a, "status") != "TO_REPLENISH" || at.Sub(now) < 59*24*time.Hour || !strings.Contains(dig(a, "message").(string), "补货") {
				t.Errorf("%s: %v", what, a)
			}
		}
		if a := dig(e.ok(e.token(f.rep1), avail, map[string]any{"p": f.product.ID, "q": 10, "c": f.acmeEast.ID}), "availability"); dig(a, "status") != "IN_STOCK" {
			t.Errorf("asked for Acme East: %v", a)
		}
		if r := e.do(e.token(f.rep1), avail, map[string]any{"p": f.product.ID, "q": 10, "c": f.southAcct.ID}); r.code() != "NOT_FOUND" {
			t.Errorf("a rep asked for another team's account: %+v", r.Errors)
		}
		for what, c := range map[string]struct {
			vars map[string]any
			code string
		}{
			"no quantity":            {map[string]any{"p": f.product.ID, "q": 0}, "BAD_USER_INPUT"},
			"a unit of length":       {map[string]any{"p": f.product.ID, "q": 1, "u": "m"}, "BAD_USER_INPUT"},
			"a product it never had": {map[string]any{"p": e.app.DB.Client.Product.Create().SetCode("X-1").SetName("x").SetUnit("kg").SaveX(e.sys).ID, "q": 1}, "NOT_FOUND"},
		} {
			if r := e.do(buyer, avail, c.vars); r.code() != c.code {
				t.Errorf("%s: %q %+v", what, r.code(), r.Errors)
			}
		}
		if r := e.do(buyer, `query($p: ID!) { availability(productID: $p, quantity: 1) { product { stockOnHand } } }`, map[string]any{"p": f.product.ID}); len(r.Errors) == 0 {
			t.Errorf("the partner read the stock on hand: %v", r.Data)
		}
	})
}

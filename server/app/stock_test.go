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
	})
}

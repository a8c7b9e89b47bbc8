package app_test

import (
	"testing"
	"time"

	"tandem/domain/history"
	"tandem/ent/interaction"
	"tandem/ent/order"
)

const summaryQuery = `query($id: ID!) { customerReport(id: $id) {
	yearToDate { year orders quantities { unit quantity } values { currency value } }
	nextContact { id occurredAt } } }`

// The report's summary: this year's orders (not last year's, not cancelled ones), the
// quantity per unit and the value per currency, never added across currencies; and
// the next planned contact.
func TestReportSummary(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		imp := history.Importing(e.sys)
		now := time.Now().UTC()
		jan := time.Date(now.Year(), 1, 1, 0, 0, 1, 0, time.UTC) // this year, however early now is
		cu := c.Customer.Create().SetName("汇总测试客户").SetOwnerID(f.rep1.ID).SetTeamID(f.eastTeam.ID).SaveX(e.sys)
		line := func(o string, qty float64, unit string, price *float64) {
			c.OrderLine.Create().SetOrderID(c.Order.Query().Where(order.Number(o)).OnlyX(e.sys).ID).SetProductID(f.product.ID).
				SetQuantity(qty).SetUnit(unit).SetNillableUnitPrice(price).ExecX(imp)
		}
		p := func(v float64) *float64 { return &v }
		c.Order.Create().SetCustomerID(cu.ID).SetNumber("Y-1").SetOrderedAt(jan).SetCurrency("CNY").ExecX(imp)
		line("Y-1", 500, "kg", p(20))
		line("Y-1", 2, "t", nil)
		c.Order.Create().SetCustomerID(cu.ID).SetNumber("Y-2").SetOrderedAt(jan.Add(time.Second)).SetCurrency("USD").ExecX(imp)
		line("Y-2", 100, "kg", p(3.5))
		c.Order.Create().SetCustomerID(cu.ID).SetNumber("OLD").SetOrderedAt(jan.Add(-48 * time.Hour)).SetCurrency("CNY").ExecX(imp)
		line("OLD", 900, "kg", p(10))
		c.Order.Create().SetCustomerID(cu.ID).SetNumber("CXL").SetOrderedAt(jan).SetStatus(order.StatusCANCELLED).SetCurrency("CNY").ExecX(imp)
		line("CXL", 900, "kg", p(10))
		next := c.Interaction.Create().SetCustomerID(cu.ID).SetKind(interaction.KindVISIT).SetOccurredAt(now.Add(48 * time.Hour)).SaveX(e.sys)
		c.Interaction.Create().SetCustomerID(cu.ID).SetKind(interaction.KindVISIT).SetOccurredAt(now.Add(96 * time.Hour)).ExecX(e.sys)

		d := e.ok(e.token(f.rep1), summaryQuery, map[string]any{"id": cu.ID})
		y := dig(d, "customerReport", "yearToDate").(map[string]any)
		if num(y["year"]) != now.Year() || num(y["orders"]) != 2 {
			t.Fatalf("year to date: %v", y)
		}
		qty := map[string]float64{}
		for _, q := range rptList(y["quantities"]) {
			qty[dig(q, "unit").(string)] = dig(q, "quantity").(float64)
		}
		val := map[string]float64{}
		for _, v := range rptList(y["values"]) {
			val[dig(v, "currency").(string)] = dig(v, "value").(float64)
		}
		if len(qty) != 2 || qty["kg"] != 600 || qty["t"] != 2 {
			t.Errorf("quantities %v, want 600 kg and 2 t", qty)
		}
		if len(val) != 2 || val["CNY"] != 10000 || val["USD"] != 350 {
			t.Errorf("values %v, want CNY 10000 and USD 350, apart", val)
		}
		if dig(d, "customerReport", "nextContact", "id") != string(next.ID) {
			t.Errorf("next contact %v, want the visit in two days", dig(d, "customerReport", "nextContact"))
		}
	})
}

package app_test

import (
	"math"
	"testing"
	"time"

	"tandem/domain/history"
	"tandem/ent/order"
	"tandem/ent/schema/pulid"
)

const depQuery = `query($id: ID!) { node(id: $id) { ... on Customer { dependence {
	ourKg annualDemandKg ourShareOfTheirUse revenue shareOfOurRevenue currency unconverted concentrationRisk concentrationThreshold } } } }`

// Dependence: our share of an account's use from the rep's estimate (kg and tonnes
// counted, other units not), its share of our revenue over 12 months (USD converted
// at the order date's rate, EUR without a rate left out and counted, cancelled and
// older orders not counted), and the concentration flag; the ranking holds only the
// accounts the viewer reads.
func TestDependence(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		sys := history.Importing(e.sys) // orders as they were: closed and cancelled ones with their lines
		now := time.Now().UTC()
		c.ExchangeRate.Create().SetFromCurrency("USD").SetToCurrency("CNY").SetRate(7).SetValidFrom(now.AddDate(-1, -1, 0)).ExecX(sys)
		type line struct {
			qty   float64
			unit  string
			price float64
		}
		orderOf := func(cu pulid.ID, no, cur string, at time.Time, st order.Status, lines ...line) {
			o := c.Order.Create().SetCustomerID(cu).SetNumber(no).SetCurrency(cur).SetOrderedAt(at).SetStatus(st).SaveX(sys)
			for _, l := range lines {
				c.OrderLine.Create().SetOrderID(o.ID).SetProductID(f.product.ID).SetQuantity(l.qty).SetUnit(l.unit).SetUnitPrice(l.price).ExecX(sys)
			}
		}
		recent := now.AddDate(0, -2, 0)
		orderOf(f.acmeEast.ID, "D-1", "CNY", recent, order.StatusDELIVERED, line{2000, "kg", 20}, line{1, "t", 18000}, line{3, "drum", 100})
		orderOf(f.acmeEast.ID, "D-2", "CNY", recent, order.StatusCANCELLED, line{9999, "kg", 20})
		orderOf(f.acmeEast.ID, "D-3", "CNY", now.AddDate(0, -13, 0), order.StatusCLOSED, line{9999, "kg", 20})
		orderOf(f.southAcct.ID, "D-4", "USD", recent, order.StatusOPEN, line{100, "kg", 20})
		orderOf(f.rep2Own.ID, "D-5", "EUR", recent, order.StatusOPEN, line{100, "kg", 20})
		rep1 := e.token(f.rep1)
		e.ok(rep1, crSetCust, map[string]any{"id": f.acmeEast.ID, "in": map[string]any{"annualDemandKg": 10000}})

		d := dig(e.ok(rep1, depQuery, map[string]any{"id": f.acmeEast.ID}), "node", "dependence")
		// acme: 40,000 + 18,000 + 300 (the drums count in money, not in weight) = 58,300
		// of 58,300 + 14,000 (100 kg at 20 USD at 7) = 72,300.
		share := dig(d, "shareOfOurRevenue").(float64)
		if dig(d, "ourKg") != 3000.0 || dig(d, "ourShareOfTheirUse") != 0.3 || dig(d, "revenue") != 58300.0 ||
			math.Abs(share-58300.0/72300) > 1e-9 || dig(d, "concentrationRisk") != true || dig(d, "currency") != "CNY" {
			t.Errorf("acme's dependence: %v", d)
		}
		d = dig(e.ok(rep1, depQuery, map[string]any{"id": f.rep2Own.ID}), "node", "dependence")
		if dig(d, "unconverted") != 1.0 || dig(d, "revenue") != 0.0 || dig(d, "ourShareOfTheirUse") != nil || dig(d, "concentrationRisk") != false {
			t.Errorf("an account in EUR without a rate: %v", d)
		}

		rank := `{ revenueConcentration(first: 5) { customer { id } revenue } }`
		got := dig(e.ok(e.token(f.analyst), rank, nil), "revenueConcentration").([]any)
		if len(got) != 2 || dig(got[0], "customer", "id") != string(f.acmeEast.ID) || dig(got[1], "revenue") != 14000.0 {
			t.Errorf("the analyst's ranking: %v", got)
		}
		got = dig(e.ok(e.token(f.rep3), rank, nil), "revenueConcentration").([]any)
		if len(got) != 1 || dig(got[0], "customer", "id") != string(f.southAcct.ID) {
			t.Errorf("rep3's ranking holds accounts rep3 does not read: %v", got)
		}
		if r := e.do(rep1, `{ revenueConcentration(first: 0) { revenue } }`, nil); r.code() != "BAD_USER_INPUT" {
			t.Errorf("first: 0: %+v", r.Errors)
		}
	})
}

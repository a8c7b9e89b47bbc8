package app_test

import (
	"fmt"
	"math"
	"testing"
	"time"
)

// Money (币种) of issue 10: aggregates never add different currencies.

const setRate = `mutation($in: SetExchangeRateInput!) { setExchangeRate(input: $in) { id fromCurrency toCurrency rate validFrom } }`

func rateInput(from, to string, rate float64, validFrom time.Time) map[string]any {
	return map[string]any{"in": map[string]any{"fromCurrency": from, "toCurrency": to, "rate": rate, "validFrom": validFrom.Format(time.RFC3339), "source": "PBOC central parity"}}
}

// volumeRows lists "keys currency value converted rates unconverted" per row.
func volumeRows(t *testing.T, d map[string]any) []string {
	t.Helper()
	var out []string
	for _, r := range dig(d, "orderVolume").([]any) {
		var rates, unconv []string
		for _, x := range dig(r, "rates").([]any) {
			rates = append(rates, fmt.Sprint(dig(x, "fromCurrency"), "→", dig(x, "toCurrency"), "@", dig(x, "rate")))
		}
		for _, x := range dig(r, "unconverted").([]any) {
			unconv = append(unconv, fmt.Sprint(dig(x, "currency"), " ", dig(x, "value")))
		}
		out = append(out, fmt.Sprint(dig(r, "keys"), " ", dig(r, "currency"), " ", dig(r, "value"), " ", dig(r, "converted"), " ", rates, " ", unconv))
	}
	return out
}

const volumeQuery = `query($to: String) { orderVolume(groupBy: [PRODUCT], convertTo: $to) { keys orders currency value converted rates { fromCurrency toCurrency rate validFrom } unconverted { currency value } } }`

func TestOrderVolumeNeverAddsCurrencies(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		now := time.Now().UTC()
		old := now.AddDate(0, -2, 0)
		line := func(number, currency string, at time.Time, qty, price float64) {
			o := c.Order.Create().SetCustomerID(f.acmeEast.ID).SetNumber(number).SetCurrency(currency).SetOrderedAt(at).SaveX(e.sys)
			c.OrderLine.Create().SetOrderID(o.ID).SetProductID(f.product.ID).SetQuantity(qty).SetUnitPrice(price).ExecX(e.sys)
		}
		line("SO-CNY", "CNY", now, 10, 30)   // 300 CNY
		line("SO-USD", "USD", now, 10, 5)    // 50 USD
		line("SO-USD-OLD", "USD", old, 2, 5) // 10 USD, before any rate
		analyst, admin := e.token(f.analyst), e.token(f.admin)

		// Per currency by default: 300 + 60 is no figure at all.
		got := fmt.Sprint(volumeRows(t, e.ok(analyst, volumeQuery, nil)))
		if want := "[[TX-AO1010] CNY 300 false [] [] [TX-AO1010] USD 60 false [] []]"; got != want {
			t.Fatalf("order volume:\n got %s\nwant %s", got, want)
		}
		// Converting without a rate converts nothing and says so.
		got = fmt.Sprint(volumeRows(t, e.ok(analyst, volumeQuery, map[string]any{"to": "cny"})))
		if want := "[[TX-AO1010] CNY 300 false [] [USD 60] [TX-AO1010] USD 60 false [] []]"; got != want {
			t.Fatalf("converted without rates:\n got %s\nwant %s", got, want)
		}
		e.ok(admin, setRate, rateInput("USD", "CNY", 7, now.AddDate(0, 0, -7)))
		got = fmt.Sprint(volumeRows(t, e.ok(analyst, volumeQuery, map[string]any{"to": "CNY"})))
		if want := "[[TX-AO1010] CNY 650 true [USD→CNY@7] [USD 10] [TX-AO1010] USD 10 false [] []]"; got != want {
			t.Fatalf("converted at the order's date:\n got %s\nwant %s", got, want)
		}
		// Into USD, the inverse rate serves.
		d := e.ok(analyst, volumeQuery, map[string]any{"to": "USD"})
		if v := dig(d, "orderVolume", 0, "value").(float64); dig(d, "orderVolume", 0, "currency") != "USD" || math.Abs(v-(60+300.0/7)) > 1e-9 {
			t.Fatalf("into USD: %v", d)
		}
		expectCode(t, e.do(analyst, volumeQuery, map[string]any{"to": "dollars"}), "BAD_USER_INPUT")
	})
}

func TestExchangeRatesAreAdminsHistory(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		f := e.f
		day := time.Date(2026, 1, 1, 9, 30, 0, 0, time.UTC)
		for _, u := range []string{"rep", "manager", "analyst"} {
			tok := map[string]string{"rep": e.token(f.rep1), "manager": e.token(f.manager), "analyst": e.token(f.analyst)}[u]
			if r := e.do(tok, setRate, rateInput("USD", "CNY", 7.1, day)); r.code() != "FORBIDDEN" {
				t.Errorf("%s set a rate: %+v", u, r.Errors)
			}
		}
		if n := e.app.DB.Client.ExchangeRate.Query().CountX(e.sys); n != 0 {
			t.Fatalf("refused writes stored %d rates", n)
		}
		admin := e.token(f.admin)
		r := e.do(admin, setRate, rateInput("USD", "usd", 1, day))
		expectCode(t, r, "BAD_USER_INPUT")
		expectCode(t, e.do(admin, setRate, rateInput("USD", "CNY", -7, day)), "BAD_USER_INPUT")
		x := dig(e.ok(admin, setRate, rateInput("usd", "CNY", 7.1, day)), "setExchangeRate")
		if dig(x, "fromCurrency") != "USD" || dig(x, "validFrom") != "2026-01-01T00:00:00Z" {
			t.Fatalf("rate stored as %v", x)
		}
		// Managers read the history; reps do not.
		q := `{ exchangeRates(first: 50) { totalCount edges { node { fromCurrency rate createdBy { email } } } } }`
		if d := e.ok(e.token(f.manager), q, nil); num(dig(d, "exchangeRates", "totalCount")) != 1 || dig(d, "exchangeRates", "edges", 0, "node", "createdBy", "email") != "admin@t.test" {
			t.Fatalf("manager reads %v", d)
		}
		if r := e.do(e.token(f.rep1), q, nil); r.code() == "" && num(dig(r.Data, "exchangeRates", "totalCount")) != 0 {
			t.Fatalf("a rep reads rates: %v", r.Data)
		}
	})
}

// One price point in USD among CNY points neither hides the trend nor skews it.
func TestPriceTrendInOneCurrency(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		now := time.Now().UTC()
		for m := 4; m >= 1; m-- {
			c.PricePoint.Create().SetProductID(f.product.ID).SetPrice(30 + float64(4-m)*2).SetCurrency("CNY").SetObservedAt(now.AddDate(0, -m, 0)).ExecX(e.sys)
		}
		c.PricePoint.Create().SetProductID(f.product.ID).SetPrice(5.5).SetCurrency("USD").SetObservedAt(now.Add(-time.Hour)).ExecX(e.sys)
		q := `query($p: ID!) { priceTrend(productID: $p) { direction currency converted rates { rate } leftOut { currency value } windows { months points endPrice } } }`
		pt := dig(e.ok(e.token(f.rep1), q, map[string]any{"p": f.product.ID}), "priceTrend")
		if dig(pt, "direction") != "RISING" || dig(pt, "currency") != "CNY" || dig(pt, "converted") != false ||
			fmt.Sprint(dig(pt, "leftOut")) != "[map[currency:USD value:5.5]]" {
			t.Fatalf("trend with a USD point and no rate: %v", pt)
		}
		e.ok(e.token(f.admin), setRate, rateInput("USD", "CNY", 7, now.AddDate(0, 0, -1)))
		pt = dig(e.ok(e.token(f.rep1), q, map[string]any{"p": f.product.ID}), "priceTrend")
		if dig(pt, "direction") != "RISING" || dig(pt, "converted") != true || len(dig(pt, "leftOut").([]any)) != 0 ||
			dig(pt, "windows", 0, "endPrice") != 38.5 {
			t.Fatalf("trend with the USD point converted: %v", pt)
		}
	})
}

package app_test

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"tandem/ent/order"
	"tandem/ent/pricepoint"
	"tandem/ent/user"
)

const stockAdviceQuery = `query($c: ID!, $p: ID!) { stockAdvice(customerID: $c, productID: $p) {
  customer { id } product { id } unit code monthsToStock message messageZh messageEn
  trend { direction kind windows { months available points startPrice endPrice changePct } }
  forecast { method meanAbsoluteError history { month quantity } forecast { month quantity } } } }`

func TestStockAdviceRisingPrice(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		now := time.Now().UTC()
		wax := c.Product.Create().SetCode("TX-PEW").SetName("PE wax").SetUnit("t").SaveX(e.sys)
		// LIST rises 10 % over three months; MARKET falls, and must not be mixed in.
		for _, p := range []struct {
			days  int
			price float64
			kind  pricepoint.Kind
		}{
			{200, 10000, pricepoint.KindLIST}, {100, 10000, pricepoint.KindLIST}, {10, 11000, pricepoint.KindLIST},
			{100, 12000, pricepoint.KindMARKET}, {10, 9000, pricepoint.KindMARKET},
		} {
			c.PricePoint.Create().SetProductID(wax.ID).SetKind(p.kind).SetPrice(p.price).SetObservedAt(now.AddDate(0, 0, -p.days)).SaveX(e.sys)
		}
		// Eight complete months of 5 t a month (one of them ordered in kg), and a
		// cancelled order that must not count.
		month := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
		for i := 1; i <= 8; i++ {
			qty, unit := 5.0, "t"
			if i == 3 {
				qty, unit = 5000, "kg"
			}
			e.placeOrder(f.acmeEast, wax, fmt.Sprintf("SO-WAX-%d", i), month.AddDate(0, -i, 9), qty, unit, order.StatusDELIVERED)
		}
		e.placeOrder(f.acmeEast, wax, "SO-WAX-X", month.AddDate(0, -2, 15), 900, "t", order.StatusCANCELLED)
		c.User.UpdateOneID(f.rep1.ID).SetLocale(user.LocaleEn).ExecX(e.sys)
		vars := map[string]any{"c": f.acmeEast.ID, "p": wax.ID}

		d := dig(e.ok(e.token(f.rep1), stockAdviceQuery, vars), "stockAdvice")
		if dig(d, "code") != "STOCK_AHEAD" || dig(d, "monthsToStock") != 2.0 || dig(d, "unit") != "t" ||
			idOf(dig(d, "customer", "id")) != f.acmeEast.ID || idOf(dig(d, "product", "id")) != wax.ID {
			t.Fatalf("advice: %v", d)
		}
		if dig(d, "trend", "direction") != "RISING" || dig(d, "trend", "kind") != "LIST" {
			t.Fatalf("trend: %v", dig(d, "trend"))
		}
		if pct, _ := dig(d, "trend", "windows", 0, "changePct").(float64); math.Abs(pct-10) > 1e-9 || num(dig(d, "trend", "windows", 0, "months")) != 3 {
			t.Fatalf("3-month window: %v", dig(d, "trend", "windows", 0))
		}
		if dig(d, "forecast", "method") != "HOLT" || len(dig(d, "forecast", "history").([]any)) != 8 || len(dig(d, "forecast", "forecast").([]any)) != 3 {
			t.Fatalf("forecast: %v", dig(d, "forecast"))
		}
		for i, h := range dig(d, "forecast", "history").([]any) {
			if q := dig(h, "quantity"); q != 5.0 {
				t.Fatalf("history month %d: %v (cancelled orders and units must not leak in)", i, h)
			}
		}
		if q := dig(d, "forecast", "forecast", 0, "quantity"); q != 5.0 {
			t.Fatalf("next month: %v", q)
		}
		wantEn := "Price rising 10.0% over 3 months; forecast 5.0 t next month: suggest ordering 2 months' need (10.0 t)."
		wantZh := "近3个月价格上涨10.0%，预计下月用量5.0 吨：建议备货2个月用量（10.0 吨）。"
		if dig(d, "messageEn") != wantEn || dig(d, "messageZh") != wantZh {
			t.Fatalf("messages:\n%v\n%v", dig(d, "messageEn"), dig(d, "messageZh"))
		}
		if dig(d, "message") != wantEn {
			t.Fatalf("rep1 reads English; message %q", dig(d, "message"))
		}
		// The manager has the default locale: Chinese.
		if m := dig(e.ok(e.token(f.manager), stockAdviceQuery, vars), "stockAdvice", "message"); m != wantZh {
			t.Fatalf("manager's message %q", m)
		}

		// Another team's rep cannot see the account.
		expectCode(t, e.do(e.token(f.rep3), stockAdviceQuery, vars), "NOT_FOUND")
		expectCode(t, e.do(e.token(f.rep1), stockAdviceQuery, map[string]any{"c": f.acmeEast.ID, "p": "PR_missing"}), "NOT_FOUND")

		// The MARKET trend is its own.
		pt := dig(e.ok(e.token(f.rep1), `query($p: ID!) { priceTrend(productID: $p, kind: MARKET) { direction kind product { id } windows { months available points changePct } } }`,
			map[string]any{"p": wax.ID}), "priceTrend")
		if pt == nil || dig(pt, "direction") != "FALLING" || dig(pt, "kind") != "MARKET" || idOf(dig(pt, "product", "id")) != wax.ID {
			t.Fatalf("market trend: %v", pt)
		}
		if pct, _ := dig(pt, "windows", 0, "changePct").(float64); math.Abs(pct-(-25)) > 1e-9 {
			t.Fatalf("market 3-month change: %v", pct)
		}
		// LIST is the default kind; windows without two points are unavailable.
		pt = dig(e.ok(e.token(f.rep3), `query($p: ID!) { priceTrend(productID: $p) { direction kind windows { months available points startPrice } } }`,
			map[string]any{"p": wax.ID}), "priceTrend")
		if dig(pt, "direction") != "RISING" || dig(pt, "kind") != "LIST" || len(dig(pt, "windows").([]any)) != 3 {
			t.Fatalf("list trend: %v", pt)
		}
		empty := c.Product.Create().SetCode("TX-NONE").SetName("No prices").SaveX(e.sys)
		pt = dig(e.ok(e.token(f.rep1), `query($p: ID!) { priceTrend(productID: $p) { direction windows { available startPrice } } }`,
			map[string]any{"p": empty.ID}), "priceTrend")
		if dig(pt, "direction") != "UNKNOWN" || dig(pt, "windows", 0, "available") != false || dig(pt, "windows", 0, "startPrice") != nil {
			t.Fatalf("no prices: %v", pt)
		}
		// Without order history there is no advice, whatever the price does.
		d = dig(e.ok(e.token(f.rep3), stockAdviceQuery, map[string]any{"c": f.southAcct.ID, "p": wax.ID}), "stockAdvice")
		if dig(d, "code") != "NO_FORECAST" || dig(d, "forecast", "method") != "INSUFFICIENT_HISTORY" || !strings.Contains(dig(d, "message").(string), "订货历史不足") {
			t.Fatalf("no history: %v", d)
		}
	})
}

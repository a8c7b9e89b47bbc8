package credit_test

import (
	"strings"
	"testing"
	"time"

	"tandem/domain/credit"
	gen "tandem/ent"
)

func TestDueAt(t *testing.T) {
	inv := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
	d45 := 45
	zero := 0
	for _, c := range []struct {
		days *int
		want time.Time
	}{
		{nil, inv.AddDate(0, 0, 30)},
		{&d45, inv.AddDate(0, 0, 45)},
		{&zero, inv}, // cash on invoice
	} {
		if got := credit.DueAt(inv, c.days); !got.Equal(c.want) {
			t.Errorf("%v days: %s, want %s", c.days, got, c.want)
		}
	}
}

func TestTerms(t *testing.T) {
	o, a, c := 10, 60, 45
	for _, x := range []struct {
		order, agreement, account *int
		want                      *int
	}{
		{&o, &a, &c, &o}, {nil, &a, &c, &a}, {nil, nil, &c, &c}, {nil, nil, nil, nil},
	} {
		if got := credit.Terms(x.order, x.agreement, x.account); got != x.want {
			t.Errorf("%v %v %v: %v, want %v", x.order, x.agreement, x.account, got, x.want)
		}
	}
}

func TestAmount(t *testing.T) {
	p := func(v float64) *float64 { return &v }
	total, unpriced := credit.Amount([]*gen.OrderLine{{Quantity: 500, UnitPrice: p(18.5)}, {Quantity: 250, UnitPrice: p(0.333)}, {Quantity: 10}})
	if total != 9333.25 || unpriced != 1 {
		t.Errorf("amount %v, unpriced %d", total, unpriced)
	}
}

func TestDecide(t *testing.T) {
	limit := 10000.0
	for name, c := range map[string]struct {
		limit     *float64
		e         credit.Exposure
		amount    float64
		converted bool
		over      bool
		says      string
	}{
		"no limit":             {nil, credit.Exposure{Open: 1e9, Currency: "CNY"}, 1e9, true, false, ""},
		"within":               {&limit, credit.Exposure{Open: 2000, Currency: "CNY"}, 8000, true, false, ""},
		"just over":            {&limit, credit.Exposure{Open: 2000.01, Currency: "CNY"}, 8000, true, true, "10000.01 CNY, over the credit limit of 10000.00 CNY"},
		"order unconvertible":  {&limit, credit.Exposure{Currency: "CNY"}, 1, false, true, "unknown"},
		"exposure unknown":     {&limit, credit.Exposure{Open: 0, Currency: "CNY", Unconverted: 1}, 1, true, true, "unknown"},
		"nothing owed, big":    {&limit, credit.Exposure{Currency: "CNY"}, 10000, true, false, ""},
		"nothing owed, bigger": {&limit, credit.Exposure{Currency: "CNY"}, 10000.5, true, true, "over the credit limit"},
	} {
		d := credit.Decide(c.limit, c.e, c.amount, c.converted)
		if d.Over != c.over || !strings.Contains(d.Reason, c.says) {
			t.Errorf("%s: %+v", name, d)
		}
	}
}

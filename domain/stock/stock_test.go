package stock_test

import (
	"testing"
	"time"

	"tandem/domain/stock"
)

func months(from time.Time, amounts ...float64) []stock.Month {
	out := make([]stock.Month, len(amounts))
	for i, a := range amounts {
		out[i] = stock.Month{Month: from.AddDate(0, i, 0), Amount: a}
	}
	return out
}

// Series with known answers: an even 1,000 kg a month from 1 June.
func TestMake(t *testing.T) {
	june := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	flat := months(june, 1000, 1000, 1000, 1000, 1000, 1000)
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }
	for name, c := range map[string]struct {
		in       stock.Input
		status   string
		runsOut  *time.Time
		quantity float64
	}{
		// 2,500 − 500 safety = 2,000: June and July use it up, on 1 August; ordered 30
		// days before, 2 July: 31 days away → OK. The order is to last August and
		// September: 2,000.
		"two months": {stock.Input{OnHand: 2500, Safety: 500, LeadDays: 30, Demand: flat, Now: june, CoverMonths: 2}, stock.OK, ptr(day(8, 1)), 2000},
		"on order":   {stock.Input{OnHand: 1000, OnOrder: 1500, Safety: 500, LeadDays: 30, Demand: flat, Now: june, CoverMonths: 2}, stock.OK, ptr(day(8, 1)), 2000},
		// 5,000 run out on 1 November; of the two months from then, the 6-month
		// forecast holds November alone: 1,000.
		"past the forecast": {stock.Input{OnHand: 5000, LeadDays: 30, Demand: flat, Now: june, CoverMonths: 2}, stock.OK, ptr(day(11, 1)), 1000},
		// 500 last to 16 June; ordered 20 days before: 27 May, passed.
		"half a june": {stock.Input{OnHand: 500, LeadDays: 20, Demand: flat, Now: june}, stock.OrderNow, ptr(day(6, 16)), 0},
		"below safety already": {stock.Input{OnHand: 100, Safety: 500, LeadDays: 10, Demand: flat, Now: june.Add(48 * time.Hour)},
			stock.OrderNow, ptr(june.Add(48 * time.Hour)), 0},
		// June uses 1,000; the other 500 last half of July's 31 days: 16 July, noon;
		// ordered 35 days before: 11 June, noon, 10.5 days away.
		"soon":        {stock.Input{OnHand: 1500, LeadDays: 35, Demand: flat, Now: june}, stock.OrderSoon, ptr(day(7, 16).Add(12 * time.Hour)), 0},
		"plenty":      {stock.Input{OnHand: 100000, LeadDays: 30, Demand: flat, Now: june}, stock.OK, nil, 0},
		"no forecast": {stock.Input{OnHand: 10, Now: june}, stock.NoForecast, nil, 0},
	} {
		p := stock.Make(c.in)
		if p.Status != c.status {
			t.Errorf("%s: status %s, want %s", name, p.Status, c.status)
		}
		if (p.RunsOutAt == nil) != (c.runsOut == nil) || p.RunsOutAt != nil && p.RunsOutAt.Sub(*c.runsOut).Abs() > time.Minute {
			t.Errorf("%s: runs out %v, want %v", name, p.RunsOutAt, c.runsOut)
		}
		if c.quantity != 0 && p.Quantity != c.quantity {
			t.Errorf("%s: quantity %v, want %v", name, p.Quantity, c.quantity)
		}
	}
	// Mid-month: the month of now counts from now on.
	p := stock.Make(stock.Input{OnHand: 100000, Demand: flat, Now: time.Date(2026, 6, 16, 0, 0, 0, 0, time.UTC)})
	if p.Horizon != 5500 {
		t.Errorf("horizon from 16 June: %v, want 5,500", p.Horizon)
	}
}

func ptr(t time.Time) *time.Time { return &t }

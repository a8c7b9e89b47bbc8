package stock

import (
	"testing"
	"time"
)

func TestPromiseOf(t *testing.T) {
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	f := func(v float64) *float64 { return &v }
	// 10 a day: 310 in March, 300 in April.
	demand := []Month{{Month: now, Amount: 310}, {Month: now.AddDate(0, 1, 0), Amount: 300}}
	lead := now.AddDate(0, 0, 10)
	cases := []struct {
		name string
		ask  Ask
		want string
		at   *time.Time
	}{
		{"no stock on file", Ask{Quantity: 1}, Unknown, nil},
		{"all on hand is free without demand", Ask{Quantity: 500, OnHand: f(500), LeadDays: 10}, InStock, &now},
		{"safety stock is not promised", Ask{Quantity: 500, OnHand: f(500), Safety: 1, LeadDays: 10}, Replenish, &lead},
		// 1000 − 100 safety − 10 days × 10 = 800 free.
		{"others' use within the lead time is kept", Ask{Quantity: 800, OnHand: f(1000), Safety: 100, LeadDays: 10, Demand: demand}, InStock, &now},
		{"one more than free", Ask{Quantity: 801, OnHand: f(1000), Safety: 100, LeadDays: 10, Demand: demand}, Replenish, &lead},
		{"stock on order covers the rest", Ask{Quantity: 900, OnHand: f(1000), OnOrder: 100, Safety: 100, LeadDays: 10, Demand: demand}, OnOrderOnly, &lead},
		{"beyond on order too", Ask{Quantity: 901, OnHand: f(1000), OnOrder: 100, Safety: 100, LeadDays: 10, Demand: demand}, Replenish, &lead},
		// 40 days across the month boundary: 31 × 10 + 9 × 10 = 400 kept.
		{"a long lead time keeps more", Ask{Quantity: 500, OnHand: f(1000), Safety: 100, LeadDays: 40, Demand: demand}, InStock, &now},
		{"…and refuses what it keeps", Ask{Quantity: 501, OnHand: f(1000), Safety: 100, LeadDays: 40, Demand: demand}, Replenish, ptr(now.AddDate(0, 0, 40))},
		{"below the safety stock nothing is free", Ask{Quantity: 1, OnHand: f(50), Safety: 100}, Replenish, &now},
	}
	for _, c := range cases {
		c.ask.Now = now
		got := PromiseOf(c.ask)
		if got.Status != c.want {
			t.Errorf("%s: status %s, want %s", c.name, got.Status, c.want)
		}
		switch {
		case c.at == nil && got.ShipAt != nil:
			t.Errorf("%s: ships %v, want no date", c.name, got.ShipAt)
		case c.at != nil && (got.ShipAt == nil || !got.ShipAt.Equal(*c.at)):
			t.Errorf("%s: ships %v, want %v", c.name, got.ShipAt, c.at)
		}
	}
}

func ptr(t time.Time) *time.Time { return &t }

package money_test

import (
	"testing"
	"time"

	"tandem/domain/domaintest"
	"tandem/domain/money"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestConvertPicksTheRateValidAtTheDate(t *testing.T) {
	c, ctx := domaintest.Open(t)
	for _, r := range []money.SetInput{
		{From: "usd", To: "CNY", Rate: 7.0, ValidFrom: day("2026-01-01"), Source: "PBOC"},
		{From: "USD", To: "CNY", Rate: 7.2, ValidFrom: day("2026-03-01").Add(15 * time.Hour)}, // applies from the start of its day
		{From: "USD", To: "CNY", Rate: 7.25, ValidFrom: day("2026-03-01")},                    // recorded later for the same day: supersedes
		{From: "EUR", To: "CNY", Rate: 7.8, ValidFrom: day("2026-01-01")},
	} {
		if _, err := money.SetRate(ctx, c, r); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		amount    float64
		from, to  string
		at        string
		want      float64
		converted bool
	}{
		{100, "USD", "CNY", "2025-12-31", 100, false}, // before any rate: not converted
		{100, "USD", "CNY", "2026-01-01", 700, true},
		{100, "USD", "CNY", "2026-02-28", 700, true},
		{100, "USD", "CNY", "2026-03-01", 725, true},
		{725, "CNY", "USD", "2026-03-02", 100, true}, // the inverse serves the other way
		{100, "CNY", "CNY", "2020-01-01", 100, false},
		{100, "EUR", "USD", "2026-03-01", 100, false}, // no cross rates are invented
		{100, "JPY", "CNY", "2026-03-01", 100, false},
	} {
		got, err := money.Convert(ctx, c, tc.amount, tc.from, tc.to, day(tc.at))
		if err != nil {
			t.Fatal(err)
		}
		if got.Converted != tc.converted || abs(got.Amount-tc.want) > 1e-9 {
			t.Errorf("Convert(%v %s → %s at %s) = %+v, want %v (converted %v)", tc.amount, tc.from, tc.to, tc.at, got, tc.want, tc.converted)
		}
	}
}

func TestRatesAreCheckedAndAppendOnly(t *testing.T) {
	c, ctx := domaintest.Open(t)
	for _, bad := range []money.SetInput{
		{From: "US", To: "CNY", Rate: 7, ValidFrom: day("2026-01-01")},
		{From: "USD", To: "usd", Rate: 7, ValidFrom: day("2026-01-01")},
		{From: "USD", To: "CNY", Rate: -1, ValidFrom: day("2026-01-01")},
		{From: "U$D", To: "CNY", Rate: 7, ValidFrom: day("2026-01-01")},
	} {
		if _, err := money.SetRate(ctx, c, bad); err == nil {
			t.Errorf("SetRate(%+v) was accepted", bad)
		}
	}
	r, err := money.SetRate(ctx, c, money.SetInput{From: "USD", To: "CNY", Rate: 7, ValidFrom: day("2026-01-01")})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.ExchangeRate.DeleteOneID(r.ID).Exec(ctx); err == nil {
		t.Error("a rate was deleted")
	}
	if _, err := c.ExchangeRate.Delete().Exec(ctx); err == nil {
		t.Error("rates were deleted")
	}
}

func TestOneCurrency(t *testing.T) {
	c, ctx := domaintest.Open(t)
	if _, err := money.SetRate(ctx, c, money.SetInput{From: "USD", To: "CNY", Rate: 7, ValidFrom: day("2026-02-01")}); err != nil {
		t.Fatal(err)
	}
	b, err := money.Load(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	s := b.OneCurrency([]money.Dated{
		{Amount: 35, Currency: "CNY", At: day("2026-01-01")},
		{Amount: 5, Currency: "USD", At: day("2026-01-15")}, // no rate yet: left out
		{Amount: 36, Currency: "CNY", At: day("2026-02-01")},
		{Amount: 5.5, Currency: "USD", At: day("2026-03-01")}, // converted: 38.5
		{Amount: 37, Currency: "CNY", At: day("2026-03-15")},
	})
	if s.Currency != "CNY" || !s.Converted || len(s.Amounts) != 4 || s.Amounts[2].Amount != 38.5 || len(s.LeftOut) != 1 || len(s.Rates) != 1 {
		t.Errorf("OneCurrency = %+v", s)
	}
	if got := money.Majority([]string{"USD", "CNY", "USD", "CNY"}); got != "CNY" {
		t.Errorf("a tie goes to the latest: %s", got)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// Package stock plans our own stock of a product from every customer's forecast use
// (根据客户的使用量，做好库存储备): the monthly demand of the customers buying it
// (server/advice.Forecast of each one's orders) plus the samples in trial weighted by
// how far they have come, against the stock on hand and on order; it says when the
// stock will fall below the safety stock, by when to order given the lead time, and
// how much.
package stock

import (
	"math"
	"time"
)

// Trial weights: the chance a sample at this stage becomes regular use, applied to
// the customer's estimated monthly use from TrialStartMonth on.
var TrialWeights = map[string]float64{"RECEIVED": 0.1, "LAB_TRIAL": 0.2, "PILOT_TRIAL": 0.4, "APPROVED": 0.7}

// TrialStartMonth is the forecast month (0 = this month) from which a trial's
// expected use counts: a trial takes a couple of months to become orders.
const TrialStartMonth = 2

// SoonDays: an order due within this many days is ORDER_SOON.
const SoonDays = 14

// Month is one month's demand; Month is its first instant (UTC).
type Month struct {
	Month  time.Time
	Amount float64
}

// Input is what a plan is made from.
type Input struct {
	OnHand, OnOrder, Safety float64
	LeadDays                int
	// Demand is the forecast demand per month, starting with the month of Now.
	Demand []Month
	Now    time.Time
	// CoverMonths: an order is to last this many months from when it arrives.
	CoverMonths int
}

// Status of a plan.
const (
	NoForecast = "NO_FORECAST" // no demand forecast
	OrderNow   = "ORDER_NOW"   // the order date has passed (or is today)
	OrderSoon  = "ORDER_SOON"  // order within SoonDays
	OK         = "OK"          // enough for now
)

// Plan is the advice.
type Plan struct {
	Status string
	// RunsOutAt is when stock on hand and on order less the safety stock is used up;
	// nil when not within the forecast.
	RunsOutAt *time.Time
	// OrderBy is RunsOutAt less the lead time (nil with it).
	OrderBy *time.Time
	// Quantity to order by OrderBy: the demand over CoverMonths from RunsOutAt (0 when
	// the stock lasts beyond the forecast).
	Quantity float64
	// Horizon is the demand over the forecast months.
	Horizon float64
}

// Make makes the plan. Demand within a month is taken as even over its days; the
// month of Now counts from Now on.
func Make(in Input) Plan {
	if len(in.Demand) == 0 {
		return Plan{Status: NoForecast}
	}
	p := Plan{Status: OK}
	left := in.OnHand + in.OnOrder - in.Safety
	now := in.Now.UTC()
	for i, m := range in.Demand {
		start := m.Month
		end := m.Month.AddDate(0, 1, 0)
		if i == 0 && now.After(start) {
			start = now
		}
		span := end.Sub(start)
		rate := m.Amount / end.Sub(m.Month).Hours() // per hour over the whole month
		use := rate * span.Hours()
		p.Horizon += use
		if p.RunsOutAt == nil {
			if left <= 0 {
				t := start
				p.RunsOutAt = &t
			} else if use >= left && rate > 0 {
				t := start.Add(time.Duration(left / rate * float64(time.Hour)))
				p.RunsOutAt = &t
			}
			left -= use
		}
	}
	if p.RunsOutAt != nil {
		by := p.RunsOutAt.AddDate(0, 0, -in.LeadDays)
		p.OrderBy = &by
		switch {
		case !by.After(now):
			p.Status = OrderNow
		case by.Sub(now) <= SoonDays*24*time.Hour:
			p.Status = OrderSoon
		}
	}
	if p.RunsOutAt != nil {
		// Ordered by OrderBy, it arrives as the stock reaches the safety stock: it is
		// to last CoverMonths from then.
		p.Quantity = math.Ceil(demandWithin(in.Demand, *p.RunsOutAt, p.RunsOutAt.AddDate(0, in.CoverMonths, 0)))
	}
	p.Horizon = math.Round(p.Horizon*100) / 100
	return p
}

// demandWithin is the forecast demand from `from` to `to` (even within months; none
// past the forecast).
func demandWithin(demand []Month, from, to time.Time) float64 {
	total := 0.0
	for _, m := range demand {
		start, end := m.Month, m.Month.AddDate(0, 1, 0)
		lo, hi := maxTime(start, from), minTime(end, to)
		if hi.After(lo) {
			total += m.Amount * hi.Sub(lo).Hours() / end.Sub(start).Hours()
		}
	}
	return total
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

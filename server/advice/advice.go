// Package advice turns plain price and order data into purchasing advice
// for a product: a price trend, a usage forecast and a stock
// recommendation. It needs no database; callers pass slices of points.
//
// Price trend (Trend). For each window of 3, 6 and 12 months ending at now,
// the start price is the latest point at or before the window start (it is
// then treated as the price at the window start) or, if there is none, the
// earliest point inside the window; the end price is the latest point at or
// before now. ChangePct = (end-start)*100/start. SlopePctPerMonth is the
// ordinary least-squares slope of price against time (in mean Gregorian
// months of 365.2425/12 days) over the points used, as a percentage of the
// start price. A window with fewer than 2 points is not available.
// Direction follows the 3-month change: RISING at >= +2 %, FALLING at
// <= -2 %, STABLE in between, UNKNOWN when the 3-month window is not
// available.
//
// Usage forecast (Forecast). Orders are summed per calendar month (UTC)
// from the first order month up to the last complete month before now (the
// month containing now is excluded); months without orders count as 0.
//   - 6 or more months: Holt's linear (double) exponential smoothing,
//     alpha = 0.5, beta = 0.3, initialised with level = y0 and
//     trend = y1 - y0. For t >= 1: prediction p_t = L_{t-1} + T_{t-1},
//     L_t = alpha*y_t + (1-alpha)*p_t,
//     T_t = beta*(L_t - L_{t-1}) + (1-beta)*T_{t-1};
//     the h-step forecast is L_n + h*T_n, floored at 0. MAE is the mean
//     absolute one-step-ahead error |y_t - p_t| for t = 2..n-1 (p_1 is
//     excluded because y1 was used to initialise the trend).
//   - 2 to 5 months: the mean of the months, repeated for every horizon month.
//   - fewer than 2 months: INSUFFICIENT_HISTORY, no forecast.
//
// The first forecast month is the month containing now.
//
// Stock advice (Advise). Using the 3-month change and the first forecast
// month: change >= 5 % -> STOCK_AHEAD, 2 months; 2 % <= change < 5 % ->
// STOCK_AHEAD, 1.5 months; change <= -5 % -> BUY_AS_NEEDED, 1 month;
// otherwise NORMAL, 1 month. Without a forecast the code is NO_FORECAST
// (0 months) whatever the price does. Messages are given in "en" and "zh".
package advice

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"time"
)

// Trend directions.
const (
	DirectionRising  = "RISING"
	DirectionFalling = "FALLING"
	DirectionStable  = "STABLE"
	// DirectionUnknown is used when the 3-month window is not available.
	DirectionUnknown = "UNKNOWN"
)

// Forecast methods.
const (
	MethodHolt         = "HOLT"
	MethodMean         = "MEAN"
	MethodInsufficient = "INSUFFICIENT_HISTORY"
)

// Advice codes.
const (
	CodeStockAhead  = "STOCK_AHEAD"
	CodeBuyAsNeeded = "BUY_AS_NEEDED"
	CodeNormal      = "NORMAL"
	CodeNoForecast  = "NO_FORECAST"
)

// Holt smoothing parameters.
const (
	HoltAlpha = 0.5
	HoltBeta  = 0.3
)

const (
	directionThresholdPct = 2.0
	strongMovePct         = 5.0
	holtMinMonths         = 6
	meanMinMonths         = 2
	// daysPerMonth is the mean Gregorian month, 365.2425/12 days.
	daysPerMonth = 365.2425 / 12
)

// TrendWindows are the window lengths, in months, reported by Trend.
var TrendWindows = []int{3, 6, 12}

// PricePoint is one observed price of a product.
type PricePoint struct {
	At    time.Time
	Price float64
}

// WindowTrend is the price change over one window ending at now.
type WindowTrend struct {
	Months    int       // window length: 3, 6 or 12
	Start     time.Time // now minus Months (day clamped to the month's end)
	End       time.Time // now
	Available bool      // false when fewer than 2 points (or start price 0); figures below are then zero
	Points    int       // points used, including a start point taken from before Start

	StartPrice       float64
	EndPrice         float64
	ChangePct        float64 // (EndPrice-StartPrice)*100/StartPrice
	SlopePctPerMonth float64 // least-squares slope, % of StartPrice per month
}

// TrendReport is the result of Trend.
type TrendReport struct {
	Windows   []WindowTrend // one per TrendWindows entry, same order
	Direction string        // from the 3-month change; DirectionUnknown if unavailable
}

// Window returns the window of the given length and whether it exists in
// the report (it may still be unavailable; check Available).
func (r TrendReport) Window(months int) (WindowTrend, bool) {
	for _, w := range r.Windows {
		if w.Months == months {
			return w, true
		}
	}
	return WindowTrend{}, false
}

// Trend reports the price change over the last 3, 6 and 12 months before
// now. Points after now are ignored; the input need not be sorted.
func Trend(points []PricePoint, now time.Time) TrendReport {
	pts := make([]PricePoint, 0, len(points))
	for _, p := range points {
		if !p.At.After(now) {
			pts = append(pts, p)
		}
	}
	sort.SliceStable(pts, func(i, j int) bool { return pts[i].At.Before(pts[j].At) })

	r := TrendReport{Direction: DirectionUnknown}
	for _, m := range TrendWindows {
		r.Windows = append(r.Windows, trendWindow(pts, now, m))
	}
	if w, _ := r.Window(3); w.Available {
		switch {
		case w.ChangePct >= directionThresholdPct:
			r.Direction = DirectionRising
		case w.ChangePct <= -directionThresholdPct:
			r.Direction = DirectionFalling
		default:
			r.Direction = DirectionStable
		}
	}
	return r
}

// trendWindow computes one window; pts is sorted and contains no point after now.
func trendWindow(pts []PricePoint, now time.Time, months int) WindowTrend {
	start := addMonthsClamped(now, -months)
	w := WindowTrend{Months: months, Start: start, End: now}

	type xy struct{ x, y float64 }
	var used []xy
	anchor := -1
	for i, p := range pts {
		if !p.At.After(start) {
			anchor = i
		}
	}
	if anchor >= 0 {
		// The latest price at or before the start is the price at the start.
		used = append(used, xy{0, pts[anchor].Price})
	}
	for _, p := range pts[anchor+1:] {
		used = append(used, xy{p.At.Sub(start).Hours() / 24 / daysPerMonth, p.Price})
	}
	if len(used) < 2 || used[0].y == 0 {
		return w
	}

	n := float64(len(used))
	var mx, my float64
	for _, u := range used {
		mx += u.x
		my += u.y
	}
	mx /= n
	my /= n
	var sxy, sxx float64
	for _, u := range used {
		sxy += (u.x - mx) * (u.y - my)
		sxx += (u.x - mx) * (u.x - mx)
	}

	w.Available = true
	w.Points = len(used)
	w.StartPrice = used[0].y
	w.EndPrice = used[len(used)-1].y
	w.ChangePct = (w.EndPrice - w.StartPrice) * 100 / w.StartPrice
	if sxx > 0 {
		w.SlopePctPerMonth = sxy / sxx * 100 / w.StartPrice
	}
	return w
}

// addMonthsClamped adds n months to t, clamping the day to the target
// month's last day (31 May - 3 months = 29 Feb in a leap year, not 2 Mar).
func addMonthsClamped(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(n), 1, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
	last := first.AddDate(0, 1, -1).Day()
	if d > last {
		d = last
	}
	return first.AddDate(0, 0, d-1)
}

// Quantity is one ordered (or used) amount.
type Quantity struct {
	At     time.Time
	Amount float64
}

// MonthAmount is an amount for one calendar month; Month is the first
// instant of the month in UTC.
type MonthAmount struct {
	Month  time.Time
	Amount float64
}

// ForecastReport is the result of Forecast.
type ForecastReport struct {
	Method   string        // MethodHolt, MethodMean or MethodInsufficient
	History  []MonthAmount // complete months used, oldest first, gaps filled with 0
	Forecast []MonthAmount // next horizon months, starting with the month containing now; nil if insufficient
	MAE      float64       // mean absolute one-step-ahead in-sample error (HOLT only)
	HasMAE   bool          // true only for HOLT
}

// NextMonth returns the first forecast month's amount, if there is one.
func (f ForecastReport) NextMonth() (float64, bool) {
	if len(f.Forecast) == 0 {
		return 0, false
	}
	return f.Forecast[0].Amount, true
}

// Forecast predicts monthly usage for the next horizonMonths months from an
// order history. See the package comment for the method.
func Forecast(orders []Quantity, now time.Time, horizonMonths int) ForecastReport {
	current := monthStart(now)
	sums := map[time.Time]float64{}
	var first time.Time
	for _, o := range orders {
		m := monthStart(o.At)
		if !m.Before(current) {
			continue // the month of now is incomplete; later months too
		}
		sums[m] += o.Amount
		if first.IsZero() || m.Before(first) {
			first = m
		}
	}

	r := ForecastReport{Method: MethodInsufficient}
	if !first.IsZero() {
		for m := first; m.Before(current); m = m.AddDate(0, 1, 0) {
			r.History = append(r.History, MonthAmount{Month: m, Amount: sums[m]})
		}
	}
	n := len(r.History)
	if n < meanMinMonths {
		return r
	}
	y := make([]float64, n)
	for i, h := range r.History {
		y[i] = h.Amount
	}

	var at func(h int) float64 // h = 1 is the month containing now
	if n >= holtMinMonths {
		r.Method = MethodHolt
		level, trend := y[0], y[1]-y[0]
		var sumErr float64
		for t := 1; t < n; t++ {
			pred := level + trend
			if t >= 2 {
				sumErr += math.Abs(y[t] - pred)
			}
			newLevel := HoltAlpha*y[t] + (1-HoltAlpha)*pred
			trend = HoltBeta*(newLevel-level) + (1-HoltBeta)*trend
			level = newLevel
		}
		r.MAE = sumErr / float64(n-2)
		r.HasMAE = true
		at = func(h int) float64 { return level + float64(h)*trend }
	} else {
		r.Method = MethodMean
		var sum float64
		for _, v := range y {
			sum += v
		}
		mean := sum / float64(n)
		at = func(int) float64 { return mean }
	}
	r.Forecast = []MonthAmount{}
	for h := 1; h <= horizonMonths; h++ {
		r.Forecast = append(r.Forecast, MonthAmount{
			Month:  current.AddDate(0, h-1, 0),
			Amount: math.Max(0, at(h)),
		})
	}
	return r
}

func monthStart(t time.Time) time.Time {
	u := t.UTC()
	return time.Date(u.Year(), u.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// Advice is a stock recommendation with messages keyed by language ("en", "zh").
type Advice struct {
	Code          string
	MonthsToStock float64
	Message       map[string]string
}

// zhUnits translates common units for the Chinese message; other units are
// used as given.
var zhUnits = map[string]string{
	"t":   "吨",
	"kg":  "千克",
	"g":   "克",
	"L":   "升",
	"l":   "升",
	"m3":  "立方米",
	"m³":  "立方米",
	"pcs": "件",
}

// Advise combines the 3-month price change and the first forecast month
// into a stock recommendation. unit is the quantity unit, e.g. "t".
func Advise(t TrendReport, f ForecastReport, unit string) Advice {
	w, ok := t.Window(3)
	hasTrend := ok && w.Available
	zhUnit := unit
	if z, ok := zhUnits[unit]; ok {
		zhUnit = z
	}

	var priceEN, priceZH string
	switch {
	case !hasTrend:
		priceEN, priceZH = "No 3-month price trend available", "暂无近3个月价格走势"
	case w.ChangePct >= directionThresholdPct:
		priceEN = fmt.Sprintf("Price rising %.1f%% over 3 months", w.ChangePct)
		priceZH = fmt.Sprintf("近3个月价格上涨%.1f%%", w.ChangePct)
	case w.ChangePct <= -directionThresholdPct:
		priceEN = fmt.Sprintf("Price falling %.1f%% over 3 months", -w.ChangePct)
		priceZH = fmt.Sprintf("近3个月价格下跌%.1f%%", -w.ChangePct)
	default:
		priceEN = fmt.Sprintf("Price stable (%+.1f%% over 3 months)", w.ChangePct)
		priceZH = fmt.Sprintf("近3个月价格基本稳定（%+.1f%%）", w.ChangePct)
	}

	next, ok := f.NextMonth()
	if !ok {
		return Advice{
			Code: CodeNoForecast,
			Message: map[string]string{
				"en": priceEN + "; not enough order history to forecast usage: no stock advice.",
				"zh": priceZH + "，订货历史不足，无法预测用量：暂无备货建议。",
			},
		}
	}

	code, months := CodeNormal, 1.0
	switch {
	case hasTrend && w.ChangePct >= strongMovePct:
		code, months = CodeStockAhead, 2
	case hasTrend && w.ChangePct >= directionThresholdPct:
		code, months = CodeStockAhead, 1.5
	case hasTrend && w.ChangePct <= -strongMovePct:
		code, months = CodeBuyAsNeeded, 1
	}
	qty := next * months
	ms := strconv.FormatFloat(months, 'f', -1, 64)
	fcEN := fmt.Sprintf("forecast %.1f %s next month", next, unit)
	fcZH := fmt.Sprintf("预计下月用量%.1f %s", next, zhUnit)

	var en, zh string
	switch code {
	case CodeStockAhead:
		en = fmt.Sprintf("suggest ordering %s months' need (%.1f %s).", ms, qty, unit)
		zh = fmt.Sprintf("建议备货%s个月用量（%.1f %s）。", ms, qty, zhUnit)
	case CodeBuyAsNeeded:
		en = fmt.Sprintf("order only next month's need (%.1f %s).", qty, unit)
		zh = fmt.Sprintf("建议仅按下月用量采购（%.1f %s）。", qty, zhUnit)
	default:
		en = fmt.Sprintf("order the usual 1 month's need (%.1f %s).", qty, unit)
		zh = fmt.Sprintf("建议按正常1个月用量备货（%.1f %s）。", qty, zhUnit)
	}
	return Advice{
		Code:          code,
		MonthsToStock: months,
		Message: map[string]string{
			"en": priceEN + "; " + fcEN + ": " + en,
			"zh": priceZH + "，" + fcZH + "：" + zh,
		},
	}
}

package advice

import (
	"math"
	"testing"
	"time"
)

const eps = 1e-9

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// ---------------------------------------------------------------- Trend

func TestTrend(t *testing.T) {
	now := day(2024, 7, 1)
	// Window starts for now = 1 Jul 2024: 3m = 1 Apr, 6m = 1 Jan, 12m = 1 Jul 2023.
	// Equally spaced points over the 3-month window 1 Apr .. 1 Jul (91 days):
	// spacing d = 91/3 days = 728 h.
	step := 728 * time.Hour

	type want struct {
		avail            bool
		points           int
		startP, endP     float64
		changePct        float64
		slope            float64 // % per month; checked only if checkSlope
		checkSlope       bool
		wantStartAtStart bool
	}
	tests := []struct {
		name   string
		points []PricePoint
		dir    string
		win    map[int]want // keyed by window months
	}{
		{
			// 3m: anchor = 15 Mar (100, latest at or before 1 Apr), end = 108.
			// change = (108-100)*100/100 = +8.0 %; points = anchor + 2 inside = 3.
			// 6m: no point at/before 1 Jan, earliest inside = 15 Mar (100): same +8 %, 3 points.
			// The 1 Aug point is after now and must be ignored (else end = 200).
			name: "rising 100 to 108",
			points: []PricePoint{
				{day(2024, 6, 20), 108}, // unsorted on purpose
				{day(2024, 3, 15), 100},
				{day(2024, 5, 1), 104},
				{day(2024, 8, 1), 200},
			},
			dir: DirectionRising,
			win: map[int]want{
				3:  {avail: true, points: 3, startP: 100, endP: 108, changePct: 8},
				6:  {avail: true, points: 3, startP: 100, endP: 108, changePct: 8},
				12: {avail: true, points: 3, startP: 100, endP: 108, changePct: 8},
			},
		},
		{
			// 200 -> 203: (203-200)*100/200 = +1.5 % -> STABLE.
			name:   "stable +1.5",
			points: []PricePoint{{day(2024, 3, 1), 200}, {day(2024, 6, 1), 203}},
			dir:    DirectionStable,
			win:    map[int]want{3: {avail: true, points: 2, startP: 200, endP: 203, changePct: 1.5}},
		},
		{
			// 100 -> 102: exactly +2.0 % -> RISING (threshold inclusive).
			name:   "threshold +2 rising",
			points: []PricePoint{{day(2024, 3, 1), 100}, {day(2024, 6, 1), 102}},
			dir:    DirectionRising,
			win:    map[int]want{3: {avail: true, points: 2, startP: 100, endP: 102, changePct: 2}},
		},
		{
			// 100 -> 98.5: -1.5 % -> STABLE.
			name:   "stable -1.5",
			points: []PricePoint{{day(2024, 3, 1), 100}, {day(2024, 6, 1), 98.5}},
			dir:    DirectionStable,
			win:    map[int]want{3: {avail: true, points: 2, startP: 100, endP: 98.5, changePct: -1.5}},
		},
		{
			// 100 -> 98: exactly -2.0 % -> FALLING.
			name:   "threshold -2 falling",
			points: []PricePoint{{day(2024, 3, 1), 100}, {day(2024, 6, 1), 98}},
			dir:    DirectionFalling,
			win:    map[int]want{3: {avail: true, points: 2, startP: 100, endP: 98, changePct: -2}},
		},
		{
			// Least squares: 4 points at x = 0, d, 2d, 3d with prices 200, 212, 200, 212.
			// mean y = 206, x deviations -1.5d -0.5d 0.5d 1.5d, y deviations -6 6 -6 6:
			// Sxy = (9-3-3+9)d = 12d, Sxx = (2.25+.25+.25+2.25)d^2 = 5d^2
			// -> slope = 2.4 price per d = 1.2 % of the start price 200 per d.
			// (The end-to-end slope would be 12/3d = 4 per d = 2 %, so this
			// distinguishes LS.) d in months = 728 h / (30.436875*24 h)
			// -> 1.2*730.485/728 = 876.582/728 = 1.204096153846... % per month.
			// change = (212-200)*100/200 = +6 %.
			name: "least squares slope",
			points: []PricePoint{
				{day(2024, 4, 1), 200},
				{day(2024, 4, 1).Add(step), 212},
				{day(2024, 4, 1).Add(2 * step), 200},
				{day(2024, 4, 1).Add(3 * step), 212},
			},
			dir: DirectionRising,
			win: map[int]want{3: {avail: true, points: 4, startP: 200, endP: 212, changePct: 6,
				slope: 1.2040961538461538, checkSlope: true}},
		},
		{
			// Anchor before the start is placed at the start: 15 Mar 100 (-> 1 Apr),
			// 1 Jul 108. Slope = 8 / (91 days / 30.436875) = 8*30.436875/91
			// = 2.675769230769... % per month.
			name:   "anchor placed at window start",
			points: []PricePoint{{day(2024, 3, 15), 100}, {day(2024, 7, 1), 108}},
			dir:    DirectionRising,
			win: map[int]want{3: {avail: true, points: 2, startP: 100, endP: 108, changePct: 8,
				slope: 2.675769230769231, checkSlope: true}},
		},
		{
			// 3m (from 1 Apr): anchor 15 Feb (104), nothing inside -> 1 point -> unavailable,
			// so Direction is UNKNOWN. 6m (from 1 Jan): no anchor, 15 Jan 100 & 15 Feb 104
			// -> 2 points, +4 %. 12m: same.
			name:   "3-month window without enough points",
			points: []PricePoint{{day(2024, 1, 15), 100}, {day(2024, 2, 15), 104}},
			dir:    DirectionUnknown,
			win: map[int]want{
				3:  {avail: false},
				6:  {avail: true, points: 2, startP: 100, endP: 104, changePct: 4},
				12: {avail: true, points: 2, startP: 100, endP: 104, changePct: 4},
			},
		},
		{
			// One point inside each window: unavailable everywhere.
			name:   "single point",
			points: []PricePoint{{day(2024, 6, 1), 100}},
			dir:    DirectionUnknown,
			win:    map[int]want{3: {avail: false}, 6: {avail: false}, 12: {avail: false}},
		},
		{
			name:   "no points",
			points: nil,
			dir:    DirectionUnknown,
			win:    map[int]want{3: {avail: false}, 6: {avail: false}, 12: {avail: false}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Trend(tc.points, now)
			if r.Direction != tc.dir {
				t.Errorf("Direction = %q, want %q", r.Direction, tc.dir)
			}
			if len(r.Windows) != 3 {
				t.Fatalf("len(Windows) = %d, want 3", len(r.Windows))
			}
			for months, w := range tc.win {
				got, ok := r.Window(months)
				if !ok {
					t.Fatalf("window %d missing", months)
				}
				if got.Available != w.avail {
					t.Errorf("%dm Available = %v, want %v", months, got.Available, w.avail)
					continue
				}
				if !w.avail {
					if got.ChangePct != 0 || got.Points != 0 {
						t.Errorf("%dm unavailable but figures set: %+v", months, got)
					}
					continue
				}
				if got.Points != w.points {
					t.Errorf("%dm Points = %d, want %d", months, got.Points, w.points)
				}
				if got.StartPrice != w.startP || got.EndPrice != w.endP {
					t.Errorf("%dm prices = %v -> %v, want %v -> %v", months, got.StartPrice, got.EndPrice, w.startP, w.endP)
				}
				if !near(got.ChangePct, w.changePct, eps) {
					t.Errorf("%dm ChangePct = %v, want %v", months, got.ChangePct, w.changePct)
				}
				if w.checkSlope && !near(got.SlopePctPerMonth, w.slope, 1e-9) {
					t.Errorf("%dm SlopePctPerMonth = %.12f, want %.12f", months, got.SlopePctPerMonth, w.slope)
				}
			}
		})
	}
}

func TestTrendWindowBounds(t *testing.T) {
	// 31 May 2024 minus 3 months is clamped to 29 Feb 2024 (leap year), not 2 Mar.
	now := day(2024, 5, 31)
	r := Trend(nil, now)
	for _, c := range []struct {
		months int
		start  time.Time
	}{{3, day(2024, 2, 29)}, {6, day(2023, 11, 30)}, {12, day(2023, 5, 31)}} {
		w, _ := r.Window(c.months)
		if !w.Start.Equal(c.start) || !w.End.Equal(now) {
			t.Errorf("%dm window = %v..%v, want %v..%v", c.months, w.Start, w.End, c.start, now)
		}
	}
	// A point exactly at the clamped start is the anchor; one on 1 Mar is inside.
	r = Trend([]PricePoint{{day(2024, 2, 29), 100}, {day(2024, 3, 1), 110}}, now)
	if w, _ := r.Window(3); !w.Available || w.Points != 2 || w.StartPrice != 100 || !near(w.ChangePct, 10, eps) {
		t.Errorf("3m window = %+v, want 2 points, 100 -> 110, +10 %%", w)
	}
}

// ---------------------------------------------------------------- Forecast

// monthly returns one order on the 10th of each month from (y, m) on.
func monthly(y int, m time.Month, amounts ...float64) []Quantity {
	var q []Quantity
	for i, a := range amounts {
		q = append(q, Quantity{time.Date(y, m+time.Month(i), 10, 0, 0, 0, 0, time.UTC), a})
	}
	return q
}

func TestForecast(t *testing.T) {
	now := time.Date(2024, 7, 15, 12, 0, 0, 0, time.UTC) // last complete month: June 2024
	tests := []struct {
		name       string
		orders     []Quantity
		horizon    int
		method     string
		firstMonth time.Time // first history month (zero if no history)
		history    []float64
		forecast   []float64 // nil = no forecast expected
		tol        float64
		mae        float64
		hasMAE     bool
	}{
		{
			// 10 every month Jan..Jun: L0 = 10, T0 = 0; every prediction is 10,
			// level stays 10, trend 0 -> forecast 10, 10, 10; MAE 0.
			name:       "constant series",
			orders:     monthly(2024, 1, 10, 10, 10, 10, 10, 10),
			horizon:    3,
			method:     MethodHolt,
			firstMonth: day(2024, 1, 1),
			history:    []float64{10, 10, 10, 10, 10, 10},
			forecast:   []float64{10, 10, 10},
			tol:        eps,
			mae:        0,
			hasMAE:     true,
		},
		{
			// 10, 12, .., 20 (Jan..Jun). Level/trend are initialised from the first
			// two points (L0 = 10, T0 = 2), so every prediction L+T equals the next
			// value, L_t = y_t and T_t = 2 from the start: Holt continues the line
			// exactly (up to rounding): Jul 22, Aug 24, Sep 26; MAE 0.
			name:       "linear series 6 months",
			orders:     monthly(2024, 1, 10, 12, 14, 16, 18, 20),
			horizon:    3,
			method:     MethodHolt,
			firstMonth: day(2024, 1, 1),
			history:    []float64{10, 12, 14, 16, 18, 20},
			forecast:   []float64{22, 24, 26},
			tol:        1e-6,
			mae:        0,
			hasMAE:     true,
		},
		{
			// Same with 18 months, 3.5 + 1.25*i (Jan 2023..Jun 2024): next is
			// 3.5 + 1.25*18 = 26, then 27.25.
			name: "linear series 18 months",
			orders: monthly(2023, 1, 3.5, 4.75, 6, 7.25, 8.5, 9.75, 11, 12.25, 13.5,
				14.75, 16, 17.25, 18.5, 19.75, 21, 22.25, 23.5, 24.75),
			horizon:    2,
			method:     MethodHolt,
			firstMonth: day(2023, 1, 1),
			history: []float64{3.5, 4.75, 6, 7.25, 8.5, 9.75, 11, 12.25, 13.5,
				14.75, 16, 17.25, 18.5, 19.75, 21, 22.25, 23.5, 24.75},
			forecast: []float64{26, 27.25},
			tol:      1e-6,
			mae:      0,
			hasMAE:   true,
		},
		{
			// Hand-worked Holt, alpha .5, beta .3, y = 10 12 11 15 14 16:
			// L0=10 T0=2
			// t1: p=12     err -     L=12         T=.3*2+.7*2=2
			// t2: p=14     err 3     L=12.5       T=.3*.5+.7*2=1.55
			// t3: p=14.05  err .95   L=14.525     T=.3*2.025+.7*1.55=1.6925
			// t4: p=16.2175 err 2.2175 L=15.10875 T=.3*.58375+.7*1.6925=1.359875
			// t5: p=16.468625 err .468625 L=16.2343125 T=.3*1.1255625+.7*1.359875=1.28958125
			// forecast: 16.2343125 + h*1.28958125 = 17.52389375, 18.8134750, 20.10305625
			// MAE = (3+.95+2.2175+.468625)/4 = 6.636125/4 = 1.65903125
			name:       "holt hand-worked",
			orders:     monthly(2024, 1, 10, 12, 11, 15, 14, 16),
			horizon:    3,
			method:     MethodHolt,
			firstMonth: day(2024, 1, 1),
			history:    []float64{10, 12, 11, 15, 14, 16},
			forecast:   []float64{17.52389375, 18.8134750, 20.10305625},
			tol:        1e-9,
			mae:        1.65903125,
			hasMAE:     true,
		},
		{
			// 50, 40, .., 0: the line continues to -10, -20, which are floored at 0.
			name:       "falling line floored at zero",
			orders:     monthly(2024, 1, 50, 40, 30, 20, 10, 0),
			horizon:    2,
			method:     MethodHolt,
			firstMonth: day(2024, 1, 1),
			history:    []float64{50, 40, 30, 20, 10, 0},
			forecast:   []float64{0, 0},
			tol:        eps,
			mae:        0,
			hasMAE:     true,
		},
		{
			// Apr 10, May 20, Jun 30 -> 3 months -> MEAN = 60/3 = 20.
			name:       "three months mean",
			orders:     monthly(2024, 4, 10, 20, 30),
			horizon:    2,
			method:     MethodMean,
			firstMonth: day(2024, 4, 1),
			history:    []float64{10, 20, 30},
			forecast:   []float64{20, 20},
		},
		{
			// Apr 10, (May none), Jun 20 -> history 10, 0, 20 -> mean 30/3 = 10
			// (15 if the empty month were skipped).
			name: "missing month counts as zero",
			orders: []Quantity{
				{day(2024, 6, 3), 20},
				{day(2024, 4, 3), 10},
			},
			horizon:    1,
			method:     MethodMean,
			firstMonth: day(2024, 4, 1),
			history:    []float64{10, 0, 20},
			forecast:   []float64{10},
		},
		{
			// May 4+6 = 10, Jun 20, Jul (month of now) 1000 excluded -> mean 15.
			// (With July counted: 3 months, mean 343.3.)
			name: "current month excluded and same month summed",
			orders: []Quantity{
				{day(2024, 5, 2), 4},
				{day(2024, 5, 28), 6},
				{day(2024, 6, 30), 20},
				{day(2024, 7, 1), 1000},
				{day(2024, 9, 1), 1000}, // future, also excluded
			},
			horizon:    1,
			method:     MethodMean,
			firstMonth: day(2024, 5, 1),
			history:    []float64{10, 20},
			forecast:   []float64{15},
		},
		{
			// Months are UTC: 1 May 01:00 +08:00 is 30 Apr 17:00 UTC (April);
			// 30 Jun 23:00 -05:00 is 1 Jul 04:00 UTC (July, the current month, excluded).
			// History Apr 8, May 0, Jun 4 -> mean 4.
			name: "calendar months in UTC",
			orders: []Quantity{
				{time.Date(2024, 5, 1, 1, 0, 0, 0, time.FixedZone("CST", 8*3600)), 8},
				{day(2024, 6, 15), 4},
				{time.Date(2024, 6, 30, 23, 0, 0, 0, time.FixedZone("EST", -5*3600)), 100},
			},
			horizon:    1,
			method:     MethodMean,
			firstMonth: day(2024, 4, 1),
			history:    []float64{8, 0, 4},
			forecast:   []float64{4},
		},
		{
			// Only June -> 1 month -> insufficient, no forecast.
			name:       "one month insufficient",
			orders:     monthly(2024, 6, 12),
			horizon:    3,
			method:     MethodInsufficient,
			firstMonth: day(2024, 6, 1),
			history:    []float64{12},
		},
		{
			// Only orders in the current month -> no complete month at all.
			name:    "only current month",
			orders:  []Quantity{{day(2024, 7, 2), 5}},
			horizon: 3,
			method:  MethodInsufficient,
		},
		{
			name:    "no orders",
			horizon: 3,
			method:  MethodInsufficient,
		},
		{
			// Five months is still MEAN (Holt needs 6): (1+2+3+4+5)/5 = 3.
			name:       "five months mean",
			orders:     monthly(2024, 2, 1, 2, 3, 4, 5),
			horizon:    1,
			method:     MethodMean,
			firstMonth: day(2024, 2, 1),
			history:    []float64{1, 2, 3, 4, 5},
			forecast:   []float64{3},
		},
		{
			// Horizon 0: method known, but an empty forecast.
			name:       "zero horizon",
			orders:     monthly(2024, 4, 10, 20, 30),
			horizon:    0,
			method:     MethodMean,
			firstMonth: day(2024, 4, 1),
			history:    []float64{10, 20, 30},
			forecast:   []float64{},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Forecast(tc.orders, now, tc.horizon)
			if r.Method != tc.method {
				t.Errorf("Method = %q, want %q", r.Method, tc.method)
			}
			if len(r.History) != len(tc.history) {
				t.Fatalf("History = %v, want amounts %v", r.History, tc.history)
			}
			for i, h := range r.History {
				wantMonth := tc.firstMonth.AddDate(0, i, 0)
				if !h.Month.Equal(wantMonth) || h.Amount != tc.history[i] {
					t.Errorf("History[%d] = %v %v, want %v %v", i, h.Month, h.Amount, wantMonth, tc.history[i])
				}
			}
			if tc.forecast == nil {
				if r.Forecast != nil {
					t.Errorf("Forecast = %v, want nil", r.Forecast)
				}
				if _, ok := r.NextMonth(); ok {
					t.Errorf("NextMonth ok, want none")
				}
			} else {
				if len(r.Forecast) != len(tc.forecast) {
					t.Fatalf("Forecast = %v, want %v", r.Forecast, tc.forecast)
				}
				for i, f := range r.Forecast {
					wantMonth := day(2024, 7+time.Month(i), 1) // first forecast month = month of now
					if !f.Month.Equal(wantMonth) {
						t.Errorf("Forecast[%d].Month = %v, want %v", i, f.Month, wantMonth)
					}
					if !near(f.Amount, tc.forecast[i], tc.tol) {
						t.Errorf("Forecast[%d] = %.12f, want %.12f", i, f.Amount, tc.forecast[i])
					}
				}
			}
			if r.HasMAE != tc.hasMAE {
				t.Errorf("HasMAE = %v, want %v", r.HasMAE, tc.hasMAE)
			}
			if !near(r.MAE, tc.mae, 1e-9) {
				t.Errorf("MAE = %.12f, want %.12f", r.MAE, tc.mae)
			}
		})
	}
}

// ---------------------------------------------------------------- Advise

func trend3(changePct float64) TrendReport {
	return TrendReport{Windows: []WindowTrend{{Months: 3, Available: true, Points: 2, ChangePct: changePct}}}
}

func forecastNext(amount float64) ForecastReport {
	return ForecastReport{Method: MethodHolt, Forecast: []MonthAmount{{Month: day(2024, 7, 1), Amount: amount}}}
}

func TestAdvise(t *testing.T) {
	noTrend := TrendReport{Windows: []WindowTrend{{Months: 3}}, Direction: DirectionUnknown}
	noForecast := ForecastReport{Method: MethodInsufficient}
	// The zh messages use full-width punctuation: ，(U+FF0C) ：(U+FF1A) （）(U+FF08/09).
	tests := []struct {
		name   string
		trend  TrendReport
		fc     ForecastReport
		unit   string
		code   string
		months float64
		en, zh string
	}{
		{
			// +8 % >= 5 -> 2 months: 2 * 12 = 24 t.
			name: "rising strongly", trend: trend3(8), fc: forecastNext(12), unit: "t",
			code: CodeStockAhead, months: 2,
			en: "Price rising 8.0% over 3 months; forecast 12.0 t next month: suggest ordering 2 months' need (24.0 t).",
			zh: "近3个月价格上涨8.0%\uff0c预计下月用量12.0 吨\uff1a建议备货2个月用量\uff0824.0 吨\uff09。",
		},
		{
			// exactly +5 % -> still 2 months: 2 * 10 = 20.
			name: "rising exactly 5", trend: trend3(5), fc: forecastNext(10), unit: "t",
			code: CodeStockAhead, months: 2,
			en: "Price rising 5.0% over 3 months; forecast 10.0 t next month: suggest ordering 2 months' need (20.0 t).",
			zh: "近3个月价格上涨5.0%\uff0c预计下月用量10.0 吨\uff1a建议备货2个月用量\uff0820.0 吨\uff09。",
		},
		{
			// +3 % in [2, 5) -> 1.5 months: 1.5 * 12 = 18 kg.
			name: "rising moderately", trend: trend3(3), fc: forecastNext(12), unit: "kg",
			code: CodeStockAhead, months: 1.5,
			en: "Price rising 3.0% over 3 months; forecast 12.0 kg next month: suggest ordering 1.5 months' need (18.0 kg).",
			zh: "近3个月价格上涨3.0%\uff0c预计下月用量12.0 千克\uff1a建议备货1.5个月用量\uff0818.0 千克\uff09。",
		},
		{
			// exactly +2 % -> 1.5 months: 1.5 * 8 = 12.
			name: "rising exactly 2", trend: trend3(2), fc: forecastNext(8), unit: "t",
			code: CodeStockAhead, months: 1.5,
			en: "Price rising 2.0% over 3 months; forecast 8.0 t next month: suggest ordering 1.5 months' need (12.0 t).",
			zh: "近3个月价格上涨2.0%\uff0c预计下月用量8.0 吨\uff1a建议备货1.5个月用量\uff0812.0 吨\uff09。",
		},
		{
			// -6 % <= -5 -> next month only: 1 * 12 = 12.
			name: "falling strongly", trend: trend3(-6), fc: forecastNext(12), unit: "t",
			code: CodeBuyAsNeeded, months: 1,
			en: "Price falling 6.0% over 3 months; forecast 12.0 t next month: order only next month's need (12.0 t).",
			zh: "近3个月价格下跌6.0%\uff0c预计下月用量12.0 吨\uff1a建议仅按下月用量采购\uff0812.0 吨\uff09。",
		},
		{
			// -3 % (FALLING but less than 5 %) -> NORMAL.
			name: "falling mildly", trend: trend3(-3), fc: forecastNext(12), unit: "t",
			code: CodeNormal, months: 1,
			en: "Price falling 3.0% over 3 months; forecast 12.0 t next month: order the usual 1 month's need (12.0 t).",
			zh: "近3个月价格下跌3.0%\uff0c预计下月用量12.0 吨\uff1a建议按正常1个月用量备货\uff0812.0 吨\uff09。",
		},
		{
			// +1.5 % STABLE -> NORMAL. Unknown unit is used as given in both languages.
			name: "stable", trend: trend3(1.5), fc: forecastNext(7.25), unit: "drums",
			code: CodeNormal, months: 1,
			en: "Price stable (+1.5% over 3 months); forecast 7.2 drums next month: order the usual 1 month's need (7.2 drums).",
			zh: "近3个月价格基本稳定\uff08+1.5%\uff09\uff0c预计下月用量7.2 drums\uff1a建议按正常1个月用量备货\uff087.2 drums\uff09。",
		},
		{
			// No usable 3-month trend -> NORMAL.
			name: "no trend", trend: noTrend, fc: forecastNext(12), unit: "t",
			code: CodeNormal, months: 1,
			en: "No 3-month price trend available; forecast 12.0 t next month: order the usual 1 month's need (12.0 t).",
			zh: "暂无近3个月价格走势\uff0c预计下月用量12.0 吨\uff1a建议按正常1个月用量备货\uff0812.0 吨\uff09。",
		},
		{
			// Rising 8 % but no forecast -> NO_FORECAST, 0 months.
			name: "no forecast", trend: trend3(8), fc: noForecast, unit: "t",
			code: CodeNoForecast, months: 0,
			en: "Price rising 8.0% over 3 months; not enough order history to forecast usage: no stock advice.",
			zh: "近3个月价格上涨8.0%\uff0c订货历史不足\uff0c无法预测用量\uff1a暂无备货建议。",
		},
		{
			// A method with an empty forecast (horizon 0) is also NO_FORECAST.
			name: "empty forecast", trend: trend3(-8), fc: ForecastReport{Method: MethodMean, Forecast: []MonthAmount{}}, unit: "t",
			code: CodeNoForecast, months: 0,
			en: "Price falling 8.0% over 3 months; not enough order history to forecast usage: no stock advice.",
			zh: "近3个月价格下跌8.0%\uff0c订货历史不足\uff0c无法预测用量\uff1a暂无备货建议。",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := Advise(tc.trend, tc.fc, tc.unit)
			if a.Code != tc.code {
				t.Errorf("Code = %q, want %q", a.Code, tc.code)
			}
			if a.MonthsToStock != tc.months {
				t.Errorf("MonthsToStock = %v, want %v", a.MonthsToStock, tc.months)
			}
			if a.Message["en"] != tc.en {
				t.Errorf("en = %q\nwant %q", a.Message["en"], tc.en)
			}
			if a.Message["zh"] != tc.zh {
				t.Errorf("zh = %q\nwant %q", a.Message["zh"], tc.zh)
			}
			if len(a.Message) != 2 {
				t.Errorf("Message has %d languages, want 2", len(a.Message))
			}
		})
	}
}

// End to end: real Trend and Forecast outputs feed Advise.
func TestAdviseEndToEnd(t *testing.T) {
	now := time.Date(2024, 7, 15, 0, 0, 0, 0, time.UTC)
	// 3m window from 15 Apr: anchor 1 Apr 100, end 1 Jul 108 -> +8 %.
	tr := Trend([]PricePoint{{day(2024, 4, 1), 100}, {day(2024, 7, 1), 108}}, now)
	// Constant 12 t for Jan..Jun -> HOLT forecast 12 -> 2 months = 24 t.
	fc := Forecast(monthly(2024, 1, 12, 12, 12, 12, 12, 12), now, 3)
	a := Advise(tr, fc, "t")
	want := "Price rising 8.0% over 3 months; forecast 12.0 t next month: suggest ordering 2 months' need (24.0 t)."
	if a.Code != CodeStockAhead || a.MonthsToStock != 2 || a.Message["en"] != want {
		t.Errorf("Advise = %+v, want STOCK_AHEAD, 2, %q", a, want)
	}
}

package graph

import (
	"context"

	"tandem/domain/money"
	"tandem/domain/units"
	"tandem/ent"
	"tandem/ent/order"
	"tandem/ent/orderline"
	"tandem/ent/pricepoint"
	"tandem/ent/schema/pulid"
	"tandem/graph/model"
	"tandem/server/advice"
)

// StockForecastMonths is how many months stockAdvice forecasts.
const StockForecastMonths = 3

// priceHistory reads a product's prices of one kind, in one currency: the one most
// of its points are in. Points in other currencies are converted with the rate valid
// at their date, or left out and listed when none is on file (money.Book.OneCurrency).
func priceHistory(ctx context.Context, c *ent.Client, productID pulid.ID, kind pricepoint.Kind) ([]advice.PricePoint, money.Series, error) {
	pps, err := c.PricePoint.Query().
		Where(pricepoint.ProductID(productID), pricepoint.KindEQ(kind)).
		Order(pricepoint.ByObservedAt(), pricepoint.ByID()).
		All(ctx)
	if err != nil || len(pps) == 0 {
		return nil, money.Series{Currency: "CNY"}, err
	}
	book, err := money.Load(ctx, c)
	if err != nil {
		return nil, money.Series{}, err
	}
	run := make([]money.Dated, 0, len(pps))
	for _, pp := range pps {
		run = append(run, money.Dated{Amount: pp.Price, Currency: pp.Currency, At: pp.ObservedAt})
	}
	series := book.OneCurrency(run)
	out := make([]advice.PricePoint, 0, len(series.Amounts))
	for _, a := range series.Amounts {
		out = append(out, advice.PricePoint{At: a.At, Price: a.Amount})
	}
	return out, series, nil
}

// orderHistory reads what a customer ordered of a product, on orders not cancelled,
// at the time of ordering, in the product's unit where the line's unit converts.
func orderHistory(ctx context.Context, c *ent.Client, customerID, productID pulid.ID, unit string) ([]advice.Quantity, error) {
	lines, err := c.OrderLine.Query().
		Where(
			orderline.CustomerID(customerID),
			orderline.ProductID(productID),
			orderline.HasOrderWith(order.StatusNEQ(order.StatusCANCELLED)),
		).
		WithOrder().
		All(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]advice.Quantity, 0, len(lines))
	for _, l := range lines {
		if l.Edges.Order == nil {
			continue
		}
		out = append(out, advice.Quantity{At: l.Edges.Order.OrderedAt, Amount: convertQuantity(l.Quantity, l.Unit, unit)})
	}
	return out, nil
}

// convertQuantity converts q from one unit to another of the same kind; units it
// does not know (or of different kinds) are taken as they are.
func convertQuantity(q float64, from, to string) float64 {
	if v, ok := units.Convert(q, from, to); ok {
		return v
	}
	return q
}

func priceTrendModel(p *ent.Product, kind pricepoint.Kind, t advice.TrendReport, s money.Series) *model.PriceTrend {
	out := &model.PriceTrend{Product: p, Kind: kind, Direction: t.Direction, Windows: make([]*model.PriceWindow, 0, len(t.Windows)),
		Currency: s.Currency, Converted: s.Converted, Rates: appliedRates(s.Rates), LeftOut: []*model.CurrencyAmount{}}
	for _, l := range s.LeftOut {
		out.LeftOut = append(out.LeftOut, &model.CurrencyAmount{Currency: l.Currency, Value: l.Amount})
	}
	for _, w := range t.Windows {
		mw := &model.PriceWindow{Months: w.Months, Available: w.Available, Points: w.Points}
		if w.Available {
			mw.StartPrice, mw.EndPrice = floatPtr(w.StartPrice), floatPtr(w.EndPrice)
			mw.ChangePct, mw.SlopePctPerMonth = floatPtr(w.ChangePct), floatPtr(w.SlopePctPerMonth)
		}
		out.Windows = append(out.Windows, mw)
	}
	return out
}

func forecastModel(f advice.ForecastReport) *model.UsageForecast {
	months := func(ms []advice.MonthAmount) []*model.MonthQuantity {
		out := make([]*model.MonthQuantity, 0, len(ms))
		for _, m := range ms {
			out = append(out, &model.MonthQuantity{Month: m.Month, Quantity: m.Amount})
		}
		return out
	}
	out := &model.UsageForecast{Method: f.Method, History: months(f.History), Forecast: months(f.Forecast)}
	if f.HasMAE {
		out.MeanAbsoluteError = floatPtr(f.MAE)
	}
	return out
}

func floatPtr(v float64) *float64 { return &v }

// appliedRates translates the rates a conversion used.
func appliedRates(rs []money.Rate) []*model.AppliedRate {
	out := make([]*model.AppliedRate, 0, len(rs))
	for _, r := range rs {
		out = append(out, &model.AppliedRate{FromCurrency: r.From, ToCurrency: r.To, Rate: r.Rate, ValidFrom: r.ValidFrom})
	}
	return out
}

package graph

import (
	"context"
	"fmt"
	"math"
	"sort"
	"time"

	"entgo.io/ent/dialect/sql"

	"tandem/domain/access"
	"tandem/domain/stock"
	"tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/order"
	"tandem/ent/orderline"
	"tandem/ent/product"
	"tandem/ent/sample"
	"tandem/ent/schema/pulid"
	"tandem/graph/model"
	"tandem/server/advice"
)

const (
	// StockHistoryMonths of orders feed each customer's forecast.
	StockHistoryMonths = 24
	// StockCoverMonths: a suggested order covers the lead time and this many months.
	StockCoverMonths = 2
	// NoStockOnFile is the status of a product whose stock on hand was never entered.
	NoStockOnFile = "NO_STOCK_ON_FILE"
)

// productDemand is a product's forecast demand per month from this month on: each
// customer's forecast of its own orders (advice.Forecast), plus the samples in trial
// weighted by stage. Every customer counts, whoever asks: it is our stock.
type productDemand struct {
	months                   []stock.Month
	fromCustomers, fromTrial float64
	customers, trials, noEst int
}

// demandOf is a product's productDemand over months; except leaves one customer out
// (none when ""): whoever asks whether it can be supplied.
func demandOf(ctx context.Context, c *ent.Client, p *ent.Product, now time.Time, months int, except pulid.ID) (productDemand, error) {
	sys := access.System(ctx, "our stock: every customer's use of the product")
	d := productDemand{months: make([]stock.Month, months)}
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
	for i := range d.months {
		d.months[i].Month = first.AddDate(0, i, 0)
	}
	// Each customer's quantities per unit and month: the forecast sums by month anyway.
	var rows []aggRow
	err := c.OrderLine.Query().Where(orderline.ProductID(p.ID)).Modify(func(s *sql.Selector) {
		o := sql.Table(order.Table).As("dem_o")
		s.Join(o).On(s.C(orderline.FieldOrderID), o.C(order.FieldID))
		s.Where(sql.And(sql.NEQ(o.C(order.FieldStatus), string(order.StatusCANCELLED)),
			sql.GTE(o.C(order.FieldOrderedAt), now.AddDate(0, -StockHistoryMonths, 0))))
		unordered(s, []string{s.C(orderline.FieldCustomerID), s.C(orderline.FieldUnit), monthOf(s, o.C(order.FieldOrderedAt))},
			sql.As(fmt.Sprintf("COALESCE(SUM(%s), 0)", s.C(orderline.FieldQuantity)), "quantity"))
	}).Scan(sys, &rows)
	if err != nil {
		return d, err
	}
	byCustomer := map[pulid.ID][]advice.Quantity{}
	for _, r := range rows {
		if r.K0 == nil || r.K2 == nil {
			continue
		}
		at, err := time.Parse("2006-01", *r.K2)
		if err != nil {
			return d, err
		}
		unit := ""
		if r.K1 != nil {
			unit = *r.K1
		}
		id := pulid.ID(*r.K0)
		byCustomer[id] = append(byCustomer[id], advice.Quantity{At: at, Amount: convertQuantity(r.Quantity, unit, p.Unit)})
	}
	delete(byCustomer, except)
	for _, qs := range byCustomer {
		f := advice.Forecast(qs, now, months)
		if len(f.Forecast) == 0 {
			continue
		}
		d.customers++
		for i, m := range f.Forecast {
			if i < months && m.Amount > 0 {
				d.months[i].Amount += m.Amount
				d.fromCustomers += m.Amount
			}
		}
	}
	var statuses []sample.Status
	for s := range stock.TrialWeights {
		statuses = append(statuses, sample.Status(s))
	}
	samples, err := c.Sample.Query().Where(sample.ProductID(p.ID), sample.StatusIn(statuses...)).
		WithCustomer(func(q *ent.CustomerQuery) { q.Select(customer.FieldAnnualDemandKg) }).All(sys)
	if err != nil {
		return d, err
	}
	for _, s := range samples {
		if s.CustomerID == except {
			continue
		}
		d.trials++
		cu := s.Edges.Customer
		if cu == nil || cu.AnnualDemandKg == nil {
			d.noEst++
			continue
		}
		monthly := convertQuantity(*cu.AnnualDemandKg/12, "kg", p.Unit) * stock.TrialWeights[string(s.Status)]
		for i := stock.TrialStartMonth; i < months; i++ {
			d.months[i].Amount += monthly
			d.fromTrial += monthly
		}
	}
	return d, nil
}

// stockPlanOf is a product's plan, with its reasons in the viewer's language.
func stockPlanOf(ctx context.Context, c *ent.Client, p *ent.Product, now time.Time, months int, lang string) (*model.StockPlan, error) {
	out := &model.StockPlan{Product: p, Unit: p.Unit, OnHand: p.StockOnHand, OnOrder: p.StockOnOrder, SafetyStock: p.SafetyStock,
		LeadTimeDays: p.LeadTimeDays, CountedAt: p.StockCountedAt, Demand: []*model.MonthQuantity{}, Reasons: []string{}}
	d, err := demandOf(ctx, c, p, now, months, "")
	if err != nil {
		return nil, err
	}
	for _, m := range d.months {
		out.Demand = append(out.Demand, &model.MonthQuantity{Month: m.Month, Quantity: round2(m.Amount)})
	}
	out.FromCustomers, out.FromTrials = round2(d.fromCustomers), round2(d.fromTrial)
	out.Customers, out.Trials, out.TrialsWithoutEstimate = d.customers, d.trials, d.noEst
	if p.StockOnHand == nil {
		out.Status = NoStockOnFile
		out.Reasons = append(out.Reasons, say(lang, "没有录入库存：录入现有库存后才能计划", "No stock on hand entered: enter it to plan"))
		return out, nil
	}
	in := stock.Input{OnHand: *p.StockOnHand, LeadDays: p.LeadTimeDays, Now: now, CoverMonths: StockCoverMonths}
	in.OnOrder, in.Safety = onOrderAndSafety(p)
	if d.fromCustomers+d.fromTrial > 0 {
		in.Demand = d.months
	}
	plan := stock.Make(in)
	out.Status, out.RunsOutAt, out.OrderBy, out.SuggestedQuantity = plan.Status, plan.RunsOutAt, plan.OrderBy, plan.Quantity
	u := p.Unit
	out.Reasons = append(out.Reasons, say(lang,
		fmt.Sprintf("未来 %d 个月预计需求 %.0f %s：%d 家客户的用量预测 %.0f，%d 个试验中的样品按阶段加权 %.0f", months, plan.Horizon, u, d.customers, d.fromCustomers, d.trials, d.fromTrial),
		fmt.Sprintf("Forecast demand over %d months: %.0f %s — %d customers' usage forecasts %.0f, %d samples in trial weighted by stage %.0f", months, plan.Horizon, u, d.customers, d.fromCustomers, d.trials, d.fromTrial)))
	if d.noEst > 0 {
		out.Reasons = append(out.Reasons, say(lang, fmt.Sprintf("%d 个试验样品的客户没有估计年用量，未计入", d.noEst),
			fmt.Sprintf("%d samples in trial left out: their accounts have no yearly use estimated", d.noEst)))
	}
	switch {
	case plan.Status == stock.NoForecast:
		out.Reasons = append(out.Reasons, say(lang, "没有可预测的用量：近 24 个月无订单，也无试验中的样品", "No use to forecast: no orders in 24 months and no samples in trial"))
	case plan.RunsOutAt == nil:
		out.Reasons = append(out.Reasons, say(lang, fmt.Sprintf("现有及在途库存（扣除安全库存）可覆盖 %d 个月以上", months),
			fmt.Sprintf("Stock on hand and on order (less the safety stock) lasts beyond %d months", months)))
	default:
		out.Reasons = append(out.Reasons, say(lang,
			fmt.Sprintf("现有 %.0f + 在途 %.0f − 安全库存 %.0f，约 %s 用完；交货期 %d 天，应在 %s 前下单 %.0f %s",
				in.OnHand, in.OnOrder, in.Safety, ymd(*plan.RunsOutAt), in.LeadDays, ymd(*plan.OrderBy), plan.Quantity, u),
			fmt.Sprintf("On hand %.0f + on order %.0f − safety %.0f runs out about %s; with %d days' lead time, order %.0f %s by %s",
				in.OnHand, in.OnOrder, in.Safety, ymd(*plan.RunsOutAt), in.LeadDays, plan.Quantity, u, ymd(*plan.OrderBy))))
	}
	return out, nil
}

// stockUrgency orders plans: the earliest order date first, then those without one.
var stockUrgency = map[string]int{stock.OrderNow: 0, stock.OrderSoon: 1, stock.OK: 2, stock.NoForecast: 3, NoStockOnFile: 4}

func stockPlans(ctx context.Context, c *ent.Client, now time.Time, first int, lang string) ([]*model.StockPlan, error) {
	ps, err := c.Product.Query().Where(product.Active(true), product.StockOnHandNotNil()).Order(product.ByCode()).All(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]*model.StockPlan, 0, len(ps))
	for _, p := range ps {
		sp, err := stockPlanOf(ctx, c, p, now, 6, lang)
		if err != nil {
			return nil, err
		}
		out = append(out, sp)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if stockUrgency[a.Status] != stockUrgency[b.Status] {
			return stockUrgency[a.Status] < stockUrgency[b.Status]
		}
		return a.OrderBy != nil && (b.OrderBy == nil || a.OrderBy.Before(*b.OrderBy))
	})
	if len(out) > first {
		out = out[:first]
	}
	return out, nil
}

// onOrderAndSafety are the product's stock on order and safety stock, 0 when not entered.
func onOrderAndSafety(p *ent.Product) (onOrder, safety float64) {
	if p.StockOnOrder != nil {
		onOrder = *p.StockOnOrder
	}
	if p.SafetyStock != nil {
		safety = *p.SafetyStock
	}
	return onOrder, safety
}

// round2 rounds to two decimals.
func round2(v float64) float64 { return math.Round(v*100) / 100 }

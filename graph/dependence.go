package graph

import (
	"context"
	"fmt"
	"math"
	"sort"
	"time"

	"entgo.io/ent/dialect/sql"

	"tandem/domain/access"
	"tandem/domain/dependence"
	"tandem/domain/money"
	"tandem/domain/units"
	"tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/order"
	"tandem/ent/orderline"
	"tandem/ent/schema/pulid"
	"tandem/graph/model"
)

// revenueCurrency is the currency revenues are compared in.
const revenueCurrency = "CNY"

// accountRevenue is one account's last twelve months.
type accountRevenue struct {
	revenue, kg float64
	unconverted int
}

// revenues reads the last twelve months of every account (or of one, when only is
// set): its orders not cancelled, in CNY at each order date's rate, and the weight of
// its lines. The total is every account's, whoever asks (a share is of our whole
// revenue); two aggregate statements, grouped by account, currency and day.
func revenues(ctx context.Context, c *ent.Client, now time.Time, only pulid.ID) (map[pulid.ID]*accountRevenue, float64, error) {
	sys := access.System(ctx, "dependence: a share is of our whole revenue")
	from := now.UTC().AddDate(0, -dependence.WindowMonths, 0)
	scope := func(s *sql.Selector) *sql.SelectTable {
		o := sql.Table(order.Table).As("dep_o")
		s.Join(o).On(s.C(orderline.FieldOrderID), o.C(order.FieldID)).
			Where(sql.And(sql.NEQ(o.C(order.FieldStatus), string(order.StatusCANCELLED)), sql.GTE(o.C(order.FieldOrderedAt), from)))
		return o
	}
	var amounts []aggRow
	err := c.OrderLine.Query().Modify(func(s *sql.Selector) {
		o := scope(s)
		grouping(s, []string{s.C(orderline.FieldCustomerID), fmt.Sprintf("UPPER(%s)", o.C(order.FieldCurrency)), dayOf(s, o.C(order.FieldOrderedAt))},
			sql.As(fmt.Sprintf("COALESCE(SUM(%s * %s), 0)", s.C(orderline.FieldQuantity), s.C(orderline.FieldUnitPrice)), "value"))
	}).Scan(sys, &amounts)
	if err != nil {
		return nil, 0, err
	}
	var weights []aggRow
	err = c.OrderLine.Query().Modify(func(s *sql.Selector) {
		scope(s)
		if only != "" {
			s.Where(sql.EQ(s.C(orderline.FieldCustomerID), string(only)))
		}
		grouping(s, []string{s.C(orderline.FieldCustomerID), s.C(orderline.FieldUnit)},
			sql.As(fmt.Sprintf("COALESCE(SUM(%s), 0)", s.C(orderline.FieldQuantity)), "quantity"))
	}).Scan(sys, &weights)
	if err != nil {
		return nil, 0, err
	}
	book, err := money.Load(ctx, c)
	if err != nil {
		return nil, 0, err
	}
	out := map[pulid.ID]*accountRevenue{}
	get := func(r aggRow) *accountRevenue {
		id := pulid.ID(r.key(0))
		if out[id] == nil {
			out[id] = &accountRevenue{}
		}
		return out[id]
	}
	total := 0.0
	for _, r := range amounts {
		day, _ := time.Parse(time.DateOnly, r.key(2))
		conv := book.Convert(r.Value, r.key(1), revenueCurrency, day)
		a := get(r)
		if !conv.Same && !conv.Converted {
			a.unconverted++
			continue
		}
		a.revenue += conv.Amount
		total += conv.Amount
	}
	for _, r := range weights {
		if kg, ok := units.Kilograms(r.Quantity, r.key(1)); ok {
			get(r).kg += kg
		}
	}
	return out, total, nil
}

// dependenceOf is one account's dependence from the revenues read.
func dependenceOf(cu *ent.Customer, a *accountRevenue, total float64) *model.Dependence {
	if a == nil {
		a = &accountRevenue{}
	}
	d := &model.Dependence{Customer: cu, OurKg: a.kg, AnnualDemandKg: cu.AnnualDemandKg, Revenue: math.Round(a.revenue*100) / 100,
		Currency: revenueCurrency, Unconverted: a.unconverted, ConcentrationThreshold: dependence.ConcentrationShare()}
	d.OurShareOfTheirUse = dependence.Share(a.kg, cu.AnnualDemandKg)
	if s := dependence.Share(a.revenue, &total); s != nil {
		d.ShareOfOurRevenue = *s
	}
	d.ConcentrationRisk = dependence.Concentrated(d.ShareOfOurRevenue, d.ConcentrationThreshold)
	return d
}

// revenueConcentration is the accounts the viewer reads with the largest shares of
// our revenue, largest first.
func revenueConcentration(ctx context.Context, c *ent.Client, now time.Time, first int) ([]*model.Dependence, error) {
	byCustomer, total, err := revenues(ctx, c, now, "")
	if err != nil {
		return nil, err
	}
	ids := make([]pulid.ID, 0, len(byCustomer))
	for id, a := range byCustomer {
		if a.revenue > 0 {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := byCustomer[ids[i]].revenue, byCustomer[ids[j]].revenue
		return a > b || a == b && ids[i] < ids[j]
	})
	out := []*model.Dependence{}
	// Read in pages of the largest: the accounts the viewer may not read are skipped.
	for len(ids) > 0 && len(out) < first {
		page := ids[:min(len(ids), 2*first)]
		ids = ids[len(page):]
		cus, err := c.Customer.Query().Where(customer.IDIn(page...)).All(ctx)
		if err != nil {
			return nil, err
		}
		seen := map[pulid.ID]*ent.Customer{}
		for _, cu := range cus {
			seen[cu.ID] = cu
		}
		for _, id := range page {
			if cu := seen[id]; cu != nil && len(out) < first {
				out = append(out, dependenceOf(cu, byCustomer[id], total))
			}
		}
	}
	return out, nil
}

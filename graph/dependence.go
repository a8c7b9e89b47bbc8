package graph

import (
	"context"
	"fmt"
	"sort"
	"strconv"
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
// its lines; and the total of every account, whoever asks (a share is of our whole
// revenue). Aggregate statements grouped by account, currency and day; for one
// account the total is read once per operation (revenueTotal), so a page of accounts
// does not aggregate every order line again for each.
func revenues(ctx context.Context, c *ent.Client, now time.Time, only pulid.ID) (map[pulid.ID]*accountRevenue, float64, error) {
	sys := access.System(ctx, "dependence: a share is of our whole revenue")
	from := now.UTC().AddDate(0, -dependence.WindowMonths, 0)
	book, err := money.Load(ctx, c)
	if err != nil {
		return nil, 0, err
	}
	// One scan: each account's amounts by currency and day, and weights by unit.
	var rows []aggRow
	err = c.OrderLine.Query().Modify(func(s *sql.Selector) {
		o := revenueScope(s, from, only)
		keys := []string{s.C(orderline.FieldCustomerID), fmt.Sprintf("UPPER(%s)", o.C(order.FieldCurrency)),
			dayOf(s, o.C(order.FieldOrderedAt)), s.C(orderline.FieldUnit)}
		unordered(s, keys, sql.As(fmt.Sprintf("COALESCE(SUM(%s * %s), 0)", s.C(orderline.FieldQuantity), s.C(orderline.FieldUnitPrice)), "value"),
			sql.As(fmt.Sprintf("COALESCE(SUM(%s), 0)", s.C(orderline.FieldQuantity)), "quantity"))
	}).Scan(sys, &rows)
	if err != nil {
		return nil, 0, err
	}
	out := map[pulid.ID]*accountRevenue{}
	missing := map[string]bool{}
	total := 0.0
	for _, r := range rows {
		id := pulid.ID(r.key(0))
		a := out[id]
		if a == nil {
			a = &accountRevenue{}
			out[id] = a
		}
		if kg, ok := units.Kilograms(r.Quantity, r.key(3)); ok {
			a.kg += kg
		}
		amount, ok := inCNY(book, r, 1)
		if !ok {
			// Counted once per account, currency and day, whatever the units.
			if k := r.key(0) + "|" + r.key(1) + "|" + r.key(2); !missing[k] {
				missing[k] = true
				a.unconverted++
			}
			continue
		}
		a.revenue += amount
		total += amount
	}
	if only != "" {
		if total, err = revenueTotal(ctx, sys, c, book, from); err != nil {
			return nil, 0, err
		}
	}
	return out, total, nil
}

// revenueTotal is every account's revenue since from, in CNY: read once per operation.
func revenueTotal(ctx, sys context.Context, c *ent.Client, book *money.Book, from time.Time) (float64, error) {
	key := "revenue-total:" + from.Format(time.DateOnly)
	if v, ok := memoGet(ctx, key); ok {
		return strconv.ParseFloat(v, 64)
	}
	rows, err := revenueRows(sys, c, from)
	if err != nil {
		return 0, err
	}
	total := 0.0
	for _, r := range rows {
		if amount, ok := inCNY(book, r, 0); ok {
			total += amount
		}
	}
	memoPut(ctx, key, strconv.FormatFloat(total, 'g', -1, 64))
	return total, nil
}

// revenueScope narrows order lines to orders not cancelled since from (of one
// account, when only is set).
func revenueScope(s *sql.Selector, from time.Time, only pulid.ID) *sql.SelectTable {
	o := sql.Table(order.Table).As("dep_o")
	s.Join(o).On(s.C(orderline.FieldOrderID), o.C(order.FieldID)).
		Where(sql.And(sql.NEQ(o.C(order.FieldStatus), string(order.StatusCANCELLED)), sql.GTE(o.C(order.FieldOrderedAt), from)))
	if only != "" {
		s.Where(sql.EQ(s.C(orderline.FieldCustomerID), string(only)))
	}
	return o
}

// revenueRows sums every account's lines' amounts since from by currency and day.
func revenueRows(sys context.Context, c *ent.Client, from time.Time) ([]aggRow, error) {
	var rows []aggRow
	err := c.OrderLine.Query().Modify(func(s *sql.Selector) {
		o := revenueScope(s, from, "")
		unordered(s, []string{fmt.Sprintf("UPPER(%s)", o.C(order.FieldCurrency)), dayOf(s, o.C(order.FieldOrderedAt))},
			sql.As(fmt.Sprintf("COALESCE(SUM(%s * %s), 0)", s.C(orderline.FieldQuantity), s.C(orderline.FieldUnitPrice)), "value"))
	}).Scan(sys, &rows)
	return rows, err
}

// inCNY converts a row's amount, whose currency and day are its keys from k on; ok is
// false when no rate is on file for that day.
func inCNY(book *money.Book, r aggRow, k int) (float64, bool) {
	day, _ := time.Parse(time.DateOnly, r.key(k+1))
	conv := book.Convert(r.Value, r.key(k), revenueCurrency, day)
	return conv.Amount, conv.Same || conv.Converted
}

// dependenceOf is one account's dependence from the revenues read.
func dependenceOf(cu *ent.Customer, a *accountRevenue, total float64) *model.Dependence {
	if a == nil {
		a = &accountRevenue{}
	}
	d := &model.Dependence{Customer: cu, OurKg: a.kg, AnnualDemandKg: cu.AnnualDemandKg, Revenue: round2(a.revenue),
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

package graph

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"entgo.io/ent/dialect/sql"

	"tandem/domain/access"
	"tandem/domain/money"
	"tandem/domain/rollup"
	"tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/errcode"
	"tandem/ent/order"
	"tandem/ent/orderline"
	"tandem/ent/ordervolume"
	"tandem/ent/product"
	"tandem/ent/viewer"
	"tandem/graph/model"
)

// orderVolume sums the order lines the viewer sees, cancelled orders excluded, per
// currency: amounts in different currencies are never added (money). With convertTo
// every amount is converted with the rate valid at its order's date, and each row
// says which rates it used and which amounts had none.
func orderVolume(ctx context.Context, c *ent.Client, dims []model.OrderVolumeDimension, from, to *time.Time, convertTo *string) ([]*model.OrderVolumeRow, error) {
	if err := checkDims(dims); err != nil {
		return nil, err
	}
	target := ""
	if convertTo != nil {
		if target = money.Code(*convertTo); !money.ValidCode(target) {
			return nil, errcode.New(errcode.BadUserInput, "%q is not a currency code: use three letters (ISO 4217, e.g. CNY)", *convertTo).With("field", "convertTo")
		}
	}
	rows, err := volumeRows(ctx, c, dims, from, to, target != "")
	if err != nil {
		return nil, err
	}
	n := len(dims)
	if target == "" {
		out := make([]*model.OrderVolumeRow, 0, len(rows))
		for _, r := range rows {
			out = append(out, &model.OrderVolumeRow{Keys: r.keys(n), Orders: r.Orders, Lines: r.Count, Quantity: summed(r.Quantity), Value: summed(r.Value),
				Currency: r.key(n), Rates: []*model.AppliedRate{}, Unconverted: []*model.CurrencyAmount{}})
		}
		return out, nil
	}
	book, err := money.Load(ctx, c)
	if err != nil {
		return nil, err
	}
	// Rows per dimensions and currency: target for what converts, the original
	// currency for what has no rate at its date.
	type group struct {
		row   *model.OrderVolumeRow
		rates []money.Rate
	}
	var order []string
	groups := map[string]*group{}
	get := func(r aggRow, cur string) *group {
		k := cur
		for _, key := range r.keys(n) {
			if key != nil {
				k += "\x00" + *key
			} else {
				k += "\x01"
			}
		}
		if g, ok := groups[k]; ok {
			return g
		}
		g := &group{row: &model.OrderVolumeRow{Keys: r.keys(n), Currency: cur, Rates: []*model.AppliedRate{}, Unconverted: []*model.CurrencyAmount{}}}
		groups[k] = g
		order = append(order, k)
		return g
	}
	var missing []struct {
		r   aggRow
		cur string
		val float64
	}
	for _, r := range rows {
		cur := r.key(n)
		day, _ := time.Parse(time.DateOnly, r.key(n+1))
		conv := book.Convert(r.Value, cur, target, day)
		g := get(r, target)
		if !conv.Same && !conv.Converted {
			g = get(r, cur)
			missing = append(missing, struct {
				r   aggRow
				cur string
				val float64
			}{r, cur, r.Value})
		}
		g.row.Orders += r.Orders
		g.row.Lines += r.Count
		g.row.Quantity += r.Quantity
		g.row.Value += conv.Amount
		if conv.Converted {
			g.row.Converted = true
			g.rates = append(g.rates, conv.Rate)
		}
	}
	// The target row lists what it could not include.
	for _, m := range missing {
		g := get(m.r, target)
		found := false
		for _, u := range g.row.Unconverted {
			if u.Currency == m.cur {
				u.Value += m.val
				found = true
			}
		}
		if !found {
			g.row.Unconverted = append(g.row.Unconverted, &model.CurrencyAmount{Currency: m.cur, Value: m.val})
		}
	}
	out := make([]*model.OrderVolumeRow, 0, len(order))
	for _, k := range order {
		g := groups[k]
		g.row.Rates = appliedRates(money.Rates(g.rates))
		g.row.Quantity, g.row.Value = summed(g.row.Quantity), summed(g.row.Value)
		for _, u := range g.row.Unconverted {
			u.Value = summed(u.Value)
		}
		out = append(out, g.row)
	}
	return out, nil
}

// summed rounds a sum to 12 significant digits: sums of the same amounts added in
// another order (the rollup's days, the lines) differ in the last bits only.
func summed(v float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil {
		return v
	}
	return r
}

// volumeRows are orderVolume's sums per dimension, currency and (byDay) day: from the
// OrderVolume rollup when it answers the question (rollupAnswers), else from the lines.
func volumeRows(ctx context.Context, c *ent.Client, dims []model.OrderVolumeDimension, from, to *time.Time, byDay bool) ([]aggRow, error) {
	if rollupAnswers(ctx, dims, from, to) {
		return rolledUpVolume(ctx, c, dims, from, to, byDay)
	}
	return liveVolume(ctx, c, dims, from, to, byDay)
}

// rollupAnswers reports whether the rollup gives the same answer as the lines: the
// viewer reads every order and line (the rollup sums all of them), no dimension needs
// the account, and the window is whole UTC days.
func rollupAnswers(ctx context.Context, dims []model.OrderVolumeDimension, from, to *time.Time) bool {
	return access.ReadsEvery(viewer.FromContext(ctx), "Order", "OrderLine") && !slices.Contains(dims, model.OrderVolumeDimensionCustomer) &&
		whole(dayStart, from, to)
}

// rolledUpVolume adds up the rollup's days (domain/order.VolumeHook): the per-product
// rows when grouped by product, else the days' totals (whose orders are distinct).
func rolledUpVolume(ctx context.Context, c *ent.Client, dims []model.OrderVolumeDimension, from, to *time.Time, byDay bool) ([]aggRow, error) {
	var rows []aggRow
	sys := access.System(ctx, "orderVolume: the viewer reads every order and line, which the rollup adds up")
	err := c.OrderVolume.Query().Modify(func(s *sql.Selector) {
		if slices.Contains(dims, model.OrderVolumeDimensionProduct) {
			s.Where(sql.NEQ(s.C(ordervolume.FieldProductID), ""))
		} else {
			s.Where(sql.EQ(s.C(ordervolume.FieldProductID), ""))
		}
		if from != nil {
			s.Where(sql.GTE(s.C(ordervolume.FieldDay), rollup.DayOf(*from)))
		}
		if to != nil {
			s.Where(sql.LT(s.C(ordervolume.FieldDay), rollup.DayOf(*to)))
		}
		var exprs []string
		for _, d := range dims {
			switch d {
			case model.OrderVolumeDimensionProduct:
				p := sql.Table(product.Table).As("vol_p")
				s.Join(p).On(s.C(ordervolume.FieldProductID), p.C(product.FieldID))
				exprs = append(exprs, p.C(product.FieldCode))
			case model.OrderVolumeDimensionMonth:
				exprs = append(exprs, fmt.Sprintf("SUBSTR(%s, 1, 7)", s.C(ordervolume.FieldDay)))
			}
		}
		exprs = append(exprs, s.C(ordervolume.FieldCurrency))
		if byDay {
			exprs = append(exprs, s.C(ordervolume.FieldDay))
		}
		grouping(s, exprs,
			sql.As(sql.Sum(s.C(ordervolume.FieldLines)), "count"),
			sql.As(sql.Sum(s.C(ordervolume.FieldOrders)), "orders"),
			sql.As(sql.Sum(s.C(ordervolume.FieldQuantity)), "quantity"),
			sql.As(sql.Sum(s.C(ordervolume.FieldValue)), "value"),
		)
	}).Scan(sys, &rows)
	return rows, err
}

// liveVolume sums the lines the viewer reads.
func liveVolume(ctx context.Context, c *ent.Client, dims []model.OrderVolumeDimension, from, to *time.Time, byDay bool) ([]aggRow, error) {
	var rows []aggRow
	err := c.OrderLine.Query().Modify(func(s *sql.Selector) {
		o := sql.Table(order.Table).As("vol_o")
		s.Join(o).On(s.C(orderline.FieldOrderID), o.C(order.FieldID))
		s.Where(sql.NEQ(o.C(order.FieldStatus), string(order.StatusCANCELLED)))
		if from != nil {
			s.Where(sql.GTE(o.C(order.FieldOrderedAt), from.UTC()))
		}
		if to != nil {
			s.Where(sql.LT(o.C(order.FieldOrderedAt), to.UTC()))
		}
		var exprs []string
		for _, d := range dims {
			switch d {
			case model.OrderVolumeDimensionCustomer:
				cu := sql.Table(customer.Table).As("vol_c")
				s.Join(cu).On(s.C(orderline.FieldCustomerID), cu.C(customer.FieldID))
				exprs = append(exprs, cu.C(customer.FieldName))
			case model.OrderVolumeDimensionProduct:
				p := sql.Table(product.Table).As("vol_p")
				s.Join(p).On(s.C(orderline.FieldProductID), p.C(product.FieldID))
				exprs = append(exprs, p.C(product.FieldCode))
			case model.OrderVolumeDimensionMonth:
				exprs = append(exprs, monthOf(s, o.C(order.FieldOrderedAt)))
			}
		}
		exprs = append(exprs, fmt.Sprintf("UPPER(%s)", o.C(order.FieldCurrency)))
		if byDay {
			exprs = append(exprs, dayOf(s, o.C(order.FieldOrderedAt)))
		}
		grouping(s, exprs,
			sql.As(sql.Count("*"), "count"),
			sql.As(fmt.Sprintf("COUNT(DISTINCT %s)", s.C(orderline.FieldOrderID)), "orders"),
			sql.As(fmt.Sprintf("COALESCE(SUM(%s), 0)", s.C(orderline.FieldQuantity)), "quantity"),
			sql.As(fmt.Sprintf("COALESCE(SUM(%s * %s), 0)", s.C(orderline.FieldQuantity), s.C(orderline.FieldUnitPrice)), "value"),
		)
	}).Scan(ctx, &rows)
	return rows, err
}

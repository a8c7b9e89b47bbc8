package importer

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"tandem/ent"
	"tandem/ent/viewer"
)

// productBook: products match on their code.
type productBook struct {
	byCode map[string]*ent.Product
	seen   firstSeen
}

func (b *productBook) load(ctx context.Context, c *ent.Client, _ *viewer.Viewer) error {
	ps, err := c.Product.Query().All(ctx)
	if err != nil {
		return err
	}
	b.byCode, b.seen = map[string]*ent.Product{}, firstSeen{}
	for _, p := range ps {
		b.byCode[strings.ToUpper(p.Code)] = p
	}
	return nil
}

var productText = map[string]struct {
	get func(*ent.Product) string
	set func(*ent.ProductMutation, string)
}{
	"name":        {func(p *ent.Product) string { return p.Name }, (*ent.ProductMutation).SetName},
	"category":    {func(p *ent.Product) string { return p.Category }, (*ent.ProductMutation).SetCategory},
	"unit":        {func(p *ent.Product) string { return p.Unit }, (*ent.ProductMutation).SetUnit},
	"description": {func(p *ent.Product) string { return p.Description }, (*ent.ProductMutation).SetDescription},
}

// productStock are the stock columns: numbers in the product's unit, none negative;
// the lead time in whole days.
var productStock = []struct {
	key   string
	whole bool
	get   func(*ent.Product) *float64
	set   func(*ent.ProductMutation, float64)
}{
	{"stockOnHand", false, func(p *ent.Product) *float64 { return p.StockOnHand }, (*ent.ProductMutation).SetStockOnHand},
	{"stockOnOrder", false, func(p *ent.Product) *float64 { return p.StockOnOrder }, (*ent.ProductMutation).SetStockOnOrder},
	{"safetyStock", false, func(p *ent.Product) *float64 { return p.SafetyStock }, (*ent.ProductMutation).SetSafetyStock},
	{"leadTimeDays", true, func(p *ent.Product) *float64 { d := float64(p.LeadTimeDays); return &d },
		func(m *ent.ProductMutation, d float64) { m.SetLeadTimeDays(int(d)) }},
}

// stockOf reads the row's stock cells: the setters of those given, their changes
// against the product (nil for a new one), or the refusal of a cell that is not a
// number of its kind.
func stockOf(v values, p *ent.Product) (sets []func(*ent.ProductMutation), diffs []fieldChange, bad *RowResult) {
	for _, f := range productStock {
		s, cell := v.get(f.key)
		if s == "" {
			continue
		}
		n, ok := ParseNumber(s)
		if !ok || n < 0 || (f.whole && (n != math.Trunc(n) || n > 3650)) {
			msg := text("不是非负数", "not a number of 0 or more")
			if f.whole {
				msg = text("不是 0–3650 的整数天数", "not a whole number of days from 0 to 3650")
			}
			r, _ := refuse(cell, msg)
			return nil, nil, &r
		}
		if p != nil {
			old, from := f.get(p), ""
			if old != nil && *old == n {
				continue
			}
			if old != nil {
				from = strconv.FormatFloat(*old, 'f', -1, 64)
			}
			diffs = append(diffs, fieldChange{f.key, from, strconv.FormatFloat(n, 'f', -1, 64)})
		}
		set := f.set
		sets = append(sets, func(m *ent.ProductMutation) { set(m, n) })
	}
	return sets, diffs, nil
}

func (b *productBook) check(v values) (RowResult, write) {
	code, bad := required(v, "code")
	if bad != nil {
		return *bad, nil
	}
	if _, bad := required(v, "name"); bad != nil {
		return *bad, nil
	}
	key := strings.ToUpper(code)
	if r, dup := b.seen.again([]string{key}, v.row.Num); dup {
		return r, nil
	}
	existing := b.byCode[key]
	sets, diffs, bad := stockOf(v, existing)
	if bad != nil {
		return *bad, nil
	}
	if existing == nil {
		return RowResult{Action: Create, Key: code}, func(ctx context.Context, c *ent.Client) error {
			q := c.Product.Create().SetCode(code)
			for k, f := range productText {
				if s, _ := v.get(k); s != "" {
					f.set(q.Mutation(), s)
				}
			}
			for _, s := range sets {
				s(q.Mutation())
			}
			return q.Exec(ctx)
		}
	}
	res := RowResult{Key: code, MatchID: string(existing.ID), MatchName: existing.Name, Action: Unchanged}
	for k, f := range productText {
		if s, _ := v.get(k); s != "" && !same(f.get(existing), s) {
			sets = append(sets, func(m *ent.ProductMutation) { f.set(m, s) })
			diffs = append(diffs, fieldChange{k, f.get(existing), s})
		}
	}
	if len(sets) == 0 {
		return res, nil
	}
	res.Action, res.Message = Update, changesText(Products, diffs)
	id := existing.ID
	return res, func(ctx context.Context, c *ent.Client) error {
		u := c.Product.UpdateOneID(id)
		for _, s := range sets {
			s(u.Mutation())
		}
		return u.Exec(ctx)
	}
}

// priceBook: a list price matches on (product, date, currency); the price table has
// no customer, so "prices" are the catalogue's price history.
type priceBook struct {
	products map[string]*ent.Product // by upper code and by folded name
	byKey    map[string]*ent.PricePoint
	seen     firstSeen
}

func (b *priceBook) load(ctx context.Context, c *ent.Client, _ *viewer.Viewer) error {
	ps, err := c.Product.Query().All(ctx)
	if err != nil {
		return err
	}
	b.products, b.byKey, b.seen = map[string]*ent.Product{}, map[string]*ent.PricePoint{}, firstSeen{}
	for _, p := range ps {
		b.products[strings.ToUpper(p.Code)] = p
		if _, taken := b.products[strings.ToUpper(p.Name)]; !taken {
			b.products[strings.ToUpper(p.Name)] = p
		}
	}
	pps, err := c.PricePoint.Query().All(ctx)
	if err != nil {
		return err
	}
	for _, pp := range pps {
		b.byKey[priceKey(string(pp.ProductID), pp.ObservedAt, pp.Currency)] = pp
	}
	return nil
}

func priceKey(product string, at time.Time, currency string) string {
	return fmt.Sprintf("%s|%s|%s", product, at.UTC().Format("2006-01-02"), strings.ToUpper(currency))
}

func (b *priceBook) check(v values) (RowResult, write) {
	prod, bad := required(v, "product")
	if bad != nil {
		return *bad, nil
	}
	p := b.products[strings.ToUpper(strings.TrimSpace(prod))]
	if p == nil {
		return refuse(v.cell("product"), text("没有这个产品（请先导入产品）", "no such product (import the products first)"))
	}
	raw, bad := required(v, "price")
	if bad != nil {
		return *bad, nil
	}
	price, ok := ParseNumber(raw)
	if !ok || price <= 0 {
		return refuse(v.cell("price"), text("不是正数", "not a positive number"))
	}
	rawDate, bad := required(v, "date")
	if bad != nil {
		return *bad, nil
	}
	at, why, ok := ParseDate(rawDate)
	if !ok {
		return refuse(v.cell("date"), why)
	}
	currency := "CNY"
	if s, cell := v.get("currency"); s != "" {
		currency = strings.ToUpper(s)
		if len(currency) != 3 {
			return refuse(cell, text("币种应为三个字母（CNY、USD…）", "a currency is three letters (CNY, USD…)"))
		}
	}
	key := priceKey(string(p.ID), at, currency)
	if r, dup := b.seen.again([]string{key}, v.row.Num); dup {
		return r, nil
	}
	source, _ := v.get("source")
	res := RowResult{Key: p.Code + " " + at.Format("2006-01-02") + " " + currency}
	if existing := b.byKey[key]; existing != nil {
		res.MatchID, res.MatchName = string(existing.ID), p.Name
		if existing.Price == price && (source == "" || same(existing.Source, source)) {
			res.Action = Unchanged
			return res, nil
		}
		res.Action = Update
		id := existing.ID
		return res, func(ctx context.Context, c *ent.Client) error {
			u := c.PricePoint.UpdateOneID(id).SetPrice(price)
			if source != "" {
				u.SetSource(source)
			}
			return u.Exec(ctx)
		}
	}
	res.Action = Create
	productID := p.ID
	return res, func(ctx context.Context, c *ent.Client) error {
		return c.PricePoint.Create().SetProductID(productID).SetPrice(price).SetCurrency(currency).
			SetObservedAt(at).SetSource(source).Exec(ctx)
	}
}

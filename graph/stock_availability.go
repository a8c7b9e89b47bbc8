package graph

import (
	"context"
	"fmt"
	"math"
	"strconv"

	"tandem/domain/stock"
	"tandem/domain/units"
	"tandem/ent/errcode"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
	"tandem/graph/model"
)

// availability answers whether a quantity of a product can be promised, and from
// when (domain/stock.PromiseOf). The asker's own forecast use is not held against
// it: a partner is its own customer; our people may name the customer they ask for.
func (r *Resolver) availability(ctx context.Context, productID pulid.ID, quantity float64, unit *string, customerID *pulid.ID) (*model.Availability, error) {
	v := viewer.FromContext(ctx)
	if v == nil {
		return nil, errcode.New(errcode.Unauthenticated, "sign in first")
	}
	var asker pulid.ID
	switch {
	case v.Role == viewer.Partner && !v.HasScope("stock:read"):
		return nil, errcode.New(errcode.Forbidden, "availability needs the stock:read scope")
	case v.Role == viewer.Partner:
		asker = v.CustomerID
	case customerID != nil:
		// A customer the viewer may not read answers like one that does not exist.
		if _, err := r.db(ctx).Customer.Get(ctx, *customerID); err != nil {
			return nil, err
		}
		asker = *customerID
	}
	if math.IsNaN(quantity) || math.IsInf(quantity, 0) || quantity <= 0 || quantity > 1e12 {
		return nil, errcode.New(errcode.BadUserInput, "quantity: more than 0").With("field", "quantity")
	}
	p, err := r.db(ctx).Product.Get(ctx, productID)
	if err != nil {
		return nil, err
	}
	q := quantity
	if unit != nil && *unit != "" && *unit != p.Unit {
		var ok bool
		if q, ok = units.Convert(quantity, *unit, p.Unit); !ok {
			return nil, errcode.New(errcode.BadUserInput, "unit: %s cannot be converted to the product's unit %s", *unit, p.Unit).With("field", "unit")
		}
	}
	months := int(p.LeadTimeDays/28) + 2
	d, err := demandOf(ctx, r.db(ctx), p, r.now(), months, asker)
	if err != nil {
		return nil, err
	}
	a := stock.Ask{Quantity: q, OnHand: p.StockOnHand, LeadDays: p.LeadTimeDays, Demand: d.months, Now: r.now()}
	a.OnOrder, a.Safety = onOrderAndSafety(p)
	got := stock.PromiseOf(a)
	return &model.Availability{Product: p, Quantity: round2(q), Unit: p.Unit, Status: got.Status, EarliestShipAt: got.ShipAt,
		LeadTimeDays: p.LeadTimeDays, Message: promiseMessage(r.lang(ctx), got, round2(q), p.Unit, p.LeadTimeDays)}, nil
}

func promiseMessage(lang string, p stock.Promise, q float64, unit string, lead int) string {
	amount := strconv.FormatFloat(q, 'f', -1, 64) + " " + unit
	switch p.Status {
	case stock.InStock:
		return say(lang, amount+"：现货，可立即发货", amount+": in stock, ships now")
	case stock.OnOrderOnly:
		return say(lang, fmt.Sprintf("%s：在途库存可满足，最早 %s 发货", amount, ymd(*p.ShipAt)),
			fmt.Sprintf("%s: covered by stock on its way, ships from %s", amount, ymd(*p.ShipAt)))
	case stock.Replenish:
		return say(lang, fmt.Sprintf("%s：需要补货，交货期 %d 天，最早 %s 发货", amount, lead, ymd(*p.ShipAt)),
			fmt.Sprintf("%s: needs a replenishment; with %d days' lead time, ships from %s", amount, lead, ymd(*p.ShipAt)))
	}
	return say(lang, amount+"：没有库存记录，请联系我们确认", amount+": no stock on file; ask us to confirm")
}

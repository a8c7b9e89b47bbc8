package graph

import (
	"context"
	"maps"
	"slices"
	"time"

	"tandem/ent"
	"tandem/ent/interaction"
	"tandem/ent/order"
	"tandem/ent/schema/pulid"
	"tandem/graph/model"
)

// reportYear sums the account's orders of the calendar year of now: how many, the
// quantity per unit and the value per currency (lines without a price add quantity
// only). Two queries: the orders, then their lines.
func reportYear(ctx context.Context, c *ent.Client, id pulid.ID, now time.Time) (*model.ReportYear, error) {
	start := time.Date(now.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	orders, err := c.Order.Query().
		Where(order.CustomerID(id), order.StatusNEQ(order.StatusCANCELLED), order.OrderedAtGTE(start), order.OrderedAtLTE(now)).
		WithLines().All(ctx)
	if err != nil {
		return nil, err
	}
	qty, val := map[string]float64{}, map[string]float64{}
	for _, o := range orders {
		for _, l := range o.Edges.Lines {
			qty[l.Unit] += l.Quantity
			if l.UnitPrice != nil {
				val[o.Currency] += l.Quantity * *l.UnitPrice
			}
		}
	}
	y := &model.ReportYear{Year: now.Year(), Orders: len(orders), Quantities: []*model.UnitQuantity{}, Values: []*model.CurrencyAmount{}}
	for _, u := range slices.Sorted(maps.Keys(qty)) {
		y.Quantities = append(y.Quantities, &model.UnitQuantity{Unit: u, Quantity: qty[u]})
	}
	for _, cur := range slices.Sorted(maps.Keys(val)) {
		y.Values = append(y.Values, &model.CurrencyAmount{Currency: cur, Value: val[cur]})
	}
	return y, nil
}

// nextContact is the account's earliest planned contact still to be logged, from now on.
func nextContact(ctx context.Context, c *ent.Client, id pulid.ID, now time.Time) (*ent.Interaction, error) {
	in, err := c.Interaction.Query().
		Where(interaction.CustomerID(id), interaction.LoggedAtIsNil(), interaction.OccurredAtGTE(now.Add(-12*time.Hour))).
		Order(interaction.ByOccurredAt(), interaction.ByID()).First(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return in, err
}

package importer

import (
	"context"

	"tandem/ent"
	"tandem/ent/interaction"
	"tandem/ent/keyperson"
	"tandem/ent/order"
	"tandem/ent/orderline"
	"tandem/ent/pricepoint"
	"tandem/ent/schema/pulid"
)

// exportKeyPersons writes the current key persons (an ended one has no column for
// its end and would come back as current): the contact by name, the role and
// attitude in lang, the from-date that is part of the importer's natural key.
func exportKeyPersons(ctx context.Context, c *ent.Client, lang string, row exportRow) error {
	page := func(after pulid.ID) ([]*ent.KeyPerson, error) {
		return c.KeyPerson.Query().Where(keyperson.IDGT(after), keyperson.ActiveToIsNil()).Order(keyperson.ByID()).
			Limit(ExportPage).WithCustomer().WithContact().All(ctx)
	}
	return pages(ctx, page, func(kp *ent.KeyPerson) pulid.ID { return kp.ID }, func(kp *ent.KeyPerson) error {
		vals := map[string]string{
			"customer": accountCell(kp.Edges.Customer),
			"role":     label(roleLabels, string(kp.DecisionRole), lang),
			"attitude": label(attitudeLabels, string(kp.Attitude), lang),
			"from":     day(kp.ActiveFrom),
			"needs":    kp.ProfessionalNeeds,
		}
		if co := kp.Edges.Contact; co != nil {
			vals["contact"] = co.Name
		}
		return row(vals)
	})
}

// exportPrices writes the catalogue's price history: product code, price, currency, day.
func exportPrices(ctx context.Context, c *ent.Client, row exportRow) error {
	page := func(after pulid.ID) ([]*ent.PricePoint, error) {
		return c.PricePoint.Query().Where(pricepoint.IDGT(after)).Order(pricepoint.ByID()).Limit(ExportPage).WithProduct().All(ctx)
	}
	return pages(ctx, page, func(pp *ent.PricePoint) pulid.ID { return pp.ID }, func(pp *ent.PricePoint) error {
		vals := map[string]string{"price": number(pp.Price), "currency": pp.Currency, "date": day(pp.ObservedAt), "source": pp.Source}
		if p := pp.Edges.Product; p != nil {
			vals["product"] = p.Code
		}
		return row(vals)
	})
}

// exportOrders writes one row per order line, in the order importer's layout: the
// order's number, account, dates, status and currency repeated on each of its lines,
// then the line's product code, quantity, unit, price and batch (number and
// production date). An order without lines has no row the importer could read, and
// is left out.
func exportOrders(ctx context.Context, c *ent.Client, lang string, row exportRow) error {
	page := func(after pulid.ID) ([]*ent.Order, error) {
		return c.Order.Query().Where(order.IDGT(after)).Order(order.ByID()).Limit(ExportPage).WithCustomer().
			WithLines(func(q *ent.OrderLineQuery) { q.Order(orderline.ByID()).WithProduct() }).All(ctx)
	}
	return pages(ctx, page, func(o *ent.Order) pulid.ID { return o.ID }, func(o *ent.Order) error {
		for _, l := range o.Edges.Lines {
			vals := map[string]string{
				"number": o.Number, "customer": accountCell(o.Edges.Customer), "date": day(o.OrderedAt),
				"status": label(statusLabels, string(o.Status), lang), "currency": o.Currency,
				"quantity": number(l.Quantity), "unit": l.Unit, "batch": l.BatchNo,
				"productionDate": dayOf(l.ProductionDate), "deliveryDate": dayOf(o.DeliveryDate), "closedAt": dayOf(o.ClosedAt),
			}
			if l.UnitPrice != nil {
				vals["unitPrice"] = number(*l.UnitPrice)
			}
			if p := l.Edges.Product; p != nil {
				vals["product"] = p.Code
			}
			if err := row(vals); err != nil {
				return err
			}
		}
		return nil
	})
}

// exportInteractions writes the interactions the viewer reads (a private one only to
// whom privacy shows it): account, day, type in lang, texts and the author's email.
func exportInteractions(ctx context.Context, c *ent.Client, lang string, row exportRow) error {
	page := func(after pulid.ID) ([]*ent.Interaction, error) {
		return c.Interaction.Query().Where(interaction.IDGT(after)).Order(interaction.ByID()).Limit(ExportPage).
			WithCustomer().WithAuthor().All(ctx)
	}
	return pages(ctx, page, func(in *ent.Interaction) pulid.ID { return in.ID }, func(in *ent.Interaction) error {
		vals := map[string]string{
			"customer": accountCell(in.Edges.Customer), "date": day(in.OccurredAt), "kind": label(kindLabels, string(in.Kind), lang),
			"summary": in.Summary, "findings": in.Findings, "nextStep": in.NextStep,
		}
		if u := in.Edges.Author; u != nil {
			vals["author"] = u.Email
		}
		return row(vals)
	})
}

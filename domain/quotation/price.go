package quotation

import (
	"context"
	"math"
	"sort"
	"strings"
	"time"

	"entgo.io/ent"

	"tandem/domain/access"
	"tandem/domain/history"
	gen "tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/hook"
	"tandem/ent/order"
	q "tandem/ent/quotation"
	"tandem/ent/quotationline"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
)

// Offer is one price of an agreement in force.
type Offer struct {
	QuotationID pulid.ID
	Number      string
	Revision    int
	DecidedAt   time.Time
	MinQuantity float64
	Unit        string
	Currency    string
	UnitPrice   float64
}

// Pick chooses the agreed price for a quantity among the offers in force for one
// customer and product: the most recently accepted agreement holds, and of its
// quantity breaks the highest one the quantity reaches. A quantity below every break
// has no agreed price (nil).
func Pick(offers []Offer, quantity float64) *Offer {
	if len(offers) == 0 {
		return nil
	}
	newest := offers[0]
	for _, o := range offers[1:] {
		if o.DecidedAt.After(newest.DecidedAt) || o.DecidedAt.Equal(newest.DecidedAt) && o.QuotationID > newest.QuotationID {
			newest = o
		}
	}
	var best *Offer
	for i := range offers {
		o := offers[i]
		if o.QuotationID != newest.QuotationID || o.MinQuantity > quantity {
			continue
		}
		if best == nil || o.MinQuantity > best.MinQuantity {
			best = &o
		}
	}
	return best
}

// Priced is what LinePrice decided for an order line.
type Priced struct {
	Price       *float64
	AgreementID *pulid.ID
}

// Price decides an order line's price under the agreement in force (agreed, nil when
// none): no price given takes the agreed one; the agreed price, unit and currency
// pass; anything else needs a reason (BAD_USER_INPUT without) and a manager
// (FORBIDDEN for anyone else). A line in another currency or unit than the agreement
// is a different price: it is not converted.
func Price(agreed *Offer, given *float64, unit, currency, reason string, manager bool) (Priced, error) {
	if agreed == nil {
		return Priced{Price: given}, nil
	}
	id := agreed.QuotationID
	same := strings.EqualFold(unit, agreed.Unit) && strings.EqualFold(currency, agreed.Currency)
	if given == nil {
		if !same {
			return Priced{AgreementID: &id}, nil
		}
		p := agreed.UnitPrice
		return Priced{Price: &p, AgreementID: &id}, nil
	}
	if same && math.Abs(*given-agreed.UnitPrice) < 1e-9 {
		return Priced{Price: given, AgreementID: &id}, nil
	}
	if strings.TrimSpace(reason) == "" {
		return Priced{}, errcode.New(errcode.BadUserInput,
			"priceNote: the price agreement %s sets %g %s per %s from %g %s; say why this line's price differs",
			agreed.Number, agreed.UnitPrice, agreed.Currency, agreed.Unit, agreed.MinQuantity, agreed.Unit).
			With("field", "priceNote").With("agreedPrice", agreed.UnitPrice).With("agreement", string(id))
	}
	if !manager {
		return Priced{}, errcode.New(errcode.Forbidden,
			"the price agreement %s sets %g %s per %s: a different price is a manager's decision",
			agreed.Number, agreed.UnitPrice, agreed.Currency, agreed.Unit).
			With("field", "unitPrice").With("agreedPrice", agreed.UnitPrice).With("agreement", string(id))
	}
	return Priced{Price: given, AgreementID: &id}, nil
}

// OffersInForce reads the prices of the agreements in force at t for a customer's
// product, whoever may read them: the rule holds for every writer.
func OffersInForce(ctx context.Context, c *gen.Client, customerID, productID pulid.ID, t time.Time) ([]Offer, error) {
	sys := access.System(ctx, "pricing an order line: the customer's price agreements in force")
	lines, err := c.QuotationLine.Query().
		Where(quotationline.CustomerID(customerID), quotationline.ProductID(productID),
			quotationline.HasQuotationWith(q.StatusEQ(q.StatusACCEPTED), q.ValidFromLTE(t), q.ValidUntilGTE(t))).
		WithQuotation().
		All(sys)
	if err != nil {
		return nil, err
	}
	out := make([]Offer, 0, len(lines))
	for _, l := range lines {
		qt := l.Edges.Quotation
		o := Offer{QuotationID: l.QuotationID, MinQuantity: l.MinQuantity, Unit: l.Unit, UnitPrice: l.UnitPrice,
			Number: qt.Number, Revision: qt.Revision, Currency: qt.Currency}
		if qt.DecidedAt != nil {
			o.DecidedAt = *qt.DecidedAt
		}
		out = append(out, o)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].MinQuantity < out[j].MinQuantity })
	return out, nil
}

// LinePrice prices an order line under the customer's agreement in force on the
// order's date (see Price) whenever its product, quantity, unit, price or price note
// is written, and records the agreement on the line. History being imported keeps
// the prices it had.
func LinePrice(next ent.Mutator) ent.Mutator {
	return hook.OrderLineFunc(func(ctx context.Context, m *gen.OrderLineMutation) (gen.Value, error) {
		if history.Is(ctx) {
			return next.Mutate(ctx, m)
		}
		if _, set := m.AgreementID(); (set || m.AgreementIDCleared()) && !access.IsSystem(ctx) {
			return nil, errcode.New(errcode.BadUserInput, "agreementID is set by the server from the price agreement in force").
				With("field", "agreementID")
		}
		l, err := readLine(ctx, m)
		if err != nil || l == nil {
			if err != nil {
				return nil, err
			}
			return next.Mutate(ctx, m)
		}
		offers, err := OffersInForce(ctx, m.Client(), l.customerID, l.productID, l.orderedAt)
		if err != nil {
			return nil, err
		}
		p, err := Price(Pick(offers, l.quantity), l.price, l.unit, l.currency, l.note, access.Manages(viewer.FromContext(ctx)))
		if err != nil {
			return nil, err
		}
		if p.Price != nil {
			m.SetUnitPrice(*p.Price)
		}
		if p.AgreementID != nil {
			m.SetAgreementID(*p.AgreementID)
		} else if m.Op().Is(ent.OpUpdateOne) {
			m.ClearAgreementID()
		}
		return next.Mutate(ctx, m)
	})
}

type lineFacts struct {
	customerID, productID pulid.ID
	quantity              float64
	unit, currency, note  string
	price                 *float64
	orderedAt             time.Time
}

// readLine is the line as it will be after the mutation, or nil when the mutation
// writes nothing the price depends on. On an update that leaves the price alone, a
// price taken from the agreement (no note) follows it (a new quantity break, say); a
// manager's price with its note stays, and is decided again.
func readLine(ctx context.Context, m *gen.OrderLineMutation) (*lineFacts, error) {
	_, p := m.ProductID()
	_, qn := m.Quantity()
	_, u := m.Unit()
	_, pr := m.UnitPrice()
	_, n := m.PriceNote()
	if !m.Op().Is(ent.OpCreate) && !p && !qn && !u && !pr && !n && !m.UnitPriceCleared() && !m.PriceNoteCleared() {
		return nil, nil
	}
	if !m.Op().Is(ent.OpCreate | ent.OpUpdateOne) {
		return nil, errcode.New(errcode.BadUserInput, "order lines are priced one at a time")
	}
	var l lineFacts
	var orderID pulid.ID
	if m.Op().Is(ent.OpUpdateOne) {
		id, _ := m.ID()
		old, err := m.Client().OrderLine.Get(access.System(ctx, "pricing an order line: the line as it is"), id)
		if err != nil {
			return nil, err
		}
		l.customerID, l.productID, l.quantity, l.unit, l.note, orderID = old.CustomerID, old.ProductID, old.Quantity, old.Unit, old.PriceNote, old.OrderID
		if old.PriceNote != "" {
			l.price = old.UnitPrice
		}
	}
	if v, ok := m.CustomerID(); ok {
		l.customerID = v
	}
	if v, ok := m.OrderID(); ok {
		orderID = v
	}
	if v, ok := m.ProductID(); ok {
		l.productID = v
	}
	if v, ok := m.Quantity(); ok {
		l.quantity = v
	}
	if v, ok := m.Unit(); ok {
		l.unit = v
	}
	if v, ok := m.UnitPrice(); ok {
		l.price = &v
	}
	if m.UnitPriceCleared() {
		l.price = nil
	}
	if v, ok := m.PriceNote(); ok {
		l.note = v
	}
	if m.PriceNoteCleared() {
		l.note = ""
	}
	o, err := m.Client().Order.Query().Where(order.ID(orderID)).
		Select(order.FieldCurrency, order.FieldOrderedAt).
		Only(access.System(ctx, "pricing an order line: its order's currency and date"))
	if err != nil {
		return nil, err
	}
	l.currency, l.orderedAt = o.Currency, o.OrderedAt
	return &l, nil
}

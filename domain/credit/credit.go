// Package credit is the credit we extend (账期、信用额度): an account's payment terms,
// which its orders take; the receipt of an invoiced order is due that many days after
// the invoice; and a credit limit on what the account may owe — its confirmed orders
// not yet paid — beyond which confirming another order is a manager's decision.
package credit

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"entgo.io/ent"

	"tandem/domain/access"
	"tandem/domain/history"
	"tandem/domain/money"
	gen "tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/errcode"
	"tandem/ent/hook"
	"tandem/ent/order"
	"tandem/ent/orderline"
	"tandem/ent/quotation"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
)

// DefaultPaymentDays is when a receipt is due when neither the order nor the account
// has terms on file.
const DefaultPaymentDays = 30

// Terms are the payment days an invoice is due in: the order's own (its contract's),
// else those of the price agreement its lines were priced under, else the account's;
// nil when none is on file (DueAt then gives DefaultPaymentDays).
func Terms(order, agreement, account *int) *int {
	for _, d := range []*int{order, agreement, account} {
		if d != nil {
			return d
		}
	}
	return nil
}

// InvoiceTerms reads the terms of an order being invoiced (see Terms).
func InvoiceTerms(ctx context.Context, c *gen.Client, o *gen.Order) (*int, error) {
	if o.PaymentDays != nil {
		return o.PaymentDays, nil
	}
	sys := access.System(ctx, "invoicing: the payment terms of the order's agreement and account")
	var agreement *int
	qt, err := c.Quotation.Query().
		Where(quotation.HasOrderLinesWith(orderline.OrderID(o.ID)), quotation.PaymentDaysNotNil()).
		Order(gen.Desc(quotation.FieldDecidedAt), gen.Desc(quotation.FieldID)).First(sys)
	switch {
	case err == nil:
		agreement = qt.PaymentDays
	case !gen.IsNotFound(err):
		return nil, err
	}
	cu, err := c.Customer.Query().Where(customer.ID(o.CustomerID)).Select(customer.FieldPaymentDays).Only(sys)
	if err != nil {
		return nil, err
	}
	return Terms(nil, agreement, cu.PaymentDays), nil
}

// DueAt is when the receipt of an order invoiced at invoiced is due.
func DueAt(invoiced time.Time, paymentDays *int) time.Time {
	d := DefaultPaymentDays
	if paymentDays != nil {
		d = *paymentDays
	}
	return invoiced.UTC().AddDate(0, 0, d)
}

// Amount is an order's value: the sum of its priced lines.
func Amount(lines []*gen.OrderLine) (total float64, unpriced int) {
	for _, l := range lines {
		if l.UnitPrice == nil {
			unpriced++
			continue
		}
		total += l.Quantity * *l.UnitPrice
	}
	return math.Round(total*100) / 100, unpriced
}

// Exposure is what an account owes: its confirmed orders not cancelled and not yet
// paid, in the limit's currency.
type Exposure struct {
	Open     float64
	Currency string
	// Orders counted; Unconverted of them in another currency with no rate on file
	// for their date (left out of Open: never converted at a guessed rate).
	Orders, Unconverted int
}

// Open reads an account's exposure in currency, leaving out one order (the one being
// confirmed). It reads every order of the account, whoever asks: a limit holds
// whatever the viewer may see.
func Open(ctx context.Context, c *gen.Client, customerID pulid.ID, currency string, except pulid.ID) (Exposure, error) {
	book, err := money.Load(ctx, c)
	if err != nil {
		return Exposure{}, err
	}
	return open(ctx, c, book, customerID, currency, except)
}

func open(ctx context.Context, c *gen.Client, book *money.Book, customerID pulid.ID, currency string, except pulid.ID) (Exposure, error) {
	sys := access.System(ctx, "credit: every unpaid order of the account counts")
	orders, err := c.Order.Query().
		Where(order.CustomerID(customerID), order.StatusNEQ(order.StatusCANCELLED), order.ConfirmedAtNotNil(),
			order.PaidAtIsNil(), order.IDNEQ(except)).
		WithLines().All(sys)
	if err != nil {
		return Exposure{}, err
	}
	e := Exposure{Currency: currency, Orders: len(orders)}
	for _, o := range orders {
		amount, _ := Amount(o.Edges.Lines)
		conv := book.Convert(amount, o.Currency, currency, o.OrderedAt)
		if !conv.Same && !conv.Converted {
			e.Unconverted++
			continue
		}
		e.Open += conv.Amount
	}
	e.Open = math.Round(e.Open*100) / 100
	return e, nil
}

// Decision is whether an order may be confirmed under the account's limit.
type Decision struct {
	Over   bool
	Reason string // why it is over, for the message and the order event
}

// Decide weighs an order of amount (already in the limit's currency, converted says
// whether it could be) against the limit and the exposure. No limit: nothing to decide.
// Amounts that could not be converted make the exposure unknown, which a manager
// weighs like an excess.
func Decide(limit *float64, e Exposure, amount float64, converted bool) Decision {
	if limit == nil {
		return Decision{}
	}
	cur := e.Currency
	switch {
	case !converted || e.Unconverted > 0:
		return Decision{Over: true, Reason: fmt.Sprintf("the exposure against the credit limit of %s %s is unknown: an amount has no exchange rate on file for its date", fmtAmount(*limit), cur)}
	case e.Open+amount > *limit+1e-9:
		return Decision{Over: true, Reason: fmt.Sprintf("owed %s + this order %s = %s %s, over the credit limit of %s %s",
			fmtAmount(e.Open), fmtAmount(amount), fmtAmount(e.Open+amount), cur, fmtAmount(*limit), cur)}
	}
	return Decision{}
}

func fmtAmount(v float64) string { return fmt.Sprintf("%.2f", v) }

// ConfirmGate is the credit check of confirming order o: over the account's limit,
// only a manager confirms, and says why (the note goes into the order's history).
func ConfirmGate(ctx context.Context, c *gen.Client, o *gen.Order, note *string) error {
	sys := access.System(ctx, "credit: the account's limit")
	cu, err := c.Customer.Query().Where(customer.ID(o.CustomerID)).
		Select(customer.FieldCreditLimit, customer.FieldCreditCurrency).Only(sys)
	if err != nil {
		return err
	}
	if cu.CreditLimit == nil {
		return nil
	}
	book, err := money.Load(ctx, c)
	if err != nil {
		return err
	}
	e, err := open(ctx, c, book, o.CustomerID, cu.CreditCurrency, o.ID)
	if err != nil {
		return err
	}
	lines, err := c.OrderLine.Query().Where(orderline.OrderID(o.ID)).All(sys)
	if err != nil {
		return err
	}
	amount, _ := Amount(lines)
	conv := book.Convert(amount, o.Currency, cu.CreditCurrency, o.OrderedAt)
	d := Decide(cu.CreditLimit, e, conv.Amount, conv.Same || conv.Converted)
	if !d.Over {
		return nil
	}
	// The figures go with the refusal, for the app to say them in its language.
	figures := func(err *errcode.Error) *errcode.Error {
		return err.With("creditLimit", *cu.CreditLimit).With("open", e.Open).With("amount", conv.Amount).
			With("currency", cu.CreditCurrency).With("exposureUnknown", e.Unconverted > 0 || !(conv.Same || conv.Converted))
	}
	if !access.Manages(viewer.FromContext(ctx)) {
		return figures(errcode.New(errcode.Forbidden, "%s: a manager confirms this order", d.Reason).With("field", "step"))
	}
	if note == nil || strings.TrimSpace(*note) == "" {
		return figures(errcode.New(errcode.BadUserInput, "%s: say why you confirm it (note)", d.Reason).With("field", "note"))
	}
	return nil
}

// Guard keeps the credit a manager's: only managers and admins set or clear an
// account's credit limit and its currency (history being imported and the server's
// own records keep theirs); an order's receipt date is set by the invoice step only.
func Guard(next ent.Mutator) ent.Mutator {
	return hook.CustomerFunc(func(ctx context.Context, m *gen.CustomerMutation) (gen.Value, error) {
		if history.Is(ctx) || access.IsSystem(ctx) {
			return next.Mutate(ctx, m)
		}
		_, limit := m.CreditLimit()
		_, cur := m.CreditCurrency()
		if (limit || cur || m.CreditLimitCleared()) && !access.Manages(viewer.FromContext(ctx)) {
			if m.Op().Is(ent.OpCreate) && !limit {
				return next.Mutate(ctx, m) // the default currency of a new account
			}
			return nil, errcode.New(errcode.Forbidden, "creditLimit: the credit we extend is set by a manager").With("field", "creditLimit")
		}
		if c, ok := m.CreditCurrency(); ok && !money.ValidCode(money.Code(c)) {
			return nil, errcode.New(errcode.BadUserInput, "creditCurrency: %q is not an ISO 4217 code such as CNY or USD", c).With("field", "creditCurrency")
		} else if ok {
			m.SetCreditCurrency(money.Code(c))
		}
		return next.Mutate(ctx, m)
	})
}

// OrderTerms refuses a receipt date written by anything but the invoice step.
func OrderTerms(next ent.Mutator) ent.Mutator {
	return hook.OrderFunc(func(ctx context.Context, m *gen.OrderMutation) (gen.Value, error) {
		if history.Is(ctx) || access.IsSystem(ctx) {
			return next.Mutate(ctx, m)
		}
		if _, set := m.PaymentDueAt(); (set || m.PaymentDueAtCleared()) && !invoicing(ctx) {
			return nil, errcode.New(errcode.BadUserInput, "paymentDueAt is set when the invoice is issued (completeOrderStep INVOICED)").
				With("field", "paymentDueAt")
		}
		return next.Mutate(ctx, m)
	})
}

type invoicingKey struct{}

// Invoicing marks the invoice step's own write of the receipt date.
func Invoicing(ctx context.Context) context.Context {
	return context.WithValue(ctx, invoicingKey{}, true)
}

func invoicing(ctx context.Context) bool { v, _ := ctx.Value(invoicingKey{}).(bool); return v }

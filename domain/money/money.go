// Package money (币种) keeps amounts in different currencies apart. An aggregate
// never adds USD to CNY: it groups by currency, or converts every amount with the
// exchange rate valid at the amount's own date — rates an admin keeps as dated,
// append-only history (setExchangeRate) — and says which rates it used and which
// amounts it could not convert for want of a rate. An amount with no rate on file is
// never converted at a guessed rate.
package money

import (
	"context"
	"math"
	"slices"
	"strings"
	"time"

	"entgo.io/ent"

	"tandem/domain/access"
	gen "tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/exchangerate"
	"tandem/ent/hook"
	"tandem/ent/viewer"
)

// Rate is a rate applied: one unit of From is worth Rate units of To, from ValidFrom.
type Rate struct {
	From, To  string
	Rate      float64
	ValidFrom time.Time
}

// Conversion is an amount converted, or not.
type Conversion struct {
	// Amount is in the target currency when Converted or Same, else in the original.
	Amount float64
	// Same: the amount already was in the target currency.
	Same bool
	// Converted: a rate was applied (Rate says which).
	Converted bool
	Rate      Rate
}

// Book is every exchange rate on file, read once to convert many amounts.
type Book struct{ rates map[[2]string][]Rate } // by (from, to), newest valid_from first

// Load reads the rates. Every one of our people may have amounts converted: the
// rates are read past the access table (only admins and managers list them).
func Load(ctx context.Context, c *gen.Client) (*Book, error) {
	sys := access.System(ctx, "converting amounts: the exchange rates apply to everyone's figures")
	rs, err := c.ExchangeRate.Query().
		Order(exchangerate.ByValidFrom(), exchangerate.ByCreatedAt(), exchangerate.ByID()).
		All(sys)
	if err != nil {
		return nil, err
	}
	b := &Book{rates: map[[2]string][]Rate{}}
	for _, r := range rs {
		k := [2]string{r.FromCurrency, r.ToCurrency}
		// Ascending order: a later row for the same day supersedes the earlier one.
		b.rates[k] = append([]Rate{{From: r.FromCurrency, To: r.ToCurrency, Rate: r.Rate, ValidFrom: r.ValidFrom}}, b.rates[k]...)
	}
	return b, nil
}

// RateAt is the rate from one currency to another valid at a moment: the newest
// whose day has begun. The inverse of a rate on file serves the other way when no
// direct rate is on file. ok is false when there is none.
func (b *Book) RateAt(from, to string, at time.Time) (Rate, bool) {
	from, to = Code(from), Code(to)
	if r, ok := newestBefore(b.rates[[2]string{from, to}], at); ok {
		return r, true
	}
	if r, ok := newestBefore(b.rates[[2]string{to, from}], at); ok {
		return Rate{From: from, To: to, Rate: 1 / r.Rate, ValidFrom: r.ValidFrom}, true
	}
	return Rate{}, false
}

func newestBefore(rs []Rate, at time.Time) (Rate, bool) {
	for _, r := range rs {
		if !r.ValidFrom.After(at) {
			return r, true
		}
	}
	return Rate{}, false
}

// Convert converts an amount dated at into the currency to. With no rate valid at
// that date the amount is returned as it is, not converted (Converted and Same false).
func (b *Book) Convert(amount float64, from, to string, at time.Time) Conversion {
	if Code(from) == Code(to) {
		return Conversion{Amount: amount, Same: true}
	}
	r, ok := b.RateAt(from, to, at)
	if !ok {
		return Conversion{Amount: amount}
	}
	return Conversion{Amount: amount * r.Rate, Converted: true, Rate: r}
}

// Convert converts one amount with the rates on file (see Book.Convert).
func Convert(ctx context.Context, c *gen.Client, amount float64, from, to string, at time.Time) (Conversion, error) {
	b, err := Load(ctx, c)
	if err != nil {
		return Conversion{}, err
	}
	return b.Convert(amount, from, to, at), nil
}

// Code is a currency code as stored: trimmed and upper-cased.
func Code(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

// ValidCode reports whether s is a three-letter ISO 4217 code (after Code).
func ValidCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// Day is the UTC day a rate applies from.
func Day(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// SetInput is a new dated rate.
type SetInput struct {
	From, To  string
	Rate      float64
	ValidFrom time.Time
	Source    string
}

// SetRate records a dated exchange rate (setExchangeRate). The access table lets
// admins alone write rates; Record checks the values, for every writer.
func SetRate(ctx context.Context, c *gen.Client, in SetInput) (*gen.ExchangeRate, error) {
	q := c.ExchangeRate.Create().SetFromCurrency(in.From).SetToCurrency(in.To).SetRate(in.Rate).SetValidFrom(in.ValidFrom)
	if in.Source != "" {
		q.SetSource(in.Source)
	}
	return q.Save(ctx)
}

// Record is the ExchangeRate create hook: codes are three letters, upper-cased, two
// different currencies; the rate is a finite positive number; the rate applies from
// the start of its day; who recorded it is the viewer.
func Record(next ent.Mutator) ent.Mutator {
	return hook.ExchangeRateFunc(func(ctx context.Context, m *gen.ExchangeRateMutation) (gen.Value, error) {
		from, _ := m.FromCurrency()
		to, _ := m.ToCurrency()
		from, to = Code(from), Code(to)
		for _, f := range []struct{ field, code string }{{"fromCurrency", from}, {"toCurrency", to}} {
			if !ValidCode(f.code) {
				return nil, errcode.New(errcode.BadUserInput, "%q is not a currency code: use three letters (ISO 4217, e.g. CNY, USD)", f.code).With("field", f.field)
			}
		}
		if from == to {
			return nil, errcode.New(errcode.BadUserInput, "a rate converts between two different currencies").With("field", "toCurrency")
		}
		rate, _ := m.Rate()
		if rate <= 0 || math.IsInf(rate, 0) || math.IsNaN(rate) {
			return nil, errcode.New(errcode.BadUserInput, "the rate must be a positive number").With("field", "rate")
		}
		m.SetFromCurrency(from)
		m.SetToCurrency(to)
		if at, ok := m.ValidFrom(); ok {
			m.SetValidFrom(Day(at))
		}
		if v := viewer.FromContext(ctx); v != nil && v.UserID != "" {
			m.SetCreatedByID(v.UserID)
		}
		return next.Mutate(ctx, m)
	})
}

// AppendOnly is the ExchangeRate update and delete hook: a rate is history, figures
// were converted with it; a correction is a new rate from its day.
func AppendOnly(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		return nil, errcode.New(errcode.BadUserInput,
			"exchange rates are history and are not changed or deleted: record a new rate with setExchangeRate from the day it applies")
	})
}

// Majority is the currency most amounts are in; on a tie, the latest's.
func Majority(currencies []string) string {
	count := map[string]int{}
	best := ""
	for _, c := range currencies {
		count[Code(c)]++
	}
	for i := len(currencies) - 1; i >= 0; i-- {
		c := Code(currencies[i])
		if best == "" || count[c] > count[best] {
			best = c
		}
	}
	return best
}

// Rates lists rates used, each once, oldest first.
func Rates(rs []Rate) []Rate {
	out := []Rate{}
	for _, r := range rs {
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b Rate) int { return a.ValidFrom.Compare(b.ValidFrom) })
	return out
}

// Dated is an amount in a currency at a moment (a price point, an order's value).
type Dated struct {
	Amount   float64
	Currency string
	At       time.Time
}

// Series is a run of dated amounts brought into one currency.
type Series struct {
	// Currency is the one the amounts are in: the majority currency of the run.
	Currency string
	// Amounts are the amounts kept, in Currency, with their index in the run.
	Amounts []Dated
	Index   []int
	// Converted: some were converted with Rates.
	Converted bool
	Rates     []Rate
	// LeftOut are the amounts of other currencies with no rate on file at their date.
	LeftOut []Dated
}

// OneCurrency brings a run of amounts into its majority currency: amounts in other
// currencies are converted with the rate valid at their date, or left out (and
// listed) when there is none. A price trend is then computed on comparable prices:
// one point in USD among CNY points neither hides the trend nor skews it.
func (b *Book) OneCurrency(run []Dated) Series {
	cur := make([]string, len(run))
	for i, d := range run {
		cur[i] = d.Currency
	}
	s := Series{Currency: Majority(cur)}
	var used []Rate
	for i, d := range run {
		c := b.Convert(d.Amount, d.Currency, s.Currency, d.At)
		if !c.Same && !c.Converted {
			s.LeftOut = append(s.LeftOut, Dated{Amount: d.Amount, Currency: Code(d.Currency), At: d.At})
			continue
		}
		if c.Converted {
			s.Converted = true
			used = append(used, c.Rate)
		}
		s.Amounts = append(s.Amounts, Dated{Amount: c.Amount, Currency: s.Currency, At: d.At})
		s.Index = append(s.Index, i)
	}
	s.Rates = Rates(used)
	return s
}

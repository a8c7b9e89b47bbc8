// Package quotation is a price offer held for a period (价格一定时期内稳定) and the price
// agreement it becomes when accepted. A quotation is drafted, sent, then accepted or
// rejected by the customer, or expires unanswered; a revision replaces it. Its status
// moves only through this package's operations (Guard refuses any other writer), and
// an order line of a product under an agreement in force takes the agreed price: a
// different one needs a reason and a manager (LinePrice).
package quotation

import (
	"fmt"
	"math"
	"strings"
	"time"

	"tandem/domain/money"
	"tandem/domain/move"
	"tandem/ent/errcode"
	q "tandem/ent/quotation"
	"tandem/ent/schema/pulid"
)

const (
	// MaxLines is the most lines (products × quantity breaks) one quotation holds.
	MaxLines = 60
	// MaxValidity is the longest period a quotation's prices may be held.
	MaxValidity = 3 * 366 * 24 * time.Hour
	// ExpiryWarningDays: an agreement ending within this many days is on its
	// accounts' Today, to be renewed in time.
	ExpiryWarningDays = 30
)

// Next is the lifecycle: the statuses a quotation may move to from each.
func Next(from q.Status) []q.Status {
	switch from {
	case q.StatusDRAFT:
		return []q.Status{q.StatusSENT}
	case q.StatusSENT:
		return []q.Status{q.StatusACCEPTED, q.StatusREJECTED, q.StatusEXPIRED, q.StatusSUPERSEDED}
	case q.StatusACCEPTED:
		// A revision accepted in its place ends the agreement.
		return []q.Status{q.StatusSUPERSEDED}
	}
	return nil
}

// Table is the lifecycle for move's conflict reporting.
var Table = move.Table{
	States: []string{string(q.StatusDRAFT), string(q.StatusSENT), string(q.StatusACCEPTED), string(q.StatusREJECTED),
		string(q.StatusEXPIRED), string(q.StatusSUPERSEDED)},
	Next: func(from string) []string {
		var out []string
		for _, s := range Next(q.Status(from)) {
			out = append(out, string(s))
		}
		return out
	},
}

// Terms is what a draft says apart from its lines.
type Terms struct {
	CustomerID    pulid.ID
	SampleID      *pulid.ID
	Currency      string
	Incoterm      *q.Incoterm
	IncotermPlace string
	PaymentDays   *int
	PaymentTerms  string
	ValidFrom     time.Time
	ValidUntil    time.Time
	Notes         string
}

// Line is one price of a draft: a product (and grade) from a quantity on.
type Line struct {
	ProductID   pulid.ID
	Grade       string
	MinQuantity float64
	Unit        string
	UnitPrice   float64
	Note        string
}

// Draft is a quotation as written: its terms and its lines.
type Draft struct {
	Terms
	Lines []Line
}

func bad(field, format string, args ...any) error {
	return errcode.New(errcode.BadUserInput, field+": "+format, args...).With("field", field)
}

// Normalize trims and upper-cases what the person typed, and fills defaults.
func (d *Draft) Normalize() {
	d.Currency = money.Code(d.Currency)
	if d.Currency == "" {
		d.Currency = "CNY"
	}
	d.IncotermPlace = strings.TrimSpace(d.IncotermPlace)
	d.PaymentTerms = strings.TrimSpace(d.PaymentTerms)
	d.Notes = strings.TrimSpace(d.Notes)
	for i := range d.Lines {
		l := &d.Lines[i]
		l.Grade, l.Note = strings.TrimSpace(l.Grade), strings.TrimSpace(l.Note)
		l.Unit = strings.TrimSpace(l.Unit)
		if l.Unit == "" {
			l.Unit = "kg"
		}
	}
}

// Check refuses a draft that cannot be offered: an unknown currency, a period that
// ends before it starts or runs longer than MaxValidity, no lines or too many, a price
// that is not positive, two prices for the same product, grade, unit and quantity.
func (d Draft) Check() error {
	if !money.ValidCode(d.Currency) {
		return bad("currency", "%q is not an ISO 4217 code such as CNY, USD or EUR", d.Currency)
	}
	if d.ValidFrom.IsZero() || d.ValidUntil.IsZero() {
		return bad("validUntil", "give the period the prices hold, from and until")
	}
	if !d.ValidUntil.After(d.ValidFrom) {
		return bad("validUntil", "the period ends (%s) before it starts (%s)", day(d.ValidUntil), day(d.ValidFrom))
	}
	if d.ValidUntil.Sub(d.ValidFrom) > MaxValidity {
		return bad("validUntil", "prices are held for at most three years")
	}
	if d.PaymentDays != nil && (*d.PaymentDays < 0 || *d.PaymentDays > 365) {
		return bad("paymentDays", "from 0 to 365 days")
	}
	if len(d.Lines) == 0 {
		return bad("lines", "a quotation needs at least one product and price")
	}
	if len(d.Lines) > MaxLines {
		return bad("lines", "at most %d lines (got %d)", MaxLines, len(d.Lines))
	}
	seen := map[string]int{}
	for i, l := range d.Lines {
		f := fmt.Sprintf("lines[%d]", i)
		if !l.ProductID.Valid() {
			return bad(f+".productID", "choose a product")
		}
		if !(l.UnitPrice > 0) || math.IsInf(l.UnitPrice, 0) {
			return bad(f+".unitPrice", "a price above zero (got %v)", l.UnitPrice)
		}
		if l.MinQuantity < 0 || math.IsNaN(l.MinQuantity) || math.IsInf(l.MinQuantity, 0) {
			return bad(f+".minQuantity", "zero or more (got %v)", l.MinQuantity)
		}
		k := fmt.Sprintf("%s|%s|%s|%g", l.ProductID, strings.ToLower(l.Grade), strings.ToLower(l.Unit), l.MinQuantity)
		if j, dup := seen[k]; dup {
			return bad(f+".minQuantity", "lines %d and %d give the same product, grade, unit and quantity two prices", j+1, i+1)
		}
		seen[k] = i
	}
	return nil
}

// Number is a new quotation's number: the day and the tail of its ID (Q-261205-7KQ2M),
// kept by its revisions.
func Number(id pulid.ID, now time.Time) string {
	s := string(id)
	if len(s) > 5 {
		s = s[len(s)-5:]
	}
	return "Q-" + now.UTC().Format("060102") + "-" + strings.ToUpper(s)
}

// InForce reports whether an accepted quotation's prices hold at t.
func InForce(status q.Status, from, until, t time.Time) bool {
	return status == q.StatusACCEPTED && !t.Before(from) && !t.After(until)
}

func day(t time.Time) string { return t.UTC().Format("2006-01-02") }

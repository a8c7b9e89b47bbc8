package graph

import (
	"strings"
	"unicode/utf8"

	"entgo.io/ent/dialect/sql"

	"tandem/domain/access"
	"tandem/domain/search"
	"tandem/ent/contact"
	"tandem/ent/customer"
	"tandem/ent/errcode"
	"tandem/ent/order"
	"tandem/ent/predicate"
	"tandem/ent/product"
	"tandem/ent/sample"
	"tandem/ent/shipment"
	"tandem/ent/viewer"
)

// SearchMaxRunes is the longest search text: a name, a number, a few words.
const SearchMaxRunes = 100

// scoped narrows a relation filter to the related rows the viewer reads (as
// access.ScopeWhere does for the generated filters); false when they read none. Rows
// that are exactly those of the accounts the viewer reads need no narrowing: the
// policy already narrows the accounts they lead to (access.OfReadAccounts), and a
// second narrowing in each subquery made a rep's search 4 times an admin's.
func scoped[P ~func(*sql.Selector)](v *viewer.Viewer, typ string, p P) (P, bool) {
	rows := access.RowsOf(v, typ)
	switch {
	case rows.IsNone():
		return nil, false
	case rows.IsAll(), access.OfReadAccounts(v, typ):
		return p, true
	}
	narrow := rows.Predicate()
	return func(s *sql.Selector) { p(s); narrow(s) }, true
}

// dialable is the digits of a text that reads as a phone number (4 digits or more,
// with the spaces, dashes and brackets people type), else "".
func dialable(s string) string {
	d := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '(', ')', '+', '.':
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if len(d) < 4 || strings.Trim(d, "0123456789") != "" {
		return ""
	}
	return d
}

// customerSearch is the filter of CustomerWhereInput.search: for our own people, the
// accounts whose names match the folded text (domain/search), or whose contacts,
// order and tracking numbers or sampled products do — each narrowed to the rows the
// viewer reads; for a partner, the names it reads, as typed. Nil for a text that
// folds to nothing.
func customerSearch(v *viewer.Viewer, text string) (predicate.Customer, error) {
	if utf8.RuneCountInString(text) > SearchMaxRunes {
		return nil, errcode.New(errcode.BadUserInput, "search: at most %d characters", SearchMaxRunes).With("field", "search")
	}
	q := search.Fold(text)
	if q == "" {
		return nil, nil
	}
	raw := strings.TrimSpace(text)
	if v == nil || !v.Internal() {
		// A partner reads the account's name and English name only: the key also holds
		// our short name for it, which a search must not reveal letter by letter.
		return customer.Or(customer.NameContainsFold(raw), customer.NameEnContainsFold(raw)), nil
	}
	ors := []predicate.Customer{customer.SearchKeyContains(q)}
	people := []predicate.Contact{contact.SearchKeyContains(q)}
	if d := dialable(text); d != "" {
		people = append(people, contact.MobileContains(d), contact.PhoneContains(d), contact.MobileContains(raw), contact.PhoneContains(raw))
	}
	if p, ok := scoped(v, "Contact", contact.Or(people...)); ok {
		ors = append(ors, inRows[predicate.Customer](customer.FieldID, contact.Table, contact.FieldCustomerID, p))
	}
	if p, ok := scoped(v, "Order", order.NumberContainsFold(raw)); ok {
		ors = append(ors, inRows[predicate.Customer](customer.FieldID, order.Table, order.FieldCustomerID, p))
	}
	if p, ok := scoped(v, "Shipment", shipment.TrackingNoContainsFold(raw)); ok {
		ors = append(ors, inRows[predicate.Customer](customer.FieldID, shipment.Table, shipment.FieldCustomerID, p))
	}
	if pr, ok := scoped(v, "Product", product.Or(product.SearchKeyContains(q), product.CodeContainsFold(raw))); ok {
		sampled := inRows[predicate.Sample](sample.FieldProductID, product.Table, product.FieldID, pr)
		if p, ok := scoped(v, "Sample", sampled); ok {
			ors = append(ors, inRows[predicate.Customer](customer.FieldID, sample.Table, sample.FieldCustomerID, p))
		}
	}
	return customer.Or(ors...), nil
}

// inRows is "column IN (SELECT key FROM table WHERE where)": the related rows are
// found once per statement, not once per account as a has…With's EXISTS is (at
// 100,000 accounts, a scan of each table instead of 100,000 lookups into each).
func inRows[P ~func(*sql.Selector)](column, table, key string, where func(*sql.Selector)) P {
	return func(s *sql.Selector) {
		t := sql.Table(table)
		sub := sql.Select(t.C(key)).From(t)
		where(sub)
		s.Where(sql.In(s.C(column), sub))
	}
}

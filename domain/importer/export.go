package importer

import (
	"context"
	"strconv"
	"strings"
	"time"

	"tandem/ent"
	"tandem/ent/contact"
	"tandem/ent/customer"
	"tandem/ent/product"
	"tandem/ent/schema/pulid"
)

// ExportKinds are the kinds that export, by their URL name (lower case, dashes): every
// kind that imports.
var ExportKinds = map[string]Kind{
	"customers": Customers, "contacts": Contacts, "key-persons": KeyPersons, "products": Products,
	"prices": Prices, "orders": Orders, "interactions": Interactions,
}

// ExportPage is how many records one page of an export reads: memory stays bounded by
// a page whatever the size of the book, and each page costs the same few statements
// (its edges are loaded per page, not per row).
var ExportPage = 2000

// Emit receives the rows of an export one by one, the header first.
type Emit func(row []string) error

// exportRow turns a record's values (by field key) into a row of the kind's columns.
type exportRow func(vals map[string]string) error

// Export emits the rows of kind the viewer in ctx reads (privacy applies), under the
// column table's labels in lang, so that the file imports back unchanged: each cell
// is written as the importer of the kind reads it (docs/import.md).
func Export(ctx context.Context, c *ent.Client, k Kind, lang string, emit Emit) error {
	fields := FieldsOf(k)
	header := make([]string, len(fields))
	for i, f := range fields {
		header[i] = f.Label(lang)
	}
	if err := emit(header); err != nil {
		return err
	}
	row := func(vals map[string]string) error {
		r := make([]string, len(fields))
		for i, f := range fields {
			r[i] = strings.TrimSpace(vals[f.Key])
		}
		return emit(r)
	}
	switch k {
	case Customers:
		return exportCustomers(ctx, c, row)
	case Contacts:
		return exportContacts(ctx, c, row)
	case Products:
		return exportProducts(ctx, c, row)
	case KeyPersons:
		return exportKeyPersons(ctx, c, lang, row)
	case Prices:
		return exportPrices(ctx, c, row)
	case Orders:
		return exportOrders(ctx, c, lang, row)
	case Interactions:
		return exportInteractions(ctx, c, lang, row)
	}
	return nil
}

// pages reads records page after page in ID order: page returns the records after an
// ID (all from the start for ""), at most ExportPage of them.
func pages[T any](ctx context.Context, page func(after pulid.ID) ([]T, error), id func(T) pulid.ID, each func(T) error) error {
	var after pulid.ID
	for {
		items, err := page(after)
		if err != nil {
			return err
		}
		for _, it := range items {
			if err := each(it); err != nil {
				return err
			}
		}
		if len(items) < ExportPage {
			return nil
		}
		after = id(items[len(items)-1])
	}
}

// accountCell names an account as the importers find it: by credit code when it has
// one, else by name.
func accountCell(cu *ent.Customer) string {
	if cu == nil {
		return ""
	}
	if cu.CreditCode != "" {
		return cu.CreditCode
	}
	return cu.Name
}

// day writes a date as ParseDate reads it, in UTC like the importers' natural keys.
func day(t time.Time) string { return t.UTC().Format("2006-01-02") }

func dayOf(t *time.Time) string {
	if t == nil {
		return ""
	}
	return day(*t)
}

// number writes a float with the fewest digits that read back as the same float.
func number(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func exportCustomers(ctx context.Context, c *ent.Client, row exportRow) error {
	page := func(after pulid.ID) ([]*ent.Customer, error) {
		return c.Customer.Query().Where(customer.IDGT(after)).Order(customer.ByID()).Limit(ExportPage).WithOwner().All(ctx)
	}
	return pages(ctx, page, func(cu *ent.Customer) pulid.ID { return cu.ID }, func(cu *ent.Customer) error {
		vals := map[string]string{"name": cu.Name, "creditCode": cu.CreditCode}
		for key, f := range customerText {
			vals[key] = f.get(cu)
		}
		if cu.Edges.Owner != nil {
			vals["owner"] = cu.Edges.Owner.Email
		}
		return row(vals)
	})
}

func exportContacts(ctx context.Context, c *ent.Client, row exportRow) error {
	page := func(after pulid.ID) ([]*ent.Contact, error) {
		return c.Contact.Query().Where(contact.IDGT(after)).Order(contact.ByID()).Limit(ExportPage).WithCustomer().All(ctx)
	}
	return pages(ctx, page, func(co *ent.Contact) pulid.ID { return co.ID }, func(co *ent.Contact) error {
		vals := map[string]string{"name": co.Name, "customer": accountCell(co.Edges.Customer)}
		for key, f := range contactText {
			vals[key] = f.get(co)
		}
		return row(vals)
	})
}

func exportProducts(ctx context.Context, c *ent.Client, row exportRow) error {
	page := func(after pulid.ID) ([]*ent.Product, error) {
		return c.Product.Query().Where(product.IDGT(after)).Order(product.ByID()).Limit(ExportPage).All(ctx)
	}
	return pages(ctx, page, func(p *ent.Product) pulid.ID { return p.ID }, func(p *ent.Product) error {
		vals := map[string]string{"code": p.Code}
		for key, f := range productText {
			vals[key] = f.get(p)
		}
		for _, f := range productStock {
			if n := f.get(p); n != nil {
				vals[f.key] = strconv.FormatFloat(*n, 'f', -1, 64)
			}
		}
		return row(vals)
	})
}

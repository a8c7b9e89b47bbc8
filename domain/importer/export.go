package importer

import (
	"context"
	"strings"

	"tandem/ent"
	"tandem/ent/contact"
	"tandem/ent/customer"
	"tandem/ent/product"
)

// ExportKinds are the kinds that export, by their URL name (lower case, dashes).
var ExportKinds = map[string]Kind{"customers": Customers, "contacts": Contacts, "products": Products}

// Export returns the rows of kind the viewer in ctx reads (privacy applies), with
// the column table's labels in lang as the header, so that the file imports back
// unchanged.
func Export(ctx context.Context, c *ent.Client, k Kind, lang string) ([][]string, error) {
	fields := FieldsOf(k)
	header := make([]string, len(fields))
	for i, f := range fields {
		header[i] = f.Label(lang)
	}
	out := [][]string{header}
	row := func(vals map[string]string) {
		r := make([]string, len(fields))
		for i, f := range fields {
			r[i] = vals[f.Key]
		}
		out = append(out, r)
	}
	switch k {
	case Customers:
		cs, err := c.Customer.Query().WithOwner().Order(customer.ByName(), customer.ByID()).All(ctx)
		if err != nil {
			return nil, err
		}
		for _, cu := range cs {
			vals := map[string]string{"name": cu.Name, "creditCode": cu.CreditCode}
			for key, f := range customerText {
				vals[key] = f.get(cu)
			}
			if cu.Edges.Owner != nil {
				vals["owner"] = cu.Edges.Owner.Email
			}
			row(vals)
		}
	case Contacts:
		cs, err := c.Contact.Query().WithCustomer().Order(contact.ByCustomerID(), contact.ByName(), contact.ByID()).All(ctx)
		if err != nil {
			return nil, err
		}
		for _, co := range cs {
			vals := map[string]string{"name": co.Name}
			if cu := co.Edges.Customer; cu != nil {
				vals["customer"] = cu.Name
				if cu.CreditCode != "" {
					vals["customer"] = cu.CreditCode
				}
			}
			for key, f := range contactText {
				vals[key] = f.get(co)
			}
			row(vals)
		}
	case Products:
		ps, err := c.Product.Query().Order(product.ByCode()).All(ctx)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			vals := map[string]string{"code": p.Code}
			for key, f := range productText {
				vals[key] = f.get(p)
			}
			row(vals)
		}
	}
	for _, r := range out[1:] {
		for i := range r {
			r[i] = strings.TrimSpace(r[i])
		}
	}
	return out, nil
}

// Package marketinfo is the sharing of market information with customers (信息交流):
// industry knowledge goes to customers, another customer's business never does
// (相关客户信息交流，不涉及泄密). The MarketInfoShare hook calls CheckShare, so every
// way of recording a share obeys it.
package marketinfo

import (
	"context"
	"strings"

	"tandem/domain/access"
	"tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/errcode"
	"tandem/ent/schema/names"
	"tandem/ent/schema/pulid"
)

// Share is what a share says: which information goes to which customer, with what
// note, and whether the rep confirmed sharing text that names other customers.
type Share struct {
	MarketInfo   pulid.ID
	Recipient    pulid.ID
	Note         string
	Acknowledged bool
}

// CheckShare refuses to share information learned in confidence, and text that names
// another customer unless the rep acknowledged it. It returns the names found, to be
// recorded on the share.
func CheckShare(ctx context.Context, c *ent.Client, s Share) ([]string, error) {
	sys := access.System(ctx, "market information: checking a share against every customer's name")
	mi, err := c.MarketInfo.Get(sys, s.MarketInfo)
	if err != nil {
		return nil, err
	}
	if mi.ConfidentialOrigin {
		return nil, errcode.New(errcode.BadUserInput, "this information was learned in confidence and cannot be shared").With("field", "marketInfoID")
	}
	named, err := NamedCustomers(sys, c, mi.Title+"\n"+mi.Body+"\n"+s.Note, s.Recipient)
	if err != nil {
		return nil, err
	}
	if len(named) > 0 && !s.Acknowledged {
		return nil, errcode.New(errcode.BadUserInput,
			"the information names other customers (%s): share industry knowledge, never another customer's business; "+
				"if it shares nothing of theirs, confirm with namesAcknowledged", strings.Join(named, ", ")).
			With("field", "namesAcknowledged").With("namedCustomers", named)
	}
	return named[:min(len(named), maxNamed)], nil
}

// maxNamed is how many names a share records (MarketInfoShare.namedCustomers).
const maxNamed = 100

// NamedCustomers lists the customers other than except that text names, by full
// (English) name or short name, each as it appears in the text.
func NamedCustomers(ctx context.Context, c *ent.Client, text string, except pulid.ID) ([]string, error) {
	all, err := c.Customer.Query().Where(customer.IDNEQ(except)).Select(customer.FieldName, customer.FieldNameEn).All(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	seen := map[string]bool{}
	for _, cu := range all {
		for _, n := range []string{cu.Name, cu.NameEn} {
			if n == "" {
				continue
			}
			if found := names.Mentioned(text, n); found != "" && !seen[found] {
				seen[found] = true
				out = append(out, found)
			}
		}
	}
	return out, nil
}

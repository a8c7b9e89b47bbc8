package account

import (
	"context"
	"fmt"
	"strings"

	"entgo.io/ent/dialect/sql"

	"tandem/domain/access"
	gen "tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/predicate"
	"tandem/ent/schema/names"
	"tandem/ent/schema/pulid"
)

// Duplicate is an account that may be the same company as a name being entered.
type Duplicate struct {
	// Account is the account read past the access table: only its name and owner
	// may be shown to a viewer who does not see it (see Visible).
	Account *gen.Customer
	// Visible is the account when the viewer may see it.
	Visible *gen.Customer
	// Reason is SAME_NAME, SAME_CORE, SHORT_NAME or SAME_DOMAIN.
	Reason string
	// Core explains SAME_CORE and SHORT_NAME: the two cores ("华塑" or "华塑 / 华塑控股").
	Core string
}

// FindDuplicates finds the accounts that may be the same company as name (and
// website): the same folded name, a matching core name (MatchNames) or the same web
// domain. It searches every account — a rep must learn that another team already
// works with the company — in one query on the stored folded and core names, then
// keeps the candidates MatchNames accepts.
func FindDuplicates(ctx context.Context, c *gen.Client, name, website string, except pulid.ID) ([]Duplicate, error) {
	sys := access.System(ctx, "duplicate check: a rep must learn that another team already works with the company")
	var preds []predicate.Customer
	folded := names.Fold(name)
	if folded != "" {
		preds = append(preds, customer.NormalizedName(folded))
	}
	key := DuplicateKey(name)
	if key.Core != "" {
		core := key.Core
		preds = append(preds, customer.CoreName(core), customer.CoreNameHasPrefix(core),
			// A stored core that begins the one entered (华塑 when 华塑控股 is entered).
			func(s *sql.Selector) {
				col := s.C(customer.FieldCoreName)
				s.Where(sql.And(sql.NEQ(col, ""), sql.P(func(b *sql.Builder) {
					b.Arg(core).WriteString(" LIKE ").WriteString(col).WriteString(" || '%'")
				})))
			})
	}
	domain := names.Domain(website)
	if domain != "" && strings.Contains(domain, ".") {
		preds = append(preds, customer.WebsiteContainsFold(domain))
	}
	if len(preds) == 0 {
		return nil, nil
	}
	q := c.Customer.Query().Where(customer.Or(preds...)).WithOwner().Order(customer.ByName(), customer.ByID()).Limit(50)
	if except != "" {
		q.Where(customer.IDNEQ(except))
	}
	found, err := q.All(sys)
	if err != nil {
		return nil, err
	}
	var out []Duplicate
	ids := make([]pulid.ID, 0, len(found))
	for _, f := range found {
		d := Duplicate{Account: f}
		switch other := DuplicateKey(f.Name); {
		case folded != "" && f.NormalizedName == folded:
			d.Reason = "SAME_NAME"
		case MatchNames(key, other) != "":
			d.Reason = MatchNames(key, other)
			d.Core = key.Core
			if other.Core != key.Core {
				d.Core = key.Core + " / " + other.Core
			}
		case domain != "" && names.Domain(f.Website) == domain:
			d.Reason = "SAME_DOMAIN"
		default:
			continue // a prefix of another word, another place, or a domain inside a longer one
		}
		out = append(out, d)
		ids = append(ids, f.ID)
		if len(out) == 20 {
			break
		}
	}
	if len(ids) > 0 {
		vs, err := c.Customer.Query().Where(customer.IDIn(ids...)).All(ctx)
		if err != nil {
			return nil, err
		}
		visible := map[pulid.ID]*gen.Customer{}
		for _, v := range vs {
			visible[v.ID] = v
		}
		for i := range out {
			out[i].Visible = visible[out[i].Account.ID]
		}
	}
	return out, nil
}

// RekeyNames stores the core name of every account whose stored one differs from
// DuplicateKey's (accounts from before core names were stored, or after the rule
// changed), at start-up. The rows are written with plain UPDATEs of that column: it
// is derived, not an edit anyone made. It returns how many accounts it rekeyed.
func RekeyNames(ctx context.Context, c *gen.Client) (int, error) {
	sys := access.System(ctx, "start-up: core names for the duplicate check")
	cs, err := c.Customer.Query().Select(customer.FieldName, customer.FieldCoreName).All(sys)
	if err != nil {
		return 0, err
	}
	var tx *gen.Tx
	n := 0
	for _, cu := range cs {
		core := DuplicateKey(cu.Name).Core
		if core == cu.CoreName {
			continue
		}
		if tx == nil {
			if tx, err = c.Tx(sys); err != nil {
				return 0, err
			}
		}
		if _, err := tx.ExecContext(sys, `UPDATE customers SET core_name = $1 WHERE id = $2`, core, string(cu.ID)); err != nil {
			_ = tx.Rollback()
			return 0, fmt.Errorf("core name of account %s: %w", cu.ID, err)
		}
		n++
	}
	if tx == nil {
		return 0, nil
	}
	return n, tx.Commit()
}

// CoreName keeps an account's stored core name (the Customer hook's one line).
func CoreName(m *gen.CustomerMutation) {
	if n, ok := m.Name(); ok {
		m.SetCoreName(DuplicateKey(n).Core)
	}
}

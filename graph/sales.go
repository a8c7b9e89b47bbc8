package graph

import (
	"context"
	"strings"

	"tandem/domain/access"
	"tandem/ent"
	"tandem/ent/classify"
	"tandem/ent/customer"
	"tandem/ent/predicate"
	"tandem/ent/schema/names"
	"tandem/ent/schema/pulid"
	"tandem/graph/model"
)

// classification explains an account's score: each rating, its weight and its share.
func classification(cu *ent.Customer) *model.Classification {
	w := classify.Current()
	res := w.Compute(Ratings(cu))
	out := &model.Classification{Score: res.Score, TierAThreshold: w.TierA, TierBThreshold: w.TierB, MinInputs: w.MinInputs}
	if res.Tier != nil {
		t := customer.Tier(*res.Tier)
		out.Tier = &t
	}
	for _, p := range res.Parts {
		out.Inputs = append(out.Inputs, &model.ClassificationInput{Name: p.Input, Value: p.Value, Weight: p.Weight, Contribution: p.Contribution})
	}
	return out
}

// Ratings are an account's five classification inputs by name.
func Ratings(cu *ent.Customer) map[string]*int {
	return map[string]*int{
		"scale": cu.Scale, "technical_level": cu.TechnicalLevel, "credit": cu.Credit,
		"demand": cu.Demand, "ease_of_closing": cu.EaseOfClosing,
	}
}

// classificationFields are the columns classification needs: field collection may
// not have loaded them when the client asked only for `classification`.
var classificationFields = []string{customer.FieldScale, customer.FieldTechnicalLevel, customer.FieldCredit, customer.FieldDemand, customer.FieldEaseOfClosing}

// duplicates finds accounts that may be the same company: the same folded name or the
// same web domain. It searches every account — a rep must learn that another team
// already works with the company — but links only the ones the viewer may see.
func duplicates(ctx context.Context, c *ent.Client, name, website string, except *ent.Customer) ([]*model.DuplicateCandidate, error) {
	sys := access.System(ctx, "duplicate check: a rep must learn that another team already works with the company")
	var preds []predicate.Customer
	folded := names.Fold(name)
	if folded != "" {
		preds = append(preds, customer.NormalizedName(folded))
	}
	domain := names.Domain(website)
	if domain != "" && strings.Contains(domain, ".") {
		preds = append(preds, customer.WebsiteContainsFold(domain))
	}
	if len(preds) == 0 {
		return []*model.DuplicateCandidate{}, nil
	}
	q := c.Customer.Query().Where(customer.Or(preds...)).WithOwner().Limit(20)
	if except != nil {
		q.Where(customer.IDNEQ(except.ID))
	}
	found, err := q.All(sys)
	if err != nil {
		return nil, err
	}
	ids := make([]pulid.ID, 0, len(found))
	for _, f := range found {
		ids = append(ids, f.ID)
	}
	visible := map[string]*ent.Customer{}
	if len(found) > 0 {
		vs, err := c.Customer.Query().Where(customer.IDIn(ids...)).All(ctx)
		if err != nil {
			return nil, err
		}
		for _, v := range vs {
			visible[string(v.ID)] = v
		}
	}
	out := []*model.DuplicateCandidate{}
	for _, f := range found {
		d := &model.DuplicateCandidate{Name: f.Name, Customer: visible[string(f.ID)], Reason: "SAME_NAME"}
		if f.NormalizedName != folded || folded == "" {
			if names.Domain(f.Website) != domain {
				continue // the domain only appeared inside a longer one
			}
			d.Reason = "SAME_DOMAIN"
		}
		if f.Edges.Owner != nil {
			d.OwnerName = &f.Edges.Owner.Name
		}
		out = append(out, d)
	}
	return out, nil
}

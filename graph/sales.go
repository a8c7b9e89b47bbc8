package graph

import (
	"context"

	"tandem/domain/account"
	weights "tandem/domain/classification"
	"tandem/ent"
	"tandem/ent/classify"
	"tandem/ent/customer"
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
	return weights.Ratings(cu)
}

// classificationFields are the columns classification needs: field collection may
// not have loaded them when the client asked only for `classification`.
var classificationFields = []string{customer.FieldScale, customer.FieldTechnicalLevel, customer.FieldCredit, customer.FieldDemand, customer.FieldEaseOfClosing}

// duplicates translates account.FindDuplicates: the account is linked only when the
// viewer may see it; its name and owner are shown either way.
func duplicates(ctx context.Context, c *ent.Client, name, website string, except *ent.Customer) ([]*model.DuplicateCandidate, error) {
	var id pulid.ID
	if except != nil {
		id = except.ID
	}
	found, err := account.FindDuplicates(ctx, c, name, website, id)
	if err != nil {
		return nil, err
	}
	out := make([]*model.DuplicateCandidate, 0, len(found))
	for _, f := range found {
		d := &model.DuplicateCandidate{Name: f.Account.Name, Customer: f.Visible, Reason: f.Reason}
		if f.Core != "" {
			d.Core = &f.Core
		}
		if f.Account.Edges.Owner != nil {
			d.OwnerName = &f.Account.Edges.Owner.Name
		}
		out = append(out, d)
	}
	return out, nil
}

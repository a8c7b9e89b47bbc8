package classification

import (
	"context"

	"tandem/domain/access"
	"tandem/ent"
	"tandem/ent/classify"
	"tandem/ent/customer"
	"tandem/ent/schema/pulid"
)

// page is how many accounts are read at a time.
const page = 500

// Rescore brings every account's score and tier in line with w, a page of accounts at a
// time in ID order, and counts the accounts whose tier changed. Accounts already right
// are not written; a written one gets its audit event and nothing else (no task, no
// Today item: a tier is not work).
func Rescore(ctx context.Context, c *ent.Client, w classify.Weights) (changedTier int, err error) {
	sys := access.System(ctx, "classification: every account's score under the weights in force")
	var after pulid.ID
	for {
		q := c.Customer.Query().Order(customer.ByID()).Limit(page)
		if after != "" {
			q.Where(customer.IDGT(after))
		}
		cs, err := q.Select(customer.FieldScale, customer.FieldTechnicalLevel, customer.FieldCredit, customer.FieldDemand,
			customer.FieldEaseOfClosing, customer.FieldScore, customer.FieldTier).All(sys)
		if err != nil {
			return changedTier, err
		}
		for _, cu := range cs {
			moved, err := rescoreOne(sys, c, w, cu)
			if err != nil {
				return changedTier, err
			}
			if moved {
				changedTier++
			}
		}
		if len(cs) < page {
			return changedTier, nil
		}
		after = cs[len(cs)-1].ID
	}
}

// rescoreOne writes one account's score and tier when w changes them, and says whether
// its tier moved.
func rescoreOne(sys context.Context, c *ent.Client, w classify.Weights, cu *ent.Customer) (bool, error) {
	res := w.Compute(Ratings(cu))
	if sameFloat(res.Score, cu.Score) && sameTier(res.Tier, cu.Tier) {
		return false, nil
	}
	u := c.Customer.UpdateOneID(cu.ID)
	if res.Score != nil {
		u.SetScore(*res.Score).SetTier(customer.Tier(*res.Tier))
	} else {
		u.ClearScore().ClearTier()
	}
	return !sameTier(res.Tier, cu.Tier), u.Exec(sys)
}

// Ratings are an account's five classification inputs by name.
func Ratings(cu *ent.Customer) map[string]*int {
	return map[string]*int{
		"scale": cu.Scale, "technical_level": cu.TechnicalLevel, "credit": cu.Credit,
		"demand": cu.Demand, "ease_of_closing": cu.EaseOfClosing,
	}
}

func sameFloat(a, b *float64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func sameTier(a *string, b *customer.Tier) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == string(*b))
}

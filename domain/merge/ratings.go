package merge

import (
	"context"
	"strings"
	"time"

	"entgo.io/ent/dialect/sql"

	"tandem/domain/access"
	gen "tandem/ent"
	"tandem/ent/accountchange"
	"tandem/ent/customer"
	"tandem/ent/errcode"
	"tandem/ent/predicate"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
)

// A tier is never set by hand: it is computed from five ratings (ent/classify). What a
// manager changes in bulk is one rating; each account's tier follows by the rules.

// ratings are the ratings a bulk change sets: their column and how to read them.
var ratings = map[accountchange.Rating]struct {
	column string
	get    func(*gen.Customer) *int
}{
	accountchange.RatingSCALE:           {customer.FieldScale, func(c *gen.Customer) *int { return c.Scale }},
	accountchange.RatingTECHNICAL_LEVEL: {customer.FieldTechnicalLevel, func(c *gen.Customer) *int { return c.TechnicalLevel }},
	accountchange.RatingCREDIT:          {customer.FieldCredit, func(c *gen.Customer) *int { return c.Credit }},
	accountchange.RatingDEMAND:          {customer.FieldDemand, func(c *gen.Customer) *int { return c.Demand }},
	accountchange.RatingEASE_OF_CLOSING: {customer.FieldEaseOfClosing, func(c *gen.Customer) *int { return c.EaseOfClosing }},
}

// Result is one account of a bulk change: changed (Customer), or refused and why.
type Result struct {
	ID       pulid.ID
	Customer *gen.Customer
	Err      error
}

// RatingChange is a bulk change of one rating on many accounts.
type RatingChange struct {
	IDs    []pulid.ID
	Rating accountchange.Rating
	Value  int
	Reason string
}

func (in RatingChange) check(lang string) error {
	switch {
	case len(in.IDs) == 0 || len(in.IDs) > MaxBulk:
		return tooMany(lang)
	case ratings[in.Rating].get == nil:
		return errcode.New(errcode.BadUserInput, say(lang, "没有这项评分：%q", "rating: unknown rating %q"), in.Rating).With("field", "rating")
	case in.Value < 1 || in.Value > 5:
		return errcode.New(errcode.BadUserInput, "%s", say(lang, "评分为 1 到 5", "value: a rating runs from 1 to 5")).With("field", "value")
	case strings.TrimSpace(in.Reason) == "":
		return errcode.New(errcode.BadUserInput, "%s", say(lang, "请填写修改的原因", "give a reason for the change")).With("field", "reason")
	case len(in.Reason) > 500:
		return tooLong(lang)
	}
	return nil
}

// SetRatings sets one rating on each account (managers: their team's accounts, as the
// privacy rules let them change; admins any). The classification hook recomputes each
// tier; each change is an AccountChange on the account's timeline. An account already
// at the value is left as it is (a retry changes nothing); a refusal of one account
// does not stop the others.
func SetRatings(ctx context.Context, c *gen.Client, in RatingChange, lang string, now time.Time) ([]Result, error) {
	if !access.Manages(viewer.FromContext(ctx)) {
		return nil, errcode.New(errcode.Forbidden, "%s", say(lang, "只有经理和管理员可以批量修改评分", "changing ratings in bulk is for managers and admins"))
	}
	if err := in.check(lang); err != nil {
		return nil, err
	}
	out := make([]Result, 0, len(in.IDs))
	for _, id := range in.IDs {
		cu, err := setRating(ctx, c, id, in, lang, now)
		out = append(out, Result{ID: id, Customer: cu, Err: err})
	}
	return out, nil
}

// setRating changes one account: its writes come after its checks, so a refused
// account is left untouched.
func setRating(ctx context.Context, c *gen.Client, id pulid.ID, in RatingChange, lang string, now time.Time) (*gen.Customer, error) {
	r := ratings[in.Rating]
	cu, err := c.Customer.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	old := r.get(cu)
	if old != nil && *old == in.Value {
		return cu, nil
	}
	u := c.Customer.UpdateOneID(id).Where(unchanged(r.column, old))
	if err := u.Mutation().SetField(r.column, in.Value); err != nil {
		return nil, err
	}
	saved, err := u.Save(ctx)
	if err != nil {
		return nil, meanwhile(err, say(lang, "该客户的评分刚被他人修改，请刷新", "the account's rating was changed meanwhile; reload it"))
	}
	ac := c.AccountChange.Create().SetKind(accountchange.KindRATING_CHANGED).SetCustomerID(id).
		SetRating(in.Rating).SetNillableRatingFrom(old).SetRatingTo(in.Value)
	if cu.Tier != nil {
		ac.SetTierFrom(string(*cu.Tier))
	}
	if saved.Tier != nil {
		ac.SetTierTo(string(*saved.Tier))
	}
	if _, err := record(ctx, c, ac, nil, nil, in.Reason, now); err != nil {
		return nil, err
	}
	return saved, nil
}

// unchanged is the condition of the update: the rating still what was read.
func unchanged(col string, old *int) predicate.Customer {
	if old == nil {
		return predicate.Customer(sql.FieldIsNull(col))
	}
	return predicate.Customer(sql.FieldEQ(col, *old))
}

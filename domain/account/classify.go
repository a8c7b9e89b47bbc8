package account

import (
	"context"

	"entgo.io/ent"

	gen "tandem/ent"
	"tandem/ent/classify"
	"tandem/ent/customer"
	"tandem/ent/hook"
)

// Classify recomputes score and tier whenever a rating changes.
func Classify(next ent.Mutator) ent.Mutator {
	return hook.CustomerFunc(func(ctx context.Context, m *gen.CustomerMutation) (gen.Value, error) {
		ratings := map[string]*int{}
		touched := m.Op().Is(ent.OpCreate)
		for _, in := range classify.Inputs {
			if v, ok := m.Field(in); ok {
				x := v.(int)
				ratings[in], touched = &x, true
				continue
			}
			if m.FieldCleared(in) {
				touched = true
				continue
			}
			if m.Op().Is(ent.OpUpdateOne) {
				old, err := m.OldField(ctx, in)
				if err != nil {
					return nil, err
				}
				if p, _ := old.(*int); p != nil {
					ratings[in] = p
				}
			}
		}
		if !touched {
			return next.Mutate(ctx, m)
		}
		res := classify.Current().Compute(ratings)
		if res.Score != nil {
			m.SetScore(*res.Score)
			m.SetTier(customer.Tier(*res.Tier))
		} else if m.Op().Is(ent.OpUpdateOne) {
			m.ClearScore()
			m.ClearTier()
		}
		return next.Mutate(ctx, m)
	})
}

package schema

import (
	"context"

	"entgo.io/ent"

	"tandem/domain/media"
	gen "tandem/ent"
	"tandem/ent/hook"
	"tandem/ent/interaction"
	"tandem/ent/schema/pulid"
	"tandem/ent/trial"
	"tandem/ent/viewer"
)

// mediaMutation is what the MediaNote hooks need of its mutation.
type mediaMutation interface {
	ent.Mutation
	InteractionID() (pulid.ID, bool)
	TrialID() (pulid.ID, bool)
	SetCustomerID(pulid.ID)
	SetUploadedByID(pulid.ID)
	Client() *gen.Client
}

// MediaNote hangs on one visit or one trial (media.CheckParent), carries that
// record's customer, and records who took it.
func (MediaNote) Hooks() []ent.Hook {
	return []ent.Hook{hook.On(func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if mm, ok := m.(mediaMutation); ok {
				_, onVisit := mm.InteractionID()
				_, onTrial := mm.TrialID()
				if err := media.CheckParent(onVisit, onTrial); err != nil {
					return nil, err
				}
				if v := viewer.FromContext(ctx); v != nil && v.UserID != "" {
					mm.SetUploadedByID(v.UserID)
				}
			}
			return next.Mutate(ctx, m)
		})
	}, ent.OpCreate),
		inheritCustomer(mediaMutation.InteractionID, func(ctx context.Context, c *gen.Client, id pulid.ID) (string, error) {
			return c.Interaction.Query().Where(interaction.ID(id)).Select(interaction.FieldCustomerID).String(ctx)
		}),
		inheritCustomer(mediaMutation.TrialID, func(ctx context.Context, c *gen.Client, id pulid.ID) (string, error) {
			return c.Trial.Query().Where(trial.ID(id)).Select(trial.FieldCustomerID).String(ctx)
		}),
	}
}

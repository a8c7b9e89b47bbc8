package graph

import (
	"context"

	weights "tandem/domain/classification"
	"tandem/ent"
	"tandem/ent/classify"
	"tandem/ent/errcode"
	"tandem/ent/schema/pulid"
	"tandem/graph/model"
)

// setClassificationWeights translates classification.Save. A repeated clientMutationId
// saves nothing: it answers with the stored weights and the count of their last save
// (kept on the row), which is the first answer unless someone saved since.
func setClassificationWeights(ctx context.Context, c *ent.Client, in model.SetClassificationWeightsInput, clientMutationID *string) (*model.SetClassificationWeightsPayload, error) {
	w := classify.Weights{
		Weight: map[string]float64{
			"scale": in.WeightScale, "technical_level": in.WeightTechnicalLevel, "credit": in.WeightCredit,
			"demand": in.WeightDemand, "ease_of_closing": in.WeightEaseOfClosing,
		},
		TierA: in.TierA, TierB: in.TierB, MinInputs: in.MinInputs,
	}
	load := func(id pulid.ID) (*ent.ClassificationSetting, error) {
		if pulid.TypeOf(id) != "ClassificationSetting" {
			return nil, errcode.New(errcode.Conflict, "clientMutationId %q was already used for a different kind of record", *clientMutationID)
		}
		return c.ClassificationSetting.Get(ctx, id)
	}
	row, err := once(ctx, c, clientMutationID, load, func(c *ent.Client, _ pulid.ID) (*ent.ClassificationSetting, error) {
		saved, err := weights.Save(ctx, c, w, in.ExpectedVersion)
		if err != nil {
			return nil, err
		}
		return saved.Setting, nil
	})
	if err != nil {
		return nil, err
	}
	return &model.SetClassificationWeightsPayload{Weights: row, ChangedTier: row.ChangedTier, ClientMutationID: clientMutationID}, nil
}

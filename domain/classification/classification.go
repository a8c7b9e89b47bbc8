// Package classification keeps the weights that turn an account's five ratings into a
// score and a tier (ent/classify computes them): which weights are in force at start-up,
// an admin's change of them, and the re-scoring of every account that follows.
//
// Precedence: the weights stored by an admin win; until an admin saves, the stored row
// follows TANDEM_CLASSIFICATION (or the defaults) at every start.
package classification

import (
	"context"
	"math"

	"tandem/domain/access"
	"tandem/domain/people"
	"tandem/ent"
	"tandem/ent/classificationsetting"
	"tandem/ent/classify"
	"tandem/ent/errcode"
	"tandem/ent/viewer"
)

// Fields are the GraphQL names of the five weights, by classify input.
var Fields = map[string]string{
	"scale": "weightScale", "technical_level": "weightTechnicalLevel", "credit": "weightCredit",
	"demand": "weightDemand", "ease_of_closing": "weightEaseOfClosing",
}

// Validate refuses weights the score cannot be computed with, naming the field.
func Validate(w classify.Weights) error {
	positive := false
	for _, in := range classify.Inputs {
		v, ok := w.Weight[in]
		if !ok || v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
			return bad(Fields[in], "the %s weight must be a number of 0 or more", in)
		}
		positive = positive || v > 0
	}
	switch {
	case !positive:
		return bad("weights", "at least one weight must be above 0, or no account can be scored")
	case !(w.TierA >= 1 && w.TierA <= 5):
		return bad("tierA", "the tier A threshold must be between 1 and 5 (scores run 1..5)")
	case !(w.TierB >= 1 && w.TierB <= 5):
		return bad("tierB", "the tier B threshold must be between 1 and 5 (scores run 1..5)")
	case w.TierA < w.TierB:
		return bad("tierB", "the tier B threshold (%.2f) must not be above tier A's (%.2f)", w.TierB, w.TierA)
	case w.MinInputs < 1 || w.MinInputs > 5:
		return bad("minInputs", "the number of ratings needed must be between 1 and 5")
	}
	return nil
}

func bad(field, format string, args ...any) error {
	return errcode.New(errcode.BadUserInput, format, args...).With("field", field)
}

// Weights reads the weights a stored row holds.
func Weights(s *ent.ClassificationSetting) classify.Weights {
	return classify.Weights{
		Weight: map[string]float64{
			"scale": s.WeightScale, "technical_level": s.WeightTechnicalLevel, "credit": s.WeightCredit,
			"demand": s.WeightDemand, "ease_of_closing": s.WeightEaseOfClosing,
		},
		TierA: s.TierA, TierB: s.TierB, MinInputs: s.MinInputs,
	}
}

// setter is what the create and update builders of the row share.
type setter[T any] interface {
	SetWeightScale(float64) T
	SetWeightTechnicalLevel(float64) T
	SetWeightCredit(float64) T
	SetWeightDemand(float64) T
	SetWeightEaseOfClosing(float64) T
	SetTierA(float64) T
	SetTierB(float64) T
	SetMinInputs(int) T
}

func set[T setter[T]](b T, w classify.Weights) T {
	return b.SetWeightScale(w.Weight["scale"]).SetWeightTechnicalLevel(w.Weight["technical_level"]).
		SetWeightCredit(w.Weight["credit"]).SetWeightDemand(w.Weight["demand"]).
		SetWeightEaseOfClosing(w.Weight["ease_of_closing"]).
		SetTierA(w.TierA).SetTierB(w.TierB).SetMinInputs(w.MinInputs)
}

// Start returns the weights in force at start-up and keeps the stored row in line: an
// admin's stored weights win over env; otherwise the row is made from, or brought back
// to, env (TANDEM_CLASSIFICATION or the defaults).
func Start(ctx context.Context, c *ent.Client, env classify.Weights) (classify.Weights, error) {
	sys := access.System(ctx, "start-up: the classification weights in force")
	row, err := c.ClassificationSetting.Query().Only(sys)
	switch {
	case ent.IsNotFound(err):
		return env, set(c.ClassificationSetting.Create().SetSlot(1), env).Exec(sys)
	case err != nil:
		return env, err
	case row.Source == classificationsetting.SourceADMIN:
		return Weights(row), nil
	case same(Weights(row), env):
		return env, nil
	}
	return env, set(c.ClassificationSetting.UpdateOne(row), env).Exec(sys)
}

func same(a, b classify.Weights) bool {
	for _, in := range classify.Inputs {
		if a.Weight[in] != b.Weight[in] {
			return false
		}
	}
	return a.TierA == b.TierA && a.TierB == b.TierB && a.MinInputs == b.MinInputs
}

// Current reads the stored weights.
func Current(ctx context.Context, c *ent.Client) (*ent.ClassificationSetting, error) {
	return c.ClassificationSetting.Query().Only(ctx)
}

// Saved is what a save did.
type Saved struct {
	Setting *ent.ClassificationSetting
	// ChangedTier counts the accounts whose tier changed.
	ChangedTier int
}

// Save stores an admin's weights if the row is still at expectedVersion (CONFLICT when
// someone saved since), re-scores every account with them and puts them in force once
// the transaction (if ctx has one) commits. Only admins may (the access table says so too).
func Save(ctx context.Context, c *ent.Client, w classify.Weights, expectedVersion int) (*Saved, error) {
	v := viewer.FromContext(ctx)
	if err := people.RequireAdmin(v, "change the classification weights"); err != nil {
		return nil, err
	}
	if err := Validate(w); err != nil {
		return nil, err
	}
	row, err := Current(ctx, c)
	if err != nil {
		return nil, err
	}
	upd := set(c.ClassificationSetting.UpdateOne(row), w).SetVersion(expectedVersion).
		SetSource(classificationsetting.SourceADMIN).SetUpdatedByID(v.UserID)
	if row, err = upd.Save(ctx); err != nil {
		return nil, err
	}
	changed, err := Rescore(ctx, c, w)
	if err != nil {
		return nil, err
	}
	// A plain update: the count is a consequence of the change the audit log holds, not
	// a second change (and does not move the version the client now holds).
	if err := c.ClassificationSetting.Update().Where(classificationsetting.ID(row.ID)).
		SetChangedTier(changed).Exec(ctx); err != nil {
		return nil, err
	}
	row.ChangedTier = changed
	inForce(ctx, w)
	return &Saved{Setting: row, ChangedTier: changed}, nil
}

// inForce puts the weights in force when ctx's transaction commits (at once without one),
// so a save that fails later leaves the old weights in force.
func inForce(ctx context.Context, w classify.Weights) {
	tx := ent.TxFromContext(ctx)
	if tx == nil {
		classify.Set(w)
		return
	}
	tx.OnCommit(func(next ent.Committer) ent.Committer {
		return ent.CommitFunc(func(ctx context.Context, tx *ent.Tx) error {
			if err := next.Commit(ctx, tx); err != nil {
				return err
			}
			classify.Set(w)
			return nil
		})
	})
}

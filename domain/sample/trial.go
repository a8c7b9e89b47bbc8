package sample

import (
	"context"
	"time"

	"entgo.io/ent"

	"tandem/domain/access"
	"tandem/domain/account"
	"tandem/domain/history"
	gen "tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/errcode"
	"tandem/ent/hook"
	"tandem/ent/sample"
	"tandem/ent/trial"
)

// Trial outcomes and kinds.
const (
	Passed       = trial.OutcomePASSED
	TrialFailed  = trial.OutcomeFAILED
	Pending      = trial.OutcomePENDING
	Inconclusive = trial.OutcomeINCONCLUSIVE
	Lab          = trial.KindLAB
	Pilot        = trial.KindPILOT
)

// Decided reports whether a trial's outcome is final: PASSED or FAILED. An outcome
// moves only from PENDING or INCONCLUSIVE.
func Decided(o trial.Outcome) bool { return o == Passed || o == TrialFailed }

// trialBefore is the kind of trial a move needs passed: a lab trial (小样) before
// the pilot trial (中试), a pilot trial before approval.
var trialBefore = map[sample.Status]trial.Kind{PilotTrial: Lab, Approved: Pilot}

var trialName = map[trial.Kind]string{Lab: "lab trial (小样)", Pilot: "pilot trial (中试)"}

// LastDecided returns the sample's trial of a kind decided last (by its finish, else
// its creation), or nil when none is decided.
func LastDecided(ts []*gen.Trial, kind trial.Kind) *gen.Trial {
	var last *gen.Trial
	at := func(t *gen.Trial) time.Time {
		if t.FinishedAt != nil {
			return *t.FinishedAt
		}
		return t.CreatedAt
	}
	for _, t := range ts {
		if t.Kind != kind || !Decided(t.Outcome) {
			continue
		}
		if last == nil || at(t).After(at(last)) || (at(t).Equal(at(last)) && t.ID > last.ID) {
			last = t
		}
	}
	return last
}

// trialPassed refuses PILOT_TRIAL without a passed lab trial of the sample, and
// APPROVED without a passed pilot trial; when the last decided one failed, it says so.
func trialPassed(ctx context.Context, c *gen.Client, s *gen.Sample, to sample.Status) error {
	kind := trialBefore[to]
	ts, err := c.Trial.Query().Where(trial.SampleID(s.ID), trial.KindEQ(kind)).
		All(access.System(ctx, "a sample moves on after a passed trial"))
	if err != nil {
		return err
	}
	need := string(kind) + "_TRIAL_PASSED"
	last := LastDecided(ts, kind)
	switch {
	case last == nil:
		return errcode.New(errcode.BadUserInput, "record a passed %s of this sample before moving it to %s", trialName[kind], to).
			With("field", "trials").With("missing", []string{need})
	case last.Outcome == TrialFailed:
		return errcode.New(errcode.BadUserInput, "the last %s of this sample failed: record a passed one before moving it to %s, or fail the sample", trialName[kind], to).
			With("field", "trials").With("missing", []string{need}).With("lastOutcome", string(TrialFailed)).With("trialId", string(last.ID))
	}
	return nil
}

// TrialGuard keeps a decided trial as it was: once PASSED or FAILED its outcome, kind
// and sample no longer change, and it is not deleted — a sample that moved on after
// it keeps its reason. History being imported is taken as it was.
func TrialGuard(next ent.Mutator) ent.Mutator {
	return hook.TrialFunc(func(ctx context.Context, m *gen.TrialMutation) (gen.Value, error) {
		if history.Is(ctx) {
			return next.Mutate(ctx, m)
		}
		outcome, setOutcome := m.Outcome()
		kind, setKind := m.Kind()
		sampleID, setSample := m.SampleID()
		if m.Op().Is(ent.OpUpdate|ent.OpUpdateOne) && !setOutcome && !setKind && !setSample {
			return next.Mutate(ctx, m)
		}
		ids, err := m.IDs(ctx)
		if err != nil {
			return nil, err
		}
		decided, err := m.Client().Trial.Query().Where(trial.IDIn(ids...), trial.OutcomeIn(Passed, TrialFailed)).
			All(access.System(ctx, "a decided trial stays as it was"))
		if err != nil {
			return nil, err
		}
		for _, t := range decided {
			if m.Op().Is(ent.OpDelete | ent.OpDeleteOne) {
				return nil, errcode.New(errcode.BadUserInput, "the trial is %s: a decided trial is kept", t.Outcome).With("field", "outcome")
			}
			if (setOutcome && outcome != t.Outcome) || (setKind && kind != t.Kind) || (setSample && sampleID != t.SampleID) {
				field := "outcome"
				switch {
				case setKind && kind != t.Kind:
					field = "kind"
				case setSample && sampleID != t.SampleID:
					field = "sampleID"
				}
				return nil, errcode.New(errcode.BadUserInput, "the trial is %s: a decided trial's outcome, kind and sample are final (record a new trial instead)", t.Outcome).
					With("field", field).With("outcome", string(t.Outcome))
			}
		}
		return next.Mutate(ctx, m)
	})
}

// TrialStarted moves the account to TRIAL when a trial is recorded.
func TrialStarted(next ent.Mutator) ent.Mutator {
	return hook.TrialFunc(func(ctx context.Context, m *gen.TrialMutation) (gen.Value, error) {
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return v, err
		}
		return v, account.Advance(ctx, m.Client(), v.(*gen.Trial).CustomerID, customer.StageTRIAL, "trial started")
	})
}

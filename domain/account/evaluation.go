package account

import (
	"context"
	"strings"
	"time"

	"tandem/domain/access"
	gen "tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/errcode"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
)

// RecordEvaluation records how the customer's evaluation of us ended (客户初步几次的
// 小量采购后，会进行评估，以决定是否变为主供应商). Selected, the account becomes a main
// supplier. Not selected, the evaluation is over: nothing moves by itself any more
// (evidence will not make it a main supplier), and what follows — keep the stage, or
// move the account back — is a manager's decision (DecideAfterEvaluation), put on the
// manager's Today until it is made.
func RecordEvaluation(ctx context.Context, c *gen.Client, id pulid.ID, outcome customer.EvaluationOutcome, note *string) (*gen.Customer, error) {
	u := c.Customer.UpdateOneID(id).SetEvaluationOutcome(outcome).ClearEvaluationDecidedAt().ClearEvaluationDecision()
	if note != nil {
		u.SetEvaluationNote(*note)
	}
	if _, err := u.Save(ctx); err != nil {
		return nil, err
	}
	if outcome == customer.EvaluationOutcomeMAIN_SUPPLIER {
		if err := Advance(ctx, c, id, customer.StageMAIN_SUPPLIER, "evaluation passed"); err != nil {
			return nil, err
		}
	}
	return c.Customer.Get(ctx, id)
}

// DecideAfterEvaluation is a manager's decision after an evaluation that did not select
// us: keep the account at its stage, or move it (back) to another, with the reason.
func DecideAfterEvaluation(ctx context.Context, c *gen.Client, id pulid.ID, stage customer.Stage, reason string, version *int) (*gen.Customer, error) {
	if !access.Manages(viewer.FromContext(ctx)) {
		return nil, errcode.New(errcode.Forbidden, "what follows an evaluation that did not select us is a manager's decision")
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return nil, errcode.New(errcode.BadUserInput, "give the reason for the decision").With("field", "reason")
	}
	cu, err := c.Customer.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if cu.EvaluationOutcome == nil || *cu.EvaluationOutcome != customer.EvaluationOutcomeNOT_SELECTED {
		return nil, errcode.New(errcode.BadUserInput, "there is no evaluation that did not select us to decide on").With("field", "customerID")
	}
	if cu.EvaluationDecidedAt != nil {
		return nil, errcode.New(errcode.Conflict, "decided already on %s: %s", cu.EvaluationDecidedAt.UTC().Format(time.RFC3339), cu.EvaluationDecision).
			With("field", "customerID")
	}
	if cu.Stage != stage {
		if cu, err = Set(ctx, c, id, stage, "evaluation not selected: "+reason, version); err != nil {
			return nil, err
		}
		version = nil
	}
	u := c.Customer.UpdateOneID(id).Where(customer.EvaluationDecidedAtIsNil()).
		SetEvaluationDecidedAt(time.Now().UTC()).SetEvaluationDecision(reason)
	if version != nil {
		u.SetVersion(*version)
	}
	saved, err := u.Save(ctx)
	if gen.IsNotFound(err) {
		return nil, errcode.New(errcode.Conflict, "someone decided on this evaluation meanwhile; reload the account").With("field", "customerID")
	}
	return saved, err
}

package schema

import (
	"context"
	"slices"
	"strings"
	"time"

	"entgo.io/ent"

	"tandem/domain/access"
	gen "tandem/ent"
	"tandem/ent/classify"
	"tandem/ent/customer"
	"tandem/ent/errcode"
	"tandem/ent/hook"
	"tandem/ent/issue"
	"tandem/ent/keyperson"
	"tandem/ent/lifecycle"
	"tandem/ent/order"
	"tandem/ent/sample"
	"tandem/ent/sampleevent"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
)

type noteKey struct{}

// WithNote attaches a note to the lifecycle event a change records (a sample's move).
func WithNote(ctx context.Context, note string) context.Context {
	return context.WithValue(ctx, noteKey{}, note)
}

func noteOf(ctx context.Context) string {
	n, _ := ctx.Value(noteKey{}).(string)
	return n
}

// system is the context of the hooks that keep derived and recorded rows (events,
// stage moves, tasks, persons, webhook outboxes): the rules were checked on the change
// that caused them, and the rows they write are not the viewer's to choose.
func system(ctx context.Context) context.Context {
	return access.System(ctx, "ent hooks: rows derived from or recorded with a checked change")
}

func viewerID(ctx context.Context) pulid.ID {
	if v := viewer.FromContext(ctx); v != nil {
		return v.UserID
	}
	return ""
}

// mayMoveStage allows a stage move made by hand only to managers and admins, with a
// reason; evidence-driven moves and the server itself pass.
func mayMoveStage(ctx context.Context) error {
	if StageEvidence(ctx) != "manual" {
		return nil
	}
	v := viewer.FromContext(ctx)
	if v == nil {
		return nil
	}
	if v.Role != viewer.Manager && v.Role != viewer.Admin {
		return errcode.New(errcode.Forbidden, "stages follow evidence (visits, samples, trials, orders); only a manager sets one by hand")
	}
	if strings.TrimSpace(StageReason(ctx)) == "" {
		return errcode.New(errcode.BadUserInput, "give a reason for moving the account by hand").With("field", "reason")
	}
	return nil
}

type importKey struct{}

// Importing marks a context that writes history as it happened (demo data, imports):
// evidence does not move stages and next steps do not create tasks.
func Importing(ctx context.Context) context.Context { return context.WithValue(ctx, importKey{}, true) }

func importing(ctx context.Context) bool { return ctx.Value(importKey{}) != nil }

// AdvanceStage moves an account forward to target when the evidence says so; it
// never moves an account back.
func AdvanceStage(ctx context.Context, c *gen.Client, id pulid.ID, target, evidence string) error {
	if importing(ctx) {
		return nil
	}
	sys := system(ctx)
	for attempt := 1; ; attempt++ {
		cu, err := c.Customer.Query().Where(customer.ID(id)).Select(customer.FieldStage).Only(sys)
		if err != nil {
			return err
		}
		if !lifecycle.Forward(string(cu.Stage), target) {
			return nil
		}
		err = c.Customer.UpdateOneID(id).SetStage(customer.Stage(target)).Exec(WithStageNote(sys, "", evidence))
		// Another move of the account committed first (stageMoves): look again.
		if errcode.Is(err, errcode.Conflict) && attempt < 3 {
			continue
		}
		return err
	}
}

// customerClassification recomputes score and tier whenever a rating changes.
func customerClassification(next ent.Mutator) ent.Mutator {
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

// interactionFollowUp turns a next step with a due date into a task, marks the key
// persons who took part as contacted, and moves the account on a first contact or visit.
func interactionFollowUp(next ent.Mutator) ent.Mutator {
	return hook.InteractionFunc(func(ctx context.Context, m *gen.InteractionMutation) (gen.Value, error) {
		contacts := m.TheirParticipantsIDs()
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return v, err
		}
		in := v.(*gen.Interaction)
		c, sys := m.Client(), system(ctx)
		if step := strings.TrimSpace(in.NextStep); step != "" && in.NextStepDue != nil && !importing(ctx) {
			t := c.Task.Create().SetCustomerID(in.CustomerID).SetInteractionID(in.ID).
				SetTitle(truncate(step, 300)).SetDueAt(*in.NextStepDue)
			if in.AuthorID != "" {
				t.SetAssigneeID(in.AuthorID)
			}
			if err := t.Exec(sys); err != nil {
				return nil, err
			}
		}
		if in.OccurredAt.After(time.Now().Add(time.Minute)) {
			return v, nil // a planned contact: nothing has happened yet
		}
		if len(contacts) > 0 {
			_, err := c.KeyPerson.Update().
				Where(keyperson.CustomerID(in.CustomerID), keyperson.ContactIDIn(contacts...),
					keyperson.Or(keyperson.LastContactedAtIsNil(), keyperson.LastContactedAtLT(in.OccurredAt))).
				SetLastContactedAt(in.OccurredAt).
				Save(sys)
			if err != nil {
				return nil, err
			}
		}
		target, evidence := "CONTACTED", "first contact ("+strings.ToLower(string(in.Kind))+")"
		if in.Kind == "VISIT" {
			target, evidence = "VISITED", "first visit"
		}
		if err := AdvanceStage(ctx, c, in.CustomerID, target, evidence); err != nil {
			return nil, err
		}
		return v, nil
	})
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// sampleLifecycle enforces the sample path: only the next step or failed/abandoned;
// shipping needs its document checklist; failing needs a reason; converting needs the
// order it became. Every move is recorded as a SampleEvent.
func sampleLifecycle(next ent.Mutator) ent.Mutator {
	return hook.SampleFunc(func(ctx context.Context, m *gen.SampleMutation) (gen.Value, error) {
		to, ok := m.Status()
		if !ok {
			return next.Mutate(ctx, m)
		}
		from, err := m.OldStatus(ctx)
		if err != nil {
			return nil, err
		}
		if id, ok := m.ID(); from == to && !explicitMove(ctx, id, ok) {
			return next.Mutate(ctx, m)
		}
		if !lifecycle.SampleMayMove(string(from), string(to)) {
			return nil, refusedMove("the sample", string(from), string(to), lifecycle.SampleNext(string(from)), lifecycle.SampleMovedPast(string(from), string(to)))
		}
		// Conditional on the status read: of concurrent moves one wins (hooks_moves.go).
		m.Where(sample.StatusEQ(from))
		now := time.Now().UTC()
		switch to {
		case sample.StatusSHIPPED:
			var missing []string
			for _, d := range []struct {
				name string
				set  func() (bool, bool)
				old  func(context.Context) (bool, error)
			}{{"docManual", m.DocManual, m.OldDocManual}, {"docMsds", m.DocMsds, m.OldDocMsds}, {"docLabel", m.DocLabel, m.OldDocLabel}, {"docPrecautions", m.DocPrecautions, m.OldDocPrecautions}} {
				v, ok := d.set()
				if !ok {
					if v, err = d.old(ctx); err != nil {
						return nil, err
					}
				}
				if !v {
					missing = append(missing, d.name)
				}
			}
			if len(missing) > 0 {
				return nil, errcode.New(errcode.BadUserInput, "before shipping, complete the documents sent with the sample (manual/TDS, MSDS, label, precautions); missing: %s", strings.Join(missing, ", ")).
					With("field", missing[0]).With("missing", missing)
			}
			m.SetShippedAt(now)
		case sample.StatusRECEIVED:
			m.SetReceivedAt(now)
		case sample.StatusFAILED, sample.StatusABANDONED:
			reason, ok := m.StatusReason()
			if !ok {
				reason = ""
			}
			if strings.TrimSpace(reason) == "" {
				return nil, errcode.New(errcode.BadUserInput, "say why the sample %s", strings.ToLower(string(to))).With("field", "reason")
			}
		case sample.StatusCONVERTED:
			oid, ok := m.OrderID()
			if !ok {
				if oid, err = m.OldOrderID(ctx); err != nil {
					return nil, err
				}
			}
			cid, err := m.OldCustomerID(ctx)
			if err != nil {
				return nil, err
			}
			if oid == "" {
				return nil, errcode.New(errcode.BadUserInput, "link the order the sample became").With("field", "orderID")
			}
			n, err := m.Client().Order.Query().Where(order.ID(oid), order.CustomerID(cid)).Count(system(ctx))
			if err != nil {
				return nil, err
			}
			if n == 0 {
				return nil, errcode.New(errcode.BadUserInput, "the order must be one of this customer's orders").With("field", "orderID")
			}
		}
		v, err := next.Mutate(ctx, m)
		if err != nil {
			id, _ := m.ID()
			return v, movedMeanwhile(ctx, err, string(from), func(ctx context.Context) (string, error) {
				s, err := m.Client().Sample.Query().Where(sample.ID(id)).Select(sample.FieldStatus).Only(ctx)
				if err != nil {
					return "", err
				}
				return string(s.Status), nil
			}, func(cur string) error { return movedOn("the sample", cur, lifecycle.SampleNext(cur)) })
		}
		s := v.(*gen.Sample)
		ev := m.Client().SampleEvent.Create().SetSampleID(s.ID).SetCustomerID(s.CustomerID).
			SetFromStatus(sampleevent.FromStatus(from)).SetToStatus(sampleevent.ToStatus(to)).SetAt(now).SetNote(noteOf(ctx))
		if id := viewerID(ctx); id != "" {
			ev.SetActorID(id)
		}
		if err := ev.Exec(system(ctx)); err != nil {
			return nil, err
		}
		switch to {
		case sample.StatusSHIPPED:
			err = AdvanceStage(ctx, m.Client(), s.CustomerID, "SAMPLING", "sample shipped")
		case sample.StatusLAB_TRIAL, sample.StatusPILOT_TRIAL:
			err = AdvanceStage(ctx, m.Client(), s.CustomerID, "TRIAL", "trial started")
		}
		if err != nil {
			return nil, err
		}
		return v, nil
	})
}

func trialEvidence(next ent.Mutator) ent.Mutator {
	return hook.TrialFunc(func(ctx context.Context, m *gen.TrialMutation) (gen.Value, error) {
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return v, err
		}
		if err := AdvanceStage(ctx, m.Client(), v.(*gen.Trial).CustomerID, "TRIAL", "trial started"); err != nil {
			return nil, err
		}
		return v, nil
	})
}

func (Order) Hooks() []ent.Hook {
	return []ent.Hook{hook.On(orderEvidence, ent.OpCreate), hook.On(orderStatusEvent, ent.OpUpdateOne), hook.On(orderMoves, ent.OpUpdateOne)}
}

// orderEvidence flags an account's first orders as evaluation orders and moves the
// account: a first order makes it EVALUATION, enough orders make it MAIN_SUPPLIER.
func orderEvidence(next ent.Mutator) ent.Mutator {
	return hook.OrderFunc(func(ctx context.Context, m *gen.OrderMutation) (gen.Value, error) {
		c, sys := m.Client(), system(ctx)
		cid, _ := m.CustomerID()
		if _, set := m.IsEvaluation(); !set {
			prior, err := c.Order.Query().Where(order.CustomerID(cid), order.StatusNEQ(order.StatusCANCELLED)).Count(sys)
			if err != nil {
				return nil, err
			}
			m.SetIsEvaluation(prior < lifecycle.EvaluationOrders)
		}
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return v, err
		}
		o := v.(*gen.Order)
		if err := AdvanceStage(ctx, c, o.CustomerID, "EVALUATION", "first order"); err != nil {
			return nil, err
		}
		since := o.OrderedAt.AddDate(0, -lifecycle.MainSupplierMonths, 0)
		recent, err := c.Order.Query().Where(order.CustomerID(o.CustomerID), order.StatusNEQ(order.StatusCANCELLED), order.OrderedAtGTE(since)).Count(sys)
		if err != nil {
			return nil, err
		}
		cu, err := c.Customer.Get(sys, o.CustomerID)
		if err != nil {
			return nil, err
		}
		if recent >= lifecycle.MainSupplierOrders && (cu.EvaluationOutcome == nil || *cu.EvaluationOutcome != customer.EvaluationOutcomeNOT_SELECTED) {
			if err := AdvanceStage(ctx, c, o.CustomerID, "MAIN_SUPPLIER", "orders in 6 months"); err != nil {
				return nil, err
			}
		}
		return v, nil
	})
}

// issueLifecycle walks a problem from report to closing, recording response, on-site,
// resolution and closing times; closing needs a root cause and a resolution.
func issueLifecycle(next ent.Mutator) ent.Mutator {
	return hook.IssueFunc(func(ctx context.Context, m *gen.IssueMutation) (gen.Value, error) {
		to, ok := m.Status()
		if !ok {
			return next.Mutate(ctx, m)
		}
		from, err := m.OldStatus(ctx)
		if err != nil {
			return nil, err
		}
		if id, ok := m.ID(); from == to && !explicitMove(ctx, id, ok) {
			return next.Mutate(ctx, m)
		}
		if !slices.Contains(lifecycle.IssueNext(string(from)), string(to)) {
			return nil, refusedMove("the problem", string(from), string(to), lifecycle.IssueNext(string(from)), lifecycle.IssueMovedPast(string(from), string(to)))
		}
		// Conditional on the status read: of concurrent moves one wins (hooks_moves.go).
		m.Where(issue.StatusEQ(from))
		cause, ok := m.RootCause()
		if !ok {
			if cause, err = m.OldRootCause(ctx); err != nil {
				return nil, err
			}
		}
		resolution, ok := m.Resolution()
		if !ok {
			if resolution, err = m.OldResolution(ctx); err != nil {
				return nil, err
			}
		}
		now := time.Now().UTC()
		switch to {
		case issue.StatusRESPONDED:
			m.SetRespondedAt(now)
		case issue.StatusON_SITE:
			m.SetOnsiteAt(now)
		case issue.StatusROOT_CAUSE_FOUND:
			if cause == issue.RootCauseUNDETERMINED {
				return nil, errcode.New(errcode.BadUserInput, "name the root cause (our product, customer unfamiliar, process mismatch, deliberate)").With("field", "rootCause")
			}
		case issue.StatusRESOLVED:
			if strings.TrimSpace(resolution) == "" {
				return nil, errcode.New(errcode.BadUserInput, "describe the resolution").With("field", "resolution")
			}
			m.SetResolvedAt(now)
		case issue.StatusCLOSED:
			if cause == issue.RootCauseUNDETERMINED || strings.TrimSpace(resolution) == "" {
				return nil, errcode.New(errcode.BadUserInput, "a problem is closed only with a root cause and a resolution").With("field", "rootCause")
			}
			m.SetClosedAt(now)
		}
		v, err := next.Mutate(ctx, m)
		if err != nil {
			id, _ := m.ID()
			return v, movedMeanwhile(ctx, err, string(from), func(ctx context.Context) (string, error) {
				is, err := m.Client().Issue.Query().Where(issue.ID(id)).Select(issue.FieldStatus).Only(ctx)
				if err != nil {
					return "", err
				}
				return string(is.Status), nil
			}, func(cur string) error { return movedOn("the problem", cur, lifecycle.IssueNext(cur)) })
		}
		return v, nil
	})
}

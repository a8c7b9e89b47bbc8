// Package interaction is what logging a call, a visit or any contact does (电话、拜访、
// 交流): its next step becomes a task for its author, the key persons who took part
// are marked as contacted, and a first contact or visit moves the account on.
package interaction

import (
	"context"
	"strings"
	"time"

	"entgo.io/ent"

	"tandem/domain/access"
	"tandem/domain/account"
	"tandem/domain/history"
	gen "tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/hook"
	"tandem/ent/keyperson"
	"tandem/ent/viewer"
)

// Author records the signed-in person as the interaction's author.
func Author(next ent.Mutator) ent.Mutator {
	return hook.InteractionFunc(func(ctx context.Context, m *gen.InteractionMutation) (gen.Value, error) {
		if v := viewer.FromContext(ctx); v != nil && v.UserID != "" {
			m.SetAuthorID(v.UserID)
		}
		return next.Mutate(ctx, m)
	})
}

// FollowUp turns a next step with a due date into a task, marks the key persons who
// took part as contacted, and moves the account on a first contact or visit.
func FollowUp(next ent.Mutator) ent.Mutator {
	return hook.InteractionFunc(func(ctx context.Context, m *gen.InteractionMutation) (gen.Value, error) {
		contacts := m.TheirParticipantsIDs()
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return v, err
		}
		in := v.(*gen.Interaction)
		c := m.Client()
		sys := access.System(ctx, "a logged contact's follow-up: its task, its key persons, its account's stage")
		if step := strings.TrimSpace(in.NextStep); step != "" && in.NextStepDue != nil && !history.Is(ctx) {
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
		target, evidence := customer.StageCONTACTED, "first contact ("+strings.ToLower(string(in.Kind))+")"
		if in.Kind == "VISIT" {
			target, evidence = customer.StageVISITED, "first visit"
		}
		if err := account.Advance(ctx, c, in.CustomerID, target, evidence); err != nil {
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

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
	"tandem/ent/errcode"
	"tandem/ent/hook"
	"tandem/ent/keyperson"
	"tandem/ent/schema/pulid"
	"tandem/ent/task"
	"tandem/ent/viewer"
)

// Author records the signed-in person as the interaction's author; an import
// (history) keeps the author its row names.
func Author(next ent.Mutator) ent.Mutator {
	return hook.InteractionFunc(func(ctx context.Context, m *gen.InteractionMutation) (gen.Value, error) {
		if _, named := m.AuthorID(); named && history.Is(ctx) {
			return next.Mutate(ctx, m)
		}
		if v := viewer.FromContext(ctx); v != nil && v.UserID != "" {
			m.SetAuthorID(v.UserID)
		}
		return next.Mutate(ctx, m)
	})
}

// FollowUp turns a next step with a due date into a task, and applies what a contact
// that has happened means (Happened). A planned contact (in the future) waits for Held.
func FollowUp(next ent.Mutator) ent.Mutator {
	return hook.InteractionFunc(func(ctx context.Context, m *gen.InteractionMutation) (gen.Value, error) {
		contacts := m.TheirParticipantsIDs()
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return v, err
		}
		in := v.(*gen.Interaction)
		if err := nextStepTask(ctx, m.Client(), in); err != nil {
			return nil, err
		}
		return v, Happened(ctx, m.Client(), in, contacts)
	})
}

// Held applies a planned contact once it is held: recording its findings (or moving
// its time into the past) makes it count as the visit or call it is — the key persons
// who took part are contacted, the account moves on — and a next step added then
// becomes a task. Both are idempotent, so a later edit changes nothing twice.
func Held(next ent.Mutator) ent.Mutator {
	return hook.InteractionFunc(func(ctx context.Context, m *gen.InteractionMutation) (gen.Value, error) {
		_, findings := m.Findings()
		_, when := m.OccurredAt()
		_, step := m.NextStep()
		_, due := m.NextStepDue()
		people := len(m.TheirParticipantsIDs()) > 0
		v, err := next.Mutate(ctx, m)
		if err != nil || !(findings || when || step || due || people) {
			return v, err
		}
		in := v.(*gen.Interaction)
		c := m.Client()
		if err := nextStepTask(ctx, c, in); err != nil {
			return nil, err
		}
		contacts, err := c.Interaction.QueryTheirParticipants(in).IDs(system(ctx))
		if err != nil {
			return nil, err
		}
		return v, Happened(ctx, c, in, contacts)
	})
}

func system(ctx context.Context) context.Context {
	return access.System(ctx, "a logged contact's follow-up: its task, its key persons, its account's stage")
}

// nextStepTask opens the task of a next step with a due date, once per interaction.
func nextStepTask(ctx context.Context, c *gen.Client, in *gen.Interaction) error {
	step := strings.TrimSpace(in.NextStep)
	if step == "" || in.NextStepDue == nil || history.Is(ctx) {
		return nil
	}
	sys := system(ctx)
	if n, err := c.Task.Query().Where(task.InteractionID(in.ID)).Count(sys); err != nil || n > 0 {
		return err
	}
	t := c.Task.Create().SetCustomerID(in.CustomerID).SetInteractionID(in.ID).
		SetTitle(truncate(step, 300)).SetDueAt(*in.NextStepDue)
	if in.AuthorID != "" {
		t.SetAssigneeID(in.AuthorID)
	}
	return t.Exec(sys)
}

// Happened applies a contact that has taken place (not one planned for later): the key
// persons who took part were contacted then, and a first contact or visit moves the
// account on.
func Happened(ctx context.Context, c *gen.Client, in *gen.Interaction, contacts []pulid.ID) error {
	if in.OccurredAt.After(time.Now().Add(time.Minute)) {
		return nil // a planned contact: nothing has happened yet
	}
	if len(contacts) > 0 {
		_, err := c.KeyPerson.Update().
			Where(keyperson.CustomerID(in.CustomerID), keyperson.ContactIDIn(contacts...),
				keyperson.Or(keyperson.LastContactedAtIsNil(), keyperson.LastContactedAtLT(in.OccurredAt))).
			SetLastContactedAt(in.OccurredAt).
			Save(system(ctx))
		if err != nil {
			return err
		}
	}
	target, evidence := customer.StageCONTACTED, "first contact ("+strings.ToLower(string(in.Kind))+")"
	if in.Kind == "VISIT" {
		target, evidence = customer.StageVISITED, "first visit"
	}
	return account.Advance(ctx, c, in.CustomerID, target, evidence)
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// Contacted keeps a key person's lastContactedAt what the logged interactions say: it
// is written by FollowUp alone (and by history being imported), never typed in.
func Contacted(next ent.Mutator) ent.Mutator {
	return hook.KeyPersonFunc(func(ctx context.Context, m *gen.KeyPersonMutation) (gen.Value, error) {
		_, set := m.LastContactedAt()
		if (set || m.LastContactedAtCleared()) && !history.Is(ctx) && !access.IsSystem(ctx) {
			return nil, errcode.New(errcode.BadUserInput,
				"lastContactedAt is derived from the interactions a key person took part in: log the contact instead").
				With("field", "lastContactedAt")
		}
		return next.Mutate(ctx, m)
	})
}

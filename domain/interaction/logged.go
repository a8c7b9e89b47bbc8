package interaction

import (
	"context"
	"strings"
	"time"

	"entgo.io/ent"

	"tandem/domain/access"
	"tandem/domain/history"
	gen "tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/hook"
)

// A contact is planned or logged (held). It is logged when it is created after it
// happened, or when a planned one gets what was found (findings, people, a next step)
// once its time has come. loggedAt records that moment and is never typed in: Today
// stops asking for a logged visit, and the account's last contacts count only logged
// ones.

// DefaultNextStepDays is when a next step written without a date falls due, counted
// from the contact (or from now, for a contact logged late).
const DefaultNextStepDays = 7

// Grace is how far in the future a contact may be and still count as held (a phone's
// clock runs a little ahead).
const Grace = time.Minute

// Now is the workflow's clock (tests set it).
var Now = func() time.Time { return time.Now().UTC() }

// IsPlanned reports whether a contact at occurredAt has not happened yet at now.
func IsPlanned(occurredAt, now time.Time) bool { return occurredAt.After(now.Add(Grace)) }

// Reports is what a change to a contact records of it having been held.
type Reports struct {
	Findings, People, NextStep, When bool
}

func (r Reports) any() bool { return r.Findings || r.People || r.NextStep || r.When }

// LoggedAt decides the contact's loggedAt after a write: already logged stays as it
// was; a contact whose time has come is logged when it is created, or when the write
// reports on it; a planned one stays unlogged.
func LoggedAt(old *time.Time, creating bool, occurredAt, now time.Time, r Reports) *time.Time {
	switch {
	case old != nil:
		return old
	case IsPlanned(occurredAt, now):
		return nil
	case creating || r.any():
		return &now
	}
	return nil
}

// DefaultDue is the due date of a next step written without one: a week after the
// contact, or after now when the contact is long past. No next step, no date.
func DefaultDue(step string, due *time.Time, occurredAt, now time.Time) *time.Time {
	if strings.TrimSpace(step) == "" || due != nil {
		return due
	}
	from := occurredAt
	if from.Before(now) {
		from = now
	}
	d := from.Add(DefaultNextStepDays * 24 * time.Hour)
	return &d
}

// Logged keeps loggedAt and the next step's due date what the workflow says, on every
// write of a contact. Only the system (its own operations) and imported history may
// name loggedAt.
func Logged(next ent.Mutator) ent.Mutator {
	return hook.InteractionFunc(func(ctx context.Context, m *gen.InteractionMutation) (gen.Value, error) {
		if _, set := m.LoggedAt(); (set || m.LoggedAtCleared()) && !history.Is(ctx) && !access.IsSystem(ctx) {
			return nil, errcode.New(errcode.BadUserInput,
				"loggedAt is set by logging the contact (logVisit, or its findings once it has happened): it cannot be written").
				With("field", "loggedAt")
		}
		if history.Is(ctx) {
			historyLogged(m)
			return next.Mutate(ctx, m)
		}
		if !m.Op().Is(ent.OpCreate | ent.OpUpdateOne) {
			return next.Mutate(ctx, m)
		}
		if err := applyLogged(ctx, m); err != nil {
			return nil, err
		}
		return next.Mutate(ctx, m)
	})
}

// historyLogged marks an imported contact that has happened as logged when it did.
func historyLogged(m *gen.InteractionMutation) {
	if _, set := m.LoggedAt(); set || !m.Op().Is(ent.OpCreate) {
		return
	}
	at, ok := m.OccurredAt()
	if !ok {
		at = Now()
	}
	if !IsPlanned(at, Now()) {
		m.SetLoggedAt(at)
	}
}

func applyLogged(ctx context.Context, m *gen.InteractionMutation) error {
	now := Now()
	creating := m.Op().Is(ent.OpCreate)
	_, findings := m.Findings()
	_, steps := m.NextStep()
	_, when := m.OccurredAt()
	_, dueSet := m.NextStepDue()
	r := Reports{Findings: findings, People: len(m.TheirParticipantsIDs()) > 0, NextStep: steps, When: when}
	if !creating && !r.any() && !dueSet && !m.NextStepDueCleared() {
		return nil // an edit that reports nothing and leaves the next step alone: no row to read
	}
	var (
		old      *time.Time
		occurred = now
		step     string
		due      *time.Time
	)
	if !creating {
		id, _ := m.ID()
		prev, err := m.Client().Interaction.Get(system(ctx), id)
		if err != nil {
			return err
		}
		old, occurred, step, due = prev.LoggedAt, prev.OccurredAt, prev.NextStep, prev.NextStepDue
	}
	if v, ok := m.OccurredAt(); ok {
		occurred = v
	}
	if v, ok := m.NextStep(); ok {
		step = v
	}
	if v, ok := m.NextStepDue(); ok {
		due = &v
	} else if m.NextStepDueCleared() {
		due = nil
	}
	if at := LoggedAt(old, creating, occurred, now, r); at != nil && old == nil {
		m.SetLoggedAt(*at)
	}
	if d := DefaultDue(step, due, occurred, now); d != nil && due == nil {
		m.SetNextStepDue(*d)
	}
	return nil
}

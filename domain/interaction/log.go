package interaction

import (
	"context"
	"strings"
	"time"

	gen "tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/interaction"
	"tandem/ent/schema/pulid"
	"tandem/ent/task"
)

// Log is what a rep records after a contact (the quick log in the car): the planned
// contact it completes, if any, what was found and promised, who was there, the next
// step, and the open next steps it dealt with.
type Log struct {
	CustomerID pulid.ID
	// PlannedID names the planned contact this log completes ("": a new contact).
	PlannedID   pulid.ID
	Kind        interaction.Kind
	OccurredAt  *time.Time
	Findings    string
	Promises    string
	NextStep    string
	NextStepDue *time.Time
	Their, Ours []pulid.ID
	// DoneTasks are open tasks of the account the contact dealt with.
	DoneTasks []pulid.ID
	Private   *bool
	// CheckIn is where the phone was, when the rep let it tell (nil: not checked in).
	CheckIn *CheckIn
}

// ClockSkew is how far ahead of the server a phone's clock may run: a log "in the
// future" by less is taken as logged now.
const ClockSkew = 10 * time.Minute

// at is when the logged contact took place: the time given, never after now.
func at(given *time.Time, otherwise, now time.Time) time.Time {
	t := otherwise
	if given != nil {
		t = *given
	}
	if t.After(now) {
		return now
	}
	return t
}

// Check is the log's own rules, before anything is read: something to log, and a
// time that has come.
func (l Log) Check(now time.Time) error {
	if strings.TrimSpace(l.Findings) == "" && strings.TrimSpace(l.NextStep) == "" {
		return errcode.New(errcode.BadUserInput, "write what you found or the next step").With("field", "findings")
	}
	if l.OccurredAt != nil && l.OccurredAt.After(now.Add(ClockSkew)) {
		return errcode.New(errcode.BadUserInput, "a contact is logged once it has happened: occurredAt is in the future").With("field", "occurredAt")
	}
	if err := interaction.KindValidator(l.Kind); l.Kind != "" && err != nil {
		return errcode.New(errcode.BadUserInput, "kind: %v", err).With("field", "kind")
	}
	if l.CheckIn != nil {
		return l.CheckIn.Check()
	}
	return nil
}

// LogContact records a held contact: it completes the planned one it names (which then
// leaves Today) or logs a new one with the ID given, and marks the tasks it dealt
// with done. Run it in the request's transaction: all of it lands or none.
func LogContact(ctx context.Context, c *gen.Client, id pulid.ID, l Log) (*gen.Interaction, error) {
	now := Now()
	if err := l.Check(now); err != nil {
		return nil, err
	}
	var (
		in  *gen.Interaction
		err error
	)
	if l.PlannedID != "" {
		in, err = completePlan(ctx, c, l, now)
	} else {
		in, err = newLog(ctx, c, id, l, now)
	}
	if err != nil {
		return nil, err
	}
	if err := learnPlace(ctx, c, l.CustomerID, in, l.CheckIn, now); err != nil {
		return nil, err
	}
	return in, doneTasks(ctx, c, l.CustomerID, l.DoneTasks, now)
}

func newLog(ctx context.Context, c *gen.Client, id pulid.ID, l Log, now time.Time) (*gen.Interaction, error) {
	kind := l.Kind
	if kind == "" {
		kind = interaction.KindVISIT
	}
	when := at(l.OccurredAt, now, now)
	cr := c.Interaction.Create().SetID(id).SetCustomerID(l.CustomerID).SetKind(kind).SetOccurredAt(when).
		SetFindings(strings.TrimSpace(l.Findings)).SetPromises(strings.TrimSpace(l.Promises)).
		SetNextStep(strings.TrimSpace(l.NextStep)).SetNillableNextStepDue(l.NextStepDue).
		AddTheirParticipantIDs(l.Their...).AddOurParticipantIDs(l.Ours...).
		SetNillablePrivate(l.Private)
	if ci := l.CheckIn; ci != nil {
		cr.SetCheckInLatitude(ci.Latitude).SetCheckInLongitude(ci.Longitude).SetCheckInAccuracy(ci.Accuracy)
	}
	return cr.Save(ctx)
}

// completePlan writes the log into the planned contact. The update asks for the plan
// still unlogged, so two phones logging one plan at once cannot both write it: the
// second gets CONFLICT.
func completePlan(ctx context.Context, c *gen.Client, l Log, now time.Time) (*gen.Interaction, error) {
	plan, err := c.Interaction.Get(ctx, l.PlannedID)
	if err != nil {
		return nil, err
	}
	if plan.CustomerID != l.CustomerID {
		return nil, errcode.New(errcode.BadUserInput, "the planned contact belongs to another account").With("field", "plannedID")
	}
	if plan.LoggedAt != nil {
		return nil, alreadyLogged(plan)
	}
	when := at(l.OccurredAt, plan.OccurredAt, now) // held earlier than planned: now
	their, err := newIDs(l.Their, c.Interaction.QueryTheirParticipants(plan).IDs, ctx)
	if err != nil {
		return nil, err
	}
	ours, err := newIDs(l.Ours, c.Interaction.QueryOurParticipants(plan).IDs, ctx)
	if err != nil {
		return nil, err
	}
	u := c.Interaction.UpdateOneID(plan.ID).Where(interaction.LoggedAtIsNil()).
		SetOccurredAt(when).SetNextStep(strings.TrimSpace(l.NextStep)).SetNillableNextStepDue(l.NextStepDue).
		SetNillablePrivate(l.Private).AddTheirParticipantIDs(their...).AddOurParticipantIDs(ours...)
	if l.Kind != "" {
		u.SetKind(l.Kind)
	}
	if ci := l.CheckIn; ci != nil {
		u.SetCheckInLatitude(ci.Latitude).SetCheckInLongitude(ci.Longitude).SetCheckInAccuracy(ci.Accuracy)
	}
	u.SetFindings(joinText(plan.Findings, l.Findings)).SetPromises(joinText(plan.Promises, l.Promises))
	in, err := u.Save(ctx)
	if gen.IsNotFound(err) {
		return nil, alreadyLogged(plan)
	}
	return in, err
}

func alreadyLogged(plan *gen.Interaction) error {
	return errcode.New(errcode.Conflict, "this planned contact has already been logged").With("field", "plannedID").With("id", string(plan.ID))
}

// newIDs leaves out the participants the plan already names (have reads them; adding
// one twice breaks the edge's unique key).
func newIDs(ids []pulid.ID, have func(context.Context) ([]pulid.ID, error), ctx context.Context) ([]pulid.ID, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	named, err := have(system(ctx))
	if err != nil {
		return nil, err
	}
	seen := map[pulid.ID]bool{}
	for _, h := range named {
		seen[h] = true
	}
	var out []pulid.ID
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out, nil
}

func joinText(old, add string) string {
	old, add = strings.TrimSpace(old), strings.TrimSpace(add)
	switch {
	case old == "":
		return add
	case add == "":
		return old
	}
	return old + "\n" + add
}

// doneTasks marks the open tasks the contact dealt with done. Each must be a task of
// the account the viewer may change; one already done is left as it is (a log sent
// again after a lost answer).
func doneTasks(ctx context.Context, c *gen.Client, customerID pulid.ID, ids []pulid.ID, now time.Time) error {
	if len(ids) == 0 {
		return nil
	}
	tasks, err := c.Task.Query().Where(task.IDIn(ids...)).All(ctx)
	if err != nil {
		return err
	}
	found := map[pulid.ID]*gen.Task{}
	for _, t := range tasks {
		found[t.ID] = t
	}
	for _, id := range ids {
		t := found[id]
		if t == nil || t.CustomerID != customerID {
			return errcode.New(errcode.BadUserInput, "doneTaskIDs: %s is not a next step of this account", id).With("field", "doneTaskIDs")
		}
		if t.Status != task.StatusOPEN {
			continue
		}
		if err := c.Task.UpdateOne(t).SetStatus(task.StatusDONE).SetDoneAt(now).Exec(ctx); err != nil {
			return err
		}
	}
	return nil
}

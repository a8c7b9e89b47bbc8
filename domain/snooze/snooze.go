// Package snooze puts items of a person's Today list aside until a time, and brings
// them back: a rep who cannot reach a customer before Thursday snoozes the reminder to
// Thursday instead of seeing it every morning. A snooze is the person's own; nobody
// else's list changes, and the record itself is untouched.
package snooze

import (
	"context"
	"time"

	gen "tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/schema/pulid"
	"tandem/ent/snooze"
	"tandem/ent/viewer"
)

// MaxAhead is the furthest a Today item can be put aside: what waits longer is not
// today's work, and belongs in a task with its own date.
const MaxAhead = 30 * 24 * time.Hour

// Check is a snooze's own rule: a time still to come, at most MaxAhead away.
func Check(until, now time.Time) error {
	switch {
	case !until.After(now):
		return errcode.New(errcode.BadUserInput, "until: a time still to come").With("field", "until")
	case until.Sub(now) > MaxAhead:
		return errcode.New(errcode.BadUserInput, "until: at most %d days ahead; set a task with its own date for longer", int(MaxAhead.Hours()/24)).With("field", "until")
	}
	return nil
}

// Put snoozes the signed-in person's item (kind, node) until the time given, or moves
// the time of its snooze: a retry or a second phone changes the one row.
func Put(ctx context.Context, c *gen.Client, kind string, node pulid.ID, until, now time.Time) (*gen.Snooze, error) {
	if err := Check(until, now); err != nil {
		return nil, err
	}
	owner := viewer.FromContext(ctx).UserID
	if owner == "" {
		return nil, errcode.New(errcode.Forbidden, "only a signed-in person has a Today list")
	}
	id, err := c.Snooze.Create().SetOwnerID(owner).SetKind(kind).SetNodeID(node).SetUntil(until.UTC()).
		OnConflictColumns(snooze.FieldOwnerID, snooze.FieldKind, snooze.FieldNodeID).
		Update(func(u *gen.SnoozeUpsert) { u.UpdateUntil().UpdateUpdatedAt() }).
		ID(ctx)
	if err != nil {
		return nil, err
	}
	return c.Snooze.Get(ctx, id)
}

// Lift brings the item back on the person's list at once; false when it was not
// snoozed.
func Lift(ctx context.Context, c *gen.Client, kind string, node pulid.ID) (bool, error) {
	owner := viewer.FromContext(ctx).UserID
	row, err := c.Snooze.Query().Where(snooze.OwnerID(owner), snooze.Kind(kind), snooze.NodeID(node)).Only(ctx)
	switch {
	case gen.IsNotFound(err):
		return false, nil
	case err != nil:
		return false, err
	}
	if err := c.Snooze.DeleteOne(row).Exec(ctx); err != nil && !gen.IsNotFound(err) {
		return false, err
	}
	return true, nil
}

// Active is a person's items put aside at now: the records of each kind. Snoozes
// whose time has passed are left in place (a snooze's row is small and is replaced
// when the item is snoozed again).
func Active(ctx context.Context, c *gen.Client, owner pulid.ID, now time.Time) (map[string][]pulid.ID, error) {
	out := map[string][]pulid.ID{}
	if owner == "" {
		return out, nil
	}
	rows, err := c.Snooze.Query().Where(snooze.OwnerID(owner), snooze.UntilGT(now.UTC())).
		Select(snooze.FieldKind, snooze.FieldNodeID).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.Kind] = append(out[r.Kind], r.NodeID)
	}
	return out, nil
}

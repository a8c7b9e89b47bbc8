// Package keyperson is a key person's part in an account (关键人) ending: when the
// account moves into purchasing's hands the key persons change, and the row that ends
// keeps when and why it ended — history, never overwritten. A key person ends only
// through End, once.
package keyperson

import (
	"context"
	"strings"
	"time"

	"entgo.io/ent"

	"tandem/domain/access"
	"tandem/domain/history"
	"tandem/domain/move"
	gen "tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/hook"
	"tandem/ent/keyperson"
	"tandem/ent/schema/pulid"
)

const kind = "keyperson"

// End ends a key person at now, with the reason: a person already ended is a
// CONFLICT naming the first end (extensions.endedAt, endedReason), and nothing is
// overwritten.
func End(ctx context.Context, c *gen.Client, id pulid.ID, reason *string, version *int, now time.Time) (*gen.KeyPerson, error) {
	kp, err := c.KeyPerson.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := NotEnded(kp); err != nil {
		return nil, err
	}
	// Conditional on the row still being active: of two concurrent ends one wins.
	u := c.KeyPerson.UpdateOneID(id).Where(keyperson.ActiveToIsNil()).SetActiveTo(now.UTC())
	if reason != nil {
		if r := strings.TrimSpace(*reason); r != "" {
			u.SetEndedReason(r)
		}
	}
	if version != nil {
		u.SetVersion(*version)
	}
	saved, err := u.Save(move.Mark(ctx, kind, id))
	if err != nil && gen.IsNotFound(err) {
		if cur, gerr := c.KeyPerson.Get(ctx, id); gerr == nil {
			if cerr := NotEnded(cur); cerr != nil {
				return nil, cerr
			}
		}
	}
	return saved, err
}

// NotEnded refuses to end a key person a second time.
func NotEnded(kp *gen.KeyPerson) error {
	if kp.ActiveTo == nil {
		return nil
	}
	return errcode.New(errcode.Conflict, "this key person already ended on %s; an end is history and is not changed",
		kp.ActiveTo.UTC().Format(time.RFC3339)).
		With("field", "id").With("endedAt", kp.ActiveTo.UTC().Format(time.RFC3339)).With("endedReason", kp.EndedReason)
}

// Guard refuses active_to and ended_reason set or cleared by anything but End (a new
// key person starts active; history being imported, and the server's own records,
// keep their dates).
func Guard(next ent.Mutator) ent.Mutator {
	return hook.KeyPersonFunc(func(ctx context.Context, m *gen.KeyPersonMutation) (gen.Value, error) {
		if history.Is(ctx) || (m.Op().Is(ent.OpCreate) && access.IsSystem(ctx)) {
			return next.Mutate(ctx, m)
		}
		for _, f := range []string{keyperson.FieldActiveTo, keyperson.FieldEndedReason} {
			_, set := m.Field(f)
			if !set && !m.FieldCleared(f) {
				continue
			}
			if id, _ := m.ID(); m.Op().Is(ent.OpUpdateOne) && move.Marked(ctx, kind, id) {
				continue
			}
			return nil, errcode.New(errcode.BadUserInput, "a key person ends only through endKeyPerson, once; %s is not edited", f).
				With("field", f)
		}
		return next.Mutate(ctx, m)
	})
}

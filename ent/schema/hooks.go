package schema

import (
	"context"
	"fmt"
	"time"

	"entgo.io/ent"
	"entgo.io/ent/dialect/sql"

	"tandem/domain/access"
	"tandem/domain/history"
	"tandem/domain/people"
	gen "tandem/ent"
	"tandem/ent/auditevent"
	"tandem/ent/errcode"
	"tandem/ent/hook"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
)

func (AuditMixin) Hooks() []ent.Hook {
	return []ent.Hook{
		hook.On(versionHook, ent.OpUpdateOne),
		hook.On(auditHook, ent.OpCreate|ent.OpUpdateOne|ent.OpDeleteOne),
	}
}

type versioned interface {
	Version() (int, bool)
	SetVersion(int)
	AddVersion(int)
	WhereP(...func(*sql.Selector))
}

// versionHook makes an update conditional on the version the client read: the UPDATE
// carries `WHERE version = expected`, so of two concurrent editors exactly one wins
// and the other gets CONFLICT, with nothing changed.
func versionHook(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		vm, ok := m.(versioned)
		if !ok {
			return next.Mutate(ctx, m)
		}
		expected, sent := vm.Version()
		if !sent {
			vm.AddVersion(1)
			return next.Mutate(ctx, m)
		}
		vm.SetVersion(expected + 1)
		vm.WhereP(sql.FieldEQ("version", expected))
		v, err := next.Mutate(ctx, m)
		if gen.IsNotFound(err) {
			return nil, errcode.New(errcode.Conflict,
				"this %s was changed by someone else since version %d; reload it and apply your change again", m.Type(), expected).
				With("expectedVersion", expected)
		}
		return v, err
	})
}

// hiddenFromAudit are fields whose values never go into the audit log.
var hiddenFromAudit = map[string]bool{
	"password_hash": true, "private_notes": true, "token_hash": true, "salt": true,
}

type auditable interface {
	ent.Mutation
	ID() (pulid.ID, bool)
	Client() *gen.Client
}

// auditHook writes who changed what, with the fields before and after, in the same
// transaction as the change itself.
func auditHook(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		am, ok := m.(auditable)
		if !ok {
			return next.Mutate(ctx, m)
		}
		var before map[string]any
		if m.Op().Is(ent.OpUpdateOne) {
			before = map[string]any{}
			for _, f := range m.Fields() {
				if hiddenFromAudit[f] || f == "updated_at" {
					continue
				}
				if old, err := m.OldField(ctx, f); err == nil {
					before[f] = old
				}
			}
		}
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return v, err
		}
		after := map[string]any{}
		for _, f := range m.Fields() {
			if hiddenFromAudit[f] || f == "updated_at" || f == "created_at" {
				continue
			}
			val, _ := m.Field(f)
			after[f] = val
		}
		for _, e := range m.AddedEdges() {
			after["+"+e] = fmt.Sprint(m.AddedIDs(e))
		}
		id, _ := am.ID()
		action := auditevent.ActionUPDATE
		switch {
		case m.Op().Is(ent.OpCreate):
			action = auditevent.ActionCREATE
		case m.Op().Is(ent.OpDeleteOne):
			action = auditevent.ActionDELETE
		}
		ev := am.Client().AuditEvent.Create().
			SetAction(action).
			SetEntityType(m.Type()).
			SetEntityID(string(id)).
			SetAfter(after).
			SetAt(time.Now().UTC())
		if before != nil {
			ev.SetBefore(before)
		}
		if vw := viewer.FromContext(ctx); vw != nil && vw.UserID != "" {
			ev.SetActorID(vw.UserID)
		}
		ev.SetActorLabel(actorLabel(ctx))
		if history.Defer(ctx, ev) { // an import's batch inserts it (BatchWrites)
			return v, nil
		}
		if err := ev.Exec(access.System(ctx, "audit log: written with every change")); err != nil {
			return nil, fmt.Errorf("audit: %w", err)
		}
		return v, nil
	})
}

// actorLabel names who acts, readable even after the user or token is gone: the
// viewer's label ("Name <email>", "API token <name>"), "import" for history being
// imported, "system" for the server's own changes.
func actorLabel(ctx context.Context) string {
	vw := viewer.FromContext(ctx)
	switch {
	case history.Is(ctx):
		if vw != nil && vw.Label != "" {
			return people.Clip(people.ImportLabel + " by " + vw.Label)
		}
		return people.ImportLabel
	case vw != nil && vw.Label != "":
		return people.Clip(vw.Label)
	}
	return people.SystemLabel
}

// system is the context of the hooks that keep derived and recorded rows (persons,
// webhook outboxes): the rules were checked on the change that caused them, and the
// rows they write are not the viewer's to choose.
func system(ctx context.Context) context.Context {
	return access.System(ctx, "ent hooks: rows derived from or recorded with a checked change")
}

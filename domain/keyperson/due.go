package keyperson

import (
	"context"
	"fmt"
	"time"

	"entgo.io/ent"

	"tandem/domain/access"
	"tandem/domain/account"
	gen "tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/hook"
	"tandem/ent/keyperson"
	"tandem/ent/predicate"
	"tandem/ent/schema/pulid"
)

// DueAt is when a key person falls due for contact: when they became key if they were
// never contacted, else their last contact plus the interval agreed for them, shorter
// while the account evaluates us (account.ContactIntervalDays).
func DueAt(last *time.Time, activeFrom time.Time, agreed int, stage customer.Stage) time.Time {
	if last == nil {
		return activeFrom.UTC()
	}
	return last.UTC().Add(time.Duration(account.ContactIntervalDays(agreed, stage)) * 24 * time.Hour)
}

// DueVersion names what the stored due times were computed with (the evaluation
// factor in force): start-up refreshes them all when it changes.
func DueVersion() string { return fmt.Sprintf("v1 factor=%g", account.EvaluationFactor()) }

// Refresh stores the contact due time (contact_due_at) of the active key persons
// matching where, read with their account's stage (see store). It returns how many
// rows it wrote.
func Refresh(ctx context.Context, c *gen.Client, where ...predicate.KeyPerson) (int, error) {
	sys := access.System(ctx, "key persons: when each falls due for contact")
	kps, err := c.KeyPerson.Query().Where(append(where[:len(where):len(where)], keyperson.ActiveToIsNil())...).
		Select(keyperson.FieldCustomerID, keyperson.FieldContactIntervalDays, keyperson.FieldLastContactedAt,
			keyperson.FieldActiveFrom, keyperson.FieldContactDueAt).
		WithCustomer(func(q *gen.CustomerQuery) { q.Select(customer.FieldStage) }).All(sys)
	if err != nil {
		return 0, err
	}
	return store(sys, c, kps)
}

// store writes the due time of those of kps that are active and whose stored time is
// not their DueAt, each with a plain UPDATE of that column: it is derived, not an edit
// anyone made, so no version, audit or hook follows. The accounts' stages come from
// the rows' loaded customer, else from one query.
func store(sys context.Context, c *gen.Client, kps []*gen.KeyPerson) (int, error) {
	stages := map[pulid.ID]customer.Stage{}
	var unknown []pulid.ID
	for _, kp := range kps {
		if cu := kp.Edges.Customer; cu != nil {
			stages[kp.CustomerID] = cu.Stage
		} else {
			unknown = append(unknown, kp.CustomerID)
		}
	}
	if len(unknown) > 0 {
		cs, err := c.Customer.Query().Where(customer.IDIn(unknown...)).Select(customer.FieldStage).All(sys)
		if err != nil {
			return 0, err
		}
		for _, cu := range cs {
			stages[cu.ID] = cu.Stage
		}
	}
	n := 0
	for _, kp := range kps {
		due := DueAt(kp.LastContactedAt, kp.ActiveFrom, kp.ContactIntervalDays, stages[kp.CustomerID])
		if kp.ActiveTo != nil || kp.ContactDueAt != nil && kp.ContactDueAt.Equal(due) {
			continue
		}
		if _, err := c.ExecContext(sys, "UPDATE "+keyperson.Table+" SET "+keyperson.FieldContactDueAt+" = $1 WHERE id = $2", due, string(kp.ID)); err != nil {
			return n, fmt.Errorf("contact due time of key person %s: %w", kp.ID, err)
		}
		n++
	}
	return n, nil
}

// RefreshAll refreshes every active key person in one transaction (at start-up: rows
// from before the due time was stored, or after the evaluation factor changed).
func RefreshAll(ctx context.Context, c *gen.Client) (int, error) {
	tx, err := c.Tx(ctx)
	if err != nil {
		return 0, err
	}
	n, err := Refresh(ctx, tx.Client())
	if err != nil {
		_ = tx.Rollback()
		return 0, err
	}
	return n, tx.Commit()
}

// dueFields are what a key person's due time is computed from.
var dueFields = []string{keyperson.FieldLastContactedAt, keyperson.FieldContactIntervalDays, keyperson.FieldActiveFrom, keyperson.FieldCustomerID}

// DueHook keeps the due time of the key persons a mutation creates or changes: after
// a write that sets one of dueFields (logging a visit sets last_contacted_at), it
// stores theirs in the same transaction — from the row the mutation answers, or, for a
// write of many rows, reading them again.
func DueHook(next ent.Mutator) ent.Mutator {
	return hook.KeyPersonFunc(func(ctx context.Context, m *gen.KeyPersonMutation) (gen.Value, error) {
		touched := m.Op().Is(ent.OpCreate)
		for _, f := range dueFields {
			if _, ok := m.Field(f); ok || m.FieldCleared(f) {
				touched = true
			}
		}
		if !touched {
			return next.Mutate(ctx, m)
		}
		var ids []pulid.ID
		if m.Op().Is(ent.OpUpdate) { // which rows, before the write changes what its filter matches
			var err error
			if ids, err = m.IDs(ctx); err != nil {
				return nil, err
			}
		}
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return v, err
		}
		if kp, ok := v.(*gen.KeyPerson); ok { // one row: the mutation answers it whole
			_, err = store(access.System(ctx, "key persons: when each falls due for contact"), m.Client(), []*gen.KeyPerson{kp})
		} else if len(ids) > 0 {
			_, err = Refresh(ctx, m.Client(), keyperson.IDIn(ids...))
		}
		return v, err
	})
}

// StageDueHook refreshes the due times of an account's key persons when the account
// enters or leaves the evaluation stage, whose interval is shorter.
func StageDueHook(next ent.Mutator) ent.Mutator {
	return hook.CustomerFunc(func(ctx context.Context, m *gen.CustomerMutation) (gen.Value, error) {
		to, set := m.Stage()
		id, one := m.ID()
		if !set || !one {
			return next.Mutate(ctx, m)
		}
		from, err := m.OldStage(ctx)
		if err != nil {
			return nil, err
		}
		v, err := next.Mutate(ctx, m)
		if err != nil || from == to || (from != customer.StageEVALUATION && to != customer.StageEVALUATION) {
			return v, err
		}
		_, err = Refresh(ctx, m.Client(), keyperson.CustomerID(id))
		return v, err
	})
}

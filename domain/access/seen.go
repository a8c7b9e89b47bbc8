package access

import (
	"context"
	"sync"

	"tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/schema/pulid"
)

// What one change read of its accounts: the link check of a write reads the account
// the new row belongs to (CanSee), and the change's effects read the same account's
// stage right after (a contact moves its account on, account.Advance). With a record
// in the context the check reads the stage with the row, and the effects take it from
// there: one read of the account instead of two.
//
// A recorded stage is a value read in the change's transaction, not a permission: it
// is kept for any viewer, and every write of a stage records the stage it wrote
// (account's moveStage), so the record is never older than the change's own writes.
// A move made meanwhile by another transaction is what it would be had that
// transaction committed after this one; a forward move stays conditional on the stage
// it read (moveStage), and is read again when that stage has gone.

type seenKey struct{}

type seen struct {
	mu    sync.Mutex
	stage map[pulid.ID]customer.Stage
}

// WithSeen returns a context that records the stages of the accounts its checks and
// moves read or write. The caller keeps it to one operation, in one transaction.
func WithSeen(ctx context.Context) context.Context {
	return context.WithValue(ctx, seenKey{}, &seen{})
}

// seenIn is ctx's record, nil when its operation keeps none.
func seenIn(ctx context.Context) *seen {
	s, _ := ctx.Value(seenKey{}).(*seen)
	return s
}

// SawStage records the stage of an account as ctx's operation read or wrote it.
func SawStage(ctx context.Context, id pulid.ID, stage customer.Stage) {
	s := seenIn(ctx)
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stage == nil {
		s.stage = map[pulid.ID]customer.Stage{}
	}
	s.stage[id] = stage
}

// StageSeen is the stage ctx's operation last read or wrote for the account, if any.
func StageSeen(ctx context.Context, id pulid.ID) (customer.Stage, bool) {
	s := seenIn(ctx)
	if s == nil {
		return "", false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st, ok := s.stage[id]
	return st, ok
}

// seeAccount is CanSee of an account where the operation records stages: the same
// read, through the same rule, with the stage.
func seeAccount(ctx context.Context, c *ent.Client, id pulid.ID) bool {
	cu, err := c.Customer.Query().Where(customer.ID(id)).Select(customer.FieldStage).Only(ctx)
	if err != nil {
		return false
	}
	SawStage(ctx, id, cu.Stage)
	return true
}

package merge

import (
	"context"
	"strings"
	"time"

	"tandem/domain/access"
	"tandem/domain/account"
	gen "tandem/ent"
	"tandem/ent/accountchange"
	"tandem/ent/customer"
	"tandem/ent/errcode"
	"tandem/ent/predicate"
	"tandem/ent/schema/pulid"
	"tandem/ent/task"
	"tandem/ent/user"
	"tandem/ent/viewer"
)

// MaxBulk is the most accounts one bulk change touches.
const MaxBulk = 500

// Filter narrows a bulk change: the accounts named (none: all), at a stage, of a
// tier, in a region.
type Filter struct {
	IDs    []pulid.ID
	Stage  *customer.Stage
	Tier   *customer.Tier
	Region *string
}

func (f Filter) where() []predicate.Customer {
	var ps []predicate.Customer
	if len(f.IDs) > 0 {
		ps = append(ps, customer.IDIn(f.IDs...))
	}
	if f.Stage != nil {
		ps = append(ps, customer.StageEQ(*f.Stage))
	}
	if f.Tier != nil {
		ps = append(ps, customer.TierEQ(*f.Tier))
	}
	if f.Region != nil && *f.Region != "" {
		ps = append(ps, customer.Region(*f.Region))
	}
	return ps
}

// Reassigned is what a reassignment did.
type Reassigned struct {
	Accounts []*gen.Customer
	Tasks    int
}

// Reassign gives a rep's accounts (those the filter keeps) to another rep, with the
// open tasks on them that were the old rep's. Managers move their team's accounts to
// someone in their team; admins any. Each account gets its audit (the owner's
// update) and a REASSIGNED entry on its timeline. A retry finds nothing left to move.
func Reassign(ctx context.Context, c *gen.Client, from, to pulid.ID, f Filter, reason string, now time.Time) (*Reassigned, error) {
	v := viewer.FromContext(ctx)
	if !access.Manages(v) {
		return nil, errcode.New(errcode.Forbidden, "reassigning accounts is for managers and admins")
	}
	reason = strings.TrimSpace(reason)
	switch {
	case reason == "":
		return nil, errcode.New(errcode.BadUserInput, "give a reason for the reassignment").With("field", "reason")
	case len(reason) > 500:
		return nil, errcode.New(errcode.BadUserInput, "reason: at most 500 characters").With("field", "reason")
	case from == to:
		return nil, errcode.New(errcode.BadUserInput, "the accounts are that rep's already").With("field", "toUserID")
	case len(f.IDs) > MaxBulk:
		return nil, errcode.New(errcode.BadUserInput, "at most %d accounts at once", MaxBulk).With("field", "customerIDs")
	}
	target, err := c.User.Get(ctx, to)
	if err != nil {
		return nil, errcode.New(errcode.BadUserInput, "toUserID: no such user").With("field", "toUserID")
	}
	if target.Role != user.RoleREP && target.Role != user.RoleMANAGER {
		return nil, errcode.New(errcode.BadUserInput, "accounts go to a rep or a manager").With("field", "toUserID")
	}
	if v.Role == viewer.Manager && (v.TeamID == "" || target.TeamID != v.TeamID) {
		return nil, errcode.New(errcode.Forbidden, "you reassign accounts within your team only").With("field", "toUserID")
	}
	accts, err := c.Customer.Query().Where(append(f.where(), customer.OwnerID(from))...).
		Order(customer.ByName(), customer.ByID()).Limit(MaxBulk + 1).All(ctx)
	if err != nil {
		return nil, err
	}
	if len(accts) > MaxBulk {
		return nil, errcode.New(errcode.BadUserInput, "more than %d accounts match; narrow the filter", MaxBulk).With("field", "customerIDs")
	}
	out := &Reassigned{}
	sys := access.System(ctx, "reassign: the old rep's open tasks on the account follow it")
	for _, a := range accts {
		saved, err := c.Customer.UpdateOneID(a.ID).Where(customer.OwnerID(from)).SetOwnerID(to).Save(ctx)
		if err != nil {
			return nil, meanwhile(err, "an account changed owner meanwhile; reload and try again")
		}
		n, err := c.Task.Update().Where(task.CustomerID(a.ID), task.AssigneeID(from), task.StatusEQ(task.StatusOPEN)).
			SetAssigneeID(to).Save(sys)
		if err != nil {
			return nil, err
		}
		out.Tasks += n
		if _, err := record(ctx, c, c.AccountChange.Create().SetKind(accountchange.KindREASSIGNED).SetCustomerID(a.ID).
			SetFromUserID(from).SetToUserID(to), nil, map[string]int{"tasks": n}, reason, now); err != nil {
			return nil, err
		}
		out.Accounts = append(out.Accounts, saved)
	}
	return out, nil
}

// StageResult is one account of a bulk stage move: moved, or refused and why.
type StageResult struct {
	ID       pulid.ID
	Customer *gen.Customer
	Err      error
}

// SetStages moves each account by the single-account rule (account.Set: managers,
// with a reason) and reports each: a refusal of one does not stop the others.
func SetStages(ctx context.Context, c *gen.Client, ids []pulid.ID, to customer.Stage, reason string) ([]StageResult, error) {
	if !access.Manages(viewer.FromContext(ctx)) {
		return nil, errcode.New(errcode.Forbidden, "stages follow evidence (visits, samples, trials, orders); only a manager sets one by hand")
	}
	if len(ids) == 0 || len(ids) > MaxBulk {
		return nil, errcode.New(errcode.BadUserInput, "name 1 to %d accounts", MaxBulk).With("field", "customerIDs")
	}
	out := make([]StageResult, 0, len(ids))
	for _, id := range ids {
		cu, err := account.Set(ctx, c, id, to, reason, nil)
		out = append(out, StageResult{ID: id, Customer: cu, Err: err})
	}
	return out, nil
}

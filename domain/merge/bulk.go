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
func Reassign(ctx context.Context, c *gen.Client, from, to pulid.ID, f Filter, reason, lang string, now time.Time) (*Reassigned, error) {
	v := viewer.FromContext(ctx)
	if !access.Manages(v) {
		return nil, errcode.New(errcode.Forbidden, "%s", say(lang, "只有经理和管理员可以转交客户", "reassigning accounts is for managers and admins"))
	}
	reason = strings.TrimSpace(reason)
	switch {
	case reason == "":
		return nil, errcode.New(errcode.BadUserInput, "%s", say(lang, "请填写转交的原因", "give a reason for the reassignment")).With("field", "reason")
	case len(reason) > 500:
		return nil, tooLong(lang)
	case from == to:
		return nil, errcode.New(errcode.BadUserInput, "%s", say(lang, "这些客户已经是该销售的", "the accounts are that rep's already")).With("field", "toUserID")
	case len(f.IDs) > MaxBulk:
		return nil, tooMany(lang)
	}
	target, err := c.User.Get(ctx, to)
	if err != nil {
		return nil, errcode.New(errcode.BadUserInput, "%s", say(lang, "没有这个用户", "toUserID: no such user")).With("field", "toUserID")
	}
	if target.Role != user.RoleREP && target.Role != user.RoleMANAGER {
		return nil, errcode.New(errcode.BadUserInput, "%s", say(lang, "客户只能转交给销售或经理", "accounts go to a rep or a manager")).With("field", "toUserID")
	}
	if v.Role == viewer.Manager && (v.TeamID == "" || target.TeamID != v.TeamID) {
		return nil, errcode.New(errcode.Forbidden, "%s", say(lang, "只能转交给本团队的人", "you reassign accounts within your team only")).With("field", "toUserID")
	}
	accts, err := c.Customer.Query().Where(append(f.where(), customer.OwnerID(from))...).
		Order(customer.ByName(), customer.ByID()).Limit(MaxBulk + 1).All(ctx)
	if err != nil {
		return nil, err
	}
	if len(accts) > MaxBulk {
		return nil, errcode.New(errcode.BadUserInput, say(lang, "符合条件的客户超过 %d 个，请缩小范围", "more than %d accounts match; narrow the filter"), MaxBulk).With("field", "customerIDs")
	}
	out := &Reassigned{}
	sys := access.System(ctx, "reassign: the old rep's open tasks on the account follow it")
	for _, a := range accts {
		saved, err := c.Customer.UpdateOneID(a.ID).Where(customer.OwnerID(from)).SetOwnerID(to).Save(ctx)
		if err != nil {
			return nil, meanwhile(err, say(lang, "有客户刚被转交给别人，请刷新后重试", "an account changed owner meanwhile; reload and try again"))
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

// SetStages moves each account by the single-account rule (account.Set: managers,
// with a reason) and reports each: a refusal of one does not stop the others.
func SetStages(ctx context.Context, c *gen.Client, ids []pulid.ID, to customer.Stage, reason, lang string) ([]Result, error) {
	if !access.Manages(viewer.FromContext(ctx)) {
		return nil, errcode.New(errcode.Forbidden, "%s", say(lang, "阶段由证据推进（拜访、样品、试用、订单）；只有经理可以手动设置",
			"stages follow evidence (visits, samples, trials, orders); only a manager sets one by hand"))
	}
	if len(ids) == 0 || len(ids) > MaxBulk {
		return nil, tooMany(lang)
	}
	out := make([]Result, 0, len(ids))
	for _, id := range ids {
		cu, err := account.Set(ctx, c, id, to, reason, nil)
		out = append(out, Result{ID: id, Customer: cu, Err: err})
	}
	return out, nil
}

// say picks the text of the viewer's language ("en", otherwise Chinese).
func say(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}

func tooMany(lang string) error {
	return errcode.New(errcode.BadUserInput, say(lang, "请选择 1 到 %d 个客户", "name 1 to %d accounts"), MaxBulk).With("field", "customerIDs")
}

func tooLong(lang string) error {
	return errcode.New(errcode.BadUserInput, "%s", say(lang, "原因最多 500 字", "reason: at most 500 characters")).With("field", "reason")
}

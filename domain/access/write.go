package access

import (
	"context"

	"tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/privacy"
	"tandem/ent/schema/pulid"
	"tandem/ent/user"
	"tandem/ent/viewer"
)

// Write is who may create, change and delete a type's rows: the rules run in order,
// the first that decides wins, and a mutation no rule allows is refused.
type Write []privacy.MutationRule

// The write rules of the table.
var (
	// accountWrite: admins; reps and managers on the accounts they read.
	accountWrite = Write{allowIfAdmin(), denyPartner(), allowAccountWrite()}
	// customerWrite: admins; reps and managers within their team (see allowCustomerWrite).
	customerWrite = Write{allowIfAdmin(), allowCustomerWrite()}
	// catalogueWrite: the catalogue, prices, documents and change notices: managers.
	catalogueWrite = Write{allowIfAdmin(), allowRoles(viewer.Manager)}
	// adminWrite: admins only.
	adminWrite = Write{allowIfAdmin()}
	// systemWrite: no viewer writes; the server does, through System.
	systemWrite = Write{}
)

func allowIfAdmin() privacy.MutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if v := viewer.FromContext(ctx); v != nil && v.Role == viewer.Admin {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

func allowRoles(roles ...viewer.Role) privacy.MutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		v := viewer.FromContext(ctx)
		for _, r := range roles {
			if v != nil && v.Role == r {
				return privacy.Allow
			}
		}
		return privacy.Skip
	})
}

// denyPartner keeps partners away from what only our people change.
func denyPartner() privacy.MutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if v := viewer.FromContext(ctx); v != nil && v.Role == viewer.Partner {
			return ErrNotVisible
		}
		return privacy.Skip
	})
}

// CanSee reports whether the viewer may read the node with this ID. An account's
// stage is recorded with the read where the operation records them (WithSeen).
func CanSee(ctx context.Context, c *ent.Client, id pulid.ID) bool {
	if seenIn(ctx) != nil && id.Prefix() == "CU" {
		return seeAccount(ctx, c, id)
	}
	_, err := c.Noder(ctx, id, ent.WithIDType)
	return err == nil
}

type clientMutation interface {
	ent.Mutation
	Client() *ent.Client
	ID() (pulid.ID, bool)
}

// allowAccountWrite lets reps and managers change what belongs to accounts they may
// read: the row itself must be readable, and so must every row it is linked to.
func allowAccountWrite() privacy.MutationRule {
	return privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
		v := viewer.FromContext(ctx)
		if v.Role != viewer.Rep && v.Role != viewer.Manager {
			return privacy.Skip
		}
		return checkLinks(ctx, m)
	})
}

// checkLinks allows a mutation when the row it changes and every row it links to
// are readable by the viewer; bulk updates and deletes are refused.
func checkLinks(ctx context.Context, m ent.Mutation) error {
	cm, ok := m.(clientMutation)
	if !ok {
		return privacy.Denyf("unsupported mutation %T", m)
	}
	c := cm.Client()
	switch {
	case m.Op().Is(ent.OpUpdateOne | ent.OpDeleteOne):
		id, _ := cm.ID()
		if !CanSee(ctx, c, id) {
			return ErrNotVisible
		}
	case m.Op().Is(ent.OpUpdate | ent.OpDelete):
		return privacy.Denyf("bulk changes are not allowed")
	}
	for _, e := range m.AddedEdges() {
		for _, raw := range m.AddedIDs(e) {
			id, ok := raw.(pulid.ID)
			if ok && passed(ctx, "see:"+string(id)) {
				continue
			}
			if !ok || !CanSee(ctx, c, id) {
				return errcode.New(errcode.BadUserInput, "%s: no such record %v", e, raw).With("field", e)
			}
			pass(ctx, "see:"+string(id))
		}
	}
	return privacy.Allow
}

// allowCustomerWrite lets reps and managers create accounts in their own team and
// change accounts they may read; only managers move an account to another owner, and
// only within their team.
func allowCustomerWrite() privacy.MutationRule {
	return privacy.CustomerMutationRuleFunc(func(ctx context.Context, m *ent.CustomerMutation) error {
		v := viewer.FromContext(ctx)
		if v.Role != viewer.Rep && v.Role != viewer.Manager {
			return privacy.Skip
		}
		if team, ok := m.TeamID(); ok && team != v.TeamID {
			return privacy.Denyf("an account can only be placed in your own team")
		}
		if m.TeamIDCleared() {
			return privacy.Denyf("an account must stay in a team")
		}
		if owner, ok := m.OwnerID(); ok && owner != v.UserID {
			if v.Role != viewer.Manager {
				return privacy.Denyf("only a manager can give an account to another rep")
			}
			if key := "member:" + string(owner) + ":" + string(v.TeamID); !passed(ctx, key) {
				n, err := m.Client().User.Query().Where(user.ID(owner), user.TeamID(v.TeamID)).Count(ctx)
				if err != nil || n == 0 {
					return errcode.New(errcode.BadUserInput, "owner: not a member of your team").With("field", "ownerID")
				}
				pass(ctx, key)
			}
		}
		return checkLinks(ctx, m)
	})
}

// allowSelfUpdate lets a user change their own name, phone, locale and password.
func allowSelfUpdate() privacy.MutationRule {
	return privacy.UserMutationRuleFunc(func(ctx context.Context, m *ent.UserMutation) error {
		v := viewer.FromContext(ctx)
		id, _ := m.ID()
		if !m.Op().Is(ent.OpUpdateOne) || id != v.UserID {
			return privacy.Skip
		}
		for _, f := range m.Fields() {
			switch f {
			case user.FieldName, user.FieldPhone, user.FieldLocale, user.FieldPasswordHash, user.FieldVersion, user.FieldUpdatedAt:
			case user.FieldMustChangePassword:
				// changePassword clears it; nobody sets it on themselves.
				if must, _ := m.MustChangePassword(); must {
					return privacy.Denyf("you cannot require yourself to change the password")
				}
			default:
				return privacy.Denyf("you cannot change your own %s", f)
			}
		}
		if len(m.AddedEdges()) > 0 || len(m.ClearedEdges()) > 0 {
			return privacy.Denyf("you cannot change your own team")
		}
		return privacy.Allow
	})
}

// allowPartnerIssue lets a partner with issues:write file a problem on its own
// organisation, about its own orders and products.
func allowPartnerIssue() privacy.MutationRule {
	return privacy.IssueMutationRuleFunc(func(ctx context.Context, m *ent.IssueMutation) error {
		v := viewer.FromContext(ctx)
		if v == nil || v.Role != viewer.Partner {
			return privacy.Skip
		}
		if !m.Op().Is(ent.OpCreate) || !v.HasScope("issues:write") {
			return privacy.Denyf("partners may only file problems, with the issues:write scope")
		}
		if id, _ := m.CustomerID(); id != v.CustomerID {
			return errcode.New(errcode.BadUserInput, "customerID: a problem is filed on your own organisation").With("field", "customerID")
		}
		return checkLinks(ctx, m)
	})
}

// allowPartnerIssueAttachment lets a partner with issues:write attach a file to a
// problem of its own organisation: one it can read (issues:read), as checkLinks asks.
func allowPartnerIssueAttachment() privacy.MutationRule {
	return privacy.IssueAttachmentMutationRuleFunc(func(ctx context.Context, m *ent.IssueAttachmentMutation) error {
		v := viewer.FromContext(ctx)
		if v == nil || v.Role != viewer.Partner {
			return privacy.Skip
		}
		if !m.Op().Is(ent.OpCreate) || !v.HasScope("issues:write") {
			return privacy.Denyf("partners may only attach files to their problems, with the issues:write scope")
		}
		return checkLinks(ctx, m)
	})
}

// ownedMutation is a write of a row that belongs to one person (owner_id): a saved
// query, a snooze of a Today item.
type ownedMutation interface {
	ent.Mutation
	SetOwnerID(pulid.ID)
}

// allowOwn lets a person create rows of their own (whatever owner the input names) and
// change or delete the ones they own.
func allowOwn() privacy.MutationRule {
	return privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
		om, ok := m.(ownedMutation)
		if !ok {
			return privacy.Skip
		}
		if m.Op().Is(ent.OpCreate) {
			om.SetOwnerID(viewer.FromContext(ctx).UserID)
			return privacy.Allow
		}
		return checkLinks(ctx, m)
	})
}

// allowMarketInfoWrite lets reps and managers record market information and change
// what they may read; whether an item was learned in confidence is its author's or a
// manager's call alone (a teammate must not clear the flag to share it).
func allowMarketInfoWrite() privacy.MutationRule {
	return privacy.MarketInfoMutationRuleFunc(func(ctx context.Context, m *ent.MarketInfoMutation) error {
		v := viewer.FromContext(ctx)
		if v.Role != viewer.Rep && v.Role != viewer.Manager {
			return privacy.Skip
		}
		if m.Op().Is(ent.OpCreate) {
			return privacy.Allow
		}
		if err := checkLinks(ctx, m); err != privacy.Allow {
			return err
		}
		if _, touched := m.ConfidentialOrigin(); !touched || v.Role == viewer.Manager {
			return privacy.Allow
		}
		author, err := m.OldAuthorID(ctx)
		if err != nil {
			return err
		}
		if author != v.UserID {
			return errcode.New(errcode.Forbidden, "only the author or a manager may change whether this information was learned in confidence").
				With("field", "confidentialOrigin")
		}
		return privacy.Allow
	})
}

// Package rule holds Tandem's privacy rules: who may see and change which rows. The
// rules run inside ent, so every path to the data — lists, node(id:), nodes(ids:),
// edges, nested connections and mutations — obeys them.
package rule

import (
	"context"

	"entgo.io/ent/dialect/sql"

	"tandem/ent"
	"tandem/ent/changenotice"
	"tandem/ent/changenoticeack"
	"tandem/ent/contact"
	"tandem/ent/customer"
	"tandem/ent/document"
	"tandem/ent/errcode"
	"tandem/ent/interaction"
	"tandem/ent/order"
	"tandem/ent/orderline"
	"tandem/ent/person"
	"tandem/ent/predicate"
	"tandem/ent/privacy"
	"tandem/ent/product"
	"tandem/ent/sample"
	"tandem/ent/savedquery"
	"tandem/ent/schema/pulid"
	"tandem/ent/task"
	"tandem/ent/user"
	"tandem/ent/viewer"
)

// ErrNotVisible refuses access to a row the viewer may not know exists; it is
// reported as NOT_FOUND, exactly like a row that does not exist.
var ErrNotVisible = privacy.Denyf("not found")

// DenyIfNoViewer refuses every operation without an authenticated viewer.
func DenyIfNoViewer() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if viewer.FromContext(ctx) == nil {
			return privacy.Denyf("no viewer")
		}
		return privacy.Skip
	})
}

// AllowIfAdmin lets admins do anything.
func AllowIfAdmin() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if v := viewer.FromContext(ctx); v != nil && v.Role == viewer.Admin {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// AllowInternalRead lets our own people (not partners) read reference data.
func AllowInternalRead() privacy.QueryRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if v := viewer.FromContext(ctx); v != nil && v.Internal() {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// AllowRoles lets the listed roles write.
func AllowRoles(roles ...viewer.Role) privacy.MutationRule {
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

// CustomerScope returns the predicate of the accounts a viewer may see; all is true
// when the viewer sees every account.
func CustomerScope(v *viewer.Viewer) (p predicate.Customer, all bool) {
	switch v.Role {
	case viewer.Admin, viewer.Analyst:
		return nil, true
	case viewer.Manager, viewer.Rep:
		if v.TeamID != "" {
			return customer.Or(customer.TeamID(v.TeamID), customer.OwnerID(v.UserID)), false
		}
		return customer.OwnerID(v.UserID), false
	case viewer.Partner:
		return customer.ID(v.CustomerID), false
	}
	return customer.ID("-"), false
}

// FilterCustomers narrows customer queries to the viewer's accounts.
func FilterCustomers() privacy.QueryRule {
	return privacy.CustomerQueryRuleFunc(func(ctx context.Context, q *ent.CustomerQuery) error {
		p, all := CustomerScope(viewer.FromContext(ctx))
		if !all {
			q.Where(p)
		}
		return privacy.Allow
	})
}

// customerFilter is the entql filter of every entity that belongs to one account.
type customerFilter interface {
	WhereHasCustomerWith(...predicate.Customer)
}

// FilterByCustomer narrows an account's child entities (contacts, samples, orders…)
// to the accounts the viewer may see.
func FilterByCustomer() privacy.QueryRule {
	return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		p, all := CustomerScope(viewer.FromContext(ctx))
		if all {
			return privacy.Allow
		}
		cf, ok := f.(customerFilter)
		if !ok {
			return privacy.Denyf("%T has no customer edge", f)
		}
		cf.WhereHasCustomerWith(p)
		return privacy.Allow
	})
}

// DenyPartner keeps partners away from internal assessments (key persons, pitches,
// competitors, needs, interactions…).
func DenyPartner() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if v := viewer.FromContext(ctx); v != nil && v.Role == viewer.Partner {
			return ErrNotVisible
		}
		return privacy.Skip
	})
}

// FilterPrivateInteractions hides interactions marked private from analysts, and from
// teammates other than the author and the account's owner.
func FilterPrivateInteractions() privacy.QueryRule {
	return privacy.InteractionQueryRuleFunc(func(ctx context.Context, q *ent.InteractionQuery) error {
		v := viewer.FromContext(ctx)
		switch v.Role {
		case viewer.Analyst:
			q.Where(interaction.Private(false))
		case viewer.Rep:
			q.Where(interaction.Or(
				interaction.Private(false),
				interaction.AuthorID(v.UserID),
				interaction.HasCustomerWith(customer.OwnerID(v.UserID)),
			))
		}
		return privacy.Skip
	})
}

// FilterTasks shows tasks of visible accounts and tasks assigned to the viewer.
func FilterTasks() privacy.QueryRule {
	return privacy.TaskQueryRuleFunc(func(ctx context.Context, q *ent.TaskQuery) error {
		v := viewer.FromContext(ctx)
		p, all := CustomerScope(v)
		if !all {
			q.Where(task.Or(task.HasCustomerWith(p), task.AssigneeID(v.UserID)))
		}
		return privacy.Allow
	})
}

// FilterPersons shows our people the persons behind the contacts they may see: every
// person to admins and analysts, to reps and managers those with a contact at one of
// their accounts (Person.contacts is then narrowed by the contact rule).
func FilterPersons() privacy.QueryRule {
	return privacy.PersonQueryRuleFunc(func(ctx context.Context, q *ent.PersonQuery) error {
		p, all := CustomerScope(viewer.FromContext(ctx))
		if !all {
			q.Where(person.HasContactsWith(contact.HasCustomerWith(p)))
		}
		return privacy.Allow
	})
}

// FilterUsers shows partners only themselves; our people see every colleague.
func FilterUsers() privacy.QueryRule {
	return privacy.UserQueryRuleFunc(func(ctx context.Context, q *ent.UserQuery) error {
		v := viewer.FromContext(ctx)
		if !v.Internal() {
			q.Where(user.ID(v.UserID))
		}
		return privacy.Allow
	})
}

// CanSee reports whether the viewer may see the node with this ID.
func CanSee(ctx context.Context, c *ent.Client, id pulid.ID) bool {
	_, err := c.Noder(ctx, id, ent.WithIDType)
	return err == nil
}

type clientMutation interface {
	ent.Mutation
	Client() *ent.Client
	ID() (pulid.ID, bool)
}

// AllowAccountWrite lets reps and managers change what belongs to accounts they may
// see: the row itself must be visible, and so must every row it is linked to.
func AllowAccountWrite() privacy.MutationRule {
	return privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
		v := viewer.FromContext(ctx)
		if v.Role != viewer.Rep && v.Role != viewer.Manager {
			return privacy.Skip
		}
		return checkLinks(ctx, m)
	})
}

// checkLinks allows a mutation when the row it changes and every row it links to
// are visible to the viewer; bulk updates and deletes are refused.
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
			if !ok || !CanSee(ctx, c, id) {
				return errcode.New(errcode.BadUserInput, "%s: no such record %v", e, raw).With("field", e)
			}
		}
	}
	return privacy.Allow
}

// AllowCustomerWrite lets reps and managers create accounts in their own team and
// change accounts they may see; only managers move an account to another owner, and
// only within their team.
func AllowCustomerWrite() privacy.MutationRule {
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
			n, err := m.Client().User.Query().Where(user.ID(owner), user.TeamID(v.TeamID)).Count(ctx)
			if err != nil || n == 0 {
				return errcode.New(errcode.BadUserInput, "owner: not a member of your team").With("field", "ownerID")
			}
		}
		return checkLinks(ctx, m)
	})
}

// AllowSelfUpdate lets a user change their own name, phone, locale and password.
func AllowSelfUpdate() privacy.MutationRule {
	return privacy.UserMutationRuleFunc(func(ctx context.Context, m *ent.UserMutation) error {
		v := viewer.FromContext(ctx)
		id, _ := m.ID()
		if !m.Op().Is(ent.OpUpdateOne) || id != v.UserID {
			return privacy.Skip
		}
		for _, f := range m.Fields() {
			switch f {
			case user.FieldName, user.FieldPhone, user.FieldLocale, user.FieldPasswordHash, user.FieldVersion, user.FieldUpdatedAt:
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

// RequireScope lets a partner token read a type only with the scope for it (users
// of a partner organisation carry every scope).
func RequireScope(scope string) privacy.QueryRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if v := viewer.FromContext(ctx); v != nil && v.Role == viewer.Partner && !v.HasScope(scope) {
			return ErrNotVisible
		}
		return privacy.Skip
	})
}

// boughtBy is the predicate "an order line of this customer" for partner filters.
func boughtBy(id pulid.ID) predicate.OrderLine {
	return orderline.And(orderline.CustomerID(id), orderline.HasOrderWith(order.StatusNEQ(order.StatusCANCELLED)))
}

// PartnerProducts shows a partner the products it bought or was sent samples of.
func PartnerProducts() privacy.QueryRule {
	return privacy.ProductQueryRuleFunc(func(ctx context.Context, q *ent.ProductQuery) error {
		v := viewer.FromContext(ctx)
		if v == nil || v.Role != viewer.Partner {
			return privacy.Skip
		}
		q.Where(product.Or(product.HasOrderLinesWith(boughtBy(v.CustomerID)), product.HasSamplesWith(sample.CustomerID(v.CustomerID))))
		return privacy.Allow
	})
}

// PartnerDocuments shows a partner (with documents:read) the documents made for it,
// the documents of the products it bought, and the COAs of the batches it received.
func PartnerDocuments() privacy.QueryRule {
	return privacy.DocumentQueryRuleFunc(func(ctx context.Context, q *ent.DocumentQuery) error {
		v := viewer.FromContext(ctx)
		if v == nil || v.Role != viewer.Partner {
			return privacy.Skip
		}
		if !v.HasScope("documents:read") {
			return ErrNotVisible
		}
		own := v.CustomerID
		theirBatches := func(s *sql.Selector) {
			lines := sql.Table(orderline.Table)
			s.Where(sql.In(s.C(document.FieldBatchNo), sql.Select(lines.C(orderline.FieldBatchNo)).From(lines).Where(sql.EQ(lines.C(orderline.FieldCustomerID), string(own)))))
		}
		q.Where(document.Or(
			document.CustomerID(own),
			document.And(document.CustomerIDIsNil(), document.TypeNEQ(document.TypeCOA), document.HasProductWith(product.HasOrderLinesWith(boughtBy(own)))),
			document.And(document.CustomerIDIsNil(), document.TypeEQ(document.TypeCOA), theirBatches),
		))
		return privacy.Allow
	})
}

// PartnerChangeNotices shows a partner (with change_notices:read) the notices
// addressed to it.
func PartnerChangeNotices() privacy.QueryRule {
	return privacy.ChangeNoticeQueryRuleFunc(func(ctx context.Context, q *ent.ChangeNoticeQuery) error {
		v := viewer.FromContext(ctx)
		if v == nil || v.Role != viewer.Partner {
			return privacy.Skip
		}
		if !v.HasScope("change_notices:read") {
			return ErrNotVisible
		}
		q.Where(changenotice.HasAcksWith(changenoticeack.CustomerID(v.CustomerID)))
		return privacy.Allow
	})
}

// AllowPartnerIssue lets a partner with issues:write file a problem on its own
// organisation, about its own orders and products.
func AllowPartnerIssue() privacy.MutationRule {
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

// AllowPartnerIssueAttachment lets a partner with issues:write attach a file to a
// problem of its own organisation: one it can see (issues:read), as checkLinks asks.
func AllowPartnerIssueAttachment() privacy.MutationRule {
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

// DenyInternalNonAdmin keeps partner-facing configuration (webhooks) to admins and
// the partner itself.
func DenyInternalNonAdmin() privacy.QueryRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if v := viewer.FromContext(ctx); v != nil && v.Internal() && v.Role != viewer.Admin {
			return ErrNotVisible
		}
		return privacy.Skip
	})
}

// FilterOwnQueries shows each person only their saved queries.
func FilterOwnQueries() privacy.QueryRule {
	return privacy.SavedQueryQueryRuleFunc(func(ctx context.Context, q *ent.SavedQueryQuery) error {
		q.Where(savedquery.OwnerID(viewer.FromContext(ctx).UserID))
		return privacy.Allow
	})
}

// AllowOwnQueries lets a person save queries and change or delete their own.
func AllowOwnQueries() privacy.MutationRule {
	return privacy.SavedQueryMutationRuleFunc(func(ctx context.Context, m *ent.SavedQueryMutation) error {
		v := viewer.FromContext(ctx)
		if m.Op().Is(ent.OpCreate) {
			m.SetOwnerID(v.UserID)
			return privacy.Allow
		}
		return checkLinks(ctx, m)
	})
}

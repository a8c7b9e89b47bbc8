package schema

import (
	"entgo.io/ent"

	"tandem/ent/privacy"
	"tandem/ent/rule"
	"tandem/ent/viewer"
)

// The whole access matrix in one place. Reads: admins and analysts see every account,
// managers and reps the accounts they or their team own, partners their own
// organisation (filled in by the partner API). Writes: admins anything; managers and
// reps what belongs to the accounts they see; analysts nothing.

// accountPolicy guards the child rows of an account.
func accountPolicy(query ...privacy.QueryRule) ent.Policy {
	q := append([]privacy.QueryRule{rule.DenyIfNoViewer()}, query...)
	q = append(q, rule.FilterByCustomer())
	return privacy.Policy{
		Query:    privacy.QueryPolicy(q),
		Mutation: privacy.MutationPolicy{rule.DenyIfNoViewer(), rule.AllowIfAdmin(), rule.DenyPartner(), rule.AllowAccountWrite(), privacy.AlwaysDenyRule()},
	}
}

// internalAccountPolicy guards an account's internal assessments: never a partner's.
func internalAccountPolicy(query ...privacy.QueryRule) ent.Policy {
	return accountPolicy(append([]privacy.QueryRule{rule.DenyPartner()}, query...)...)
}

// referencePolicy guards our catalogue and knowledge: read by our people (and by
// partners only through the partner rule given), written by the role given.
func referencePolicy(writer viewer.Role, partner ...privacy.QueryRule) ent.Policy {
	q := privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.AllowInternalRead()}
	q = append(q, partner...)
	return privacy.Policy{
		Query:    append(q, privacy.AlwaysDenyRule()),
		Mutation: privacy.MutationPolicy{rule.DenyIfNoViewer(), rule.AllowIfAdmin(), rule.AllowRoles(writer), privacy.AlwaysDenyRule()},
	}
}

// adminPolicy guards what only admins see and change.
func adminPolicy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.AllowIfAdmin(), privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{rule.DenyIfNoViewer(), rule.AllowIfAdmin(), privacy.AlwaysDenyRule()},
	}
}

// systemPolicy guards rows only the server itself touches (with a decision context).
func systemPolicy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
	}
}

func (Customer) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.FilterCustomers()},
		Mutation: privacy.MutationPolicy{rule.DenyIfNoViewer(), rule.AllowIfAdmin(), rule.AllowCustomerWrite(), privacy.AlwaysDenyRule()},
	}
}

// Person is derived by the contact hooks alone (hooks_person.go). Whoever may read
// key persons reads the persons behind the contacts they see; never a partner.
func (Person) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.DenyPartner(), rule.FilterPersons()},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
	}
}

func (Contact) Policy() ent.Policy         { return internalAccountPolicy() }
func (KeyPerson) Policy() ent.Policy       { return internalAccountPolicy() }
func (Need) Policy() ent.Policy            { return internalAccountPolicy() }
func (Competitor) Policy() ent.Policy      { return internalAccountPolicy() }
func (Pitch) Policy() ent.Policy           { return internalAccountPolicy() }
func (Assistance) Policy() ent.Policy      { return internalAccountPolicy() }
func (MarketInfoShare) Policy() ent.Policy { return internalAccountPolicy() }
func (Interaction) Policy() ent.Policy {
	return internalAccountPolicy(rule.FilterPrivateInteractions())
}
func (Sample) Policy() ent.Policy        { return accountPolicy(rule.RequireScope("samples:read")) }
func (Trial) Policy() ent.Policy         { return accountPolicy(rule.RequireScope("samples:read")) }
func (Order) Policy() ent.Policy         { return accountPolicy(rule.RequireScope("orders:read")) }
func (OrderLine) Policy() ent.Policy     { return accountPolicy(rule.RequireScope("orders:read")) }
func (Shipment) Policy() ent.Policy      { return accountPolicy(rule.RequireScope("orders:read")) }
func (TrackingEvent) Policy() ent.Policy { return accountPolicy(rule.RequireScope("orders:read")) }
func (Issue) Policy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.RequireScope("issues:read"), rule.FilterByCustomer()},
		Mutation: privacy.MutationPolicy{rule.DenyIfNoViewer(), rule.AllowIfAdmin(), rule.AllowPartnerIssue(),
			rule.DenyPartner(), rule.AllowAccountWrite(), privacy.AlwaysDenyRule()},
	}
}

// An attachment is exactly as visible as its problem (same account, same scope).
func (IssueAttachment) Policy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.RequireScope("issues:read"), rule.FilterByCustomer()},
		Mutation: privacy.MutationPolicy{rule.DenyIfNoViewer(), rule.AllowIfAdmin(), rule.AllowPartnerIssueAttachment(),
			rule.DenyPartner(), rule.AllowAccountWrite(), privacy.AlwaysDenyRule()},
	}
}

func (ChangeNoticeAck) Policy() ent.Policy {
	return accountPolicy(rule.RequireScope("change_notices:read"))
}

// StageChange rows are written by the customer hook alone.
func (StageChange) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.DenyPartner(), rule.FilterByCustomer()},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
	}
}

func (Task) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.DenyPartner(), rule.FilterTasks()},
		Mutation: privacy.MutationPolicy{rule.DenyIfNoViewer(), rule.AllowIfAdmin(), rule.DenyPartner(), rule.AllowAccountWrite(), privacy.AlwaysDenyRule()},
	}
}

func (Product) Policy() ent.Policy    { return referencePolicy(viewer.Manager, rule.PartnerProducts()) }
func (PricePoint) Policy() ent.Policy { return referencePolicy(viewer.Manager) }
func (Document) Policy() ent.Policy   { return referencePolicy(viewer.Manager, rule.PartnerDocuments()) }
func (ChangeNotice) Policy() ent.Policy {
	return referencePolicy(viewer.Manager, rule.PartnerChangeNotices())
}
func (MarketInfo) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.AllowInternalRead(), privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{rule.DenyIfNoViewer(), rule.AllowIfAdmin(), rule.AllowRoles(viewer.Manager, viewer.Rep), privacy.AlwaysDenyRule()},
	}
}
func (Team) Policy() ent.Policy { return referencePolicy(viewer.Admin) }

func (User) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.FilterUsers()},
		Mutation: privacy.MutationPolicy{rule.DenyIfNoViewer(), rule.AllowIfAdmin(), rule.AllowSelfUpdate(), privacy.AlwaysDenyRule()},
	}
}

func (APIToken) Policy() ent.Policy   { return adminPolicy() }
func (AuditEvent) Policy() ent.Policy { return adminPolicy() }

func (RefreshToken) Policy() ent.Policy   { return systemPolicy() }
func (LoginThrottle) Policy() ent.Policy  { return systemPolicy() }
func (ClientMutation) Policy() ent.Policy { return systemPolicy() }

func (ServiceDocument) Policy() ent.Policy { return internalAccountPolicy() }

// Lifecycle events are written by hooks and the step mutations alone.
func (SampleEvent) Policy() ent.Policy { return eventPolicy("samples:read") }
func (OrderEvent) Policy() ent.Policy  { return eventPolicy("orders:read") }

func eventPolicy(scope string) ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.RequireScope(scope), rule.FilterByCustomer()},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
	}
}

// Webhooks: a partner with webhooks:manage sees its own endpoints and delivery log;
// admins all. Endpoints are registered through dedicated mutations; deliveries are
// written by the event hooks and the dispatcher only.
func (WebhookEndpoint) Policy() ent.Policy { return webhookPolicy() }
func (WebhookDelivery) Policy() ent.Policy { return webhookPolicy() }

func webhookPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.AllowIfAdmin(), rule.RequireScope("webhooks:manage"),
			rule.DenyInternalNonAdmin(), rule.FilterByCustomer()},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
	}
}

// SavedQuery rows are their owner's alone (our people; partners keep theirs in their
// own systems).
func (SavedQuery) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.DenyPartner(), rule.FilterOwnQueries()},
		Mutation: privacy.MutationPolicy{rule.DenyIfNoViewer(), rule.DenyPartner(), rule.AllowOwnQueries(), privacy.AlwaysDenyRule()},
	}
}

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

// referencePolicy guards our catalogue and knowledge: read by our people, written by
// the roles listed.
func referencePolicy(writers ...viewer.Role) ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.AllowInternalRead(), privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{rule.DenyIfNoViewer(), rule.AllowIfAdmin(), rule.AllowRoles(writers...), privacy.AlwaysDenyRule()},
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
func (Sample) Policy() ent.Policy          { return accountPolicy() }
func (Trial) Policy() ent.Policy           { return accountPolicy() }
func (Order) Policy() ent.Policy           { return accountPolicy() }
func (OrderLine) Policy() ent.Policy       { return accountPolicy() }
func (Shipment) Policy() ent.Policy        { return accountPolicy() }
func (TrackingEvent) Policy() ent.Policy   { return accountPolicy() }
func (Issue) Policy() ent.Policy           { return accountPolicy() }
func (ChangeNoticeAck) Policy() ent.Policy { return accountPolicy() }

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

func (Product) Policy() ent.Policy      { return referencePolicy(viewer.Manager) }
func (PricePoint) Policy() ent.Policy   { return referencePolicy(viewer.Manager) }
func (Document) Policy() ent.Policy     { return referencePolicy(viewer.Manager) }
func (ChangeNotice) Policy() ent.Policy { return referencePolicy(viewer.Manager) }
func (MarketInfo) Policy() ent.Policy   { return referencePolicy(viewer.Manager, viewer.Rep) }
func (Team) Policy() ent.Policy         { return referencePolicy() }

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

func (ServiceDocument) Policy() ent.Policy { return accountPolicy() }

// Lifecycle events are written by hooks and the step mutations alone.
func (SampleEvent) Policy() ent.Policy { return eventPolicy() }
func (OrderEvent) Policy() ent.Policy  { return eventPolicy() }

func eventPolicy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.FilterByCustomer()},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
	}
}

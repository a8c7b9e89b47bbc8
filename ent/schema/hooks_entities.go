package schema

import (
	"context"

	"entgo.io/ent"

	"tandem/domain/access"
	"tandem/domain/account"
	"tandem/domain/credit"
	"tandem/domain/interaction"
	problems "tandem/domain/issue"
	keypersons "tandem/domain/keyperson"
	"tandem/domain/marketinfo"
	"tandem/domain/money"
	notices "tandem/domain/notice"
	orders "tandem/domain/order"
	projects "tandem/domain/project"
	quotations "tandem/domain/quotation"
	samples "tandem/domain/sample"
	"tandem/domain/search"
	"tandem/domain/stock"
	gen "tandem/ent"
	"tandem/ent/hook"
	"tandem/ent/issue"
	"tandem/ent/issueattachment"
	"tandem/ent/order"
	"tandem/ent/project"
	"tandem/ent/quotation"
	"tandem/ent/sample"
	"tandem/ent/schema/names"
	"tandem/ent/schema/pulid"
	"tandem/ent/shipment"
	"tandem/ent/viewer"
)

func (Customer) Hooks() []ent.Hook {
	return []ent.Hook{
		hook.On(customerDefaults, ent.OpCreate),
		hook.On(customerNames, ent.OpCreate|ent.OpUpdateOne),
		search.CustomerKey,
		hook.On(account.Classify, ent.OpCreate|ent.OpUpdateOne),
		hook.On(account.StageHook, ent.OpCreate|ent.OpUpdateOne),
		hook.On(keypersons.StageDueHook, ent.OpUpdateOne),
		hook.On(credit.Guard, ent.OpCreate|ent.OpUpdate|ent.OpUpdateOne),
		account.CountHook,
	}
}

// customerDefaults gives a new account to the rep who created it, in their team.
func customerDefaults(next ent.Mutator) ent.Mutator {
	return hook.CustomerFunc(func(ctx context.Context, m *gen.CustomerMutation) (gen.Value, error) {
		if v := viewer.FromContext(ctx); v != nil && v.Internal() {
			if _, ok := m.OwnerID(); !ok && v.Role != viewer.Analyst {
				m.SetOwnerID(v.UserID)
			}
			if _, ok := m.TeamID(); !ok && v.TeamID != "" {
				m.SetTeamID(v.TeamID)
			}
		}
		return next.Mutate(ctx, m)
	})
}

// customerNames keeps the folded name used to warn about duplicates.
func customerNames(next ent.Mutator) ent.Mutator {
	return hook.CustomerFunc(func(ctx context.Context, m *gen.CustomerMutation) (gen.Value, error) {
		if n, ok := m.Name(); ok {
			m.SetNormalizedName(names.Fold(n))
		}
		account.CoreName(m)
		return next.Mutate(ctx, m)
	})
}

func (Product) Hooks() []ent.Hook {
	return []ent.Hook{search.ProductKey, hook.On(stock.Counted, ent.OpCreate|ent.OpUpdateOne)}
}

func (ExchangeRate) Hooks() []ent.Hook {
	return []ent.Hook{hook.On(money.Record, ent.OpCreate), hook.On(money.AppendOnly, ent.OpUpdate|ent.OpUpdateOne|ent.OpDelete|ent.OpDeleteOne)}
}

func (Interaction) Hooks() []ent.Hook {
	return []ent.Hook{hook.On(interaction.Author, ent.OpCreate), hook.On(interaction.Logged, ent.OpCreate|ent.OpUpdate|ent.OpUpdateOne), hook.On(interaction.FollowUp, ent.OpCreate), hook.On(interaction.Held, ent.OpUpdateOne)}
}

func (Sample) Hooks() []ent.Hook {
	return []ent.Hook{hook.On(samples.Request, ent.OpCreate), hook.On(samples.Guard, ent.OpUpdate|ent.OpUpdateOne), samples.CountHook}
}

func (MarketInfo) Hooks() []ent.Hook {
	return []ent.Hook{hook.On(func(next ent.Mutator) ent.Mutator {
		return hook.MarketInfoFunc(func(ctx context.Context, m *gen.MarketInfoMutation) (gen.Value, error) {
			if v := viewer.FromContext(ctx); v != nil && v.UserID != "" {
				m.SetAuthorID(v.UserID)
			}
			return next.Mutate(ctx, m)
		})
	}, ent.OpCreate)}
}

func (Issue) Hooks() []ent.Hook {
	return []ent.Hook{hook.On(problems.Reported, ent.OpCreate), hook.On(problems.Guard, ent.OpUpdate|ent.OpUpdateOne),
		hook.On(issueEvent, ent.OpUpdateOne), hook.On(issueAttachmentsFollow, ent.OpUpdateOne)}
}

func (ChangeNotice) Hooks() []ent.Hook {
	return []ent.Hook{hook.On(notices.Guard, ent.OpCreate|ent.OpUpdate|ent.OpUpdateOne)}
}

func (Order) Hooks() []ent.Hook {
	return []ent.Hook{hook.On(orders.Evidence, ent.OpCreate), hook.On(orders.Guard, ent.OpCreate|ent.OpUpdate|ent.OpUpdateOne),
		hook.On(credit.OrderTerms, ent.OpCreate|ent.OpUpdate|ent.OpUpdateOne),
		hook.On(orderStatusEvent, ent.OpUpdateOne),
		hook.On(orders.Frozen("the order", orders.OrderIDsOfOrder), ent.OpUpdate|ent.OpUpdateOne|ent.OpDelete|ent.OpDeleteOne),
		hook.On(orders.VolumeHook, ent.OpUpdate|ent.OpUpdateOne|ent.OpDelete|ent.OpDeleteOne)}
}

// issueAttachmentsFollow moves a problem's attachments with it when the problem is
// put on another account, so they stay exactly as visible as the problem.
func issueAttachmentsFollow(next ent.Mutator) ent.Mutator {
	return hook.IssueFunc(func(ctx context.Context, m *gen.IssueMutation) (gen.Value, error) {
		cid, moved := m.CustomerID()
		v, err := next.Mutate(ctx, m)
		if err != nil || !moved {
			return v, err
		}
		id, _ := m.ID()
		err = m.Client().IssueAttachment.Update().
			Where(issueattachment.IssueID(id), issueattachment.CustomerIDNEQ(cid)).
			SetCustomerID(cid).
			Exec(access.System(ctx, "a problem's attachments follow it to its account"))
		if err != nil {
			return nil, err
		}
		return v, nil
	})
}

// IssueAttachment records who attached the file, and carries its problem's customer.
func (IssueAttachment) Hooks() []ent.Hook {
	return []ent.Hook{hook.On(func(next ent.Mutator) ent.Mutator {
		return hook.IssueAttachmentFunc(func(ctx context.Context, m *gen.IssueAttachmentMutation) (gen.Value, error) {
			if v := viewer.FromContext(ctx); v != nil && v.UserID != "" {
				m.SetUploadedByID(v.UserID)
			}
			return next.Mutate(ctx, m)
		})
	}, ent.OpCreate), inheritCustomer((*gen.IssueAttachmentMutation).IssueID,
		func(ctx context.Context, c *gen.Client, id pulid.ID) (string, error) {
			return c.Issue.Query().Where(issue.ID(id)).Select(issue.FieldCustomerID).String(ctx)
		})}
}

// MarketInfoShare: a share obeys marketinfo.CheckShare (nothing learned in
// confidence, no other customer's business without the rep's acknowledgement), and
// records the customers the text names.
func (MarketInfoShare) Hooks() []ent.Hook {
	return []ent.Hook{hook.On(func(next ent.Mutator) ent.Mutator {
		return hook.MarketInfoShareFunc(func(ctx context.Context, m *gen.MarketInfoShareMutation) (gen.Value, error) {
			s, err := shareOf(ctx, m)
			if err != nil {
				return nil, err
			}
			named, err := marketinfo.CheckShare(ctx, m.Client(), s)
			if err != nil {
				return nil, err
			}
			m.SetNamedCustomers(named)
			return next.Mutate(ctx, m)
		})
	}, ent.OpCreate|ent.OpUpdateOne)}
}

// shareOf reads a share as it will be once the mutation is applied.
func shareOf(ctx context.Context, m *gen.MarketInfoShareMutation) (marketinfo.Share, error) {
	var s marketinfo.Share
	var err error
	pick := func(dst *pulid.ID, set func() (pulid.ID, bool), old func(context.Context) (pulid.ID, error)) {
		if v, ok := set(); ok || err != nil {
			*dst = v
			return
		}
		*dst, err = old(ctx)
	}
	pick(&s.MarketInfo, m.MarketInfoID, m.OldMarketInfoID)
	pick(&s.Recipient, m.CustomerID, m.OldCustomerID)
	if n, ok := m.Note(); ok {
		s.Note = n
	} else if m.Op().Is(ent.OpUpdateOne) && err == nil {
		s.Note, err = m.OldNote(ctx)
	}
	if a, ok := m.NamesAcknowledged(); ok {
		s.Acknowledged = a
	} else if m.Op().Is(ent.OpUpdateOne) && err == nil {
		s.Acknowledged, err = m.OldNamesAcknowledged(ctx)
	}
	return s, err
}

// Rows that belong to an account through a parent carry the parent's customer, so
// every privacy filter is one join away from the account.

func (Trial) Hooks() []ent.Hook {
	return []ent.Hook{hook.On(samples.TrialStarted, ent.OpCreate), hook.On(samples.TrialGuard, ent.OpUpdate|ent.OpUpdateOne|ent.OpDelete|ent.OpDeleteOne), inheritCustomer((*gen.TrialMutation).SampleID,
		func(ctx context.Context, c *gen.Client, id pulid.ID) (string, error) {
			return c.Sample.Query().Where(sample.ID(id)).Select(sample.FieldCustomerID).String(ctx)
		})}
}

func (OrderLine) Hooks() []ent.Hook {
	return []ent.Hook{inheritCustomer((*gen.OrderLineMutation).OrderID, orderCustomer),
		orders.Frozen("its lines", orders.OrderIDsOfLine), hook.On(orders.LineGuard, ent.OpCreate|ent.OpUpdate|ent.OpUpdateOne),
		hook.On(quotations.LinePrice, ent.OpCreate|ent.OpUpdate|ent.OpUpdateOne), orders.VolumeHook}
}

func (Project) Hooks() []ent.Hook {
	return []ent.Hook{hook.On(projects.Guard, ent.OpCreate|ent.OpUpdate|ent.OpUpdateOne)}
}

func projectCustomer(ctx context.Context, c *gen.Client, id pulid.ID) (string, error) {
	return c.Project.Query().Where(project.ID(id)).Select(project.FieldCustomerID).String(ctx)
}

func (ProjectMember) Hooks() []ent.Hook {
	return []ent.Hook{inheritCustomer((*gen.ProjectMemberMutation).ProjectID, projectCustomer),
		hook.On(projects.MemberCheck, ent.OpCreate|ent.OpUpdateOne)}
}

func (ProjectMilestone) Hooks() []ent.Hook {
	return []ent.Hook{inheritCustomer((*gen.ProjectMilestoneMutation).ProjectID, projectCustomer),
		hook.On(projects.MilestoneGuard, ent.OpCreate|ent.OpUpdate|ent.OpUpdateOne)}
}

// ProjectDocument records who attached the file, and carries its project's customer.
func (ProjectDocument) Hooks() []ent.Hook {
	return []ent.Hook{hook.On(func(next ent.Mutator) ent.Mutator {
		return hook.ProjectDocumentFunc(func(ctx context.Context, m *gen.ProjectDocumentMutation) (gen.Value, error) {
			if v := viewer.FromContext(ctx); v != nil && v.UserID != "" {
				m.SetUploadedByID(v.UserID)
			}
			return next.Mutate(ctx, m)
		})
	}, ent.OpCreate), inheritCustomer((*gen.ProjectDocumentMutation).ProjectID, projectCustomer)}
}

func (Quotation) Hooks() []ent.Hook {
	return []ent.Hook{hook.On(quotations.Guard, ent.OpCreate|ent.OpUpdate|ent.OpUpdateOne|ent.OpDelete|ent.OpDeleteOne)}
}

func (QuotationLine) Hooks() []ent.Hook {
	return []ent.Hook{hook.On(quotations.LineGuard, ent.OpCreate|ent.OpUpdate|ent.OpUpdateOne|ent.OpDelete|ent.OpDeleteOne),
		inheritCustomer((*gen.QuotationLineMutation).QuotationID,
			func(ctx context.Context, c *gen.Client, id pulid.ID) (string, error) {
				return c.Quotation.Query().Where(quotation.ID(id)).Select(quotation.FieldCustomerID).String(ctx)
			})}
}

func (Shipment) Hooks() []ent.Hook {
	return []ent.Hook{hook.On(shipmentEvent, ent.OpCreate|ent.OpUpdateOne), inheritCustomer((*gen.ShipmentMutation).OrderID, orderCustomer),
		orders.Frozen("its shipments", orders.OrderIDsOfShipment)}
}

func (TrackingEvent) Hooks() []ent.Hook {
	return []ent.Hook{hook.On(trackingEvent, ent.OpCreate), inheritCustomer((*gen.TrackingEventMutation).ShipmentID,
		func(ctx context.Context, c *gen.Client, id pulid.ID) (string, error) {
			return c.Shipment.Query().Where(shipment.ID(id)).Select(shipment.FieldCustomerID).String(ctx)
		})}
}

func orderCustomer(ctx context.Context, c *gen.Client, id pulid.ID) (string, error) {
	return c.Order.Query().Where(order.ID(id)).Select(order.FieldCustomerID).String(ctx)
}

type inheritsCustomer interface {
	SetCustomerID(pulid.ID)
	Client() *gen.Client
}

// inheritCustomer gives a row the customer of its parent whenever the parent is set.
func inheritCustomer[M inheritsCustomer](parent func(M) (pulid.ID, bool), lookup func(context.Context, *gen.Client, pulid.ID) (string, error)) ent.Hook {
	return hook.On(func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if tm, ok := m.(M); ok {
				if id, set := parent(tm); set {
					cid, known := access.CustomerOf(ctx, id)
					if !known {
						got, err := lookup(ctx, tm.Client(), id)
						if err != nil {
							return nil, err
						}
						cid = pulid.ID(got)
						access.RememberCustomer(ctx, id, cid)
					}
					tm.SetCustomerID(cid)
				}
			}
			return next.Mutate(ctx, m)
		})
	}, ent.OpCreate|ent.OpUpdateOne)
}

// Interceptors: an account merged into another is a tombstone, out of every read.
func (Customer) Interceptors() []ent.Interceptor { return []ent.Interceptor{account.HideMerged()} }

// Interceptors: a contact merged into another is a tombstone, out of every read.
func (Contact) Interceptors() []ent.Interceptor { return []ent.Interceptor{account.HideMerged()} }

// A stage change measures the stay it ends (domain/account.StayHook).
func (StageChange) Hooks() []ent.Hook {
	return []ent.Hook{hook.On(account.StayHook, ent.OpCreate|ent.OpDelete|ent.OpDeleteOne)}
}

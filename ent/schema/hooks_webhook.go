package schema

import (
	"context"
	"encoding/json"
	notices "tandem/domain/notice"
	"time"

	"entgo.io/ent"

	"tandem/domain/access"
	"tandem/domain/history"
	gen "tandem/ent"
	"tandem/ent/hook"
	"tandem/ent/order"
	"tandem/ent/orderline"
	"tandem/ent/schema/pulid"
	"tandem/ent/webhookendpoint"
)

// Events for partners' webhooks are written to the outbox (WebhookDelivery) in the
// same transaction as the change, so an event is delivered if and only if the change
// was committed, even across a restart. server/webhook sends them.

// enqueue writes one delivery per active endpoint of each customer subscribed to the
// event.
func enqueue(ctx context.Context, c *gen.Client, event string, data map[string]any, customers ...pulid.ID) error {
	if history.Is(ctx) || len(customers) == 0 {
		return nil
	}
	sys := system(ctx)
	eps, err := c.WebhookEndpoint.Query().Where(webhookendpoint.CustomerIDIn(customers...), webhookendpoint.Active(true)).All(sys)
	if err != nil {
		return err
	}
	id := string(pulid.New("EV"))
	now := time.Now().UTC()
	for _, ep := range eps {
		if !contains(ep.Events, event) {
			continue
		}
		body, err := json.Marshal(map[string]any{"id": id, "type": event, "createdAt": now.Format(time.RFC3339Nano), "data": data})
		if err != nil {
			return err
		}
		err = c.WebhookDelivery.Create().SetEndpointID(ep.ID).SetCustomerID(ep.CustomerID).SetEventID(id).
			SetEventType(event).SetPayload(string(body)).SetNextAttemptAt(now).SetCreatedAt(now).Exec(sys)
		if err != nil {
			return err
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// after runs fn with the saved entity once the mutation succeeded.
func after[T any](fn func(ctx context.Context, c *gen.Client, v T) error) ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			v, err := next.Mutate(ctx, m)
			if err != nil {
				return v, err
			}
			t, ok := v.(T)
			if !ok {
				return v, nil
			}
			cm, ok := m.(interface{ Client() *gen.Client })
			if !ok {
				return v, nil
			}
			if err := fn(ctx, cm.Client(), t); err != nil {
				return nil, err
			}
			return v, nil
		})
	}
}

// orderStatusEvent tells the customer when its order's status changes.
func orderStatusEvent(next ent.Mutator) ent.Mutator {
	return hook.OrderFunc(func(ctx context.Context, m *gen.OrderMutation) (gen.Value, error) {
		to, changed := m.Status()
		var from order.Status
		if changed {
			old, err := m.OldStatus(ctx)
			if err != nil {
				return nil, err
			}
			from, changed = old, old != to
		}
		v, err := next.Mutate(ctx, m)
		if err != nil || !changed {
			return v, err
		}
		o := v.(*gen.Order)
		err = enqueue(ctx, m.Client(), "order.status_changed", access.PartnerPayload("Order",
			map[string]any{"orderId": o.ID, "number": o.Number, "status": o.Status, "previousStatus": from}), o.CustomerID)
		if err != nil {
			return nil, err
		}
		return v, nil
	})
}

var shipmentEvent = after(func(ctx context.Context, c *gen.Client, s *gen.Shipment) error {
	return enqueue(ctx, c, "shipment.updated", access.PartnerPayload("Shipment", map[string]any{"shipmentId": s.ID, "orderId": s.OrderID,
		"status": s.Status, "carrier": s.Carrier, "trackingNo": s.TrackingNo, "deliveredAt": s.DeliveredAt,
		"deliveryNoteSigned": s.DeliveryNoteSigned}), s.CustomerID)
})

var trackingEvent = after(func(ctx context.Context, c *gen.Client, t *gen.TrackingEvent) error {
	return enqueue(ctx, c, "shipment.updated", access.PartnerPayload("TrackingEvent", map[string]any{"shipmentId": t.ShipmentID,
		"at": t.At, "location": t.Location, "description": t.Description}), t.CustomerID)
})

// documentEvent tells the customers a document concerns: the one it was made for,
// the buyers of the batch a COA covers, or the buyers of the product in the last year.
var documentEvent = after(func(ctx context.Context, c *gen.Client, d *gen.Document) error {
	var customers []pulid.ID
	switch {
	case d.CustomerID != "":
		customers = []pulid.ID{d.CustomerID}
	case d.ProductID != "":
		q := c.OrderLine.Query().Where(orderline.ProductID(d.ProductID))
		if d.BatchNo != "" {
			q.Where(orderline.BatchNo(d.BatchNo))
		} else {
			q.Where(orderline.HasOrderWith(order.OrderedAtGTE(time.Now().AddDate(-1, 0, 0))))
		}
		ids, err := q.Unique(true).Select(orderline.FieldCustomerID).Strings(system(ctx))
		if err != nil {
			return err
		}
		for _, id := range ids {
			customers = append(customers, pulid.ID(id))
		}
	}
	return enqueue(ctx, c, "document.published", access.PartnerPayload("Document", map[string]any{"documentId": d.ID,
		"type": d.Type, "title": d.Title, "productId": d.ProductID, "batchNo": d.BatchNo, "language": d.Language}), customers...)
})

var changeNoticeEvent = after(func(ctx context.Context, c *gen.Client, a *gen.ChangeNoticeAck) error {
	n, err := c.ChangeNotice.Get(system(ctx), a.ChangeNoticeID)
	if err != nil {
		return err
	}
	data := access.PartnerPayload("ChangeNotice", map[string]any{"changeNoticeId": n.ID, "kind": n.Kind,
		"title": n.Title, "productId": n.ProductID, "effectiveAt": n.EffectiveAt})
	data["ackId"] = a.ID // the partner's own acknowledgement, to acknowledge it
	return enqueue(ctx, c, "change_notice.issued", data, a.CustomerID)
})

var issueEvent = after(func(ctx context.Context, c *gen.Client, is *gen.Issue) error {
	return enqueue(ctx, c, "issue.updated", access.PartnerPayload("Issue", map[string]any{"issueId": is.ID, "status": is.Status,
		"title": is.Title}), is.CustomerID)
})

func (Document) Hooks() []ent.Hook {
	return []ent.Hook{hook.On(documentEvent, ent.OpCreate)}
}

func (ChangeNoticeAck) Hooks() []ent.Hook {
	// One hook: the acknowledgement's guard (domain/notice), then the webhook of a new
	// acknowledgement.
	return []ent.Hook{func(next ent.Mutator) ent.Mutator {
		return notices.AckGuard(hook.On(changeNoticeEvent, ent.OpCreate)(next))
	}}
}

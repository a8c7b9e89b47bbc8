package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// WebhookEvents are the events a partner can subscribe to.
var webhookEvents = []string{"order.status_changed", "shipment.updated", "document.published", "change_notice.issued", "issue.updated"}

// WebhookEndpoint is a partner's HTTPS address that receives signed event deliveries.
type WebhookEndpoint struct{ ent.Schema }

func (WebhookEndpoint) Mixin() []ent.Mixin { return editable("WE") }

func (WebhookEndpoint) Fields() []ent.Field {
	return []ent.Field{
		fk("customer_id"),
		atMost(500, field.String("url").NotEmpty()),
		atMostItems(20, 60, field.Strings("events").Validate(oneOfEach("events", webhookEvents)).
			Comment("order.status_changed, shipment.updated, document.published, change_notice.issued, issue.updated")),
		atMost(128, field.String("secret").Sensitive().Annotations(entgql.Skip(entgql.SkipAll))),
		field.Bool("active").Default(true),
	}
}

func (WebhookEndpoint) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("webhook_endpoints").Unique().Required().Field("customer_id"),
		edge.To("deliveries", WebhookDelivery.Type).Annotations(connection()),
	}
}

func (WebhookEndpoint) Indexes() []ent.Index { return []ent.Index{index.Fields("customer_id")} }

func (WebhookEndpoint) Annotations() []schema.Annotation { return readOnlyGraphQL() }

// WebhookDelivery is one event for one endpoint: the durable outbox row the dispatcher
// claims, sends and retries, and afterwards the delivery log.
type WebhookDelivery struct{ ent.Schema }

func (WebhookDelivery) Mixin() []ent.Mixin { return []ent.Mixin{ids("WD")} }

func (WebhookDelivery) Fields() []ent.Field {
	return []ent.Field{
		immutableFK("endpoint_id"),
		immutableFK("customer_id"),
		atMost(100, field.String("event_id").Immutable().Comment("Stable id of the event: receivers de-duplicate on it.")),
		atMost(60, field.String("event_type").Immutable().Validate(func(s string) error { return oneOfEach("eventType", webhookEvents)([]string{s}) })),
		atMost(PayloadText, field.Text("payload").Immutable()),
		field.Enum("status").Values("PENDING", "DELIVERED", "FAILED").Default("PENDING"),
		field.Int("attempts").Default(0),
		field.Time("created_at").Default(now).Immutable().Annotations(entgql.OrderField("CREATED_AT")),
		field.Time("next_attempt_at").Default(now),
		field.Time("locked_until").Optional().Nillable().Annotations(entgql.Skip(entgql.SkipAll)),
		atMost(40, field.String("claim_token").Optional().Annotations(entgql.Skip(entgql.SkipAll)).
			Comment("Who holds the claim: the sender renews it while sending and records the outcome only if it still holds it.")),
		field.Time("delivered_at").Optional().Nillable(),
		field.Int("last_status_code").Optional().Nillable(),
		atMost(ShortText, field.String("last_error").Optional()),
	}
}

func (WebhookDelivery) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("endpoint", WebhookEndpoint.Type).Ref("deliveries").Unique().Required().Immutable().Field("endpoint_id"),
		edge.From("customer", Customer.Type).Ref("webhook_deliveries").Unique().Required().Immutable().Field("customer_id").
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (WebhookDelivery) Indexes() []ent.Index {
	return []ent.Index{index.Fields("status", "next_attempt_at"), index.Fields("endpoint_id", "created_at"), index.Fields("customer_id"), index.Fields("event_id")}
}

func (WebhookDelivery) Annotations() []schema.Annotation { return readOnlyGraphQL() }

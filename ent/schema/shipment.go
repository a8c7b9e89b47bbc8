package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Shipment is one consignment of an order, with its in-transit events (物流在途信息).
type Shipment struct{ ent.Schema }

func (Shipment) Mixin() []ent.Mixin { return editable("SH") }

func (Shipment) Fields() []ent.Field {
	return []ent.Field{
		fk("order_id"),
		derivedFK("customer_id"),
		atMost(120, field.String("carrier").Optional()),
		atMost(80, field.String("tracking_no").Optional()),
		field.Enum("status").Values("PREPARING", "IN_TRANSIT", "DELIVERED", "RETURNED").Default("PREPARING"),
		field.Time("shipped_at").Optional().Nillable().Annotations(entgql.OrderField("SHIPPED_AT")),
		field.Time("eta").Optional().Nillable(),
		field.Time("delivered_at").Optional().Nillable(),
		field.Bool("delivery_note_signed").Default(false),
		atMost(120, field.String("signed_by").Optional()),
	}
}

func (Shipment) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("order", Order.Type).Ref("shipments").Unique().Required().Field("order_id"),
		edge.From("customer", Customer.Type).Ref("shipments").Unique().Required().Field("customer_id").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("events", TrackingEvent.Type).Annotations(connection(), skipInputs()),
	}
}

func (Shipment) Indexes() []ent.Index {
	return []ent.Index{index.Fields("order_id"), index.Fields("customer_id"), index.Fields("status")}
}

func (Shipment) Annotations() []schema.Annotation { return graphQL() }

// TrackingEvent is one in-transit update of a shipment.
type TrackingEvent struct{ ent.Schema }

func (TrackingEvent) Mixin() []ent.Mixin { return editable("TE") }

func (TrackingEvent) Fields() []ent.Field {
	return []ent.Field{
		fk("shipment_id"),
		derivedFK("customer_id"),
		field.Time("at").Default(now).Annotations(entgql.OrderField("AT")),
		atMost(200, field.String("location").Optional()),
		atMost(500, field.String("description").NotEmpty()),
	}
}

func (TrackingEvent) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("shipment", Shipment.Type).Ref("events").Unique().Required().Field("shipment_id"),
		edge.From("customer", Customer.Type).Ref("tracking_events").Unique().Required().Field("customer_id").
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (TrackingEvent) Indexes() []ent.Index {
	return []ent.Index{index.Fields("shipment_id", "at"), index.Fields("customer_id")}
}

func (TrackingEvent) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate())}
}

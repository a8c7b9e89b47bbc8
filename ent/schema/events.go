package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	samples "tandem/domain/sample"
	"tandem/ent/hook"
	"tandem/ent/schema/pulid"
)

func immutableFK(name string) ent.Field {
	return field.String(name).GoType(pulid.ID("")).Immutable()
}

// SampleEvent is one move of a sample along its lifecycle: who, when, why.
type SampleEvent struct{ ent.Schema }

func (SampleEvent) Mixin() []ent.Mixin { return []ent.Mixin{ids("SE")} }

func (SampleEvent) Fields() []ent.Field {
	return []ent.Field{
		immutableFK("sample_id"),
		immutableFK("customer_id"),
		field.Enum("from_status").Values(sampleStatuses...).Immutable(),
		field.Enum("to_status").Values(sampleStatuses...).Immutable(),
		atMost(ShortText, field.String("note").Optional().Immutable()),
		field.String("actor_id").GoType(pulid.ID("")).Optional().Immutable(),
		field.Time("at").Default(now).Immutable().Annotations(entgql.OrderField("AT")),
	}
}

func (SampleEvent) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("sample", Sample.Type).Ref("events").Unique().Required().Immutable().Field("sample_id"),
		edge.From("customer", Customer.Type).Ref("sample_events").Unique().Required().Immutable().Field("customer_id").
			Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("actor", User.Type).Unique().Immutable().Field("actor_id"),
	}
}

func (SampleEvent) Indexes() []ent.Index {
	return []ent.Index{index.Fields("sample_id", "at"), index.Fields("customer_id"), index.Fields("actor_id"), index.Fields("to_status", "at")}
}

func (SampleEvent) Hooks() []ent.Hook {
	return []ent.Hook{hook.On(samples.ReachedHook, ent.OpCreate)}
}

func (SampleEvent) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

// OrderEvent is one completed step of an order's checklist: who, when, a note.
type OrderEvent struct{ ent.Schema }

func (OrderEvent) Mixin() []ent.Mixin { return []ent.Mixin{ids("OE")} }

func (OrderEvent) Fields() []ent.Field {
	return []ent.Field{
		immutableFK("order_id"),
		immutableFK("customer_id"),
		field.Enum("step").Values("CONFIRMED", "CONTRACT_SIGNED", "LABELLING_CHECKED", "PRODUCTION_DATE_CHECKED",
			"BATCH_CHECKED", "PACKAGING_CHECKED", "SHIPPED", "DELIVERED", "INVOICED", "PAID", "CLOSED", "CANCELLED",
			"BATCH_AGE_ACKNOWLEDGED", "CORRECTED").Immutable(),
		atMost(ShortText, field.String("note").Optional().Immutable()),
		field.String("actor_id").GoType(pulid.ID("")).Optional().Immutable(),
		field.Time("at").Default(now).Immutable().Annotations(entgql.OrderField("AT")),
	}
}

func (OrderEvent) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("order", Order.Type).Ref("events").Unique().Required().Immutable().Field("order_id"),
		edge.From("customer", Customer.Type).Ref("order_events").Unique().Required().Immutable().Field("customer_id").
			Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("actor", User.Type).Unique().Immutable().Field("actor_id"),
	}
}

func (OrderEvent) Indexes() []ent.Index {
	return []ent.Index{index.Fields("order_id", "at"), index.Fields("customer_id"), index.Fields("actor_id")}
}

func (OrderEvent) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

// ServiceDocument is one rung of a customer's service-level ladder: a document type the
// customer receives with its deliveries, and since when (说明书 → 质检单 → MSDS → SGS → 应用评估数据).
type ServiceDocument struct{ ent.Schema }

func (ServiceDocument) Mixin() []ent.Mixin { return editable("SD") }

func (ServiceDocument) Fields() []ent.Field {
	return []ent.Field{
		fk("customer_id"),
		field.Enum("type").Values("MANUAL_TDS", "MSDS", "CERTIFICATE", "COA", "PRECAUTIONS", "SGS_REPORT", "APPLICATION_DATA"),
		field.Time("since").Default(now).Annotations(entgql.OrderField("SINCE")),
		field.Time("until").Optional().Nillable().Comment("Set when the customer stops receiving it."),
		text("note"),
	}
}

func (ServiceDocument) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("service_documents").Unique().Required().Field("customer_id"),
	}
}

func (ServiceDocument) Indexes() []ent.Index {
	return []ent.Index{index.Fields("customer_id", "type")}
}

func (ServiceDocument) Annotations() []schema.Annotation { return graphQL() }

// IssueEvent is something that happened to a problem and stays recorded whatever is
// edited later: for now the breach of a service-level deadline (SLA_BREACHED), written
// the moment it is noticed (by the server's sweeper, or when the problem is read or
// moved past the deadline), once per problem and deadline.
type IssueEvent struct{ ent.Schema }

func (IssueEvent) Mixin() []ent.Mixin { return []ent.Mixin{ids("IE")} }

func (IssueEvent) Fields() []ent.Field {
	return []ent.Field{
		immutableFK("issue_id"),
		immutableFK("customer_id"),
		field.Enum("kind").Values("SLA_BREACHED").Immutable(),
		field.Enum("deadline").Values("RESPOND", "ON_SITE").Immutable().
			Comment("Which service-level deadline was missed: the response, or going on site."),
		field.Enum("severity").Values("LOW", "MEDIUM", "HIGH", "CRITICAL").Immutable().
			Comment("The problem's severity when the deadline was missed."),
		field.Time("due_at").Immutable().Comment("The deadline that was missed."),
		field.Time("at").Default(now).Immutable().Annotations(entgql.OrderField("AT")).
			Comment("When the breach was recorded."),
	}
}

func (IssueEvent) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("issue", Issue.Type).Ref("events").Unique().Required().Immutable().Field("issue_id"),
		edge.From("customer", Customer.Type).Ref("issue_events").Unique().Required().Immutable().Field("customer_id").
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (IssueEvent) Indexes() []ent.Index {
	return []ent.Index{
		// One breach per problem and deadline: the sweeper and a read may race.
		index.Fields("issue_id", "kind", "deadline").Unique(),
		index.Fields("customer_id"), index.Fields("kind", "at"),
	}
}

func (IssueEvent) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

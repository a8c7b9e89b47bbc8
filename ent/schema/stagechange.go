package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"tandem/ent/schema/pulid"
)

// StageChange is one move of an account from a stage to another, with who, when and why.
// It is written by the server when a customer's stage changes, never by a client.
type StageChange struct{ ent.Schema }

func (StageChange) Mixin() []ent.Mixin { return []ent.Mixin{ids("SC")} }

func (StageChange) Fields() []ent.Field {
	return []ent.Field{
		field.String("customer_id").GoType(pulid.ID("")).Immutable(),
		field.Enum("from_stage").Values(customerStages...).Optional().Nillable().Immutable(),
		field.Enum("to_stage").Values(customerStages...).Immutable(),
		atMost(500, field.String("reason").Optional().Immutable()),
		atMost(200, field.String("evidence").Optional().Immutable().Comment("What moved the account: a first visit, a shipped sample, a manager's decision…")),
		field.String("changed_by_id").GoType(pulid.ID("")).Optional().Immutable(),
		field.Time("changed_at").Default(now).Immutable().Annotations(entgql.OrderField("CHANGED_AT")),
		field.Int64("stay_seconds").Optional().Nillable().
			Comment("How long the account stayed in to_stage: whole seconds to its next change; empty while it is still there. Derived, kept by domain/account.StayHook.").
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (StageChange) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("stage_changes").Unique().Required().Immutable().Field("customer_id"),
		edge.To("changed_by", User.Type).Unique().Immutable().Field("changed_by_id"),
	}
}

func (StageChange) Indexes() []ent.Index {
	return []ent.Index{index.Fields("customer_id", "changed_at"), index.Fields("changed_by_id"), index.Fields("to_stage", "changed_at"),
		// stageDurations reads the stays at a rank of each stage from here.
		index.Fields("to_stage", "stay_seconds")}
}

// StageStay counts the completed stays in a stage by whole days (day = stay_seconds
// div 86400), kept with StageChange.stay_seconds by domain/account.StayHook:
// stageDurations finds which day holds a percentile's rank here, then reads the
// exact stay at that rank from the stage changes' index. Never read by clients.
type StageStay struct{ ent.Schema }

func (StageStay) Mixin() []ent.Mixin { return []ent.Mixin{ids("SY")} }

func (StageStay) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("stage").Values(customerStages...),
		field.Int("day").Min(0),
		field.Int("stays"),
	}
}

func (StageStay) Indexes() []ent.Index {
	return []ent.Index{index.Fields("stage", "day").Unique()}
}

func (StageStay) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

func (StageChange) Annotations() []schema.Annotation { return readOnlyGraphQL() }

// AuditEvent records who changed what, when, with the fields before and after.
type AuditEvent struct{ ent.Schema }

func (AuditEvent) Mixin() []ent.Mixin { return []ent.Mixin{ids("AE")} }

func (AuditEvent) Fields() []ent.Field {
	return []ent.Field{
		field.String("actor_id").GoType(pulid.ID("")).Optional().Immutable(),
		atMost(300, field.String("actor_label").Optional().Immutable().Comment("Email of the user or name of the token that acted.")),
		field.Enum("action").Values("CREATE", "UPDATE", "DELETE").Immutable(),
		atMost(40, field.String("entity_type").Immutable()),
		atMost(40, field.String("entity_id").Immutable()),
		field.JSON("before", map[string]any{}).Optional().Immutable().Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.JSON("after", map[string]any{}).Optional().Immutable().Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.Time("at").Default(now).Immutable().Annotations(entgql.OrderField("AT")),
	}
}

func (AuditEvent) Edges() []ent.Edge {
	return []ent.Edge{edge.To("actor", User.Type).Unique().Immutable().Field("actor_id")}
}

func (AuditEvent) Indexes() []ent.Index {
	return []ent.Index{index.Fields("entity_id", "at"), index.Fields("actor_id", "at"), index.Fields("at")}
}

func (AuditEvent) Annotations() []schema.Annotation { return readOnlyGraphQL() }

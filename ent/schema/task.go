package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Task is a follow-up or reminder, often the next step of an interaction.
type Task struct{ ent.Schema }

func (Task) Mixin() []ent.Mixin { return editable("TA") }

func (Task) Fields() []ent.Field {
	return []ent.Field{
		optFK("customer_id"),
		optFK("assignee_id"),
		optFK("interaction_id"),
		atMost(300, field.String("title").NotEmpty()),
		text("description"),
		field.Time("due_at").Optional().Nillable().Annotations(entgql.OrderField("DUE_AT")),
		field.Enum("status").Values("OPEN", "DONE", "CANCELLED").Default("OPEN").Annotations(entgql.OrderField("STATUS")),
		field.Time("done_at").Optional().Nillable(),
	}
}

func (Task) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("tasks").Unique().Field("customer_id"),
		edge.From("assignee", User.Type).Ref("tasks").Unique().Field("assignee_id"),
		edge.From("interaction", Interaction.Type).Ref("tasks").Unique().Field("interaction_id"),
	}
}

func (Task) Indexes() []ent.Index {
	return []ent.Index{index.Fields("customer_id"), index.Fields("assignee_id", "status", "due_at"), index.Fields("interaction_id"), index.Fields("due_at")}
}

func (Task) Annotations() []schema.Annotation { return graphQL() }

package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
)

// Team is a sales team; reps and managers see the accounts their team owns.
type Team struct{ ent.Schema }

func (Team) Mixin() []ent.Mixin { return editable("TM") }

func (Team) Fields() []ent.Field {
	return []ent.Field{
		atMost(120, field.String("name").NotEmpty().Unique().Annotations(entgql.OrderField("NAME"))),
		text("description"),
	}
}

func (Team) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("members", User.Type).Annotations(connection()),
		edge.To("customers", Customer.Type).Annotations(connection()),
	}
}

func (Team) Annotations() []schema.Annotation { return graphQL() }

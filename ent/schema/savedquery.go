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

// SavedQuery is a GraphQL query an analyst keeps for later, visible to its owner only.
type SavedQuery struct{ ent.Schema }

func (SavedQuery) Mixin() []ent.Mixin { return editable("SQ") }

func (SavedQuery) Fields() []ent.Field {
	return []ent.Field{
		field.String("owner_id").GoType(pulid.ID("")).Optional().Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		atMost(200, field.String("name").NotEmpty().Annotations(entgql.OrderField("NAME"))),
		atMost(QueryText, field.Text("query").NotEmpty()),
		atMost(LongText, field.Text("variables").Optional().Comment("JSON object of the variables.")),
		text("description"),
	}
}

func (SavedQuery) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("owner", User.Type).Unique().Field("owner_id").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

func (SavedQuery) Indexes() []ent.Index { return []ent.Index{index.Fields("owner_id", "name")} }

func (SavedQuery) Annotations() []schema.Annotation { return graphQL() }

package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Trial (小样 / 中试) is a lab or pilot trial of a sample at the customer, with the
// application's requirements and the customer's means to test.
type Trial struct{ ent.Schema }

func (Trial) Mixin() []ent.Mixin { return editable("TR") }

func (Trial) Fields() []ent.Field {
	return []ent.Field{
		fk("sample_id"),
		derivedFK("customer_id"),
		field.Enum("kind").Values("LAB", "PILOT"),
		atMost(300, field.String("application").Optional()),
		atMost(120, field.String("industry").Optional()),
		atMost(200, field.String("size_spec").Optional()),
		atMost(120, field.String("colour").Optional()),
		atMost(300, field.String("environmental").Optional()),
		text("key_properties"),
		atMost(200, field.String("test_standard").Optional()),
		atMost(120, field.String("cycle").Optional()),
		field.Int("customer_tech_level").Optional().Nillable().Range(1, 5),
		text("equipment", "Production equipment and management level."),
		text("test_equipment"),
		text("results"),
		field.Enum("outcome").Values("PENDING", "PASSED", "FAILED", "INCONCLUSIVE").Default("PENDING"),
		field.Time("started_at").Optional().Nillable().Annotations(entgql.OrderField("STARTED_AT")),
		field.Time("finished_at").Optional().Nillable(),
	}
}

func (Trial) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("sample", Sample.Type).Ref("trials").Unique().Required().Field("sample_id"),
		edge.To("media", MediaNote.Type).Annotations(skipInputs()).Comment("Photos and voice notes taken during it, oldest first."),
		edge.From("customer", Customer.Type).Ref("trials").Unique().Required().Field("customer_id").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

func (Trial) Indexes() []ent.Index {
	return []ent.Index{index.Fields("sample_id"), index.Fields("customer_id"), index.Fields("outcome")}
}

func (Trial) Annotations() []schema.Annotation { return graphQL() }

package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"tandem/ent/schema/pulid"
)

// ClassificationSetting is the one stored set of classification weights (ent/classify),
// kept by admins with setClassificationWeights (domain/classification).
//
// A typed row of its own rather than a generic key/value Setting: every weight is a
// column with its own type and range, the audit log shows each changed weight as a field
// with its value before and after, and the version column gives the optimistic check
// the other editable types have. There is exactly one row (slot 1, unique): it is made
// at start-up from TANDEM_CLASSIFICATION and follows that variable until an admin saves
// (source ADMIN); from then on the stored weights win.
type ClassificationSetting struct{ ent.Schema }

func (ClassificationSetting) Mixin() []ent.Mixin { return editable("CW") }

func (ClassificationSetting) Fields() []ent.Field {
	weight := func(name, what string) ent.Field {
		return field.Float(name).Min(0).Comment("Weight of the " + what + " rating (0 leaves it out of the score).")
	}
	return []ent.Field{
		field.Int("slot").Range(1, 1).Unique().Immutable().
			Comment("Always 1: there is one set of weights, and two first saves cannot both make one.").
			Annotations(entgql.Skip(entgql.SkipAll)),
		weight("weight_scale", "scale"),
		weight("weight_technical_level", "technical level"),
		weight("weight_credit", "credit"),
		weight("weight_demand", "demand"),
		weight("weight_ease_of_closing", "ease of closing"),
		field.Float("tier_a").Range(1, 5).Comment("Lowest score of tier A (scores run 1..5)."),
		field.Float("tier_b").Range(1, 5).Comment("Lowest score of tier B; at most tier A."),
		field.Int("min_inputs").Range(1, 5).Comment("How many of the five ratings an account needs before it is scored."),
		field.Enum("source").Values("ENVIRONMENT", "ADMIN").Default("ENVIRONMENT").
			Comment("ENVIRONMENT: the weights follow TANDEM_CLASSIFICATION (or the defaults) at each start; ADMIN: an admin saved them and they win over it."),
		field.Int("changed_tier").Default(0).
			Comment("How many accounts changed tier when these weights were last applied."),
		field.String("updated_by_id").GoType(pulid.ID("")).Optional().
			Comment("The admin who saved them last (empty while they come from the environment)."),
	}
}

func (ClassificationSetting) Edges() []ent.Edge {
	return []ent.Edge{edge.To("updated_by", User.Type).Unique().Field("updated_by_id")}
}

// Annotations: a Node (so node(id:) is guarded like every type) read through the
// classificationWeights query and written only by setClassificationWeights; never a
// list, so no filter or order inputs.
func (ClassificationSetting) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipWhereInput, entgql.SkipOrderField)}
}

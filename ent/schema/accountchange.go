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

// AccountChange is a change to an account as a whole, written by the server only
// (domain/merge): another account or a contact merged into it, the account given
// to another rep in bulk, or one of its ratings set in bulk (the tier follows). Who, when, why, and what it carried; it is on the timeline.
type AccountChange struct{ ent.Schema }

func (AccountChange) Mixin() []ent.Mixin { return []ent.Mixin{ids("AX")} }

func (AccountChange) Fields() []ent.Field {
	return []ent.Field{
		field.String("customer_id").GoType(pulid.ID("")),
		field.Enum("kind").Values("ACCOUNT_MERGED", "CONTACT_MERGED", "REASSIGNED", "RATING_CHANGED").Immutable(),
		field.String("subject_id").GoType(pulid.ID("")).Optional().Immutable().
			Comment("The account or contact merged into this one (its tombstone's ID)."),
		atMost(300, field.String("subject_name").Optional().Immutable().Comment("The merged account's or contact's name at the time.")),
		field.String("survivor_contact_id").GoType(pulid.ID("")).Optional().Immutable().Comment("CONTACT_MERGED: the contact kept."),
		field.String("from_user_id").GoType(pulid.ID("")).Optional().Immutable().Comment("REASSIGNED: the previous owner."),
		field.String("to_user_id").GoType(pulid.ID("")).Optional().Immutable().Comment("REASSIGNED: the new owner."),
		field.Enum("rating").Values("SCALE", "TECHNICAL_LEVEL", "CREDIT", "DEMAND", "EASE_OF_CLOSING").Optional().Nillable().Immutable().
			Comment("RATING_CHANGED: the classification rating set."),
		field.Int("rating_from").Optional().Nillable().Immutable().Comment("RATING_CHANGED: the rating before (null: not rated)."),
		field.Int("rating_to").Optional().Nillable().Immutable().Comment("RATING_CHANGED: the rating after."),
		atMost(1, field.String("tier_from").Optional().Immutable().Comment("RATING_CHANGED: the tier before (empty: not scored).")),
		atMost(1, field.String("tier_to").Optional().Immutable().Comment("RATING_CHANGED: the tier the rules computed after.")),
		field.JSON("chosen", map[string]string{}).Optional().Immutable().
			Comment("Merges: per field, the side whose value the survivor kept (SURVIVOR or MERGED).").
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.JSON("moved", map[string]int{}).Optional().Immutable().
			Comment("Merges: per table, the rows moved to the survivor; REASSIGNED: tasks that followed.").
			Annotations(entgql.Skip(entgql.SkipAll)),
		atMost(500, field.String("reason").Optional().Immutable()),
		field.String("actor_id").GoType(pulid.ID("")).Optional().Immutable(),
		field.Time("at").Default(now).Immutable().Annotations(entgql.OrderField("AT")),
	}
}

func (AccountChange) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("account_changes").Unique().Required().Field("customer_id"),
		edge.To("actor", User.Type).Unique().Immutable().Field("actor_id"),
	}
}

func (AccountChange) Indexes() []ent.Index {
	return []ent.Index{index.Fields("customer_id", "at"), index.Fields("subject_id"), index.Fields("actor_id")}
}

func (AccountChange) Annotations() []schema.Annotation { return readOnlyGraphQL() }

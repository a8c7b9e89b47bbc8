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

// Snooze puts one item of a person's Today list aside until a time (snoozeTodayItem,
// domain/snooze): the item leaves that person's list, and only theirs, and comes back
// when the time has passed. One row per person, kind and record.
type Snooze struct{ ent.Schema }

func (Snooze) Mixin() []ent.Mixin { return []ent.Mixin{ids("SZ"), TimeMixin{}} }

func (Snooze) Fields() []ent.Field {
	return []ent.Field{
		field.String("owner_id").GoType(pulid.ID("")).Immutable(),
		atMost(40, field.String("kind").NotEmpty().Immutable().Comment("The Today kind of the item put aside (TASK_OVERDUE, KEY_PERSON_OVERDUE…).")),
		field.String("node_id").GoType(pulid.ID("")).Immutable().Annotations(entgql.Type("ID")).Comment("The record the item opens."),
		field.Time("until").Comment("The item is back on Today from this time."),
	}
}

func (Snooze) Edges() []ent.Edge {
	return []ent.Edge{edge.To("owner", User.Type).Unique().Required().Immutable().Field("owner_id")}
}

// Annotations: a Node read by its owner (node(id:)), listed nowhere, filtered and
// ordered by nothing, written by snoozeTodayItem only.
func (Snooze) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipWhereInput, entgql.SkipOrderField, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)}
}

func (Snooze) Indexes() []ent.Index {
	return []ent.Index{index.Fields("owner_id", "kind", "node_id").Unique()}
}

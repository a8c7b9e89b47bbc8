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

// PushSubscription is one browser of one person that receives Tandem's reminders by
// Web Push (RFC 8030, encrypted to the browser's key: RFC 8291). subscribePush keeps
// it, the reminder job (server/push) sends to it, and a push service's "gone" answer
// removes it. Only the server reads it: it carries the browser's keys.
type PushSubscription struct{ ent.Schema }

func (PushSubscription) Mixin() []ent.Mixin { return []ent.Mixin{ids("PU"), TimeMixin{}} }

func (PushSubscription) Fields() []ent.Field {
	return []ent.Field{
		field.String("owner_id").GoType(pulid.ID("")),
		atMost(1000, field.String("endpoint").NotEmpty().Unique().Immutable().Comment("The push service's URL for this browser.")),
		atMost(120, field.String("p256dh").NotEmpty().Sensitive().Comment("The browser's P-256 public key, base64url.")),
		atMost(60, field.String("auth").NotEmpty().Sensitive().Comment("The browser's 16-byte authentication secret, base64url.")),
		atMost(300, field.String("user_agent").Optional().Comment("Which browser, as the person's device named itself.")),
		field.Time("last_sent_at").Optional().Nillable().Comment("When a push last reached the push service."),
		field.Int("failures").Default(0).NonNegative().Comment("Failed sends since the last that reached it."),
	}
}

func (PushSubscription) Edges() []ent.Edge {
	return []ent.Edge{edge.To("owner", User.Type).Unique().Required().Field("owner_id")}
}

func (PushSubscription) Indexes() []ent.Index { return []ent.Index{index.Fields("owner_id")} }

func (PushSubscription) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

// PushSent records that a reminder went to a person (one row per person and
// reminder key), so that however many processes run the reminder job, and however
// often, each reminder is sent once. Rows older than the retention are removed.
type PushSent struct{ ent.Schema }

func (PushSent) Mixin() []ent.Mixin { return []ent.Mixin{ids("PX"), TimeMixin{}} }

func (PushSent) Fields() []ent.Field {
	return []ent.Field{
		field.String("owner_id").GoType(pulid.ID("")).Immutable(),
		atMost(200, field.String("key").NotEmpty().Immutable().Comment("What was reminded: kind, record and its time.")),
	}
}

func (PushSent) Edges() []ent.Edge {
	return []ent.Edge{edge.To("owner", User.Type).Unique().Required().Immutable().Field("owner_id")}
}

func (PushSent) Indexes() []ent.Index {
	return []ent.Index{index.Fields("owner_id", "key").Unique(), index.Fields("created_at")}
}

func (PushSent) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

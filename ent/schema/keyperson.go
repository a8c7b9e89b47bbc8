package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// KeyPerson (关键人) is our assessment of a contact's part in one account's decisions.
// When the account moves into purchasing the key persons change: a row is ended
// (active_to) and a new one started, never overwritten, so the history stays.
type KeyPerson struct{ ent.Schema }

func (KeyPerson) Mixin() []ent.Mixin { return editable("KP") }

func (KeyPerson) Fields() []ent.Field {
	return []ent.Field{
		fk("customer_id"),
		fk("contact_id"),
		field.Enum("decision_role").Values("DECISION_MAKER", "INFLUENCER", "GATEKEEPER", "USER", "TECHNICAL_EVALUATOR"),
		field.Enum("scope").Values("MATURE_REPLACEMENT", "NEW_PRODUCT_TRIAL", "BOTH").Default("BOTH").
			Comment("成熟产品替换 or 新产品试用: which decisions this person carries."),
		field.Enum("attitude").Values("CHAMPION", "SUPPORTER", "NEUTRAL", "SKEPTIC", "OPPONENT").Default("NEUTRAL"),
		text("professional_needs"),
		text("personal_needs"),
		atMost(LongText, field.Text("private_notes").Optional().Sensitive().
			Comment("Readable only by the account's owner rep, managers and admins.").
			Annotations(entgql.Skip(entgql.SkipType, entgql.SkipWhereInput, entgql.SkipOrderField))),
		field.Int("contact_interval_days").Default(30).Range(1, 365).
			Comment("Expected contact interval; overdue key persons appear on the owner's Today list."),
		field.Time("last_contacted_at").Optional().Nillable().Annotations(entgql.OrderField("LAST_CONTACTED_AT")),
		field.Time("active_from").Default(now),
		field.Time("contact_due_at").Optional().Nillable().
			Comment("When the person falls due for contact: derived from last_contacted_at (else active_from), the interval and the account's stage by domain/keyperson.Refresh, never written by a mutation; Today pages overdue key persons by it.").
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.Time("active_to").Optional().Nillable().Comment("Set when the person stops being key (endKeyPerson); the row stays as history.").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		atMost(500, field.String("ended_reason").Optional().
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput))),
	}
}

func (KeyPerson) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("key_persons").Unique().Required().Field("customer_id"),
		edge.From("contact", Contact.Type).Ref("key_persons").Unique().Required().Field("contact_id"),
		edge.To("needs", Need.Type).Annotations(connection(), skipInputs()),
	}
}

func (KeyPerson) Indexes() []ent.Index {
	return []ent.Index{index.Fields("customer_id"), index.Fields("contact_id"), index.Fields("last_contacted_at"),
		// Today's overdue key persons: the active ones in due order, with their account,
		// read from the index alone (on PostgreSQL) before each account is checked.
		index.Fields("contact_due_at", "id").StorageKey("keyperson_overdue").
			Annotations(entsql.IndexWhere("active_to IS NULL"), entsql.IncludeColumns("customer_id"))}
}

func (KeyPerson) Annotations() []schema.Annotation { return graphQL() }

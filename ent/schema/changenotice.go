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

// ChangeNotice tells customers of a change in a product's process, formula, raw
// material, packaging or site before it takes effect.
type ChangeNotice struct{ ent.Schema }

func (ChangeNotice) Mixin() []ent.Mixin { return editable("CN") }

func (ChangeNotice) Fields() []ent.Field {
	return []ent.Field{
		fk("product_id"),
		field.Enum("kind").Values("PROCESS", "FORMULA", "RAW_MATERIAL", "PACKAGING", "SITE"),
		atMost(300, field.String("title").NotEmpty()),
		text("description"),
		field.Time("effective_at").Annotations(entgql.OrderField("EFFECTIVE_AT")).
			Comment("When the change takes effect: in the future when the draft is written and when it is issued (及早沟通)."),
		field.Time("issued_at").Optional().Nillable(),
		field.Enum("status").Values("DRAFT", "ISSUED", "COMPLETE").Default("DRAFT").
			Comment("DRAFT → ISSUED (issueChangeNotice) → COMPLETE (the last acknowledgement); never set by create or update."),
	}
}

func (ChangeNotice) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("product", Product.Type).Ref("change_notices").Unique().Required().Field("product_id"),
		edge.To("acks", ChangeNoticeAck.Type).Annotations(connection(), skipInputs()),
	}
}

func (ChangeNotice) Indexes() []ent.Index {
	return []ent.Index{index.Fields("product_id"), index.Fields("status", "effective_at")}
}

func (ChangeNotice) Annotations() []schema.Annotation { return graphQL() }

// ChangeNoticeAck is one affected customer's acknowledgement of a change notice.
type ChangeNoticeAck struct{ ent.Schema }

func (ChangeNoticeAck) Mixin() []ent.Mixin { return editable("CA") }

func (ChangeNoticeAck) Fields() []ent.Field {
	return []ent.Field{
		fk("change_notice_id"),
		fk("customer_id"),
		field.Time("notified_at").Optional().Nillable(),
		field.Time("acknowledged_at").Optional().Nillable(),
		atMost(120, field.String("acknowledged_by").Optional().Comment("Who at the customer acknowledged.")),
		field.Enum("acknowledged_via").Values("APP", "PARTNER_API").Optional().Nillable().
			Comment("How the acknowledgement reached us: entered by our people in the app, or sent by the customer's partner token.").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.String("recorded_by_user_id").GoType(pulid.ID("")).Optional().Nillable().
			Comment("Our person who recorded the acknowledgement (APP).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.String("recorded_by_token_id").GoType(pulid.ID("")).Optional().Nillable().
			Comment("The partner token that sent the acknowledgement (PARTNER_API).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		text("note"),
	}
}

func (ChangeNoticeAck) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("change_notice", ChangeNotice.Type).Ref("acks").Unique().Required().Field("change_notice_id"),
		edge.From("customer", Customer.Type).Ref("change_notice_acks").Unique().Required().Field("customer_id"),
	}
}

func (ChangeNoticeAck) Indexes() []ent.Index {
	return []ent.Index{index.Fields("change_notice_id", "customer_id").Unique(), index.Fields("customer_id")}
}

func (ChangeNoticeAck) Annotations() []schema.Annotation { return graphQL() }

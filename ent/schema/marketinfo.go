package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// MarketInfo (信息交流) is a piece of market knowledge we may pass to customers.
type MarketInfo struct{ ent.Schema }

func (MarketInfo) Mixin() []ent.Mixin { return editable("MI") }

func (MarketInfo) Fields() []ent.Field {
	return []ent.Field{
		atMost(300, field.String("title").NotEmpty()),
		field.Enum("kind").Values("NEW_MATERIAL", "NEW_PRODUCT", "TREND", "MARKET", "PRICE_TREND"),
		atMost(LongText, field.Text("body").Optional()),
		atMost(300, field.String("source").Optional()),
		field.Bool("confidential_origin").Default(false).
			Comment("Learned in confidence (e.g. from another customer): it can never be shared (不涉及泄密)."),
		optFK("author_id"),
		field.Time("published_at").Default(now).Annotations(entgql.OrderField("PUBLISHED_AT")),
	}
}

func (MarketInfo) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("author", User.Type).Unique().Field("author_id").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("shares", MarketInfoShare.Type).Annotations(connection(), skipInputs()),
	}
}

func (MarketInfo) Indexes() []ent.Index {
	return []ent.Index{index.Fields("kind"), index.Fields("published_at")}
}

func (MarketInfo) Annotations() []schema.Annotation { return graphQL() }

// MarketInfoShare records that a piece of market information went to a customer.
type MarketInfoShare struct{ ent.Schema }

func (MarketInfoShare) Mixin() []ent.Mixin { return editable("MS") }

func (MarketInfoShare) Fields() []ent.Field {
	return []ent.Field{
		fk("market_info_id"),
		fk("customer_id"),
		optFK("contact_id"),
		field.Time("shared_at").Default(now),
		atMost(80, field.String("channel").Optional()),
		text("note"),
		field.Bool("names_acknowledged").Default(false).
			Comment("The rep confirmed that the information shares industry knowledge only, though it names other customers (namedCustomers); required to share such text (不涉及泄密)."),
		atMostItems(100, 300, field.Strings("named_customers").Optional().
			Comment("Other customers named in the information or the note when it was shared, as they appear in the text (recorded by the server).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput, entgql.SkipOrderField))),
	}
}

func (MarketInfoShare) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("market_info", MarketInfo.Type).Ref("shares").Unique().Required().Field("market_info_id"),
		edge.From("customer", Customer.Type).Ref("market_info_shares").Unique().Required().Field("customer_id"),
		edge.To("contact", Contact.Type).Unique().Field("contact_id"),
	}
}

func (MarketInfoShare) Indexes() []ent.Index {
	return []ent.Index{index.Fields("market_info_id"), index.Fields("customer_id"), index.Fields("contact_id")}
}

func (MarketInfoShare) Annotations() []schema.Annotation { return graphQL() }

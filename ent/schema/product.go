package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Product is one of our products (additives, resins, pigments, auxiliaries).
type Product struct{ ent.Schema }

func (Product) Mixin() []ent.Mixin { return editable("PR") }

func (Product) Fields() []ent.Field {
	return []ent.Field{
		atMost(40, field.String("code").NotEmpty().Unique().Annotations(entgql.OrderField("CODE"))),
		atMost(200, field.String("name").NotEmpty().Annotations(entgql.OrderField("NAME"))),
		searchKey(),
		field.Enum("grade").Values("HIGH", "MID", "LOW").Default("MID"),
		atMost(120, field.String("category").Optional()),
		text("description"),
		atMost(16, field.String("unit").Default("kg")),
		field.Bool("active").Default(true),
		field.Float("stock_on_hand").Optional().Nillable().Min(0).
			Comment("Our stock of it, in its unit, as last counted or imported (stockCountedAt)."),
		field.Float("stock_on_order").Optional().Nillable().Min(0).
			Comment("Quantity ordered from production or our suppliers and not yet in stock, in its unit."),
		field.Float("safety_stock").Optional().Nillable().Min(0).
			Comment("The stock kept in reserve: the plan orders before falling below it."),
		field.Int("lead_time_days").Default(30).Range(0, 365).
			Comment("Days from ordering (production or purchase) to stock on hand."),
		field.Time("stock_counted_at").Optional().Nillable().
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)).
			Comment("When the stock on hand or on order was last written; set by the server."),
		field.Int("max_batch_age_months").Default(12).Range(1, 120).
			Comment("A batch older than this at shipping (合适的生产日期) needs an acknowledgement before the order ships."),
	}
}

func (Product) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("samples", Sample.Type).Annotations(connection(), skipInputs()),
		edge.To("price_points", PricePoint.Type).Annotations(connection(), skipInputs()),
		edge.To("documents", Document.Type).Annotations(connection(), skipInputs()),
		edge.To("change_notices", ChangeNotice.Type).Annotations(connection(), skipInputs()),
		edge.To("order_lines", OrderLine.Type).Annotations(connection(), skipInputs()),
		edge.To("needs", Need.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("issues", Issue.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("quotation_lines", QuotationLine.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (Product) Indexes() []ent.Index { return []ent.Index{index.Fields("name")} }

func (Product) Annotations() []schema.Annotation { return graphQL() }

// PricePoint is one observed or listed price of a product at a moment.
type PricePoint struct{ ent.Schema }

func (PricePoint) Mixin() []ent.Mixin { return editable("PP") }

func (PricePoint) Fields() []ent.Field {
	return []ent.Field{
		fk("product_id"),
		field.Enum("kind").Values("LIST", "MARKET", "RAW_MATERIAL").Default("LIST"),
		field.Float("price").Positive(),
		atMost(3, field.String("currency").Default("CNY").MinLen(3)),
		field.Time("observed_at").Default(now).Annotations(entgql.OrderField("OBSERVED_AT")),
		atMost(200, field.String("source").Optional()),
	}
}

func (PricePoint) Edges() []ent.Edge {
	return []ent.Edge{edge.From("product", Product.Type).Ref("price_points").Unique().Required().Field("product_id")}
}

func (PricePoint) Indexes() []ent.Index {
	return []ent.Index{index.Fields("product_id", "observed_at")}
}

func (PricePoint) Annotations() []schema.Annotation { return graphQL() }

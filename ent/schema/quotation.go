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

// Quotation (报价) is a price offer to a customer held for a period (价格一定时期内稳定):
// products with quantity breaks, currency, incoterm and payment terms, valid from–until.
// DRAFT → SENT → ACCEPTED | REJECTED | EXPIRED, and SUPERSEDED when a revision of it is
// sent; only the workflow (domain/quotation) moves it. An ACCEPTED quotation is the
// customer's price agreement for its period: order lines take its price.
type Quotation struct{ ent.Schema }

func (Quotation) Mixin() []ent.Mixin { return editable("QT") }

func (Quotation) Fields() []ent.Field {
	skip := entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)
	return []ent.Field{
		fk("customer_id"),
		optFK("sample_id", "The sample (and its trials) the quotation follows from."),
		atMost(40, field.String("number").NotEmpty().Immutable().Annotations(entgql.OrderField("NUMBER"), skip).
			Comment("The quotation's number, the same for all its revisions (Q-yymmdd-XXXXX).")),
		field.Int("revision").Default(1).Positive().Immutable().Annotations(skip).
			Comment("1 for the first offer; each revision (reviseQuotation) counts up."),
		optFK("previous_id", "The revision this one replaces."),
		field.Enum("status").Values("DRAFT", "SENT", "ACCEPTED", "REJECTED", "EXPIRED", "SUPERSEDED").Default("DRAFT").
			Annotations(entgql.OrderField("STATUS"), skip).
			Comment("DRAFT → SENT (sendQuotation) → ACCEPTED / REJECTED (acceptQuotation, rejectQuotation) or EXPIRED after validUntil; SUPERSEDED when a revision is sent. Never set by create or update."),
		atMost(3, field.String("currency").Default("CNY").MinLen(3).Comment("ISO 4217 code of every price on it.")),
		field.Enum("incoterm").Values("EXW", "FCA", "FAS", "FOB", "CFR", "CIF", "CPT", "CIP", "DAP", "DPU", "DDP").Optional().Nillable().
			Comment("Incoterms 2020 rule of the prices."),
		atMost(120, field.String("incoterm_place").Optional().Comment("The named place of the incoterm (FOB Ningbo).")),
		field.Int("payment_days").Optional().Nillable().Min(0).Max(365).
			Comment("Days of credit (账期): payment due this many days after the invoice."),
		atMost(300, field.String("payment_terms").Optional().Comment("Payment terms in words (月结60天，银行承兑汇票).")),
		field.Time("valid_from").Annotations(entgql.OrderField("VALID_FROM")).Comment("First day the prices hold."),
		field.Time("valid_until").Annotations(entgql.OrderField("VALID_UNTIL")).
			Comment("Last moment the prices hold; an accepted quotation is the price agreement until then."),
		text("notes"),
		field.Time("sent_at").Optional().Nillable().Annotations(skip),
		field.Time("decided_at").Optional().Nillable().Annotations(skip).Comment("When the customer accepted or rejected it."),
		atMost(120, field.String("decided_by").Optional().Annotations(skip).Comment("Who at the customer accepted or rejected it.")),
		atMost(500, field.String("decision_note").Optional().Annotations(skip).Comment("The customer's reason or condition.")),
		field.Enum("decided_via").Values("APP", "PARTNER_API").Optional().Nillable().Annotations(skip).
			Comment("Recorded by our people in the app, or sent by the customer's partner token."),
		field.String("created_by_id").GoType(pulid.ID("")).Optional().Nillable().Immutable().Annotations(skip),
	}
}

func (Quotation) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("quotations").Unique().Required().Field("customer_id"),
		edge.To("sample", Sample.Type).Unique().Field("sample_id"),
		edge.To("revised_by", Quotation.Type).Unique().Annotations(skipInputs()).
			Comment("The revision that replaces this quotation, once one is started.").
			From("previous").Unique().Field("previous_id").Annotations(skipInputs()),
		edge.To("lines", QuotationLine.Type).Annotations(skipInputs()),
		edge.To("order_lines", OrderLine.Type).Annotations(connection(), skipInputs()).
			Comment("Order lines priced by this agreement."),
		edge.To("created_by", User.Type).Unique().Immutable().Field("created_by_id").Annotations(skipInputs()),
	}
}

func (Quotation) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("number", "revision").Unique(),
		index.Fields("customer_id", "status", "valid_until"),
		index.Fields("status", "valid_until"),
	}
}

func (Quotation) Annotations() []schema.Annotation { return readOnlyGraphQL() }

// QuotationLine is one price on a quotation: a product (and grade) from a quantity on.
// Several lines of one product are its quantity breaks.
type QuotationLine struct{ ent.Schema }

func (QuotationLine) Mixin() []ent.Mixin { return editable("QL") }

func (QuotationLine) Fields() []ent.Field {
	return []ent.Field{
		fk("quotation_id"),
		derivedFK("customer_id"),
		fk("product_id"),
		atMost(80, field.String("grade").Optional().Comment("The grade or specification quoted, when not the product's own.")),
		field.Float("min_quantity").Default(0).Min(0).Comment("The price holds from this quantity per order on (a quantity break)."),
		atMost(16, field.String("unit").Default("kg")),
		field.Float("unit_price").Positive().Comment("Per unit, in the quotation's currency."),
		atMost(300, field.String("note").Optional()),
	}
}

func (QuotationLine) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("quotation", Quotation.Type).Ref("lines").Unique().Required().Field("quotation_id"),
		edge.From("customer", Customer.Type).Ref("quotation_lines").Unique().Required().Field("customer_id").
			Annotations(entgql.Skip(entgql.SkipAll)),
		edge.From("product", Product.Type).Ref("quotation_lines").Unique().Required().Field("product_id"),
	}
}

func (QuotationLine) Indexes() []ent.Index {
	return []ent.Index{index.Fields("quotation_id"), index.Fields("customer_id", "product_id"), index.Fields("product_id")}
}

func (QuotationLine) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipWhereInput, entgql.SkipOrderField, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)}
}

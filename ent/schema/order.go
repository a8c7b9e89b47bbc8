package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"tandem/ent/schema/pulid"
)

// Order (订单) follows the seed's order-to-delivery checklist: confirmed, contract,
// delivery date, labelling, production date, same batch, packaging, shipped, delivered
// with a signed delivery note, invoice, receipt.
type Order struct{ ent.Schema }

func (Order) Mixin() []ent.Mixin { return editable("OR") }

func checkpoint(name, comment string) ent.Field {
	return field.Time(name).Optional().Nillable().Comment(comment).
		Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput))
}

func (Order) Fields() []ent.Field {
	return []ent.Field{
		fk("customer_id"),
		atMost(40, field.String("number").NotEmpty().Unique().Annotations(entgql.OrderField("NUMBER"))),
		field.Bool("is_evaluation").Optional().Comment("An evaluation order: one of the first small orders before main-supplier status. Set automatically for an account's first orders unless given."),
		field.Enum("status").Values("OPEN", "IN_PRODUCTION", "SHIPPED", "DELIVERED", "INVOICED", "CLOSED", "CANCELLED").Default("OPEN").
			Comment("Follows the checklist: completeOrderStep moves it; cancelOrder cancels.").
			Annotations(entgql.OrderField("STATUS"), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Time("ordered_at").Default(now).Annotations(entgql.OrderField("ORDERED_AT")),
		field.Time("delivery_date").Optional().Nillable().Comment("The promised delivery date (交期).").Annotations(entgql.OrderField("DELIVERY_DATE")),
		atMost(80, field.String("contract_no").Optional()),
		atMost(3, field.String("currency").Default("CNY").MinLen(3)),
		field.Int("payment_days").Optional().Nillable().Min(0).Max(365).
			Comment("Days after the invoice the receipt is due (its contract's). Left out, the invoice takes the price agreement's or the account's terms and keeps them here."),
		field.Time("payment_due_at").Optional().Nillable().
			Comment("When the receipt is due: set when the invoice is issued (invoice day + paymentDays, 30 when no terms are on file).").
			Annotations(entgql.OrderField("PAYMENT_DUE_AT"), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		text("notes"),
		checkpoint("confirmed_at", "Order confirmed."),
		checkpoint("contract_signed_at", "Contract signed."),
		checkpoint("labelling_checked_at", "Goods labelling checked."),
		checkpoint("production_date_checked_at", "Suitable production date checked."),
		checkpoint("batch_checked_at", "Same batch checked."),
		checkpoint("packaging_checked_at", "Packaging checked."),
		checkpoint("shipped_at", "Shipped."),
		checkpoint("delivered_at", "Delivered with a signed delivery note."),
		checkpoint("invoiced_at", "Invoice issued."),
		checkpoint("paid_at", "Receipt (payment) recorded."),
		checkpoint("closed_at", "Closed."),
		checkpoint("cancelled_at", "Cancelled."),
		atMost(500, field.String("cancel_reason").Optional().
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput))),
	}
}

func (Order) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("orders").Unique().Required().Field("customer_id"),
		edge.To("lines", OrderLine.Type).Annotations(connection(), skipInputs()),
		edge.To("shipments", Shipment.Type).Annotations(connection(), skipInputs()),
		edge.To("converted_samples", Sample.Type).Annotations(connection(), skipInputs()),
		edge.To("issues", Issue.Type).Annotations(connection(), skipInputs()),
		edge.To("events", OrderEvent.Type).Annotations(connection(), skipInputs()),
	}
}

func (Order) Indexes() []ent.Index {
	return []ent.Index{index.Fields("customer_id", "ordered_at"), index.Fields("status"), index.Fields("ordered_at"), index.Fields("delivery_date"),
		index.Fields("payment_due_at"),
		// Today's new orders of accounts in a declining industry.
		index.Fields("created_at"),
		// Today's late and due orders: the undelivered ones by delivery date, few of the
		// book. (The predicate is one PostgreSQL keeps as written, so the migrations and
		// the schema agree.)
		index.Fields("delivery_date").StorageKey("order_open_delivery_date").
			Annotations(entsql.IndexWhere("delivered_at IS NULL"))}
}

func (Order) Annotations() []schema.Annotation { return graphQL() }

// OrderLine is one product on an order, naming its batch.
type OrderLine struct{ ent.Schema }

func (OrderLine) Mixin() []ent.Mixin { return editable("OL") }

func (OrderLine) Fields() []ent.Field {
	return []ent.Field{
		fk("order_id"),
		derivedFK("customer_id"),
		fk("product_id"),
		field.Float("quantity").Positive(),
		atMost(16, field.String("unit").Default("kg")),
		field.Float("unit_price").Optional().Nillable().Min(0),
		atMost(80, field.String("batch_no").Optional()),
		field.String("agreement_id").GoType(pulid.ID("")).Optional().Nillable().
			Comment("The price agreement (an accepted quotation) in force for this product when the line was priced; set by the server.").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		atMost(500, field.String("price_note").Optional().
			Comment("Why the price differs from the price agreement in force (a manager's decision).")),
		field.Time("production_date").Optional().Nillable(),
		field.Time("batch_age_acknowledged_at").Optional().Nillable().
			Comment("When someone acknowledged the batch's age (or missing production date) for shipping: acknowledgeBatchAge.").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.String("batch_age_acknowledged_by_id").GoType(pulid.ID("")).Optional().Nillable().
			Comment("Who acknowledged the batch's age.").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		atMost(500, field.String("batch_age_acknowledgement").Optional().
			Comment("Why the batch ships although old or without a production date.").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput))),
	}
}

func (OrderLine) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("order", Order.Type).Ref("lines").Unique().Required().Field("order_id"),
		edge.From("customer", Customer.Type).Ref("order_lines").Unique().Required().Field("customer_id").
			Annotations(entgql.Skip(entgql.SkipAll)),
		edge.From("product", Product.Type).Ref("order_lines").Unique().Required().Field("product_id"),
		edge.From("agreement", Quotation.Type).Ref("order_lines").Unique().Field("agreement_id").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("batch_age_acknowledged_by", User.Type).Unique().Field("batch_age_acknowledged_by_id").
			Comment("Who acknowledged the batch's age.").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

func (OrderLine) Indexes() []ent.Index {
	return []ent.Index{index.Fields("order_id"), index.Fields("customer_id"), index.Fields("product_id"), index.Fields("batch_no")}
}

func (OrderLine) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate())}
}

// OrderVolume is a rollup of the order lines that are not cancelled, per UTC day of
// their order, currency and product, kept by domain/order.VolumeHook in the writing
// transaction so orderVolume reads days, not lines. A row with an empty product_id is
// the day's total in that currency: its orders are the day's distinct orders, which a
// sum over products would count once per product. Never read by clients.
type OrderVolume struct{ ent.Schema }

func (OrderVolume) Mixin() []ent.Mixin { return []ent.Mixin{ids("OV")} }

func (OrderVolume) Fields() []ent.Field {
	return []ent.Field{
		atMost(10, field.String("day").Comment("YYYY-MM-DD, UTC.")),
		atMost(3, field.String("currency")),
		atMost(40, field.String("product_id").Default("").Comment("Empty on the day's total row.")),
		field.Int("lines"),
		field.Int("orders"),
		field.Float("quantity"),
		field.Float("value"),
	}
}

func (OrderVolume) Indexes() []ent.Index {
	return []ent.Index{index.Fields("day", "currency", "product_id").Unique()}
}

func (OrderVolume) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

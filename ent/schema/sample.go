package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Sample (送样) is a sample of one of our products sent to an account, followed through
// lab and pilot trials to approval and conversion into purchasing.
type Sample struct{ ent.Schema }

func (Sample) Mixin() []ent.Mixin { return editable("SA") }

// sampleStatuses are the statuses of the lifecycle (domain/sample has its moves):
// the path, then FAILED and ABANDONED, reachable from any step.
var sampleStatuses = []string{"REQUESTED", "PREPARED", "SHIPPED", "RECEIVED", "LAB_TRIAL", "PILOT_TRIAL", "APPROVED", "CONVERTED", "FAILED", "ABANDONED"}

func (Sample) Fields() []ent.Field {
	return []ent.Field{
		fk("customer_id"),
		fk("product_id"),
		optFK("requested_by_id"),
		optFK("order_id", "The order a converted sample became."),
		field.Float("quantity").Positive(),
		atMost(16, field.String("unit").Default("kg")),
		field.Enum("status").Values(sampleStatuses...).Default("REQUESTED").
			Comment("Moved with advanceSample along the lifecycle; allowedNextStatuses lists the legal moves.").
			Annotations(entgql.OrderField("STATUS"), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		atMost(500, field.String("status_reason").Optional().Comment("Why a sample failed or was abandoned.").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput))),
		text("purpose"),
		field.Time("requested_at").Default(now).Annotations(entgql.OrderField("REQUESTED_AT")),
		field.Time("shipped_at").Optional().Nillable().Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Time("received_at").Optional().Nillable().Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		atMost(80, field.String("tracking_no").Optional()),
		field.Bool("doc_manual").Default(false).Comment("Manual/TDS sent with the sample: set when it ships, the product's current TDS being on file (a tick does not stand in for the document; see shippingReadiness)."),
		field.Bool("doc_msds").Default(false).Comment("MSDS/SDS sent with the sample: set when it ships, the product's current MSDS being on file (a tick does not stand in for the document; see shippingReadiness)."),
		field.Bool("doc_label").Default(false).Comment("Clear label on the sample."),
		field.Bool("doc_precautions").Default(false).Comment("Precautions sheet sent with the sample."),
		field.Int("reached").Default(0).
			Comment("The statuses the sample's events moved it to, one bit each (domain/sample.Bit): derived from its SampleEvents by domain/sample.ReachedHook, never written by a mutation; the funnel counts them in one scan of the samples.").
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (Sample) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("samples").Unique().Required().Field("customer_id"),
		edge.From("product", Product.Type).Ref("samples").Unique().Required().Field("product_id"),
		edge.To("requested_by", User.Type).Unique().Field("requested_by_id").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.From("order", Order.Type).Ref("converted_samples").Unique().Field("order_id").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("events", SampleEvent.Type).Annotations(connection(), skipInputs()),
		edge.To("trials", Trial.Type).Annotations(connection(), skipInputs()),
	}
}

func (Sample) Indexes() []ent.Index {
	return []ent.Index{index.Fields("customer_id"), index.Fields("product_id"), index.Fields("status"), index.Fields("order_id"), index.Fields("requested_at"),
		// The funnel's counts are summed again per rep, product and month (SampleCount).
		index.Fields("requested_by_id", "product_id", "requested_at"),
		// Today reads the samples stuck longest first.
		index.Fields("shipped_at"), index.Fields("received_at")}
}

// SampleCount counts samples per UTC month of request, rep who asked, product and the
// statuses reached (Sample.reached), kept by domain/sample.CountHook in the writing
// transaction, so sampleFunnel reads a few thousand counts, not every sample. An
// empty requested_by_id is the samples no rep asked for. Never read by clients.
type SampleCount struct{ ent.Schema }

func (SampleCount) Mixin() []ent.Mixin { return []ent.Mixin{ids("SN")} }

func (SampleCount) Fields() []ent.Field {
	return []ent.Field{
		atMost(7, field.String("month").Comment("YYYY-MM, UTC.")),
		atMost(40, field.String("requested_by_id").Default("")),
		atMost(40, field.String("product_id")),
		field.Int("reached"),
		field.Int("samples"),
	}
}

func (SampleCount) Indexes() []ent.Index {
	return []ent.Index{index.Fields("month", "requested_by_id", "product_id", "reached").Unique()}
}

func (SampleCount) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

func (Sample) Annotations() []schema.Annotation { return graphQL() }

package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Issue (问题) is a problem in serving a customer, from report to resolution, with the
// seed's categories and root causes.
type Issue struct{ ent.Schema }

func (Issue) Mixin() []ent.Mixin { return editable("IS") }

func (Issue) Fields() []ent.Field {
	return []ent.Field{
		fk("customer_id"),
		optFK("order_id"),
		optFK("product_id"),
		optFK("reported_by_id"),
		optFK("assignee_id"),
		atMost(300, field.String("title").NotEmpty()),
		text("description"),
		field.Enum("category").Values("QUALITY_FLUCTUATION", "SHORT_QUANTITY", "LATE_DELIVERY", "FUNDING", "INVOICE", "TEST_METHOD_DIFFERENCE", "PRICE", "OTHER"),
		field.Enum("root_cause").Values("OUR_PRODUCT", "CUSTOMER_UNFAMILIAR", "CUSTOMER_PROCESS_MISMATCH", "DELIBERATE", "UNDETERMINED").Default("UNDETERMINED"),
		field.Enum("severity").Values("LOW", "MEDIUM", "HIGH", "CRITICAL").Default("MEDIUM"),
		field.Enum("status").Values("OPEN", "RESPONDED", "ON_SITE", "ROOT_CAUSE_FOUND", "DISPOSITION", "RESOLVED", "CLOSED").Default("OPEN").
			Comment("OPEN → RESPONDED → ON_SITE → ROOT_CAUSE_FOUND → DISPOSITION → RESOLVED → CLOSED; on-site and disposition may be skipped; closing needs a root cause and a resolution. A move is atomic: when the problem has moved on since you read it, updateIssue fails with CONFLICT (extensions.currentStatus).").
			Annotations(entgql.OrderField("STATUS"), entgql.Skip(entgql.SkipMutationCreateInput)),
		atMost(80, field.String("batch_no").Optional()),
		field.Time("reported_at").Default(now).Annotations(entgql.OrderField("REPORTED_AT")).
			Comment("When the problem was reported: set at creation (never later than now), then fixed; the service level counts from it."),
		text("onsite_response", "及时到现场: who went on site, when, what they saw."),
		text("joint_root_cause_work", "共同找原因."),
		text("disposition", "Disposition of defective goods (换货, rework, scrap)."),
		field.Float("loss_amount").Optional().Nillable().Min(0),
		text("resolution"),
		field.Time("responded_at").Optional().Nillable().Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Time("onsite_at").Optional().Nillable().Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Time("resolved_at").Optional().Nillable().Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Time("closed_at").Optional().Nillable().Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

func (Issue) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("issues").Unique().Required().Field("customer_id"),
		edge.From("order", Order.Type).Ref("issues").Unique().Field("order_id"),
		edge.From("product", Product.Type).Ref("issues").Unique().Field("product_id"),
		edge.To("reported_by", User.Type).Unique().Field("reported_by_id").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("assignee", User.Type).Unique().Field("assignee_id"),
		edge.To("attachments", IssueAttachment.Type).Annotations(connection(), skipInputs()).
			Comment("Photos and PDFs attached to the problem (attachIssueFile)."),
		edge.To("events", IssueEvent.Type).Annotations(connection(), skipInputs()).
			Comment("What happened to the problem that no edit removes: service-level breaches (SLA_BREACHED)."),
	}
}

func (Issue) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("customer_id"), index.Fields("order_id"), index.Fields("product_id"),
		index.Fields("reported_by_id"), index.Fields("assignee_id"),
		index.Fields("status"), index.Fields("category", "root_cause"), index.Fields("reported_at"),
	}
}

func (Issue) Annotations() []schema.Annotation { return graphQL() }

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

// Customer is an account (客户): a company we develop from first lead to partner.
type Customer struct{ ent.Schema }

func (Customer) Mixin() []ent.Mixin { return editable("CU") }

// Stages follow the seed: 售前 prospect→visited, sampling and trial; 售中 evaluation
// orders then main supplier; 售后 partner. DORMANT and LOST can be reached from any.
// domain/account has their order and moves.
var customerStages = []string{"PROSPECT", "CONTACTED", "VISITED", "SAMPLING", "TRIAL", "EVALUATION", "MAIN_SUPPLIER", "PARTNER", "DORMANT", "LOST"}

// Lead sources are the seed's 客户信息搜集 channels.
var leadSources = []string{"ARTICLE", "JOURNAL", "PATENT", "NEWS", "CONFERENCE", "TRADE_SHOW", "ASSOCIATION", "ADVERTISEMENT", "WEB", "FOREIGN_REVERSE_LOOKUP", "PEER_REFERRAL", "FRIEND_REFERRAL", "OTHER"}

func rating(name, comment string) ent.Field {
	return field.Int(name).Optional().Nillable().Range(1, 5).Comment(comment)
}

func (Customer) Fields() []ent.Field {
	return []ent.Field{
		atMost(200, field.String("name").NotEmpty().Annotations(entgql.OrderField("NAME"))),
		atMost(200, field.String("name_en").Optional().Comment("English or alternative name.")),
		atMost(100, field.String("short_name").Optional().Comment("The short name people use (简称), e.g. from an import.")),
		atMost(300, field.String("normalized_name").Optional().
			Comment("Name folded for duplicate detection (width, case, company suffixes, spaces).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput))),
		atMost(300, field.String("core_name").Optional().
			Comment("Core name for the duplicate check: the name without region, legal form and line of business (account.DuplicateKey).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput))),
		searchKey(),
		field.Float("latitude").Optional().Nillable().Annotations(skipInputs()).
			Comment("Where the account is (WGS-84), learned from the last accurate check-in of a visit there (domain/interaction); never typed."),
		field.Float("longitude").Optional().Nillable().Annotations(skipInputs()),
		field.Time("located_at").Optional().Nillable().Annotations(skipInputs()).Comment("When the location was learned."),
		atMost(40, field.String("credit_code").Optional().
			Comment("统一社会信用代码 (unified social credit code): the natural key of an imported account.")),
		atMost(300, field.String("website").Optional()),
		atMost(120, field.String("industry").Optional()),
		atMost(120, field.String("region").Optional()),
		atMost(300, field.String("address").Optional()),
		atMost(40, field.String("phone").Optional()),
		field.Enum("stage").Values(customerStages...).Default("PROSPECT").
			Comment("Moves with evidence (first contact, first visit, a shipped sample, a trial, orders) or by a manager with setCustomerStage.").
			Annotations(entgql.OrderField("STAGE"), entgql.Skip(entgql.SkipMutationUpdateInput)),
		field.Time("stage_changed_at").Optional().Nillable().
			Annotations(entgql.OrderField("STAGE_CHANGED_AT"), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Enum("lead_source").Values(leadSources...).Default("OTHER"),
		atMost(300, field.String("lead_source_detail").Optional().
			Comment("Which trade show, which patent number, which article.")),
		optFK("referrer_customer_id"),
		optFK("referrer_contact_id"),
		rating("scale", "Company scale, 1 (small) to 5 (large)."),
		rating("technical_level", "Technical level, 1 to 5."),
		rating("credit", "Credit standing, 1 to 5."),
		rating("demand", "Demand for our products, 1 to 5."),
		rating("ease_of_closing", "Ease of closing, 1 (hard) to 5 (easy)."),
		field.Float("score").Optional().Nillable().
			Comment("Classification score computed on the server from the five ratings.").
			Annotations(entgql.OrderField("SCORE"), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Enum("tier").Values("A", "B", "C").Optional().Nillable().
			Comment("Classification tier computed from the score.").
			Annotations(entgql.OrderField("TIER"), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Enum("industry_status").Values("EMERGING", "MATURE", "SUNSET").Optional().Nillable(),
		field.Float("annual_demand_kg").Optional().Nillable().Min(0).
			Comment("The rep's estimate of the account's yearly use of the kinds of material we sell, from every supplier, in kg: our share of it is its dependence on us."),
		field.Int("payment_days").Optional().Nillable().Min(0).Max(365).
			Comment("The account's payment terms (账期): days after the invoice its receipts are due; its new orders take them."),
		field.Float("credit_limit").Optional().Nillable().Min(0).
			Comment("The most the account may owe us (confirmed orders not yet paid), in creditCurrency: confirming an order beyond it is a manager's decision. Managers set it."),
		atMost(3, field.String("credit_currency").Default("CNY").MinLen(3).Comment("ISO 4217 code of the credit limit.")),
		text("founder_history", "客户档案: the founder's history and character."),
		text("shareholders"),
		text("decision_mechanism"),
		text("culture"),
		text("people_status"),
		text("business_status"),
		text("technology_status"),
		text("management_status"),
		text("notes"),
		field.Enum("evaluation_outcome").Values("PENDING", "MAIN_SUPPLIER", "NOT_SELECTED").Optional().Nillable().
			Comment("After the evaluation orders: did the customer make us a main supplier?").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		atMost(500, field.String("evaluation_note").Optional().
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput))),
		field.Time("evaluation_decided_at").Optional().Nillable().
			Comment("When a manager decided what follows an evaluation that did not select us (decideEvaluation): keep the stage, or move the account back.").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		atMost(500, field.String("evaluation_decision").Optional().
			Comment("The manager's reason for that decision.").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput))),
		field.Bool("archived").Default(false),
		optFK("owner_id"),
		optFK("team_id"),
		field.String("merged_into_id").GoType(pulid.ID("")).Optional().Nillable().
			Comment("Set when this account was merged into another (domain/merge): the row stays as a tombstone, hidden from every list, count and duplicate check; mergedAccount(id) leads an old ID to the survivor.").
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (Customer) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("owner", User.Type).Ref("owned_customers").Unique().Field("owner_id"),
		edge.From("team", Team.Type).Ref("customers").Unique().Field("team_id"),
		edge.To("referred_customers", Customer.Type).Annotations(connection(), skipInputs()).
			From("referrer_customer").Unique().Field("referrer_customer_id"),
		edge.From("referrer_contact", Contact.Type).Ref("referred_customers").Unique().Field("referrer_contact_id"),
		edge.To("contacts", Contact.Type).Annotations(connection(), skipInputs()),
		edge.To("key_persons", KeyPerson.Type).Annotations(connection(), skipInputs()),
		edge.To("needs", Need.Type).Annotations(connection(), skipInputs()),
		edge.To("competitors", Competitor.Type).Annotations(connection(), skipInputs()),
		edge.To("pitches", Pitch.Type).Annotations(connection(), skipInputs()),
		edge.To("interactions", Interaction.Type).Annotations(connection(), skipInputs()),
		edge.To("tasks", Task.Type).Annotations(connection(), skipInputs()),
		edge.To("samples", Sample.Type).Annotations(connection(), skipInputs()),
		edge.To("trials", Trial.Type).Annotations(connection(), skipInputs()),
		edge.To("assistances", Assistance.Type).Annotations(connection(), skipInputs()),
		edge.To("orders", Order.Type).Annotations(connection(), skipInputs()),
		edge.To("order_lines", OrderLine.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("shipments", Shipment.Type).Annotations(connection(), skipInputs()),
		edge.To("tracking_events", TrackingEvent.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("issues", Issue.Type).Annotations(connection(), skipInputs()),
		edge.To("issue_attachments", IssueAttachment.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("stage_changes", StageChange.Type).Annotations(connection(), skipInputs()),
		edge.To("market_info_shares", MarketInfoShare.Type).Annotations(connection(), skipInputs()),
		edge.To("change_notice_acks", ChangeNoticeAck.Type).Annotations(connection(), skipInputs()),
		edge.To("documents", Document.Type).Annotations(connection(), skipInputs()),
		edge.To("service_documents", ServiceDocument.Type).Annotations(connection(), skipInputs()),
		edge.To("sample_events", SampleEvent.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("order_events", OrderEvent.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("issue_events", IssueEvent.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("webhook_endpoints", WebhookEndpoint.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("webhook_deliveries", WebhookDelivery.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("api_tokens", APIToken.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("partner_users", User.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("account_changes", AccountChange.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("quotations", Quotation.Type).Annotations(connection(), skipInputs()),
		edge.To("quotation_lines", QuotationLine.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("projects", Project.Type).Annotations(connection(), skipInputs()),
		edge.To("project_members", ProjectMember.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("project_milestones", ProjectMilestone.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("project_documents", ProjectDocument.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("media_notes", MediaNote.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (Customer) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("owner_id"), index.Fields("team_id"), index.Fields("stage"),
		index.Fields("tier"), index.Fields("lead_source"), index.Fields("normalized_name"), index.Fields("core_name"), index.Fields("credit_code"),
		index.Fields("referrer_customer_id"), index.Fields("referrer_contact_id"),
		index.Fields("updated_at"), index.Fields("stage_changed_at"), index.Fields("merged_into_id"),
		index.Fields("industry_status"),
		// Account lists are in name order: a page reads the index in order and stops
		// after the page, instead of sorting every account the viewer reads.
		index.Fields("name"),
	}
}

func (Customer) Annotations() []schema.Annotation { return graphQL() }

// skipInputs keeps a child list out of the parent's create/update inputs: children are
// created through their own mutations, which carry the parent's ID.
func skipInputs() schema.Annotation {
	return entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)
}

// AccountCount counts the accounts (not merged away) per stage, owner, team, tier,
// lead source and UTC month of creation, kept by domain/account.CountHook in the
// writing transaction, so pipelineStats adds up counts, not accounts. An empty
// owner, team or tier is none. Never read by clients.
type AccountCount struct{ ent.Schema }

func (AccountCount) Mixin() []ent.Mixin { return []ent.Mixin{ids("AK")} }

func (AccountCount) Fields() []ent.Field {
	return []ent.Field{
		atMost(40, field.String("stage")),
		atMost(40, field.String("owner_id").Default("")),
		atMost(40, field.String("team_id").Default("")),
		atMost(8, field.String("tier").Default("")),
		atMost(40, field.String("lead_source").Default("")),
		atMost(7, field.String("month").Comment("YYYY-MM, UTC, of created_at.")),
		field.Int("accounts"),
	}
}

func (AccountCount) Indexes() []ent.Index {
	return []ent.Index{index.Fields("stage", "owner_id", "team_id", "tier", "lead_source", "month").Unique()}
}

func (AccountCount) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

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

// Interaction (电话 / 拜访 / 交流) is one contact with an account, with the people on
// both sides, the visit's preparation and what was found.
type Interaction struct{ ent.Schema }

func (Interaction) Mixin() []ent.Mixin { return editable("IN") }

var visitTopics = []string{"LIFE", "HOBBIES", "SPORTS", "TECHNICAL", "PRODUCT", "PRICE", "MARKET", "COMPANY"}

func (Interaction) Fields() []ent.Field {
	return []ent.Field{
		fk("customer_id"),
		optFK("author_id"),
		field.Enum("kind").Values("PHONE", "VISIT", "EMAIL", "CHAT", "MEETING", "GIFT", "GATHERING", "TRADE_SHOW"),
		field.Enum("phase").Values("PRE_SALE", "IN_SALE", "AFTER_SALE").Default("PRE_SALE"),
		field.Time("occurred_at").Default(now).Annotations(entgql.OrderField("OCCURRED_AT")),
		atMost(300, field.String("summary").Optional()),
		text("preparation_materials", "Materials to bring (资料的准备)."),
		atMostItems(20, 40, field.Strings("preparation_topics").Optional().Validate(oneOfEach("preparationTopics", visitTopics)).
			Comment("Topics prepared: LIFE, HOBBIES, SPORTS, TECHNICAL, PRODUCT, PRICE, MARKET, COMPANY.")),
		text("promises", "Promises made to the customer, to be kept before the next contact."),
		text("findings"),
		text("next_step"),
		field.Time("next_step_due").Optional().Nillable(),
		field.Bool("private").Default(false).Comment("Private interactions are hidden from analysts and from teammates other than the author and the owner."),
		field.Float("check_in_latitude").Optional().Nillable().Annotations(skipInputs()).
			Comment("Where the rep was when logging the visit (WGS-84, logInteraction's checkIn, with the phone's permission)."),
		field.Float("check_in_longitude").Optional().Nillable().Annotations(skipInputs()),
		field.Float("check_in_accuracy").Optional().Nillable().Annotations(skipInputs()).Comment("The check-in's accuracy in metres, as the phone reported it."),
		field.Time("logged_at").Optional().Nillable().Annotations(skipInputs()).
			Comment("When the contact was logged as held (its findings recorded): set by the workflow alone. Empty while it is planned."),
	}
}

func (Interaction) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("interactions").Unique().Required().Field("customer_id"),
		edge.From("author", User.Type).Ref("authored_interactions").Unique().Field("author_id").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("our_participants", User.Type).Annotations(connection()),
		edge.To("their_participants", Contact.Type).Annotations(connection()),
		edge.To("tasks", Task.Type).Annotations(connection(), skipInputs()),
		edge.To("media", MediaNote.Type).Annotations(skipInputs()).Comment("Photos and voice notes taken on it, oldest first."),
	}
}

func (Interaction) Indexes() []ent.Index {
	return []ent.Index{index.Fields("customer_id", "occurred_at"), index.Fields("author_id"), index.Fields("occurred_at"),
		// Today's planned visits: the contacts not logged yet, few of the book, by time.
		index.Fields("occurred_at").StorageKey("interaction_planned").
			Annotations(entsql.IndexWhere("logged_at IS NULL"))}
}

func (Interaction) Annotations() []schema.Annotation { return graphQL() }

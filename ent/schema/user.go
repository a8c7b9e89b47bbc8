package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// User is one of our people (admin, manager, rep, analyst) or a partner's login.
type User struct{ ent.Schema }

func (User) Mixin() []ent.Mixin { return editable("US") }

func (User) Fields() []ent.Field {
	return []ent.Field{
		atMost(254, field.String("email").NotEmpty().Unique().Annotations(entgql.OrderField("EMAIL"))),
		atMost(120, field.String("name").NotEmpty().Annotations(entgql.OrderField("NAME"))),
		field.Enum("role").Values("ADMIN", "MANAGER", "REP", "ANALYST", "PARTNER").Default("REP").
			Comment("What the user may do: ADMIN everything; MANAGER their team's accounts; REP accounts they or their team own; ANALYST read-only everything but private notes; PARTNER their own organisation's records."),
		field.Enum("function").Values("SALES", "TECHNICAL", "MANAGEMENT", "SUPPORT").Default("SALES").
			Comment("Which side of our company the person speaks for in the relationship map."),
		atMost(40, field.String("phone").Optional()),
		field.Enum("locale").Values("zh", "en").Default("zh"),
		field.Bool("active").Default(true),
		atMost(200, field.String("password_hash").Sensitive().Optional().
			Annotations(entgql.Skip(entgql.SkipAll))),
		field.Bool("must_change_password").Default(false).
			Comment("Set by a temporary password (resetUserPassword, inviteUser): until the user changes it, only me, changePassword, logout, refreshToken and viewerAccess answer.").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		atMostItems(10, 40, field.Strings("reminder_kinds").Optional().
			Comment("The reminders the person receives by Web Push (domain/reminder kinds); null: every kind.").
			Annotations(entgql.Skip(entgql.SkipAll))),
		atMost(5, field.String("digest_at").Optional().Nillable().
			Comment("The local time (HH:MM, in the server's time zone) of the morning digest; null: no digest.").
			Annotations(entgql.Skip(entgql.SkipAll))),
		optFK("team_id"),
		optFK("partner_customer_id", "The organisation a PARTNER user belongs to."),
	}
}

func (User) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("team", Team.Type).Ref("members").Unique().Field("team_id"),
		edge.From("partner_customer", Customer.Type).Ref("partner_users").Unique().Field("partner_customer_id"),
		edge.To("owned_customers", Customer.Type).Annotations(connection()),
		edge.To("authored_interactions", Interaction.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.From("interactions", Interaction.Type).Ref("our_participants").Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("tasks", Task.Type).Annotations(connection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("refresh_tokens", RefreshToken.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (User) Indexes() []ent.Index {
	return []ent.Index{index.Fields("team_id"), index.Fields("partner_customer_id"), index.Fields("role")}
}

func (User) Annotations() []schema.Annotation { return graphQL() }

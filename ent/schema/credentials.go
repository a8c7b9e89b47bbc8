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

// APIToken is a partner organisation's credential. Only a salted hash and the last
// eight characters are stored; the whole token is shown once, when issued.
type APIToken struct{ ent.Schema }

func (APIToken) Mixin() []ent.Mixin { return editable("AT") }

func (APIToken) Fields() []ent.Field {
	return []ent.Field{
		atMost(120, field.String("name").NotEmpty()),
		fk("customer_id"),
		atMostItems(20, 40, field.Strings("scopes").Optional()),
		atMost(128, field.String("token_hash").Sensitive().Unique().Annotations(entgql.Skip(entgql.SkipAll))),
		// Scopes: orders:read, documents:read, samples:read, issues:read, issues:write, change_notices:read.
		atMost(64, field.String("salt").Sensitive().Annotations(entgql.Skip(entgql.SkipAll))),
		atMost(8, field.String("last_eight").Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput))),
		field.Time("expires_at").Optional().Nillable(),
		field.Time("revoked_at").Optional().Nillable().Annotations(entgql.Skip(entgql.SkipMutationCreateInput)),
		field.Time("last_used_at").Optional().Nillable().Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Int("budget_per_second").Default(50).Positive(),
		field.Int("budget_burst").Default(2000).Positive(),
		field.Float("budget_level").Optional().Nillable().
			Comment("Query-cost budget left at budget_at (a leaky bucket refilled at budget_per_second).").
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.Time("budget_at").Optional().Nillable().Annotations(entgql.Skip(entgql.SkipAll)),
		optFK("created_by_id"),
	}
}

func (APIToken) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("api_tokens").Unique().Required().Field("customer_id"),
		edge.To("created_by", User.Type).Unique().Field("created_by_id").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

func (APIToken) Indexes() []ent.Index {
	return []ent.Index{index.Fields("customer_id"), index.Fields("created_by_id"), index.Fields("last_eight")}
}

// API tokens are issued through a dedicated mutation that returns the secret once.
func (APIToken) Annotations() []schema.Annotation { return readOnlyGraphQL() }

// RefreshToken is an opaque, hashed, single-use token that renews an access token.
// Tokens issued from one login form a family: when a used token comes back, someone
// copied it, and the whole family is revoked.
type RefreshToken struct{ ent.Schema }

func (RefreshToken) Mixin() []ent.Mixin { return []ent.Mixin{ids("RT")} }

func (RefreshToken) Fields() []ent.Field {
	return []ent.Field{
		fk("user_id"),
		atMost(128, field.String("token_hash").Unique().Sensitive()),
		atMost(64, field.String("family").NotEmpty()),
		field.Time("created_at").Default(now).Immutable(),
		field.Time("expires_at"),
		field.Time("used_at").Optional().Nillable(),
		field.Time("revoked_at").Optional().Nillable(),
		atMost(100, field.String("client_addr").Optional()),
	}
}

func (RefreshToken) Edges() []ent.Edge {
	return []ent.Edge{edge.From("user", User.Type).Ref("refresh_tokens").Unique().Required().Field("user_id")}
}

func (RefreshToken) Indexes() []ent.Index {
	return []ent.Index{index.Fields("user_id"), index.Fields("family")}
}

func (RefreshToken) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

// LoginThrottle counts sign-in attempts per (account, client address), per account
// and per client address, in the database so several server copies share it. Each
// attempt is counted and judged by one UPSERT (server/auth/throttle.go).
type LoginThrottle struct{ ent.Schema }

func (LoginThrottle) Mixin() []ent.Mixin { return []ent.Mixin{ids("LT")} }

func (LoginThrottle) Fields() []ent.Field {
	return []ent.Field{
		atMost(300, field.String("key").Unique().NotEmpty()),
		field.Int("failures").Default(0).Comment("Attempts in the window not yet known to have succeeded."),
		field.Time("window_start").Default(now),
		field.Time("blocked_until").Optional().Nillable(),
		field.Int("strikes").Default(0).Comment("Blocks in a row: the next block of an account lasts twice as long."),
	}
}

func (LoginThrottle) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

// ClientMutation remembers a create by its clientMutationId so an offline client's
// retry returns the first result instead of a duplicate.
type ClientMutation struct{ ent.Schema }

func (ClientMutation) Mixin() []ent.Mixin { return []ent.Mixin{ids("CM")} }

func (ClientMutation) Fields() []ent.Field {
	return []ent.Field{
		atMost(100, field.String("actor_key").NotEmpty().Comment("The user or token that sent it.")),
		atMost(200, field.String("client_mutation_id").NotEmpty()),
		field.String("node_id").GoType(pulid.ID("")),
		field.Time("created_at").Default(now).Immutable(),
	}
}

func (ClientMutation) Indexes() []ent.Index {
	return []ent.Index{index.Fields("actor_key", "client_mutation_id").Unique()}
}

func (ClientMutation) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

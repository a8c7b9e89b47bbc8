package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
)

// SigningKey is a key that signs access tokens or download links, kept in the database
// so that every Tandem process on it signs and accepts the same ones (server/auth.Keyring).
// The newest key of a purpose signs; older ones are still accepted until retired_at has
// passed, so a rotation signs nobody out. Unused when TANDEM_JWT_SECRET is set.
type SigningKey struct{ ent.Schema }

func (SigningKey) Mixin() []ent.Mixin { return []ent.Mixin{ids("SK")} }

func (SigningKey) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("purpose").Values("ACCESS_TOKENS", "DOWNLOAD_LINKS", "WEB_PUSH").Immutable(),
		atMost(32, field.String("kid").NotEmpty().Unique().Immutable().Comment("The key id in the tokens' header.")),
		atMost(128, field.String("secret").Sensitive().Immutable()),
		field.Time("created_at").Default(now).Immutable(),
		field.Time("retired_at").Optional().Nillable().
			Comment("Set when a newer key replaced it: tokens it signed are accepted until then."),
	}
}

func (SigningKey) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

// ServerState is what the server processes on one database agree on, by name: when a
// periodic job last ran ("job/<name>", claimed by a conditional update so one process
// runs it per interval) and which one-off start-up work is done ("start-up/<name>",
// holding the version of the work, so it runs once and again only when it changes).
type ServerState struct{ ent.Schema }

func (ServerState) Mixin() []ent.Mixin { return []ent.Mixin{ids("SS")} }

func (ServerState) Fields() []ent.Field {
	return []ent.Field{
		atMost(100, field.String("name").NotEmpty().Unique().Immutable()),
		atMost(200, field.String("value").Optional()),
		field.Time("updated_at").Default(now),
	}
}

func (ServerState) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

package schema

import (
	"strings"
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/mixin"

	"tandem/domain/access"
	"tandem/ent/schema/pulid"
)

// IDMixin gives a type its prefixed, unguessable ID.
type IDMixin struct {
	mixin.Schema
	prefix string
}

func ids(prefix string) IDMixin { return IDMixin{prefix: prefix} }

// Policy is every type's privacy policy: the access table (domain/access). Every
// type has an ID, so none escapes it.
func (IDMixin) Policy() ent.Policy { return access.Policy() }

func (m IDMixin) Fields() []ent.Field {
	return []ent.Field{
		field.String("id").
			GoType(pulid.ID("")).
			DefaultFunc(func() pulid.ID { return pulid.New(m.prefix) }).
			Immutable(),
	}
}

// TimeMixin records when a row was created and last changed.
type TimeMixin struct{ mixin.Schema }

func (TimeMixin) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").
			Default(now).
			Immutable().
			Annotations(entgql.OrderField("CREATED_AT"), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Time("updated_at").
			Default(now).
			UpdateDefault(now).
			Annotations(entgql.OrderField("UPDATED_AT"), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// now is UTC so SQLite, which compares times as text, orders them correctly.
func now() time.Time { return time.Now().UTC() }

// VersionMixin adds the optimistic-concurrency counter. A client sends the version it
// read with an update; the versioning hook refuses the update with CONFLICT when the
// row has moved on since.
type VersionMixin struct{ mixin.Schema }

func (VersionMixin) Fields() []ent.Field {
	return []ent.Field{
		field.Int("version").
			Default(1).
			Comment("Optimistic-concurrency version: send the value you read with an update; a stale one fails with CONFLICT.").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput)),
	}
}

// editable is the mixin set of every entity people edit.
func editable(prefix string) []ent.Mixin {
	return []ent.Mixin{ids(prefix), TimeMixin{}, VersionMixin{}, AuditMixin{}}
}

// graphQL is the annotation set of an entity listed at the root with create and update.
func graphQL() []schema.Annotation {
	return []schema.Annotation{
		entgql.QueryField(),
		entgql.RelayConnection(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
	}
}

// readOnlyGraphQL lists an entity at the root without client mutations.
func readOnlyGraphQL() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField(), entgql.RelayConnection()}
}

func fk(name string) ent.Field { return field.String(name).GoType(pulid.ID("")) }

func optFK(name string, comment ...string) ent.Field {
	return field.String(name).GoType(pulid.ID("")).Optional().Comment(strings.Join(comment, " "))
}

// derivedFK is a required foreign key filled by a hook from the parent row, so a
// client never has to send (or can contradict) it.
func derivedFK(name string) ent.Field {
	return field.String(name).GoType(pulid.ID("")).Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput))
}

// connection marks an O2M edge as a paginated Relay connection in GraphQL.
func connection() schema.Annotation { return entgql.RelayConnection() }

// text is an optional free-text field: notes, findings, descriptions (LongText).
func text(name string, comment ...string) ent.Field {
	return atMost(LongText, field.Text(name).Optional().Comment(strings.Join(comment, " ")))
}

// searchKey is a record's names as search matches them (domain/search.Key: folded, in
// pinyin and initials), kept by a hook; internal, never in GraphQL.
func searchKey() ent.Field {
	return atMost(2000, field.Text("search_key").Optional().
		Comment("The names folded and in pinyin, as search matches them (domain/search); kept by a hook.").
		Annotations(entgql.Skip()))
}

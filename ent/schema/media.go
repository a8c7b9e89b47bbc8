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

// MediaNote is a photo or a voice note a rep took on a visit (an Interaction) or
// during a trial (a Trial): the customer's line, a defect on a part, what the plant
// manager said. The file is in the file store; the row says what it is. attachMedia
// creates it (domain/media checks it), deleteMediaNote removes it; it is ours alone.
type MediaNote struct{ ent.Schema }

func (MediaNote) Mixin() []ent.Mixin { return editable("MN") }

func (MediaNote) Fields() []ent.Field {
	// No generated input exists: attachMedia builds the row.
	return []ent.Field{
		field.String("interaction_id").GoType(pulid.ID("")).Optional().Immutable().
			Comment("The visit (or other contact) the note was taken on; null for a trial's note."),
		field.String("trial_id").GoType(pulid.ID("")).Optional().Immutable().
			Comment("The trial the note was taken during; null for a visit's note."),
		derivedFK("customer_id"),
		field.Enum("kind").Values("PHOTO", "VOICE").Immutable().
			Comment("A photo (JPEG, PNG, WebP, HEIC/HEIF) or a voice note (WebM/Ogg Opus, MP4/AAC, MP3, WAV)."),
		atMost(1000, field.String("caption").Optional().
			Comment("What it shows or says, in the rep's words.")),
		field.Int("duration_seconds").Optional().Nillable().NonNegative().Immutable().
			Comment("A voice note's length in seconds, as the recording phone measured it."),
		atMost(300, field.String("file_name").NotEmpty().Immutable().Comment("The file's name as it was uploaded.")),
		atMost(120, field.String("content_type").NotEmpty().Immutable().Comment("The file's media type, as its content showed it.")),
		field.Int64("size_bytes").NonNegative().Immutable().Comment("The file's size in bytes."),
		atMost(64, field.String("sha256").Immutable().Comment("The lowercase hex SHA-256 of the file's content.")),
		atMost(200, field.String("storage_key").NotEmpty().Immutable().Annotations(entgql.Skip(entgql.SkipAll))),
		field.String("uploaded_by_id").GoType(pulid.ID("")).Optional().Immutable().Comment("Who took it."),
	}
}

func (MediaNote) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("interaction", Interaction.Type).Ref("media").Unique().Immutable().Field("interaction_id").
			Comment("The visit the note was taken on."),
		edge.From("trial", Trial.Type).Ref("media").Unique().Immutable().Field("trial_id").
			Comment("The trial the note was taken during."),
		edge.From("customer", Customer.Type).Ref("media_notes").Unique().Required().Field("customer_id").
			Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("uploaded_by", User.Type).Unique().Immutable().Field("uploaded_by_id").Comment("Who took it."),
	}
}

func (MediaNote) Indexes() []ent.Index {
	return []ent.Index{index.Fields("interaction_id", "created_at"), index.Fields("trial_id", "created_at"), index.Fields("customer_id")}
}

// Listed under Interaction.media and Trial.media only.
func (MediaNote) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.Skip(entgql.SkipWhereInput, entgql.SkipOrderField, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput),
		schema.Comment("A photo or a voice note taken on a visit (Interaction) or during a trial (Trial). Play or show it from downloadURL."),
	}
}

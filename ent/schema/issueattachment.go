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

// IssueAttachment is a photo or a PDF attached to a problem: what a rep saw on site,
// or what a partner sends with a complaint. The file itself is in the file store; the
// row records what it is and where it is kept. It is created by attachIssueFile only.
type IssueAttachment struct{ ent.Schema }

func (IssueAttachment) Mixin() []ent.Mixin { return editable("IA") }

func (IssueAttachment) Fields() []ent.Field {
	// No client input exists for this type (attachIssueFile builds the row), so the
	// fields need no mutation-input annotations.
	return []ent.Field{
		field.String("issue_id").GoType(pulid.ID("")).Immutable().
			Comment("The problem the file is attached to."),
		field.String("customer_id").GoType(pulid.ID("")).
			Comment("The account of the problem (kept equal to the problem's)."),
		atMost(300, field.String("file_name").NotEmpty().Immutable().
			Comment("The file's name as it was uploaded.")),
		atMost(120, field.String("content_type").NotEmpty().Immutable().
			Comment("The file's media type: image/jpeg, image/png, image/webp, image/heic, image/heif or application/pdf.")),
		field.Int64("size_bytes").NonNegative().Immutable().
			Comment("The file's size in bytes."),
		atMost(64, field.String("sha256").Immutable().
			Comment("The lowercase hex SHA-256 of the file's content.")),
		atMost(200, field.String("storage_key").NotEmpty().Immutable().
			Annotations(entgql.Skip(entgql.SkipAll))),
		atMost(1000, field.String("caption").Optional().
			Comment("What the file shows, in the uploader's words.")),
		field.String("uploaded_by_id").GoType(pulid.ID("")).Optional().Immutable().
			Comment("Who attached the file (null when a partner's API token did)."),
	}
}

func (IssueAttachment) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("issue", Issue.Type).Ref("attachments").Unique().Required().Immutable().Field("issue_id").
			Comment("The problem the file is attached to."),
		edge.From("customer", Customer.Type).Ref("issue_attachments").Unique().Required().Field("customer_id").
			Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("uploaded_by", User.Type).Unique().Immutable().Field("uploaded_by_id").
			Comment("Who attached the file (null when a partner's API token did)."),
	}
}

func (IssueAttachment) Indexes() []ent.Index {
	return []ent.Index{index.Fields("issue_id", "created_at"), index.Fields("customer_id")}
}

// Listed under Issue.attachments only; created by attachIssueFile, never by a
// generated mutation.
func (IssueAttachment) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		schema.Comment("A photo or PDF attached to a problem (Issue): what a rep saw on site, or what a partner sent with a complaint. Download the file from downloadURL."),
	}
}

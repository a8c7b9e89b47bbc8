package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Document is a technical or quality document: TDS, MSDS, certificate, COA, SGS report.
type Document struct{ ent.Schema }

func (Document) Mixin() []ent.Mixin { return editable("DO") }

func (Document) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("type").Values("MANUAL_TDS", "MSDS", "CERTIFICATE", "COA", "PRECAUTIONS", "SGS_REPORT", "APPLICATION_DATA"),
		atMost(300, field.String("title").NotEmpty().Annotations(entgql.OrderField("TITLE"))),
		atMost(40, field.String("doc_version").Default("1").Comment("The document's own revision label.")),
		field.Enum("language").Values("zh", "en").Default("zh"),
		optFK("product_id"),
		atMost(80, field.String("batch_no").Optional().Comment("For COAs: the batch the certificate covers.")),
		optFK("customer_id", "Set when the document was made for one customer."),
		optFK("supersedes_id"),
		atMost(300, field.String("file_name").Optional()),
		atMost(120, field.String("content_type").Optional()),
		field.Int64("size_bytes").Optional().NonNegative(),
		atMost(64, field.String("sha256").Optional().Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput))),
		atMost(200, field.String("storage_key").Optional().Annotations(entgql.Skip(entgql.SkipAll))),
		field.Time("valid_until").Optional().Nillable().Annotations(entgql.OrderField("VALID_UNTIL")),
		field.Time("published_at").Default(now),
	}
}

func (Document) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("product", Product.Type).Ref("documents").Unique().Field("product_id"),
		edge.From("customer", Customer.Type).Ref("documents").Unique().Field("customer_id"),
		edge.To("superseded_by", Document.Type).Annotations(connection(), skipInputs()).
			From("supersedes").Unique().Field("supersedes_id").Annotations(entgql.Skip(entgql.SkipMutationUpdateInput)),
	}
}

func (Document) Indexes() []ent.Index {
	return []ent.Index{index.Fields("product_id", "type"), index.Fields("batch_no"), index.Fields("customer_id"), index.Fields("supersedes_id"), index.Fields("valid_until")}
}

func (Document) Annotations() []schema.Annotation { return graphQL() }

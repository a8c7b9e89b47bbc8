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

// Project (合作项目) is cooperation with a customer beyond selling (合作关系：研发、资金、
// 合资；共同开发、项目申请): joint development, funding, a joint venture, a joint
// application for a funded programme. PROPOSED → ACTIVE → DONE, or STOPPED; only
// moveProject moves it (domain/project).
type Project struct{ ent.Schema }

func (Project) Mixin() []ent.Mixin { return editable("PJ") }

func (Project) Fields() []ent.Field {
	skip := entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)
	return []ent.Field{
		fk("customer_id"),
		field.Enum("kind").Values("JOINT_RND", "FUNDING", "JOINT_VENTURE", "GRANT_APPLICATION", "OTHER").
			Comment("Joint development (共同开发), funding (资金), a joint venture (合资), a joint grant application (项目申请)."),
		atMost(200, field.String("title").NotEmpty().Annotations(entgql.OrderField("TITLE"))),
		text("goal", "What the project is to achieve, and how both sides will know."),
		field.Enum("status").Values("PROPOSED", "ACTIVE", "DONE", "STOPPED").Default("PROPOSED").
			Annotations(entgql.OrderField("STATUS"), skip).
			Comment("PROPOSED → ACTIVE → DONE, or STOPPED: moveProject only."),
		field.Time("started_at").Optional().Nillable().Annotations(skip),
		field.Time("ended_at").Optional().Nillable().Annotations(skip),
		atMost(500, field.String("outcome").Optional().Annotations(skip).Comment("What came of it, said when it ends.")),
		atMost(200, field.String("programme").Optional().Comment("The funded programme applied to (国家重点研发计划, a provincial fund…).")),
		field.Float("budget").Optional().Nillable().Min(0),
		atMost(3, field.String("currency").Default("CNY").MinLen(3)),
		optFK("our_lead_id", "Our person who leads it."),
		optFK("need_id", "The need it answers."),
		optFK("product_id", "The candidate product."),
	}
}

func (Project) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("projects").Unique().Required().Field("customer_id"),
		edge.To("our_lead", User.Type).Unique().Field("our_lead_id"),
		edge.To("need", Need.Type).Unique().Field("need_id"),
		edge.To("product", Product.Type).Unique().Field("product_id"),
		edge.To("members", ProjectMember.Type).Annotations(skipInputs()),
		edge.To("milestones", ProjectMilestone.Type).Annotations(skipInputs()),
		edge.To("documents", ProjectDocument.Type).Annotations(connection(), skipInputs()).
			Comment("Its files: attachProjectFile adds one."),
	}
}

func (Project) Indexes() []ent.Index {
	return []ent.Index{index.Fields("customer_id"), index.Fields("status")}
}

func (Project) Annotations() []schema.Annotation { return graphQL() }

// ProjectMember is one person on a project: the customer's key person or one of ours.
type ProjectMember struct{ ent.Schema }

func (ProjectMember) Mixin() []ent.Mixin { return editable("PB") }

func (ProjectMember) Fields() []ent.Field {
	return []ent.Field{
		fk("project_id"),
		derivedFK("customer_id"),
		optFK("key_person_id", "The customer's side: one of its key persons."),
		optFK("user_id", "Our side: one of our people."),
		atMost(120, field.String("role").Optional().Comment("Their part in it (项目负责人, 配方工程师…).")),
	}
}

func (ProjectMember) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("project", Project.Type).Ref("members").Unique().Required().Field("project_id"),
		edge.From("customer", Customer.Type).Ref("project_members").Unique().Required().Field("customer_id").
			Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("key_person", KeyPerson.Type).Unique().Field("key_person_id"),
		edge.To("user", User.Type).Unique().Field("user_id"),
	}
}

func (ProjectMember) Indexes() []ent.Index {
	return []ent.Index{index.Fields("project_id"), index.Fields("customer_id"), index.Fields("key_person_id")}
}

func (ProjectMember) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
		entgql.Skip(entgql.SkipWhereInput, entgql.SkipOrderField)}
}

// ProjectMilestone is one step of a project, done when completeProjectMilestone says so.
type ProjectMilestone struct{ ent.Schema }

func (ProjectMilestone) Mixin() []ent.Mixin { return editable("PM") }

func (ProjectMilestone) Fields() []ent.Field {
	return []ent.Field{
		fk("project_id"),
		derivedFK("customer_id"),
		atMost(200, field.String("title").NotEmpty()),
		field.Time("due_at").Optional().Nillable(),
		field.Time("done_at").Optional().Nillable().
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)).
			Comment("When it was done: completeProjectMilestone."),
		text("note"),
	}
}

func (ProjectMilestone) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("project", Project.Type).Ref("milestones").Unique().Required().Field("project_id"),
		edge.From("customer", Customer.Type).Ref("project_milestones").Unique().Required().Field("customer_id").
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (ProjectMilestone) Indexes() []ent.Index {
	return []ent.Index{index.Fields("project_id"), index.Fields("customer_id"), index.Fields("due_at")}
}

func (ProjectMilestone) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
		entgql.Skip(entgql.SkipWhereInput, entgql.SkipOrderField)}
}

// ProjectDocument is a file of a project: the joint application, the cooperation
// agreement, a plan, a report, the minutes of a meeting. The file is in the file store;
// the row says what it is and where it is kept. attachProjectFile creates it; the
// customer reads it only when it is shared with them.
type ProjectDocument struct{ ent.Schema }

func (ProjectDocument) Mixin() []ent.Mixin { return editable("PF") }

func (ProjectDocument) Fields() []ent.Field {
	// No generated create input exists (attachProjectFile builds the row); an update
	// may change the title, the kind and whether the customer sees it.
	fixed := entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)
	return []ent.Field{
		field.String("project_id").GoType(pulid.ID("")).Immutable().Annotations(fixed).
			Comment("The project the file belongs to."),
		derivedFK("customer_id"),
		field.Enum("kind").Values("APPLICATION", "AGREEMENT", "PLAN", "REPORT", "MINUTES", "OTHER").Default("OTHER").
			Comment("A grant application (项目申请书), a cooperation agreement (合作协议), a plan, a report, minutes (会议纪要), or other."),
		atMost(200, field.String("title").NotEmpty().Comment("What the file is, in the uploader's words.")),
		field.Bool("shared").Default(false).
			Comment("Whether the customer reads it too (partners with projects:read). Ours alone by default."),
		atMost(300, field.String("file_name").NotEmpty().Immutable().Annotations(fixed).
			Comment("The file's name as it was uploaded.")),
		atMost(120, field.String("content_type").NotEmpty().Immutable().Annotations(fixed).
			Comment("The file's media type.")),
		field.Int64("size_bytes").NonNegative().Immutable().Annotations(fixed).
			Comment("The file's size in bytes."),
		atMost(64, field.String("sha256").Immutable().Annotations(fixed).
			Comment("The lowercase hex SHA-256 of the file's content.")),
		atMost(200, field.String("storage_key").NotEmpty().Immutable().
			Annotations(entgql.Skip(entgql.SkipAll))),
		field.String("uploaded_by_id").GoType(pulid.ID("")).Optional().Immutable().Annotations(fixed).
			Comment("Who attached the file."),
	}
}

func (ProjectDocument) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("project", Project.Type).Ref("documents").Unique().Required().Immutable().Field("project_id").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.From("customer", Customer.Type).Ref("project_documents").Unique().Required().Field("customer_id").
			Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("uploaded_by", User.Type).Unique().Immutable().Field("uploaded_by_id").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

func (ProjectDocument) Indexes() []ent.Index {
	return []ent.Index{index.Fields("project_id", "created_at"), index.Fields("customer_id")}
}

// Listed under Project.documents; created by attachProjectFile, changed by the
// generated update (title, kind, shared) and deleted by deleteProjectDocument.
func (ProjectDocument) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.Mutations(entgql.MutationUpdate()),
		entgql.Skip(entgql.SkipWhereInput),
		schema.Comment("A file of a project (Project): the joint application, the agreement, a plan, a report, minutes. Download it from downloadURL."),
	}
}

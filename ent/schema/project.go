package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
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

package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Need (需求分析) is one need found at a level of the account: its industry, the company,
// a product line, or a key person.
type Need struct{ ent.Schema }

func (Need) Mixin() []ent.Mixin { return editable("NE") }

func (Need) Fields() []ent.Field {
	return []ent.Field{
		fk("customer_id"),
		field.Enum("level").Values("INDUSTRY", "COMPANY", "PRODUCT", "PERSONAL"),
		field.Enum("company_aspect").Values("IMAGE", "LISTING", "SCALE", "FUNDING", "INFORMATION", "TECHNOLOGY", "MANAGEMENT", "PRODUCT").Optional().Nillable().
			Comment("For COMPANY needs: 形象、上市、规模、资金、信息、技术、管理、产品."),
		field.Enum("product_grade").Values("HIGH", "MID", "LOW").Optional().Nillable().Comment("For PRODUCT needs: high, mid or low end."),
		field.Enum("likely_problem").Values("TECHNICAL", "PRICE", "SUPPLY", "FUNDING", "KEY_PERSON").Optional().Nillable(),
		atMost(LongText, field.Text("description").NotEmpty()),
		field.Enum("status").Values("IDENTIFIED", "ADDRESSED", "MET", "DROPPED").Default("IDENTIFIED"),
		field.Enum("source").Values("ANALYSIS", "VISIT_FINDING", "ISSUE", "PEER_INFO", "MARKET_INFO", "CUSTOMER_REQUEST", "OTHER").Default("ANALYSIS").
			Comment("Where the need or opportunity came from."),
		optFK("key_person_id"),
		optFK("candidate_product_id"),
	}
}

func (Need) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("needs").Unique().Required().Field("customer_id"),
		edge.From("key_person", KeyPerson.Type).Ref("needs").Unique().Field("key_person_id"),
		edge.From("candidate_product", Product.Type).Ref("needs").Unique().Field("candidate_product_id"),
	}
}

func (Need) Indexes() []ent.Index {
	return []ent.Index{index.Fields("customer_id"), index.Fields("key_person_id"), index.Fields("candidate_product_id"), index.Fields("status")}
}

func (Need) Annotations() []schema.Annotation { return graphQL() }

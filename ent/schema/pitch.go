package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Pitch (切入点 / 我方优势) is the chosen way into an account and the advantages to stress.
type Pitch struct{ ent.Schema }

func (Pitch) Mixin() []ent.Mixin { return editable("PI") }

// pitchAdvantages are the seed's 我方优势.
var pitchAdvantages = []string{"PRODUCT_STOCK", "TECHNOLOGY", "PRICE", "QC_CERTIFICATION", "SERVICE_LOCAL_SUPPLY", "PEOPLE", "FUNDING"}

func (Pitch) Fields() []ent.Field {
	return []ent.Field{
		fk("customer_id"),
		field.Enum("entry_point").Values("PERSON", "PRODUCT", "TECHNOLOGY", "PAYMENT_TERMS"),
		atMostItems(20, 40, field.Strings("advantages").Optional().Validate(oneOfEach("advantages", pitchAdvantages)).
			Comment("Advantages to stress: PRODUCT_STOCK, TECHNOLOGY, PRICE, QC_CERTIFICATION, SERVICE_LOCAL_SUPPLY, PEOPLE, FUNDING.")),
		text("detail"),
		field.Bool("active").Default(true),
	}
}

func (Pitch) Edges() []ent.Edge {
	return []ent.Edge{edge.From("customer", Customer.Type).Ref("pitches").Unique().Required().Field("customer_id")}
}

func (Pitch) Indexes() []ent.Index { return []ent.Index{index.Fields("customer_id")} }

func (Pitch) Annotations() []schema.Annotation { return graphQL() }

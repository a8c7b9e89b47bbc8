package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Competitor (竞争对手) is another supplier at one customer.
type Competitor struct{ ent.Schema }

func (Competitor) Mixin() []ent.Mixin { return editable("CP") }

func (Competitor) Fields() []ent.Field {
	return []ent.Field{
		fk("customer_id"),
		atMost(200, field.String("name").NotEmpty()),
		atMost(200, field.String("product").Optional()),
		field.Enum("price_position").Values("HIGHER", "SIMILAR", "LOWER", "UNKNOWN").Default("UNKNOWN"),
		field.Float("share_percent").Optional().Nillable().Range(0, 100),
		text("notes"),
	}
}

func (Competitor) Edges() []ent.Edge {
	return []ent.Edge{edge.From("customer", Customer.Type).Ref("competitors").Unique().Required().Field("customer_id")}
}

func (Competitor) Indexes() []ent.Index { return []ent.Index{index.Fields("customer_id")} }

func (Competitor) Annotations() []schema.Annotation { return graphQL() }

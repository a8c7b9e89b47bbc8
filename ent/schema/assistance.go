package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Assistance (帮助客户) is help given to a customer in difficulty: scarce goods, samples
// they cannot obtain themselves, testing, funding or invoices.
type Assistance struct{ ent.Schema }

func (Assistance) Mixin() []ent.Mixin { return editable("AS") }

func (Assistance) Fields() []ent.Field {
	return []ent.Field{
		fk("customer_id"),
		field.Enum("kind").Values("SOURCING", "SAMPLE_PROCUREMENT", "TESTING", "ANALYSIS", "FUNDING", "INVOICE", "OTHER"),
		atMost(LongText, field.Text("description").NotEmpty()),
		field.Enum("status").Values("OPEN", "DONE", "DECLINED").Default("OPEN"),
		text("outcome"),
		field.Time("requested_at").Default(now),
		field.Time("resolved_at").Optional().Nillable(),
	}
}

func (Assistance) Edges() []ent.Edge {
	return []ent.Edge{edge.From("customer", Customer.Type).Ref("assistances").Unique().Required().Field("customer_id")}
}

func (Assistance) Indexes() []ent.Index {
	return []ent.Index{index.Fields("customer_id"), index.Fields("status")}
}

func (Assistance) Annotations() []schema.Annotation { return graphQL() }

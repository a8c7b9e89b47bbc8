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

// Contact is a person at a customer (联系人), by department and buying role.
type Contact struct{ ent.Schema }

func (Contact) Mixin() []ent.Mixin { return editable("CO") }

func (Contact) Fields() []ent.Field {
	return []ent.Field{
		fk("customer_id"),
		atMost(120, field.String("name").NotEmpty().Annotations(entgql.OrderField("NAME"))),
		searchKey(),
		atMost(120, field.String("title").Optional()),
		field.Enum("department").Values("TECHNICAL", "PURCHASING", "GENERAL_MANAGEMENT", "QC", "WAREHOUSE", "PRODUCTION", "FINANCE", "OTHER").Default("OTHER"),
		atMost(40, field.String("phone").Optional()),
		atMost(40, field.String("mobile").Optional()),
		atMost(254, field.String("email").Optional()),
		atMost(80, field.String("wechat").Optional()),
		text("notes"),
		field.Bool("archived").Default(false),
		field.String("person_id").GoType(pulid.ID("")).Optional().
			Comment("The Person this contact is, set by the server from the mobile, email or WeChat ID.").
			Annotations(skipInputs()),
		field.String("merged_into_id").GoType(pulid.ID("")).Optional().Nillable().
			Comment("Set when this contact was merged into another of the same account (domain/merge): kept as a tombstone, hidden everywhere.").
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (Contact) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("contacts").Unique().Required().Field("customer_id"),
		edge.To("key_persons", KeyPerson.Type).Annotations(connection(), skipInputs()),
		edge.To("referred_customers", Customer.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.From("interactions", Interaction.Type).Ref("their_participants").Annotations(connection(), skipInputs()),
		edge.From("person", Person.Type).Ref("contacts").Unique().Field("person_id").Annotations(skipInputs()).
			Comment("The person this contact is (derived from the mobile, email or WeChat ID): Person.contacts lists the same person's contacts at other customers."),
	}
}

func (Contact) Indexes() []ent.Index {
	return []ent.Index{index.Fields("customer_id"), index.Fields("department"), index.Fields("person_id")}
}

func (Contact) Annotations() []schema.Annotation { return graphQL() }

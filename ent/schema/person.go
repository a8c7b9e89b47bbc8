package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Person is one human being behind contacts at several customers: in this trade people
// move between companies and advise several. It is derived, never edited: the contact
// hooks (hooks_person.go) tie contacts with the same identity key to one Person and
// keep its counts. It has no version nor audit trail of its own; the contact and key
// person changes that move it are audited.
type Person struct{ ent.Schema }

func (Person) Mixin() []ent.Mixin { return []ent.Mixin{ids("PE"), TimeMixin{}} }

func (Person) Fields() []ent.Field {
	return []ent.Field{
		atMost(120, field.String("name").
			Comment("Display name: the name on this person's most recently added contact.").
			Annotations(entgql.OrderField("NAME"))),
		atMost(254, field.String("key").Unique().NotEmpty().
			Comment("The identity that ties contacts together: the mobile number's digits (a leading +86, 0086 or 86 dropped), else the email lower-cased, else the WeChat ID lower-cased.")),
		field.Int("champion_accounts").Default(0).NonNegative().
			Comment("Number of customers where an active key person (not ended) of one of this person's contacts is a CHAMPION. Counts every account, also those you may not see.").
			Annotations(entgql.OrderField("CHAMPION_ACCOUNTS")),
		field.Int("accounts").Default(0).NonNegative().
			Comment("Number of customers with a contact that is this person. Counts every account, also those you may not see.").
			Annotations(entgql.OrderField("ACCOUNTS")),
	}
}

func (Person) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("contacts", Contact.Type).Annotations(connection(), skipInputs()).
			Comment("This person's contacts, one per customer they work at or advise; only those of the accounts you may see."),
	}
}

func (Person) Indexes() []ent.Index {
	return []ent.Index{index.Fields("champion_accounts"), index.Fields("accounts")}
}

func (Person) Annotations() []schema.Annotation {
	return append(readOnlyGraphQL(), schema.Comment(
		"One person behind contacts at several customers (people move between companies and advise several), "+
			"derived from the contacts' mobile, email or WeChat ID. Read-only. "+
			"Key persons who are champions at more than one customer: "+
			"keyPersons(where: {attitude: CHAMPION, hasContactWith: [{hasPersonWith: [{championAccountsGT: 1}]}]})."))
}

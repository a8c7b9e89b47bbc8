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

// ExchangeRate is one dated rate between two currencies, kept by admins with
// setExchangeRate. Rates are append-only history: a new rate supersedes the older
// ones from its valid_from date; none is edited or deleted (domain/money).
type ExchangeRate struct{ ent.Schema }

func (ExchangeRate) Mixin() []ent.Mixin { return []ent.Mixin{ids("XR")} }

func (ExchangeRate) Fields() []ent.Field {
	return []ent.Field{
		atMost(3, field.String("from_currency").MinLen(3).Immutable().Comment("ISO 4217 code of the currency converted from (USD).")),
		atMost(3, field.String("to_currency").MinLen(3).Immutable().Comment("ISO 4217 code of the currency converted to (CNY).")),
		field.Float("rate").Positive().Immutable().Comment("One unit of from_currency is worth rate units of to_currency."),
		field.Time("valid_from").Immutable().Annotations(entgql.OrderField("VALID_FROM")).
			Comment("The day from which the rate applies (UTC midnight), until a newer rate's day."),
		atMost(200, field.String("source").Optional().Immutable().Comment("Where the rate comes from (PBOC central parity, bank, contract).")),
		field.String("created_by_id").GoType(pulid.ID("")).Optional().Immutable(),
		field.Time("created_at").Default(now).Immutable().Annotations(entgql.OrderField("CREATED_AT")),
	}
}

func (ExchangeRate) Edges() []ent.Edge {
	return []ent.Edge{edge.To("created_by", User.Type).Unique().Immutable().Field("created_by_id")}
}

func (ExchangeRate) Indexes() []ent.Index {
	return []ent.Index{index.Fields("from_currency", "to_currency", "valid_from")}
}

func (ExchangeRate) Annotations() []schema.Annotation { return readOnlyGraphQL() }

package generated

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// PlainFieldsExtension is the name under which an operation's PlainFields are kept
// in its stats (graphql.Stats.SetExtension); the field access check puts them there.
const PlainFieldsExtension = "tandem.plainFields"

// PlainFields says, for one operation, whether a plain field of an object (one that
// reads a scalar its row already holds) may be answered straight from the row: the
// field middleware would let it through unchanged.
type PlainFields interface {
	Plain(object, field string) bool
}

// plainField answers a plain field (graph/gqlgen rewrites their resolvers to call
// it). A page of 50 accounts with contacts and samples has about 5,000 of them, and
// gqlgen gives each a field context, a context value and a pass through every field
// middleware. When the operation's PlainFields let the field through, its value is
// marshalled directly; otherwise it goes the whole way, as before.
func plainField[T any](ctx context.Context, oc *graphql.OperationContext, object string, field graphql.CollectedField,
	fieldContext func(context.Context, graphql.CollectedField) (*graphql.FieldContext, error), v T,
	marshal func(context.Context, ast.SelectionSet, T) graphql.Marshaler, nonNull bool,
) graphql.Marshaler {
	if p, ok := oc.Stats.GetExtension(PlainFieldsExtension).(PlainFields); ok && p.Plain(object, field.Name) {
		return marshal(ctx, field.Selections, v)
	}
	return graphql.ResolveField(ctx, oc, field, fieldContext, func(context.Context) (any, error) { return v, nil }, nil, marshal, true, nonNull)
}

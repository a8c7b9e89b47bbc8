package generated

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
)

// marshalSlice marshals a list's elements one after another in the calling goroutine
// (graph/gqlgen explains why), each under its own field context carrying its index,
// as gqlgen's concurrent version does. A panic in one element is reported as an error
// at that element's path and leaves that element null, not the whole list.
func marshalSlice(ctx context.Context, n int, element func(ctx context.Context, i int) graphql.Marshaler) graphql.Array {
	out := make(graphql.Array, n)
	for i := range n {
		index := i
		elemCtx := graphql.WithFieldContext(ctx, &graphql.FieldContext{Index: &index})
		out[i] = marshalOne(elemCtx, i, element)
	}
	return out
}

func marshalOne(ctx context.Context, i int, element func(ctx context.Context, i int) graphql.Marshaler) (m graphql.Marshaler) {
	defer func() {
		if r := recover(); r != nil {
			graphql.AddError(ctx, graphql.Recover(ctx, r))
			m = graphql.Null
		}
	}()
	return element(ctx, i)
}

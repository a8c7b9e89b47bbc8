package generated

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// Elements are marshalled in order, each with its index on its path; a panic in one
// leaves that element null with an error at its path, and the others as they are.
func TestMarshalSlice(t *testing.T) {
	ctx := graphql.WithResponseContext(context.Background(), graphql.DefaultErrorPresenter,
		func(ctx context.Context, err any) error { return errors.New(fmt.Sprint("panic: ", err)) })
	ctx = graphql.WithFieldContext(ctx, &graphql.FieldContext{Field: graphql.CollectedField{Field: &ast.Field{Alias: "items"}}})
	var order []int
	var paths []string
	out := marshalSlice(ctx, 4, func(ctx context.Context, i int) graphql.Marshaler {
		order = append(order, i)
		paths = append(paths, graphql.GetPath(ctx).String())
		if i == 2 {
			panic("element 2")
		}
		return graphql.MarshalInt(i * 10)
	})
	var buf bytes.Buffer
	out.MarshalGQL(&buf)
	if got := buf.String(); got != "[0,10,null,30]" {
		t.Errorf("marshalled %s", got)
	}
	if fmt.Sprint(order) != "[0 1 2 3]" || paths[3] != "items[3]" {
		t.Errorf("order %v, paths %v", order, paths)
	}
	errs := graphql.GetErrors(ctx)
	if len(errs) != 1 || errs[0].Path.String() != "items[2]" || errs[0].Message != "panic: element 2" {
		t.Errorf("errors: %v", errs)
	}
}

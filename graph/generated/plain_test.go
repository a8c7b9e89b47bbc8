package generated

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

type plainOnly map[string]bool

func (p plainOnly) Plain(object, field string) bool { return p[object+"."+field] }

// A plain field is marshalled straight from its value only when the operation's
// PlainFields let it through; otherwise it passes the field middleware, which may
// refuse it, as every field did before.
func TestPlainField(t *testing.T) {
	refused := errors.New("refused")
	var middleware []string
	oc := &graphql.OperationContext{ResolverMiddleware: func(ctx context.Context, next graphql.Resolver) (any, error) {
		fc := graphql.GetFieldContext(ctx)
		middleware = append(middleware, fc.Object+"."+fc.Field.Name)
		if fc.Field.Name == "secret" {
			return nil, refused
		}
		return next(ctx)
	}}
	ctx := graphql.WithResponseContext(context.Background(), graphql.DefaultErrorPresenter, nil)
	field := func(name string) graphql.CollectedField {
		return graphql.CollectedField{Field: &ast.Field{Name: name, Alias: name}}
	}
	fieldContext := func(_ context.Context, f graphql.CollectedField) (*graphql.FieldContext, error) {
		return graphql.NewScalarFieldContext("Contact", f, false, false, "String")
	}
	marshal := func(_ context.Context, _ ast.SelectionSet, v string) graphql.Marshaler {
		return graphql.MarshalString(v)
	}
	answer := func(name string) string {
		var buf bytes.Buffer
		m := plainField(ctx, oc, "Contact", field(name), fieldContext, "value of "+name, marshal, false)
		m.MarshalGQL(&buf)
		return buf.String()
	}

	// Without PlainFields every field goes through the middleware.
	if got := answer("name"); got != `"value of name"` || len(middleware) != 1 {
		t.Fatalf("no PlainFields: %s, middleware saw %v", got, middleware)
	}
	oc.Stats.SetExtension(PlainFieldsExtension, plainOnly{"Contact.name": true})
	middleware = nil
	if got := answer("name"); got != `"value of name"` || len(middleware) != 0 {
		t.Errorf("a plain field let through: %s, middleware saw %v", got, middleware)
	}
	if got := answer("title"); got != `"value of title"` || len(middleware) != 1 || middleware[0] != "Contact.title" {
		t.Errorf("a field PlainFields does not let through: %s, middleware saw %v", got, middleware)
	}
	if got := answer("secret"); got != "null" {
		t.Errorf("a field the middleware refuses answered %s", got)
	}
	if errs := graphql.GetErrors(ctx); len(errs) != 1 || errs[0].Message != "refused" {
		t.Errorf("errors: %v", errs)
	}
}

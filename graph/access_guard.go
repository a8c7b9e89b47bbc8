package graph

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"tandem/domain/access"
	"tandem/ent/errcode"
	"tandem/ent/viewer"
	"tandem/graph/generated"
)

// fieldAccess applies the access table (domain/access) to every field a request
// resolves: a field the viewer may not read is refused (a partner's internal fields,
// anything the table does not name) or, when it is a restricted field of a row the
// viewer reads, answered as null; and every `where` argument is scoped so its relation
// filters match only rows the viewer reads. The rows themselves are the privacy
// policy's business.
//
// It is an operation context mutator, not an AroundFields middleware, so that the
// viewer is read from the request once per operation rather than once per field of
// every row: the guard it puts in front of the operation's field middleware holds it.
// (A page of 50 accounts with contacts and samples resolves about 6,000 fields, and
// each lookup walked the whole context chain.) The viewer is set by the HTTP layer
// before the operation starts and nothing changes it during the operation.
type fieldAccess struct{}

func (fieldAccess) ExtensionName() string                          { return "FieldAccess" }
func (fieldAccess) Validate(schema graphql.ExecutableSchema) error { return nil }

func (fieldAccess) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	g := fieldGuard{v: viewer.FromContext(ctx), next: oc.ResolverMiddleware}
	oc.ResolverMiddleware = g.resolve
	oc.Stats.SetExtension(generated.PlainFieldsExtension, g)
	return nil
}

// Plain lets a plain field (a scalar its row holds: no arguments, no resolver; see
// graph/generated/plain.go) be answered straight from the row when this check would
// let it through: the viewer reads the field. The other field middleware (clampPages)
// only acts on connections, which are never plain.
func (g fieldGuard) Plain(object, field string) bool {
	return g.v == nil || !access.FieldRows(g.v, object, field).IsNone()
}

// fieldGuard is one operation's access check, in front of its other field middleware.
type fieldGuard struct {
	v    *viewer.Viewer
	next graphql.FieldMiddleware
}

func (g fieldGuard) resolve(ctx context.Context, next graphql.Resolver) (any, error) {
	rest := func(ctx context.Context) (any, error) { return g.next(ctx, next) }
	if g.v == nil {
		return rest(ctx)
	}
	return checkField(ctx, g.v, rest)
}

// checkField is the access check of one field for the viewer v.
func checkField(ctx context.Context, v *viewer.Viewer, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil {
		return next(ctx)
	}
	typ, name := fc.Object, fc.Field.Name
	if access.FieldRows(v, typ, name).IsNone() {
		if access.Restricted(typ, name) && v.Internal() {
			return nil, nil
		}
		if v.Role == viewer.Partner {
			return nil, errcode.New(errcode.Forbidden, "%s.%s is not available to partner tokens", typ, name)
		}
		return nil, errcode.New(errcode.Forbidden, "%s.%s is not available to you", typ, name)
	}
	if len(fc.Args) == 0 {
		return next(ctx)
	}
	if w, ok := fc.Args["where"]; ok && w != nil {
		if err := access.ScopeWhere(v, w); err != nil {
			return nil, err
		}
	}
	if o, ok := fc.Args["orderBy"]; ok && o != nil {
		if err := access.CheckOrder(v, nodeType(fc.Field.Definition.Type.Name()), o); err != nil {
			return nil, err
		}
	}
	return next(ctx)
}

// nodeType is the type a connection lists.
func nodeType(connection string) string { return strings.TrimSuffix(connection, "Connection") }

package graph

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"tandem/domain/access"
	"tandem/ent/errcode"
	"tandem/ent/viewer"
)

// accessGuard is the field middleware that applies the access table (domain/access)
// to every field a request resolves: a field the viewer may not read is refused (a
// partner's internal fields, anything the table does not name) or, when it is a
// restricted field of a row the viewer reads, answered as null; and every `where`
// argument is scoped so its relation filters match only rows the viewer reads. The
// rows themselves are the privacy policy's business.
func accessGuard(ctx context.Context, next graphql.Resolver) (any, error) {
	v := viewer.FromContext(ctx)
	fc := graphql.GetFieldContext(ctx)
	if v == nil || fc == nil || fc.Field.Field == nil {
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

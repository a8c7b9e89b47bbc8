package graph

import (
	"context"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"tandem/domain/people"
	"tandem/ent/errcode"
	"tandem/ent/viewer"
)

type tokenErrKey struct{}

// WithTokenError records that the request carried an access token that failed its
// checks; the gate answers UNAUTHENTICATED with the reason.
func WithTokenError(ctx context.Context, err error) context.Context {
	return context.WithValue(ctx, tokenErrKey{}, err)
}

// authGate refuses every operation without a signed-in viewer, except one made only
// of public fields (signing in, refreshing, signing out).
type authGate struct{}

func (authGate) ExtensionName() string                   { return "AuthGate" }
func (authGate) Validate(graphql.ExecutableSchema) error { return nil }
func (authGate) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	noteOperationName(ctx, oc) // the first extension: refused operations are named too
	if v := viewer.FromContext(ctx); v != nil {
		return passwordChangeGate(v, oc)
	}
	if onlyPublic(oc.Doc, oc.Operation.SelectionSet) {
		return nil
	}
	msg := "sign in first: send Authorization: Bearer <accessToken>"
	if err, _ := ctx.Value(tokenErrKey{}).(error); err != nil {
		msg = err.Error()
	}
	return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": string(errcode.Unauthenticated)}}
}

// passwordChangeGate refuses every operation of a user with a temporary password
// but those that let them change it (people.WhilePasswordChangeRequired).
func passwordChangeGate(v *viewer.Viewer, oc *graphql.OperationContext) *gqlerror.Error {
	if !v.MustChangePassword || onlyRoot(oc.Doc, oc.Operation.SelectionSet, people.AllowedBeforePasswordChange) {
		return nil
	}
	return &gqlerror.Error{Message: "change your temporary password first (changePassword)",
		Extensions: map[string]any{"code": string(people.PasswordChangeRequired)}}
}

func onlyPublic(doc *ast.QueryDocument, set ast.SelectionSet) bool {
	return onlyRoot(doc, set, func(name string) bool { return slices.Contains(publicFields, name) })
}

// onlyRoot reports whether every root field of the selection is allowed.
func onlyRoot(doc *ast.QueryDocument, set ast.SelectionSet, allowed func(string) bool) bool {
	for _, s := range set {
		switch s := s.(type) {
		case *ast.Field:
			if s.Name != "__typename" && !allowed(s.Name) {
				return false
			}
		case *ast.InlineFragment:
			if !onlyRoot(doc, s.SelectionSet, allowed) {
				return false
			}
		case *ast.FragmentSpread:
			f := doc.Fragments.ForName(s.Name)
			if f == nil || !onlyRoot(doc, f.SelectionSet, allowed) {
				return false
			}
		}
	}
	return true
}

// clampPages makes first/last required on every connection and clamps them to
// 1..100, so no client can ask for a page larger than the server is built for.
func clampPages(ctx context.Context, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil || fc.Field.Definition == nil || !strings.HasSuffix(fc.Field.Definition.Type.Name(), "Connection") {
		return next(ctx)
	}
	given := false
	for _, k := range []string{"first", "last"} {
		switch n := fc.Args[k].(type) {
		case *int:
			if n != nil {
				*n, given = min(max(*n, 1), MaxPage), true
			}
		case int: // a required argument
			fc.Args[k], given = min(max(n, 1), MaxPage), true
		}
	}
	if !given {
		return nil, errcode.New(errcode.BadUserInput, "%s: pass first or last (1 to %d)", fc.Field.Name, MaxPage).With("field", "first")
	}
	return next(ctx)
}

// MaxPage is the largest page a connection returns.
const MaxPage = 100

// RequestInfo collects what the access log prints about a GraphQL request.
type RequestInfo struct {
	Operation string
	// outcome is the code of the request's first error ("" while there is none).
	outcome atomic.Value
	// errorsLogged counts the internal errors and panics of the request, of which
	// only the first MaxLoggedErrors are logged (errors.go).
	errorsLogged atomic.Int64
}

// Outcome is "ok", or the error code of the request's first error.
func (ri *RequestInfo) Outcome() string {
	if c, _ := ri.outcome.Load().(string); c != "" {
		return c
	}
	return "ok"
}

// noteOutcome keeps the first error code of the request.
func noteOutcome(ctx context.Context, code string) {
	if ri, _ := ctx.Value(requestInfoKey{}).(*RequestInfo); ri != nil {
		ri.outcome.CompareAndSwap(nil, code)
	}
}

// InternalErrors is the number of internal errors (and panics) the request had.
func (ri *RequestInfo) InternalErrors() int64 { return ri.errorsLogged.Load() }

type requestInfoKey struct{}

// WithRequestInfo returns a context in which the handler records the operation.
func WithRequestInfo(ctx context.Context) (context.Context, *RequestInfo) {
	ri := &RequestInfo{}
	return context.WithValue(ctx, requestInfoKey{}, ri), ri
}

func noteOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	noteOperationName(ctx, graphql.GetOperationContext(ctx))
	return next(ctx)
}

// noteOperationName records the name of a validated operation: the request's
// operationName, else the document's, else the kind and first field ("query:me").
func noteOperationName(ctx context.Context, oc *graphql.OperationContext) {
	ri, _ := ctx.Value(requestInfoKey{}).(*RequestInfo)
	if ri == nil {
		return
	}
	ri.Operation = oc.OperationName
	if ri.Operation == "" && oc.Operation != nil {
		ri.Operation = oc.Operation.Name // named in the document, not in the request
	}
	if ri.Operation == "" && oc.Operation != nil && len(oc.Operation.SelectionSet) > 0 {
		if f, ok := oc.Operation.SelectionSet[0].(*ast.Field); ok {
			ri.Operation = string(oc.Operation.Operation) + ":" + f.Name
		}
	}
}

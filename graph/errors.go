package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"tandem/domain/access"
	"tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/privacy"
	"tandem/ent/viewer"
	"tandem/server/requestid"
)

// presentError maps every error to one code of errcode's fixed list and a message
// safe to show: never SQL, never a stack trace.
func presentError(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gqlErr := graphql.DefaultErrorPresenter(ctx, err)
		code, msg, details := codeOf(ctx, err)
		if code == errcode.Internal && err != errPanicked { // a panic was logged with its stack
			logInternal(ctx, log, "internal error", "err", clip(err.Error(), 1000), "path", gqlErr.Path.String())
		}
		if msg != "" {
			gqlErr.Message = msg
		}
		if gqlErr.Extensions == nil {
			gqlErr.Extensions = map[string]any{}
		}
		for k, v := range details {
			gqlErr.Extensions[k] = v
		}
		gqlErr.Extensions["code"] = string(code)
		noteOutcome(ctx, string(code))
		// The id of the request's log lines, for the operator to find what happened.
		if id := requestid.FromContext(ctx); id != "" && code == errcode.Internal {
			gqlErr.Extensions["requestId"] = id
		}
		return gqlErr
	}
}

func codeOf(ctx context.Context, err error) (errcode.Code, string, map[string]any) {
	if e, ok := errcode.As(err); ok {
		return e.Code, e.Message, e.Details
	}
	var (
		validation  *ent.ValidationError
		notFound    *ent.NotFoundError
		notSingular *ent.NotSingularError
		constraint  *ent.ConstraintError
		gqlErr      *gqlerror.Error
	)
	switch {
	case errors.Is(err, access.ErrNotVisible):
		return errcode.NotFound, "not found", nil
	case errors.Is(err, privacy.Deny):
		if viewer.FromContext(ctx) == nil {
			return errcode.Unauthenticated, "sign in first", nil
		}
		return errcode.Forbidden, "you are not allowed to do this", nil
	case errors.As(err, &notFound):
		return errcode.NotFound, "not found", nil
	case errors.As(err, &validation):
		field := graphQLName(validation.Name)
		return errcode.BadUserInput, fmt.Sprintf("%s: %s", field, innermost(validation)), map[string]any{"field": field}
	case errors.As(err, &constraint):
		return errcode.BadUserInput, "the change conflicts with existing data (a value that must be unique is taken, or a linked record does not exist)", nil
	case errors.As(err, &notSingular):
		return errcode.Internal, "internal error", nil
	case errors.As(err, &gqlErr) && gqlErr.Err == nil:
		// Input coercion and validation errors made by the GraphQL layer itself.
		switch c, _ := gqlErr.Extensions["code"].(string); c {
		case "", "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED":
		default:
			return errcode.Code(c), "", nil
		}
		if field := variableField(gqlErr.Path); field != "" {
			return errcode.BadUserInput, "", map[string]any{"field": field}
		}
		return errcode.BadUserInput, "", nil
	case errors.As(err, &gqlErr) && gqlErr.Err != nil:
		// An argument the executor could not read (a forged cursor, a malformed time):
		// the client's fault, named by its field.
		if field, ok := argumentField(ctx, gqlErr.Path); ok {
			return errcode.BadUserInput, fmt.Sprintf("%s: %s", field, argumentProblem(gqlErr.Err)), map[string]any{"field": field}
		}
	}
	return errcode.Internal, "internal error", nil
}

// innermost is the message of the deepest error in err's chain: a validator's own
// words, without ent's "validator failed for field" wrapping.
func innermost(err error) string {
	for {
		u := errors.Unwrap(err)
		if u == nil {
			return err.Error()
		}
		err = u
	}
}

// graphQLName turns an ent field name into its GraphQL name as entgql spells it
// (customer_id → customerID, name_en → nameEn).
func graphQLName(field string) string {
	words := strings.Split(field, "_")
	for i, w := range words {
		switch {
		case i == 0:
			words[i] = strings.ToLower(w)
		case acronyms[strings.ToUpper(w)]:
			words[i] = strings.ToUpper(w)
		case w != "":
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, "")
}

// acronyms are the words ent's code generator writes in capitals.
var acronyms = map[string]bool{
	"ACL": true, "API": true, "ASCII": true, "AWS": true, "CPU": true, "CSS": true, "DNS": true, "EOF": true, "GB": true,
	"GUID": true, "HCL": true, "HTML": true, "HTTP": true, "HTTPS": true, "ID": true, "IP": true, "JSON": true, "KB": true,
	"LHS": true, "MAC": true, "MB": true, "QPS": true, "RAM": true, "RHS": true, "RPC": true, "SLA": true, "SMTP": true,
	"SQL": true, "SSH": true, "SSO": true, "TCP": true, "TLS": true, "TTL": true, "UDP": true, "UI": true, "UID": true,
	"URI": true, "URL": true, "UTF8": true, "UUID": true, "VM": true, "XML": true, "XMPP": true, "XSRF": true, "XSS": true,
}

// variableField names the variable (or its member) a coercion error is about:
// path ["variable", "input", "name"] → "input.name".
func variableField(path ast.Path) string {
	if len(path) < 2 || path[0] != ast.PathName("variable") {
		return ""
	}
	var parts []string
	for _, p := range path[1:] {
		if n, ok := p.(ast.PathName); ok {
			parts = append(parts, string(n))
		}
	}
	return strings.Join(parts, ".")
}

// argumentField returns the argument (or input field) an error is about when its
// path runs past the field being resolved into the field's arguments:
// [customers, after] while resolving customers → "after".
func argumentField(ctx context.Context, path ast.Path) (string, bool) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return "", false
	}
	at := fc.Path()
	if len(path) <= len(at) || path[:len(at)].String() != at.String() {
		return "", false
	}
	field := ""
	for _, p := range path[len(at):] {
		if n, ok := p.(ast.PathName); ok {
			field = string(n)
		}
	}
	return field, field != ""
}

// argumentProblem says what is wrong with an argument without echoing a large value.
func argumentProblem(err error) string {
	msg := err.Error()
	if strings.Contains(msg, "cursor") {
		return "not a cursor of this list: pass pageInfo.endCursor (or startCursor) as it was given"
	}
	return clip(msg, 200)
}

// MaxLoggedErrors is how many internal errors (and panics) one request logs; the
// rest are counted in its access-log line, so no request can flood the log.
const MaxLoggedErrors = 10

// logInternal logs an internal error within the request's budget.
func logInternal(ctx context.Context, log *slog.Logger, msg string, attrs ...any) {
	ri, _ := ctx.Value(requestInfoKey{}).(*RequestInfo)
	if ri == nil {
		log.ErrorContext(ctx, msg, attrs...)
		return
	}
	switch n := ri.errorsLogged.Add(1); {
	case n <= MaxLoggedErrors:
		log.ErrorContext(ctx, msg, attrs...)
	case n == MaxLoggedErrors+1:
		log.ErrorContext(ctx, "further internal errors of this request are not logged; its access-log line counts them", "logged", MaxLoggedErrors)
	}
}

// recoverPanic logs a resolver panic with its stack (within the request's budget)
// and answers INTERNAL.
func recoverPanic(log *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		logInternal(ctx, log, "panic in resolver", "panic", clip(fmt.Sprint(p), 1000), "stack", string(debug.Stack()))
		return errPanicked
	}
}

var errPanicked = errcode.New(errcode.Internal, "internal error")

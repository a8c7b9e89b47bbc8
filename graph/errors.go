package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"tandem/domain/access"
	"tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/privacy"
	"tandem/ent/viewer"
)

// presentError maps every error to one code of errcode's fixed list and a message
// safe to show: never SQL, never a stack trace.
func presentError(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gqlErr := graphql.DefaultErrorPresenter(ctx, err)
		code, msg, details := codeOf(ctx, err)
		if code == errcode.Internal {
			log.ErrorContext(ctx, "internal error", "err", err, "path", gqlErr.Path.String())
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
		return errcode.BadUserInput, fmt.Sprintf("%s: %s", validation.Name, unwrapMessage(validation)), map[string]any{"field": validation.Name}
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
		return errcode.BadUserInput, "", nil
	}
	return errcode.Internal, "internal error", nil
}

func unwrapMessage(v *ent.ValidationError) string {
	if u := errors.Unwrap(v); u != nil {
		return u.Error()
	}
	return v.Error()
}

// recoverPanic logs a resolver panic with its stack and answers INTERNAL.
func recoverPanic(log *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		log.ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		return errcode.New(errcode.Internal, "internal error")
	}
}

package graph

import (
	"context"
	"strings"

	"tandem/domain/access"
	"tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
	"tandem/graph/model"
	"tandem/server/auth"
)

func session(s *auth.Session) *model.AuthPayload {
	if s == nil {
		return nil
	}
	return &model.AuthPayload{AccessToken: s.AccessToken, RefreshToken: s.RefreshToken, ExpiresAt: s.ExpiresAt, User: s.User,
		MustChangePassword: s.User.MustChangePassword, Access: viewerAccess(auth.ViewerOf(s.User))}
}

// viewerAccess is what the access table lets the viewer use.
func viewerAccess(v *viewer.Viewer) *model.ViewerAccess {
	return &model.ViewerAccess{Explorer: access.MayExplore(v), Manages: access.Manages(v), Imports: access.MayImport(v), Reads: access.Readable(v)}
}

type clientAddrKey struct{}

// WithClientAddr records the client's address for sign-in throttling.
func WithClientAddr(ctx context.Context, addr string) context.Context {
	return context.WithValue(ctx, clientAddrKey{}, addr)
}

type langKey struct{}

// WithLang records the language the client shows (its X-Tandem-Lang header, "zh" or
// "en"); the server's texts follow it before the user's stored locale.
func WithLang(ctx context.Context, header string) context.Context {
	switch strings.ToLower(strings.TrimSpace(header)) {
	case "zh", "zh-cn":
		return context.WithValue(ctx, langKey{}, "zh")
	case "en":
		return context.WithValue(ctx, langKey{}, "en")
	}
	return ctx
}

func clientAddr(ctx context.Context) string {
	a, _ := ctx.Value(clientAddrKey{}).(string)
	return a
}

// deleted reports a delete's result; with a version, a missing row means it changed.
func deleted(id pulid.ID, version *int, err error) (*model.DeletePayload, error) {
	if ent.IsNotFound(err) && version != nil {
		return nil, errcode.New(errcode.Conflict, "the record was changed by someone else since version %d; reload it before deleting", *version)
	}
	if err != nil {
		return nil, err
	}
	return &model.DeletePayload{DeletedID: id}, nil
}

// signInFailure is the label a refused sign-in is counted under: its error code
// (UNAUTHENTICATED for a wrong address or password, RATE_LIMITED when throttled).
func signInFailure(err error) string {
	if e, ok := errcode.As(err); ok {
		return string(e.Code)
	}
	return string(errcode.Internal)
}

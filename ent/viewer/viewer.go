// Package viewer carries who is asking through a request's context. The privacy
// rules in ent/rule read it; the server puts it there after checking a token.
package viewer

import (
	"context"

	"tandem/ent/schema/pulid"
)

// Role is what a person may do in Tandem.
type Role string

const (
	Admin   Role = "ADMIN"
	Manager Role = "MANAGER"
	Rep     Role = "REP"
	Analyst Role = "ANALYST"
	Partner Role = "PARTNER"
)

// Viewer is the authenticated person (or partner token) behind a request.
type Viewer struct {
	UserID pulid.ID
	Role   Role
	// TeamID is the user's team ("" when none).
	TeamID pulid.ID
	// CustomerID is the partner organisation for partner users and API tokens.
	CustomerID pulid.ID
	// TokenID is set when the request is authenticated by a partner API token.
	TokenID pulid.ID
	// Scopes are an API token's grants (empty for users).
	Scopes []string
	// Label names who acts in the audit log: "Name <email>" for a user, "API token
	// <name>" for a partner token.
	Label string
	// MustChangePassword: the user signed in with a temporary password and may do
	// nothing but change it (graph's auth gate enforces it).
	MustChangePassword bool
	// Locale is the user's stored language ("zh" or "en"), as read with the user when
	// the request was authenticated; "" when unknown.
	Locale string
	// AccountsOf, when set, narrows what the viewer reads to the accounts this user
	// owns and their rows (Narrowed): never more than the role reads, often less.
	AccountsOf pulid.ID
}

// NoAccounts is what AccountsOf holds when two narrowings to different owners meet:
// an owner no account has, so the viewer reads no account at all.
const NoAccounts pulid.ID = "-"

// Narrowed returns a copy of v that reads, of what v reads, only the accounts owner
// owns and their rows (a rep's Today as the rep or their manager sees it). Narrowing
// an already narrowed viewer to another owner leaves it no account.
func (v *Viewer) Narrowed(owner pulid.ID) *Viewer {
	n := *v
	if v.AccountsOf != "" && v.AccountsOf != owner {
		owner = NoAccounts
	}
	n.AccountsOf = owner
	return &n
}

// Internal reports whether the viewer is one of our own people (not a partner).
func (v *Viewer) Internal() bool {
	switch v.Role {
	case Admin, Manager, Rep, Analyst:
		return true
	}
	return false
}

// HasScope reports whether an API token carries the scope; users carry every scope
// their role allows, so the check is only meaningful for tokens.
func (v *Viewer) HasScope(s string) bool {
	if v.TokenID == "" {
		return true
	}
	for _, have := range v.Scopes {
		if have == s {
			return true
		}
	}
	return false
}

type ctxKey struct{}

// NewContext returns a context carrying v.
func NewContext(ctx context.Context, v *Viewer) context.Context {
	return context.WithValue(ctx, ctxKey{}, v)
}

// FromContext returns the viewer in ctx, or nil.
func FromContext(ctx context.Context) *Viewer {
	v, _ := ctx.Value(ctxKey{}).(*Viewer)
	return v
}

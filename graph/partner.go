package graph

import (
	"context"
	"strings"
	"time"

	"tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
	"tandem/graph/model"
	"tandem/server/auth"
)

// issueAPIToken creates a partner token and returns its secret, this once.
func issueAPIToken(ctx context.Context, c *ent.Client, in model.IssueAPITokenInput) (*model.IssuedAPIToken, error) {
	if strings.TrimSpace(in.Name) == "" {
		return nil, errcode.New(errcode.BadUserInput, "name the token, e.g. after the system that uses it").With("field", "name")
	}
	if err := auth.CheckScopes(in.Scopes); err != nil {
		return nil, err
	}
	if len(in.Scopes) == 0 {
		return nil, errcode.New(errcode.BadUserInput, "give the token at least one scope").With("field", "scopes")
	}
	if in.ExpiresAt != nil && !in.ExpiresAt.After(time.Now()) {
		return nil, errcode.New(errcode.BadUserInput, "the expiry must be in the future").With("field", "expiresAt")
	}
	t, err := auth.MintToken()
	if err != nil {
		return nil, err
	}
	b := c.APIToken.Create().SetName(in.Name).SetCustomerID(in.CustomerID).SetScopes(in.Scopes).
		SetTokenHash(t.Hash).SetSalt(t.Salt).SetLastEight(t.LastEight).SetNillableExpiresAt(in.ExpiresAt).
		SetNillableBudgetPerSecond(in.BudgetPerSecond).SetNillableBudgetBurst(in.BudgetBurst)
	if v := viewer.FromContext(ctx); v != nil && v.UserID != "" {
		b.SetCreatedByID(v.UserID)
	}
	saved, err := b.Save(ctx)
	if err != nil {
		return nil, err
	}
	return &model.IssuedAPIToken{Token: t.Secret, APIToken: saved}, nil
}

// rotateAPIToken revokes a token and issues its replacement with the same grants.
func rotateAPIToken(ctx context.Context, c *ent.Client, id pulid.ID) (*model.IssuedAPIToken, error) {
	old, err := c.APIToken.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if old.RevokedAt != nil {
		return nil, errcode.New(errcode.BadUserInput, "the token is revoked; issue a new one").With("field", "id")
	}
	if err := c.APIToken.UpdateOneID(id).SetRevokedAt(time.Now().UTC()).Exec(ctx); err != nil {
		return nil, err
	}
	expires := old.ExpiresAt
	if expires != nil && !expires.After(time.Now()) {
		expires = nil
	}
	return issueAPIToken(ctx, c, model.IssueAPITokenInput{
		CustomerID: old.CustomerID, Name: old.Name, Scopes: old.Scopes, ExpiresAt: expires,
		BudgetPerSecond: &old.BudgetPerSecond, BudgetBurst: &old.BudgetBurst,
	})
}

package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/privacy"
	"tandem/ent/refreshtoken"
	"tandem/ent/schema/pulid"
	"tandem/ent/user"
	"tandem/ent/viewer"
)

// RefreshTTL is how long an unused refresh token stays valid.
const RefreshTTL = 30 * 24 * time.Hour

// Service signs people in and out. It uses the root client with its own short
// transactions: a reused refresh token must revoke its family even though the
// request itself fails.
type Service struct {
	Client   *ent.Client
	Signer   *Signer
	Throttle Throttle
	Now      func() time.Time
}

// Session is what a successful sign-in or refresh returns.
type Session struct {
	AccessToken  string
	RefreshToken string
	ExpiresAt    time.Time
	User         *ent.User
}

// system is the context the service reads and writes credentials with.
func system(ctx context.Context) context.Context {
	return privacy.DecisionContext(ctx, privacy.Allow)
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

var errBadCredentials = errcode.New(errcode.Unauthenticated, "wrong email or password")

// Input limits of sign-in: the length of User.email, and a generous passphrase.
const (
	MaxEmailChars    = 254
	MaxPasswordChars = 1024
)

// Login checks the password and opens a new token family.
func (s *Service) Login(ctx context.Context, email, password, clientAddr string) (*Session, error) {
	// No account has a longer email; a longer password is refused before it is hashed,
	// and neither becomes a throttle key.
	if utf8.RuneCountInString(email) > MaxEmailChars {
		return nil, errcode.New(errcode.BadUserInput, "email: at most %d characters", MaxEmailChars).With("field", "email")
	}
	if utf8.RuneCountInString(password) > MaxPasswordChars {
		return nil, errcode.New(errcode.BadUserInput, "password: at most %d characters", MaxPasswordChars).With("field", "password")
	}
	email = strings.ToLower(strings.TrimSpace(email))
	keys := []string{"account:" + email, "addr:" + clientAddr}
	if err := s.Throttle.Check(ctx, s.Client, s.now(), keys...); err != nil {
		return nil, err
	}
	u, err := s.Client.User.Query().Where(user.EmailEqualFold(email)).Only(system(ctx))
	if err != nil && !ent.IsNotFound(err) {
		return nil, err
	}
	if u == nil || u.PasswordHash == "" {
		VerifyPassword(dummyHash, password)
		return nil, s.failed(ctx, keys)
	}
	if !VerifyPassword(u.PasswordHash, password) {
		return nil, s.failed(ctx, keys)
	}
	if !u.Active {
		return nil, errcode.New(errcode.Unauthenticated, "this account is disabled")
	}
	if err := s.Throttle.Reset(ctx, s.Client, keys[0]); err != nil {
		return nil, err
	}
	family := string(pulid.New("FA"))
	return s.issue(ctx, s.Client, u, family, clientAddr)
}

func (s *Service) failed(ctx context.Context, keys []string) error {
	if err := s.Throttle.Fail(ctx, s.Client, s.now(), keys...); err != nil {
		return err
	}
	return errBadCredentials
}

// issue creates an access token and a refresh token in the family.
func (s *Service) issue(ctx context.Context, c *ent.Client, u *ent.User, family, clientAddr string) (*Session, error) {
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return nil, err
	}
	refresh := base64.RawURLEncoding.EncodeToString(raw)
	err := c.RefreshToken.Create().
		SetUserID(u.ID).
		SetTokenHash(hashToken(refresh)).
		SetFamily(family).
		SetExpiresAt(s.now().Add(RefreshTTL)).
		SetClientAddr(clientAddr).
		Exec(system(ctx))
	if err != nil {
		return nil, err
	}
	access, exp, err := s.Signer.Issue(u.ID, string(u.Role))
	if err != nil {
		return nil, err
	}
	return &Session{AccessToken: access, RefreshToken: refresh, ExpiresAt: exp, User: u}, nil
}

func hashToken(t string) string {
	sum := sha256.Sum256([]byte(t))
	return hex.EncodeToString(sum[:])
}

var errBadRefresh = errcode.New(errcode.Unauthenticated, "the refresh token is not valid; sign in again")

// Refresh rotates a refresh token. A token that was already used means a copy is in
// someone else's hands: every token of its family is revoked.
func (s *Service) Refresh(ctx context.Context, token, clientAddr string) (*Session, error) {
	sys := system(ctx)
	rt, err := s.Client.RefreshToken.Query().Where(refreshtoken.TokenHash(hashToken(token))).Only(sys)
	if ent.IsNotFound(err) {
		return nil, errBadRefresh
	}
	if err != nil {
		return nil, err
	}
	now := s.now()
	if rt.RevokedAt != nil || now.After(rt.ExpiresAt) {
		return nil, errBadRefresh
	}
	// Claim the token: of two concurrent refreshes with one token, one wins.
	n, err := s.Client.RefreshToken.Update().
		Where(refreshtoken.ID(rt.ID), refreshtoken.UsedAtIsNil(), refreshtoken.RevokedAtIsNil()).
		SetUsedAt(now).
		Save(sys)
	if err != nil {
		return nil, err
	}
	if n == 0 {
		if err := s.revokeFamily(ctx, rt.Family); err != nil {
			return nil, err
		}
		return nil, errcode.New(errcode.Unauthenticated, "this refresh token was already used; every session of that sign-in has been ended, sign in again")
	}
	u, err := s.Client.User.Get(sys, rt.UserID)
	if err != nil {
		return nil, err
	}
	if !u.Active {
		return nil, errcode.New(errcode.Unauthenticated, "this account is disabled")
	}
	return s.issue(ctx, s.Client, u, rt.Family, clientAddr)
}

// Logout revokes the token's whole family.
func (s *Service) Logout(ctx context.Context, token string) error {
	rt, err := s.Client.RefreshToken.Query().Where(refreshtoken.TokenHash(hashToken(token))).Only(system(ctx))
	if ent.IsNotFound(err) {
		return errBadRefresh
	}
	if err != nil {
		return err
	}
	return s.revokeFamily(ctx, rt.Family)
}

func (s *Service) revokeFamily(ctx context.Context, family string) error {
	_, err := s.Client.RefreshToken.Update().
		Where(refreshtoken.Family(family), refreshtoken.RevokedAtIsNil()).
		SetRevokedAt(s.now()).
		Save(system(ctx))
	return err
}

// ChangePassword replaces the viewer's password and ends their other sessions.
func (s *Service) ChangePassword(ctx context.Context, current, next string) error {
	v := viewer.FromContext(ctx)
	if v == nil || v.UserID == "" {
		return errcode.New(errcode.Unauthenticated, "sign in first")
	}
	u, err := s.Client.User.Get(system(ctx), v.UserID)
	if err != nil {
		return err
	}
	if !VerifyPassword(u.PasswordHash, current) {
		return errcode.New(errcode.BadUserInput, "the current password is wrong").With("field", "currentPassword")
	}
	hash, err := HashPassword(next)
	if err != nil {
		return err
	}
	if err := s.Client.User.UpdateOneID(u.ID).SetPasswordHash(hash).Exec(ctx); err != nil {
		return err
	}
	_, err = s.Client.RefreshToken.Update().
		Where(refreshtoken.UserID(u.ID), refreshtoken.RevokedAtIsNil()).
		SetRevokedAt(s.now()).
		Save(system(ctx))
	return err
}

// ViewerFromToken checks an access token and loads who it belongs to; a disabled or
// deleted user's token stops working at once.
func (s *Service) ViewerFromToken(ctx context.Context, token string) (*viewer.Viewer, error) {
	claims, err := s.Signer.Parse(token)
	if err != nil {
		return nil, errcode.New(errcode.Unauthenticated, "the access token is not valid: %s", shortJWTError(err))
	}
	u, err := s.Client.User.Get(system(ctx), pulid.ID(claims.Subject))
	if err != nil || !u.Active {
		return nil, errcode.New(errcode.Unauthenticated, "the access token's user no longer exists or is disabled")
	}
	return ViewerOf(u), nil
}

// ViewerOf builds the viewer of a user.
func ViewerOf(u *ent.User) *viewer.Viewer {
	return &viewer.Viewer{UserID: u.ID, Role: viewer.Role(u.Role), TeamID: u.TeamID, CustomerID: u.PartnerCustomerID}
}

func shortJWTError(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		msg = msg[i+2:]
	}
	return fmt.Sprint(msg)
}

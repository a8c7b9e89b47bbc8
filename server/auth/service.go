package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"tandem/domain/access"
	"tandem/domain/people"
	"tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/refreshtoken"
	"tandem/ent/schema/pulid"
	"tandem/ent/user"
	"tandem/ent/viewer"
	"tandem/server/dbplan"
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
	// PasswordChecks counts the passwords Login checked (tests read it).
	PasswordChecks atomic.Int64
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
	return access.System(ctx, "sign-in: credentials, sessions, throttles and budgets")
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

// Login checks the password and opens a new token family. The throttle counts the
// attempt before any password is hashed; the hash then waits for one of the few
// hash slots.
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
	if email == "" || len(email) > 254 {
		return nil, errBadCredentials // no account has such an address
	}
	now := s.now()
	sys := system(ctx)
	var u *ent.User
	lookup := func() error {
		if u != nil {
			return nil
		}
		var err error
		u, err = s.Client.User.Query().Where(user.Email(email)).Only(sys)
		if ent.IsNotFound(err) {
			return nil
		}
		return err
	}
	known := func() (bool, error) {
		if err := lookup(); err != nil || u == nil {
			return false, err
		}
		return s.Client.RefreshToken.Query().Where(refreshtoken.UserID(u.ID), refreshtoken.ClientAddr(clientAddr),
			refreshtoken.CreatedAtGT(now.Add(-KnownAddressAge))).Exist(sys)
	}
	attempt, err := s.Throttle.Begin(ctx, s.Client, now, email, clientAddr, known)
	if err != nil {
		return nil, err
	}
	if err := lookup(); err != nil {
		return nil, err
	}
	hash := dummyHash
	if u != nil && u.PasswordHash != "" {
		hash = u.PasswordHash
	}
	ok, err := VerifyPassword(ctx, hash, password)
	if err == nil {
		s.PasswordChecks.Add(1)
	} else {
		// Busy: the password was never checked, so the attempt does not count.
		return nil, errors.Join(err, attempt.Abandon(context.WithoutCancel(ctx)))
	}
	if !ok || u == nil || u.PasswordHash == "" {
		return nil, errBadCredentials
	}
	if !u.Active {
		return nil, errcode.New(errcode.Unauthenticated, "this account is disabled")
	}
	if err := attempt.Succeeded(ctx); err != nil {
		return nil, err
	}
	family := string(pulid.New("FA"))
	return s.issue(ctx, s.Client, u, family, clientAddr)
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
	if err := CheckPasswordPolicy(next, "newPassword"); err != nil {
		return err
	}
	ok, err := VerifyPassword(ctx, u.PasswordHash, current)
	if err != nil {
		return err
	}
	if !ok {
		return errcode.New(errcode.BadUserInput, "the current password is wrong").With("field", "currentPassword")
	}
	hash, err := HashNewPassword(ctx, next, "newPassword")
	if err != nil {
		return err
	}
	if err := s.Client.User.UpdateOneID(u.ID).SetPasswordHash(hash).SetMustChangePassword(false).Exec(ctx); err != nil {
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
	// Only what the viewer is made of (ViewerOf): every request reads this row, and the
	// rest of it (the password hash, the reminder settings) is no request's business.
	u, err := s.Client.User.Query().Where(user.ID(pulid.ID(claims.Subject))).Select(viewerFields...).
		Only(system(dbplan.AnyPlan(ctx)))
	if err != nil || !u.Active {
		return nil, errcode.New(errcode.Unauthenticated, "the access token's user no longer exists or is disabled")
	}
	return ViewerOf(u), nil
}

// viewerFields are the user's fields ViewerOf reads, and whether the user is active.
var viewerFields = []string{user.FieldRole, user.FieldTeamID, user.FieldPartnerCustomerID, user.FieldName, user.FieldEmail,
	user.FieldMustChangePassword, user.FieldLocale, user.FieldActive}

// ViewerOf builds the viewer of a user.
func ViewerOf(u *ent.User) *viewer.Viewer {
	return &viewer.Viewer{UserID: u.ID, Role: viewer.Role(u.Role), TeamID: u.TeamID, CustomerID: u.PartnerCustomerID,
		Label: people.UserLabel(u.Name, u.Email), MustChangePassword: u.MustChangePassword, Locale: string(u.Locale)}
}

func shortJWTError(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		msg = msg[i+2:]
	}
	return fmt.Sprint(msg)
}

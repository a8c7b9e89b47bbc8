package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"math/big"
	"slices"
	"strings"
	"time"

	"tandem/domain/people"
	"tandem/ent"
	"tandem/ent/apitoken"
	"tandem/ent/errcode"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
	"tandem/server/dbplan"
)

// TokenPrefix marks a partner API token, so the server knows it is not a JWT.
const TokenPrefix = "tdm_"

// Scopes a partner token may carry.
var Scopes = []string{"orders:read", "documents:read", "samples:read", "issues:read", "issues:write", "change_notices:read", "change_notices:write", "quotations:read", "quotations:write", "projects:read", "stock:read", "webhooks:manage"}

const tokenAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// NewTokenSecret returns a fresh partner token: the prefix and 40 base62 characters
// (about 238 bits).
func NewTokenSecret() (string, error) {
	var b strings.Builder
	b.WriteString(TokenPrefix)
	max := big.NewInt(int64(len(tokenAlphabet)))
	for i := 0; i < 40; i++ {
		n, err := rand.Int(rand.Reader, max)
		if err != nil {
			return "", err
		}
		b.WriteByte(tokenAlphabet[n.Int64()])
	}
	return b.String(), nil
}

// HashToken returns the stored form of a token: a random salt and SHA-256 over salt
// and token. A token is long and random, so a fast hash is enough; the salt keeps two
// databases' hashes from being compared.
func HashToken(token string) (salt, hash string, err error) {
	raw := make([]byte, 16)
	if _, err := rand.Read(raw); err != nil {
		return "", "", err
	}
	salt = hex.EncodeToString(raw)
	return salt, saltedHash(salt, token), nil
}

func saltedHash(salt, token string) string {
	sum := sha256.Sum256([]byte(salt + ":" + token))
	return hex.EncodeToString(sum[:])
}

// LastEight is the part of a token kept in clear, to recognise it in a list.
func LastEight(token string) string {
	if len(token) < 8 {
		return token
	}
	return token[len(token)-8:]
}

// CheckScopes refuses unknown scopes.
func CheckScopes(scopes []string) error {
	for _, s := range scopes {
		if !slices.Contains(Scopes, s) {
			return errcode.New(errcode.BadUserInput, "unknown scope %q (known: %s)", s, strings.Join(Scopes, ", ")).With("field", "scopes")
		}
	}
	return nil
}

// ViewerFromAPIToken checks a partner token and returns its viewer: the partner
// organisation, the token's scopes. Its last use is recorded (at most once a minute).
func (s *Service) ViewerFromAPIToken(ctx context.Context, token string) (*viewer.Viewer, error) {
	bad := errcode.New(errcode.Unauthenticated, "the API token is not valid")
	sys := system(dbplan.AnyPlan(ctx)) // the token by its last eight characters, then by ID
	candidates, err := s.Client.APIToken.Query().Where(apitoken.LastEight(LastEight(token))).All(sys)
	if err != nil {
		return nil, err
	}
	var t *ent.APIToken
	for _, c := range candidates {
		if subtle.ConstantTimeCompare([]byte(saltedHash(c.Salt, token)), []byte(c.TokenHash)) == 1 {
			t = c
		}
	}
	now := s.now()
	switch {
	case t == nil:
		return nil, bad
	case t.RevokedAt != nil:
		return nil, errcode.New(errcode.Unauthenticated, "the API token was revoked")
	case t.ExpiresAt != nil && now.After(*t.ExpiresAt):
		return nil, errcode.New(errcode.Unauthenticated, "the API token expired at %s", t.ExpiresAt.Format(time.RFC3339))
	}
	if t.LastUsedAt == nil || now.Sub(*t.LastUsedAt) > time.Minute {
		_ = s.Client.APIToken.Update().Where(apitoken.ID(t.ID)).SetLastUsedAt(now).Exec(sys)
	}
	return &viewer.Viewer{Role: viewer.Partner, CustomerID: t.CustomerID, TokenID: t.ID, Scopes: t.Scopes, UserID: pulid.ID(""),
		Label: people.TokenLabel(t.Name)}, nil
}

// Minted is a new partner token: the secret to show once, and what is stored.
type Minted struct{ Secret, Salt, Hash, LastEight string }

// MintToken makes a new partner token.
func MintToken() (Minted, error) {
	secret, err := NewTokenSecret()
	if err != nil {
		return Minted{}, err
	}
	salt, hash, err := HashToken(secret)
	return Minted{Secret: secret, Salt: salt, Hash: hash, LastEight: LastEight(secret)}, err
}

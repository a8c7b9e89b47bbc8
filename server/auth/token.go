package auth

import (
	"errors"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"tandem/ent/schema/pulid"
)

// AccessTTL is how long an access token is valid.
const AccessTTL = 15 * time.Minute

const (
	issuer   = "tandem"
	audience = "tandem-api"
)

// Claims are the access token's claims; the subject is the user ID.
type Claims struct {
	Role string `json:"role"`
	jwt.RegisteredClaims
}

// Signer issues and checks HS256 access tokens. The parser is built once, with the
// method pinned and issuer, audience and expiry required.
type Signer struct {
	secret []byte
	parser *jwt.Parser
	now    func() time.Time
}

// NewSigner returns a signer using secret (at least 32 bytes).
func NewSigner(secret []byte, now func() time.Time) (*Signer, error) {
	if len(secret) < 32 {
		return nil, errors.New("auth: the JWT secret must be at least 32 bytes")
	}
	if now == nil {
		now = time.Now
	}
	return &Signer{
		secret: secret,
		now:    now,
		parser: jwt.NewParser(
			jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
			jwt.WithIssuer(issuer),
			jwt.WithAudience(audience),
			jwt.WithExpirationRequired(),
			jwt.WithIssuedAt(),
			jwt.WithTimeFunc(now),
			jwt.WithLeeway(5*time.Second),
		),
	}, nil
}

// Issue returns an access token for the user and when it expires.
func (s *Signer) Issue(userID pulid.ID, role string) (string, time.Time, error) {
	now := s.now()
	exp := now.Add(AccessTTL)
	claims := Claims{
		Role: role,
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    issuer,
			Audience:  jwt.ClaimStrings{audience},
			Subject:   string(userID),
			IssuedAt:  jwt.NewNumericDate(now),
			NotBefore: jwt.NewNumericDate(now.Add(-time.Second)),
			ExpiresAt: jwt.NewNumericDate(exp),
		},
	}
	tok, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.secret)
	return tok, exp, err
}

// Parse checks an access token and returns its claims.
func (s *Signer) Parse(token string) (*Claims, error) {
	var c Claims
	_, err := s.parser.ParseWithClaims(token, &c, func(*jwt.Token) (any, error) { return s.secret, nil })
	if err != nil {
		return nil, err
	}
	return &c, nil
}

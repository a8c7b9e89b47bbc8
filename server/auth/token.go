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
// method pinned and issuer, audience and expiry required. Tokens carry the id of the
// key that signed them ("kid"), so a keyring with several keys (a rotation) checks each
// with its own.
type Signer struct {
	keys   *Keyring
	parser *jwt.Parser
	now    func() time.Time
	// Unknown is called when a token names a key the keyring lacks (another process
	// rotated the keys); it may reload the keyring and reports whether it did.
	Unknown func(kid string) bool
}

// NewSigner returns a signer using one secret (at least 32 bytes).
func NewSigner(secret []byte, now func() time.Time) (*Signer, error) {
	if len(secret) < 32 {
		return nil, errors.New("auth: the JWT secret must be at least 32 bytes")
	}
	keys, err := StaticKeys(secret)
	if err != nil {
		return nil, err
	}
	return NewKeyedSigner(keys, now), nil
}

// NewKeyedSigner returns a signer using a keyring.
func NewKeyedSigner(keys *Keyring, now func() time.Time) *Signer {
	if now == nil {
		now = time.Now
	}
	return &Signer{
		keys: keys,
		now:  now,
		parser: jwt.NewParser(
			jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
			jwt.WithIssuer(issuer),
			jwt.WithAudience(audience),
			jwt.WithExpirationRequired(),
			jwt.WithIssuedAt(),
			jwt.WithTimeFunc(now),
			jwt.WithLeeway(5*time.Second),
		),
	}
}

// Keys is the signer's keyring.
func (s *Signer) Keys() *Keyring { return s.keys }

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
	key := s.keys.Current()
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	t.Header["kid"] = key.ID
	tok, err := t.SignedString(key.Secret)
	return tok, exp, err
}

// Parse checks an access token and returns its claims.
func (s *Signer) Parse(token string) (*Claims, error) {
	var c Claims
	_, err := s.parser.ParseWithClaims(token, &c, s.keyOf)
	if err != nil {
		return nil, err
	}
	return &c, nil
}

// keyOf finds the key a token was signed with: by its kid, reloading the keyring once
// for a kid it does not know; a token without kid (issued before keys had ids) is
// tried with every accepted key.
func (s *Signer) keyOf(t *jwt.Token) (any, error) {
	kid, _ := t.Header["kid"].(string)
	if kid == "" {
		set := jwt.VerificationKeySet{}
		for _, k := range s.keys.Accepted() {
			set.Keys = append(set.Keys, k)
		}
		return set, nil
	}
	if k, ok := s.keys.Lookup(kid); ok {
		return k, nil
	}
	if s.Unknown != nil && s.Unknown(kid) {
		if k, ok := s.keys.Lookup(kid); ok {
			return k, nil
		}
	}
	return nil, errUnknownKey
}

var errUnknownKey = errors.New("signed with an unknown or retired key")

package push

import (
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/url"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// VAPID is the server's key pair that push services know it by (RFC 8292). The
// browser subscribes with its public key; each request carries a token signed with
// the private one.
type VAPID struct {
	key    *ecdsa.PrivateKey
	public []byte
	// Subject is how a push service reaches the operator: a mailto: or https: URL.
	Subject string
}

// VAPIDFromSecret derives the key pair from a stored secret, so every process on one
// database has the same one (and a browser's subscription outlives restarts).
func VAPIDFromSecret(secret []byte, subject string) (*VAPID, error) {
	if len(secret) < 32 {
		return nil, errors.New("push: the VAPID secret is shorter than 32 bytes")
	}
	seed := secret
	for i := 0; i < 8; i++ {
		h := sha256.Sum256(append([]byte("tandem vapid\x00"), seed...))
		if k, err := ecdh.P256().NewPrivateKey(h[:]); err == nil {
			raw := k.Bytes()
			pk, err := ecdsa.ParseRawPrivateKey(elliptic.P256(), raw)
			if err != nil {
				return nil, err
			}
			return &VAPID{key: pk, public: k.PublicKey().Bytes(), Subject: subject}, nil
		}
		seed = h[:] // out of the curve's range (probability 2^-32): hash again
	}
	return nil, errors.New("push: could not derive a VAPID key")
}

// PublicKey is the applicationServerKey a browser subscribes with (base64url).
func (v *VAPID) PublicKey() string { return base64.RawURLEncoding.EncodeToString(v.public) }

// Authorization is the header value of a request to endpoint: "vapid t=<JWT>, k=<key>",
// the token's audience the endpoint's origin, valid for 12 hours.
func (v *VAPID) Authorization(endpoint string, now time.Time) (string, error) {
	u, err := url.Parse(endpoint)
	if err != nil {
		return "", err
	}
	claims := jwt.MapClaims{"aud": u.Scheme + "://" + u.Host, "exp": now.Add(12 * time.Hour).Unix(), "sub": v.Subject}
	t, err := jwt.NewWithClaims(jwt.SigningMethodES256, claims).SignedString(v.key)
	if err != nil {
		return "", err
	}
	return "vapid t=" + t + ", k=" + v.PublicKey(), nil
}

// Package pushtest is a push service for tests: it hands out browser subscriptions
// (a P-256 key pair and an auth secret each), takes Web Push requests as a push
// service does, checks their VAPID token, and decrypts what it receives with the
// browser's private key (RFC 8291 from the receiving side).
package pushtest

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"

	"github.com/golang-jwt/jwt/v5"

	"tandem/server/push"
)

// Service is the push service.
type Service struct {
	*httptest.Server

	mu       sync.Mutex
	browsers map[string]*browser // by path
	got      []Received
	// status answers each request (201 when 0).
	status int
}

type browser struct {
	key  *ecdh.PrivateKey
	auth []byte
}

// Received is one message the service took, decrypted.
type Received struct {
	Path    string
	Message push.Message
	Urgency string
	TTL     string
	Topic   string
	// Audience is the VAPID token's aud, checked against the server's key.
	Audience string
}

// New starts a push service on the loopback; Close stops it.
func New() *Service {
	s := &Service{browsers: map[string]*browser{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// Host is the service's host:port, as TANDEM_PUSH_HOSTS names it.
func (s *Service) Host() string { return strings.TrimPrefix(s.URL, "http://") }

// Subscribe makes a browser at path: the endpoint and the keys a PushSubscription
// carries.
func (s *Service) Subscribe(path string) (endpoint, p256dh, auth string) {
	k, _ := ecdh.P256().GenerateKey(rand.Reader)
	a := make([]byte, 16)
	_, _ = rand.Read(a)
	s.mu.Lock()
	s.browsers[path] = &browser{key: k, auth: a}
	s.mu.Unlock()
	return s.URL + path, base64.RawURLEncoding.EncodeToString(k.PublicKey().Bytes()), base64.RawURLEncoding.EncodeToString(a)
}

// Answer makes the service answer every request with status (201 by default).
func (s *Service) Answer(status int) {
	s.mu.Lock()
	s.status = status
	s.mu.Unlock()
}

// Received is what the service took so far.
func (s *Service) Received() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Received(nil), s.got...)
}

func (s *Service) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	b, status := s.browsers[r.URL.Path], s.status
	s.mu.Unlock()
	if b == nil {
		http.Error(w, "no such subscription", http.StatusNotFound)
		return
	}
	if status != 0 && status != http.StatusCreated {
		w.WriteHeader(status)
		return
	}
	aud, err := checkVAPID(r.Header.Get("Authorization"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	body, _ := io.ReadAll(io.LimitReader(r.Body, 8192))
	if r.Header.Get("Content-Encoding") != "aes128gcm" || len(body) > 4096 {
		http.Error(w, "bad encoding or size", http.StatusBadRequest)
		return
	}
	plain, err := Decrypt(b.key, b.auth, body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var m push.Message
	if err := json.Unmarshal(plain, &m); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.got = append(s.got, Received{Path: r.URL.Path, Message: m, Urgency: r.Header.Get("Urgency"), TTL: r.Header.Get("TTL"), Topic: r.Header.Get("Topic"), Audience: aud})
	s.mu.Unlock()
	w.WriteHeader(http.StatusCreated)
}

// checkVAPID verifies "vapid t=<jwt>, k=<key>": an ES256 token signed by k.
func checkVAPID(h string) (string, error) {
	rest, ok := strings.CutPrefix(h, "vapid t=")
	tok, k, ok2 := strings.Cut(rest, ", k=")
	if !ok || !ok2 {
		return "", errors.New("no VAPID authorization")
	}
	raw, err := base64.RawURLEncoding.DecodeString(k)
	if err != nil || len(raw) != 65 {
		return "", errors.New("bad VAPID key")
	}
	pub := &ecdsa.PublicKey{Curve: elliptic.P256(), X: new(big.Int).SetBytes(raw[1:33]), Y: new(big.Int).SetBytes(raw[33:])}
	t, err := jwt.Parse(tok, func(*jwt.Token) (any, error) { return pub, nil }, jwt.WithValidMethods([]string{"ES256"}), jwt.WithExpirationRequired())
	if err != nil {
		return "", fmt.Errorf("VAPID token: %w", err)
	}
	aud, _ := t.Claims.(jwt.MapClaims)["aud"].(string)
	return aud, nil
}

// Decrypt opens an aes128gcm push body with the browser's key and secret.
func Decrypt(key *ecdh.PrivateKey, auth, body []byte) ([]byte, error) {
	if len(body) < 21 {
		return nil, errors.New("short body")
	}
	salt, idlen := body[:16], int(body[20])
	if binary.BigEndian.Uint32(body[16:20]) < 18 || len(body) < 21+idlen {
		return nil, errors.New("bad header")
	}
	asPubBytes := body[21 : 21+idlen]
	asPub, err := ecdh.P256().NewPublicKey(asPubBytes)
	if err != nil {
		return nil, err
	}
	shared, err := key.ECDH(asPub)
	if err != nil {
		return nil, err
	}
	prkKey, _ := hkdf.Extract(sha256.New, shared, auth)
	ikm, _ := hkdf.Expand(sha256.New, prkKey, "WebPush: info\x00"+string(key.PublicKey().Bytes())+string(asPubBytes), 32)
	prk, _ := hkdf.Extract(sha256.New, ikm, salt)
	cek, _ := hkdf.Expand(sha256.New, prk, "Content-Encoding: aes128gcm\x00", 16)
	nonce, _ := hkdf.Expand(sha256.New, prk, "Content-Encoding: nonce\x00", 12)
	block, _ := aes.NewCipher(cek)
	gcm, _ := cipher.NewGCM(block)
	plain, err := gcm.Open(nil, nonce, body[21+idlen:], nil)
	if err != nil {
		return nil, err
	}
	i := len(plain) - 1
	for i >= 0 && plain[i] == 0 {
		i--
	}
	if i < 0 || plain[i] != 2 {
		return nil, errors.New("no last-record delimiter")
	}
	return plain[:i], nil
}

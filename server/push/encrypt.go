// Package push sends Web Push messages (RFC 8030) to the browsers people subscribed:
// the payload encrypted to the browser's key (RFC 8291, aes128gcm of RFC 8188) and
// the request signed with the server's VAPID key (RFC 8292). The keys, the requests
// and the job that decides what to send are here; what a reminder says is
// domain/reminder's.
package push

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdh"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
)

// recordSize is the one record's size declared in the header: a push message is at
// most 4,096 bytes, so one record holds it.
const recordSize = 4096

// MaxPayload is the largest plaintext sent: push services accept 4,096 bytes of body,
// of which the header takes 86 and the tag and delimiter 17.
const MaxPayload = 4096 - 86 - 17

// Browser is what a subscription gives the server to encrypt to.
type Browser struct {
	// Public is the browser's P-256 public key (uncompressed, 65 bytes).
	Public []byte
	// Auth is its 16-byte authentication secret.
	Auth []byte
}

// ParseBrowser reads the base64url keys of a PushSubscription (p256dh, auth),
// padded or not, and checks that the public key is a point of P-256.
func ParseBrowser(p256dh, auth string) (Browser, error) {
	pub, err := b64(p256dh)
	if err != nil || len(pub) != 65 || pub[0] != 4 {
		return Browser{}, errors.New("p256dh: not an uncompressed P-256 public key in base64url")
	}
	if _, err := ecdh.P256().NewPublicKey(pub); err != nil {
		return Browser{}, errors.New("p256dh: not a point of P-256")
	}
	a, err := b64(auth)
	if err != nil || len(a) != 16 {
		return Browser{}, errors.New("auth: not a 16-byte secret in base64url")
	}
	return Browser{Public: pub, Auth: a}, nil
}

func b64(s string) ([]byte, error) {
	for len(s)%4 != 0 && len(s) > 0 && s[len(s)-1] == '=' {
		s = s[:len(s)-1]
	}
	if b, err := base64.RawURLEncoding.DecodeString(s); err == nil {
		return b, nil
	}
	return base64.URLEncoding.DecodeString(s)
}

// Encrypt encrypts plaintext for the browser with a new ephemeral key and salt.
func Encrypt(to Browser, plaintext []byte) ([]byte, error) {
	eph, err := ecdh.P256().GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return nil, err
	}
	return encrypt(to, plaintext, eph, salt)
}

// encrypt is RFC 8291 section 3 with a given ephemeral key and salt (the RFC's
// example fixes both).
func encrypt(to Browser, plaintext []byte, eph *ecdh.PrivateKey, salt []byte) ([]byte, error) {
	if len(plaintext) > MaxPayload {
		return nil, fmt.Errorf("push: a payload of %d bytes is over the %d a push message holds", len(plaintext), MaxPayload)
	}
	uaPub, err := ecdh.P256().NewPublicKey(to.Public)
	if err != nil {
		return nil, err
	}
	shared, err := eph.ECDH(uaPub)
	if err != nil {
		return nil, err
	}
	asPub := eph.PublicKey().Bytes()
	// IKM = HKDF(auth, ecdh secret, "WebPush: info" || 0 || ua_public || as_public, 32)
	keyInfo := append(append([]byte("WebPush: info\x00"), to.Public...), asPub...)
	prkKey, err := hkdf.Extract(sha256.New, shared, to.Auth)
	if err != nil {
		return nil, err
	}
	ikm, err := hkdf.Expand(sha256.New, prkKey, string(keyInfo), 32)
	if err != nil {
		return nil, err
	}
	prk, err := hkdf.Extract(sha256.New, ikm, salt)
	if err != nil {
		return nil, err
	}
	cek, err := hkdf.Expand(sha256.New, prk, "Content-Encoding: aes128gcm\x00", 16)
	if err != nil {
		return nil, err
	}
	nonce, err := hkdf.Expand(sha256.New, prk, "Content-Encoding: nonce\x00", 12)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(cek)
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	// The one (last) record: the plaintext, then the delimiter 2.
	record := append(append([]byte{}, plaintext...), 2)
	header := make([]byte, 0, 16+4+1+len(asPub))
	header = append(header, salt...)
	header = binary.BigEndian.AppendUint32(header, recordSize)
	header = append(header, byte(len(asPub)))
	header = append(header, asPub...)
	return gcm.Seal(header, nonce, record, nil), nil
}

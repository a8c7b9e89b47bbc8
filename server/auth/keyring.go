package auth

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"slices"
	"sync"
	"time"
)

// Key is one signing key: its id (the tokens' "kid" header) and secret.
type Key struct {
	ID     string
	Secret []byte
	// Created orders the keys: the newest unretired one signs.
	Created time.Time
	// Retired, when set, is when tokens signed with the key stop being accepted.
	Retired *time.Time
}

// KeyID is the id of a configured secret: a short hash that says which secret signed
// a token without telling anything about it.
func KeyID(secret []byte) string {
	h := sha256.Sum256(append([]byte("tandem/key-id/v1:"), secret...))
	return hex.EncodeToString(h[:8])
}

// Keyring holds the keys of one purpose. It is safe for concurrent use; Set replaces
// the keys (a reload from the database, or a rotation).
type Keyring struct {
	mu   sync.RWMutex
	keys []Key
	now  func() time.Time
}

// StaticKeys returns a keyring of configured secrets: the first signs, the others
// (the previous secrets of a rotation) are only accepted.
func StaticKeys(current []byte, previous ...[]byte) (*Keyring, error) {
	var keys []Key
	for i, s := range append([][]byte{current}, previous...) {
		if len(s) < 32 {
			return nil, errors.New("auth: every signing secret must be at least 32 bytes")
		}
		// Older secrets get earlier times so the first one is the newest.
		keys = append(keys, Key{ID: KeyID(s), Secret: s, Created: time.Unix(int64(1_000_000-i), 0)})
	}
	return NewKeyring(keys, nil)
}

// NewKeyring returns a keyring of keys; now is the clock retirement is judged by.
func NewKeyring(keys []Key, now func() time.Time) (*Keyring, error) {
	if now == nil {
		now = time.Now
	}
	k := &Keyring{now: now}
	return k, k.Set(keys)
}

// Set replaces the keys. There must be one that is not retired.
func (k *Keyring) Set(keys []Key) error {
	keys = slices.Clone(keys)
	slices.SortFunc(keys, func(a, b Key) int { return b.Created.Compare(a.Created) })
	if !slices.ContainsFunc(keys, func(x Key) bool { return x.Retired == nil }) {
		return errors.New("auth: no current signing key")
	}
	k.mu.Lock()
	k.keys = keys
	k.mu.Unlock()
	return nil
}

// Current is the key that signs: the newest one not retired.
func (k *Keyring) Current() Key {
	k.mu.RLock()
	defer k.mu.RUnlock()
	for _, key := range k.keys {
		if key.Retired == nil {
			return key
		}
	}
	return Key{} // unreachable: Set keeps one
}

// Lookup returns the secret of an accepted key: known and not past its retirement.
func (k *Keyring) Lookup(id string) ([]byte, bool) {
	k.mu.RLock()
	defer k.mu.RUnlock()
	now := k.now()
	for _, key := range k.keys {
		if key.ID == id && (key.Retired == nil || now.Before(*key.Retired)) {
			return key.Secret, true
		}
	}
	return nil, false
}

// Accepted returns the secrets of every accepted key, newest first.
func (k *Keyring) Accepted() [][]byte {
	k.mu.RLock()
	defer k.mu.RUnlock()
	now := k.now()
	var out [][]byte
	for _, key := range k.keys {
		if key.Retired == nil || now.Before(*key.Retired) {
			out = append(out, key.Secret)
		}
	}
	return out
}

package auth

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"

	"tandem/ent"
	"tandem/ent/signingkey"
)

// Purposes of stored keys.
const (
	PurposeTokens = signingkey.PurposeACCESS_TOKENS
	PurposeLinks  = signingkey.PurposeDOWNLOAD_LINKS
	// PurposePush derives the Web Push (VAPID) key; it is never rotated, since every
	// browser subscribed with its public half.
	PurposePush = signingkey.PurposeWEB_PUSH
)

// LoadKeys reads the stored keys of a purpose that are still accepted.
func LoadKeys(ctx context.Context, c *ent.Client, p signingkey.Purpose, now time.Time) ([]Key, error) {
	rows, err := c.SigningKey.Query().
		Where(signingkey.PurposeEQ(p), signingkey.Or(signingkey.RetiredAtIsNil(), signingkey.RetiredAtGT(now))).
		All(system(ctx))
	if err != nil {
		return nil, err
	}
	keys := make([]Key, len(rows))
	for i, r := range rows {
		keys[i] = Key{ID: r.Kid, Secret: []byte(r.Secret), Created: r.CreatedAt, Retired: r.RetiredAt}
	}
	return keys, nil
}

// EnsureKey stores a first key of a purpose when there is none in force: legacy, when
// given, is the secret the server used before keys were stored (kept in the data
// directory), so tokens it signed stay valid. Run it under the start-up lock.
func EnsureKey(ctx context.Context, c *ent.Client, p signingkey.Purpose, legacy []byte, now time.Time) error {
	n, err := c.SigningKey.Query().Where(signingkey.PurposeEQ(p), signingkey.RetiredAtIsNil()).Count(system(ctx))
	if err != nil || n > 0 {
		return err
	}
	secret := legacy
	if len(secret) < 32 {
		if secret, err = newSecret(); err != nil {
			return err
		}
	}
	return c.SigningKey.Create().SetPurpose(p).SetKid(KeyID(secret)).SetSecret(string(secret)).SetCreatedAt(now).Exec(system(ctx))
}

// Rotate stores a new key of a purpose, which signs from the next reload on, and
// retires the ones in force after grace: what they signed is accepted until then.
// It returns the new key's id.
func Rotate(ctx context.Context, c *ent.Client, p signingkey.Purpose, grace time.Duration, now time.Time) (string, error) {
	secret, err := newSecret()
	if err != nil {
		return "", err
	}
	tx, err := c.Tx(system(ctx))
	if err != nil {
		return "", err
	}
	retire := now.Add(grace)
	if err := tx.SigningKey.Update().Where(signingkey.PurposeEQ(p), signingkey.RetiredAtIsNil()).
		SetRetiredAt(retire).Exec(system(ctx)); err != nil {
		_ = tx.Rollback()
		return "", err
	}
	kid := KeyID(secret)
	if err := tx.SigningKey.Create().SetPurpose(p).SetKid(kid).SetSecret(string(secret)).SetCreatedAt(now).Exec(system(ctx)); err != nil {
		_ = tx.Rollback()
		return "", err
	}
	return kid, tx.Commit()
}

// DropRetired deletes the keys whose retirement has passed.
func DropRetired(ctx context.Context, c *ent.Client, now time.Time) (int, error) {
	return c.SigningKey.Delete().Where(signingkey.RetiredAtLT(now)).Exec(system(ctx))
}

// StoredKeyring loads a purpose's keys into a keyring; Reload refreshes it.
type StoredKeyring struct {
	*Keyring
	client  *ent.Client
	purpose signingkey.Purpose
	now     func() time.Time
}

// OpenStoredKeyring loads the keys of a purpose (EnsureKey must have run).
func OpenStoredKeyring(ctx context.Context, c *ent.Client, p signingkey.Purpose, now func() time.Time) (*StoredKeyring, error) {
	if now == nil {
		now = time.Now
	}
	s := &StoredKeyring{client: c, purpose: p, now: now}
	keys, err := LoadKeys(ctx, c, p, now().UTC())
	if err != nil {
		return nil, err
	}
	if s.Keyring, err = NewKeyring(keys, now); err != nil {
		return nil, fmt.Errorf("stored %s keys: %w", p, err)
	}
	return s, nil
}

// Reload reads the keys again (a rotation by another process).
func (s *StoredKeyring) Reload(ctx context.Context) error {
	keys, err := LoadKeys(ctx, s.client, s.purpose, s.now().UTC())
	if err != nil {
		return err
	}
	return s.Set(keys)
}

func newSecret() ([]byte, error) {
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return nil, err
	}
	return []byte(hex.EncodeToString(raw)), nil
}

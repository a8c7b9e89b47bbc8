package app

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"tandem/graph"
	"tandem/server/auth"
)

// KeyGrace is how long the keys a rotation replaces are still accepted: an access
// token's life, plus the time every process needs to load the new key.
const KeyGrace = auth.AccessTTL + 2*keyReload

// keyReload is how often a process reads the stored keys again.
const keyReload = time.Minute

// signingKeys are the keys of access tokens and of download links.
type signingKeys struct {
	tokens *auth.Keyring
	links  []byte
	// stored is the token keyring read from the database (nil when TANDEM_JWT_SECRET
	// is set); the link key is not rotated, so it is read once.
	stored *auth.StoredKeyring

	mu         sync.Mutex
	lastReload time.Time
	log        *slog.Logger
}

// openKeys reads the signing keys: the configured TANDEM_JWT_SECRET (and the previous
// secrets still accepted), or else the keys kept in the database, made at the first
// start — from the secret earlier versions kept in the data directory, when there is
// one, so that nobody is signed out. Run it under the start-up lock.
func (a *App) openKeys(ctx context.Context) (*signingKeys, error) {
	cfg := a.Config
	if cfg.JWTSecret != "" {
		var prev [][]byte
		for _, p := range cfg.JWTPreviousSecrets {
			prev = append(prev, []byte(p))
		}
		ring, err := auth.StaticKeys([]byte(cfg.JWTSecret), prev...)
		if err != nil {
			return nil, err
		}
		return &signingKeys{tokens: ring, links: graph.DownloadKey([]byte(cfg.JWTSecret))}, nil
	}
	now := a.clock()
	legacy := legacySecret(cfg.DataDir)
	if err := auth.EnsureKey(ctx, a.DB.Client, auth.PurposeTokens, legacy, now); err != nil {
		return nil, err
	}
	if err := auth.EnsureKey(ctx, a.DB.Client, auth.PurposeLinks, nil, now); err != nil {
		return nil, err
	}
	tokens, err := auth.OpenStoredKeyring(ctx, a.DB.Client, auth.PurposeTokens, a.clock)
	if err != nil {
		return nil, err
	}
	links, err := auth.OpenStoredKeyring(ctx, a.DB.Client, auth.PurposeLinks, a.clock)
	if err != nil {
		return nil, err
	}
	return &signingKeys{tokens: tokens.Keyring, links: graph.DownloadKey(links.Current().Secret),
		stored: tokens, log: a.Log}, nil
}

// legacySecret is the secret earlier versions generated into the data directory.
func legacySecret(dataDir string) []byte {
	b, err := os.ReadFile(filepath.Join(dataDir, "jwt-secret"))
	if s := strings.TrimSpace(string(b)); err == nil && len(s) >= 32 {
		return []byte(s)
	}
	return nil
}

// reload reads the stored keys again; at most once per minReload when asked by a
// token with an unknown key (so forged kids cannot make every request query).
func (k *signingKeys) reload(ctx context.Context, minGap time.Duration) bool {
	if k.stored == nil {
		return false
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if time.Since(k.lastReload) < minGap {
		return false
	}
	k.lastReload = time.Now()
	before := k.tokens.Current().ID
	if err := k.stored.Reload(ctx); err != nil {
		return false
	}
	if now := k.tokens.Current().ID; now != before && k.log != nil {
		k.log.Info("signing keys reloaded: access tokens are signed with a new key", "kid", now, "previous", before)
	}
	return true
}

// RotateKeys stores a new access-token key: it signs once every process has reloaded
// (within a minute), and the replaced keys are accepted for KeyGrace.
func RotateKeys(ctx context.Context, db *Database, now time.Time) (string, error) {
	return auth.Rotate(ctx, db.Client, auth.PurposeTokens, KeyGrace, now)
}

// clock is the app's time in UTC.
func (a *App) clock() time.Time {
	if a.now != nil {
		return a.now().UTC()
	}
	return time.Now().UTC()
}

// ReloadKeys reads the stored signing keys again now (a process does it every minute,
// and when a token names a key it does not know).
func (a *App) ReloadKeys(ctx context.Context) bool { return a.keys.reload(ctx, 0) }

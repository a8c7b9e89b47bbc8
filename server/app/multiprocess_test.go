package app_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"tandem/ent/privacy"
	"tandem/ent/signingkey"
	"tandem/server/app"
	"tandem/server/auth"
)

// secondProcess starts another Tandem on e's database and data directory, as a second
// process behind a load balancer would be, and serves it.
func secondProcess(t *testing.T, e *env) (*app.App, string) {
	t.Helper()
	b, err := app.New(context.Background(), e.app.Config, slog.New(slog.NewTextHandler(io.Discard, nil)), app.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(b.Handler)
	t.Cleanup(func() { srv.Close(); b.Close() })
	return b, srv.URL
}

// TestStoredKeysAreSharedAndRotate: without TANDEM_JWT_SECRET the signing keys live in
// the database: a token from one process works on the other; after a rotation by one
// process, tokens of the new key work on the other at once (it reloads on an unknown
// key id) and tokens of the old key keep working until the grace ends.
func TestStoredKeysAreSharedAndRotate(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, b, envOptions{storedKeys: true})
			second, url2 := secondProcess(t, e)
			const me = `{ me { email } }`
			old := e.token(e.f.rep1)
			e.via(url2, func() {
				if got := dig(e.ok(old, me, nil), "me", "email"); got != e.f.rep1.Email {
					t.Fatalf("the second process read the token as %v", got)
				}
			})
			if n := e.app.DB.Client.SigningKey.Query().Where(signingkey.PurposeEQ(signingkey.PurposeACCESS_TOKENS)).CountX(e.sys); n != 1 {
				t.Fatalf("%d access-token keys after two starts, want 1", n)
			}
			// The second process rotates (the `tandem rotate-keys` command does this) and
			// reloads; the first has not reloaded yet.
			if _, err := app.RotateKeys(context.Background(), second.DB, time.Now().UTC()); err != nil {
				t.Fatal(err)
			}
			var fresh string
			e.via(url2, func() {
				// Its reload happens at the first token with a key it does not know, or
				// within a minute: force it with a token of the new key made here.
				second.ReloadKeys(context.Background())
				fresh = e.token(e.f.rep1)
			})
			if fresh == old {
				t.Fatal("the rotation did not change the token")
			}
			if got := dig(e.ok(fresh, me, nil), "me", "email"); got != e.f.rep1.Email {
				t.Fatalf("the first process refused a token of the new key: %v", got)
			}
			if got := dig(e.ok(old, me, nil), "me", "email"); got != e.f.rep1.Email {
				t.Fatalf("a token of the replaced key was refused during the grace: %v", got)
			}
			// A token naming a key nobody has is refused.
			expectCode(t, e.do(forgeKid(t, fresh), me, nil), "UNAUTHENTICATED")
		})
	}
}

// TestLegacySecretFileKeepsSessions: a data directory from before the keys were stored
// holds the generated secret; its tokens (no key id) stay valid after the upgrade.
func TestLegacySecretFileKeepsSessions(t *testing.T) {
	dir := t.TempDir()
	secret := "0123456789abcdef0123456789abcdef0123456789abcdef"
	if err := os.WriteFile(filepath.Join(dir, "jwt-secret"), []byte(secret+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := app.Config{DataDir: dir, Env: "test"}
	a, err := app.New(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), app.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	sys := privacy.DecisionContext(context.Background(), privacy.Allow)
	k := a.DB.Client.SigningKey.Query().Where(signingkey.PurposeEQ(signingkey.PurposeACCESS_TOKENS)).OnlyX(sys)
	if k.Secret != secret {
		t.Fatal("the first stored key is not the data directory's secret")
	}
	// A token the earlier version signed: no key id, the data directory's secret.
	admin := a.DB.Client.User.Query().FirstX(sys)
	now := time.Now()
	legacy, err := jwt.NewWithClaims(jwt.SigningMethodHS256, auth.Claims{Role: string(admin.Role), RegisteredClaims: jwt.RegisteredClaims{
		Issuer: "tandem", Audience: jwt.ClaimStrings{"tandem-api"}, Subject: string(admin.ID),
		IssuedAt: jwt.NewNumericDate(now), ExpiresAt: jwt.NewNumericDate(now.Add(time.Minute)),
	}}).SignedString([]byte(secret))
	if err != nil {
		t.Fatal(err)
	}
	if v, err := a.Auth.ViewerFromToken(context.Background(), legacy); err != nil || v.UserID != admin.ID {
		t.Fatalf("a token of the earlier version was refused: %v", err)
	}
	other, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, auth.Claims{Role: string(admin.Role), RegisteredClaims: jwt.RegisteredClaims{
		Issuer: "tandem", Audience: jwt.ClaimStrings{"tandem-api"}, Subject: string(admin.ID),
		IssuedAt: jwt.NewNumericDate(now), ExpiresAt: jwt.NewNumericDate(now.Add(time.Minute)),
	}}).SignedString([]byte(secret + "x"))
	if _, err := a.Auth.ViewerFromToken(context.Background(), other); err == nil {
		t.Fatal("a token without key id signed by another secret was accepted")
	}
}

// forgeKid rewrites a token's header to name a key that does not exist.
func forgeKid(t *testing.T, token string) string {
	t.Helper()
	parts := strings.Split(token, ".")
	head, err := base64.RawURLEncoding.DecodeString(parts[0])
	if err != nil {
		t.Fatal(err)
	}
	var h map[string]any
	if err := json.Unmarshal(head, &h); err != nil {
		t.Fatal(err)
	}
	h["kid"] = "00000000deadbeef"
	raw, _ := json.Marshal(h)
	parts[0] = base64.RawURLEncoding.EncodeToString(raw)
	return strings.Join(parts, ".")
}

// TestEmbeddedDatabaseIsPrivate: the database file holds password hashes and signing
// keys: only the server's user may read it, whatever the umask.
func TestEmbeddedDatabaseIsPrivate(t *testing.T) {
	e := newEnv(t, "sqlite", envOptions{storedKeys: true})
	st, err := os.Stat(filepath.Join(e.app.Config.DataDir, "tandem.db"))
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("tandem.db has mode %v, want 0600", st.Mode().Perm())
	}
}

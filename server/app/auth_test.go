package app_test

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"tandem/ent"
	"tandem/ent/user"
	"tandem/server/auth"
)

func TestLogin(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		cases := []struct {
			name, email, password, code string
		}{
			{"right password", "rep1@t.test", password, ""},
			{"email is case-insensitive", "REP1@t.test", password, ""},
			{"wrong password", "rep1@t.test", "not the password", "UNAUTHENTICATED"},
			{"unknown email", "nobody@t.test", password, "UNAUTHENTICATED"},
		}
		for _, c := range cases {
			r := e.do("", loginMutation, map[string]any{"e": c.email, "p": c.password})
			if r.code() != c.code {
				t.Fatalf("%s: want code %q, got %q %+v", c.name, c.code, r.code(), r.Errors)
			}
			if c.code != "" {
				if r.Data != nil && r.Data["login"] != nil {
					t.Fatalf("%s: a refused login returned data: %v", c.name, r.Data)
				}
				continue
			}
			tok := dig(r.Data, "login", "accessToken").(string)
			me := e.ok(tok, `{ me { email role } }`, nil)
			if dig(me, "me", "email") != "rep1@t.test" || dig(me, "me", "role") != "REP" {
				t.Fatalf("%s: me = %v", c.name, me)
			}
		}
	})
}

func TestBadTokensAreRefused(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		sub := string(e.f.rep1.ID)
		past := func() time.Time { return time.Now().Add(-time.Hour) }
		expiredSigner, _ := auth.NewSigner([]byte(testSecret), past)
		expired, _, _ := expiredSigner.Issue(e.f.rep1.ID, "REP")
		otherSigner, _ := auth.NewSigner([]byte(strings.Repeat("x", 40)), nil)
		otherKey, _, _ := otherSigner.Issue(e.f.rep1.ID, "REP")
		claims := jwt.MapClaims{"sub": sub, "iss": "tandem", "aud": "tandem-api", "exp": time.Now().Add(time.Hour).Unix(), "iat": time.Now().Unix()}
		none, _ := jwt.NewWithClaims(jwt.SigningMethodNone, claims).SignedString(jwt.UnsafeAllowNoneSignatureType)
		hs384, _ := jwt.NewWithClaims(jwt.SigningMethodHS384, claims).SignedString([]byte(testSecret))
		noExp := jwt.MapClaims{"sub": sub, "iss": "tandem", "aud": "tandem-api", "iat": time.Now().Unix()}
		noExpiry, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, noExp).SignedString([]byte(testSecret))
		wrongAud := jwt.MapClaims{"sub": sub, "iss": "tandem", "aud": "someone-else", "exp": time.Now().Add(time.Hour).Unix(), "iat": time.Now().Unix()}
		wrongAudience, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, wrongAud).SignedString([]byte(testSecret))
		good := e.token(e.f.rep1)

		for name, tok := range map[string]string{
			"no token": "", "expired": expired, "signed with another key": otherKey,
			"alg none": none, "alg HS384": hs384, "no expiry": noExpiry, "wrong audience": wrongAudience,
			"garbage": "not.a.jwt", "tampered": good[:len(good)-4] + "AAAA",
		} {
			r := e.do(tok, `{ customers(first: 5) { totalCount edges { node { id name } } } }`, nil)
			if r.code() != "UNAUTHENTICATED" || r.Data != nil {
				t.Errorf("%s: want UNAUTHENTICATED and no data, got %q data=%v", name, r.code(), r.Data)
			}
		}
		// The good token still works, and so does signing in with a bad one attached.
		e.ok(good, `{ me { id } }`, nil)
		e.ok(expired, loginMutation, map[string]any{"e": "rep1@t.test", "p": password})
	})
}

const refreshMutation = `mutation($t: String!) { refreshToken(input: {refreshToken: $t}) { accessToken refreshToken user { email } } }`

func TestRefreshRotationAndReuse(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		first := e.ok("", loginMutation, map[string]any{"e": "rep1@t.test", "p": password})
		r1 := dig(first, "login", "refreshToken").(string)

		second := e.ok("", refreshMutation, map[string]any{"t": r1})
		r2 := dig(second, "refreshToken", "refreshToken").(string)
		if r2 == r1 || r2 == "" {
			t.Fatal("refresh did not rotate the token")
		}
		e.ok(dig(second, "refreshToken", "accessToken").(string), `{ me { id } }`, nil)

		// Using r1 again is a reuse: refused, and r2 (same family) dies with it.
		expectCode(t, e.do("", refreshMutation, map[string]any{"t": r1}), "UNAUTHENTICATED")
		expectCode(t, e.do("", refreshMutation, map[string]any{"t": r2}), "UNAUTHENTICATED")

		// Another sign-in is another family: unaffected.
		other := e.ok("", loginMutation, map[string]any{"e": "rep1@t.test", "p": password})
		r3 := dig(other, "login", "refreshToken").(string)
		r4 := dig(e.ok("", refreshMutation, map[string]any{"t": r3}), "refreshToken", "refreshToken").(string)

		// Logout revokes the family.
		e.ok("", `mutation($t: String!) { logout(input: {refreshToken: $t}) }`, map[string]any{"t": r4})
		expectCode(t, e.do("", refreshMutation, map[string]any{"t": r4}), "UNAUTHENTICATED")
		expectCode(t, e.do("", refreshMutation, map[string]any{"t": "made-up"}), "UNAUTHENTICATED")
	})
}

func TestLoginThrottle(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, b, envOptions{throttle: &auth.Throttle{Limit: 3, PerAddrLimit: 6, Window: time.Minute, Block: time.Minute}})
			bad := map[string]any{"e": "rep1@t.test", "p": "wrong password!"}
			for i := 0; i < 3; i++ {
				expectCode(t, e.do("", loginMutation, bad), "UNAUTHENTICATED")
			}
			r := e.do("", loginMutation, map[string]any{"e": "rep1@t.test", "p": password})
			expectCode(t, r, "RATE_LIMITED")
			if s := num(r.Errors[0].Extensions["retryAfterSeconds"]); s < 1 || s > 60 {
				t.Fatalf("retryAfterSeconds = %d", s)
			}
			// Another account from the same address still works until the address limit.
			e.ok("", loginMutation, map[string]any{"e": "rep2@t.test", "p": password})
			for i := 0; i < 3; i++ {
				expectCode(t, e.do("", loginMutation, map[string]any{"e": "ghost" + string(rune('a'+i)) + "@t.test", "p": "x-x-x-x-x-x"}), "UNAUTHENTICATED")
			}
			expectCode(t, e.do("", loginMutation, map[string]any{"e": "rep2@t.test", "p": password}), "RATE_LIMITED")
		})
	}
}

func TestPasswordPolicy(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		admin := e.token(e.f.admin)
		q := `mutation($p: String!) { createUser(input: {email: "new@t.test", name: "New"}, password: $p) { id } }`
		r := e.do(admin, q, map[string]any{"p": "short"})
		expectCode(t, r, "BAD_USER_INPUT")
		e.ok(admin, q, map[string]any{"p": "long enough password"})
		e.ok("", loginMutation, map[string]any{"e": "new@t.test", "p": "long enough password"})

		rep := e.token(e.f.rep1)
		r = e.do(rep, `mutation { changePassword(input: {currentPassword: "`+password+`", newPassword: "tiny"}) }`, nil)
		expectCode(t, r, "BAD_USER_INPUT")
		e.ok(rep, `mutation { changePassword(input: {currentPassword: "`+password+`", newPassword: "a much longer one"}) }`, nil)
		expectCode(t, e.do("", loginMutation, map[string]any{"e": "rep1@t.test", "p": password}), "UNAUTHENTICATED")
		e.ok("", loginMutation, map[string]any{"e": "rep1@t.test", "p": "a much longer one"})
	})
}

// The viewer of a request is read with the user's fields it is made of, not the whole
// row: it must be the viewer the whole row makes (auth.ViewerOf), for every field.
func TestViewerFromTokenReadsWhatTheViewerIs(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		// Every field ViewerOf reads set to something other than its zero value.
		rep := c.User.UpdateOne(f.rep1).SetLocale(user.LocaleEn).SetMustChangePassword(true).SaveX(e.sys)
		partner := c.User.Create().SetEmail("partner@t.test").SetName("Partner Person").SetRole(user.RolePARTNER).
			SetPartnerCustomerID(f.acmeEast.ID).SetPasswordHash(rep.PasswordHash).SaveX(e.sys)
		for _, u := range []*ent.User{rep, partner} {
			tok, _, err := e.app.Auth.Signer.Issue(u.ID, string(u.Role))
			if err != nil {
				t.Fatal(err)
			}
			got, err := e.app.Auth.ViewerFromToken(context.Background(), tok)
			if err != nil {
				t.Fatalf("%s: %v", u.Email, err)
			}
			if want := auth.ViewerOf(u); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: the request's viewer is %+v, the user's row makes %+v", u.Email, got, want)
			}
		}
	})
}

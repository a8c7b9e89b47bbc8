package app_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"tandem/ent/user"
	"tandem/server/app"
)

// The first start on an empty database prints the administrator's password once, and
// it is temporary: signing in with it asks for a new one before anything else.
func TestFirstAdminChoosesTheirPassword(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		var pw string
		for _, n := range e.app.Notices {
			if _, rest, ok := strings.Cut(n, "temporary password "); ok {
				pw, _, _ = strings.Cut(rest, " ")
			}
		}
		if len(pw) < 12 {
			t.Fatalf("no password in the first start's notices: %q", e.app.Notices)
		}
		d := e.ok("", `mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { accessToken mustChangePassword user { role } } }`,
			map[string]any{"e": app.FirstAdminEmail, "p": pw})
		if dig(d, "login", "mustChangePassword") != true || dig(d, "login", "user", "role") != "ADMIN" {
			t.Fatalf("first admin's sign-in: %v", d)
		}
		tok := dig(d, "login", "accessToken").(string)
		expectCode(t, e.do(tok, `{ users(first: 1) { totalCount } }`, nil), "PASSWORD_CHANGE_REQUIRED")
	})
}

// When nobody can sign in — the admin forgot the password and is blocked after
// too many tries — the operator's break-glass command gives the admin a new password,
// signs out the admin's sessions and lifts the block; nobody else is touched.
func TestBreakGlassResetsTheAdminPassword(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		session := e.ok("", loginMutation, map[string]any{"e": "admin@t.test", "p": password})["login"].(map[string]any)
		for range 12 {
			e.do("", loginMutation, map[string]any{"e": "admin@t.test", "p": "wrong password, again"})
		}
		expectCode(t, e.do("", loginMutation, map[string]any{"e": "admin@t.test", "p": password}), "RATE_LIMITED")

		// A rep's email is no admin; an unknown one neither: nothing changes.
		for _, email := range []string{"rep1@t.test", "nobody@t.test"} {
			if _, _, err := app.ResetAdminPassword(e.sys, c, email, time.Now().UTC()); !errors.Is(err, app.ErrNoAdmin) {
				t.Fatalf("%s: %v", email, err)
			}
		}
		e.ok("", loginMutation, map[string]any{"e": "rep1@t.test", "p": password})

		who, pw, err := app.ResetAdminPassword(e.sys, c, " Admin@T.test ", time.Now().UTC())
		if err != nil || who != "admin@t.test" || len(pw) < 20 {
			t.Fatalf("reset: %q %q %v", who, pw, err)
		}
		// The old password and the old session are gone; the new password signs in at once.
		expectCode(t, e.do("", loginMutation, map[string]any{"e": "admin@t.test", "p": password}), "UNAUTHENTICATED")
		expectCode(t, e.do("", refreshMutation, map[string]any{"t": session["refreshToken"]}), "UNAUTHENTICATED")
		d := e.ok("", loginMutation, map[string]any{"e": "admin@t.test", "p": pw})
		if dig(d, "login", "user", "role") != "ADMIN" {
			t.Fatalf("login: %v", d)
		}

		// Without an email: the first admin created (the one made at the first start);
		// with no active admin, an error.
		if who, _, err := app.ResetAdminPassword(e.sys, c, "", time.Now().UTC()); err != nil || who != "admin@tandem.local" {
			t.Fatalf("first admin: %q %v", who, err)
		}
		c.User.Update().Where(user.RoleEQ(user.RoleADMIN)).SetActive(false).ExecX(e.sys)
		if _, _, err := app.ResetAdminPassword(e.sys, c, "", time.Now().UTC()); !errors.Is(err, app.ErrNoAdmin) {
			t.Fatalf("no admin: %v", err)
		}
	})
}

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

		// Without an email: the first admin created (the one made at the first start).
		if who, _, err := app.ResetAdminPassword(e.sys, c, "", time.Now().UTC()); err != nil || who != "admin@tandem.local" {
			t.Fatalf("first admin: %q %v", who, err)
		}
		// No write path deactivates the last admins (TestLastAdminStays); a database
		// where it happened anyway (before that rule) gets its first admin back, active.
		if err := c.User.Update().Where(user.RoleEQ(user.RoleADMIN)).SetActive(false).Exec(e.sys); err == nil {
			t.Fatal("every admin was deactivated")
		}
		if _, err := c.ExecContext(e.sys, `UPDATE users SET active = false WHERE role = 'ADMIN'`); err != nil {
			t.Fatal(err)
		}
		who, pw, err = app.ResetAdminPassword(e.sys, c, "", time.Now().UTC())
		if err != nil || who != "admin@tandem.local" {
			t.Fatalf("inactive first admin: %q %v", who, err)
		}
		e.ok("", loginMutation, map[string]any{"e": "admin@tandem.local", "p": pw})
		// No admin at all: an error.
		if _, err := c.ExecContext(e.sys, `UPDATE users SET role = 'MANAGER' WHERE role = 'ADMIN'`); err != nil {
			t.Fatal(err)
		}
		if _, _, err := app.ResetAdminPassword(e.sys, c, "", time.Now().UTC()); !errors.Is(err, app.ErrNoAdmin) {
			t.Fatalf("no admin: %v", err)
		}
	})
}

// The last active admin cannot be deactivated, demoted or deleted, through the API or
// any other write path; with a second admin, the first may go.
func TestLastAdminStays(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		admin := e.token(e.f.admin)
		// The fixture has two admins: the first start's and admin@t.test. Leave one.
		first := c.User.Query().Where(user.Email(app.FirstAdminEmail)).OnlyX(e.sys)
		c.User.UpdateOneID(first.ID).SetActive(false).ExecX(e.sys)
		upd := `mutation($id: ID!, $in: UpdateUserInput!) { updateUser(id: $id, input: $in) { id active role } }`
		for _, in := range []map[string]any{{"active": false}, {"role": "MANAGER"}} {
			r := e.do(admin, upd, map[string]any{"id": e.f.admin.ID, "in": in})
			expectCode(t, r, "BAD_USER_INPUT")
			if r.Errors[0].Extensions["reason"] != "LAST_ADMIN" {
				t.Fatalf("%v: %v", in, r.Errors)
			}
		}
		if err := c.User.DeleteOneID(e.f.admin.ID).Exec(e.sys); err == nil {
			t.Fatal("the last admin was deleted")
		}
		if u := c.User.GetX(e.sys, e.f.admin.ID); !u.Active || u.Role != user.RoleADMIN {
			t.Fatalf("the last admin changed: %+v", u)
		}
		// With another active admin, this one may step down.
		c.User.UpdateOneID(first.ID).SetActive(true).ExecX(e.sys)
		e.ok(admin, upd, map[string]any{"id": e.f.admin.ID, "in": map[string]any{"role": "MANAGER"}})
	})
}

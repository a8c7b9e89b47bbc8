package app_test

import (
	"testing"

	"tandem/ent"
)

// The app opens its Data area (imports and exports) by ViewerAccess.imports: admins and
// managers, not reps or analysts; the login payload says the same as viewerAccess.
func TestViewerAccessImports(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		const login = `mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { access { imports } } }`
		for _, c := range []struct {
			name string
			user *ent.User
			want bool
		}{
			{"admin", e.f.admin, true},
			{"manager", e.f.manager, true},
			{"rep", e.f.rep1, false},
			{"analyst", e.f.analyst, false},
		} {
			d := e.ok(e.token(c.user), `{ viewerAccess { imports } }`, nil)
			if got := dig(d, "viewerAccess", "imports"); got != c.want {
				t.Errorf("%s: viewerAccess.imports = %v, want %v", c.name, got, c.want)
			}
			d = e.ok("", login, map[string]any{"e": c.user.Email, "p": password})
			if got := dig(d, "login", "access", "imports"); got != c.want {
				t.Errorf("%s: login access.imports = %v, want %v", c.name, got, c.want)
			}
		}
	})
}

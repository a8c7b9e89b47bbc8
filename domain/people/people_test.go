package people

import (
	"testing"

	"tandem/ent/errcode"
	"tandem/ent/viewer"
)

func TestRequireAdmin(t *testing.T) {
	for _, tc := range []struct {
		v    *viewer.Viewer
		code errcode.Code
	}{
		{nil, errcode.Unauthenticated},
		{&viewer.Viewer{Role: viewer.Partner, TokenID: "AT1"}, errcode.Unauthenticated},
		{&viewer.Viewer{UserID: "US1", Role: viewer.Manager}, errcode.Forbidden},
		{&viewer.Viewer{UserID: "US1", Role: viewer.Rep}, errcode.Forbidden},
		{&viewer.Viewer{UserID: "US1", Role: viewer.Analyst}, errcode.Forbidden},
		{&viewer.Viewer{UserID: "US1", Role: viewer.Admin}, ""},
	} {
		err := RequireAdmin(tc.v, "reset passwords")
		var got errcode.Code
		if e, ok := errcode.As(err); ok {
			got = e.Code
		}
		if got != tc.code {
			t.Errorf("%+v: code %q, want %q (%v)", tc.v, got, tc.code, err)
		}
	}
}

func TestAllowedBeforePasswordChange(t *testing.T) {
	for f, want := range map[string]bool{"me": true, "changePassword": true, "logout": true, "refreshToken": true,
		"viewerAccess": true, "customers": false, "updateUser": false, "today": false, "node": false} {
		if got := AllowedBeforePasswordChange(f); got != want {
			t.Errorf("%s: %v, want %v", f, got, want)
		}
	}
}

func TestUserLabel(t *testing.T) {
	for _, tc := range [][3]string{{"Li Na", "li@x.cn", "Li Na <li@x.cn>"}, {"", "li@x.cn", "li@x.cn"}, {"Li Na", "", "Li Na"}} {
		if got := UserLabel(tc[0], tc[1]); got != tc[2] {
			t.Errorf("UserLabel(%q, %q) = %q, want %q", tc[0], tc[1], got, tc[2])
		}
	}
}

func TestChanges(t *testing.T) {
	got := Changes(
		map[string]any{"role": "REP", "name": "A", "password_hash": "x", "active": true},
		map[string]any{"role": "MANAGER", "name": "A", "password_hash": "y", "token_hash": "z", "active": false, "team_id": "TE1"},
	)
	want := []string{"active: true → false", "role: REP → MANAGER", "team_id: ∅ → TE1"}
	if len(got) != len(want) {
		t.Fatalf("changes %+v, want %v", got, want)
	}
	for i, c := range got {
		s := c.Field + ": " + str(c.Before) + " → " + str(c.After)
		if s != want[i] {
			t.Errorf("change %d = %q, want %q", i, s, want[i])
		}
	}
}

func str(p *string) string {
	if p == nil {
		return "∅"
	}
	return *p
}

func TestKeepAnAdmin(t *testing.T) {
	for _, c := range []struct {
		loses  bool
		others int
		refuse bool
	}{{false, 0, false}, {true, 1, false}, {true, 0, true}, {false, 3, false}} {
		err := KeepAnAdmin(c.loses, c.others)
		if (err != nil) != c.refuse {
			t.Errorf("loses %v, others %d: %v", c.loses, c.others, err)
		}
	}
}

func TestEntityName(t *testing.T) {
	for _, c := range []struct {
		before, after map[string]any
		want          string
	}{
		{nil, map[string]any{"name": "宁波华塑", "email": "x@y"}, "宁波华塑"},
		{map[string]any{"email": "li@x.cn"}, map[string]any{"active": false}, "li@x.cn"},
		{nil, map[string]any{"number": "SO-1", "code": "P1"}, "SO-1"},
		{map[string]any{"name": "old"}, map[string]any{"name": "new"}, "new"},
		{nil, map[string]any{"name": " ", "version": 2}, ""},
	} {
		if got := EntityName(c.before, c.after); got != c.want {
			t.Errorf("%v → %v: %q, want %q", c.before, c.after, got, c.want)
		}
	}
}

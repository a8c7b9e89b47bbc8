// Package people is the administration of our users: who may administer them, what
// a user with a temporary password may still do, and how the audit log names who
// acted and what changed.
package people

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"tandem/ent/errcode"
	"tandem/ent/viewer"
)

// RequireAdmin refuses everyone but an admin signed in as a user (not a partner
// token): resetting passwords, inviting users, retrying webhook deliveries. Managers
// are refused too — a manager who could reset a rep's password could sign in as them.
func RequireAdmin(v *viewer.Viewer, what string) error {
	if v == nil || v.UserID == "" {
		return errcode.New(errcode.Unauthenticated, "sign in first")
	}
	if v.Role != viewer.Admin {
		return errcode.New(errcode.Forbidden, "only an admin may %s", what)
	}
	return nil
}

// PasswordChangeRequired is the extensions.code of every operation a user with a
// temporary password may not make yet.
const PasswordChangeRequired errcode.Code = "PASSWORD_CHANGE_REQUIRED"

// WhilePasswordChangeRequired are the root fields a user with a temporary password
// may still call: enough to see who they are, change the password, and sign out.
var WhilePasswordChangeRequired = []string{"me", "changePassword", "logout", "refreshToken", "viewerAccess", "login", "__typename"}

// AllowedBeforePasswordChange reports whether a root field answers a user who must
// change the password first.
func AllowedBeforePasswordChange(field string) bool {
	return slices.Contains(WhilePasswordChangeRequired, field)
}

// UserLabel is how the audit log names a user: "Name <email>".
func UserLabel(name, email string) string {
	switch {
	case name == "":
		return email
	case email == "":
		return name
	}
	return fmt.Sprintf("%s <%s>", name, email)
}

// TokenLabel is how the audit log names a partner token.
func TokenLabel(name string) string { return "API token " + name }

// Labels of changes made by no viewer: the server itself, and an import of history.
const (
	SystemLabel = "system"
	ImportLabel = "import"
)

// MaxLabel is the length of AuditEvent.actor_label.
const MaxLabel = 300

// Clip cuts a label to MaxLabel characters.
func Clip(label string) string {
	r := []rune(label)
	if len(r) > MaxLabel {
		return string(r[:MaxLabel])
	}
	return label
}

// Change is one field of an audit event, as text.
type Change struct {
	Field  string
	Before *string
	After  *string
}

// secretFields are never shown even if an old row recorded them.
var secretFields = map[string]bool{"password_hash": true, "token_hash": true, "salt": true, "private_notes": true, "secret": true}

// Changes lists the fields of an audit event in name order: every field set (after)
// with its value before when there was one; an unchanged field of an update is left
// out. Values are text; long ones are cut at 200 characters.
func Changes(before, after map[string]any) []Change {
	names := map[string]bool{}
	for k := range after {
		names[k] = true
	}
	for k := range before {
		names[k] = true
	}
	keys := make([]string, 0, len(names))
	for k := range names {
		if !secretFields[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var out []Change
	for _, k := range keys {
		b, hadB := before[k]
		a, hadA := after[k]
		c := Change{Field: k}
		if hadB {
			c.Before = text(b)
		}
		if hadA {
			c.After = text(a)
		}
		if hadA && hadB && eq(c.Before, c.After) {
			continue
		}
		out = append(out, c)
	}
	return out
}

func eq(a, b *string) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func text(v any) *string {
	if v == nil {
		return nil
	}
	s := strings.TrimSpace(fmt.Sprint(v))
	if r := []rune(s); len(r) > 200 {
		s = string(r[:200]) + "…"
	}
	return &s
}

// LastAdmin is the "reason" extension of a refusal that would leave no active admin.
const LastAdmin = "LAST_ADMIN"

// KeepAnAdmin refuses a change that would leave Tandem without an active admin:
// deactivating, demoting or deleting the last one would lock everyone out of the
// administration (and out of the break-glass command's reach). othersLeft is how many
// active admins the change leaves besides the users it changes.
func KeepAnAdmin(losesAdmin bool, othersLeft int) error {
	if !losesAdmin || othersLeft > 0 {
		return nil
	}
	return errcode.New(errcode.BadUserInput, "Tandem needs at least one active admin: make another user an admin first").
		With("field", "active").With("reason", LastAdmin)
}

// EntityName is a record's readable name as an audit event recorded it: the first of
// its name, email, number, code or title, after the change, else before ("" if none).
func EntityName(before, after map[string]any) string {
	for _, m := range []map[string]any{after, before} {
		for _, k := range []string{"name", "email", "number", "code", "title"} {
			if s, ok := m[k].(string); ok && strings.TrimSpace(s) != "" {
				return s
			}
		}
	}
	return ""
}

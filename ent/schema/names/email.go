package names

import (
	"errors"
	"net/mail"
	"strings"
)

// SignInEmail is the stored form of a user's sign-in address: a plain addr-spec
// (local@domain, no display name, no angle brackets) with a dot in its domain,
// lower-cased, so two spellings that differ only in case are one address. The
// error says in plain words what is wrong.
func SignInEmail(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errors.New("the email address is empty")
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Name != "" || a.Address != s {
		return "", errors.New("not an email address: write it as name@example.com, without a display name or angle brackets")
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	if !strings.Contains(domain, ".") || strings.HasPrefix(domain, "[") || strings.HasSuffix(domain, ".") {
		return "", errors.New("the email address needs a domain such as example.com after the @")
	}
	return strings.ToLower(s), nil
}

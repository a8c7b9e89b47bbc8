package names

import (
	"strings"

	"golang.org/x/text/width"
)

// PersonKey is the identity that ties one person's contacts at several customers
// together: the mobile number (Mobile), else the email lower-cased and trimmed, else
// the WeChat ID lower-cased. A value that cannot tell anyone apart — a number of fewer
// than seven digits, an email without an @, a WeChat ID with spaces or other
// characters than letters, digits, _ and -, or shorter than five — is passed over, so
// "无" or "n/a" never makes everyone who has it one person. "" when nothing is left.
func PersonKey(mobile, email, wechat string) string {
	if m := Mobile(mobile); m != "" {
		return m
	}
	if e := strings.ToLower(strings.TrimSpace(width.Fold.String(email))); validEmail(e) {
		return e
	}
	if w := strings.ToLower(strings.TrimSpace(width.Fold.String(wechat))); validWeChat(w) {
		return w
	}
	return ""
}

// Mobile is a phone number's digits (full-width ones too), without the +86, 0086 or
// 86 in front of an 11-digit Chinese mobile: "+86 138-0013-8000" and "13800138000"
// are the same number. "" when fewer than seven digits are left.
func Mobile(s string) string {
	var b strings.Builder
	for _, r := range width.Fold.String(s) {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	d := b.String()
	switch {
	case len(d) == 15 && strings.HasPrefix(d, "0086") && d[4] == '1':
		d = d[4:]
	case len(d) == 13 && strings.HasPrefix(d, "86") && d[2] == '1':
		d = d[2:]
	}
	if len(d) < 7 {
		return ""
	}
	return d
}

func validEmail(e string) bool {
	at := strings.IndexByte(e, '@')
	return at > 0 && at == strings.LastIndexByte(e, '@') && at < len(e)-1 && !strings.ContainsAny(e, " \t\r\n")
}

func validWeChat(w string) bool {
	if len(w) < 5 {
		return false
	}
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

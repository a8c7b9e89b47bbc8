package importer

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// NormalizeHeader folds a header for guessing: full-width to half-width, lower case,
// and no spaces, punctuation or symbols ("客户名称：", "Customer Name", "ＥＭＡＩＬ"
// become "客户名称", "customername", "email").
func NormalizeHeader(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(width.Fold.String(s)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Mapping is the field of each column, by column index ("" = ignored).
type Mapping []string

// Guess maps headers to the kind's fields: an exact label or synonym first, then a
// header that contains one (客户名称(全称) → name). A field goes to one column only,
// the first that claims it.
func Guess(k Kind, headers []string) Mapping {
	fields := FieldsOf(k)
	m := make(Mapping, len(headers))
	taken := map[string]bool{}
	norm := make([]string, len(headers))
	for i, h := range headers {
		norm[i] = NormalizeHeader(h)
	}
	pass := func(match func(h, name string) bool) {
		for i, h := range norm {
			if m[i] != "" || h == "" {
				continue
			}
			for _, f := range fields {
				if taken[f.Key] {
					continue
				}
				for _, name := range append([]string{f.Zh, f.En, f.Key}, f.Synonyms...) {
					if match(h, NormalizeHeader(name)) {
						m[i], taken[f.Key] = f.Key, true
						break
					}
				}
				if m[i] != "" {
					break
				}
			}
		}
	}
	pass(func(h, n string) bool { return h == n })
	pass(func(h, n string) bool { return len([]rune(n)) >= 2 && strings.Contains(h, n) })
	return m
}

// Validate checks a mapping a user sent: known fields, each at most once, every
// required field present. It returns the problem, or nil.
func Validate(k Kind, m Mapping) *FileError {
	seen := map[string]bool{}
	known := map[string]Field{}
	for _, f := range FieldsOf(k) {
		known[f.Key] = f
	}
	for _, key := range m {
		if key == "" {
			continue
		}
		if _, ok := known[key]; !ok {
			return fileErr("UNKNOWN_FIELD", "", "没有字段“%s”", "no field %q", key)
		}
		if seen[key] {
			return fileErr("FIELD_TWICE", "", "字段“%s”对应了两列", "field %q is mapped to two columns", key)
		}
		seen[key] = true
	}
	for _, f := range FieldsOf(k) {
		if f.Required && !seen[f.Key] {
			return &FileError{Code: "REQUIRED_FIELD", Zh: "缺少必填列“" + f.Zh + "”", En: "the required column \"" + f.En + "\" is missing"}
		}
	}
	return nil
}

// Package names folds company names so that one company written several ways is
// recognised: full-width and half-width characters, case, spaces and punctuation,
// and legal-form suffixes (有限公司, 股份有限公司, Co., Ltd., GmbH…).
package names

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// suffixes are legal forms stripped from the end of a folded name, longest first.
var suffixes = []string{
	"股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "股份公司", "集团", "公司", "厂",
	"corporation", "company", "limited", "coltd", "gmbh", "corp", "inc", "ltd", "llc", "plc", "sa", "ag", "co",
}

// Fold returns the comparable form of a company name.
func Fold(name string) string {
	out := FoldText(name)
	for changed := true; changed; {
		changed = false
		for _, suf := range suffixes {
			if len(out) > len(suf) && strings.HasSuffix(out, suf) {
				out = strings.TrimSuffix(out, suf)
				changed = true
			}
		}
	}
	return out
}

func widthFold(s string) string { return width.Fold.String(s) }

// isNameRune keeps letters and digits: spaces and punctuation do not tell names apart.
func isNameRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Domain returns the bare host of a website ("https://www.Example.com/x" → "example.com").
func Domain(website string) string {
	s := strings.ToLower(strings.TrimSpace(width.Fold.String(website)))
	s = strings.TrimPrefix(strings.TrimPrefix(s, "https://"), "http://")
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimPrefix(s, "www.")
}

// Package search makes names findable the way people in China type them: in
// traditional or simplified characters, full- or half-width, with or without spaces,
// and in pinyin or its initials (瑞豐 塑膠, ruifeng, rfsj all find 瑞丰塑胶). Each
// searchable record keeps a search key (Key) written by a hook on every change of its
// names; a query is folded the same way (Fold) and matched as a substring of the key.
package search

import (
	"strings"
	"sync"
	"unicode"

	"github.com/longbridgeapp/opencc"
	"github.com/mozillazg/go-pinyin"

	"tandem/ent/schema/names"
)

// sep separates a key's parts, so a query never matches across two of them; Fold
// drops it from queries.
const sep = "|"

var (
	t2sOnce sync.Once
	t2s     *opencc.OpenCC
)

// simplified converts traditional characters to simplified (OpenCC's t2s tables),
// leaving text it cannot convert as it is.
func simplified(s string) string {
	t2sOnce.Do(func() {
		cc, err := opencc.New("t2s")
		if err == nil {
			t2s = cc
		}
	})
	if t2s == nil {
		return s
	}
	out, err := t2s.Convert(s)
	if err != nil {
		return s
	}
	return out
}

// hasHan tells whether s holds a Chinese character (the only text t2s and pinyin change).
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// Fold is text as a search compares it: simplified, then folded as names are
// (names.FoldText: half-width, lower case, without spaces, punctuation or symbols):
// 瑞豐 塑膠（ＳＨ） → 瑞丰塑胶sh.
func Fold(s string) string {
	if hasHan(s) {
		s = simplified(s)
	}
	return names.FoldText(s)
}

var pinyinArgs = func() pinyin.Args {
	a := pinyin.NewArgs()
	a.Style = pinyin.Normal
	// Letters and digits in a name (ABC化工, 3M) stay as they are.
	a.Fallback = func(r rune, _ pinyin.Args) []string { return []string{string(r)} }
	return a
}()

// Pinyin spells text in pinyin without tones, whole and as initials (瑞丰塑胶 →
// ruifengsujiao, rfsj); empty when the text has no Chinese character.
func Pinyin(s string) (full, initials string) {
	s = Fold(s)
	if !hasHan(s) {
		return "", ""
	}
	var f, i strings.Builder
	for _, syl := range pinyin.LazyPinyin(s, pinyinArgs) {
		f.WriteString(syl)
		if syl != "" {
			i.WriteString(syl[:1])
		}
	}
	return f.String(), i.String()
}

// Key is the search key of a record with the names given (the first is its main
// name): each name folded, and the Chinese ones also in pinyin and initials.
func Key(names ...string) string {
	var parts []string
	for _, n := range names {
		f := Fold(n)
		if f == "" {
			continue
		}
		parts = append(parts, f)
		if full, ini := Pinyin(n); full != "" {
			parts = append(parts, full, ini)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return sep + strings.Join(parts, sep) + sep
}

package schema

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"entgo.io/ent"
)

// Every string field has a maximum length, counted in characters (Unicode code
// points): a Chinese name of 200 characters fits a 200-character field. ent's own
// MaxLen counts UTF-8 bytes (three for a Chinese character) and is not used. The
// limit is stated in the field's description, so it appears in the GraphQL schema,
// and a longer value is refused with BAD_USER_INPUT naming the field before anything
// is written.
//
// The classes:
//   - codes, numbers, units, phone numbers and keys: 3–100 characters, per field;
//   - names and titles: 120–300;
//   - reasons, captions, event notes: 500–2,000 (ShortText);
//   - notes, findings, descriptions, profiles: 20,000 (LongText).
//
// IDs are not free text (a malformed one finds nothing) and enums are closed lists,
// so neither needs a length.
const (
	// ShortText is the limit of short free texts: event notes, error messages.
	ShortText = 2000
	// LongText is the limit of notes, findings and descriptions (a few pages).
	LongText = 20000
	// QueryText is the limit of a saved GraphQL query.
	QueryText = 50000
	// PayloadText is the limit of a webhook payload (built by the server).
	PayloadText = 100000
)

// atMost limits a string field to n characters and says so in its description.
func atMost(n int, f ent.Field) ent.Field {
	d := f.Descriptor()
	d.Validators = append(d.Validators, maxChars(n))
	d.Comment = withSentence(d.Comment, fmt.Sprintf("At most %s characters.", thousands(n)))
	return f
}

// atMostItems limits a list-of-strings field to n values of at most each characters.
// It folds the field's other validators into one: ent's generated code does not
// compile with several validators on a JSON field.
func atMostItems(n, each int, f ent.Field) ent.Field {
	d := f.Descriptor()
	others := d.Validators
	d.Validators = []any{func(vs []string) error {
		if len(vs) > n {
			return fmt.Errorf("at most %s values (got %s)", thousands(n), thousands(len(vs)))
		}
		for _, v := range vs {
			if err := maxChars(each)(v); err != nil {
				return fmt.Errorf("each value: %w", err)
			}
		}
		for _, o := range others {
			if err := o.(func([]string) error)(vs); err != nil {
				return err
			}
		}
		return nil
	}}
	d.Comment = withSentence(d.Comment, fmt.Sprintf("At most %s values of at most %s characters.", thousands(n), thousands(each)))
	return f
}

// maxChars refuses strings longer than n characters.
func maxChars(n int) func(string) error {
	return func(s string) error {
		if len(s) <= n { // bytes ≥ characters: the common case costs nothing
			return nil
		}
		if c := utf8.RuneCountInString(s); c > n {
			return fmt.Errorf("at most %s characters (got %s)", thousands(n), thousands(c))
		}
		return nil
	}
}

// limitOf returns the character limit atMost stated in a description (0 if none);
// the schema test reads it back.
func limitOf(comment string) int {
	i := strings.LastIndex(comment, "At most ")
	if i < 0 {
		return 0
	}
	rest := comment[i+len("At most "):]
	j := strings.Index(rest, " characters.")
	if j < 0 {
		return 0
	}
	n, err := strconv.Atoi(strings.ReplaceAll(rest[:j], ",", ""))
	if err != nil {
		return 0
	}
	return n
}

func withSentence(comment, sentence string) string {
	comment = strings.TrimSpace(comment)
	switch {
	case comment == "":
		return sentence
	case strings.HasSuffix(comment, ".") || strings.HasSuffix(comment, "…") || strings.HasSuffix(comment, "。"):
		return comment + " " + sentence
	}
	return comment + ". " + sentence
}

// thousands writes 20000 as 20,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

package schema

import (
	"fmt"
	"slices"
	"strings"
)

// oneOfEach validates a string list against a fixed vocabulary.
func oneOfEach(field string, allowed []string) func([]string) error {
	return func(vs []string) error {
		for _, v := range vs {
			if !slices.Contains(allowed, v) {
				return fmt.Errorf("%s: %q is not one of %s", field, v, strings.Join(allowed, ", "))
			}
		}
		return nil
	}
}

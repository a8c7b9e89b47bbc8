package importer

import (
	"testing"

	"tandem/ent/interaction"
	"tandem/ent/keyperson"
	"tandem/ent/order"
)

// Every word an export writes for an enum, in both languages, is read back by the
// kind's importer as the same value; every value an importer knows has a word.
func TestExportLabelsImportBack(t *testing.T) {
	for _, c := range []struct {
		name   string
		labels map[string]pair
		read   func(string) (string, bool)
		valid  func(string) error
	}{
		{"decision role", roleLabels, func(s string) (string, bool) { v, ok := decisionRoles[NormalizeHeader(s)]; return string(v), ok },
			func(s string) error { return keyperson.DecisionRoleValidator(keyperson.DecisionRole(s)) }},
		{"attitude", attitudeLabels, func(s string) (string, bool) { v, ok := attitudes[NormalizeHeader(s)]; return string(v), ok },
			func(s string) error { return keyperson.AttitudeValidator(keyperson.Attitude(s)) }},
		{"order status", statusLabels, func(s string) (string, bool) { v, ok := orderStatuses[NormalizeHeader(s)]; return string(v), ok },
			func(s string) error { return order.StatusValidator(order.Status(s)) }},
		{"interaction type", kindLabels, func(s string) (string, bool) { v, ok := interactionKinds[NormalizeHeader(s)]; return string(v), ok },
			func(s string) error { return interaction.KindValidator(interaction.Kind(s)) }},
	} {
		for code := range c.labels {
			if err := c.valid(code); err != nil {
				t.Errorf("%s: %s is not a value: %v", c.name, code, err)
			}
			for _, lang := range []string{"zh", "en"} {
				word := label(c.labels, code, lang)
				if got, ok := c.read(word); !ok || got != code {
					t.Errorf("%s %s in %s: exported as %q, imported as %q", c.name, code, lang, word, got)
				}
			}
		}
	}
	for name, known := range map[string][]string{
		"decision role": keys(decisionRoles), "attitude": keys(attitudes), "order status": keys(orderStatuses), "interaction type": keys(interactionKinds),
	} {
		labels := map[string]map[string]pair{"decision role": roleLabels, "attitude": attitudeLabels, "order status": statusLabels, "interaction type": kindLabels}[name]
		for _, code := range known {
			if _, ok := labels[code]; !ok {
				t.Errorf("%s %s has no export label", name, code)
			}
		}
	}
	if label(kindLabels, "", "zh") != "" || label(kindLabels, "NEW_KIND", "zh") != "NEW_KIND" {
		t.Error("an empty or unknown code is not written as itself")
	}
}

func keys[V ~string](m map[string]V) []string {
	var out []string
	for _, v := range m {
		out = append(out, string(v))
	}
	return out
}

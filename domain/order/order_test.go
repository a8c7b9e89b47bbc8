package order

import (
	"slices"
	"testing"

	"tandem/ent/orderevent"
)

func TestStepsNeedOnlyEarlierSteps(t *testing.T) {
	for i, s := range Steps {
		if !IsStep(s) {
			t.Fatalf("%s has no row in the table", s)
		}
		for _, n := range Needs(s) {
			if j := slices.Index(Steps, n); j < 0 || j >= i {
				t.Errorf("%s needs %s, which is not an earlier step", s, n)
			}
		}
	}
	if len(table) != len(Steps) {
		t.Errorf("the table has %d rows for %d steps", len(table), len(Steps))
	}
	if !slices.Contains(Needs(orderevent.StepCLOSED), orderevent.StepPAID) || !slices.Contains(Needs(orderevent.StepDELIVERED), orderevent.StepSHIPPED) {
		t.Error("closing needs receipt, delivery needs shipping")
	}
	if IsStep(orderevent.StepCANCELLED) {
		t.Error("CANCELLED is recorded, not ticked")
	}
}

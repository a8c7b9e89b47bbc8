package lifecycle_test

import (
	"slices"
	"testing"

	"tandem/ent/lifecycle"
)

func TestSamplePath(t *testing.T) {
	path := []string{"REQUESTED", "PREPARED", "SHIPPED", "RECEIVED", "LAB_TRIAL", "PILOT_TRIAL", "APPROVED", "CONVERTED"}
	for i := 0; i+1 < len(path); i++ {
		if !lifecycle.SampleMayMove(path[i], path[i+1]) {
			t.Errorf("%s → %s refused", path[i], path[i+1])
		}
		if !lifecycle.SampleMayMove(path[i], "FAILED") || !lifecycle.SampleMayMove(path[i], "ABANDONED") {
			t.Errorf("%s cannot fail or be abandoned", path[i])
		}
		for j := i + 2; j < len(path); j++ {
			if lifecycle.SampleMayMove(path[i], path[j]) {
				t.Errorf("jump %s → %s allowed", path[i], path[j])
			}
		}
	}
	for _, closed := range []string{"CONVERTED", "FAILED", "ABANDONED"} {
		if len(lifecycle.SampleNext(closed)) != 0 {
			t.Errorf("%s can still move", closed)
		}
	}
}

func TestOrderStepsNeedOnlyEarlierSteps(t *testing.T) {
	for i, step := range lifecycle.OrderSteps {
		needs, ok := lifecycle.OrderStepNeeds[step]
		if !ok {
			t.Fatalf("%s has no prerequisites entry", step)
		}
		for _, n := range needs {
			if j := slices.Index(lifecycle.OrderSteps, n); j < 0 || j >= i {
				t.Errorf("%s needs %s, which is not an earlier step", step, n)
			}
		}
		if _, ok := lifecycle.OrderStatusAfter[step]; !ok {
			t.Errorf("%s has no status", step)
		}
	}
	if !slices.Contains(lifecycle.OrderStepNeeds["CLOSED"], "PAID") || !slices.Contains(lifecycle.OrderStepNeeds["DELIVERED"], "SHIPPED") {
		t.Error("closing needs receipt, delivery needs shipping")
	}
}

func TestStagesOnlyMoveForward(t *testing.T) {
	if lifecycle.Forward("TRIAL", "VISITED") || !lifecycle.Forward("VISITED", "SAMPLING") || !lifecycle.Forward("DORMANT", "CONTACTED") || lifecycle.Forward("PARTNER", "MAIN_SUPPLIER") {
		t.Error("stage ranks are wrong")
	}
}

// A refused move is a conflict when the record has moved past the point where the
// move was legal (someone else moved it), and a bad request when it never was.
func TestMovedPast(t *testing.T) {
	for _, c := range []struct {
		cur, to string
		want    bool
	}{
		{"PREPARED", "PREPARED", true},    // someone made the same move first
		{"FAILED", "ABANDONED", true},     // FAILED and ABANDONED raced
		{"SHIPPED", "PREPARED", true},     // an old "prepare" arriving late
		{"CONVERTED", "FAILED", true},     // closed since
		{"PREPARED", "RECEIVED", false},   // a jump: never legal from here
		{"REQUESTED", "CONVERTED", false}, // a jump
	} {
		if got := lifecycle.SampleMovedPast(c.cur, c.to); got != c.want {
			t.Errorf("sample %s, asked %s: moved past = %v, want %v", c.cur, c.to, got, c.want)
		}
	}
	for _, c := range []struct {
		cur, to string
		want    bool
	}{
		{"RESPONDED", "RESPONDED", true},
		{"ROOT_CAUSE_FOUND", "RESPONDED", true},
		{"CLOSED", "RESOLVED", true},
		{"OPEN", "RESOLVED", false},
		{"OPEN", "CLOSED", false},
		{"RESPONDED", "RESOLVED", false},
	} {
		if got := lifecycle.IssueMovedPast(c.cur, c.to); got != c.want {
			t.Errorf("issue %s, asked %s: moved past = %v, want %v", c.cur, c.to, got, c.want)
		}
	}
}

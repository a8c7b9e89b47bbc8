package account

import (
	"slices"
	"testing"

	"tandem/ent/customer"
	"tandem/ent/migrate"
)

func TestStagesOnlyMoveForward(t *testing.T) {
	if Forward("TRIAL", "VISITED") || !Forward("VISITED", "SAMPLING") || !Forward("DORMANT", "CONTACTED") || Forward("PARTNER", "MAIN_SUPPLIER") {
		t.Error("stage ranks are wrong")
	}
	for _, col := range migrate.CustomersColumns {
		for _, s := range col.Enums {
			if col.Name == customer.FieldStage && (!slices.Contains(Stages, s) || rank[s] == 0 && s != "DORMANT" && s != "LOST") {
				t.Errorf("stage %s has no place in the order", s)
			}
		}
	}
}

func TestEveryStageHasAName(t *testing.T) {
	for _, s := range Stages {
		if StageName(customer.Stage(s), "zh") == s || StageName(customer.Stage(s), "en") == s {
			t.Errorf("stage %s has no name", s)
		}
	}
}

package graph

import (
	"testing"

	"tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/stagechange"
)

func TestStageChangeTitle(t *testing.T) {
	for code := range stageNames {
		if err := customer.StageValidator(customer.Stage(code)); err != nil {
			t.Errorf("%s is no account stage: %v", code, err)
		}
	}
	all := []customer.Stage{customer.StagePROSPECT, customer.StageCONTACTED, customer.StageVISITED, customer.StageSAMPLING,
		customer.StageTRIAL, customer.StageEVALUATION, customer.StageMAIN_SUPPLIER, customer.StagePARTNER,
		customer.StageDORMANT, customer.StageLOST}
	for _, s := range all {
		if _, ok := stageNames[string(s)]; !ok {
			t.Errorf("stage %s has no timeline name", s)
		}
	}
	from := stagechange.FromStage("VISITED")
	cases := []struct {
		lang string
		sc   *ent.StageChange
		want string
	}{
		{"zh", &ent.StageChange{ToStage: "PROSPECT"}, "阶段 → 潜在客户"},
		{"en", &ent.StageChange{ToStage: "PROSPECT"}, "Stage → Prospect"},
		{"zh", &ent.StageChange{FromStage: &from, ToStage: "SAMPLING"}, "阶段 已拜访 → 送样中"},
		{"en", &ent.StageChange{FromStage: &from, ToStage: "MAIN_SUPPLIER"}, "Stage Visited → Main supplier"},
	}
	for _, c := range cases {
		if got := stageChangeTitle(c.lang, c.sc); got != c.want {
			t.Errorf("%s: got %q, want %q", c.lang, got, c.want)
		}
	}
}

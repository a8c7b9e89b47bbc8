package graph

import (
	"testing"

	"tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/stagechange"
)

func TestStageChangeTitle(t *testing.T) {
	all := []customer.Stage{customer.StagePROSPECT, customer.StageCONTACTED, customer.StageVISITED, customer.StageSAMPLING,
		customer.StageTRIAL, customer.StageEVALUATION, customer.StageMAIN_SUPPLIER, customer.StagePARTNER,
		customer.StageDORMANT, customer.StageLOST}
	for _, s := range all {
		for _, lang := range []string{"zh", "en"} {
			if stageName(lang, string(s)) == string(s) {
				t.Errorf("stage %s has no timeline name in %s", s, lang)
			}
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

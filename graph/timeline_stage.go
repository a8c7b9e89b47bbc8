package graph

import "tandem/ent"

// stageNames are the account stages as the timeline says them (the same words as
// the app's CustomerStage labels, frontend/src/i18n/enums.ts).
var stageNames = map[string][2]string{
	"PROSPECT": {"潜在客户", "Prospect"}, "CONTACTED": {"已联系", "Contacted"},
	"VISITED": {"已拜访", "Visited"}, "SAMPLING": {"送样中", "Sampling"},
	"TRIAL": {"试样中", "Trial"}, "EVALUATION": {"考核中", "Evaluation"},
	"MAIN_SUPPLIER": {"主供应商", "Main supplier"}, "PARTNER": {"合作伙伴", "Partner"},
	"DORMANT": {"休眠", "Dormant"}, "LOST": {"流失", "Lost"},
}

func stageName(lang, code string) string {
	n, ok := stageNames[code]
	if !ok {
		return code
	}
	return say(lang, n[0], n[1])
}

// stageChangeTitle is a StageChange's line: "阶段 → 潜在客户" for an account's first
// stage, "阶段 已拜访 → 送样中" for a move.
func stageChangeTitle(lang string, n *ent.StageChange) string {
	to := stageName(lang, string(n.ToStage))
	if n.FromStage == nil {
		return say(lang, "阶段 → ", "Stage → ") + to
	}
	return say(lang, "阶段 ", "Stage ") + stageName(lang, string(*n.FromStage)) + " → " + to
}

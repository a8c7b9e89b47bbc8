package graph

import (
	"tandem/domain/account"
	"tandem/ent"
	"tandem/ent/customer"
)

func stageName(lang, code string) string { return account.StageName(customer.Stage(code), lang) }

// stageChangeTitle is a StageChange's line: "阶段 → 潜在客户" for an account's first
// stage, "阶段 已拜访 → 送样中" for a move.
func stageChangeTitle(lang string, n *ent.StageChange) string {
	to := stageName(lang, string(n.ToStage))
	if n.FromStage == nil {
		return say(lang, "阶段 → ", "Stage → ") + to
	}
	return say(lang, "阶段 ", "Stage ") + stageName(lang, string(*n.FromStage)) + " → " + to
}

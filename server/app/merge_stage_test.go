package app_test

import (
	"strings"
	"testing"

	"tandem/ent/customer"
	"tandem/ent/stagechange"
)

// After a merge the survivor's timeline starts once (the duplicate's own first stage
// does not move), its stage lines say the stages by name in the viewer's language,
// and the preview counts only the rows that move.
func TestMergedTimelineStartsOnceWithStageNames(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		s := e.f.acmeEast // VISITED
		m := e.duplicateOf("宁波华塑", e.f.rep2, customer.StageTRIAL)
		mgr := e.token(e.f.manager)
		pre := e.ok(mgr, `query($s: ID!, $m: ID!) { accountMergePreview(survivorID: $s, mergedID: $m) { moves { table count } } }`,
			map[string]any{"s": s.ID, "m": m.ID})
		done := e.ok(mgr, mergeAccounts, map[string]any{"in": map[string]any{"survivorID": s.ID, "mergedID": m.ID, "reason": "same"}})
		if a, b := mergeJSON(dig(pre, "accountMergePreview", "moves")), mergeJSON(dig(done, "mergeAccounts", "moved")); a != b {
			t.Errorf("previewed %s, moved %s", a, b)
		}
		q := `query($id: ID!) { timeline(customerID: $id, first: 100) { edges { node { kind title } } } }`
		for lang, start := range map[string]string{"zh": "阶段 → ", "en": "Stage → "} {
			tl := e.doWith(map[string]string{"X-Tandem-Lang": lang}, mgr, q, map[string]any{"id": s.ID})
			if len(tl.Errors) > 0 {
				t.Fatal(tl.Errors)
			}
			starts, stages := 0, 0
			for _, ed := range dig(tl.Data, "timeline", "edges").([]any) {
				n := ed.(map[string]any)["node"].(map[string]any)
				if n["kind"] != "STAGE_CHANGE" {
					continue
				}
				stages++
				title := n["title"].(string)
				if strings.HasPrefix(title, start) {
					starts++
				}
				for _, code := range []string{"PROSPECT", "VISITED", "TRIAL"} {
					if strings.Contains(title, code) {
						t.Errorf("%s: raw stage code in %q", lang, title)
					}
				}
			}
			if stages == 0 || starts > 1 {
				t.Errorf("%s: %d stage lines, %d of them a start", lang, stages, starts)
			}
		}
		// The merged account's own start is not deleted: it stays with its tombstone.
		if n := e.app.DB.Client.StageChange.Query().Where(stagechange.CustomerID(m.ID), stagechange.FromStageIsNil()).CountX(e.sys); n != 1 {
			t.Errorf("the merged account keeps %d first stage changes, want its 1", n)
		}
	})
}

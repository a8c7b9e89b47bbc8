package graph

import (
	"context"
	"sort"

	"tandem/domain/merge"
	"tandem/ent"
	"tandem/graph/model"
)

// The merge's and bulk changes' translations between GraphQL and domain/merge.

func mergeInput(in model.MergeInput) merge.Input {
	out := merge.Input{SurvivorID: in.SurvivorID, MergedID: in.MergedID, Choices: map[string]merge.Side{}}
	for _, c := range in.Choices {
		out.Choices[c.Field] = merge.Side(c.Side)
	}
	if in.Reason != nil {
		out.Reason = *in.Reason
	}
	return out
}

func countsOf(m map[string]int) []*model.MergeCount {
	out := make([]*model.MergeCount, 0, len(m))
	for t, n := range m {
		out = append(out, &model.MergeCount{Table: t, Count: n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Table < out[j].Table })
	return out
}

func previewOf(p *merge.Preview, err error) (*model.MergePreview, error) {
	if err != nil {
		return nil, err
	}
	out := &model.MergePreview{Moves: countsOf(p.Moves)}
	for _, f := range p.Fields {
		mf := &model.MergeField{Field: f.Field, Differs: f.Differs}
		if f.Survivor != "" {
			mf.Survivor = &f.Survivor
		}
		if f.Merged != "" {
			mf.Merged = &f.Merged
		}
		out.Fields = append(out.Fields, mf)
	}
	return out, nil
}

func chosenOf(ac *ent.AccountChange) []*model.MergeChoiceMade {
	out := make([]*model.MergeChoiceMade, 0, len(ac.Chosen))
	for f, side := range ac.Chosen {
		out = append(out, &model.MergeChoiceMade{Field: f, Side: model.MergeSide(side)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Field < out[j].Field })
	return out
}

// stageResults reports each account of a bulk stage move; a refusal carries the code
// and message the single-account mutation would have answered.
func stageResults(ctx context.Context, rs []merge.StageResult) []*model.BulkStageResult {
	out := make([]*model.BulkStageResult, 0, len(rs))
	for _, r := range rs {
		br := &model.BulkStageResult{CustomerID: r.ID, Moved: r.Err == nil, Customer: r.Customer}
		if r.Err != nil {
			code, msg, _ := codeOf(ctx, r.Err)
			c := string(code)
			br.Code, br.Message, br.Customer = &c, &msg, nil
		}
		out = append(out, br)
	}
	return out
}

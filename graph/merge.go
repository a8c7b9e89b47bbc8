package graph

import (
	"context"
	"sort"

	"tandem/domain/merge"
	"tandem/ent"
	"tandem/ent/errcode"
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

// bulkResults reports each account of a bulk change (a stage move, a rating): done
// with the account after it, or refused with the code the single-account mutation
// would have answered and a reason in the viewer's language.
func bulkResults[T any](ctx context.Context, lang string, rs []merge.Result, row func(r merge.Result, code, msg *string) T) []T {
	out := make([]T, 0, len(rs))
	for _, r := range rs {
		var code, msg *string
		if r.Err != nil {
			code, msg = refusalOf(ctx, lang, r.Err)
			r.Customer = nil
		}
		out = append(out, row(r, code, msg))
	}
	return out
}

func stageResults(ctx context.Context, lang string, rs []merge.Result) []*model.BulkStageResult {
	return bulkResults(ctx, lang, rs, func(r merge.Result, code, msg *string) *model.BulkStageResult {
		return &model.BulkStageResult{CustomerID: r.ID, Moved: r.Err == nil, Customer: r.Customer, Code: code, Message: msg}
	})
}

func ratingResults(ctx context.Context, lang string, rs []merge.Result) []*model.BulkRatingResult {
	return bulkResults(ctx, lang, rs, func(r merge.Result, code, msg *string) *model.BulkRatingResult {
		return &model.BulkRatingResult{CustomerID: r.ID, Set: r.Err == nil, Customer: r.Customer, Code: code, Message: msg}
	})
}

// refusalOf is one account's refusal: its code, and what it means for that account in
// the viewer's language (the rules refusing come from several packages, in English;
// per account, the code and the field say enough).
func refusalOf(ctx context.Context, lang string, err error) (*string, *string) {
	code, _, details := codeOf(ctx, err)
	var msg string
	switch field, _ := details["field"].(string); {
	case code == errcode.NotFound:
		msg = say(lang, "找不到该客户，或不是你能查看的客户", "no such account, or not one you may see")
	case code == errcode.Forbidden:
		msg = say(lang, "你无权修改这个客户", "you may not change this account")
	case code == errcode.Conflict:
		msg = say(lang, "该客户刚被他人修改，请刷新后重试", "someone changed this account meanwhile; reload and try again")
	case code == errcode.BadUserInput && field == "reason":
		msg = say(lang, "请填写原因", "give a reason")
	case code == errcode.BadUserInput:
		msg = say(lang, "这个客户不能这样修改", "this account cannot be changed so")
	default:
		msg = say(lang, "出错了，未修改", "something went wrong; not changed")
	}
	c := string(code)
	return &c, &msg
}

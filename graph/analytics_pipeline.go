package graph

import (
	"context"
	"time"

	"entgo.io/ent/dialect/sql"

	"tandem/domain/access"
	"tandem/domain/rollup"
	"tandem/ent"
	"tandem/ent/accountcount"
	"tandem/ent/team"
	"tandem/ent/user"
	"tandem/ent/viewer"
	"tandem/graph/model"
)

// accountCountsAnswer reports whether the AccountCount rows give pipelineStats the
// same answer as the accounts: the viewer reads every account and the window is
// whole UTC months.
func accountCountsAnswer(ctx context.Context, from, to *time.Time) bool {
	return access.ReadsEvery(viewer.FromContext(ctx), "Customer") && whole(monthStart, from, to)
}

// whole reports whether each bound that is set starts a period (a rollup's day or
// month): a rollup of whole periods answers only such a window.
func whole(start func(time.Time) time.Time, bounds ...*time.Time) bool {
	for _, t := range bounds {
		if t != nil && !start(*t).Equal(*t) {
			return false
		}
	}
	return true
}

// monthStart and dayStart are the UTC month and day a time is in.
func monthStart(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

func dayStart(t time.Time) time.Time { return t.UTC().Truncate(24 * time.Hour) }

// countedPipeline adds up the account counts (domain/account.CountHook); their empty
// owner, team and tier read as none, as the accounts' NULLs do.
func countedPipeline(ctx context.Context, c *ent.Client, dims []model.PipelineDimension, from, to *time.Time) ([]aggRow, error) {
	var rows []aggRow
	sys := access.System(ctx, "pipelineStats: the viewer reads every account, which the counts add up")
	err := c.AccountCount.Query().Modify(func(s *sql.Selector) {
		if from != nil {
			s.Where(sql.GTE(s.C(accountcount.FieldMonth), rollup.MonthOf(*from)))
		}
		if to != nil {
			s.Where(sql.LT(s.C(accountcount.FieldMonth), rollup.MonthOf(*to)))
		}
		var exprs []string
		for _, d := range dims {
			switch d {
			case model.PipelineDimensionStage:
				exprs = append(exprs, s.C(accountcount.FieldStage))
			case model.PipelineDimensionTier:
				exprs = append(exprs, "NULLIF("+s.C(accountcount.FieldTier)+", '')")
			case model.PipelineDimensionLeadSource:
				exprs = append(exprs, s.C(accountcount.FieldLeadSource))
			case model.PipelineDimensionPeriod:
				exprs = append(exprs, s.C(accountcount.FieldMonth))
			case model.PipelineDimensionOwner:
				u := sql.Table(user.Table).As("owner_u")
				s.LeftJoin(u).On(s.C(accountcount.FieldOwnerID), u.C(user.FieldID))
				exprs = append(exprs, u.C(user.FieldEmail))
			case model.PipelineDimensionTeam:
				t := sql.Table(team.Table).As("team_t")
				s.LeftJoin(t).On(s.C(accountcount.FieldTeamID), t.C(team.FieldID))
				exprs = append(exprs, t.C(team.FieldName))
			}
		}
		grouping(s, exprs, sql.As(sql.Sum(s.C(accountcount.FieldAccounts)), "count"))
		if len(exprs) > 0 { // counts left at zero are no group
			s.Having(sql.GT(sql.Sum(s.C(accountcount.FieldAccounts)), 0))
		}
	}).Scan(sys, &rows)
	return rows, err
}

package graph

import (
	"fmt"
	"slices"
	"strings"
	"time"

	problems "tandem/domain/issue"
	"tandem/ent"
	"tandem/ent/issue"
	"tandem/ent/predicate"
	"tandem/graph/model"
)

// issueChunk is the most late problems one read takes, oldest reported first; a page
// of n items reads 4n at a time (at least 20), as few often settle it.
const issueChunk = 100

func issueChunkFor(want int) int { return min(issueChunk, max(20, 4*want)) }

// todayIssues lists problems past their response or on-site deadline, counted up to
// the cap. A problem's due time is its report plus its severity's deadline, so the
// problems are read oldest reported first, a chunk at a time, until no later report
// can fall due before the page's last item (its report plus the shortest deadline).
func todayIssues(run *todayRun) error {
	kind := model.TodayKindIssuePastSLA
	where := []predicate.Issue{issue.StatusNotIn(issue.StatusRESOLVED, issue.StatusCLOSED), problems.Late(run.now),
		awake[predicate.Issue](run, kind)}
	if run.scope != nil {
		where = append(where, issue.HasCustomerWith(run.scope))
	}
	q := func(more ...predicate.Issue) *ent.IssueQuery {
		return run.c.Issue.Query().Where(append(where[:len(where):len(where)], more...)...)
	}
	return countedRead(run, kind, upTo(q()), func(want int) (int, error) {
		var dues []time.Time
		var after *ent.Issue
		count := 0
		chunk := issueChunkFor(want)
		for {
			read := q()
			if after != nil {
				read = q(issue.Or(issue.ReportedAtGT(after.ReportedAt), issue.And(issue.ReportedAt(after.ReportedAt), issue.IDGT(after.ID))))
			} else { // the first chunk carries the kind's count
				read.Modify(counted)
			}
			rows, err := read.Order(issue.ByReportedAt(), issue.ByID()).Limit(chunk).All(run.ctx)
			if err != nil {
				return 0, err
			}
			if after == nil {
				if count, err = pageCount(rows, chunk); err != nil {
					return 0, err
				}
			}
			for _, is := range rows {
				if due, ok := issueLate(run, is); ok {
					dues = append(dues, due)
				}
			}
			if len(rows) < chunk {
				return count, nil
			}
			after = rows[len(rows)-1]
			if len(dues) >= want {
				slices.SortFunc(dues, func(a, b time.Time) int { return a.Compare(b) })
				if !after.ReportedAt.Add(problems.ShortestDeadline()).Before(dues[want-1]) {
					return count, nil
				}
			}
		}
	})
}

// issueLate adds a problem past a deadline to the list, with the steps it missed, and
// says when it fell due.
func issueLate(run *todayRun, is *ent.Issue) (time.Time, bool) {
	// The same rule as Issue.sla; Today lists only the steps still not done.
	sla, state := problems.SLAs[is.Severity], problems.ServiceOf(is, run.now)
	var missed []string
	var due *time.Time
	if is.RespondedAt == nil && state.RespondedLate {
		missed = append(missed, say(run.lang, fmt.Sprintf("应在 %s 内响应", hours(sla.Respond, run.lang)), fmt.Sprintf("a response was due within %s", hours(sla.Respond, run.lang))))
		due = &state.RespondBy
	}
	if is.OnsiteAt == nil && state.OnSiteLate {
		missed = append(missed, say(run.lang, fmt.Sprintf("应在 %s 内到现场", hours(sla.OnSite, run.lang)), fmt.Sprintf("someone was due on site within %s", hours(sla.OnSite, run.lang))))
		if due == nil {
			due = &state.OnSiteBy
		}
	}
	if len(missed) == 0 {
		return time.Time{}, false
	}
	run.add(model.TodayKindIssuePastSLA, is.ID, is.CustomerID, is, is.Title,
		say(run.lang, fmt.Sprintf("%s 级问题已超出服务时限：%s", is.Severity, strings.Join(missed, "，")),
			fmt.Sprintf("%s problem past its service level: %s", is.Severity, strings.Join(missed, "; "))), due)
	return *due, true
}

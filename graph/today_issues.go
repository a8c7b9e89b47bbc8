package graph

import (
	"fmt"
	"strings"
	"time"

	problems "tandem/domain/issue"
	"tandem/ent/issue"
	"tandem/ent/predicate"
	"tandem/graph/model"
)

// todayIssues lists problems past their response or on-site deadline.
func todayIssues(run *todayRun) error {
	var late []predicate.Issue
	for _, s := range []issue.Severity{issue.SeverityCRITICAL, issue.SeverityHIGH, issue.SeverityMEDIUM, issue.SeverityLOW} {
		sla, ok := problems.SLAs[s]
		if !ok {
			continue
		}
		late = append(late,
			issue.And(issue.SeverityEQ(s), issue.RespondedAtIsNil(), issue.StatusEQ(issue.StatusOPEN), issue.ReportedAtLT(run.now.Add(-sla.Respond))),
			// Going on site is due only while the problem is still being answered: one
			// solved without a visit is not late (the same rule as Issue.sla).
			issue.And(issue.SeverityEQ(s), issue.OnsiteAtIsNil(), issue.StatusIn(issue.StatusOPEN, issue.StatusRESPONDED), issue.ReportedAtLT(run.now.Add(-sla.OnSite))),
		)
	}
	issueWhere := []predicate.Issue{issue.StatusNotIn(issue.StatusRESOLVED, issue.StatusCLOSED), issue.Or(late...)}
	if run.scope != nil {
		issueWhere = append(issueWhere, issue.HasCustomerWith(run.scope))
	}
	issues, err := run.c.Issue.Query().Where(issueWhere...).All(run.ctx)
	if err != nil {
		return err
	}
	for _, is := range issues {
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
			continue
		}
		run.add(model.TodayKindIssuePastSLA, is.ID, is.CustomerID, is, is.Title,
			say(run.lang, fmt.Sprintf("%s 级问题已超出服务时限：%s", is.Severity, strings.Join(missed, "，")),
				fmt.Sprintf("%s problem past its service level: %s", is.Severity, strings.Join(missed, "; "))), due)
	}
	return nil
}

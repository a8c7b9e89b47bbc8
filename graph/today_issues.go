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
	issueWhere := []predicate.Issue{issue.StatusNotIn(issue.StatusRESOLVED, issue.StatusCLOSED), problems.Late(run.now)}
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

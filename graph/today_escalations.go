package graph

import (
	"fmt"
	"slices"
	"strings"

	"tandem/domain/access"
	problems "tandem/domain/issue"
	"tandem/ent"
	"tandem/ent/issue"
	"tandem/ent/issueevent"
	"tandem/ent/predicate"
	"tandem/graph/model"
)

// todayEscalations lists, for managers (and admins), the problems of their accounts
// whose service level was missed (a recorded SLA_BREACHED) and that are not resolved
// yet: a missed deadline goes up to the managers of the account's owner (问题升级).
func todayEscalations(run *todayRun) error {
	if !access.Manages(run.v) {
		return nil
	}
	where := []predicate.Issue{problems.Escalated()}
	if run.scope != nil {
		where = append(where, issue.HasCustomerWith(run.scope))
	}
	issues, err := run.c.Issue.Query().Where(where...).
		WithEvents(func(q *ent.IssueEventQuery) {
			q.Where(issueevent.KindEQ(issueevent.KindSLA_BREACHED)).Order(issueevent.ByAt())
		}).
		Order(issue.ByReportedAt(), issue.ByID()).All(run.ctx)
	if err != nil {
		return err
	}
	for _, is := range issues {
		var zh, en []string
		for _, ev := range is.Edges.Events {
			switch ev.Deadline {
			case issueevent.DeadlineRESPOND:
				zh, en = append(zh, "未按时响应"), append(en, "the response")
			case issueevent.DeadlineON_SITE:
				zh, en = append(zh, "未按时到现场"), append(en, "going on site")
			}
		}
		zh, en = slices.Compact(zh), slices.Compact(en)
		var due = &is.ReportedAt
		if len(is.Edges.Events) > 0 {
			due = &is.Edges.Events[0].DueAt
		}
		run.add(model.TodayKindIssueEscalated, is.ID, is.CustomerID, is, is.Title,
			say(run.lang, fmt.Sprintf("%s 级问题超出服务时限（%s），仍未解决：已升级给经理", is.Severity, strings.Join(zh, "，")),
				fmt.Sprintf("%s problem missed its service level (%s) and is not resolved: escalated to the managers", is.Severity, strings.Join(en, ", "))), due)
	}
	return nil
}

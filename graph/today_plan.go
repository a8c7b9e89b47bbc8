package graph

import (
	"time"

	"entgo.io/ent/dialect/sql"

	"tandem/graph/model"
)

// RecentOverdueDays: a task overdue for up to this many days is still today's work;
// one overdue for longer has waited a week already and is followed up with the rest.
const RecentOverdueDays = 7

// urgencyOf places an item in the day's plan (TodayUrgency): what is broken or awaited
// first, today's schedule next, follow-ups last.
func urgencyOf(kind model.TodayKind, due *time.Time, now time.Time) model.TodayUrgency {
	switch kind {
	case model.TodayKindIssuePastSLA, model.TodayKindIssueEscalated, model.TodayKindOrderLate,
		model.TodayKindEvaluationDecision, model.TodayKindChangeNoticePending:
		return model.TodayUrgencyNow
	case model.TodayKindVisitDue, model.TodayKindTaskDue, model.TodayKindOrderRisk, model.TodayKindReceiptOverdue:
		return model.TodayUrgencyToday
	case model.TodayKindAgreementExpiring:
		if due != nil && due.Sub(now) <= RecentOverdueDays*24*time.Hour {
			return model.TodayUrgencyToday
		}
	case model.TodayKindTaskOverdue:
		if due == nil || now.Sub(*due) <= RecentOverdueDays*24*time.Hour {
			return model.TodayUrgencyToday
		}
	}
	return model.TodayUrgencyLater
}

var todayUrgencyRank = map[model.TodayUrgency]int{model.TodayUrgencyNow: 0, model.TodayUrgencyToday: 1, model.TodayUrgencyLater: 2}

// awake leaves out of a source's query the records of kind the viewer snoozed, so its
// count and its page are of the items on the list.
func awake[P ~func(*sql.Selector)](run *todayRun, kind model.TodayKind) P {
	ids := run.snoozed[string(kind)]
	return func(s *sql.Selector) {
		if len(ids) == 0 {
			return
		}
		args := make([]any, len(ids))
		for i, id := range ids {
			args[i] = string(id)
		}
		s.Where(sql.NotIn(s.C("id"), args...))
	}
}

// asleep tells whether the viewer snoozed the record of kind.
func (t *todayRun) asleep(kind model.TodayKind, id string) bool {
	for _, s := range t.snoozed[string(kind)] {
		if string(s) == id {
			return true
		}
	}
	return false
}

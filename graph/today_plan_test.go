package graph

import (
	"testing"
	"time"

	"tandem/graph/model"
)

func TestUrgencyOf(t *testing.T) {
	now := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	ago := func(d time.Duration) *time.Time { at := now.Add(-d); return &at }
	day := 24 * time.Hour
	for _, tc := range []struct {
		kind model.TodayKind
		due  *time.Time
		want model.TodayUrgency
	}{
		{model.TodayKindIssuePastSLA, ago(time.Hour), model.TodayUrgencyNow},
		{model.TodayKindIssueEscalated, ago(day), model.TodayUrgencyNow},
		{model.TodayKindOrderLate, ago(2 * day), model.TodayUrgencyNow},
		{model.TodayKindEvaluationDecision, nil, model.TodayUrgencyNow},
		{model.TodayKindChangeNoticePending, nil, model.TodayUrgencyNow},
		{model.TodayKindVisitDue, ago(-3 * time.Hour), model.TodayUrgencyToday},
		{model.TodayKindTaskDue, ago(-time.Hour), model.TodayUrgencyToday},
		{model.TodayKindOrderRisk, nil, model.TodayUrgencyToday},
		// A task overdue for up to a week is today's work; longer, a follow-up.
		{model.TodayKindTaskOverdue, ago(time.Hour), model.TodayUrgencyToday},
		{model.TodayKindTaskOverdue, ago(RecentOverdueDays * day), model.TodayUrgencyToday},
		{model.TodayKindTaskOverdue, ago(RecentOverdueDays*day + time.Minute), model.TodayUrgencyLater},
		{model.TodayKindKeyPersonOverdue, ago(40 * day), model.TodayUrgencyLater},
		{model.TodayKindSampleNotReceived, ago(3 * day), model.TodayUrgencyLater},
		{model.TodayKindSampleNoResult, ago(3 * day), model.TodayUrgencyLater},
		{model.TodayKindOrderDue, ago(-2 * day), model.TodayUrgencyLater},
		{model.TodayKindCertificateExpiring, ago(-10 * day), model.TodayUrgencyLater},
	} {
		if got := urgencyOf(tc.kind, tc.due, now); got != tc.want {
			t.Errorf("%s due %v: %s, want %s", tc.kind, tc.due, got, tc.want)
		}
	}
	// Every kind has a place in the plan.
	for _, k := range model.AllTodayKind {
		if _, ok := todayUrgencyRank[urgencyOf(k, nil, now)]; !ok {
			t.Errorf("%s has no place in the plan", k)
		}
	}
}

package issue

import (
	"slices"
	"testing"
	"time"

	gen "tandem/ent"
	"tandem/ent/issue"
	"tandem/ent/migrate"
)

func TestTable(t *testing.T) {
	for _, col := range migrate.IssuesColumns {
		for _, s := range col.Enums {
			switch col.Name {
			case issue.FieldStatus:
				if !slices.Contains(Table.States, s) {
					t.Errorf("status %s is not in the state table", s)
				}
			case issue.FieldSeverity:
				if _, ok := SLAs[issue.Severity(s)]; !ok {
					t.Errorf("severity %s has no service level", s)
				}
			}
		}
	}
	for _, c := range []struct {
		cur, to string
		want    bool
	}{
		{"RESPONDED", "RESPONDED", true},
		{"ROOT_CAUSE_FOUND", "RESPONDED", true},
		{"CLOSED", "RESOLVED", true},
		{"OPEN", "RESOLVED", false},
		{"OPEN", "CLOSED", false},
		{"RESPONDED", "RESOLVED", false},
	} {
		if got := Table.MovedPast(c.cur, c.to); got != c.want {
			t.Errorf("problem %s, asked %s: moved past = %v, want %v", c.cur, c.to, got, c.want)
		}
	}
}

func TestServiceOf(t *testing.T) {
	reported := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	at := func(h int) *time.Time { x := reported.Add(time.Duration(h) * time.Hour); return &x }
	for _, c := range []struct {
		name          string
		is            gen.Issue
		now           time.Time
		respond, site bool
	}{
		{"answered in time, visited late", gen.Issue{Severity: issue.SeverityCRITICAL, Status: issue.StatusON_SITE, RespondedAt: at(3), OnsiteAt: at(30)}, *at(40), false, true},
		{"open past the response deadline", gen.Issue{Severity: issue.SeverityCRITICAL, Status: issue.StatusOPEN}, *at(5), true, false},
		{"solved without a visit", gen.Issue{Severity: issue.SeverityLOW, Status: issue.StatusRESOLVED, RespondedAt: at(10)}, *at(24 * 30), false, false},
		{"still waiting for a visit", gen.Issue{Severity: issue.SeverityHIGH, Status: issue.StatusRESPONDED, RespondedAt: at(1)}, *at(49), false, true},
	} {
		c.is.ReportedAt = reported
		s := ServiceOf(&c.is, c.now)
		if s.RespondedLate != c.respond || s.OnSiteLate != c.site || s.Breached != (c.respond || c.site) {
			t.Errorf("%s: %+v", c.name, s)
		}
	}
}

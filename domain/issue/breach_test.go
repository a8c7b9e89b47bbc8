package issue_test

import (
	"testing"
	"time"

	"tandem/domain/domaintest"
	problems "tandem/domain/issue"
	gen "tandem/ent"
	"tandem/ent/issue"
	"tandem/ent/issueevent"
)

func TestBreaches(t *testing.T) {
	reported := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	at := func(h int) *time.Time { x := reported.Add(time.Duration(h) * time.Hour); return &x }
	for _, c := range []struct {
		name string
		is   gen.Issue
		now  time.Time
		want []issueevent.Deadline
	}{
		{"critical, unanswered at 5 h", gen.Issue{Severity: issue.SeverityCRITICAL, Status: issue.StatusOPEN}, *at(5), []issueevent.Deadline{issueevent.DeadlineRESPOND}},
		{"critical, unanswered at 3 h", gen.Issue{Severity: issue.SeverityCRITICAL, Status: issue.StatusOPEN}, *at(3), nil},
		{"critical, nobody on site at 25 h", gen.Issue{Severity: issue.SeverityCRITICAL, Status: issue.StatusRESPONDED, RespondedAt: at(1)}, *at(25), []issueevent.Deadline{issueevent.DeadlineON_SITE}},
		{"answered late, visited in time", gen.Issue{Severity: issue.SeverityHIGH, Status: issue.StatusON_SITE, RespondedAt: at(9), OnsiteAt: at(20)}, *at(30), []issueevent.Deadline{issueevent.DeadlineRESPOND}},
		{"low, solved without a visit", gen.Issue{Severity: issue.SeverityLOW, Status: issue.StatusRESOLVED, RespondedAt: at(10)}, *at(24 * 30), nil},
	} {
		c.is.ReportedAt = reported
		var got []issueevent.Deadline
		for _, b := range problems.Breaches(&c.is, c.now) {
			got = append(got, b.Deadline)
		}
		if len(got) != len(c.want) || (len(got) > 0 && got[0] != c.want[0]) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// A breach is recorded once, and kept whatever is edited afterwards.
func TestRecordBreachesOnce(t *testing.T) {
	c, ctx := domaintest.Open(t)
	cu := c.Customer.Create().SetName("宁波华塑新材料有限公司").SaveX(ctx)
	now := time.Now().UTC()
	is := c.Issue.Create().SetCustomerID(cu.ID).SetTitle("黄变").SetCategory(issue.CategoryQUALITY_FLUCTUATION).
		SetSeverity(issue.SeverityCRITICAL).SetReportedAt(now.Add(-30 * time.Hour)).SaveX(ctx)
	for i, want := range []int{2, 0} {
		if n, err := problems.RecordBreaches(ctx, c, is, now); err != nil || n != want {
			t.Fatalf("round %d: recorded %d (%v), want %d", i, n, err, want)
		}
	}
	if n, err := problems.Sweep(ctx, c, now); err != nil || n != 0 {
		t.Fatalf("sweep after a read recorded %d (%v)", n, err)
	}
	is = c.Issue.UpdateOneID(is.ID).SetSeverity(issue.SeverityLOW).SaveX(ctx)
	s, err := problems.ServiceRecorded(ctx, c, is, now)
	if err != nil || !s.Breached || !s.RespondedLate || !s.OnSiteLate {
		t.Fatalf("after lowering the severity: %+v (%v)", s, err)
	}
	if n := c.Issue.Query().Where(problems.Escalated()).CountX(ctx); n != 1 {
		t.Errorf("escalated: %d", n)
	}
}

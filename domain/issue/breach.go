package issue

import (
	"context"
	"time"

	"entgo.io/ent/dialect/sql"

	"tandem/domain/access"
	"tandem/domain/history"
	gen "tandem/ent"
	"tandem/ent/issue"
	"tandem/ent/issueevent"
	"tandem/ent/predicate"
	"tandem/ent/schema/pulid"
)

// A missed service level is recorded the moment it is noticed — by the server's
// sweeper (Sweep), or when the problem is read or moved past a deadline — as an
// append-only IssueEvent of kind SLA_BREACHED, once per problem and deadline (a
// unique index). No later edit (of when it was reported, of its severity) removes
// it, and Issue.sla reads it; an unresolved problem with a recorded breach goes up
// to the managers' Today (ISSUE_ESCALATED).

// Breach is one missed deadline of a problem.
type Breach struct {
	Deadline issueevent.Deadline
	Due      time.Time
}

// Breaches lists the deadlines the problem has missed at now (the rule of ServiceOf).
func Breaches(is *gen.Issue, now time.Time) []Breach {
	s := ServiceOf(is, now)
	var out []Breach
	if s.RespondedLate {
		out = append(out, Breach{issueevent.DeadlineRESPOND, s.RespondBy})
	}
	if s.OnSiteLate {
		out = append(out, Breach{issueevent.DeadlineON_SITE, s.OnSiteBy})
	}
	return out
}

// RecordBreaches records the deadlines the problem has missed at now and not yet
// recorded; it reports how many it recorded. History being imported records nothing
// (a breach is noticed when it happens).
func RecordBreaches(ctx context.Context, c *gen.Client, is *gen.Issue, now time.Time) (int, error) {
	if history.Is(ctx) || len(Breaches(is, now)) == 0 {
		return 0, nil
	}
	sys := access.System(ctx, "recording a missed service level: a fact, whoever looks")
	recorded, err := recordedDeadlines(sys, c, is.ID)
	if err != nil {
		return 0, err
	}
	return recordMissed(sys, c, is, now, recorded)
}

// recordMissed records the breaches at now that recorded does not hold yet, and adds
// them to it.
func recordMissed(sys context.Context, c *gen.Client, is *gen.Issue, now time.Time, recorded map[issueevent.Deadline]bool) (int, error) {
	n := 0
	for _, b := range Breaches(is, now) {
		if recorded[b.Deadline] {
			continue
		}
		// The sweeper and a reader may notice the same breach at once: the unique
		// index keeps one, the other inserts nothing.
		err := c.IssueEvent.Create().SetIssueID(is.ID).SetCustomerID(is.CustomerID).
			SetKind(issueevent.KindSLA_BREACHED).SetDeadline(b.Deadline).
			SetSeverity(issueevent.Severity(is.Severity)).SetDueAt(b.Due.UTC()).SetAt(now.UTC()).
			OnConflict(sql.ConflictColumns(issueevent.FieldIssueID, issueevent.FieldKind, issueevent.FieldDeadline)).
			DoNothing().Exec(sys)
		if err != nil {
			return n, err
		}
		recorded[b.Deadline] = true
		n++
	}
	return n, nil
}

// recordedDeadlines are the deadlines of the problem whose breach is recorded.
func recordedDeadlines(ctx context.Context, c *gen.Client, id pulid.ID) (map[issueevent.Deadline]bool, error) {
	evs, err := c.IssueEvent.Query().Where(issueevent.IssueID(id), issueevent.KindEQ(issueevent.KindSLA_BREACHED)).All(ctx)
	if err != nil {
		return nil, err
	}
	out := map[issueevent.Deadline]bool{}
	for _, ev := range evs {
		out[ev.Deadline] = true
	}
	return out, nil
}

// ServiceRecorded is the problem's service level at now, with the breaches noticed
// now recorded and those recorded before kept: a deadline once missed stays missed,
// whatever was edited since.
func ServiceRecorded(ctx context.Context, c *gen.Client, is *gen.Issue, now time.Time) (*Service, error) {
	// One read of the recorded breaches serves both: what to record, and what was.
	sys := access.System(ctx, "a problem's recorded breaches belong to its service level")
	recorded, err := recordedDeadlines(sys, c, is.ID)
	if err != nil {
		return nil, err
	}
	if !history.Is(ctx) {
		if _, err := recordMissed(sys, c, is, now, recorded); err != nil {
			return nil, err
		}
	}
	s := ServiceOf(is, now)
	s.RespondedLate = s.RespondedLate || recorded[issueevent.DeadlineRESPOND]
	s.OnSiteLate = s.OnSiteLate || recorded[issueevent.DeadlineON_SITE]
	s.Breached = s.RespondedLate || s.OnSiteLate
	return s, nil
}

// Late selects the problems past a deadline at now that is still not met (the rule
// of ServiceOf for steps not done: a response while OPEN, going on site while OPEN or
// RESPONDED).
func Late(now time.Time) predicate.Issue {
	var late []predicate.Issue
	for s, sla := range SLAs {
		late = append(late,
			issue.And(issue.SeverityEQ(s), issue.RespondedAtIsNil(), issue.StatusEQ(issue.StatusOPEN), issue.ReportedAtLT(now.Add(-sla.Respond))),
			issue.And(issue.SeverityEQ(s), issue.OnsiteAtIsNil(), issue.StatusIn(issue.StatusOPEN, issue.StatusRESPONDED), issue.ReportedAtLT(now.Add(-sla.OnSite))),
		)
	}
	return issue.Or(late...)
}

// Sweep records every breach of a problem still open past a deadline: the server
// runs it at start and on a ticker, so a breach is recorded when it happens, whether
// anyone looks or not. It reports how many breaches it recorded.
func Sweep(ctx context.Context, c *gen.Client, now time.Time) (int, error) {
	sys := access.System(ctx, "the service-level sweeper records missed deadlines of every problem")
	now = now.UTC()
	late, err := c.Issue.Query().Where(Late(now)).All(sys)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, is := range late {
		k, err := RecordBreaches(sys, c, is, now)
		if err != nil {
			return n, err
		}
		n += k
	}
	return n, nil
}

// Escalated selects the problems with a recorded breach that are not resolved yet.
func Escalated() predicate.Issue {
	return issue.And(issue.StatusNotIn(issue.StatusRESOLVED, issue.StatusCLOSED),
		issue.HasEventsWith(issueevent.KindEQ(issueevent.KindSLA_BREACHED)))
}

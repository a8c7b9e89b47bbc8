// Package issue is a problem in serving a customer (问题) from report to closing: its
// state table, the service level of each severity (及时到现场), and the guards of each
// move (a root cause before it is called found, a resolution before it is resolved).
// A problem's status changes only through Move.
package issue

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"time"

	"entgo.io/ent"

	"tandem/domain/access"
	"tandem/domain/history"
	"tandem/domain/move"
	gen "tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/hook"
	"tandem/ent/issue"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
)

// Statuses are the problem statuses, from report to closing.
var Statuses = []issue.Status{issue.StatusOPEN, issue.StatusRESPONDED, issue.StatusON_SITE, issue.StatusROOT_CAUSE_FOUND,
	issue.StatusDISPOSITION, issue.StatusRESOLVED, issue.StatusCLOSED}

var next = map[issue.Status][]issue.Status{
	issue.StatusOPEN:             {issue.StatusRESPONDED},
	issue.StatusRESPONDED:        {issue.StatusON_SITE, issue.StatusROOT_CAUSE_FOUND},
	issue.StatusON_SITE:          {issue.StatusROOT_CAUSE_FOUND},
	issue.StatusROOT_CAUSE_FOUND: {issue.StatusDISPOSITION, issue.StatusRESOLVED},
	issue.StatusDISPOSITION:      {issue.StatusRESOLVED},
	issue.StatusRESOLVED:         {issue.StatusCLOSED, issue.StatusROOT_CAUSE_FOUND},
	issue.StatusCLOSED:           {},
}

// Next lists the statuses a problem may move to (on site and disposition may be
// skipped; a resolved problem may go back to its root cause).
func Next(from issue.Status) []issue.Status { return slices.Clone(next[from]) }

// Table is the state table as the move package reads it.
var Table = move.Table{States: names(Statuses), Next: func(from string) []string { return names(Next(issue.Status(from))) }}

func names(ss []issue.Status) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = string(s)
	}
	return out
}

// SLA is how fast a problem must be answered and visited.
type SLA struct{ Respond, OnSite time.Duration }

// SLAs: the more severe, the sooner someone answers and goes on site.
var SLAs = map[issue.Severity]SLA{
	issue.SeverityCRITICAL: {Respond: 4 * time.Hour, OnSite: 24 * time.Hour},
	issue.SeverityHIGH:     {Respond: 8 * time.Hour, OnSite: 48 * time.Hour},
	issue.SeverityMEDIUM:   {Respond: 24 * time.Hour, OnSite: 72 * time.Hour},
	issue.SeverityLOW:      {Respond: 72 * time.Hour, OnSite: 7 * 24 * time.Hour},
}

// ShortestDeadline is the shortest deadline of any severity and step: a problem
// reported at t falls due no earlier than t plus it.
func ShortestDeadline() time.Duration {
	d := time.Duration(0)
	for _, sla := range SLAs {
		for _, x := range []time.Duration{sla.Respond, sla.OnSite} {
			if d == 0 || x < d {
				d = x
			}
		}
	}
	return d
}

// Service compares a problem's handling with the service level of its severity (the
// GraphQL IssueSLA): a step is late when it was done after its deadline, or is still
// not done past it. Going on site is late only while it is still ahead (a problem
// solved without a visit is not late).
type Service struct {
	RespondBy, OnSiteBy       time.Time
	RespondedLate, OnSiteLate bool
	Breached                  bool
}

// ServiceOf is the problem's service level at now.
func ServiceOf(is *gen.Issue, now time.Time) *Service {
	sla := SLAs[is.Severity]
	out := &Service{RespondBy: is.ReportedAt.Add(sla.Respond), OnSiteBy: is.ReportedAt.Add(sla.OnSite)}
	switch {
	case is.RespondedAt != nil:
		out.RespondedLate = is.RespondedAt.After(out.RespondBy)
	case is.Status == issue.StatusOPEN:
		out.RespondedLate = now.After(out.RespondBy)
	}
	switch {
	case is.OnsiteAt != nil:
		out.OnSiteLate = is.OnsiteAt.After(out.OnSiteBy)
	case is.Status == issue.StatusOPEN || is.Status == issue.StatusRESPONDED:
		out.OnSiteLate = now.After(out.OnSiteBy)
	}
	out.Breached = out.RespondedLate || out.OnSiteLate
	return out
}

const kind = "issue"

// Move moves a problem to its next status: the only way its status changes. Asking
// for the status it already has is a CONFLICT — someone made the move first.
func Move(ctx context.Context, c *gen.Client, id pulid.ID, to issue.Status, version *int) (*gen.Issue, error) {
	is, err := c.Issue.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	from := is.Status
	if !slices.Contains(Next(from), to) {
		return nil, move.Refused("the problem", string(from), string(to), Table.Next(string(from)), Table.MovedPast(string(from), string(to)))
	}
	now := time.Now().UTC()
	u := c.Issue.UpdateOneID(id).Where(issue.StatusEQ(from)).SetStatus(to)
	switch to {
	case issue.StatusRESPONDED:
		u.SetRespondedAt(now)
	case issue.StatusON_SITE:
		u.SetOnsiteAt(now)
	case issue.StatusROOT_CAUSE_FOUND:
		if is.RootCause == issue.RootCauseUNDETERMINED {
			return nil, errcode.New(errcode.BadUserInput, "name the root cause (our product, customer unfamiliar, process mismatch, deliberate)").With("field", "rootCause")
		}
	case issue.StatusRESOLVED:
		if strings.TrimSpace(is.Resolution) == "" {
			return nil, errcode.New(errcode.BadUserInput, "describe the resolution").With("field", "resolution")
		}
		u.SetResolvedAt(now)
	case issue.StatusCLOSED:
		if is.RootCause == issue.RootCauseUNDETERMINED || strings.TrimSpace(is.Resolution) == "" {
			return nil, errcode.New(errcode.BadUserInput, "a problem is closed only with a root cause and a resolution").With("field", "rootCause")
		}
		u.SetClosedAt(now)
	}
	if version != nil {
		u.SetVersion(*version)
	}
	// A deadline missed before the move (going on site, when the move skips it) is
	// recorded before the move hides it; one missed by the move itself (a late
	// response) after.
	if _, err := RecordBreaches(ctx, c, is, now); err != nil {
		return nil, err
	}
	saved, err := u.Save(move.Mark(ctx, kind, id))
	if err != nil {
		return nil, move.Meanwhile(ctx, err, string(from), func(ctx context.Context) (string, error) {
			is, err := c.Issue.Query().Where(issue.ID(id)).Select(issue.FieldStatus).Only(ctx)
			if err != nil {
				return "", err
			}
			return string(is.Status), nil
		}, func(cur string) error { return move.MovedOn("the problem", cur, Table.Next(cur)) })
	}
	if _, err := RecordBreaches(ctx, c, saved, now); err != nil {
		return nil, err
	}
	return saved, nil
}

// Update applies an edit of a problem; a status in it is a Move, made after the
// other fields (a root cause and a resolution sent with CLOSED count for the move).
func Update(ctx context.Context, c *gen.Client, id pulid.ID, in gen.UpdateIssueInput) (*gen.Issue, error) {
	to, version := in.Status, in.Version
	in.Status = nil
	if to == nil {
		return c.Issue.UpdateOneID(id).SetInput(in).Save(ctx)
	}
	if in.Version = nil; !reflect.ValueOf(in).IsZero() {
		in.Version = version
		if _, err := c.Issue.UpdateOneID(id).SetInput(in).Save(ctx); err != nil {
			return nil, err
		}
		version = nil // checked by the edit
	}
	return Move(ctx, c, id, *to, version)
}

// ClockSkew is how far ahead of the server's clock a client's report time may be.
const ClockSkew = 5 * time.Minute

// Reported records who reported a new problem; it starts OPEN (history being imported,
// and the server's own records, keep the status they had). When it was reported is a
// fact: never later than now (a time in the future would push the service level's
// deadlines out); an earlier time (a report written offline) is kept, as it only
// brings the deadlines closer.
func Reported(next ent.Mutator) ent.Mutator {
	return hook.IssueFunc(func(ctx context.Context, m *gen.IssueMutation) (gen.Value, error) {
		if v := viewer.FromContext(ctx); v != nil && v.UserID != "" {
			m.SetReportedByID(v.UserID)
		}
		if to, set := m.Status(); set && to != issue.StatusOPEN && !history.Is(ctx) && !access.IsSystem(ctx) {
			return nil, move.NotByWorkflow("a problem", "status", "its moves")
		}
		if err := ReportedAt(ctx, m, time.Now()); err != nil {
			return nil, err
		}
		return next.Mutate(ctx, m)
	})
}

// ReportedAt checks the report time of a new problem against now.
func ReportedAt(ctx context.Context, m *gen.IssueMutation, now time.Time) error {
	at, set := m.ReportedAt()
	if !set || history.Is(ctx) {
		return nil
	}
	if at.After(now.Add(ClockSkew)) {
		return errcode.New(errcode.BadUserInput, "reportedAt: a problem cannot be reported in the future (%s)", at.UTC().Format(time.RFC3339)).
			With("field", "reportedAt")
	}
	return nil
}

// Guard refuses a change of a problem's status made by anything but Move, and any
// change of when it was reported (a fact fixed at creation: moving it would erase a
// missed service level).
func Guard(next ent.Mutator) ent.Mutator {
	return hook.IssueFunc(func(ctx context.Context, m *gen.IssueMutation) (gen.Value, error) {
		if history.Is(ctx) {
			return next.Mutate(ctx, m)
		}
		if _, set := m.ReportedAt(); set {
			return nil, errcode.New(errcode.BadUserInput, "reportedAt is when the problem was reported, fixed at creation; it is not edited").
				With("field", "reportedAt")
		}
		if to, set := m.Status(); set {
			if id, _ := m.ID(); !move.Marked(ctx, kind, id) {
				if from, err := m.OldStatus(ctx); err != nil || from != to {
					return nil, move.NotByWorkflow("a problem", "status", "its moves")
				}
			}
		}
		return next.Mutate(ctx, m)
	})
}

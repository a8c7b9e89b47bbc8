package graph

import (
	"context"
	"time"

	"tandem/ent"
	"tandem/ent/issue"
	"tandem/ent/lifecycle"
	"tandem/graph/model"
)

// issueFacts makes sure the fields the SLA needs are loaded (field collection loads
// only what the client asked for).
func issueFacts(ctx context.Context, c *ent.Client, obj *ent.Issue) (*ent.Issue, error) {
	if obj.Status != "" && !obj.ReportedAt.IsZero() && obj.Severity != "" {
		return obj, nil
	}
	return c.Issue.Query().Where(issue.ID(obj.ID)).
		Select(issue.FieldStatus, issue.FieldSeverity, issue.FieldReportedAt, issue.FieldRespondedAt, issue.FieldOnsiteAt).Only(ctx)
}

// issueSLA compares a problem's handling with the service level for its severity:
// a step is late when it was done after its deadline, or is still not done past it.
// Going on site is late only while it is still ahead (a problem solved without a
// visit is not late).
func issueSLA(is *ent.Issue, now time.Time) *model.IssueSLA {
	sla := lifecycle.IssueSLA[string(is.Severity)]
	out := &model.IssueSLA{RespondBy: is.ReportedAt.Add(sla.Respond), OnSiteBy: is.ReportedAt.Add(sla.OnSite)}
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

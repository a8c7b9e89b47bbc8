package graph

import (
	"context"

	"tandem/ent"
	"tandem/ent/issue"
	"tandem/ent/schema/pulid"
)

// issueFacts makes sure the fields the SLA needs are loaded (field collection loads
// only what the client asked for).
func issueFacts(ctx context.Context, c *ent.Client, obj *ent.Issue) (*ent.Issue, error) {
	if obj.Status != "" && !obj.ReportedAt.IsZero() && obj.Severity != "" && obj.CustomerID != "" {
		return obj, nil
	}
	return c.Issue.Query().Where(issue.ID(obj.ID)).
		Select(issue.FieldCustomerID, issue.FieldStatus, issue.FieldSeverity, issue.FieldReportedAt, issue.FieldRespondedAt, issue.FieldOnsiteAt).Only(ctx)
}

// pulidIDs turns the IDs of a where filter into the type of the field they filter.
func pulidIDs(data []string) []pulid.ID {
	out := make([]pulid.ID, len(data))
	for i, d := range data {
		out[i] = pulid.ID(d)
	}
	return out
}

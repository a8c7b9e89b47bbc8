package graph

import (
	"context"
	"time"

	"tandem/ent"
	"tandem/ent/project"
	"tandem/ent/projectmilestone"
	"tandem/ent/quotation"
	"tandem/ent/schema/pulid"
	"tandem/graph/model"
)

// timelineCommercial adds the account's quotations as sent, its projects as begun and
// their milestones as done: three queries, each its newest `limit` after the cursor.
func timelineCommercial(ctx context.Context, c *ent.Client, customerID pulid.ID, cur *tlCursor, limit int,
	add func(model.TimelineKind, time.Time, pulid.ID, ent.Noder)) error {
	qs, err := c.Quotation.Query().
		Where(quotation.CustomerID(customerID), quotation.SentAtNotNil(), tlAfter(cur, quotation.FieldSentAt)).
		Order(tlNewest(quotation.FieldSentAt)).Limit(limit).All(ctx)
	if err != nil {
		return err
	}
	for _, x := range qs {
		add(model.TimelineKindQuotation, *x.SentAt, x.ID, x)
	}
	ps, err := c.Project.Query().
		Where(project.CustomerID(customerID), tlAfter(cur, project.FieldCreatedAt)).
		Order(tlNewest(project.FieldCreatedAt)).Limit(limit).All(ctx)
	if err != nil {
		return err
	}
	for _, x := range ps {
		add(model.TimelineKindProject, x.CreatedAt, x.ID, x)
	}
	ms, err := c.ProjectMilestone.Query().
		Where(projectmilestone.CustomerID(customerID), projectmilestone.DoneAtNotNil(), tlAfter(cur, projectmilestone.FieldDoneAt)).
		Order(tlNewest(projectmilestone.FieldDoneAt)).Limit(limit).All(ctx)
	if err != nil {
		return err
	}
	for _, x := range ms {
		add(model.TimelineKindProjectMilestone, *x.DoneAt, x.ID, x)
	}
	return nil
}

// commercialTitle says a quotation, project or milestone entry in the viewer's language.
func commercialTitle(lang string, node ent.Noder, join func(label, detail string) string) string {
	switch n := node.(type) {
	case *ent.Quotation:
		return join(say(lang, "报价 ", "Quotation ")+n.Number, enumLabel(lang, "QuotationStatus", n.Status))
	case *ent.Project:
		return join(say(lang, "合作项目 ", "Project ")+enumLabel(lang, "ProjectKind", n.Kind),
			n.Title+say(lang, "（"+enumLabel(lang, "ProjectStatus", n.Status)+"）", " ("+enumLabel(lang, "ProjectStatus", n.Status)+")"))
	case *ent.ProjectMilestone:
		return join(say(lang, "项目里程碑完成", "Project milestone done"), n.Title)
	}
	return ""
}

package graph

import (
	"context"
	"math"
	"sort"
	"strings"
	"time"

	"entgo.io/ent/dialect/sql"

	"tandem/domain/account"
	"tandem/ent"
	"tandem/ent/competitor"
	"tandem/ent/customer"
	"tandem/ent/errcode"
	"tandem/ent/interaction"
	"tandem/ent/issue"
	"tandem/ent/keyperson"
	"tandem/ent/need"
	"tandem/ent/order"
	"tandem/ent/pitch"
	"tandem/ent/sample"
	"tandem/ent/schema/pulid"
	"tandem/ent/servicedocument"
	"tandem/ent/stagechange"
	"tandem/ent/task"
	"tandem/ent/user"
	"tandem/ent/viewer"
	"tandem/graph/model"
	"tandem/server/dbplan"
)

// ReportInteractions is how many recent interactions the customer report shows.
const ReportInteractions = 3

// internalOnly refuses what only our own people may read (reports, the timeline, the
// relationship map): they carry internal assessments a partner must never see.
func internalOnly(ctx context.Context) error {
	if v := viewer.FromContext(ctx); v == nil || !v.Internal() {
		return errcode.New(errcode.Forbidden, "you are not allowed to do this")
	}
	return nil
}

// customerReport assembles the seed's 客户报告 for one account: one query per part.
func customerReport(ctx context.Context, r *Resolver, id pulid.ID, now time.Time) (*model.CustomerReport, error) {
	if err := internalOnly(ctx); err != nil {
		return nil, err
	}
	now = now.UTC()
	ctx = dbplan.ByKey(ctx) // every read below is of this account's rows, by its ID
	c := r.db(ctx)
	cu, err := c.Customer.Get(ctx, id)
	if err != nil {
		return nil, err // NOT_FOUND when the viewer may not see the account
	}
	rep := &model.CustomerReport{Customer: cu, GeneratedAt: now, Promises: []string{}, DecliningIndustry: account.Declining(cu)}
	if rep.UnknownDepartments, err = account.UnknownDepartments(ctx, c, cu); err != nil {
		return nil, err
	}
	if rep.Classification, err = (&customerResolver{r}).Classification(ctx, cu); err != nil {
		return nil, err
	}
	if rep.KeyPersons, err = c.KeyPerson.Query().
		Where(keyperson.CustomerID(id), keyperson.ActiveToIsNil()).
		WithContact().
		Order(keyperson.ByActiveFrom(), keyperson.ByID()).All(ctx); err != nil {
		return nil, err
	}
	if rep.OpenNeeds, err = c.Need.Query().
		Where(need.CustomerID(id), need.StatusIn(need.StatusIDENTIFIED, need.StatusADDRESSED)).
		Order(need.ByCreatedAt(), need.ByID()).All(ctx); err != nil {
		return nil, err
	}
	if rep.Competitors, err = c.Competitor.Query().
		Where(competitor.CustomerID(id)).
		Order(competitor.ByCreatedAt(), competitor.ByID()).All(ctx); err != nil {
		return nil, err
	}
	p, err := c.Pitch.Query().Where(pitch.CustomerID(id), pitch.Active(true)).
		Order(pitch.ByCreatedAt(descending), pitch.ByID(descending)).First(ctx)
	switch {
	case ent.IsNotFound(err):
	case err != nil:
		return nil, err
	default:
		rep.Pitch = p
	}
	// Every sample of the account: those in flight are shown, all count for progress.
	samples, err := c.Sample.Query().Where(sample.CustomerID(id)).
		WithProduct().
		Order(sample.ByRequestedAt(descending), sample.ByID(descending)).All(ctx)
	if err != nil {
		return nil, err
	}
	rep.SamplesInFlight = []*ent.Sample{}
	for _, s := range samples {
		if !sampleClosed(s.Status) {
			rep.SamplesInFlight = append(rep.SamplesInFlight, s)
		}
	}
	if rep.OrdersInFlight, err = c.Order.Query().
		Where(order.CustomerID(id), order.StatusNotIn(order.StatusCLOSED, order.StatusCANCELLED)).
		Order(order.ByOrderedAt(descending), order.ByID(descending)).All(ctx); err != nil {
		return nil, err
	}
	if rep.YearToDate, err = reportYear(ctx, c, id, now); err != nil {
		return nil, err
	}
	if rep.NextContact, err = nextContact(ctx, c, id, now); err != nil {
		return nil, err
	}
	if rep.OpenIssues, err = c.Issue.Query().
		Where(issue.CustomerID(id), issue.StatusNotIn(issue.StatusRESOLVED, issue.StatusCLOSED)).
		Order(issue.ByReportedAt(descending), issue.ByID(descending)).All(ctx); err != nil {
		return nil, err
	}
	if rep.ServiceLevel, err = c.ServiceDocument.Query().
		Where(servicedocument.CustomerID(id), servicedocument.UntilIsNil()).
		Order(servicedocument.BySince(), servicedocument.ByID()).All(ctx); err != nil {
		return nil, err
	}
	if rep.LastInteractions, err = c.Interaction.Query().
		Where(interaction.CustomerID(id), interaction.OccurredAtLTE(now), interaction.LoggedAtNotNil()).
		WithAuthor(). // the account screen names each contact's author: one read, not one each
		Order(interaction.ByOccurredAt(descending), interaction.ByID(descending)).
		Limit(ReportInteractions).All(ctx); err != nil {
		return nil, err
	}
	for _, in := range rep.LastInteractions {
		if p := strings.TrimSpace(in.Promises); p != "" {
			rep.Promises = append(rep.Promises, p)
		}
	}
	tasks, err := c.Task.Query().Where(task.CustomerID(id), task.StatusEQ(task.StatusOPEN)).All(ctx)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(tasks, func(i, j int) bool {
		a, b := tasks[i].DueAt, tasks[j].DueAt
		switch {
		case a != nil && b != nil && !a.Equal(*b):
			return a.Before(*b)
		case (a == nil) != (b == nil):
			return a != nil
		}
		return tasks[i].ID < tasks[j].ID
	})
	rep.OpenTasks = tasks
	changes, err := c.StageChange.Query().Where(stagechange.CustomerID(id)).
		Order(stagechange.ByChangedAt(), stagechange.ByID()).All(ctx)
	if err != nil {
		return nil, err
	}
	rep.StageTimeline = stageSpans(changes, now)
	if rep.RepProgress, err = repProgress(ctx, c, id, samples, now); err != nil {
		return nil, err
	}
	return rep, nil
}

// descending orders a field newest (or largest) first.
var descending = sql.OrderDesc()

func sampleClosed(s sample.Status) bool {
	switch s {
	case sample.StatusCONVERTED, sample.StatusFAILED, sample.StatusABANDONED:
		return true
	}
	return false
}

// stageSpans turns stage changes (oldest first) into the stages the account went
// through: entered at a change, left at the next one.
func stageSpans(changes []*ent.StageChange, now time.Time) []*model.StageSpan {
	spans := make([]*model.StageSpan, 0, len(changes))
	for i, ch := range changes {
		span := &model.StageSpan{Stage: customer.Stage(ch.ToStage), EnteredAt: ch.ChangedAt}
		end := now
		if i+1 < len(changes) {
			left := changes[i+1].ChangedAt
			span.LeftAt = &left
			end = left
		}
		span.Days = math.Max(0, math.Round(end.Sub(ch.ChangedAt).Hours()/24*100)/100)
		spans = append(spans, span)
	}
	return spans
}

// repProgress is each author's work on the account: interactions and visits that
// happened, samples they requested and how many of the closed ones converted.
func repProgress(ctx context.Context, c *ent.Client, id pulid.ID, samples []*ent.Sample, now time.Time) ([]*model.RepProgress, error) {
	rows, err := c.Interaction.Query().
		Where(interaction.CustomerID(id), interaction.OccurredAtLTE(now), interaction.AuthorIDNotNil(), interaction.AuthorIDNEQ("")).
		Select(interaction.FieldAuthorID, interaction.FieldKind, interaction.FieldOccurredAt).All(ctx)
	if err != nil {
		return nil, err
	}
	byUser := map[pulid.ID]*model.RepProgress{}
	var ids []pulid.ID
	for _, in := range rows {
		p := byUser[in.AuthorID]
		if p == nil {
			p = &model.RepProgress{}
			byUser[in.AuthorID] = p
			ids = append(ids, in.AuthorID)
		}
		p.Interactions++
		if in.Kind == interaction.KindVISIT {
			p.Visits++
		}
		at := in.OccurredAt
		if p.FirstContactAt == nil || at.Before(*p.FirstContactAt) {
			p.FirstContactAt = &at
		}
		if p.LastContactAt == nil || at.After(*p.LastContactAt) {
			p.LastContactAt = &at
		}
	}
	if len(ids) == 0 {
		return []*model.RepProgress{}, nil
	}
	closed := map[pulid.ID]int{}
	for _, s := range samples {
		p := byUser[s.RequestedByID]
		if p == nil {
			continue
		}
		p.Samples++
		if s.Status == sample.StatusCONVERTED {
			p.SamplesConverted++
		}
		if sampleClosed(s.Status) {
			closed[s.RequestedByID]++
		}
	}
	users, err := c.User.Query().Where(user.IDIn(ids...)).All(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]*model.RepProgress, 0, len(users))
	for _, u := range users {
		p := byUser[u.ID]
		p.User = u
		if n := closed[u.ID]; n > 0 {
			rate := float64(p.SamplesConverted) / float64(n)
			p.ConversionRate = &rate
		}
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Interactions != b.Interactions {
			return a.Interactions > b.Interactions
		}
		if !a.LastContactAt.Equal(*b.LastContactAt) {
			return a.LastContactAt.After(*b.LastContactAt)
		}
		return a.User.ID < b.User.ID
	})
	return out, nil
}

package graph

import (
	"context"
	"sort"
	"time"

	"tandem/domain/access"
	"tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/schema/pulid"
	"tandem/ent/user"
	"tandem/ent/viewer"
	"tandem/graph/model"
)

// todaySubject is whose Today a request asks for: the viewer's own, or (userID) a
// person a manager leads — anyone in their team — or, for an admin, anyone with a list.
func todaySubject(ctx context.Context, c *ent.Client, userID *pulid.ID) (*viewer.Viewer, error) {
	v := viewer.FromContext(ctx)
	if userID == nil || v == nil || *userID == v.UserID {
		return v, nil
	}
	if !access.Manages(v) {
		return nil, errcode.New(errcode.Forbidden, "only a manager opens another person's Today")
	}
	u, err := c.User.Query().Where(user.ID(*userID)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, errcode.New(errcode.NotFound, "no such person").With("field", "userID")
	}
	if err != nil {
		return nil, err
	}
	if v.Role != viewer.Admin && (u.TeamID == "" || u.TeamID != v.TeamID) {
		return nil, errcode.New(errcode.Forbidden, "a manager opens the Today of their own team only").With("field", "userID")
	}
	return subjectOf(u), nil
}

func subjectOf(u *ent.User) *viewer.Viewer {
	return &viewer.Viewer{UserID: u.ID, Role: viewer.Role(u.Role), TeamID: u.TeamID, Label: u.Name}
}

// teamAtAGlance counts the Today of each person the viewer leads (a manager's team, an admin's
// every rep and manager), most urgent first: a fixed number of queries per person.
func teamAtAGlance(ctx context.Context, c *ent.Client, now time.Time) ([]*model.TeamMember, error) {
	v := viewer.FromContext(ctx)
	if !access.Manages(v) {
		return nil, errcode.New(errcode.Forbidden, "the team view is for managers")
	}
	q := c.User.Query().Where(user.RoleIn(user.RoleREP, user.RoleMANAGER), user.ActiveEQ(true))
	if v.Role != viewer.Admin {
		q.Where(user.TeamID(v.TeamID))
	}
	people, err := q.Order(user.ByName(), user.ByID()).All(ctx)
	if err != nil {
		return nil, err
	}
	// The viewer's language once, not once per person (viewerLang may read the user).
	ctx = context.WithValue(ctx, langKey{}, viewerLang(ctx, c))
	out := make([]*model.TeamMember, 0, len(people))
	for _, u := range people {
		t, err := today(ctx, c, now, todayPage{first: 0}, subjectOf(u))
		if err != nil {
			return nil, err
		}
		m := &model.TeamMember{User: u, Counts: t.Counts, Total: t.Total, TotalAtLeast: t.TotalAtLeast}
		for _, n := range t.Counts {
			if urgencyOf(n.Kind, nil, now) == model.TodayUrgencyNow {
				m.Urgent += n.Count
				m.UrgentAtLeast = m.UrgentAtLeast || n.AtLeast
			}
			if n.Kind == model.TodayKindTaskOverdue {
				m.OverdueTasks = n.Count
			}
		}
		out = append(out, m)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Urgent != out[j].Urgent {
			return out[i].Urgent > out[j].Urgent
		}
		return out[i].Total > out[j].Total
	})
	return out, nil
}

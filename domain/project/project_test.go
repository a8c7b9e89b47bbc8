package project_test

import (
	"context"
	"testing"
	"time"

	"tandem/domain/domaintest"
	projects "tandem/domain/project"
	"tandem/ent/errcode"
	"tandem/ent/project"
	"tandem/ent/viewer"
)

func TestNext(t *testing.T) {
	for _, c := range []struct {
		from, to project.Status
		ok       bool
	}{
		{project.StatusPROPOSED, project.StatusACTIVE, true},
		{project.StatusPROPOSED, project.StatusSTOPPED, true},
		{project.StatusPROPOSED, project.StatusDONE, false},
		{project.StatusACTIVE, project.StatusDONE, true},
		{project.StatusACTIVE, project.StatusSTOPPED, true},
		{project.StatusDONE, project.StatusACTIVE, false},
		{project.StatusSTOPPED, project.StatusACTIVE, false},
	} {
		if got := projects.Table.May(string(c.from), string(c.to)); got != c.ok {
			t.Errorf("%s → %s: %v", c.from, c.to, got)
		}
	}
}

// The guards under every writer, an admin's included: a project is created PROPOSED,
// its status, dates and outcome move through Move, a milestone is done through
// CompleteMilestone, a member is one person of the project's own account or ours.
func TestGuards(t *testing.T) {
	c, sys := domaintest.Open(t)
	u := c.User.Create().SetEmail("a@x.test").SetName("Admin").SetRole("ADMIN").SetPasswordHash("x").SaveX(sys)
	admin := viewer.NewContext(context.Background(), &viewer.Viewer{UserID: u.ID, Role: viewer.Admin})
	cu := c.Customer.Create().SetName("嘉兴瑞丰塑胶").SaveX(sys)
	other := c.Customer.Create().SetName("佛山彩虹").SaveX(sys)
	otherKP := c.KeyPerson.Create().SetCustomerID(other.ID).
		SetContactID(c.Contact.Create().SetCustomerID(other.ID).SetName("孙工").SaveX(sys).ID).SetDecisionRole("INFLUENCER").SaveX(sys)
	now := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)

	if err := c.Project.Create().SetCustomerID(cu.ID).SetKind(project.KindJOINT_RND).SetTitle("x").SetStatus(project.StatusACTIVE).Exec(admin); !errcode.Is(err, errcode.BadUserInput) {
		t.Errorf("created ACTIVE: %v", err)
	}
	p := c.Project.Create().SetCustomerID(cu.ID).SetKind(project.KindJOINT_RND).SetTitle("低VOC 抗氧剂共同开发").SaveX(admin)
	for name, err := range map[string]error{
		"status":  c.Project.UpdateOneID(p.ID).SetStatus(project.StatusDONE).Exec(admin),
		"started": c.Project.UpdateOneID(p.ID).SetStartedAt(now).Exec(admin),
		"outcome": c.Project.UpdateOneID(p.ID).SetOutcome("done").Exec(admin),
	} {
		if !errcode.Is(err, errcode.BadUserInput) {
			t.Errorf("%s by a generic update: %v", name, err)
		}
	}
	if _, err := projects.Move(admin, c, p.ID, project.StatusDONE, nil, "x", now); !errcode.Is(err, errcode.BadUserInput) {
		t.Errorf("PROPOSED → DONE: %v", err)
	}
	a, err := projects.Move(admin, c, p.ID, project.StatusACTIVE, nil, "", now)
	if err != nil || a.StartedAt == nil {
		t.Fatalf("start: %v %+v", err, a)
	}
	if _, err := projects.Move(admin, c, p.ID, project.StatusDONE, nil, " ", now); !errcode.Is(err, errcode.BadUserInput) {
		t.Errorf("done without an outcome: %v", err)
	}
	if _, err := projects.Move(admin, c, p.ID, project.StatusACTIVE, nil, "", now); !errcode.Is(err, errcode.Conflict) {
		t.Errorf("started twice: %v", err)
	}

	m := c.ProjectMilestone.Create().SetProjectID(p.ID).SetTitle("小试配方定型").SaveX(admin)
	if m.CustomerID != cu.ID {
		t.Errorf("the milestone's account %s", m.CustomerID)
	}
	if err := c.ProjectMilestone.UpdateOneID(m.ID).SetDoneAt(now).Exec(admin); !errcode.Is(err, errcode.BadUserInput) {
		t.Errorf("done by a generic update: %v", err)
	}
	if _, err := projects.CompleteMilestone(admin, c, m.ID, now); err != nil {
		t.Fatal(err)
	}
	if _, err := projects.CompleteMilestone(admin, c, m.ID, now); !errcode.Is(err, errcode.Conflict) {
		t.Errorf("done twice: %v", err)
	}

	for name, err := range map[string]error{
		"nobody":         c.ProjectMember.Create().SetProjectID(p.ID).Exec(admin),
		"both":           c.ProjectMember.Create().SetProjectID(p.ID).SetUserID(u.ID).SetKeyPersonID(otherKP.ID).Exec(admin),
		"another's side": c.ProjectMember.Create().SetProjectID(p.ID).SetKeyPersonID(otherKP.ID).Exec(admin),
	} {
		if !errcode.Is(err, errcode.BadUserInput) {
			t.Errorf("member %s: %v", name, err)
		}
	}
	if err := c.ProjectMember.Create().SetProjectID(p.ID).SetUserID(u.ID).SetRole("项目负责人").Exec(admin); err != nil {
		t.Errorf("our person: %v", err)
	}
}

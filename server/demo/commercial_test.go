package demo_test

import (
	"crypto/sha256"
	"fmt"
	"testing"

	"tandem/domain/quotation"
	"tandem/ent/customer"
	"tandem/ent/project"
	q "tandem/ent/quotation"
	"tandem/ent/user"
)

// The demo book has quotations in every status (and three projects with members, milestones and files), each with its quantity breaks, and
// one of rep1's agreements ends within the month (on rep1's Today).
func TestSeedCommercial(t *testing.T) {
	c, res, _ := seed(t, now)
	ctx := allow()
	if res.Quotations == 0 || c.Quotation.Query().CountX(ctx) != res.Quotations {
		t.Fatalf("%d quotations (result %d)", c.Quotation.Query().CountX(ctx), res.Quotations)
	}
	for _, st := range []string{"DRAFT", "SENT", "ACCEPTED", "REJECTED", "SUPERSEDED"} {
		if c.Quotation.Query().Where(q.StatusEQ(q.Status(st))).CountX(ctx) == 0 {
			t.Errorf("no %s quotation", st)
		}
	}
	for _, qt := range c.Quotation.Query().WithLines().AllX(ctx) {
		if len(qt.Edges.Lines) != 3 || !qt.ValidUntil.After(qt.ValidFrom) {
			t.Errorf("%s: %d lines, %s..%s", qt.Number, len(qt.Edges.Lines), qt.ValidFrom, qt.ValidUntil)
		}
		if qt.Status == q.StatusSUPERSEDED && !qt.QueryRevisedBy().ExistX(ctx) {
			t.Errorf("%s superseded by nothing", qt.Number)
		}
	}
	if res.Projects != 3 || c.Project.Query().Where(project.HasMembers(), project.HasMilestones()).CountX(ctx) != 3 {
		t.Errorf("%d projects with members and milestones (result %d)", c.Project.Query().CountX(ctx), res.Projects)
	}
	// Each project has its minutes, shared with the customer; the grant application its
	// draft, ours alone; every file's content is there with its SHA-256.
	docs := c.ProjectDocument.Query().AllX(ctx)
	shared := 0
	for _, d := range docs {
		if fmt.Sprintf("%x", sha256.Sum256(res.Files[d.StorageKey])) != d.Sha256 || d.CustomerID == "" {
			t.Errorf("project file %s: no content or no account", d.Title)
		}
		if d.Shared {
			shared++
		}
	}
	if len(docs) != 4 || shared != 3 {
		t.Errorf("%d project files, %d shared; want 4 and 3", len(docs), shared)
	}
	rep1 := c.User.Query().Where(user.Email("rep1@demo.tandem")).OnlyX(ctx)
	soon := c.Quotation.Query().Where(q.StatusEQ(q.StatusACCEPTED), q.HasCustomerWith(customer.OwnerID(rep1.ID)),
		q.ValidUntilLTE(now.AddDate(0, 0, quotation.ExpiryWarningDays)), q.ValidUntilGT(now)).CountX(ctx)
	if soon != 1 {
		t.Errorf("rep1 has %d agreements ending within the month, want 1", soon)
	}
}

// Package project is cooperation with a customer beyond selling (合作关系：研发、资金、
// 合资；共同开发、项目申请): a project moves PROPOSED → ACTIVE → DONE, or is STOPPED,
// only through Move; its milestones are done through CompleteMilestone; its members are
// the customer's key persons and our people.
package project

import (
	"context"
	"strings"
	"time"

	"entgo.io/ent"

	"tandem/domain/access"
	"tandem/domain/history"
	"tandem/domain/move"
	gen "tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/hook"
	"tandem/ent/keyperson"
	"tandem/ent/project"
	"tandem/ent/projectmilestone"
	"tandem/ent/schema/pulid"
)

const (
	kind          = "project"
	milestoneKind = "project-milestone"
)

// Next is the lifecycle.
func Next(from project.Status) []project.Status {
	switch from {
	case project.StatusPROPOSED:
		return []project.Status{project.StatusACTIVE, project.StatusSTOPPED}
	case project.StatusACTIVE:
		return []project.Status{project.StatusDONE, project.StatusSTOPPED}
	}
	return nil
}

// Table is the lifecycle for move's conflict reporting.
var Table = move.Table{
	States: []string{string(project.StatusPROPOSED), string(project.StatusACTIVE), string(project.StatusDONE), string(project.StatusSTOPPED)},
	Next: func(from string) []string {
		var out []string
		for _, s := range Next(project.Status(from)) {
			out = append(out, string(s))
		}
		return out
	},
}

// Move moves a project on: ACTIVE records when it started; DONE and STOPPED when it
// ended and what came of it (required).
func Move(ctx context.Context, c *gen.Client, id pulid.ID, to project.Status, version *int, outcome string, now time.Time) (*gen.Project, error) {
	p, err := c.Project.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := move.Stale("the project", p.Version, version); err != nil {
		return nil, err
	}
	what := "the project " + p.Title
	if !Table.May(string(p.Status), string(to)) {
		return nil, move.Refused(what, string(p.Status), string(to), Table.Next(string(p.Status)), Table.MovedPast(string(p.Status), string(to)))
	}
	outcome = strings.TrimSpace(outcome)
	ending := to == project.StatusDONE || to == project.StatusSTOPPED
	if ending && outcome == "" {
		return nil, errcode.New(errcode.BadUserInput, "outcome: say what came of the project").With("field", "outcome")
	}
	if len([]rune(outcome)) > 500 {
		return nil, errcode.New(errcode.BadUserInput, "outcome: at most 500 characters").With("field", "outcome")
	}
	u := c.Project.UpdateOneID(id).Where(project.StatusEQ(p.Status)).SetVersion(p.Version).SetStatus(to)
	switch {
	case to == project.StatusACTIVE:
		u.SetStartedAt(now.UTC())
	case ending:
		u.SetEndedAt(now.UTC()).SetOutcome(outcome)
	}
	out, err := u.Save(move.Mark(ctx, kind, id))
	if err != nil {
		return nil, move.Meanwhile(ctx, err, string(p.Status), func(ctx context.Context) (string, error) {
			cur, err := c.Project.Get(ctx, id)
			if err != nil {
				return "", err
			}
			return string(cur.Status), nil
		}, func(cur string) error { return move.MovedOn(what, cur, Table.Next(cur)) })
	}
	return out, nil
}

// CompleteMilestone records a milestone done now; done twice is a CONFLICT.
func CompleteMilestone(ctx context.Context, c *gen.Client, id pulid.ID, now time.Time) (*gen.ProjectMilestone, error) {
	m, err := c.ProjectMilestone.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if m.DoneAt != nil {
		return nil, errcode.New(errcode.Conflict, "the milestone %s was done on %s", m.Title, m.DoneAt.UTC().Format(time.DateOnly)).With("field", "id")
	}
	out, err := c.ProjectMilestone.UpdateOneID(id).Where(projectmilestone.DoneAtIsNil()).SetVersion(m.Version).SetDoneAt(now.UTC()).
		Save(move.Mark(ctx, milestoneKind, id))
	if gen.IsNotFound(err) {
		return nil, errcode.New(errcode.Conflict, "the milestone %s was done meanwhile", m.Title).With("field", "id")
	}
	return out, err
}

// Guard keeps a project's status, its start and end, and its outcome to Move: a new
// project is PROPOSED (history being imported keeps what it had).
func Guard(next ent.Mutator) ent.Mutator {
	return hook.ProjectFunc(func(ctx context.Context, m *gen.ProjectMutation) (gen.Value, error) {
		if history.Is(ctx) {
			return next.Mutate(ctx, m)
		}
		id, _ := m.ID()
		if m.Op().Is(ent.OpUpdateOne) && move.Marked(ctx, kind, id) {
			return next.Mutate(ctx, m)
		}
		if _, set := m.CustomerID(); set && !m.Op().Is(ent.OpCreate) {
			// Its members, milestones and files are the account's: merging accounts
			// moves them all together, nothing else does.
			return nil, errcode.New(errcode.BadUserInput, "customerID: a project stays with the account it was made for").With("field", "customerID")
		}
		if to, set := m.Status(); set && !(m.Op().Is(ent.OpCreate) && to == project.StatusPROPOSED) {
			return nil, move.NotByWorkflow("a project", "status", "moveProject")
		}
		for _, f := range []string{project.FieldStartedAt, project.FieldEndedAt, project.FieldOutcome} {
			if _, set := m.Field(f); set || m.FieldCleared(f) {
				return nil, move.NotByWorkflow("a project", f, "moveProject")
			}
		}
		return next.Mutate(ctx, m)
	})
}

// MilestoneGuard keeps a milestone's done date to CompleteMilestone.
func MilestoneGuard(next ent.Mutator) ent.Mutator {
	return hook.ProjectMilestoneFunc(func(ctx context.Context, m *gen.ProjectMilestoneMutation) (gen.Value, error) {
		if history.Is(ctx) {
			return next.Mutate(ctx, m)
		}
		id, _ := m.ID()
		if _, set := m.DoneAt(); (set || m.DoneAtCleared()) && !(m.Op().Is(ent.OpUpdateOne) && move.Marked(ctx, milestoneKind, id)) {
			return nil, move.NotByWorkflow("a milestone", "doneAt", "completeProjectMilestone")
		}
		return next.Mutate(ctx, m)
	})
}

// MemberCheck: a member is one person, the customer's key person (of the project's
// own account) or one of ours.
func MemberCheck(next ent.Mutator) ent.Mutator {
	return hook.ProjectMemberFunc(func(ctx context.Context, m *gen.ProjectMemberMutation) (gen.Value, error) {
		kp, hasKP := m.KeyPersonID()
		_, hasUser := m.UserID()
		cid, _ := m.CustomerID()
		if m.Op().Is(ent.OpUpdateOne) {
			id, _ := m.ID()
			old, err := m.Client().ProjectMember.Get(access.System(ctx, "a project member as it is"), id)
			if err != nil {
				return nil, err
			}
			if cid == "" {
				cid = old.CustomerID
			}
			if !hasKP && !m.KeyPersonIDCleared() && old.KeyPersonID != "" {
				hasKP = true
			}
			if !hasUser && !m.UserIDCleared() && old.UserID != "" {
				hasUser = true
			}
		}
		if hasKP == hasUser {
			return nil, errcode.New(errcode.BadUserInput, "a member is either one of the customer's key persons (keyPersonID) or one of our people (userID)").
				With("field", "keyPersonID")
		}
		if kp != "" {
			n, err := m.Client().KeyPerson.Query().Where(keyperson.ID(kp), keyperson.CustomerID(cid)).
				Count(access.System(ctx, "a project member: the key person's account"))
			if err != nil {
				return nil, err
			}
			if n == 0 {
				return nil, errcode.New(errcode.BadUserInput, "keyPersonID: a key person of the project's own account").With("field", "keyPersonID")
			}
		}
		return next.Mutate(ctx, m)
	})
}

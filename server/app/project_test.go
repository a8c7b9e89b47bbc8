package app_test

import (
	"testing"
)

const (
	pjCreate = `mutation($in: CreateProjectInput!, $cm: String) { createProject(input: $in, clientMutationId: $cm) { id status version } }`
	pjMove   = `mutation($in: MoveProjectInput!) { moveProject(input: $in) { id status startedAt endedAt outcome } }`
	pjMember = `mutation($in: CreateProjectMemberInput!) { createProjectMember(input: $in) { id } }`
	pjStone  = `mutation($in: CreateProjectMilestoneInput!) { createProjectMilestone(input: $in) { id customer: project { customer { id } } } }`
	pjDone   = `mutation($id: ID!) { completeProjectMilestone(id: $id) { id doneAt } }`
)

// A joint project with a customer: made PROPOSED, once per clientMutationId; people
// from both sides, the customer's only its own; milestones done once; moved through
// its lifecycle with an outcome at the end; the customer reads it and its milestones
// (projects:read), never who is on it.
func TestProjects(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, sys, f := e.app.DB.Client, e.sys, e.f
		rep1 := e.token(f.rep1)
		in := map[string]any{"customerID": f.acmeEast.ID, "kind": "GRANT_APPLICATION", "title": "省重点研发计划：无卤阻燃母粒",
			"goal": "联合申报，2027 年 3 月前提交", "programme": "浙江省重点研发计划", "needID": nil, "productID": f.product.ID}
		delete(in, "needID")
		d := e.ok(rep1, pjCreate, map[string]any{"in": in, "cm": "pj-1"})
		again := e.ok(rep1, pjCreate, map[string]any{"in": in, "cm": "pj-1"})
		id := dig(d, "createProject", "id")
		if dig(again, "createProject", "id") != id || c.Project.Query().CountX(sys) != 1 || dig(d, "createProject", "status") != "PROPOSED" {
			t.Fatalf("created %v, again %v", d, again)
		}
		if r := e.do(e.token(f.rep3), pjCreate, map[string]any{"in": in}); len(r.Errors) == 0 {
			t.Errorf("rep3 made a project for another team's account: %v", r.Data)
		}
		if r := e.do(rep1, pjMember, map[string]any{"in": map[string]any{"projectID": id}}); r.code() != "BAD_USER_INPUT" {
			t.Errorf("a member who is nobody: %+v", r.Errors)
		}
		e.ok(rep1, pjMember, map[string]any{"in": map[string]any{"projectID": id, "keyPersonID": f.acmeKeyPerson.ID, "role": "技术负责人"}})
		e.ok(rep1, pjMember, map[string]any{"in": map[string]any{"projectID": id, "userID": f.rep1.ID, "role": "我方负责人"}})
		m := e.ok(rep1, pjStone, map[string]any{"in": map[string]any{"projectID": id, "title": "申报书初稿"}})
		mid := dig(m, "createProjectMilestone", "id")
		if dig(m, "createProjectMilestone", "customer", "customer", "id") != string(f.acmeEast.ID) {
			t.Errorf("milestone %v", m)
		}
		e.ok(rep1, pjDone, map[string]any{"id": mid})
		if r := e.do(rep1, pjDone, map[string]any{"id": mid}); r.code() != "CONFLICT" {
			t.Errorf("done twice: %+v", r.Errors)
		}
		if r := e.do(rep1, pjMove, map[string]any{"in": map[string]any{"id": id, "to": "DONE", "outcome": "x"}}); r.code() != "BAD_USER_INPUT" {
			t.Errorf("PROPOSED → DONE: %+v", r.Errors)
		}
		e.ok(rep1, pjMove, map[string]any{"in": map[string]any{"id": id, "to": "ACTIVE"}})
		if r := e.do(rep1, pjMove, map[string]any{"in": map[string]any{"id": id, "to": "DONE"}}); r.code() != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != "outcome" {
			t.Errorf("done without an outcome: %+v", r.Errors)
		}
		done := e.ok(rep1, pjMove, map[string]any{"in": map[string]any{"id": id, "to": "DONE", "outcome": "已立项，获资助 120 万元"}})
		if dig(done, "moveProject", "endedAt") == nil || dig(done, "moveProject", "startedAt") == nil {
			t.Errorf("done %v", done)
		}

		// On the account's timeline: the project and its milestone done, with the quotations sent.
		tl := e.ok(rep1, `query($c: ID!) { timeline(customerID: $c, first: 50) { edges { node { kind title node { id } } } } }`,
			map[string]any{"c": f.acmeEast.ID})
		kinds := map[string]string{}
		for _, ed := range dig(tl, "timeline", "edges").([]any) {
			kinds[dig(ed, "node", "kind").(string)] = dig(ed, "node", "title").(string)
		}
		if kinds["PROJECT"] == "" || kinds["PROJECT_MILESTONE"] == "" {
			t.Errorf("the timeline: %v", kinds)
		}

		// The customer reads the project and its milestones, not its members.
		partner, _ := e.ptIssue(e.token(f.admin), f.acmeEast.ID, "projects:read")
		pd := e.ok(partner, `{ projects(first: 5) { totalCount edges { node { id status outcome milestones { title doneAt } } } } }`, nil)
		if num(dig(pd, "projects", "totalCount")) != 1 || dig(pd, "projects", "edges", 0, "node", "milestones", 0, "title") != "申报书初稿" {
			t.Errorf("the partner's projects: %v", pd)
		}
		if r := e.do(partner, `query($id: ID!) { node(id: $id) { ... on Project { members { id } } } }`, map[string]any{"id": id}); len(r.Errors) == 0 {
			t.Errorf("the partner read the members: %v", r.Data)
		}
		none, _ := e.ptIssue(e.token(f.admin), f.acmeEast.ID, "orders:read")
		if r := e.do(none, `{ projects(first: 5) { totalCount } }`, nil); r.code() == "" && num(dig(r.Data, "projects", "totalCount")) != 0 {
			t.Errorf("a partner without projects:read: %v", r.Data)
		}
	})
}

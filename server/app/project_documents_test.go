package app_test

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"tandem/ent/project"
	"tandem/ent/schema/pulid"
	"tandem/graph"
)

// Files of a project: attachProjectFile, Project.documents, sharing with the
// customer, the signed link, and deleting a file with what is stored.

const attachProjectMutation = `mutation($input: AttachProjectFileInput!, $m: String) {
  attachProjectFile(input: $input, clientMutationId: $m) { id version kind title shared fileName contentType sizeBytes sha256 downloadURL uploadedBy { id } }
}`

const projectFilesQuery = `query($id: ID!) { node(id: $id) { ... on Project { documents(first: 10) {
  totalCount edges { node { id title kind shared downloadURL } } } } } }`

func (e *env) attachProjectFile(token string, projectID pulid.ID, name, ctype string, data []byte, extra map[string]any) *gqlResponse {
	e.t.Helper()
	vars := uploadVars(map[string]any{"projectID": projectID, "title": "联合申报书", "file": nil}, extra)
	return e.uploadFile(token, attachProjectMutation, vars, "variables.input.file", name, ctype, data)
}

func TestProjectDocuments(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		pj := c.Project.Create().SetCustomerID(f.acmeEast.ID).SetKind(project.KindGRANT_APPLICATION).SetTitle("省重点研发计划").SaveX(e.sys)
		rep1 := e.token(f.rep1)
		pdf := samplePDF(120_000)

		r := e.attachProjectFile(rep1, pj.ID, "申报书 v1.pdf", "application/pdf", pdf, map[string]any{"kind": "APPLICATION", "m": "pf-1"})
		if len(r.Errors) > 0 {
			t.Fatalf("attach: %+v", r.Errors)
		}
		d := dig(r.Data, "attachProjectFile")
		id := idOf(dig(d, "id"))
		if pulid.TypeOf(id) != "ProjectDocument" || dig(d, "kind") != "APPLICATION" || dig(d, "shared") != false ||
			num(dig(d, "sizeBytes")) != len(pdf) || idOf(dig(d, "uploadedBy", "id")) != f.rep1.ID || dig(d, "contentType") != "application/pdf" {
			t.Fatalf("project file: %v", d)
		}
		// Sent again (a retry after a timeout): the same file, nothing more stored.
		again := e.attachProjectFile(rep1, pj.ID, "申报书 v1.pdf", "application/pdf", pdf, map[string]any{"kind": "APPLICATION", "m": "pf-1"})
		if idOf(dig(again.Data, "attachProjectFile", "id")) != id || c.ProjectDocument.Query().CountX(e.sys) != 1 || len(e.filesOnDisk()) != 1 {
			t.Fatalf("retried: %v, %d rows, files %v", again.Data, c.ProjectDocument.Query().CountX(e.sys), e.filesOnDisk())
		}
		if row := c.ProjectDocument.GetX(e.sys, id); row.CustomerID != f.acmeEast.ID {
			t.Errorf("the file's account %s", row.CustomerID)
		}

		// Refused: another team's rep (the project is not theirs to see), no title, a
		// web page; nothing stored.
		for _, c := range []struct {
			what, token, name, ctype, code string
			extra                          map[string]any
		}{
			{"another team", e.token(f.rep3), "a.pdf", "application/pdf", "NOT_FOUND", nil},
			{"no title", rep1, "a.pdf", "application/pdf", "BAD_USER_INPUT", map[string]any{"title": "  "}},
			{"html", rep1, "a.html", "text/html", "BAD_USER_INPUT", nil},
			{"too large", rep1, "big.pdf", "application/pdf", "BAD_USER_INPUT", map[string]any{"size": graph.MaxProjectFileBytes + 1}},
		} {
			data := pdf
			if n, ok := c.extra["size"].(int); ok {
				data, c.extra = samplePDF(n), nil
			}
			if r := e.attachProjectFile(c.token, pj.ID, c.name, c.ctype, data, c.extra); r.code() != c.code {
				t.Errorf("%s: %q %+v", c.what, r.code(), r.Errors)
			}
		}
		if n := len(e.filesOnDisk()); n != 1 || c.ProjectDocument.Query().CountX(e.sys) != 1 {
			t.Fatalf("after refusals: %d files", n)
		}

		// Listed on the project; the link downloads it as an attachment; an issue
		// attachment's signature does not open it.
		l := e.ok(e.token(f.rep2), projectFilesQuery, map[string]any{"id": pj.ID})
		if num(dig(l, "node", "documents", "totalCount")) != 1 {
			t.Fatalf("project.documents: %v", l)
		}
		link := dig(d, "downloadURL").(string)
		res, body := e.fetch(link)
		if res.StatusCode != http.StatusOK || !bytes.Equal(body, pdf) || !strings.HasPrefix(res.Header.Get("Content-Disposition"), "attachment;") {
			t.Fatalf("download: %d %q", res.StatusCode, res.Header.Get("Content-Disposition"))
		}
		u, _ := url.Parse(link)
		other, _ := url.Parse(graph.SignAttachmentDownload(graph.DownloadKey([]byte(testSecret)), id, time.Now().Add(time.Minute)))
		if res, _ := e.fetch(u.Path + "?" + other.RawQuery); res.StatusCode != http.StatusForbidden {
			t.Errorf("an attachment's signature on a project file: %d", res.StatusCode)
		}

		// The customer reads a file only once it is shared; it never uploads one.
		partner, _ := e.ptIssue(e.token(f.admin), f.acmeEast.ID, "projects:read")
		if n := num(dig(e.ok(partner, projectFilesQuery, map[string]any{"id": pj.ID}), "node", "documents", "totalCount")); n != 0 {
			t.Errorf("the partner reads a file not shared: %v", n)
		}
		upd := `mutation($id: ID!, $in: UpdateProjectDocumentInput!) { updateProjectDocument(id: $id, input: $in) { id version shared } }`
		if r := e.do(rep1, upd, map[string]any{"id": id, "in": map[string]any{"shared": true, "version": 99}}); r.code() != "CONFLICT" {
			t.Errorf("a stale update: %+v", r.Errors)
		}
		e.ok(rep1, upd, map[string]any{"id": id, "in": map[string]any{"shared": true, "version": num(dig(d, "version"))}})
		sh := e.ok(partner, projectFilesQuery, map[string]any{"id": pj.ID})
		if num(dig(sh, "node", "documents", "totalCount")) != 1 || dig(sh, "node", "documents", "edges", 0, "node", "downloadURL") == nil {
			t.Errorf("the partner's shared file: %v", sh)
		}
		if r := e.attachProjectFile(partner, pj.ID, "b.pdf", "application/pdf", pdf, nil); len(r.Errors) == 0 || len(e.filesOnDisk()) != 1 {
			t.Errorf("a partner attached a file: %v, files %v", r.Data, e.filesOnDisk())
		}
		other2, _ := e.ptIssue(e.token(f.admin), f.southAcct.ID, "projects:read")
		if n := num(dig(e.ok(other2, `{ projects(first: 5) { totalCount } }`, nil), "projects", "totalCount")); n != 0 {
			t.Errorf("another customer sees %v projects", n)
		}

		// A project stays with its account.
		mv := `mutation($id: ID!, $in: UpdateProjectInput!) { updateProject(id: $id, input: $in) { id } }`
		if r := e.do(rep1, mv, map[string]any{"id": pj.ID, "in": map[string]any{"customerID": f.rep2Own.ID}}); r.code() != "BAD_USER_INPUT" {
			t.Errorf("a project moved to another account: %+v", r.Errors)
		}

		// Deleted: the row and the stored file go; a stale version deletes nothing.
		del := `mutation($id: ID!, $v: Int) { deleteProjectDocument(id: $id, version: $v) { deletedID } }`
		if r := e.do(rep1, del, map[string]any{"id": id, "v": 1}); r.code() != "CONFLICT" || len(e.filesOnDisk()) != 1 {
			t.Errorf("a stale delete: %+v", r.Errors)
		}
		if r := e.do(e.token(f.rep3), del, map[string]any{"id": id}); r.code() != "NOT_FOUND" {
			t.Errorf("another team deleted it: %+v", r.Errors)
		}
		e.ok(rep1, del, map[string]any{"id": id, "v": 2})
		if n := c.ProjectDocument.Query().CountX(e.sys); n != 0 || len(e.filesOnDisk()) != 0 {
			t.Errorf("after delete: %d rows, files %v", n, e.filesOnDisk())
		}
		if res, _ := e.fetch(link); res.StatusCode != http.StatusNotFound {
			t.Errorf("download after delete: %d", res.StatusCode)
		}
	})
}

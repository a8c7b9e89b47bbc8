package app_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tandem/ent/issue"
	"tandem/ent/issueattachment"
	"tandem/ent/schema/pulid"
	"tandem/graph"
)

// Photos and PDFs attached to problems: attachIssueFile, Issue.attachments and the
// signed download link.

const attachMutation = `mutation($input: AttachIssueFileInput!, $m: String) {
  attachIssueFile(input: $input, clientMutationId: $m) { id fileName contentType sizeBytes sha256 caption downloadURL issue { id } uploadedBy { id } }
}`

const attachmentsQuery = `query($id: ID!) { node(id: $id) { ... on Issue { attachments(first: 10) {
  totalCount edges { node { id fileName contentType sizeBytes sha256 downloadURL } } } } } }`

// sampleJPEG is the start of a JPEG (SOI, a JFIF APP0 segment) padded to n bytes.
func sampleJPEG(n int) []byte {
	b := append([]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"), make([]byte, n)...)
	for i := 20; i < len(b); i++ {
		b[i] = byte(i * 7)
	}
	return b[:n]
}

// sampleHEIC is the start of an iPhone photo: an ftyp box with the heic brand.
func sampleHEIC(n int) []byte {
	b := append([]byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), make([]byte, n)...)
	return b[:n]
}

func (e *env) attach(token string, issueID pulid.ID, name, ctype string, data []byte, extra map[string]any) *gqlResponse {
	e.t.Helper()
	vars := uploadVars(map[string]any{"issueID": issueID, "file": nil}, extra)
	return e.uploadFile(token, attachMutation, vars, "variables.input.file", name, ctype, data)
}

// uploadVars are an upload mutation's variables: the input with the extra fields, and
// the clientMutationId when extra names one ("m").
func uploadVars(input, extra map[string]any) map[string]any {
	vars := map[string]any{"input": input}
	for k, v := range extra {
		if k == "m" {
			vars["m"] = v
			continue
		}
		input[k] = v
	}
	return vars
}

func (e *env) attachments() int { return e.app.DB.Client.IssueAttachment.Query().CountX(e.sys) }

func TestIssueAttachments(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		eastIssue := c.Issue.Create().SetCustomerID(f.acmeEast.ID).SetTitle("black specks in film").
			SetCategory(issue.CategoryQUALITY_FLUCTUATION).SaveX(e.sys)
		rep1 := e.token(f.rep1)

		// A rep's photo of a problem on one of the team's accounts.
		photo := sampleJPEG(150_000)
		sum := sha256.Sum256(photo)
		name := "现场照片 \"1\".jpg"
		r := e.attach(rep1, eastIssue.ID, name, "image/jpeg", photo, map[string]any{"caption": "  specks under the light table  "})
		if len(r.Errors) > 0 {
			t.Fatalf("attach: %+v", r.Errors)
		}
		a := dig(r.Data, "attachIssueFile")
		id := idOf(dig(a, "id"))
		if pulid.TypeOf(id) != "IssueAttachment" || dig(a, "fileName") != name || dig(a, "contentType") != "image/jpeg" ||
			num(dig(a, "sizeBytes")) != len(photo) || dig(a, "sha256") != hex.EncodeToString(sum[:]) ||
			dig(a, "caption") != "specks under the light table" || idOf(dig(a, "issue", "id")) != eastIssue.ID ||
			idOf(dig(a, "uploadedBy", "id")) != f.rep1.ID {
			t.Fatalf("attachment: %v", a)
		}
		row := c.IssueAttachment.GetX(e.sys, id)
		if row.CustomerID != f.acmeEast.ID || row.StorageKey == "" || strings.Contains(row.StorageKey, "jpg") {
			t.Fatalf("stored attachment: customer %s key %q", row.CustomerID, row.StorageKey)
		}
		onDisk, err := os.ReadFile(filepath.Join(e.app.Config.DataDir, "files", filepath.FromSlash(row.StorageKey)))
		if err != nil || !bytes.Equal(onDisk, photo) {
			t.Fatalf("file on disk: %d bytes, err %v", len(onDisk), err)
		}

		// Listed under the problem, for the rep and a teammate.
		for _, tok := range []string{rep1, e.token(f.rep2)} {
			d := e.ok(tok, attachmentsQuery, map[string]any{"id": eastIssue.ID})
			if num(dig(d, "node", "attachments", "totalCount")) != 1 || idOf(dig(d, "node", "attachments", "edges", 0, "node", "id")) != id ||
				num(dig(d, "node", "attachments", "edges", 0, "node", "sizeBytes")) != len(photo) ||
				dig(d, "node", "attachments", "edges", 0, "node", "sha256") != hex.EncodeToString(sum[:]) {
				t.Fatalf("issue.attachments: %v", d)
			}
		}

		// The link returns the bytes, inline (an <img> source), never sniffed.
		link, _ := dig(a, "downloadURL").(string)
		u, err := url.Parse(link)
		if err != nil || u.Path != "/issue-attachments/"+string(id)+"/download" {
			t.Fatalf("downloadURL %q", link)
		}
		res, body := e.fetch(link)
		if res.StatusCode != http.StatusOK || !bytes.Equal(body, photo) {
			t.Fatalf("download: %d, %d bytes", res.StatusCode, len(body))
		}
		if got := res.Header.Get("Content-Type"); got != "image/jpeg" {
			t.Errorf("Content-Type %q", got)
		}
		if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("X-Content-Type-Options %q", got)
		}
		if got := res.Header.Get("ETag"); got != `"`+hex.EncodeToString(sum[:])+`"` {
			t.Errorf("ETag %q", got)
		}
		cd := res.Header.Get("Content-Disposition")
		_, enc, ok := strings.Cut(cd, "filename*=UTF-8''")
		if dec, err := url.PathUnescape(enc); !ok || err != nil || dec != name || !strings.HasPrefix(cd, "inline;") {
			t.Errorf("Content-Disposition %q", cd)
		}

		// Tampered, expired, or signed for a document: 403; a valid signature for an
		// attachment that does not exist: 404.
		key := graph.DownloadKey([]byte(testSecret))
		q := u.Query()
		docLink, _ := url.Parse(graph.SignDownload(key, id, time.Now().Add(time.Minute)))
		for what, path := range map[string]string{
			"no sig":         u.Path + "?exp=" + q.Get("exp"),
			"later exp":      u.Path + "?exp=" + q.Get("exp") + "0&sig=" + q.Get("sig"),
			"other id":       "/issue-attachments/" + string(pulid.New("IA")) + "/download?" + u.RawQuery,
			"expired":        graph.SignAttachmentDownload(key, id, time.Now().Add(-time.Second)),
			"document's sig": u.Path + "?" + docLink.RawQuery,
		} {
			if res, body := e.fetch(path); res.StatusCode != http.StatusForbidden || bytes.Contains(body, photo[:64]) {
				t.Errorf("%s: %d", what, res.StatusCode)
			}
		}
		if res, _ := e.fetch(docLink.String()); res.StatusCode != http.StatusNotFound {
			t.Errorf("attachment ID on the document route: %d", res.StatusCode)
		}
		if res, _ := e.fetch(graph.SignAttachmentDownload(key, pulid.New("IA"), time.Now().Add(time.Minute))); res.StatusCode != http.StatusNotFound {
			t.Errorf("missing attachment: %d", res.StatusCode)
		}

		// Refusals: BAD_USER_INPUT on the file (or caption), nothing stored.
		files, rows := len(e.filesOnDisk()), e.attachments()
		for _, c := range []struct {
			what, name, ctype string
			data              []byte
			extra             map[string]any
			field, message    string
		}{
			{"html", "page.html", "text/html", []byte("<script>alert(1)</script>"), nil, "file", "content type text/html is not accepted"},
			{"word document", "report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", samplePDF(500), nil, "file", "not accepted"},
			{"svg", "logo.svg", "image/svg+xml", []byte("<svg/>"), nil, "file", "not accepted"},
			{"unknown by extension", "clip.mov", "application/octet-stream", photo, nil, "file", "not accepted"},
			{"html posing as a photo", "photo.jpg", "image/jpeg", []byte("<html><script>alert(1)</script></html>"), nil, "file", "is not a JPEG, PNG, WebP, HEIC/HEIF image or a PDF"},
			{"empty", "photo.jpg", "image/jpeg", nil, nil, "file", "empty"},
			{"too large", "big.jpg", "image/jpeg", sampleJPEG(graph.MaxAttachmentBytes + 1), nil, "file", "20 MB"},
			// Passes the resolver's checks, fails ent's validation after the file is stored.
			{"caption too long", "photo.jpg", "image/jpeg", photo, map[string]any{"caption": strings.Repeat("长", 1001)}, "caption", ""},
		} {
			r := e.attach(rep1, eastIssue.ID, c.name, c.ctype, c.data, c.extra)
			if r.code() != "BAD_USER_INPUT" || dig(r.Data, "attachIssueFile") != nil {
				t.Errorf("%s: want BAD_USER_INPUT, got %q %+v", c.what, r.code(), r.Errors)
				continue
			}
			if fl, _ := r.Errors[0].Extensions["field"].(string); fl != c.field || !strings.Contains(r.Errors[0].Message, c.message) {
				t.Errorf("%s: field %q message %q, want %q and %q", c.what, fl, r.Errors[0].Message, c.field, c.message)
			}
		}
		if got, n := e.filesOnDisk(), e.attachments(); len(got) != files || n != rows {
			t.Fatalf("after refused attachments: files %v, %d rows (want %d, %d)", got, n, files, rows)
		}

		// A PDF downloads as an attachment; a HEIC photo without a content type is
		// known by its extension and its bytes.
		r = e.attach(rep1, eastIssue.ID, "8D report.pdf", "application/pdf", samplePDF(4000), nil)
		if len(r.Errors) > 0 || dig(r.Data, "attachIssueFile", "contentType") != "application/pdf" {
			t.Fatalf("pdf: %v %+v", r.Data, r.Errors)
		}
		if res, _ := e.fetch(dig(r.Data, "attachIssueFile", "downloadURL").(string)); res.StatusCode != http.StatusOK ||
			!strings.HasPrefix(res.Header.Get("Content-Disposition"), "attachment;") || res.Header.Get("Content-Type") != "application/pdf" {
			t.Errorf("pdf download: %d %q", res.StatusCode, res.Header.Get("Content-Disposition"))
		}
		r = e.attach(rep1, eastIssue.ID, "IMG_0001.HEIC", "", sampleHEIC(3000), nil)
		if len(r.Errors) > 0 || dig(r.Data, "attachIssueFile", "contentType") != "image/heic" {
			t.Fatalf("heic: %v %+v", r.Data, r.Errors)
		}
		// A PNG sent as image/jpeg is recorded (and served) as what it is.
		png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 100)...)
		r = e.attach(rep1, eastIssue.ID, "screenshot.jpg", "image/jpeg", png, nil)
		if len(r.Errors) > 0 || dig(r.Data, "attachIssueFile", "contentType") != "image/png" {
			t.Fatalf("png sent as jpeg: %v %+v", r.Data, r.Errors)
		}

		// Sent twice with the same clientMutationId (a phone retrying on a bad line):
		// the first attachment comes back, one row, one file.
		files, rows = len(e.filesOnDisk()), e.attachments()
		retry := map[string]any{"m": "cam-7f3a", "caption": "retried"}
		first := e.attach(rep1, eastIssue.ID, "retry.jpg", "image/jpeg", photo, retry)
		again := e.attach(rep1, eastIssue.ID, "retry.jpg", "image/jpeg", photo, retry)
		if len(first.Errors) > 0 || len(again.Errors) > 0 || dig(first.Data, "attachIssueFile", "id") != dig(again.Data, "attachIssueFile", "id") {
			t.Fatalf("replay: %v %+v vs %v %+v", first.Data, first.Errors, again.Data, again.Errors)
		}
		if got, n := len(e.filesOnDisk()), e.attachments(); got != files+1 || n != rows+1 {
			t.Fatalf("after a replayed attach: %d files, %d rows (want %d, %d)", got, n, files+1, rows+1)
		}
		if n := c.IssueAttachment.Query().Where(issueattachment.Caption("retried")).CountX(e.sys); n != 1 {
			t.Fatalf("retried attachments: %d", n)
		}

		// A rep of another team: the problem is not there for them, exactly like one
		// that does not exist; nor are its attachments. An analyst sees but does not
		// attach.
		files, rows = len(e.filesOnDisk()), e.attachments()
		rep3 := e.token(f.rep3)
		foreign := e.attach(rep3, eastIssue.ID, "photo.jpg", "image/jpeg", photo, nil)
		missing := e.attach(rep3, pulid.New("IS"), "photo.jpg", "image/jpeg", photo, nil)
		expectCode(t, foreign, "NOT_FOUND")
		if missing.code() != "NOT_FOUND" || foreign.Errors[0].Message != missing.Errors[0].Message {
			t.Errorf("ORACLE attachIssueFile: foreign problem %+v, missing problem %+v", foreign.Errors, missing.Errors)
		}
		expectCode(t, e.attach(rep3, f.acmeSample.ID, "photo.jpg", "image/jpeg", photo, nil), "NOT_FOUND")
		r = e.do(rep3, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id})
		if dig(r.Data, "node") != nil || r.code() != "NOT_FOUND" {
			t.Errorf("rep3 reads another team's attachment: %v %+v", r.Data, r.Errors)
		}
		analyst := e.token(f.analyst)
		if d := e.ok(analyst, attachmentsQuery, map[string]any{"id": eastIssue.ID}); num(dig(d, "node", "attachments", "totalCount")) != rows {
			t.Errorf("analyst: %v", d)
		}
		expectCode(t, e.attach(analyst, eastIssue.ID, "photo.jpg", "image/jpeg", photo, nil), "FORBIDDEN")
		if got, n := e.filesOnDisk(), e.attachments(); len(got) != files || n != rows {
			t.Fatalf("after refused attachments: files %v, %d rows (want %d, %d)", got, n, files, rows)
		}

		// The problem moves to another account: its attachments move with it.
		e.ok(e.token(f.admin), `mutation($id: ID!, $c: ID!) { updateIssue(id: $id, input: {customerID: $c}) { id } }`,
			map[string]any{"id": eastIssue.ID, "c": f.southAcct.ID})
		if n := c.IssueAttachment.Query().Where(issueattachment.IssueID(eastIssue.ID), issueattachment.CustomerIDNEQ(f.southAcct.ID)).CountX(e.sys); n != 0 {
			t.Fatalf("%d attachments left on the old account", n)
		}
		if d := e.ok(rep3, attachmentsQuery, map[string]any{"id": eastIssue.ID}); num(dig(d, "node", "attachments", "totalCount")) != rows {
			t.Errorf("rep3 after the move: %v", d)
		}
		r = e.do(rep1, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id})
		if dig(r.Data, "node") != nil {
			t.Errorf("rep1 still reads the moved attachment: %v", r.Data)
		}
	})
}

// TestPartnerAttachesFiles: a partner token with issues:write attaches files to its
// own problems, and reaches no other customer's problem or attachment.
func TestPartnerAttachesFiles(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		w := ptSetup(t, e)
		c, ctx := w.c, e.sys
		d := e.ok(w.token, `mutation($c: ID!) { createIssue(input: {customerID: $c, title: "Haze after 200 h QUV", category: QUALITY_FLUCTUATION}) { id } }`,
			map[string]any{"c": w.partner.ID})
		own := idOf(dig(d, "createIssue", "id"))
		south := w.southIssue()
		southFile := c.IssueAttachment.Create().SetIssueID(south).SetFileName("south-pallet.jpg").SetContentType("image/jpeg").
			SetSizeBytes(3).SetSha256(strings.Repeat("c", 64)).SetStorageKey("issue-attachments/test/south").SaveX(ctx)
		attach := `mutation($input: AttachIssueFileInput!, $m: String) { attachIssueFile(input: $input, clientMutationId: $m) { id fileName contentType sizeBytes downloadURL issue { id } } }`
		vars := func(issueID pulid.ID, m string) map[string]any {
			v := map[string]any{"input": map[string]any{"issueID": issueID, "file": nil, "caption": "QUV panel"}}
			if m != "" {
				v["m"] = m
			}
			return v
		}
		report := samplePDF(8000)

		// Its own problem: attached, once per clientMutationId, on its own account.
		r := e.uploadFile(w.token, attach, vars(own, "erp-claim-4711-1"), "variables.input.file", "QUV report.pdf", "application/pdf", report)
		if len(r.Errors) > 0 || idOf(dig(r.Data, "attachIssueFile", "issue", "id")) != own || num(dig(r.Data, "attachIssueFile", "sizeBytes")) != len(report) {
			t.Fatalf("partner attach: %v %+v", r.Data, r.Errors)
		}
		id := idOf(dig(r.Data, "attachIssueFile", "id"))
		again := e.uploadFile(w.token, attach, vars(own, "erp-claim-4711-1"), "variables.input.file", "QUV report.pdf", "application/pdf", report)
		if idOf(dig(again.Data, "attachIssueFile", "id")) != id {
			t.Fatalf("partner replay: %v %+v", again.Data, again.Errors)
		}
		if row := c.IssueAttachment.GetX(ctx, id); row.CustomerID != w.partner.ID || row.UploadedByID != "" {
			t.Fatalf("partner's attachment: customer %s uploadedBy %q", row.CustomerID, row.UploadedByID)
		}
		if n := c.IssueAttachment.Query().Where(issueattachment.IssueID(own)).CountX(ctx); n != 1 {
			t.Fatalf("%d attachments on the partner's problem after a replay", n)
		}
		res, body := e.fetch(dig(r.Data, "attachIssueFile", "downloadURL").(string))
		if res.StatusCode != http.StatusOK || !bytes.Equal(body, report) {
			t.Fatalf("partner download: %d, %d bytes", res.StatusCode, len(body))
		}

		// Another customer's problem answers like one that does not exist; nothing stored.
		files, rows := len(e.filesOnDisk()), e.attachments()
		real := e.uploadFile(w.token, attach, vars(south, ""), "variables.input.file", "x.pdf", "application/pdf", report)
		fake := e.uploadFile(w.token, attach, vars(ptFake(south), ""), "variables.input.file", "x.pdf", "application/pdf", report)
		if dig(real.Data, "attachIssueFile") != nil || !ptOnlyCodes(real, "NOT_FOUND") || real.code() != fake.code() ||
			real.Errors[0].Message != fake.Errors[0].Message {
			t.Errorf("LEAK attachIssueFile on another customer's problem: %v %+v (non-existent: %+v)", real.Data, real.Errors, fake.Errors)
		}
		// Without issues:write: FORBIDDEN; without issues:read the problem is not there.
		readOnly, _ := e.ptIssue(w.admin, w.partner.ID, "issues:read")
		expectCode(t, e.uploadFile(readOnly, attach, vars(own, ""), "variables.input.file", "x.pdf", "application/pdf", report), "FORBIDDEN")
		writeOnly, _ := e.ptIssue(w.admin, w.partner.ID, "issues:write")
		expectCode(t, e.uploadFile(writeOnly, attach, vars(own, ""), "variables.input.file", "x.pdf", "application/pdf", report), "NOT_FOUND")
		if got, n := e.filesOnDisk(), e.attachments(); len(got) != files || n != rows {
			t.Fatalf("after refused partner attachments: files %v, %d rows (want %d, %d)", got, n, files, rows)
		}

		// It sees its own attachments, never another customer's, by any path.
		d = e.ok(w.token, attachmentsQuery, map[string]any{"id": own})
		if num(dig(d, "node", "attachments", "totalCount")) != 1 || idOf(dig(d, "node", "attachments", "edges", 0, "node", "id")) != id {
			t.Fatalf("own issue.attachments: %v", d)
		}
		for _, q := range []struct {
			query string
			vars  map[string]any
		}{
			{`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": southFile.ID}},
			{`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": []any{id, southFile.ID}}},
			{attachmentsQuery, map[string]any{"id": south}},
			{`{ issues(first: 10) { edges { node { id attachments(first: 10) { totalCount edges { node { id } } } } } } }`, nil},
		} {
			r := e.do(w.token, q.query, q.vars)
			if strings.Contains(strings.Join(ptIDsString(r.Data), " "), string(southFile.ID)) {
				t.Errorf("LEAK %s: %v", q.query, r.Data)
			}
		}
		d = e.ok(w.token, `{ issues(first: 10, where: {hasAttachmentsWith: [{fileNameContains: "pallet"}]}) { totalCount } }`, nil)
		if num(dig(d, "issues", "totalCount")) != 0 {
			t.Errorf("LEAK a filter on attachments counts another customer's: %v", d)
		}
		r = e.do(w.token, `query($id: ID!) { node(id: $id) { ... on IssueAttachment { uploadedBy { id } } } }`, map[string]any{"id": id})
		expectCode(t, r, "FORBIDDEN")
		if got := c.IssueAttachment.Query().Where(issueattachment.CustomerID(w.partner.ID)).CountX(ctx); got != 1 {
			t.Errorf("partner attachments: %d", got)
		}
	})
}

func ptIDsString(v any) []string {
	var out []string
	for _, id := range ptIDs(v) {
		out = append(out, string(id))
	}
	return out
}

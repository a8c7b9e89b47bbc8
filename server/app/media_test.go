package app_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"tandem/ent/schema/pulid"
	"tandem/ent/trial"
)

// Photos and voice notes of visits and trials: attachMedia (the kind from the bytes),
// Interaction.media and Trial.media, the inline link, refusals that store nothing,
// and deleting with the stored file.

const attachMediaMutation = `mutation($input: AttachMediaInput!, $m: String) {
  attachMedia(input: $input, clientMutationId: $m) { id version kind contentType sizeBytes durationSeconds caption downloadURL uploadedBy { id } }
}`

func (e *env) attachMedia(token string, input map[string]any, name, ctype string, data []byte, extra map[string]any) *gqlResponse {
	e.t.Helper()
	input["file"] = nil
	return e.uploadFile(token, attachMediaMutation, uploadVars(input, extra), "variables.input.file", name, ctype, data)
}

// fakeFile is a file whose first bytes are head, padded to n bytes.
func fakeFile(head string, n int) []byte {
	return append([]byte(head), bytes.Repeat([]byte{0x20}, n-len(head))...)
}

func TestMediaNotes(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		rep1 := e.token(f.rep1)
		visit := string(f.openInteraction.ID)
		tr := c.Trial.Create().SetSampleID(f.acmeSample.ID).SetKind(trial.KindPILOT).SaveX(e.sys)
		jpeg := fakeFile("\xff\xd8\xff\xe0\x00\x10JFIF", 40_000)
		webm := fakeFile("\x1a\x45\xdf\xa3\x9f\x42\x86\x81", 30_000)

		r := e.attachMedia(rep1, map[string]any{"interactionID": visit, "caption": "客户产线"}, "IMG_0001.jpg", "image/jpeg", jpeg, map[string]any{"m": "mn-1"})
		if len(r.Errors) > 0 {
			t.Fatalf("photo: %+v", r.Errors)
		}
		photo := dig(r.Data, "attachMedia")
		photoID := idOf(dig(photo, "id"))
		if pulid.TypeOf(photoID) != "MediaNote" || dig(photo, "kind") != "PHOTO" || num(dig(photo, "sizeBytes")) != len(jpeg) ||
			idOf(dig(photo, "uploadedBy", "id")) != f.rep1.ID {
			t.Fatalf("photo: %v", photo)
		}
		again := e.attachMedia(rep1, map[string]any{"interactionID": visit, "caption": "客户产线"}, "IMG_0001.jpg", "image/jpeg", jpeg, map[string]any{"m": "mn-1"})
		if idOf(dig(again.Data, "attachMedia", "id")) != photoID || c.MediaNote.Query().CountX(e.sys) != 1 {
			t.Fatalf("a retry stored a second note: %v", again.Data)
		}
		// A voice note recorded in Chromium (audio/webm;codecs=opus) on the trial.
		r = e.attachMedia(rep1, map[string]any{"trialID": string(tr.ID), "durationSeconds": 42}, "voice.webm", "audio/webm;codecs=opus", webm, nil)
		if len(r.Errors) > 0 || dig(r.Data, "attachMedia", "kind") != "VOICE" || dig(r.Data, "attachMedia", "contentType") != "audio/webm" ||
			num(dig(r.Data, "attachMedia", "durationSeconds")) != 42 {
			t.Fatalf("voice: %+v %v", r.Errors, r.Data)
		}
		if row := c.MediaNote.GetX(e.sys, idOf(dig(r.Data, "attachMedia", "id"))); row.CustomerID != f.acmeEast.ID {
			t.Errorf("the trial note's account: %s", row.CustomerID)
		}

		// Refused, storing nothing: no parent, both, a PDF, a web page called a voice
		// note, a photo with a length, a voice note of 11 minutes, another team's visit.
		for _, bad := range []struct {
			name        string
			input       map[string]any
			file, ctype string
			data        []byte
			token       string
			code        string
		}{
			{"no parent", map[string]any{}, "a.jpg", "image/jpeg", jpeg, rep1, "BAD_USER_INPUT"},
			{"both", map[string]any{"interactionID": visit, "trialID": string(tr.ID)}, "a.jpg", "image/jpeg", jpeg, rep1, "BAD_USER_INPUT"},
			{"a pdf", map[string]any{"interactionID": visit}, "a.pdf", "application/pdf", samplePDF(2000), rep1, "BAD_USER_INPUT"},
			{"html as audio", map[string]any{"interactionID": visit}, "a.webm", "audio/webm", fakeFile("<!doctype html><script>", 3000), rep1, "BAD_USER_INPUT"},
			{"photo with a length", map[string]any{"interactionID": visit, "durationSeconds": 3}, "a.jpg", "image/jpeg", jpeg, rep1, "BAD_USER_INPUT"},
			{"too long", map[string]any{"trialID": string(tr.ID), "durationSeconds": 660}, "v.webm", "audio/webm", webm, rep1, "BAD_USER_INPUT"},
			{"another team", map[string]any{"interactionID": visit}, "a.jpg", "image/jpeg", jpeg, e.token(f.rep3), "NOT_FOUND"},
		} {
			if r := e.attachMedia(bad.token, bad.input, bad.file, bad.ctype, bad.data, nil); r.code() != bad.code {
				t.Errorf("%s: %+v, want %s", bad.name, r.Errors, bad.code)
			}
		}
		if n := c.MediaNote.Query().CountX(e.sys); n != 2 || len(e.filesOnDisk()) != 2 {
			t.Fatalf("after refusals: %d rows, files %v", n, e.filesOnDisk())
		}

		// Listed on the visit and the trial; the link serves the photo inline.
		l := e.ok(e.token(f.rep2), `query($v: ID!, $t: ID!) { v: node(id: $v) { ... on Interaction { media { id kind caption } } }
		  t: node(id: $t) { ... on Trial { media { id kind durationSeconds } } } }`, map[string]any{"v": visit, "t": tr.ID})
		if len(dig(l, "v", "media").([]any)) != 1 || dig(l, "v", "media", 0, "caption") != "客户产线" || dig(l, "t", "media", 0, "kind") != "VOICE" {
			t.Fatalf("media lists: %v", l)
		}
		link := dig(photo, "downloadURL").(string)
		res, body := e.fetch(link)
		if res.StatusCode != http.StatusOK || !bytes.Equal(body, jpeg) || res.Header.Get("Content-Type") != "image/jpeg" ||
			!strings.HasPrefix(res.Header.Get("Content-Disposition"), "inline") {
			t.Fatalf("download: %d %q %q", res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Content-Disposition"))
		}
		// The app plays voice notes (and a recording before it is sent, a blob:) in <audio>.
		if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "media-src 'self' blob:;") {
			t.Errorf("CSP %q lets no <audio> play", csp)
		}
		if res, _ := e.fetch(strings.Replace(link, "sig=", "sig=0", 1)); res.StatusCode != http.StatusForbidden {
			t.Errorf("an altered signature: %d", res.StatusCode)
		}

		// Deleted with the file; a stale version deletes nothing.
		del := `mutation($id: ID!, $v: Int) { deleteMediaNote(id: $id, version: $v) { deletedID } }`
		if r := e.do(rep1, del, map[string]any{"id": photoID, "v": 7}); r.code() != "CONFLICT" {
			t.Errorf("a stale delete: %+v", r.Errors)
		}
		e.ok(rep1, del, map[string]any{"id": photoID, "v": 1})
		if n := c.MediaNote.Query().CountX(e.sys); n != 1 || len(e.filesOnDisk()) != 1 {
			t.Errorf("after delete: %d rows, files %v", n, e.filesOnDisk())
		}
	})
}

package app_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"

	"tandem/ent/issue"
	"tandem/ent/privacy"
	"tandem/server/app"
	"tandem/server/storage/storagetest"
)

// noRedirect answers with the first response, a redirect included.
var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func getFrom(t *testing.T, c *http.Client, u string) (*http.Response, []byte) {
	t.Helper()
	res, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, b
}

// twin starts a second Tandem on e's database and configuration, as a second
// process behind the same load balancer would be, with presigning as given.
func (e *env) twin(presign bool) *httptest.Server {
	e.t.Helper()
	cfg := e.app.Config
	cfg.S3Presign = presign
	a, err := app.New(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), app.Options{})
	if err != nil {
		e.t.Fatalf("second tandem: %v", err)
	}
	srv := httptest.NewServer(a.Handler)
	e.t.Cleanup(func() { srv.Close(); a.Close() })
	return srv
}

func (e *env) uploadDoc(token, title string, data []byte) (id, link string) {
	e.t.Helper()
	vars := map[string]any{"input": map[string]any{"file": nil, "type": "COA", "title": title, "productID": e.f.product.ID}}
	r := e.uploadFile(token, uploadMutation, vars, "variables.input.file", title+".pdf", "application/pdf", data)
	if len(r.Errors) > 0 {
		e.t.Fatalf("upload: %+v", r.Errors)
	}
	return dig(r.Data, "uploadDocument", "id").(string), dig(r.Data, "uploadDocument", "downloadURL").(string)
}

func TestDocumentsInS3AcrossApps(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b, func(t *testing.T) {
			s3 := storagetest.StartS3(t, "tandem-files")
			cfg := s3.Config()
			cfg.Prefix = "tandem"
			e := newEnv(t, b, envOptions{s3: &cfg, s3Presign: true})
			mgr := e.token(e.f.manager)
			data := samplePDF(300_000)
			id, link := e.uploadDoc(mgr, "COA batch 2405-17", data)

			// Kept in the bucket under the prefix, nothing on the local disk.
			if files := e.filesOnDisk(); len(files) != 0 {
				t.Fatalf("files on disk with S3 configured: %v", files)
			}
			key := e.app.DB.Client.Document.Query().OnlyX(e.sys).StorageKey
			if got := bucketObjects(t, s3); len(got) != 1 || got[0] != "tandem/"+key {
				t.Fatalf("bucket holds %v, want tandem/%s", got, key)
			}

			// Tandem's link redirects to a short-lived link of the store, which gives the bytes.
			res, _ := getFrom(t, noRedirect, e.srv.URL+link)
			loc := res.Header.Get("Location")
			if res.StatusCode != http.StatusFound || !strings.HasPrefix(loc, s3.URL+"/tandem-files/tandem/") ||
				!strings.Contains(loc, "X-Amz-Expires=300") || res.Header.Get("Cache-Control") != "no-store" {
				t.Fatalf("download: %d to %q (Cache-Control %q)", res.StatusCode, loc, res.Header.Get("Cache-Control"))
			}
			res, body := getFrom(t, http.DefaultClient, e.srv.URL+link)
			if res.StatusCode != http.StatusOK || !bytes.Equal(body, data) || res.Header.Get("Content-Type") != "application/pdf" ||
				!strings.HasPrefix(res.Header.Get("Content-Disposition"), `attachment; filename="COA batch 2405-17.pdf"`) {
				t.Fatalf("followed download: %d, %d bytes, %q %q", res.StatusCode, len(body), res.Header.Get("Content-Type"), res.Header.Get("Content-Disposition"))
			}
			// Tandem's own signature is still checked first: no redirect for a forged link.
			forged := strings.Replace(link, "sig=", "sig=00", 1)
			if res, _ := getFrom(t, noRedirect, e.srv.URL+forged); res.StatusCode != http.StatusForbidden {
				t.Fatalf("forged link answered %d (%q)", res.StatusCode, res.Header.Get("Location"))
			}

			// A second Tandem on the same database and bucket serves it, here streaming
			// through itself (presigning off), and what it takes in is served by the first.
			other := e.twin(false)
			res, body = getFrom(t, noRedirect, other.URL+link)
			if res.StatusCode != http.StatusOK || !bytes.Equal(body, data) {
				t.Fatalf("download through the second app: %d, %d bytes", res.StatusCode, len(body))
			}
			second := samplePDF(50_000)
			second[len(second)-1] = '!'
			otherEnv := &env{t: t, srv: other, f: e.f}
			id2, link2 := otherEnv.uploadDoc(otherEnv.token(e.f.manager), "COA batch 2406-01", second)
			if id2 == id {
				t.Fatal("same document")
			}
			if res, body := getFrom(t, http.DefaultClient, e.srv.URL+link2); res.StatusCode != http.StatusOK || !bytes.Equal(body, second) {
				t.Fatalf("the first app serving the second's upload: %d, %d bytes", res.StatusCode, len(body))
			}
			if files := e.filesOnDisk(); len(files) != 0 {
				t.Fatalf("files on disk: %v", files)
			}
		})
	}
}

// Problem photos are shown in an <img>, which the app's Content-Security-Policy lets
// load from the app's own origin only: they are streamed, never redirected; a PDF
// attached to a problem is redirected like a document.
func TestS3AttachmentsInlineStreamed(t *testing.T) {
	s3 := storagetest.StartS3(t, "tandem-files")
	cfg := s3.Config()
	e := newEnv(t, "sqlite", envOptions{s3: &cfg, s3Presign: true})
	is := e.app.DB.Client.Issue.Create().SetCustomerID(e.f.acmeEast.ID).SetTitle("black specks in film").
		SetCategory(issue.CategoryQUALITY_FLUCTUATION).SaveX(e.sys)
	rep1 := e.token(e.f.rep1)

	photo := sampleJPEG(80_000)
	r := e.attach(rep1, is.ID, "specks.jpg", "image/jpeg", photo, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("attach: %+v", r.Errors)
	}
	res, body := getFrom(t, noRedirect, e.srv.URL+dig(r.Data, "attachIssueFile", "downloadURL").(string))
	if res.StatusCode != http.StatusOK || !bytes.Equal(body, photo) || !strings.HasPrefix(res.Header.Get("Content-Disposition"), "inline") {
		t.Fatalf("photo: %d %q, %d bytes", res.StatusCode, res.Header.Get("Content-Disposition"), len(body))
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "img-src 'self' data: blob:;") {
		t.Fatalf("CSP %q", csp)
	}

	pdf := samplePDF(20_000)
	r = e.attach(rep1, is.ID, "lab report.pdf", "application/pdf", pdf, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("attach: %+v", r.Errors)
	}
	link := e.srv.URL + dig(r.Data, "attachIssueFile", "downloadURL").(string)
	if res, _ := getFrom(t, noRedirect, link); res.StatusCode != http.StatusFound || !strings.HasPrefix(res.Header.Get("Location"), s3.URL+"/") {
		t.Fatalf("pdf attachment: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	if res, body := getFrom(t, http.DefaultClient, link); res.StatusCode != http.StatusOK || !bytes.Equal(body, pdf) {
		t.Fatalf("pdf attachment followed: %d, %d bytes", res.StatusCode, len(body))
	}
}

// The demo's document files go to the configured store, not the data dir.
func TestS3DemoFiles(t *testing.T) {
	s3 := storagetest.StartS3(t, "tandem-files")
	s3cfg := s3.Config()
	cfg := app.Config{DataDir: t.TempDir(), JWTSecret: testSecret, Env: "test", Demo: true, S3: &s3cfg}
	a, err := app.New(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), app.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	e := &env{t: t, app: a}
	if files := e.filesOnDisk(); len(files) != 0 {
		t.Fatalf("demo files on disk: %v", files)
	}
	ctx := context.Background()
	var keys []string
	for _, d := range a.DB.Client.Document.Query().AllX(privacy.DecisionContext(ctx, privacy.Allow)) {
		if d.StorageKey != "" {
			keys = append(keys, d.StorageKey)
		}
	}
	projectFiles := 0
	for _, d := range a.DB.Client.ProjectDocument.Query().AllX(privacy.DecisionContext(ctx, privacy.Allow)) {
		keys = append(keys, d.StorageKey)
		projectFiles++
	}
	sort.Strings(keys)
	if got := bucketObjects(t, s3); len(keys) == 0 || projectFiles == 0 || strings.Join(got, ",") != strings.Join(keys, ",") {
		t.Fatalf("bucket %v, documents' and project files %v", got, keys)
	}
}

// A wrong bucket stops the start with a message naming it.
func TestS3MissingBucketStopsStart(t *testing.T) {
	s3 := storagetest.StartS3(t, "tandem-files")
	s3cfg := s3.Config()
	s3cfg.Bucket = "tandem-typo"
	cfg := app.Config{DataDir: t.TempDir(), JWTSecret: testSecret, Env: "test", S3: &s3cfg}
	a, err := app.New(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), app.Options{})
	if err == nil {
		a.Close()
		t.Fatal("started without its bucket")
	}
	if !strings.Contains(err.Error(), `"tandem-typo"`) || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("error %v", err)
	}
}

// bucketObjects lists the bucket's objects and unfinished uploads.
func bucketObjects(t *testing.T, s3 *storagetest.S3Server) []string {
	t.Helper()
	got, err := s3.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return got
}

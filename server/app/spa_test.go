package app

import (
	"compress/gzip"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"tandem/frontend"
)

// explorerMarker is in frontend/explorer.html, and so in the built page.
const explorerMarker = `data-page="tandem-explorer"`

// testDist is laid out as npm run build lays out frontend/dist.
func testDist(withExplorer bool) fstest.MapFS {
	dist := fstest.MapFS{
		"index.html":             {Data: []byte(`<!doctype html><title>Tandem</title><div id="app"></div><script type="module" src="/assets/index-a1.js"></script>`)},
		"assets/index-a1.js":     {Data: []byte(`console.log("app")`)},
		"assets/explorer-b2.js":  {Data: []byte(`console.log("explorer")`)},
		"assets/explorer-c3.css": {Data: []byte(`#explorer{height:100%}`)},
	}
	if withExplorer {
		// Long enough to be served gzipped (over 512 bytes).
		dist["explorer.html"] = &fstest.MapFile{Data: []byte(`<!doctype html><title>Tandem · GraphQL explorer</title>` +
			`<script type="module" src="/assets/explorer-b2.js"></script><div id="explorer" ` + explorerMarker + `></div>` +
			strings.Repeat("<!-- padding -->", 40))}
	}
	return dist
}

func spaGet(t *testing.T, h http.Handler, method, path string, hdr ...string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	var body io.Reader = res.Body
	if res.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(res.Body)
		if err != nil {
			t.Fatalf("%s %s: bad gzip: %v", method, path, err)
		}
		body = zr
	}
	b, _ := io.ReadAll(body)
	return res, string(b)
}

// cspDirectives splits a Content-Security-Policy header into its directives.
func cspDirectives(csp string) map[string]string {
	d := map[string]string{}
	for _, part := range strings.Split(csp, ";") {
		f := strings.Fields(part)
		if len(f) > 0 {
			d[f[0]] = strings.Join(f[1:], " ")
		}
	}
	return d
}

// checkExplorerCSP: the explorer (GraphiQL with Monaco's web workers) runs under the
// app's strict policy; nothing is widened for it (see pages in spa.go).
func checkExplorerCSP(t *testing.T, csp string) {
	t.Helper()
	d := cspDirectives(csp)
	want := map[string]string{
		"default-src":     "'self'",
		"script-src":      "'self'",
		"worker-src":      "'self'",
		"connect-src":     "'self'",
		"style-src":       "'self' 'unsafe-inline'",
		"frame-ancestors": "'none'",
	}
	for k, v := range want {
		if d[k] != v {
			t.Errorf("CSP %s = %q, want %q (policy %q)", k, d[k], v, csp)
		}
	}
	// Fonts fall back to default-src 'self': GraphiQL's data: fonts are not bundled.
	if v, ok := d["font-src"]; ok && v != "'self'" {
		t.Errorf("CSP font-src = %q, want none (default-src 'self')", v)
	}
	for _, bad := range []string{"'unsafe-eval'", "blob:", "*", "http:", "https:"} {
		for _, k := range []string{"default-src", "script-src", "worker-src", "connect-src"} {
			for _, src := range strings.Fields(d[k]) {
				if src == bad {
					t.Errorf("CSP %s allows %s", k, bad)
				}
			}
		}
	}
}

func TestExplorerPage(t *testing.T) {
	h := securityHeaders(newSPA(testDist(true)))

	for _, p := range []string{"/explorer", "/explorer/", "/explorer.html"} {
		res, body := spaGet(t, h, http.MethodGet, p, "Accept-Encoding", "gzip")
		if res.StatusCode != http.StatusOK || !strings.Contains(body, explorerMarker) || strings.Contains(body, `id="app"`) {
			t.Fatalf("GET %s: %d, want the explorer page: %.200s", p, res.StatusCode, body)
		}
		if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
			t.Errorf("GET %s: Content-Type %q", p, ct)
		}
		if cc := res.Header.Get("Cache-Control"); cc != "no-cache" {
			t.Errorf("GET %s: Cache-Control %q: the page must be revalidated so a new build's chunks load", p, cc)
		}
		if res.Header.Get("Content-Encoding") != "gzip" {
			t.Errorf("GET %s: not gzipped", p)
		}
		checkExplorerCSP(t, res.Header.Get("Content-Security-Policy"))
		if res.Header.Get("X-Frame-Options") != "DENY" {
			t.Errorf("GET %s: X-Frame-Options %q", p, res.Header.Get("X-Frame-Options"))
		}
	}

	if res, body := spaGet(t, h, http.MethodHead, "/explorer"); res.StatusCode != http.StatusOK || body != "" {
		t.Errorf("HEAD /explorer: %d %q", res.StatusCode, body)
	}
	if res, _ := spaGet(t, h, http.MethodPost, "/explorer"); res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /explorer: %d", res.StatusCode)
	}
	// Its assets are immutable like the app's.
	if res, _ := spaGet(t, h, http.MethodGet, "/assets/explorer-b2.js"); res.StatusCode != http.StatusOK || !strings.Contains(res.Header.Get("Cache-Control"), "immutable") {
		t.Errorf("explorer asset: %d %q", res.StatusCode, res.Header.Get("Cache-Control"))
	}
	// The app keeps its paths: the root, client routes (also under /explorer/…, which
	// is no page of the explorer), and 404 for missing files.
	for _, p := range []string{"/", "/customers/CU1/report", "/explorers", "/explorer/saved"} {
		if res, body := spaGet(t, h, http.MethodGet, p); res.StatusCode != http.StatusOK || !strings.Contains(body, `id="app"`) {
			t.Errorf("GET %s: %d, want the app: %.120s", p, res.StatusCode, body)
		}
	}
	if res, _ := spaGet(t, h, http.MethodGet, "/assets/explorer-missing.js"); res.StatusCode != http.StatusNotFound {
		t.Errorf("missing asset: %d", res.StatusCode)
	}
}

// A build without the explorer answers /explorer with 404, not with the phone app.
func TestExplorerPageNotBuilt(t *testing.T) {
	h := securityHeaders(newSPA(testDist(false)))
	for _, p := range []string{"/explorer", "/explorer/"} {
		if res, body := spaGet(t, h, http.MethodGet, p); res.StatusCode != http.StatusNotFound || strings.Contains(body, `id="app"`) {
			t.Errorf("GET %s without explorer.html: %d %.120s", p, res.StatusCode, body)
		}
	}
	if res, _ := spaGet(t, h, http.MethodGet, "/"); res.StatusCode != http.StatusOK {
		t.Errorf("GET /: %d", res.StatusCode)
	}
}

// The page as built (frontend/dist, embedded in the binary): skipped while dist holds
// only the placeholder.
func TestExplorerPageInTheEmbeddedBuild(t *testing.T) {
	dist := frontend.Dist()
	if _, err := fs.Stat(dist, "explorer.html"); err != nil {
		t.Skip("frontend/dist has no explorer.html (placeholder build): run `npm run build` in frontend/ to test the built page")
	}
	h := securityHeaders(newSPA(dist))
	res, body := spaGet(t, h, http.MethodGet, "/explorer", "Accept-Encoding", "gzip")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, explorerMarker) {
		t.Fatalf("GET /explorer: %d: %.300s", res.StatusCode, body)
	}
	checkExplorerCSP(t, res.Header.Get("Content-Security-Policy"))

	// Every script and stylesheet the page names is served, as a file of our own.
	refs := regexp.MustCompile(`(?:src|href)="(/assets/[^"]+)"`).FindAllStringSubmatch(body, -1)
	if len(refs) == 0 {
		t.Fatalf("explorer.html loads no assets: %.300s", body)
	}
	for _, m := range refs {
		if r, _ := spaGet(t, h, http.MethodGet, m[1]); r.StatusCode != http.StatusOK {
			t.Errorf("%s (named by explorer.html): %d", m[1], r.StatusCode)
		}
	}
	// The phone app's page loads none of the explorer's files.
	_, index := spaGet(t, h, http.MethodGet, "/")
	if strings.Contains(index, "/assets/explorer") {
		t.Errorf("index.html references explorer chunks")
	}
}

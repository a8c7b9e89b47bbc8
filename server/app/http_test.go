package app_test

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestHealthAndApp(t *testing.T) {
	e := newEnv(t, "sqlite", envOptions{})
	get := func(path string, hdr map[string]string) (*http.Response, string) {
		req, _ := http.NewRequest(http.MethodGet, e.srv.URL+path, nil)
		for k, v := range hdr {
			req.Header.Set(k, v)
		}
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, string(b)
	}
	if res, body := get("/healthz", nil); res.StatusCode != 200 || body != "ok\n" {
		t.Fatalf("healthz: %d %q", res.StatusCode, body)
	}
	if res, _ := get("/readyz", nil); res.StatusCode != 200 {
		t.Fatalf("readyz: %d", res.StatusCode)
	}
	if res, body := get("/graphql/schema.graphql", nil); res.StatusCode != 200 || !strings.Contains(body, "type Customer implements Node") || strings.Contains(body, "goModel") {
		t.Fatalf("schema: %d", res.StatusCode)
	}
	res, body := get("/", nil)
	if res.StatusCode != 200 || !strings.Contains(body, "<title>Tandem</title>") {
		t.Fatalf("app: %d", res.StatusCode)
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Fatalf("CSP: %q", csp)
	}
	// Client routes fall back to the app; missing assets do not.
	if res, body := get("/customers/CU123/report", nil); res.StatusCode != 200 || !strings.Contains(body, "Tandem") {
		t.Fatalf("client route: %d", res.StatusCode)
	}
	if res, _ := get("/assets/missing.js", nil); res.StatusCode != 404 {
		t.Fatalf("missing asset: %d", res.StatusCode)
	}
	if res, _ := get("/", map[string]string{"Accept-Encoding": "gzip"}); res.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("index not gzipped: %v", res.Header)
	}
	// readyz fails when the database is gone.
	e.app.DB.DB.Close()
	if res, _ := get("/readyz", nil); res.StatusCode != 503 {
		t.Fatalf("readyz with a closed database: %d", res.StatusCode)
	}
}

func TestGETAndPersistedQueries(t *testing.T) {
	e := newEnv(t, "sqlite", envOptions{})
	tok := e.token(e.f.rep1)
	query := `{ me { email } }`
	sum := sha256.Sum256([]byte(query))
	hash := hex.EncodeToString(sum[:])
	ext := `{"persistedQuery":{"version":1,"sha256Hash":"` + hash + `"}}`
	get := func(params url.Values) string {
		req, _ := http.NewRequest(http.MethodGet, e.srv.URL+"/graphql?"+params.Encode(), nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return string(b)
	}
	if body := get(url.Values{"query": {query}}); !strings.Contains(body, "rep1@t.test") {
		t.Fatalf("GET: %s", body)
	}
	if body := get(url.Values{"extensions": {ext}}); !strings.Contains(body, "PERSISTED_QUERY_NOT_FOUND") {
		t.Fatalf("unknown hash: %s", body)
	}
	get(url.Values{"query": {query}, "extensions": {ext}})
	if body := get(url.Values{"extensions": {ext}}); !strings.Contains(body, "rep1@t.test") {
		t.Fatalf("by hash: %s", body)
	}
}

func TestQueryLimits(t *testing.T) {
	e := newEnv(t, "sqlite", envOptions{})
	tok := e.token(e.f.admin)
	// 100 customers × 100 contacts × 100 samples is far above the cost limit.
	r := e.do(tok, `{ customers(first: 100) { edges { node { contacts(first: 100) { edges { node { customer { samples(first: 100) { edges { node { id } } } } } } } } } } }`, nil)
	expectCode(t, r, "BAD_USER_INPUT")
	if r.Data != nil || !strings.Contains(r.Errors[0].Message, "costs") {
		t.Fatalf("over-cost query: %+v", r)
	}
	var b strings.Builder
	b.WriteString("{")
	for i := 0; i < 40; i++ {
		b.WriteString(" a" + string(rune('a'+i%26)) + string(rune('a'+i/26)) + ": me { id }")
	}
	b.WriteString(" }")
	expectCode(t, e.do(tok, b.String(), nil), "BAD_USER_INPUT")
	// Field suggestions are on outside production ("Did you mean").
	r = e.do(tok, `{ customerz(first: 1) { totalCount } }`, nil)
	expectCode(t, r, "BAD_USER_INPUT")
}

package app_test

import (
	"strings"
	"testing"

	"tandem/server/app"
)

// Server paths that no route serves are a plain 404, not the app's index.html;
// client routes still get the app.
func TestUnknownServerPathsAre404(t *testing.T) {
	e := newEnv(t, "sqlite", envOptions{})
	for _, p := range []string{"/metrics", "/metrics/", "/debug/pprof/", "/debug/vars", "/api", "/api/v1/users",
		"/graphql/", "/graphql/nope", "/healthz/", "/health", "/readyz/x", "/exports/", "/imports", "/.well-known/security.txt"} {
		res, body := e.fetch(p)
		if res.StatusCode != 404 || strings.Contains(string(body), "<") || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/plain") {
			t.Errorf("GET %s: %d %s %q, want a plain 404", p, res.StatusCode, res.Header.Get("Content-Type"), clipped(body))
		}
	}
	for _, p := range []string{"/", "/customers/CU01", "/accounts", "/import/IJ01", "/settings"} {
		res, _ := e.fetch(p)
		if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
			t.Errorf("GET %s: %d %s, want the app", p, res.StatusCode, res.Header.Get("Content-Type"))
		}
	}
	for _, p := range []string{"/healthz", "/readyz", "/graphql/schema.graphql"} {
		if res, _ := e.fetch(p); res.StatusCode != 200 {
			t.Errorf("GET %s: %d", p, res.StatusCode)
		}
	}
}

func clipped(b []byte) string {
	if len(b) > 80 {
		return string(b[:80]) + "…"
	}
	return string(b)
}

// With --metrics, /metrics counts requests by route kind, validated operations by
// name and outcome, refused sign-ins and the database pool.
func TestMetricsEndpoint(t *testing.T) {
	e := newEnv(t, "sqlite", envOptions{config: func(c *app.Config) { c.Metrics = true }})
	tok := e.token(e.f.admin)
	e.ok(tok, `query Today { me { id } }`, nil)
	e.do("", `query Today { me { id } }`, nil) // not signed in
	e.do("", `query Invented { nosuchfield }`, nil)
	e.do("", loginMutation, map[string]any{"e": e.f.rep1.Email, "p": "wrong password"})
	e.fetch("/no/such/route")
	e.fetch("/debug/pprof/")
	res, body := e.fetch("/metrics")
	if res.StatusCode != 200 {
		t.Fatalf("/metrics: %d", res.StatusCode)
	}
	m := string(body)
	for _, want := range []string{
		`tandem_http_requests_total{route="graphql",status="2xx"}`,
		`tandem_http_requests_total{route="app",status="2xx"} 1`,
		`tandem_http_requests_total{route="unknown",status="4xx"} 1`,
		`tandem_graphql_operations_total{operation="Today",outcome="ok"} 1`,
		`tandem_graphql_operations_total{operation="Today",outcome="UNAUTHENTICATED"} 1`,
		`tandem_signin_failures_total{reason="UNAUTHENTICATED"} 1`,
		`tandem_graphql_operation_duration_seconds_bucket{operation="Today"`,
		`go_sql_max_open_connections{db_name="sqlite3"} 4`,
		`go_goroutines`,
	} {
		if !strings.Contains(m, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if strings.Contains(m, "Invented") {
		t.Error("an operation that failed validation has a series of its own")
	}
}

// With --metrics-addr the public address keeps /metrics a 404.
func TestMetricsOnOwnAddressOnly(t *testing.T) {
	e := newEnv(t, "sqlite", envOptions{config: func(c *app.Config) { c.Metrics = true; c.MetricsAddr = "127.0.0.1:0" }})
	if res, _ := e.fetch("/metrics"); res.StatusCode != 404 {
		t.Errorf("public /metrics with --metrics-addr: %d", res.StatusCode)
	}
}

// A sane incoming X-Request-Id is kept (a bad one replaced), answered in the header,
// put on the request's log lines and in its internal errors.
func TestRequestID(t *testing.T) {
	e := newEnv(t, "sqlite", envOptions{})
	tok := e.token(e.f.admin)
	if _, err := e.app.DB.DB.Exec(`DROP TABLE competitors`); err != nil {
		t.Fatal(err)
	}
	e.logLines()
	r := e.doWith(map[string]string{"X-Request-Id": "support-42"}, tok, `query { nodes(ids: ["CP01ZZZZZZZZZZZZZZZZZZZZ0001"]) { id } }`, nil)
	if r.code() != "INTERNAL" || r.Errors[0].Extensions["requestId"] != "support-42" || r.header.Get("X-Request-Id") != "support-42" {
		t.Fatalf("internal error %+v, header %q", r.Errors, r.header.Get("X-Request-Id"))
	}
	lines := e.logLines()
	if len(lines) < 2 {
		t.Fatalf("log: %q", lines)
	}
	for _, l := range lines {
		if !strings.Contains(l, "request_id=support-42") {
			t.Errorf("a line of the request lacks its id: %s", l)
		}
	}
	r = e.doWith(map[string]string{"X-Request-Id": "two words\"=x"}, tok, `query { me { id } }`, nil)
	id := r.header.Get("X-Request-Id")
	if id == "" || strings.ContainsAny(id, " \"=") {
		t.Errorf("a bad incoming id was answered as %q", id)
	}
	for _, l := range e.logLines() {
		if !strings.Contains(l, "request_id="+id) {
			t.Errorf("the access line lacks the new id %s: %s", id, l)
		}
	}
	res, _ := e.fetch("/healthz")
	if len(res.Header.Get("X-Request-Id")) != 32 {
		t.Errorf("/healthz answered id %q", res.Header.Get("X-Request-Id"))
	}
}

// Pool settings reach the database pool.
func TestPoolSettings(t *testing.T) {
	e := newEnv(t, "sqlite", envOptions{config: func(c *app.Config) { c.DBMaxOpenConns = 3 }})
	if got := e.app.DB.DB.Stats().MaxOpenConnections; got != 3 {
		t.Fatalf("max open connections %d, want 3", got)
	}
}

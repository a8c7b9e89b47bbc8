package app

import (
	"net/http"
	"time"

	"tandem/graph"
	"tandem/server/metrics"
)

// routeKinds name the routes of routes() for the request metrics: a fixed set, so
// no path a client makes up adds a series. Patterns not listed count as "other".
var routeKinds = map[string]string{
	"/graphql":                             "graphql",
	"GET /graphql/schema.graphql":          "schema",
	"POST /export.csv":                     "export",
	"GET /exports/{file}":                  "export",
	"GET /imports/{id}/{file}":             "import",
	"GET /documents/{id}/download":         "download",
	"GET /issue-attachments/{id}/download": "download",
	"GET /project-documents/{id}/download": "download",
	"GET /media/{id}/download":             "download",
	"GET /healthz":                         "health",
	"GET /readyz":                          "health",
	"GET /metrics":                         "metrics",
	"/":                                    "app",
}

// routeKind is the kind of the route that served r (ServeMux sets r.Pattern); the
// reserved server paths answered 404 are "unknown".
func routeKind(r *http.Request) string {
	if k, ok := routeKinds[r.Pattern]; ok {
		return k
	}
	if r.Pattern == "" {
		return "other"
	}
	for _, p := range reservedPaths {
		if r.Pattern == p || r.Pattern == p+"/" {
			return "unknown"
		}
	}
	return "other"
}

// startMetrics makes the app's metrics: the resolver counts refused sign-ins into
// them, and the database pool is observed.
func (a *App) startMetrics(resolver *graph.Resolver) error {
	a.Metrics = metrics.New()
	resolver.Metrics = a.Metrics
	a.JobDone = a.Metrics.JobRun
	a.Webhooks.Done = a.Metrics.WebhookDelivery
	var names []string
	for _, j := range a.Jobs() {
		names = append(names, j.Name)
	}
	a.Metrics.Expect(names...)
	return a.Metrics.ObserveDB(a.DB.DB, a.DB.Dialect)
}

// observe records a served request in the metrics: every request by route kind and
// status, and GraphQL operations the schema validated by name and outcome.
func (a *App) observe(r *http.Request, status int, took time.Duration, info *graph.RequestInfo) {
	kind := routeKind(r)
	a.Metrics.Request(kind, status, took)
	if kind == "graphql" && info.Operation != "" {
		a.Metrics.Operation(info.Operation, info.Outcome(), took)
	}
}

// reservedPaths are the server's own path prefixes. Paths under them that no route
// serves answer a plain 404 instead of the app's index.html, so a probe of /metrics,
// /debug/pprof/ or a mistyped API path is told the truth; every other path without a
// file extension is one of the app's client routes.
var reservedPaths = []string{
	"/api", "/debug", "/graphql", "/metrics", "/healthz", "/readyz", "/livez", "/health",
	"/exports", "/imports", "/documents", "/issue-attachments", "/project-documents", "/media", "/.well-known",
}

// notFound answers reserved paths that no route serves.
func notFound(w http.ResponseWriter, _ *http.Request) {
	http.Error(w, "404 not found", http.StatusNotFound)
}

// servedExact are reserved paths that a route serves itself.
var servedExact = map[string]bool{"/graphql": true, "/healthz": true, "/readyz": true}

// serverPaths registers the 404 answers of reserved paths and, when enabled on the
// public address, /metrics.
func (a *App) serverPaths(mux *http.ServeMux) {
	for _, p := range reservedPaths {
		mux.HandleFunc(p+"/", notFound)
		switch {
		case p == "/metrics" && a.Config.Metrics && a.Config.MetricsAddr == "":
			mux.Handle("GET /metrics", a.Metrics.Handler())
		case !servedExact[p]:
			mux.HandleFunc(p, notFound)
		}
	}
}

// Package metrics holds Tandem's Prometheus metrics in a registry of their own (not the
// process-wide default one, so tests and two apps in one process never collide), with
// the Go runtime and process collectors, and the counters the server's parts call.
// Every method is safe on a nil *Metrics, which records nothing.
package metrics

import (
	"database/sql"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// MaxOperations caps the distinct GraphQL operation names a server reports; later
// names are counted as OtherOperation, so clients inventing names cannot grow the
// series without bound.
const MaxOperations = 200

// OtherOperation is the label of operations beyond MaxOperations.
const OtherOperation = "other"

// Metrics are the server's metrics.
type Metrics struct {
	Registry *prometheus.Registry

	requests          *prometheus.CounterVec
	requestSeconds    *prometheus.HistogramVec
	operations        *prometheus.CounterVec
	operationSeconds  *prometheus.HistogramVec
	signInFailures    *prometheus.CounterVec
	webhookDeliveries *prometheus.CounterVec
	webhookPending    prometheus.Gauge
	jobRuns           *prometheus.CounterVec
	jobSeconds        *prometheus.HistogramVec

	mu    sync.Mutex
	names map[string]bool // operation names given a series of their own
}

// New makes the metrics and registers them with the Go runtime and process collectors.
func New() *Metrics {
	m := &Metrics{Registry: prometheus.NewRegistry(), names: map[string]bool{}}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "tandem_http_requests_total", Help: "HTTP requests by route kind and status class (2xx, 4xx, …).",
	}, []string{"route", "status"})
	m.requestSeconds = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "tandem_http_request_duration_seconds", Help: "Time to answer HTTP requests, by route kind.",
		Buckets: prometheus.DefBuckets,
	}, []string{"route"})
	m.operations = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "tandem_graphql_operations_total", Help: `GraphQL operations by name (validated operations only; "other" past the cap) and outcome ("ok" or the first error code).`,
	}, []string{"operation", "outcome"})
	m.operationSeconds = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "tandem_graphql_operation_duration_seconds", Help: "Time to answer GraphQL operations, by name.",
		Buckets: prometheus.DefBuckets,
	}, []string{"operation"})
	m.signInFailures = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "tandem_signin_failures_total", Help: "Refused sign-ins by reason (UNAUTHENTICATED: wrong address or password; RATE_LIMITED: throttled).",
	}, []string{"reason"})
	m.webhookDeliveries = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "tandem_webhook_deliveries_total", Help: "Webhook delivery attempts by outcome (delivered, retry, failed).",
	}, []string{"outcome"})
	m.webhookPending = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "tandem_webhook_deliveries_pending", Help: "Webhook deliveries waiting to be sent, as last counted.",
	})
	m.jobRuns = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "tandem_job_runs_total", Help: "Background job runs by job and outcome (ok, error).",
	}, []string{"job", "outcome"})
	m.jobSeconds = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "tandem_job_duration_seconds", Help: "Time a background job run took, by job.",
		Buckets: prometheus.DefBuckets,
	}, []string{"job"})
	m.Registry.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.requests, m.requestSeconds, m.operations, m.operationSeconds, m.signInFailures,
		m.webhookDeliveries, m.webhookPending, m.jobRuns, m.jobSeconds,
	)
	return m
}

// ObserveDB adds the connection pool statistics of db (open, in use, idle, waits)
// as go_sql_* series labelled db_name=name.
func (m *Metrics) ObserveDB(db *sql.DB, name string) error {
	if m == nil {
		return nil
	}
	return m.Registry.Register(collectors.NewDBStatsCollector(db, name))
}

// Handler serves the metrics in Prometheus' text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{Registry: m.Registry})
}

// Request records one HTTP request: its route kind (a fixed set chosen by the caller),
// its status and how long it took.
func (m *Metrics) Request(route string, status int, took time.Duration) {
	if m == nil {
		return
	}
	m.requests.WithLabelValues(route, StatusClass(status)).Inc()
	m.requestSeconds.WithLabelValues(route).Observe(took.Seconds())
}

// StatusClass is "2xx" for 200–299 and so on.
func StatusClass(status int) string {
	if status < 100 || status > 599 {
		return "other"
	}
	return strconv.Itoa(status/100) + "xx"
}

// Operation records one GraphQL operation that the schema validated: its name, its
// outcome ("ok" or an error code) and how long it took.
func (m *Metrics) Operation(name, outcome string, took time.Duration) {
	if m == nil {
		return
	}
	name = m.operationLabel(name)
	m.operations.WithLabelValues(name, outcome).Inc()
	m.operationSeconds.WithLabelValues(name).Observe(took.Seconds())
}

// operationLabel keeps the first MaxOperations names and answers OtherOperation after.
func (m *Metrics) operationLabel(name string) string {
	if len(name) > 100 {
		return OtherOperation
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.names[name] {
		return name
	}
	if len(m.names) >= MaxOperations {
		return OtherOperation
	}
	m.names[name] = true
	return name
}

// SignInFailed counts a refused sign-in; reason is an error code.
func (m *Metrics) SignInFailed(reason string) {
	if m == nil {
		return
	}
	m.signInFailures.WithLabelValues(reason).Inc()
}

// Webhook delivery outcomes.
const (
	Delivered = "delivered" // the receiver answered 2xx
	Retry     = "retry"     // failed, another attempt is scheduled
	Failed    = "failed"    // failed for good
)

// WebhookDelivery counts one delivery attempt by outcome (Delivered, Retry, Failed);
// its signature is webhook.Dispatcher's Done.
func (m *Metrics) WebhookDelivery(outcome string) {
	if m == nil {
		return
	}
	m.webhookDeliveries.WithLabelValues(outcome).Inc()
}

// SetPendingWebhooks sets the number of deliveries waiting to be sent.
func (m *Metrics) SetPendingWebhooks(n int) {
	if m == nil {
		return
	}
	m.webhookPending.Set(float64(n))
}

// JobRun records one run of a background job (a fixed name such as "sla-sweep")
// and its outcome ("ok" or "error"); its signature is jobs.Runner's Done.
func (m *Metrics) JobRun(job, outcome string, took time.Duration) {
	if m == nil {
		return
	}
	m.jobRuns.WithLabelValues(job, outcome).Inc()
	m.jobSeconds.WithLabelValues(job).Observe(took.Seconds())
}

// Expect makes the series of the named jobs and of every webhook outcome exist at zero
// from the start, so that a rate or an alert on them works before their first event.
func (m *Metrics) Expect(jobs ...string) {
	if m == nil {
		return
	}
	for _, o := range []string{Delivered, Retry, Failed} {
		m.webhookDeliveries.WithLabelValues(o)
	}
	for _, j := range jobs {
		m.jobRuns.WithLabelValues(j, "ok")
		m.jobRuns.WithLabelValues(j, "error")
	}
}

package metrics

import (
	"fmt"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
)

func scrape(t *testing.T, m *Metrics) string {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	b, _ := io.ReadAll(rec.Body)
	return string(b)
}

func TestOperationNamesAreCapped(t *testing.T) {
	m := New()
	for i := range MaxOperations + 50 {
		m.Operation(fmt.Sprintf("Op%d", i), "ok", time.Millisecond)
	}
	m.Operation("Op0", "ok", time.Millisecond)
	m.Operation(strings.Repeat("x", 101), "ok", time.Millisecond)
	if n := testutil.CollectAndCount(m.operations); n != MaxOperations+1 {
		t.Fatalf("%d operation series, want %d names and %q", n, MaxOperations, OtherOperation)
	}
	if got := testutil.ToFloat64(m.operations.WithLabelValues(OtherOperation, "ok")); got != 51 {
		t.Errorf("other = %v, want 51 (50 past the cap and one overlong name)", got)
	}
	if got := testutil.ToFloat64(m.operations.WithLabelValues("Op0", "ok")); got != 2 {
		t.Errorf("Op0 = %v, want 2: a known name keeps its series", got)
	}
}

func TestEverySeriesIsExposed(t *testing.T) {
	m := New()
	m.Request("graphql", 200, time.Millisecond)
	m.Request("app", 404, time.Millisecond)
	m.Operation("Today", "FORBIDDEN", time.Millisecond)
	m.SignInFailed("UNAUTHENTICATED")
	m.WebhookDelivery(Retry)
	m.SetPendingWebhooks(3)
	m.JobRun("sla-sweep", "error", time.Second)
	body := scrape(t, m)
	for _, want := range []string{
		`tandem_http_requests_total{route="graphql",status="2xx"} 1`,
		`tandem_http_requests_total{route="app",status="4xx"} 1`,
		`tandem_graphql_operations_total{operation="Today",outcome="FORBIDDEN"} 1`,
		`tandem_signin_failures_total{reason="UNAUTHENTICATED"} 1`,
		`tandem_webhook_deliveries_total{outcome="retry"} 1`,
		`tandem_webhook_deliveries_pending 3`,
		`tandem_job_runs_total{job="sla-sweep",outcome="error"} 1`,
		`tandem_http_request_duration_seconds_bucket{route="graphql",le=`,
		"go_goroutines", "process_",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}

func TestNilMetricsRecordNothing(t *testing.T) {
	var m *Metrics
	m.Request("app", 200, 0)
	m.Operation("x", "ok", 0)
	m.SignInFailed("x")
	m.WebhookDelivery(Delivered)
	m.SetPendingWebhooks(1)
	m.JobRun("x", "ok", 0)
	if err := m.ObserveDB(nil, "x"); err != nil {
		t.Fatal(err)
	}
}

func TestStatusClass(t *testing.T) {
	for in, want := range map[int]string{200: "2xx", 204: "2xx", 302: "3xx", 404: "4xx", 503: "5xx", 0: "other", 999: "other"} {
		if got := StatusClass(in); got != want {
			t.Errorf("StatusClass(%d) = %q, want %q", in, got, want)
		}
	}
}

// TestExpectedSeriesStartAtZero: the series of the jobs and webhook outcomes exist
// before their first event.
func TestExpectedSeriesStartAtZero(t *testing.T) {
	m := New()
	if body := scrape(t, m); strings.Contains(body, `tandem_job_runs_total{job="retired-keys"`) {
		t.Fatal("a job series exists before Expect")
	}
	m.Expect("retired-keys")
	body := scrape(t, m)
	for _, want := range []string{
		`tandem_job_runs_total{job="retired-keys",outcome="ok"} 0`,
		`tandem_job_runs_total{job="retired-keys",outcome="error"} 0`,
		`tandem_webhook_deliveries_total{outcome="delivered"} 0`,
		`tandem_webhook_deliveries_total{outcome="failed"} 0`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}

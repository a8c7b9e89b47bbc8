package app_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"tandem/ent/webhookdelivery"
	"tandem/server/app"
	"tandem/server/webhook"
)

// receiver is a partner's HTTPS endpoint on loopback, recording what it is sent.
type receiver struct {
	srv    *httptest.Server
	mu     sync.Mutex
	status int
	got    []received
}

type received struct {
	header http.Header
	body   []byte
}

func newReceiver(t *testing.T) *receiver {
	r := &receiver{status: 200}
	r.srv = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		b, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		defer r.mu.Unlock()
		r.got = append(r.got, received{req.Header.Clone(), b})
		w.WriteHeader(r.status)
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *receiver) all() []received {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]received(nil), r.got...)
}

func (r *receiver) answer(code int) {
	r.mu.Lock()
	r.status = code
	r.mu.Unlock()
}

// webhookSetup gives the acme account a partner token and an endpoint for order events.
func webhookSetup(t *testing.T, e *env, rcv *receiver) (token, secret string) {
	admin := e.token(e.f.admin)
	d := e.ok(admin, `mutation($c: ID!) { issueAPIToken(input: {customerID: $c, name: "ERP", scopes: ["orders:read", "webhooks:manage"]}) { token } }`,
		map[string]any{"c": e.f.acmeEast.ID})
	token = dig(d, "issueAPIToken", "token").(string)
	expectCode(t, e.do(token, `mutation { createWebhookEndpoint(input: {url: "http://example.com/hook", events: ["order.status_changed"]}) { secret } }`, nil), "BAD_USER_INPUT")
	expectCode(t, e.do(token, `mutation($u: String!) { createWebhookEndpoint(input: {url: $u, events: ["order.shipped"]}) { secret } }`, map[string]any{"u": rcv.srv.URL}), "BAD_USER_INPUT")
	expectCode(t, e.do(e.token(e.f.rep1), `mutation($u: String!) { createWebhookEndpoint(input: {url: $u, events: ["order.status_changed"]}) { secret } }`, map[string]any{"u": rcv.srv.URL}), "FORBIDDEN")
	d = e.ok(token, `mutation($u: String!) { createWebhookEndpoint(input: {url: $u, events: ["order.status_changed", "shipment.updated"]}) { secret endpoint { id url events active } } }`,
		map[string]any{"u": rcv.srv.URL + "/hook"})
	return token, dig(d, "createWebhookEndpoint", "secret").(string)
}

// orderStep confirms a fresh acme order as rep1: one order.status_changed event.
func orderStep(t *testing.T, e *env, number string) {
	c := e.app.DB.Client
	o := c.Order.Create().SetCustomerID(e.f.acmeEast.ID).SetNumber(number).SetDeliveryDate(time.Now().Add(240 * time.Hour)).SaveX(e.sys)
	e.ok(e.token(e.f.rep1), `mutation($id: ID!) { a: completeOrderStep(input: {id: $id, step: CONFIRMED}) { status } b: completeOrderStep(input: {id: $id, step: CONTRACT_SIGNED}) { status } }`, map[string]any{"id": o.ID})
}

func TestWebhookDeliveryIsSignedAndRetried(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b, func(t *testing.T) {
			t.Parallel()
			rcv := newReceiver(t)
			e := newEnv(t, b, envOptions{webhookHTTP: rcv.srv.Client()})
			token, secret := webhookSetup(t, e, rcv)
			orderStep(t, e, "SO-W1") // OPEN → IN_PRODUCTION: one status change
			ctx := context.Background()
			d := e.app.Webhooks
			if n, err := d.DispatchOnce(ctx); err != nil || n != 1 {
				t.Fatalf("dispatched %d, %v", n, err)
			}
			got := rcv.all()
			if len(got) != 1 {
				t.Fatalf("receiver got %d deliveries", len(got))
			}
			var payload struct {
				ID, Type string
				Data     map[string]any
			}
			if err := json.Unmarshal(got[0].body, &payload); err != nil {
				t.Fatal(err)
			}
			if payload.Type != "order.status_changed" || payload.Data["number"] != "SO-W1" || payload.Data["status"] != "IN_PRODUCTION" || payload.ID != got[0].header.Get("Tandem-Event-Id") {
				t.Fatalf("payload %s, headers %v", got[0].body, got[0].header)
			}
			// The signature verifies with the secret, and fails with another.
			sig := got[0].header.Get("Tandem-Signature")
			ts := strings.TrimPrefix(strings.Split(sig, ",")[0], "t=")
			at, _ := time.Parse(time.RFC3339, time.Unix(atoi(ts), 0).UTC().Format(time.RFC3339))
			if webhook.Sign(secret, at, got[0].body) != sig || webhook.Sign("whsec_other", at, got[0].body) == sig {
				t.Fatalf("signature %q does not verify", sig)
			}
			// The partner reads its delivery log.
			r := e.ok(token, `{ webhookDeliveries(first: 10) { totalCount edges { node { eventType status attempts lastStatusCode } } } }`, nil)
			if num(dig(r, "webhookDeliveries", "totalCount")) != 1 || dig(r, "webhookDeliveries", "edges", 0, "node", "status") != "DELIVERED" {
				t.Fatalf("delivery log: %v", r)
			}
			expectCode(t, e.do(e.token(e.f.rep1), `{ webhookDeliveries(first: 10) { totalCount } }`, nil), "NOT_FOUND")

			// A failing receiver: retried later with backoff, the same event id.
			rcv.answer(500)
			orderStep(t, e, "SO-W2")
			if n, _ := d.DispatchOnce(ctx); n != 1 {
				t.Fatalf("first try: %d", n)
			}
			dl := e.app.DB.Client.WebhookDelivery.Query().Where(webhookdelivery.StatusEQ(webhookdelivery.StatusPENDING)).OnlyX(e.sys)
			if dl.Attempts != 1 || dl.LastStatusCode == nil || *dl.LastStatusCode != 500 || time.Until(dl.NextAttemptAt) < 20*time.Second {
				t.Fatalf("after a failure: %+v", dl)
			}
			if n, _ := d.DispatchOnce(ctx); n != 0 {
				t.Fatalf("retried before its time: %d", n)
			}
			rcv.answer(200)
			later := &webhook.Dispatcher{Client: e.app.DB.Client, Dialect: e.app.DB.Dialect, HTTP: rcv.srv.Client(), Batch: 10,
				Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: func() time.Time { return time.Now().Add(31 * time.Second) }}
			if n, _ := later.DispatchOnce(ctx); n != 1 {
				t.Fatalf("retry: %d", n)
			}
			all := rcv.all()
			if len(all) != 3 || all[1].header.Get("Tandem-Event-Id") != all[2].header.Get("Tandem-Event-Id") {
				t.Fatalf("retry is not the same event: %d deliveries", len(all))
			}
			if s := e.app.DB.Client.WebhookDelivery.GetX(e.sys, dl.ID); s.Status != webhookdelivery.StatusDELIVERED || s.Attempts != 2 {
				t.Fatalf("after the retry: %+v", s)
			}
		})
	}
}

func atoi(s string) int64 {
	var n int64
	for _, c := range s {
		n = n*10 + int64(c-'0')
	}
	return n
}

// TestWebhookOutboxSurvivesRestartAndNeverDoubleSends: deliveries written before a
// restart are sent by the next process, and two dispatchers working the same
// database at once send each delivery exactly once.
func TestWebhookOutboxSurvivesRestartAndNeverDoubleSends(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b, func(t *testing.T) {
			t.Parallel()
			rcv := newReceiver(t)
			e := newEnv(t, b, envOptions{webhookHTTP: rcv.srv.Client()})
			webhookSetup(t, e, rcv)
			for i := 0; i < 12; i++ {
				orderStep(t, e, "SO-R"+string(rune('A'+i)))
			}
			// "Restart": a second server process on the same database.
			second, err := app.New(context.Background(), e.app.Config, slog.New(slog.NewTextHandler(io.Discard, nil)), app.Options{WebhookHTTP: rcv.srv.Client()})
			if err != nil {
				t.Fatal(err)
			}
			defer second.Close()
			first := e.app.Webhooks
			first.Batch, second.Webhooks.Batch = 3, 3
			var wg sync.WaitGroup
			for _, d := range []*webhook.Dispatcher{first, second.Webhooks} {
				wg.Add(1)
				go func(d *webhook.Dispatcher) {
					defer wg.Done()
					for i := 0; i < 10; i++ {
						if _, err := d.DispatchOnce(context.Background()); err != nil {
							t.Error(err)
						}
					}
				}(d)
			}
			wg.Wait()
			seen := map[string]int{}
			for _, r := range rcv.all() {
				seen[r.header.Get("Tandem-Delivery-Id")]++
			}
			if len(seen) != 12 {
				t.Fatalf("%d deliveries received, want 12", len(seen))
			}
			for id, n := range seen {
				if n != 1 {
					t.Fatalf("delivery %s sent %d times", id, n)
				}
			}
		})
	}
}

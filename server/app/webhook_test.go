package app_test

import (
	"context"
	"crypto/x509"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
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
	delay  time.Duration // how long it takes to answer
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
		r.got = append(r.got, received{req.Header.Clone(), b})
		status, delay := r.status, r.delay
		r.mu.Unlock()
		time.Sleep(delay)
		w.WriteHeader(status)
	}))
	t.Cleanup(r.srv.Close)
	return r
}

// trust is the certificate pool that verifies the receiver (its certificate is valid
// for 127.0.0.1, ::1 and example.com).
func (r *receiver) trust() *x509.CertPool {
	pool := x509.NewCertPool()
	pool.AddCert(r.srv.Certificate())
	return pool
}

// port is the receiver's port on 127.0.0.1.
func (r *receiver) port() string {
	u, _ := url.Parse(r.srv.URL)
	return u.Port()
}

// localReceiver is the environment of a test whose receiver runs on 127.0.0.1: the
// admin's allow-list names that address (TANDEM_WEBHOOK_ALLOW_HOSTS=127.0.0.1), as for
// an on-premise partner, and the receiver's certificate is trusted.
func localReceiver(rcv *receiver) envOptions {
	return envOptions{webhookCAs: rcv.trust(), webhookAllow: []string{"127.0.0.1"}}
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
			e := newEnv(t, b, localReceiver(rcv))
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
			expectCode(t, e.do(e.token(e.f.rep1), `{ webhookDeliveries(first: 10) { totalCount } }`, nil), "FORBIDDEN") // a type reps never read

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
			later := &webhook.Dispatcher{Client: e.app.DB.Client, Dialect: e.app.DB.Dialect, HTTP: d.HTTP, Batch: 10,
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
			e := newEnv(t, b, localReceiver(rcv))
			webhookSetup(t, e, rcv)
			for i := 0; i < 12; i++ {
				orderStep(t, e, "SO-R"+string(rune('A'+i)))
			}
			// "Restart": a second server process on the same database.
			second, err := app.New(context.Background(), e.app.Config, slog.New(slog.NewTextHandler(io.Discard, nil)), app.Options{WebhookRootCAs: rcv.trust()})
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

// testDNS answers the lookups of webhook hosts: the names set, and any other name with
// a public address (so no test depends on the network), except names under .invalid.
type testDNS struct {
	mu      sync.Mutex
	answers map[string][]string
}

const publicAddr = "93.184.215.14"

func (d *testDNS) set(host string, ips ...string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.answers == nil {
		d.answers = map[string][]string{}
	}
	d.answers[host] = ips
}

func (d *testDNS) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	ips, ok := d.answers[host]
	if !ok && strings.HasSuffix(host, ".invalid") {
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	if !ok {
		ips = []string{publicAddr}
	}
	var out []netip.Addr
	for _, s := range ips {
		out = append(out, netip.MustParseAddr(s))
	}
	return out, nil
}

// lockedBuffer is a server log the test reads while the server writes it.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// webhookToken issues the acme account a partner token that manages webhooks.
func webhookToken(e *env) string {
	d := e.ok(e.token(e.f.admin), `mutation($c: ID!) { issueAPIToken(input: {customerID: $c, name: "ERP", scopes: ["orders:read", "webhooks:manage"]}) { token } }`,
		map[string]any{"c": e.f.acmeEast.ID})
	return dig(d, "issueAPIToken", "token").(string)
}

const createEndpoint = `mutation($in: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $in) { secret endpoint { id url } } }`

// deliveryLog is the partner's view of its deliveries, oldest first.
const deliveryLog = `{ webhookDeliveries(first: 10, orderBy: {field: CREATED_AT, direction: ASC}) { edges { node { id status attempts lastStatusCode lastError endpoint { url } } } } }`

// TestWebhookRegistrationRefusesInternalAddresses: a partner (or an admin) cannot
// register an endpoint on loopback, private, link-local, CGNAT or metadata addresses,
// written as IP addresses or as names that resolve to them; the refusal names the
// field and never tells what a name resolved to. Public hosts, and internal hosts the
// admin allowed, are accepted.
func TestWebhookRegistrationRefusesInternalAddresses(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b, func(t *testing.T) {
			t.Parallel()
			rcv := newReceiver(t) // a live HTTPS server on 127.0.0.1: its port must not be reachable
			p := rcv.port()
			dns := &testDNS{}
			dns.set("localhost", "127.0.0.1", "::1")
			dns.set("hooks-loopback.partner.example", "127.0.0.1")
			dns.set("hooks-intranet.partner.example", publicAddr, "10.20.30.40")
			dns.set("hooks-metadata.partner.example", "169.254.169.254")
			dns.set("hooks-nat64.partner.example", "64:ff9b::7f00:1")
			dns.set("erp.partner.local", "10.1.2.3")
			e := newEnv(t, b, envOptions{webhookResolver: dns, webhookAllow: []string{"erp.partner.local"}})
			token, admin := webhookToken(e), e.token(e.f.admin)
			count := func() int { return e.app.DB.Client.WebhookEndpoint.Query().CountX(e.sys) }

			for _, tc := range []struct{ url, says string }{
				{"https://127.0.0.1:" + p + "/hook", "127.0.0.1 is a loopback address"},
				{"https://[::1]:" + p + "/hook", "::1 is a loopback address"},
				{"https://[::ffff:127.0.0.1]:" + p + "/hook", "loopback"},
				{"https://10.0.0.5/hook", "10.0.0.5 is a private address"},
				{"https://192.168.1.10:8443/hook", "private"},
				{"https://100.64.0.7/hook", "CGNAT"},
				{"https://169.254.169.254/latest/meta-data/", "cloud metadata"},
				{"https://[fd00:ec2::254]/", "cloud metadata"},
				{"https://[fe80::1]/hook", "link-local"},
				{"https://localhost:" + p + "/hook", "must resolve to public internet addresses"},
				{"https://hooks-loopback.partner.example:" + p + "/hook", "must resolve to public internet addresses"},
				{"https://hooks-intranet.partner.example/hook", "must resolve to public internet addresses"},
				{"https://hooks-metadata.partner.example/hook", "must resolve to public internet addresses"},
				{"https://hooks-nat64.partner.example/hook", "must resolve to public internet addresses"},
				{"https://nowhere.invalid/hook", "must resolve to public internet addresses"},
				{"https://10.1.2.3/hook", "private"}, // the allowed host's address, not its name
				{"https://ops:secret@hooks.partner.example/hook", "user name or password"},
				{"https://hooks.partner.example:22/hook", "port"},
			} {
				before := count()
				for who, tok := range map[string]string{"partner": token, "admin": admin} {
					in := map[string]any{"url": tc.url, "events": []string{"order.status_changed"}}
					if who == "admin" {
						in["customerID"] = e.f.acmeEast.ID
					}
					r := e.do(tok, createEndpoint, map[string]any{"in": in})
					if r.code() != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != "url" || !strings.Contains(r.Errors[0].Message, tc.says) {
						t.Fatalf("%s registering %s: %+v, want BAD_USER_INPUT on url saying %q", who, tc.url, r.Errors, tc.says)
					}
					for _, secret := range []string{"10.20.30.40", "169.254.169.254", "127.0.0.1", "7f00"} {
						if !strings.Contains(tc.url, secret) && strings.Contains(r.Errors[0].Message, secret) {
							t.Fatalf("%s: the refusal tells what the name resolves to: %q", tc.url, r.Errors[0].Message)
						}
					}
				}
				if count() != before {
					t.Fatalf("%s: an endpoint was stored", tc.url)
				}
			}

			for _, u := range []string{"https://hooks.partner.example/tandem", "https://hooks.partner.example:8443/tandem", "https://erp.partner.local:8443/hook"} {
				e.ok(token, createEndpoint, map[string]any{"in": map[string]any{"url": u, "events": []string{"order.status_changed"}}})
			}
			if count() != 3 {
				t.Fatalf("%d endpoints, want 3", count())
			}
		})
	}
}

// TestWebhookRebindingIsRefusedWhenConnecting: a name that resolved to a public address
// at registration and resolves to 127.0.0.1 when the delivery is sent (DNS rebinding)
// is refused by the dialer; the receiver listening there gets nothing, the partner's
// log says only "refused: address not allowed", the server log has the details.
func TestWebhookRebindingIsRefusedWhenConnecting(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b, func(t *testing.T) {
			t.Parallel()
			rcv := newReceiver(t) // its certificate is valid for example.com: only the address check stands in the way
			dns := &testDNS{}
			dns.set("example.com", publicAddr)
			log := &lockedBuffer{}
			e := newEnv(t, b, envOptions{webhookCAs: rcv.trust(), webhookResolver: dns, log: log})
			token := webhookToken(e)
			e.ok(token, createEndpoint, map[string]any{"in": map[string]any{"url": "https://example.com:" + rcv.port() + "/hook", "events": []string{"order.status_changed"}}})

			dns.set("example.com", "127.0.0.1") // the partner's DNS now points at us
			orderStep(t, e, "SO-RB1")
			if n, err := e.app.Webhooks.DispatchOnce(context.Background()); err != nil || n != 1 {
				t.Fatalf("dispatched %d, %v", n, err)
			}
			if got := rcv.all(); len(got) != 0 {
				t.Fatalf("the receiver on 127.0.0.1 got %d deliveries", len(got))
			}
			r := e.ok(token, deliveryLog, nil)
			node := dig(r, "webhookDeliveries", "edges", 0, "node")
			if dig(node, "status") != "PENDING" || dig(node, "lastError") != "refused: address not allowed" || dig(node, "lastStatusCode") != nil {
				t.Fatalf("delivery log: %v", node)
			}
			id := dig(node, "id").(string)
			if l := log.String(); !strings.Contains(l, id) || !strings.Contains(l, "127.0.0.1:"+rcv.port()) || !strings.Contains(l, "loopback") {
				t.Fatalf("the server log lacks the details of %s:\n%s", id, l)
			}
		})
	}
}

// TestWebhookDeliveryLogHidesPorts: the partner's delivery log tells a closed port from
// an open one no more than it tells the address: both are "connection failed" (the
// server log has the address and the error); an answer is its status.
func TestWebhookDeliveryLogHidesPorts(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b, func(t *testing.T) {
			t.Parallel()
			rcv := newReceiver(t)
			rcv.answer(503)
			closed, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			closedPort := strings.TrimPrefix(closed.Addr().String(), "127.0.0.1:")
			closed.Close()
			plain := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})) // open, but no TLS
			t.Cleanup(plain.Close)
			plainPort := strings.TrimPrefix(plain.URL, "http://127.0.0.1:")
			log := &lockedBuffer{}
			opts := localReceiver(rcv)
			opts.log = log
			e := newEnv(t, b, opts)
			token := webhookToken(e)
			for _, u := range []string{"https://127.0.0.1:" + closedPort + "/hook", "https://127.0.0.1:" + plainPort + "/hook", rcv.srv.URL + "/hook"} {
				e.ok(token, createEndpoint, map[string]any{"in": map[string]any{"url": u, "events": []string{"order.status_changed"}}})
			}
			orderStep(t, e, "SO-P1")
			if n, err := e.app.Webhooks.DispatchOnce(context.Background()); err != nil || n != 3 {
				t.Fatalf("dispatched %d, %v", n, err)
			}
			r := e.ok(token, deliveryLog, nil)
			byURL := map[string]string{}
			for _, edge := range dig(r, "webhookDeliveries", "edges").([]any) {
				n := dig(edge, "node")
				byURL[dig(n, "endpoint", "url").(string)] = dig(n, "lastError").(string)
			}
			want := map[string]string{
				"https://127.0.0.1:" + closedPort + "/hook": "connection failed",
				"https://127.0.0.1:" + plainPort + "/hook":  "connection failed",
				rcv.srv.URL + "/hook":                       "HTTP 503",
			}
			for u, msg := range want {
				if byURL[u] != msg {
					t.Errorf("%s: lastError %q, want %q", u, byURL[u], msg)
				}
				for _, p := range []string{closedPort, plainPort, rcv.port()} {
					if strings.Contains(byURL[u], p) {
						t.Errorf("%s: lastError %q tells the port", u, byURL[u])
					}
				}
			}
			if l := log.String(); !strings.Contains(l, "127.0.0.1:"+closedPort) || !strings.Contains(l, "127.0.0.1:"+plainPort) {
				t.Fatalf("the server log lacks the details:\n%s", l)
			}
		})
	}
}

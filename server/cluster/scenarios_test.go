package cluster_test

import (
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// deliveredOnce: a partner's endpoint gets the status changes of its orders; with the
// workers of both processes claiming, every delivery arrives exactly once.
func deliveredOnce(t *testing.T, front string, rcv *webhookReceiver) {
	admin := login(t, front, "admin@demo.tandem")
	d := ok(t, front, admin, `{ orders(first: 100, where: {status: OPEN}) { edges { node { id customer { id } } } } }`, nil)
	byCustomer := map[string][]string{}
	best := ""
	for _, e := range dig(d, "orders", "edges").([]any) {
		c := dig(e, "node", "customer", "id").(string)
		byCustomer[c] = append(byCustomer[c], dig(e, "node", "id").(string))
		if best == "" {
			best = c
		}
	}
	if best == "" {
		t.Fatal("the demo has no open order")
	}
	// Ten new orders of the customer, each moved to production: ten status changes.
	var orders []string
	for i := range 10 {
		o := ok(t, front, admin, `mutation($c: ID!, $n: String!, $d: Time!) { createOrder(input: {customerID: $c, number: $n, deliveryDate: $d}) { id } }`,
			map[string]any{"c": best, "n": "CLUSTER-" + string(rune('A'+i)), "d": time.Now().Add(30 * 24 * time.Hour).UTC().Format(time.RFC3339)})
		orders = append(orders, dig(o, "createOrder", "id").(string))
	}
	tok := dig(ok(t, front, admin, `mutation($c: ID!) { issueAPIToken(input: {customerID: $c, name: "cluster test", scopes: ["orders:read", "webhooks:manage"], budgetPerSecond: 1000, budgetBurst: 5000}) { token } }`,
		map[string]any{"c": best}), "issueAPIToken", "token").(string)
	ok(t, front, tok, `mutation($u: String!) { createWebhookEndpoint(input: {url: $u, events: ["order.status_changed"]}) { secret } }`,
		map[string]any{"u": rcv.url + "/hook"})
	for _, id := range orders {
		ok(t, front, admin, `mutation($id: ID!) { a: completeOrderStep(input: {id: $id, step: CONFIRMED}) { status } b: completeOrderStep(input: {id: $id, step: CONTRACT_SIGNED}) { status } }`,
			map[string]any{"id": id})
	}
	var want int
	end := time.Now().Add(90 * time.Second)
	for time.Now().Before(end) {
		r := ok(t, front, tok, `{ webhookDeliveries(first: 50) { totalCount edges { node { status attempts } } } }`, nil)
		want = int(dig(r, "webhookDeliveries", "totalCount").(float64))
		pending := 0
		for _, e := range dig(r, "webhookDeliveries", "edges").([]any) {
			if dig(e, "node", "status") != "DELIVERED" {
				pending++
			}
		}
		if want >= len(orders) && pending == 0 {
			break
		}
		time.Sleep(500 * time.Millisecond)
	}
	time.Sleep(3 * time.Second) // a second send, if there were one, would arrive by now
	ids, most := rcv.counts()
	if want < len(orders) || ids != want || most != 1 {
		t.Fatalf("%d deliveries recorded for %d orders; the receiver got %d distinct deliveries in %d requests, one of them %d times",
			want, len(orders), ids, rcv.total.Load(), most)
	}
	t.Logf("%d webhook deliveries, each received once", ids)
}

// load sends requests from eight clients through the balancer until stop is closed,
// calling event once in the middle; it reports the answers before and after event and
// the failures.
func load(t *testing.T, front string, event func()) (before, after, failed int64) {
	const clients = 8
	tok := login(t, front, "rep1@demo.tandem")
	var okN, okAfter, bad atomic.Int64
	var happened atomic.Bool
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				later := happened.Load()
				a, err := post(front, tok, `{ customers(first: 20) { totalCount edges { node { id name } } } }`, nil)
				if err != nil || len(a.Errors) > 0 || a.Data["customers"] == nil {
					bad.Add(1)
					continue
				}
				okN.Add(1)
				if later {
					okAfter.Add(1)
				}
			}
		}()
	}
	time.Sleep(1500 * time.Millisecond)
	before = okN.Load()
	happened.Store(true)
	event()
	time.Sleep(2 * time.Second)
	close(stop)
	wg.Wait()
	return before, okAfter.Load(), bad.Load()
}

// stopGracefully: a process told to stop (SIGTERM) under load fails /readyz first,
// finishes what it serves and stops: no request fails.
func stopGracefully(t *testing.T, front string, p *process) {
	before, after, failed := load(t, front, func() { p.stop(t, syscall.SIGTERM, 30*time.Second) })
	t.Logf("answered %d before and %d after SIGTERM, failed %d", before, after, failed)
	if failed != 0 || before == 0 || after == 0 {
		t.Fatalf("a graceful stop under load: %d failed, %d answered before, %d after", failed, before, after)
	}
	lines := strings.Join(p.lines(), "\n")
	for _, step := range []string{"/readyz now fails", "finishing requests in flight", "stopped"} {
		if !strings.Contains(lines, step) {
			t.Fatalf("the stop did not log %q:\n%s", step, lines)
		}
	}
}

// killUnderLoad: one process is killed (SIGKILL, no goodbye) under load. The requests
// it was serving fail — at most one per client — and every other request is answered
// by the other process.
func killUnderLoad(t *testing.T, front string, lb *balancer, victim *process, victimIndex int) {
	before, after, failed := load(t, front, func() {
		_ = victim.cmd.Process.Kill()
		<-victim.done
	})
	lost := lb.Lost(victimIndex)
	t.Logf("answered %d before and %d after the kill, failed %d, in flight on the killed process %d, sent again after a refused connection %d",
		before, after, failed, lost, lb.Retried.Load())
	// Every failure is a request the killed process had received, and each of the
	// eight clients had at most one request out.
	if failed != lost || lost > 8 {
		t.Fatalf("%d requests failed, %d of them in flight on the killed process (at most 8 can be)", failed, lost)
	}
	if before == 0 || after == 0 {
		t.Fatalf("answered %d before and %d after the kill", before, after)
	}
}

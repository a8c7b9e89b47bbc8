package app_test

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"tandem/ent/webhookdelivery"
	"tandem/server/webhook"
)

// TestWebhookClaimOutlastsSlowReceiver: a delivery that takes several lease times to
// send stays claimed by its sender (the claim is renewed while it sends), so a second
// process dispatching all along never sends it again, and the outcome is recorded by
// the process that holds the claim.
func TestWebhookClaimOutlastsSlowReceiver(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b, func(t *testing.T) {
			t.Parallel()
			rcv := newReceiver(t)
			rcv.mu.Lock()
			rcv.delay = 1500 * time.Millisecond
			rcv.mu.Unlock()
			e := newEnv(t, b, localReceiver(rcv))
			webhookSetup(t, e, rcv)
			orderStep(t, e, "SO-SLOW")
			quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
			lease := 300 * time.Millisecond
			slow := &webhook.Dispatcher{Client: e.app.DB.Client, Dialect: e.app.DB.Dialect, HTTP: e.app.Webhooks.HTTP, Batch: 5, Lease: lease, Log: quiet}
			other := &webhook.Dispatcher{Client: e.app.DB.Client, Dialect: e.app.DB.Dialect, HTTP: e.app.Webhooks.HTTP, Batch: 5, Lease: lease, Log: quiet}
			var wg sync.WaitGroup
			wg.Add(1)
			go func() {
				defer wg.Done()
				if n, err := slow.DispatchOnce(context.Background()); err != nil || n != 1 {
					t.Errorf("the first dispatcher sent %d, %v", n, err)
				}
			}()
			// The other process looks for due deliveries every 100 ms while the first sends.
			time.Sleep(100 * time.Millisecond)
			for end := time.Now().Add(1800 * time.Millisecond); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
				if n, err := other.DispatchOnce(context.Background()); err != nil || n != 0 {
					t.Fatalf("the second dispatcher claimed %d deliveries (%v) while the first was sending", n, err)
				}
			}
			wg.Wait()
			if got := len(rcv.all()); got != 1 {
				t.Fatalf("the receiver got %d requests, want 1", got)
			}
			dl := e.app.DB.Client.WebhookDelivery.Query().OnlyX(e.sys)
			if dl.Status != webhookdelivery.StatusDELIVERED || dl.Attempts != 1 || dl.ClaimToken != "" || dl.LockedUntil != nil {
				t.Fatalf("after the delivery: status %s, attempts %d, claim %q, locked %v", dl.Status, dl.Attempts, dl.ClaimToken, dl.LockedUntil)
			}
		})
	}
}

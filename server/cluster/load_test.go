package cluster_test

import (
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestLoadTwoProcessesVersusOne measures, in one run, how many requests per second one
// process serves behind the balancer and how many two do, with the same clients and
// the same read (an account list page as a rep sees it). It is a measurement, not a
// check: run it with `make load-cluster` (TANDEM_CLUSTER_LOAD=1); TANDEM_CLUSTER_CLIENTS
// and TANDEM_CLUSTER_SECONDS set the load.
func TestLoadTwoProcessesVersusOne(t *testing.T) {
	base := os.Getenv("TANDEM_TEST_DATABASE_URL")
	if base == "" || os.Getenv("TANDEM_CLUSTER_LOAD") == "" {
		t.Skip("set TANDEM_CLUSTER_LOAD=1 and TANDEM_TEST_DATABASE_URL (make load-cluster)")
	}
	clients := envInt("TANDEM_CLUSTER_CLIENTS", 16)
	seconds := envInt("TANDEM_CLUSTER_SECONDS", 10)
	bin := buildTandem(t)
	env := []string{"DATABASE_URL=" + pgSchema(t, base), "TANDEM_JWT_SECRET=", "TANDEM_WORKERS=off"}
	a := start(t, "process A", bin, env, "--demo")
	a.waitReady(t, 3*time.Minute)
	b := start(t, "process B", bin, env)
	b.waitReady(t, time.Minute)
	_, one := newBalancer(t, a.url)
	_, two := newBalancer(t, a.url, b.url)
	tok := login(t, one, "rep1@demo.tandem")
	measure := func(front string) float64 {
		var n, bad atomic.Int64
		end := time.Now().Add(time.Duration(seconds) * time.Second)
		var wg sync.WaitGroup
		for range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for time.Now().Before(end) {
					a, err := post(front, tok, `{ customers(first: 20) { totalCount edges { node { id name stage tier } } } }`, nil)
					if err != nil || len(a.Errors) > 0 {
						bad.Add(1)
						continue
					}
					n.Add(1)
				}
			}()
		}
		wg.Wait()
		if bad.Load() > 0 {
			t.Fatalf("%d requests failed", bad.Load())
		}
		return float64(n.Load()) / float64(seconds)
	}
	measure(two) // warm both processes up
	r1 := measure(one)
	r2 := measure(two)
	t.Logf("%d clients, %d s each: one process %.0f requests/s, two processes %.0f requests/s: ratio %.2f", clients, seconds, r1, r2, r2/r1)
}

func envInt(k string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(k)); err == nil && n > 0 {
		return n
	}
	return def
}

package main

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// benchRun makes clientMutationIds unique across runs.
var benchRun = fmt.Sprintf("%x", time.Now().UnixNano())

func nowRFC3339() string { return time.Now().UTC().Format(time.RFC3339Nano) }

// sliceResult is one slice of one workload on one server.
type sliceResult struct {
	requests int
	errors   int
	firstErr error
	elapsed  time.Duration
	lat      []time.Duration
	cpuTicks int64
	dbTicks  int64 // the database's backends, -1 when unknown
	dbEnded  int   // backends that ended during the slice (dbTicks is then a lower bound)
}

func (r sliceResult) rps() float64 { return float64(r.requests) / r.elapsed.Seconds() }

// do sends one request and returns the answer body.
func do(ctx context.Context, rq request) ([]byte, error) {
	if rq.body == nil {
		// the floor: a POST with its parameters in the query string
		req, err := http.NewRequestWithContext(ctx, "POST", rq.url, nil)
		if err != nil {
			return nil, err
		}
		return send(httpClient, req)
	}
	return post(ctx, rq.url, rq.token, rq.body)
}

// runSlice runs clients closed-loop clients against t for d, and reads t's CPU time
// before and after.
func runSlice(ctx context.Context, t *target, w workload, f *fixture, clients int, d time.Duration) sliceResult {
	var seq atomic.Int64
	var mu sync.Mutex
	res := sliceResult{}
	before, _ := cpuTicks(t.proc.pid())
	dbBefore := dbTicks(t.dbName)
	sctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	t0 := time.Now()
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lat := make([]time.Duration, 0, 1024)
			var n, errs int
			var first error
			for sctx.Err() == nil {
				rq := w.make(t, f, seq.Add(1))
				s := time.Now()
				_, err := do(ctx, rq)
				if err != nil {
					errs++
					if first == nil {
						first = err
					}
					continue
				}
				lat = append(lat, time.Since(s))
				n++
			}
			mu.Lock()
			res.requests += n
			res.errors += errs
			if res.firstErr == nil {
				res.firstErr = first
			}
			res.lat = append(res.lat, lat...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	res.elapsed = time.Since(t0)
	after, _ := cpuTicks(t.proc.pid())
	res.cpuTicks = after - before
	res.dbTicks = -1
	if dbAfter := dbTicks(t.dbName); len(dbAfter) > 0 {
		res.dbTicks, res.dbEnded = dbDelta(dbBefore, dbAfter)
	}
	return res
}

func percentile(xs []time.Duration, p float64) time.Duration {
	if len(xs) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), xs...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	k := int(p * float64(len(s)-1))
	return s[k]
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

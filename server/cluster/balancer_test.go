package cluster_test

import (
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// balancer is the small load balancer of the test, as an operator would put in front:
// round robin over the backends whose /readyz answers 200 (checked every 100 ms; a
// backend that fails a request is out until then), and a request whose connection was
// refused goes to the next backend — it never reached
// the first, so sending it again cannot duplicate it. A request that reached a backend
// is never sent twice.
type balancer struct {
	backends []*url.URL
	next     atomic.Uint64
	mu       sync.Mutex
	ready    []bool
	// Retried counts requests sent again after a refused connection.
	Retried atomic.Int64
	// lost counts, per backend, the requests it was sent and never answered (the
	// connection broke after the request went out: it was in flight).
	lost []atomic.Int64
}

// Lost is how many requests backend i was serving when its connection broke.
func (b *balancer) Lost(i int) int64 { return b.lost[i].Load() }

func newBalancer(t *testing.T, urls ...string) (*balancer, string) {
	t.Helper()
	b := &balancer{ready: make([]bool, len(urls)), lost: make([]atomic.Int64, len(urls))}
	for i, u := range urls {
		pu, _ := url.Parse(u)
		b.backends = append(b.backends, pu)
		b.ready[i] = true
	}
	stop := make(chan struct{})
	go b.check(stop)
	proxy := &httputil.ReverseProxy{
		Rewrite:   func(r *httputil.ProxyRequest) { r.SetXForwarded() },
		Transport: b,
		ErrorHandler: func(w http.ResponseWriter, _ *http.Request, err error) {
			http.Error(w, err.Error(), http.StatusBadGateway)
		},
	}
	srv := httptest.NewServer(proxy)
	t.Cleanup(func() { close(stop); srv.Close() })
	return b, srv.URL
}

func (b *balancer) check(stop chan struct{}) {
	c := &http.Client{Timeout: time.Second}
	for {
		for i, u := range b.backends {
			ok := false
			if res, err := c.Get(u.String() + "/readyz"); err == nil {
				ok = res.StatusCode == http.StatusOK
				res.Body.Close()
			}
			b.mu.Lock()
			b.ready[i] = ok
			b.mu.Unlock()
		}
		select {
		case <-stop:
			return
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// pick returns the next ready backend after a round-robin step, or any when none is.
func (b *balancer) pick(skip map[int]bool) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	n := len(b.backends)
	start := int(b.next.Add(1))
	for k := range n {
		i := (start + k) % n
		if b.ready[i] && !skip[i] {
			return i
		}
	}
	for k := range n {
		if i := (start + k) % n; !skip[i] {
			return i
		}
	}
	return -1
}

func (b *balancer) RoundTrip(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		body, _ = io.ReadAll(req.Body)
		req.Body.Close()
	}
	tried := map[int]bool{}
	var lastErr error
	for {
		i := b.pick(tried)
		if i < 0 {
			return nil, lastErr
		}
		tried[i] = true
		r := req.Clone(req.Context())
		r.URL.Scheme, r.URL.Host = b.backends[i].Scheme, b.backends[i].Host
		r.Host = b.backends[i].Host
		r.Body = io.NopCloser(bytes.NewReader(body))
		// Lets the transport resend on a kept-alive connection the backend had closed
		// before reading anything.
		r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
		res, err := http.DefaultTransport.RoundTrip(r)
		if err == nil {
			return res, nil
		}
		// A backend that fails a request is out until its health check passes again.
		b.mu.Lock()
		b.ready[i] = false
		b.mu.Unlock()
		var op *net.OpError
		if !errors.As(err, &op) || op.Op != "dial" {
			b.lost[i].Add(1)
			return nil, err // it may have reached the backend: never send it twice
		}
		b.Retried.Add(1)
		lastErr = err
	}
}

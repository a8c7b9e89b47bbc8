package app

import (
	"compress/gzip"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// GzipMinBytes is the smallest answer worth compressing: below it the gzip header and
// the CPU cost more than they save. It also keeps short answers — a sign-in's tokens —
// out of compression, so no secret shares a compressed body with text an attacker
// chose (BREACH).
const GzipMinBytes = 1024

var gzipWriters = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
	return w
}}

// compressed gzips the answers of next for clients that accept it, once an answer
// passes GzipMinBytes. A phone on 4G waits for bytes, not for the server: a rep's
// Today of 5.0 kB travels as 1.8 kB. BestSpeed, because the server's CPU per request is
// what bounds its throughput and the ratio on JSON is nearly that of the default.
func compressed(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Accept-Encoding")
		if !acceptsGzip(r.Header.Get("Accept-Encoding")) {
			next.ServeHTTP(w, r)
			return
		}
		gw := &gzipWriter{ResponseWriter: w}
		defer gw.close()
		next.ServeHTTP(gw, r)
	})
}

// acceptsGzip reads Accept-Encoding: gzip named, and not with q=0.
func acceptsGzip(h string) bool {
	for _, part := range strings.Split(h, ",") {
		name, params, _ := strings.Cut(part, ";")
		if !strings.EqualFold(strings.TrimSpace(name), "gzip") {
			continue
		}
		q, ok := strings.CutPrefix(strings.ReplaceAll(params, " ", ""), "q=")
		if !ok {
			return true
		}
		v, err := strconv.ParseFloat(q, 64)
		return err == nil && v > 0
	}
	return false
}

// gzipWriter holds the first GzipMinBytes of an answer to decide: a short answer goes
// out as it is, a longer one compressed. An answer that sets its own Content-Encoding
// (or is not a success with a body) passes through untouched.
type gzipWriter struct {
	http.ResponseWriter
	status  int
	buf     []byte
	zw      *gzip.Writer
	decided bool // plain or compressed, headers written
}

func (g *gzipWriter) WriteHeader(code int) {
	if g.status == 0 {
		g.status = code
	}
	if code < 200 || code == http.StatusNoContent || code == http.StatusNotModified ||
		g.Header().Get("Content-Encoding") != "" {
		g.decided = true
		g.ResponseWriter.WriteHeader(code)
	}
}

func (g *gzipWriter) Write(b []byte) (int, error) {
	if g.status == 0 {
		g.status = http.StatusOK
	}
	switch {
	case g.zw != nil:
		return g.zw.Write(b)
	case g.decided:
		return g.ResponseWriter.Write(b)
	}
	g.buf = append(g.buf, b...)
	if len(g.buf) < GzipMinBytes {
		return len(b), nil
	}
	g.decided = true
	h := g.Header()
	h.Del("Content-Length")
	h.Set("Content-Encoding", "gzip")
	g.ResponseWriter.WriteHeader(g.status)
	g.zw = gzipWriters.Get().(*gzip.Writer)
	g.zw.Reset(g.ResponseWriter)
	buf := g.buf
	g.buf = nil
	if _, err := g.zw.Write(buf); err != nil {
		return 0, err
	}
	return len(b), nil
}

// Flush sends what is held: a streamed answer decides at its first flush.
func (g *gzipWriter) Flush() {
	if !g.decided && len(g.buf) > 0 {
		g.plain()
	}
	if g.zw != nil {
		_ = g.zw.Flush()
	}
	if f, ok := g.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (g *gzipWriter) plain() {
	g.decided = true
	if g.status == 0 {
		g.status = http.StatusOK
	}
	g.ResponseWriter.WriteHeader(g.status)
	if len(g.buf) > 0 {
		_, _ = g.ResponseWriter.Write(g.buf)
		g.buf = nil
	}
}

func (g *gzipWriter) close() {
	if g.zw != nil {
		_ = g.zw.Close()
		g.zw.Reset(nil)
		gzipWriters.Put(g.zw)
		g.zw = nil
		return
	}
	if !g.decided && (g.status != 0 || len(g.buf) > 0) {
		g.plain()
	}
}

func (g *gzipWriter) Unwrap() http.ResponseWriter { return g.ResponseWriter }

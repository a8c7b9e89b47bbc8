package app

import (
	"context"
	"log/slog"
	"net/http"
	"net/netip"
	"strings"
	"time"

	"tandem/ent/viewer"
	"tandem/frontend"
	"tandem/graph"
	"tandem/server/auth"
	"tandem/server/requestid"
)

// MaxRequestBytes bounds a GraphQL request body (a multipart upload included).
const MaxRequestBytes = graph.MaxUploadRequestBytes

// downloads are the handlers of the signed download links, by path prefix.
type downloads struct{ documents, attachments, projectFiles, media http.Handler }

func (a *App) routes(gql http.Handler, dl downloads, refused, export http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/graphql", noStore(compressed(a.authenticate(http.MaxBytesHandler(gql, MaxRequestBytes)))))
	// CSV export of one connection, page after page through the GraphQL handler (export.go).
	mux.Handle("POST /export.csv", noStore(a.authenticate(a.exportCSV(gql))))
	mux.HandleFunc("GET /graphql/schema.graphql", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(graph.SDL)
	})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", a.ready)
	// Signed, short-lived links handed out by Document.downloadURL; no bearer token.
	mux.Handle("GET /documents/{id}/download", dl.documents)
	// The same for IssueAttachment.downloadURL (photos inline, for <img src>).
	mux.Handle("GET /issue-attachments/{id}/download", dl.attachments)
	// …for ProjectDocument.downloadURL…
	mux.Handle("GET /project-documents/{id}/download", dl.projectFiles)
	// …and for MediaNote.downloadURL (inline, for <img> and <audio>).
	mux.Handle("GET /media/{id}/download", dl.media)
	// The rows an import refused, to fix and import again (bearer token, like /graphql).
	mux.Handle("GET /imports/{id}/{file}", noStore(a.authenticate(refused)))
	// A kind's rows under the import's column labels (bearer token; privacy applies).
	mux.Handle("GET /exports/{file}", noStore(a.authenticate(export)))
	mux.Handle("/", newSPA(frontend.Dist()))
	// Reserved server paths no route serves are 404, not the app (observe.go).
	a.serverPaths(mux)
	return requestid.Middleware(a.accessLog(securityHeaders(mux)))
}

// ready answers 200 when the database answers within two seconds, and 503 from the
// moment the process is told to stop (Drain), so the load balancer sends no new
// requests while those in flight finish.
func (a *App) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if a.draining.Load() {
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte("stopping\n"))
		return
	}
	if err := a.DB.DB.PingContext(ctx); err != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte("database unreachable\n"))
		return
	}
	_, _ = w.Write([]byte("ok\n"))
}

// authenticate turns a Bearer access token into the request's viewer. A bad token
// is not an HTTP error: the GraphQL gate answers UNAUTHENTICATED with the reason,
// and sign-in and refresh still work.
func (a *App) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := graph.WithClientAddr(r.Context(), clientAddr(r, a.trustedProxies))
		ctx = graph.WithLang(ctx, r.Header.Get("X-Tandem-Lang"))
		ctx, _ = graph.WithCost(ctx)
		if h := r.Header.Get("Authorization"); h != "" {
			token, ok := strings.CutPrefix(h, "Bearer ")
			if !ok {
				ctx = graph.WithTokenError(ctx, errBadScheme)
			} else if v, err := a.viewerOf(ctx, strings.TrimSpace(token)); err != nil {
				ctx = graph.WithTokenError(ctx, err)
			} else {
				ctx = viewer.NewContext(ctx, v)
			}
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// viewerOf reads a user's JWT access token or a partner's API token.
func (a *App) viewerOf(ctx context.Context, token string) (*viewer.Viewer, error) {
	if strings.HasPrefix(token, auth.TokenPrefix) {
		return a.Auth.ViewerFromAPIToken(ctx, token)
	}
	return a.Auth.ViewerFromToken(ctx, token)
}

type schemeError struct{}

func (schemeError) Error() string { return "the Authorization header must be: Bearer <accessToken>" }

var errBadScheme = schemeError{}

// clientAddr is the address sign-in throttling and refresh tokens record: the
// peer's, unless the peer is one of our trusted proxies; then the right-most address
// of X-Forwarded-For that is not itself a trusted proxy (each proxy appends the
// address it was reached from, so entries further left are the client's word only).
// Without trusted proxies X-Forwarded-For is ignored: anyone can write it.
func clientAddr(r *http.Request, trusted []netip.Prefix) string {
	peer := hopAddr(r.RemoteAddr)
	if !peer.IsValid() {
		return r.RemoteAddr
	}
	if !isTrusted(peer, trusted) {
		return peer.String()
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	addr := peer
	for i := len(hops) - 1; i >= 0; i-- {
		hop := hopAddr(hops[i])
		if !hop.IsValid() {
			break // garbage: the last trusted proxy is all we know
		}
		addr = hop
		if !isTrusted(hop, trusted) {
			break
		}
	}
	return addr.String()
}

// hopAddr reads an address with or without a port ("" when it is none).
func hopAddr(s string) netip.Addr {
	s = strings.TrimSpace(s)
	a, err := netip.ParseAddr(s)
	if err != nil {
		ap, err := netip.ParseAddrPort(s)
		if err != nil {
			return netip.Addr{}
		}
		a = ap.Addr()
	}
	return a.Unmap().WithZone("")
}

func isTrusted(a netip.Addr, trusted []netip.Prefix) bool {
	for _, p := range trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// noStore keeps answers that may carry someone's data out of every cache: a shared
// proxy's, and the browser's disk.
func noStore(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

// statusWriter remembers the status and size of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (s *statusWriter) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	n, err := s.ResponseWriter.Write(b)
	s.bytes += n
	return n, err
}

func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// accessLog writes one line per request: method, path, status, duration, size and,
// for GraphQL, the operation name.
func (a *App) accessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ctx, info := graph.WithRequestInfo(r.Context())
		sw := &statusWriter{ResponseWriter: w}
		r = r.WithContext(ctx)
		next.ServeHTTP(sw, r) // the mux sets r.Pattern
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		a.observe(r, sw.status, time.Since(start), info)
		attrs := []any{"method", r.Method, "path", r.URL.Path, "status", sw.status,
			"duration_ms", float64(time.Since(start).Microseconds()) / 1000, "bytes", sw.bytes}
		if info.Operation != "" {
			attrs = append(attrs, "operation", info.Operation)
		}
		// Only the first few internal errors of a request are logged (graph/errors.go).
		if n := info.InternalErrors(); n > 0 {
			attrs = append(attrs, "internal_errors", n)
		}
		// Health checks come every few seconds from the balancer: only at debug level.
		level := slog.LevelInfo
		if (r.URL.Path == "/healthz" || r.URL.Path == "/readyz") && sw.status < 500 {
			level = slog.LevelDebug
		}
		a.Log.Log(ctx, level, "request", attrs...)
	})
}

// securityHeaders sets a strict content security policy and friends on every answer.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; worker-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

// Drain makes /readyz fail: the process is about to stop.
func (a *App) Drain() { a.draining.Store(true) }

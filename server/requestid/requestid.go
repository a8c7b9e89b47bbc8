// Package requestid gives every request an id: the caller's X-Request-Id when it is
// sane, else a new one. The id is answered in the response header, put on every log
// line written with the request's context (Handler) and in GraphQL errors, so an
// operator can find a user's failed request in the logs from what the user saw.
package requestid

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
)

// Header is the HTTP header the id travels in, both ways.
const Header = "X-Request-Id"

// MaxLen bounds an accepted incoming id; longer ones are replaced.
const MaxLen = 64

type key struct{}

// NewContext returns ctx carrying id.
func NewContext(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, key{}, id)
}

// FromContext returns the request's id ("" outside a request).
func FromContext(ctx context.Context) string {
	id, _ := ctx.Value(key{}).(string)
	return id
}

// New makes a fresh id: 16 random bytes in hex.
func New() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Accept returns incoming when it may be trusted as an id — 1 to MaxLen characters of
// letters, digits and "-_.:" (so it cannot forge log lines or carry markup) — and a
// new id otherwise.
func Accept(incoming string) string {
	if incoming == "" || len(incoming) > MaxLen {
		return New()
	}
	for i := 0; i < len(incoming); i++ {
		c := incoming[i]
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == ':'
		if !ok {
			return New()
		}
	}
	return incoming
}

// Middleware gives each request its id, in the context and the response header.
func Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := Accept(r.Header.Get(Header))
		w.Header().Set(Header, id)
		next.ServeHTTP(w, r.WithContext(NewContext(r.Context(), id)))
	})
}

// Logger returns log with its lines carrying request ids (log itself when they do).
func Logger(log *slog.Logger) *slog.Logger {
	if _, ok := log.Handler().(Handler); ok {
		return log
	}
	return slog.New(Handler{log.Handler()})
}

// Handler is a slog.Handler that adds request_id to every record logged with a
// request's context (log.InfoContext(ctx, …)).
type Handler struct{ slog.Handler }

// Handle adds the id, when the context has one, and passes the record on.
func (h Handler) Handle(ctx context.Context, r slog.Record) error {
	if id := FromContext(ctx); id != "" {
		r = r.Clone()
		r.AddAttrs(slog.String("request_id", id))
	}
	return h.Handler.Handle(ctx, r)
}

// WithAttrs keeps the wrapper around the derived handler.
func (h Handler) WithAttrs(as []slog.Attr) slog.Handler { return Handler{h.Handler.WithAttrs(as)} }

// WithGroup keeps the wrapper around the derived handler.
func (h Handler) WithGroup(name string) slog.Handler { return Handler{h.Handler.WithGroup(name)} }

package requestid

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestAccept(t *testing.T) {
	for _, tc := range []struct {
		in   string
		keep bool
	}{
		{"abc-123_x.y:z", true},
		{strings.Repeat("a", MaxLen), true},
		{strings.Repeat("a", MaxLen+1), false},
		{"", false},
		{"bad id", false},
		{"line\nbreak", false},
		{"<script>", false},
		{"ü", false},
	} {
		got := Accept(tc.in)
		if (got == tc.in) != tc.keep {
			t.Errorf("Accept(%q) = %q, keep=%v", tc.in, got, tc.keep)
		}
		if !tc.keep && len(got) != 32 {
			t.Errorf("Accept(%q): replacement %q is not a fresh id", tc.in, got)
		}
	}
	if New() == New() {
		t.Error("two fresh ids are equal")
	}
}

func TestMiddlewareSetsHeaderAndContext(t *testing.T) {
	var seen string
	h := Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { seen = FromContext(r.Context()) }))
	for _, in := range []string{"given-1", "no good"} {
		req := httptest.NewRequest("GET", "/", nil)
		req.Header.Set(Header, in)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		out := rec.Header().Get(Header)
		if out == "" || out != seen {
			t.Fatalf("incoming %q: header %q, context %q", in, out, seen)
		}
		if (out == in) != (in == "given-1") {
			t.Errorf("incoming %q answered as %q", in, out)
		}
	}
}

func TestHandlerAddsIDToLogLines(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(Handler{slog.NewJSONHandler(&buf, nil)}).With("part", "x")
	log.InfoContext(NewContext(context.Background(), "rid-7"), "hello")
	log.InfoContext(context.Background(), "no request")
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"request_id":"rid-7"`) || !strings.Contains(lines[0], `"part":"x"`) {
		t.Fatalf("first line lacks the id or the attribute: %q", lines)
	}
	if strings.Contains(lines[1], "request_id") {
		t.Errorf("a line outside a request has an id: %q", lines[1])
	}
}

func TestLoggerWrapsOnce(t *testing.T) {
	var buf bytes.Buffer
	log := Logger(Logger(slog.New(slog.NewTextHandler(&buf, nil))))
	log.InfoContext(NewContext(context.Background(), "rid-8"), "x")
	if n := strings.Count(buf.String(), "request_id=rid-8"); n != 1 {
		t.Fatalf("request_id %d times: %q", n, buf.String())
	}
}

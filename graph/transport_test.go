package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"tandem/graph/generated"
)

func TestReadPOST(t *testing.T) {
	for _, c := range []struct {
		what, body     string
		status         int
		field, message string
	}{
		{"a query", `{"query": "{ me { id } }", "operationName": null, "variables": {"n": 5}, "extensions": {}}`, 0, "", ""},
		{"unknown members are ignored", `{"query": "{ me { id } }", "id": 7}`, 0, "", ""},
		{"whitespace around", " \n{\"query\": \"{ a }\"}\n ", 0, "", ""},
		{"empty", ``, 400, "body", "empty"},
		{"a batch", `[{"query": "{ a }"}]`, 400, "body", "batched"},
		{"a string", `"{ a }"`, 400, "body", "JSON object"},
		{"cut short", `{"query": "{ a }"`, 400, "body", "ends too early"},
		{"a syntax error", `{"query": "{ a }",}`, 400, "body", "at byte"},
		{"trailing data", `{"query": "{ a }"} x`, 400, "body", "nothing after it"},
		{"query a number", `{"query": 5}`, 400, "query", "string"},
		{"operationName an object", `{"query": "{ a }", "operationName": {}}`, 400, "operationName", "string"},
		{"variables an array", `{"query": "{ a }", "variables": []}`, 400, "variables", "object"},
		{"variables a string", `{"query": "{ a }", "variables": "{}"}`, 400, "variables", "object"},
		{"extensions true", `{"query": "{ a }", "extensions": true}`, 400, "extensions", "object"},
		{"too large", `{"query": "` + strings.Repeat("a", MaxJSONBytes) + `"}`, 413, "body", "MiB"},
	} {
		r := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(c.body))
		p, bad := readPOST(httptest.NewRecorder(), r)
		switch {
		case c.status == 0 && bad != nil:
			t.Errorf("%s: refused: %+v", c.what, bad)
		case c.status == 0 && p == nil:
			t.Errorf("%s: no params", c.what)
		case c.status != 0 && (bad == nil || bad.status != c.status || bad.field != c.field || !strings.Contains(bad.message, c.message)):
			t.Errorf("%s: %+v, want %d %s %q", c.what, bad, c.status, c.field, c.message)
		case c.status != 0 && len(bad.message) > 200:
			t.Errorf("%s: the message repeats the body", c.what)
		}
	}
	// Numbers stay exact (json.Number), as gqlgen's own transport reads them.
	r := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query": "{ a }", "variables": {"n": 12345678901234567890}}`))
	p, _ := readPOST(httptest.NewRecorder(), r)
	if n, ok := p.Variables["n"].(json.Number); !ok || n.String() != "12345678901234567890" {
		t.Errorf("variables: %#v", p.Variables)
	}
}

func TestResponseMediaAndStatus(t *testing.T) {
	for accept, want := range map[string]string{
		"":                                  mediaJSON,
		"*/*":                               mediaJSON,
		"application/json":                  mediaJSON,
		"application/graphql-response+json": mediaGraphQLResponse,
		"application/graphql-response+json, application/json;q=0.9": mediaGraphQLResponse,
		"text/html, application/json":                               mediaJSON,
	} {
		r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
		r.Header.Set("Accept", accept)
		if got := responseMedia(r); got != want {
			t.Errorf("Accept %q: %s, want %s", accept, got, want)
		}
	}
	errs := func(code string) gqlerror.List {
		return gqlerror.List{{Message: "x", Extensions: map[string]any{"code": code}}}
	}
	for code, want := range map[string]int{
		"GRAPHQL_VALIDATION_FAILED": 400, "GRAPHQL_PARSE_FAILED": 400, "BAD_USER_INPUT": 400,
		"UNAUTHENTICATED": 401, "FORBIDDEN": 403, "RATE_LIMITED": 429, "INTERNAL": 500,
	} {
		if got := statusOfRefusal(mediaGraphQLResponse, errs(code)); got != want {
			t.Errorf("%s: %d, want %d", code, got, want)
		}
		if got := statusOfRefusal(mediaJSON, errs(code)); got != 200 {
			t.Errorf("%s with application/json: %d, want 200", code, got)
		}
	}
}

func TestUnsupportedRequest(t *testing.T) {
	for method, want := range map[string]int{http.MethodPost: 415, http.MethodPut: 405, http.MethodDelete: 405} {
		w := httptest.NewRecorder()
		unsupportedRequest{}.Do(w, httptest.NewRequest(method, "/graphql", bytes.NewReader(nil)), nil)
		var body struct {
			Data   any
			Errors []struct{ Extensions map[string]any }
		}
		if w.Code != want || json.Unmarshal(w.Body.Bytes(), &body) != nil || body.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
			t.Errorf("%s: %d %s", method, w.Code, w.Body)
		}
		if strings.Contains(w.Body.String(), `"data"`) {
			t.Errorf("%s: a refused request has data: %s", method, w.Body)
		}
	}
}

func TestErrorNames(t *testing.T) {
	for in, want := range map[string]string{
		"name": "name", "name_en": "nameEn", "founder_history": "founderHistory", "customer_id": "customerID",
		"url": "url", "webhook_url": "webhookURL", "sha256": "sha256", "doc_msds": "docMsds",
	} {
		if got := graphQLName(in); got != want {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
	if got := variableField(ast.Path{ast.PathName("variable"), ast.PathName("input"), ast.PathName("status")}); got != "input.status" {
		t.Errorf("variableField: %q", got)
	}
	if got := variableField(ast.Path{ast.PathName("customers")}); got != "" {
		t.Errorf("variableField of a field path: %q", got)
	}
}

// One request logs at most MaxLoggedErrors internal errors, then one line.
func TestInternalErrorLogBudget(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, nil))
	ctx, ri := WithRequestInfo(context.Background())
	for range 1000 {
		logInternal(ctx, log, "internal error", "err", "boom")
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != MaxLoggedErrors+1 || !strings.Contains(lines[MaxLoggedErrors], "not logged") || ri.InternalErrors() != 1000 {
		t.Fatalf("%d lines, %d counted:\n%s", len(lines), ri.InternalErrors(), buf.String())
	}
}

func TestCursorValueFits(t *testing.T) {
	for _, c := range []struct {
		typ  string
		enum bool
		v    any
		want bool
	}{
		{"Time", false, time.Now(), true},
		{"Time", false, "2026-01-01", false},
		{"String", false, "宁波", true},
		{"String", false, int64(5), false},
		{"Int", false, int8(5), true},
		{"Int", false, "5", false},
		{"Float", false, 2.5, true},
		{"Float", false, uint16(2), true},
		{"CustomerStage", true, "TRIAL", true},
		{"CustomerStage", true, 3.0, false},
		{"Unknown", false, []byte("x"), true},
	} {
		var def *ast.Definition
		if c.enum {
			def = &ast.Definition{Kind: ast.Enum, Name: c.typ}
		}
		if got := cursorValueFits(c.typ, def, c.v); got != c.want {
			t.Errorf("%s %#v: %v, want %v", c.typ, c.v, got, c.want)
		}
	}
	if thousands(200000) != "200,000" || thousands(999) != "999" || thousands(1000) != "1,000" {
		t.Error("thousands")
	}
}

// writeResponse copies the executor's data as it is, and says the same as
// encoding/json would in every other respect.
func TestWriteResponseMatchesEncodingJSON(t *testing.T) {
	yes := true
	for _, c := range []struct {
		what string
		resp graphql.Response
	}{
		{"data only", graphql.Response{Data: json.RawMessage(`{"me":{"id":"US1","name":"王 <b>&"}}`)}},
		{"null data", graphql.Response{}},
		{"errors and null data", graphql.Response{Errors: gqlerror.List{{Message: "no", Path: ast.Path{ast.PathName("me")}, Extensions: map[string]any{"code": "FORBIDDEN"}}}}},
		{"errors, data and extensions", graphql.Response{
			Data:       json.RawMessage(`{"a":[1,2,{"b":null}]}`),
			Errors:     gqlerror.List{{Message: "partly"}},
			Extensions: map[string]any{"cost": map[string]any{"requested": 12}},
		}},
		{"incremental", graphql.Response{Data: json.RawMessage(`{"x":1}`), Label: "l", HasNext: &yes}},
	} {
		var got bytes.Buffer
		writeResponse(&got, &c.resp)
		want, err := json.Marshal(&c.resp)
		if err != nil {
			t.Fatal(err)
		}
		var g, w any
		if err := json.Unmarshal(got.Bytes(), &g); err != nil {
			t.Fatalf("%s: not JSON: %s", c.what, got.Bytes())
		}
		_ = json.Unmarshal(want, &w)
		gb, _ := json.Marshal(g)
		wb, _ := json.Marshal(w)
		if !bytes.Equal(gb, wb) {
			t.Errorf("%s:\n got %s\nwant %s", c.what, got.Bytes(), want)
		}
		if len(c.resp.Data) > 0 && c.resp.Label == "" && !bytes.Contains(got.Bytes(), c.resp.Data) {
			t.Errorf("%s: the data was not copied as it is: %s", c.what, got.Bytes())
		}
	}
}

// grabbingWriter is a client connection that, at its first write, lets another answer
// take a buffer from the pool and fill it, as a request running meanwhile would.
type grabbingWriter struct {
	got     bytes.Buffer
	grabbed bool
}

func (g *grabbingWriter) Write(b []byte) (int, error) {
	if !g.grabbed {
		g.grabbed = true
		other := bytes.NewBuffer(generated.AnswerBytes())
		other.WriteString(`{"someone":"else's answer, long enough to cover this one"}`)
	}
	return g.got.Write(b)
}

// An answer's buffer goes back to the pool only after the answer is written: an answer
// marshalled meanwhile (on one P, the pool hands back what was just put) takes another
// buffer, and the client reads its own answer whole.
func TestAnswerWrittenBeforeItsBufferIsReused(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	for range 20 {
		buf := bytes.NewBuffer(generated.AnswerBytes())
		buf.WriteString(`{"me":{"id":"US1","name":"王"}}`)
		w := &grabbingWriter{}
		writeAnswer(w, &graphql.Response{Data: buf.Bytes()})
		if want := `{"data":{"me":{"id":"US1","name":"王"}}}`; w.got.String() != want {
			t.Fatalf("the client read %s, want %s", w.got.String(), want)
		}
	}
}

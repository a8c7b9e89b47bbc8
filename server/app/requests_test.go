package app_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// Issue 9, item 8: bad requests looked like server faults. Malformed JSON and a
// batched array made the POST transport panic (a stack trace in the log, INTERNAL),
// a forged cursor answered INTERNAL. Each now answers BAD_USER_INPUT naming what is
// wrong, with the GraphQL-over-HTTP status, and logs only its access line.

type rawAnswer struct {
	status int
	ctype  string
	body   gqlResponse
	raw    string
}

// send makes one HTTP request to /graphql and returns the answer.
func (e *env) send(method, ctype, accept, token string, body []byte, query url.Values) rawAnswer {
	e.t.Helper()
	u := e.srv.URL + "/graphql"
	if query != nil {
		u += "?" + query.Encode()
	}
	req, _ := http.NewRequest(method, u, bytes.NewReader(body))
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	a := rawAnswer{status: res.StatusCode, ctype: res.Header.Get("Content-Type"), raw: string(raw)}
	if err := json.Unmarshal(raw, &a.body); err != nil {
		e.t.Fatalf("%s %s: not JSON (%d): %.300s", method, ctype, res.StatusCode, raw)
	}
	return a
}

// quietLog fails when the server logged more than the access line of each request,
// or anything about a panic or a stack.
func (e *env) quietLog(t *testing.T, what string, requests int) {
	t.Helper()
	lines := e.logLines()
	for _, l := range lines {
		if strings.Contains(l, "panic") || strings.Contains(l, "stack") || strings.Contains(l, "goroutine") {
			t.Fatalf("%s: the log has a panic or a stack: %.300s", what, l)
		}
	}
	if len(lines) > requests {
		t.Fatalf("%s: %d log lines for %d requests:\n%s", what, len(lines), requests, strings.Join(lines, "\n"))
	}
}

func TestMalformedRequests(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		tok := e.token(e.f.rep1)
		e.logLines()
		const jsonType = "application/json"
		big := `{"query": "{ me { id } }", "variables": {"pad": "` + strings.Repeat("x", 5<<20) + `"}}`
		for _, c := range []struct {
			what, method, ctype, body string
			query                     url.Values
			status                    int
			field                     string
		}{
			{"malformed JSON", "POST", jsonType, `{"query": `, nil, 400, "body"},
			{"not JSON at all", "POST", jsonType, `query { me { id } }`, nil, 400, "body"},
			{"a batch (JSON array)", "POST", jsonType, `[{"query": "{ me { id } }"}, {"query": "{ me { email } }"}]`, nil, 400, "body"},
			{"a JSON string", "POST", jsonType, `"{ me { id } }"`, nil, 400, "body"},
			{"an empty body", "POST", jsonType, ``, nil, 400, "body"},
			{"two objects", "POST", jsonType, `{"query": "{ me { id } }"} {"query": "{ me { id } }"}`, nil, 400, "body"},
			{"query not a string", "POST", jsonType, `{"query": 5}`, nil, 400, "query"},
			{"operationName not a string", "POST", jsonType, `{"query": "{ me { id } }", "operationName": ["a"]}`, nil, 400, "operationName"},
			{"variables an array", "POST", jsonType, `{"query": "{ me { id } }", "variables": [1, 2]}`, nil, 400, "variables"},
			{"variables a string", "POST", jsonType, `{"query": "{ me { id } }", "variables": "{}"}`, nil, 400, "variables"},
			{"extensions a number", "POST", jsonType, `{"query": "{ me { id } }", "extensions": 7}`, nil, 400, "extensions"},
			{"a body over 4 MiB", "POST", jsonType, big, nil, 413, "body"},
			{"another content type", "POST", "text/plain", `{"query": "{ me { id } }"}`, nil, 415, "Content-Type"},
			{"another method", "PUT", jsonType, `{"query": "{ me { id } }"}`, nil, 405, ""},
			{"GET with variables not JSON", "GET", "", "", url.Values{"query": {"{ me { id } }"}, "variables": {"{oops"}}, 400, "variables"},
			{"GET with variables an array", "GET", "", "", url.Values{"query": {"{ me { id } }"}, "variables": {"[]"}}, 400, "variables"},
			{"a mutation over GET", "GET", "", "", url.Values{"query": {`mutation { logout(input: {refreshToken: "x"}) }`}}, 405, "query"},
		} {
			for _, accept := range []string{"application/json", "application/graphql-response+json"} {
				a := e.send(c.method, c.ctype, accept, tok, []byte(c.body), c.query)
				if a.status != c.status || a.body.code() != "BAD_USER_INPUT" || len(a.body.Errors) != 1 {
					t.Fatalf("%s (%s): %d %s, want %d BAD_USER_INPUT", c.what, accept, a.status, a.raw, c.status)
				}
				if f, _ := a.body.Errors[0].Extensions["field"].(string); f != c.field {
					t.Fatalf("%s: field %q, want %q", c.what, f, c.field)
				}
				if c.status == 413 && len(a.raw) > 1000 {
					t.Fatalf("%s: the answer repeats the body (%d bytes)", c.what, len(a.raw))
				}
				if !strings.HasPrefix(a.ctype, accept) {
					t.Fatalf("%s: Content-Type %q for Accept %s", c.what, a.ctype, accept)
				}
			}
			e.quietLog(t, c.what, 2)
		}
	})
}

// Requests that are well formed but refused before they run: 200 for
// application/json (legacy clients), 4xx for application/graphql-response+json.
func TestRefusedOperationsStatus(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		tok := e.token(e.f.rep1)
		e.logLines()
		post := func(accept, token, query string, vars map[string]any) rawAnswer {
			body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
			return e.send("POST", "application/json", accept, token, body, nil)
		}
		for _, c := range []struct {
			what, token, query string
			vars               map[string]any
			legacy, modern     int
			code, field        string
		}{
			{"a syntax error", tok, `{ me { id }`, nil, 200, 400, "BAD_USER_INPUT", ""},
			{"an unknown field", tok, `{ me { nope } }`, nil, 200, 400, "BAD_USER_INPUT", ""},
			{"a literal of the wrong type", tok, `{ customers(first: "ten") { totalCount } }`, nil, 200, 400, "BAD_USER_INPUT", ""},
			{"a variable of the wrong type", tok, `query($n: Int) { customers(first: $n) { totalCount } }`, map[string]any{"n": "ten"}, 200, 400, "BAD_USER_INPUT", "n"},
			{"an input member of the wrong type", tok, `mutation($in: CreateTaskInput!) { createTask(input: $in) { id } }`, map[string]any{"in": map[string]any{"title": "call", "status": "SOMEDAY"}}, 200, 400, "BAD_USER_INPUT", "in.status"},
			{"a missing variable", tok, `query($id: ID!) { node(id: $id) { id } }`, nil, 200, 400, "BAD_USER_INPUT", "id"},
			{"not signed in", "", `{ me { id } }`, nil, 200, 401, "UNAUTHENTICATED", ""},
		} {
			for _, accept := range []string{"application/json", "application/graphql-response+json"} {
				a := post(accept, c.token, c.query, c.vars)
				want := c.legacy
				if accept != "application/json" {
					want = c.modern
				}
				if a.status != want || a.body.code() != c.code {
					t.Fatalf("%s (%s): %d %s, want %d %s", c.what, accept, a.status, a.raw, want, c.code)
				}
				if f, _ := a.body.Errors[0].Extensions["field"].(string); f != c.field {
					t.Fatalf("%s: field %q, want %q", c.what, f, c.field)
				}
			}
			e.quietLog(t, c.what, 2)
		}
		// A value the executor cannot read (not a time) names its field, and is not
		// an internal error.
		r := e.do(tok, `mutation($d: Time) { createTask(input: {title: "call back", dueAt: $d}) { id } }`, map[string]any{"d": "next Tuesday"})
		expectCode(t, r, "BAD_USER_INPUT")
		if r.Errors[0].Extensions["field"] != "dueAt" {
			t.Fatalf("bad time: %+v", r.Errors)
		}
		e.quietLog(t, "a malformed time", 1)
	})
}

// A cursor is opaque: one the server did not make for this list is the client's
// mistake (BAD_USER_INPUT on after/before), not an internal error.
func TestForgedCursors(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		tok := e.token(e.f.admin)
		page := func(list, order string, after any) *gqlResponse {
			return e.do(tok, `query($a: Cursor, $o: `+order+`) { `+list+`(first: 1, after: $a, orderBy: $o) { totalCount edges { cursor } pageInfo { endCursor } } }`,
				map[string]any{"a": after, "o": nil})
		}
		ordered := func(list, order, field string, after any) *gqlResponse {
			return e.do(tok, `query($a: Cursor, $o: `+order+`) { `+list+`(first: 1, after: $a, orderBy: $o) { edges { cursor } } }`,
				map[string]any{"a": after, "o": map[string]any{"field": field, "direction": "ASC"}})
		}
		// Real cursors work.
		first := e.ok(tok, `{ customers(first: 1) { edges { cursor } } }`, nil)
		cursor := dig(first, "customers", "edges", 0, "cursor").(string)
		if r := page("customers", "CustomerOrder", cursor); len(r.Errors) > 0 {
			t.Fatalf("a real cursor: %+v", r.Errors)
		}
		byName := dig(e.ok(tok, `{ customers(first: 1, orderBy: {field: NAME, direction: ASC}) { edges { cursor } } }`, nil), "customers", "edges", 0, "cursor").(string)
		if r := ordered("customers", "CustomerOrder", "NAME", byName); len(r.Errors) > 0 {
			t.Fatalf("a real ordered cursor: %+v", r.Errors)
		}
		product := dig(e.ok(tok, `{ products(first: 1) { edges { cursor } } }`, nil), "products", "edges", 0, "cursor").(string)
		e.logLines()

		for _, c := range []struct {
			what   string
			answer func() *gqlResponse
		}{
			{"base64 garbage", func() *gqlResponse { return page("customers", "CustomerOrder", "!!!not-base64!!!") }},
			{"valid base64 of JSON", func() *gqlResponse { return page("customers", "CustomerOrder", "eyJpZCI6IkNVMDEifQ") }},
			{"valid base64 of nothing useful", func() *gqlResponse { return page("customers", "CustomerOrder", "AAAA") }},
			{"a number", func() *gqlResponse { return page("customers", "CustomerOrder", 12) }},
			{"an empty string", func() *gqlResponse { return page("customers", "CustomerOrder", "") }},
			{"a cursor of another list", func() *gqlResponse { return page("customers", "CustomerOrder", product) }},
			{"a cursor of another ordering", func() *gqlResponse { return ordered("customers", "CustomerOrder", "CREATED_AT", byName) }},
			{"before, forged", func() *gqlResponse {
				return e.do(tok, `query($b: Cursor) { customers(last: 1, before: $b) { totalCount } }`, map[string]any{"b": "garbage"})
			}},
			{"a nested list", func() *gqlResponse {
				return e.do(tok, `query($a: Cursor) { customers(first: 1) { edges { node { samples(first: 1, after: $a) { totalCount } } } } }`, map[string]any{"a": cursor})
			}},
		} {
			r := c.answer()
			want := "after"
			if strings.HasPrefix(c.what, "before") {
				want = "before"
			}
			if r.code() != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != want || len(r.Errors) != 1 {
				t.Fatalf("%s: %+v", c.what, r.Errors)
			}
			e.quietLog(t, c.what, 1)
		}
	})
}

// The cursor check refuses no cursor the server made: every root list, in every
// ordering it offers, pages on with its own cursor.
func TestRealCursorsPassInEveryOrdering(t *testing.T) {
	_, schema := inFilters(t)
	eachDB(t, func(t *testing.T, e *env) {
		tok := e.token(e.f.admin)
		paged := 0
		for _, f := range schema.Query.Fields {
			order := f.Arguments.ForName("orderBy")
			if order == nil || f.Arguments.ForName("after") == nil {
				continue
			}
			in := schema.Types[order.Type.Name()]
			if in == nil || in.Fields.ForName("field") == nil {
				continue
			}
			enum := schema.Types[in.Fields.ForName("field").Type.Name()]
			for _, v := range enum.EnumValues {
				for _, dir := range []string{"ASC", "DESC"} {
					q := `query($a: Cursor, $o: ` + order.Type.Name() + `) { ` + f.Name + `(first: 1, after: $a, orderBy: $o) { edges { cursor } } }`
					o := map[string]any{"field": v.Name, "direction": dir}
					d := e.ok(tok, q, map[string]any{"o": o})
					c, _ := dig(d, f.Name, "edges", 0, "cursor").(string)
					if c == "" {
						continue
					}
					if r := e.do(tok, q, map[string]any{"o": o, "a": c}); len(r.Errors) > 0 {
						t.Fatalf("%s ordered by %s %s: its own cursor is refused: %+v", f.Name, v.Name, dir, r.Errors)
					}
					paged++
				}
			}
		}
		t.Logf("%d orderings paged", paged)
		if paged < 20 {
			t.Fatalf("only %d orderings paged: the walk is broken", paged)
		}
	})
}

package app

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"tandem/domain/importer"
	"tandem/ent/errcode"
	"tandem/graph"
)

// POST /export.csv runs one GraphQL query on a root connection page after page
// through the GraphQL handler itself (so access rules, cost limits and partner
// budgets apply to every page exactly as on /graphql) and streams the nodes as CSV:
//
//	{"query": "query($after: Cursor) { customers(first: 100, after: $after) {
//	   pageInfo { hasNextPage endCursor } edges { node { name owner { email } } } } }",
//	 "variables": {}, "connection": "customers"}
//
// The columns are the flattened field paths of the first node (owner.email); lists
// are written as JSON text. Errors found before the first byte answer with an HTTP
// status and the GraphQL error JSON; an error on a later page ends the file with the
// row `#error,<message>`.

const (
	// exportMaxPages caps one export (100 000 rows at 100 per page).
	exportMaxPages = 1000
	// exportMaxBody bounds the JSON request body.
	exportMaxBody = 1 << 20
)

// utf8BOM lets Excel recognise the file as UTF-8 (Chinese names stay readable).
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

var graphQLName = regexp.MustCompile(`^[_A-Za-z][_0-9A-Za-z]*$`)

type exportRequest struct {
	Query         string         `json:"query"`
	OperationName string         `json:"operationName,omitempty"`
	Variables     map[string]any `json:"variables,omitempty"`
	Connection    string         `json:"connection"`
}

// exportCSV serves POST /export.csv; gql is the GraphQL handler (without the
// authentication middleware: the viewer is already in the request's context).
func (a *App) exportCSV(gql http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req exportRequest
		dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, exportMaxBody))
		if err := dec.Decode(&req); err != nil {
			exportError(w, http.StatusBadRequest, "the body must be JSON: {\"query\": …, \"variables\": {…}, \"connection\": …}: "+err.Error(), "")
			return
		}
		if msg, field := checkExportRequest(&req); msg != "" {
			exportError(w, http.StatusBadRequest, msg, field)
			return
		}
		ex := &exporter{gql: gql, r: r, req: req}
		after := req.Variables["after"]

		first, raw, err := ex.page(after)
		if err != nil {
			if raw != nil { // the GraphQL answer itself, errors and all
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(statusOfErrors(raw))
				_, _ = w.Write(raw)
				return
			}
			exportError(w, http.StatusBadRequest, err.Error(), "")
			return
		}

		h := w.Header()
		h.Set("Content-Type", "text/csv; charset=utf-8")
		h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", req.Connection+".csv"))
		h.Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write(utf8BOM)
		out := csv.NewWriter(w)
		rc := http.NewResponseController(w)
		flush := func() {
			out.Flush()
			_ = rc.Flush()
		}
		fail := func(msg string) {
			_ = out.Write([]string{"#error", msg})
			flush()
		}

		var columns []string
		p := first
		for pages := 1; ; pages++ {
			for _, node := range p.nodes {
				cells := flattenNode(node)
				if columns == nil {
					columns = cells.paths
					if err := out.Write(columns); err != nil {
						return
					}
				}
				if err := out.Write(cells.row(columns)); err != nil {
					return // the client went away
				}
			}
			flush()
			if out.Error() != nil || !p.hasNext {
				return
			}
			if pages >= exportMaxPages {
				fail(fmt.Sprintf("export stopped after %d pages: narrow the query with where", exportMaxPages))
				return
			}
			if p.endCursor == "" || p.endCursor == after {
				fail("the connection reports a next page but its endCursor does not move")
				return
			}
			if r.Context().Err() != nil {
				return // the client went away: nobody reads an error row
			}
			after = p.endCursor
			if p, _, err = ex.page(after); err != nil {
				if r.Context().Err() != nil {
					return
				}
				fail(err.Error())
				return
			}
		}
	})
}

// checkExportRequest returns what is wrong with an export request ("" when nothing):
// one query operation, with a $after variable, selecting one root field whose
// response name is the connection.
func checkExportRequest(req *exportRequest) (msg, field string) {
	if req.Connection == "" {
		return "connection is required: the name of the root connection field to export, e.g. customers", "connection"
	}
	if !graphQLName.MatchString(req.Connection) {
		return "connection must be a GraphQL field name", "connection"
	}
	if strings.TrimSpace(req.Query) == "" {
		return "query is required", "query"
	}
	doc, err := parser.ParseQuery(&ast.Source{Input: req.Query})
	if err != nil {
		return "query: " + err.Error(), "query"
	}
	var op *ast.OperationDefinition
	switch {
	case req.OperationName != "":
		op = doc.Operations.ForName(req.OperationName)
	case len(doc.Operations) == 1:
		op = doc.Operations[0]
	}
	if op == nil {
		return "query: give exactly one operation (or operationName)", "query"
	}
	if op.Operation != ast.Query {
		return "query: only a query can be exported, not a " + string(op.Operation), "query"
	}
	if op.VariableDefinitions.ForName("after") == nil {
		return "query: declare $after: Cursor and pass after: $after to " + req.Connection, "query"
	}
	var fields []*ast.Field
	for _, s := range op.SelectionSet {
		f, ok := s.(*ast.Field)
		if !ok {
			return "query: select the connection directly, without fragments at the root", "query"
		}
		if f.Name != "__typename" {
			fields = append(fields, f)
		}
	}
	if len(fields) != 1 || fields[0].Alias != req.Connection {
		return "query: select exactly one root field, the connection " + req.Connection, "connection"
	}
	return "", ""
}

// exporter fetches the pages of one export.
type exporter struct {
	gql http.Handler
	r   *http.Request
	req exportRequest
}

type exportPage struct {
	nodes     []json.RawMessage
	hasNext   bool
	endCursor string
}

type exportGQLError struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions"`
}

// page runs the query with $after through the GraphQL handler. On GraphQL errors it
// returns the answer's body too.
func (ex *exporter) page(after any) (*exportPage, []byte, error) {
	vars := make(map[string]any, len(ex.req.Variables)+1)
	for k, v := range ex.req.Variables {
		vars[k] = v
	}
	vars["after"] = after
	body, err := json.Marshal(map[string]any{"query": ex.req.Query, "operationName": ex.req.OperationName, "variables": vars})
	if err != nil {
		return nil, nil, err
	}
	// A fresh cost record per page; the viewer (or the token's error) comes with the
	// caller's context, and the Authorization header goes along for completeness.
	ctx, _ := graph.WithCost(ex.r.Context())
	in, err := http.NewRequestWithContext(ctx, http.MethodPost, "/graphql", bytes.NewReader(body))
	if err != nil {
		return nil, nil, err
	}
	in.Header.Set("Content-Type", "application/json")
	in.Header.Set("Accept", "application/json")
	if auth := ex.r.Header.Get("Authorization"); auth != "" {
		in.Header.Set("Authorization", auth)
	}
	in.RemoteAddr = ex.r.RemoteAddr
	rec := httptest.NewRecorder()
	ex.gql.ServeHTTP(rec, in)
	raw := rec.Body.Bytes()

	var res struct {
		Data   map[string]json.RawMessage `json:"data"`
		Errors []exportGQLError           `json:"errors"`
	}
	if err := json.Unmarshal(raw, &res); err != nil {
		return nil, nil, fmt.Errorf("the GraphQL handler answered %d without JSON", rec.Code)
	}
	if len(res.Errors) > 0 {
		return nil, raw, errors.New(res.Errors[0].Message)
	}
	var conn struct {
		Edges []*struct {
			Node json.RawMessage `json:"node"`
		} `json:"edges"`
		PageInfo *struct {
			HasNextPage bool    `json:"hasNextPage"`
			EndCursor   *string `json:"endCursor"`
		} `json:"pageInfo"`
	}
	c, ok := res.Data[ex.req.Connection]
	if !ok || len(c) == 0 || string(c) == "null" {
		return nil, nil, fmt.Errorf("the answer has no %s", ex.req.Connection)
	}
	if err := json.Unmarshal(c, &conn); err != nil || conn.PageInfo == nil {
		return nil, nil, fmt.Errorf("%s must be a connection selecting pageInfo { hasNextPage endCursor } and edges { node { … } }", ex.req.Connection)
	}
	p := &exportPage{hasNext: conn.PageInfo.HasNextPage}
	if conn.PageInfo.EndCursor != nil {
		p.endCursor = *conn.PageInfo.EndCursor
	}
	for _, e := range conn.Edges {
		if e != nil && len(e.Node) > 0 && string(e.Node) != "null" {
			p.nodes = append(p.nodes, e.Node)
		}
	}
	return p, nil, nil
}

// statusOfErrors is the HTTP status for a GraphQL answer whose first error is raw's.
func statusOfErrors(raw []byte) int {
	var res struct {
		Errors []exportGQLError `json:"errors"`
	}
	_ = json.Unmarshal(raw, &res)
	if len(res.Errors) == 0 {
		return http.StatusBadRequest
	}
	code, _ := res.Errors[0].Extensions["code"].(string)
	switch errcode.Code(code) {
	case errcode.Unauthenticated:
		return http.StatusUnauthorized
	case errcode.Forbidden:
		return http.StatusForbidden
	case errcode.RateLimited:
		return http.StatusTooManyRequests
	case errcode.Internal:
		return http.StatusInternalServerError
	}
	return http.StatusBadRequest
}

// exportError answers a refused export as a GraphQL error.
func exportError(w http.ResponseWriter, status int, msg, field string) {
	ext := map[string]any{"code": string(errcode.BadUserInput)}
	if field != "" {
		ext["field"] = field
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"errors": []exportGQLError{{Message: msg, Extensions: ext}}})
}

// nodeCells are one node's values by flattened path, in the order of the answer.
type nodeCells struct {
	paths   []string
	values  map[string]string
	objects map[string]string // nested objects as JSON, for columns a null made short
}

func (c nodeCells) row(columns []string) []string {
	row := make([]string, len(columns))
	for i, col := range columns {
		if v, ok := c.values[col]; ok {
			row[i] = v
		} else {
			row[i] = c.objects[col]
		}
	}
	return row
}

// flattenNode turns a node into cells: nested objects become owner.name, lists
// JSON text, null an empty cell.
func flattenNode(node json.RawMessage) nodeCells {
	c := nodeCells{values: map[string]string{}, objects: map[string]string{}}
	c.flatten("", node)
	return c
}

func (c *nodeCells) flatten(prefix string, v json.RawMessage) {
	v = bytes.TrimSpace(v)
	if len(v) > 0 && v[0] == '{' {
		if prefix != "" {
			c.objects[prefix] = compactJSON(v)
		}
		dec := json.NewDecoder(bytes.NewReader(v))
		dec.UseNumber()
		if _, err := dec.Token(); err != nil {
			return
		}
		for dec.More() {
			t, err := dec.Token()
			if err != nil {
				return
			}
			key, _ := t.(string)
			var val json.RawMessage
			if err := dec.Decode(&val); err != nil {
				return
			}
			if prefix != "" {
				key = prefix + "." + key
			}
			c.flatten(key, val)
		}
		return
	}
	if _, seen := c.values[prefix]; !seen {
		c.paths = append(c.paths, prefix)
	}
	c.values[prefix] = cellOf(v)
}

func cellOf(v json.RawMessage) string {
	if len(v) == 0 {
		return ""
	}
	switch v[0] {
	case 'n':
		return ""
	case '"':
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return string(v)
		}
		return importer.DefuseFormula(s)
	case '[':
		return compactJSON(v)
	}
	return string(v) // numbers and booleans as written
}

func compactJSON(v json.RawMessage) string {
	var b bytes.Buffer
	if err := json.Compact(&b, v); err != nil {
		return string(v)
	}
	return b.String()
}

package app_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"tandem/ent"
	"tandem/ent/customer"
)

const exportCustomersQuery = `query Export($after: Cursor) {
  customers(first: 100, after: $after, orderBy: {field: NAME, direction: ASC}) {
    pageInfo { hasNextPage endCursor }
    edges { node { id name stage owner { email name } samples(first: 5) { totalCount edges { node { quantity } } } } }
  }
}`

// export posts to /export.csv and returns the status, content type and body.
func (e *env) export(token string, body any) (int, http.Header, []byte) {
	e.t.Helper()
	raw, _ := json.Marshal(body)
	req, _ := http.NewRequest(http.MethodPost, e.srv.URL+"/export.csv", bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	return res.StatusCode, res.Header, b
}

// exportRows checks a successful export's headers and BOM and returns its rows.
func exportRows(t *testing.T, status int, h http.Header, body []byte) [][]string {
	t.Helper()
	if status != http.StatusOK {
		t.Fatalf("status %d: %s", status, body)
	}
	if ct := h.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Fatalf("Content-Type %q", ct)
	}
	if cd := h.Get("Content-Disposition"); cd != `attachment; filename="customers.csv"` {
		t.Fatalf("Content-Disposition %q", cd)
	}
	rest, ok := bytes.CutPrefix(body, []byte("\xEF\xBB\xBF"))
	if !ok {
		t.Fatalf("no UTF-8 BOM first: % x", body[:min(len(body), 8)])
	}
	r := csv.NewReader(bytes.NewReader(rest))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("not RFC 4180 CSV: %v\n%s", err, rest)
	}
	for _, row := range rows {
		if row[0] == "#error" {
			t.Fatalf("export ended with an error: %q", row)
		}
	}
	return rows
}

func TestExportCSV(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		tricky := "Komma, \"Quote\" & Co.\nLine two"
		var bulk []*ent.CustomerCreate
		for i := range 250 {
			name := fmt.Sprintf("上海测试客户%03d有限公司", i)
			switch i {
			case 7:
				name = tricky
			case 8:
				name = "=HYPERLINK(\"http://evil.test\")"
			}
			owner := e.f.rep1
			if i%2 == 1 {
				owner = e.f.rep2
			}
			bulk = append(bulk, c.Customer.Create().SetName(name).SetOwnerID(owner.ID).SetTeamID(e.f.eastTeam.ID).SetStage(customer.StagePROSPECT))
		}
		c.Customer.CreateBulk(bulk...).ExecX(e.sys)

		req := map[string]any{"query": exportCustomersQuery, "variables": map[string]any{}, "connection": "customers"}

		t.Run("rep1 gets the East team's accounts, every page", func(t *testing.T) {
			status, h, body := e.export(e.token(e.f.rep1), req)
			rows := exportRows(t, status, h, body)
			header := rows[0]
			want := []string{"id", "name", "stage", "owner.email", "owner.name", "samples.totalCount", "samples.edges"}
			if !slices.Equal(header, want) {
				t.Fatalf("header %q, want %q", header, want)
			}
			data := rows[1:]
			if len(data) != 252 {
				t.Fatalf("%d data rows, want 252 (250 + 2 fixture accounts of East)", len(data))
			}
			col := func(name string) int { return slices.Index(header, name) }
			byName := map[string][]string{}
			ids := map[string]bool{}
			for _, row := range data {
				if len(row) != len(header) {
					t.Fatalf("row %q has %d cells, header %d", row, len(row), len(header))
				}
				byName[row[col("name")]] = row
				ids[row[col("id")]] = true
			}
			if len(ids) != 252 {
				t.Fatalf("%d distinct ids: pages overlap", len(ids))
			}
			if row := byName["宁波华塑新材料有限公司"]; row == nil || row[col("owner.email")] != "rep1@t.test" || row[col("stage")] != "VISITED" {
				t.Fatalf("Chinese fixture account: %q", row)
			}
			if byName["上海测试客户249有限公司"] == nil {
				t.Fatal("the last page's Chinese name is missing or garbled")
			}
			if row := byName[tricky]; row == nil || row[col("owner.email")] != "rep2@t.test" {
				t.Fatalf("name with comma, quotes and newline not round-tripped: %q", row)
			}
			if row := byName["'=HYPERLINK(\"http://evil.test\")"]; row == nil {
				t.Fatal("a formula-like name must be written as text ('=…)")
			}
			if got := byName["上海测试客户000有限公司"][col("samples.edges")]; got != `[]` {
				t.Fatalf("an empty list is [], got %q", got)
			}
			acme := byName["宁波华塑新材料有限公司"]
			var edges []map[string]map[string]any
			if err := json.Unmarshal([]byte(acme[col("samples.edges")]), &edges); err != nil || len(edges) != 1 || acme[col("samples.totalCount")] != "1" {
				t.Fatalf("a list is JSON text: %q (%v)", acme, err)
			}
			if byName["佛山彩虹涂料股份有限公司"] != nil {
				t.Fatal("rep1 exported the South team's account")
			}
		})

		t.Run("rep3 gets the South team's accounts only", func(t *testing.T) {
			status, h, body := e.export(e.token(e.f.rep3), req)
			rows := exportRows(t, status, h, body)
			if len(rows) != 2 || rows[1][1] != "佛山彩虹涂料股份有限公司" || rows[1][3] != "rep3@t.test" {
				t.Fatalf("rows %q", rows)
			}
		})

		t.Run("no token is 401", func(t *testing.T) {
			status, h, body := e.export("", req)
			r := gqlErrorBody(t, status, h, body, http.StatusUnauthorized)
			expectCode(t, r, "UNAUTHENTICATED")
		})

		t.Run("a bad token is 401", func(t *testing.T) {
			status, h, body := e.export("not-a-token", req)
			expectCode(t, gqlErrorBody(t, status, h, body, http.StatusUnauthorized), "UNAUTHENTICATED")
		})

		rep1 := e.token(e.f.rep1)
		t.Run("a GraphQL validation error is 400 without CSV", func(t *testing.T) {
			bad := strings.Replace(exportCustomersQuery, "quantity", "noSuchField", 1)
			status, h, body := e.export(rep1, map[string]any{"query": bad, "connection": "customers"})
			r := gqlErrorBody(t, status, h, body, http.StatusBadRequest)
			if !strings.Contains(r.Errors[0].Message, "noSuchField") {
				t.Fatalf("errors %+v", r.Errors)
			}
		})

		for name, body := range map[string]any{
			"missing connection":   map[string]any{"query": exportCustomersQuery},
			"wrong connection":     map[string]any{"query": exportCustomersQuery, "connection": "orders"},
			"no $after":            map[string]any{"query": `{ customers(first: 100) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`, "connection": "customers"},
			"a mutation":           map[string]any{"query": `mutation($after: Cursor) { customers: logout(input: {refreshToken: "x"}) }`, "connection": "customers"},
			"no pageInfo selected": map[string]any{"query": `query($after: Cursor) { customers(first: 100, after: $after) { edges { node { id } } } }`, "connection": "customers"},
			"not JSON":             "{",
		} {
			t.Run(name+" is 400", func(t *testing.T) {
				status, h, raw := e.export(rep1, body)
				gqlErrorBody(t, status, h, raw, http.StatusBadRequest)
			})
		}
	})
}

// gqlErrorBody checks an export refused with status and a GraphQL error JSON body.
func gqlErrorBody(t *testing.T, status int, h http.Header, body []byte, want int) *gqlResponse {
	t.Helper()
	if status != want {
		t.Fatalf("status %d, want %d: %s", status, want, body)
	}
	if strings.HasPrefix(h.Get("Content-Type"), "text/csv") || h.Get("Content-Disposition") != "" {
		t.Fatalf("an error answered as CSV: %v", h)
	}
	r := &gqlResponse{status: status}
	if err := json.Unmarshal(body, r); err != nil || len(r.Errors) == 0 {
		t.Fatalf("not a GraphQL error JSON (%v): %s", err, body)
	}
	return r
}

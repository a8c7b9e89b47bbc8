package app_test

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"tandem/domain/history"
	"tandem/domain/importer"
	"tandem/ent"
	"tandem/ent/order"
	"tandem/server/demo"
)

// historyFixture is what the exports of the history read, beyond env's fixture.
type historyFixture struct {
	southOrder *ent.Order
}

func utcDay(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// seedOrder writes an order with its lines as history comes in (the importer's way:
// a closed order is written closed).
func (e *env) seedOrder(cu *ent.Customer, number string, status order.Status, at time.Time, lines ...func(*ent.OrderLineCreate)) *ent.Order {
	e.t.Helper()
	c, ctx := e.app.DB.Client, history.Importing(e.sys)
	q := c.Order.Create().SetCustomerID(cu.ID).SetNumber(number).SetStatus(status).SetOrderedAt(at).SetIsEvaluation(false)
	if status == order.StatusCLOSED {
		q.SetClosedAt(at.AddDate(0, 0, 19)).SetDeliveryDate(at.AddDate(0, 0, 19))
	}
	o := q.SaveX(ctx)
	for _, l := range lines {
		lc := c.OrderLine.Create().SetOrderID(o.ID).SetProductID(e.f.product.ID)
		l(lc)
		lc.SaveX(ctx)
	}
	return o
}

func batch(qty float64, no string, made time.Time) func(*ent.OrderLineCreate) {
	return func(l *ent.OrderLineCreate) {
		l.SetQuantity(qty).SetUnitPrice(32.5).SetBatchNo(no).SetProductionDate(made)
	}
}

// seedHistory gives the fixture a price history, a closed order with two batches, an
// open order without price or batch, and on the south team an order, a key person and
// an interaction that nobody in the east team may export.
func (e *env) seedHistory() historyFixture {
	e.t.Helper()
	c, f := e.app.DB.Client, e.f
	c.PricePoint.Create().SetProductID(f.product.ID).SetPrice(1032.5).SetCurrency("CNY").SetObservedAt(utcDay(2024, 3, 5)).SetSource("报价单 Q-7").ExecX(e.sys)
	c.PricePoint.Create().SetProductID(f.product.ID).SetPrice(4.8).SetCurrency("USD").SetObservedAt(utcDay(2024, 3, 5)).ExecX(e.sys)
	e.seedOrder(f.acmeEast, "EX-2023-001", order.StatusCLOSED, utcDay(2023, 3, 1),
		batch(500, "B230201", utcDay(2023, 2, 1)), batch(200, "B230215", utcDay(2023, 2, 15)))
	e.seedOrder(f.acmeEast, "EX-2024-002", order.StatusOPEN, utcDay(2024, 5, 1), func(l *ent.OrderLineCreate) { l.SetQuantity(1.25).SetUnit("t") })
	h := historyFixture{southOrder: e.seedOrder(f.southAcct, "SOUTH-9001", order.StatusSHIPPED, utcDay(2024, 1, 9), batch(9, "SOUTHBATCH", utcDay(2023, 12, 1)))}
	c.KeyPerson.Create().SetCustomerID(f.southAcct.ID).SetContactID(f.southContact.ID).SetDecisionRole("DECISION_MAKER").
		SetAttitude("CHAMPION").SetProfessionalNeeds("南区需求").ExecX(e.sys)
	c.KeyPerson.Create().SetCustomerID(f.acmeEast.ID).SetContactID(f.acmeContact.ID).SetDecisionRole("DECISION_MAKER").
		SetAttitude("SKEPTIC").SetActiveFrom(utcDay(2022, 1, 10)).SetProfessionalNeeds("耐黄变").ExecX(e.sys)
	c.Interaction.Create().SetCustomerID(f.southAcct.ID).SetKind("TRADE_SHOW").SetAuthorID(f.rep3.ID).
		SetSummary("南区秘密拜访").SetOccurredAt(utcDay(2024, 4, 2)).ExecX(e.sys)
	c.Interaction.Create().SetCustomerID(f.acmeEast.ID).SetKind("CHAT").SetAuthorID(f.admin.ID).
		SetSummary("  报价跟进 ").SetNextStep("寄样").SetOccurredAt(utcDay(2024, 4, 3)).ExecX(e.sys)
	return h
}

// exportFile downloads /exports/{file} as the token; a workbook is returned as its rows.
func (e *env) exportFile(token, file string) (int, []byte, [][]string) {
	e.t.Helper()
	res, body := e.fetch("/exports/"+file, "Authorization", "Bearer "+token)
	if res.StatusCode != 200 || !strings.Contains(strings.SplitN(file, "?", 2)[0], ".xlsx") {
		return res.StatusCode, body, nil
	}
	f, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		e.t.Fatalf("%s: %v", file, err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Sheet1")
	return res.StatusCode, body, rows
}

var exportFiles = []struct{ kind, name string }{
	{"CUSTOMERS", "customers"}, {"CONTACTS", "contacts"}, {"KEY_PERSONS", "key-persons"}, {"PRODUCTS", "products"},
	{"PRICES", "prices"}, {"ORDERS", "orders"}, {"INTERACTIONS", "interactions"},
}

// What a manager exports imports back unchanged: every kind, in both languages and
// both formats, each row UNCHANGED.
func TestExportImportRoundTrip(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		e.seedHistory()
		mgr := e.token(e.f.manager)
		for _, k := range exportFiles {
			for _, format := range []string{"csv", "xlsx"} {
				for _, lang := range []string{"zh", "en"} {
					file := fmt.Sprintf("%s.%s?lang=%s", k.name, format, lang)
					status, body, rows := e.exportFile(mgr, file)
					if status != 200 {
						t.Fatalf("%s: %d %s", file, status, body)
					}
					if format == "xlsx" {
						want := importer.FieldsOf(importer.Kind(k.kind))[0].Label(lang)
						if len(rows) < 2 || rows[0][0] != want {
							t.Fatalf("%s: header %v, want %s first (%d rows)", file, rows[0], want, len(rows))
						}
					}
					// The south team's account is not the east manager's to read.
					if bytes.Contains(body, []byte(e.f.southAcct.Name)) || bytes.Contains(body, []byte("SOUTH-9001")) {
						t.Fatalf("%s exports the south team's rows", file)
					}
					r := e.startImport(mgr, k.kind, k.name+"."+format, body)
					if len(r.Errors) > 0 {
						t.Fatalf("%s: %+v", file, r.Errors)
					}
					j := r.Data["startImport"].(map[string]any)
					if num(j["totalRows"]) == 0 || num(j["unchanged"]) != num(j["totalRows"]) {
						id := j["id"].(string)
						t.Fatalf("%s round trip: %v\nupdates %v\nerrors %v\ncreates %v", file, j, e.importRows(mgr, id, "UPDATE"),
							e.importRows(mgr, id, "ERROR"), e.importRows(mgr, id, "CREATE"))
					}
				}
			}
		}
		// One row per order line, the order's fields repeated, in the importer's layout.
		_, body, _ := e.exportFile(mgr, "orders.csv")
		lines := strings.Split(strings.TrimSpace(strings.TrimPrefix(string(body), "\xEF\xBB\xBF")), "\n")
		want := []string{
			"订单号,客户名称,下单日期,状态,产品,数量,单位,单价,币种,批号,生产日期,交期,关闭日期",
			"EX-2023-001,宁波华塑新材料有限公司,2023-03-01,已关闭,TX-AO1010,200,kg,32.5,CNY,B230215,2023-02-15,2023-03-20,2023-03-20",
			"EX-2023-001,宁波华塑新材料有限公司,2023-03-01,已关闭,TX-AO1010,500,kg,32.5,CNY,B230201,2023-02-01,2023-03-20,2023-03-20",
			"EX-2024-002,宁波华塑新材料有限公司,2024-05-01,待处理,TX-AO1010,1.25,t,,CNY,,,,",
		}
		// Records come in ID order: creation order to the millisecond, random within one.
		slices.Sort(lines[1:])
		if strings.Join(lines, "\n") != strings.Join(want, "\n") {
			t.Fatalf("orders.csv:\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
		}
		for _, file := range []string{"customers.csv", "orders.xlsx", "nope.csv", "orders.pdf"} {
			if res, _ := e.fetch("/exports/" + file); res.StatusCode != 401 {
				t.Fatalf("%s without a token: %d", file, res.StatusCode)
			}
		}
		if res, _ := e.fetch("/exports/orders.pdf", "Authorization", "Bearer "+mgr); res.StatusCode != 404 {
			t.Fatalf("orders.pdf: %d", res.StatusCode)
		}
	})
}

// A large book is exported page by page: each page costs the same few statements
// (its edges loaded with it, not per row), so a book twice as long costs twice the
// pages, not a statement per order or line. Not parallel: it sets the page size.
func TestExportPagesLargeBooks(t *testing.T) {
	defer func(n int) { importer.ExportPage = n }(importer.ExportPage)
	importer.ExportPage = 4
	for _, b := range backends(t) {
		t.Run(b, func(t *testing.T) {
			e := newEnv(t, b, envOptions{})
			mgr := e.token(e.f.manager)
			orders := 0
			add := func(n int) {
				for range n {
					orders++
					e.seedOrder(e.f.acmeEast, fmt.Sprintf("BIG-%04d", orders), order.StatusCLOSED, utcDay(2023, 1, 1+orders%28),
						batch(10, fmt.Sprintf("L%d-A", orders), utcDay(2022, 12, 1)), batch(20, fmt.Sprintf("L%d-B", orders), utcDay(2022, 12, 2)))
				}
			}
			cost := func() int64 {
				before := e.statements.Load()
				status, body, _ := e.exportFile(mgr, "orders.csv")
				if n := strings.Count(string(body), "\n"); status != 200 || n != 1+2*orders {
					t.Fatalf("orders.csv after %d orders: %d, %d lines", orders, status, n)
				}
				return e.statements.Load() - before
			}
			add(6) // two pages
			two := cost()
			add(8) // four pages
			four := cost()
			add(8) // six pages
			six := cost()
			if six-four != four-two || four-two > 2*8 {
				t.Fatalf("statements for 2, 4 and 6 pages of orders: %d, %d, %d (a page must cost the same few)", two, four, six)
			}
			t.Logf("%s: statements for 2, 4, 6 pages: %d, %d, %d", b, two, four, six)
		})
	}
}

// The demo book, as written by the app's own workflows (open orders, ended key
// persons, private interactions…), exports and imports back unchanged for an admin
// and a manager: every kind, in both formats.
func TestExportDemoBookRoundTrip(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b, func(t *testing.T) {
			t.Parallel()
			e := newDemoEnv(t, b)
			for _, who := range []string{"admin@demo.tandem", "manager@demo.tandem"} {
				tok := dig(e.ok("", loginMutation, map[string]any{"e": who, "p": demo.Password}), "login", "accessToken").(string)
				for _, k := range exportFiles {
					for _, file := range []string{k.name + ".csv", k.name + ".xlsx?lang=en"} {
						status, body, _ := e.exportFile(tok, file)
						if status != 200 {
							t.Fatalf("%s %s: %d %s", who, file, status, body)
						}
						r := e.startImport(tok, k.kind, strings.SplitN(file, "?", 2)[0], body)
						if len(r.Errors) > 0 {
							t.Fatalf("%s %s: %+v", who, file, r.Errors)
						}
						j := r.Data["startImport"].(map[string]any)
						t.Logf("%s %s: %v rows, %v unchanged", who, file, j["totalRows"], j["unchanged"])
						if num(j["totalRows"]) == 0 || num(j["unchanged"]) != num(j["totalRows"]) {
							id := j["id"].(string)
							t.Errorf("%s %s round trip: %v\nupdates %v\nerrors %v\ncreates %v\nduplicates %v", who, file, j, e.importRows(tok, id, "UPDATE"),
								e.importRows(tok, id, "ERROR"), e.importRows(tok, id, "CREATE"), e.importRows(tok, id, "DUPLICATE"))
						}
					}
				}
			}
		})
	}
}

// A cell Excel would run as a formula goes out of a CSV export as text (an apostrophe
// first) and comes back as it was: the re-import is UNCHANGED.
func TestExportCSVKeepsFormulasText(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		mgr := e.token(e.f.manager)
		e.app.DB.Client.Contact.Create().SetCustomerID(e.f.acmeEast.ID).SetName("公式测试").
			SetMobile("+86 139 0000 1111").SetNotes(`=HYPERLINK("http://x.test","看")`).ExecX(e.sys)
		_, body, _ := e.exportFile(mgr, "contacts.csv?lang=zh")
		if !strings.Contains(string(body), `'=HYPERLINK(`) || !strings.Contains(string(body), "'+86 139") {
			t.Fatalf("formula cells not kept text: %s", body)
		}
		j := e.startImport(mgr, "CONTACTS", "contacts.csv", body).Data["startImport"].(map[string]any)
		if num(j["creates"]) != 0 || num(j["updates"]) != 0 || num(j["errors"]) != 0 {
			t.Fatalf("the re-import of a defused export: %v", j)
		}
	})
}

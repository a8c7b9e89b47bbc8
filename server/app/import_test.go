package app_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/xuri/excelize/v2"

	"tandem/domain/importer"
	"tandem/ent/customer"
	"tandem/ent/interaction"
	"tandem/ent/keyperson"
	"tandem/ent/order"
	"tandem/ent/task"
	"tandem/ent/user"
	"tandem/graph"
	"tandem/server/auth"
)

const importJobFields = `id kind state totalRows doneRows creates updates unchanged duplicates errors error fileName encoding sheet
  columns { index header field samples } fields { key label required }`

const startImportMutation = `mutation($input: StartImportInput!) { startImport(input: $input) { ` + importJobFields + ` } }`

func (e *env) startImport(token, kind, name string, data []byte) *gqlResponse {
	e.t.Helper()
	return e.uploadFile(token, startImportMutation, map[string]any{"input": map[string]any{"file": nil, "kind": kind}},
		"variables.input.file", name, "", data)
}

// commitAndWait commits a job and polls it until the background commit ends.
func (e *env) commitAndWait(token, id string) map[string]any {
	e.t.Helper()
	e.ok(token, `mutation($id: ID!) { commitImport(id: $id) { id state } }`, map[string]any{"id": id})
	deadline := time.Now().Add(5 * time.Minute)
	for time.Now().Before(deadline) {
		j := e.ok(token, `query($id: ID!) { importJob(id: $id) { `+importJobFields+` } }`, map[string]any{"id": id})["importJob"].(map[string]any)
		if s := j["state"]; s == "DONE" || s == "FAILED" {
			return j
		}
		time.Sleep(50 * time.Millisecond)
	}
	e.t.Fatalf("import %s did not finish", id)
	return nil
}

func (e *env) importRows(token, id, action string) []any {
	e.t.Helper()
	d := e.ok(token, `query($id: ID!, $a: ImportRowAction) { importJob(id: $id) { rows(action: $a) { row action key matchID matchName message cell } } }`,
		map[string]any{"id": id, "a": action})
	l, _ := dig(d, "importJob", "rows").([]any)
	return l
}

// The customers file of the scenario: a new account with a credit code, one
// without, the short name of an existing account, an owner outside the manager's
// team, and a row repeating another.
const customersCSV = "客户名称,统一社会信用代码,地区,负责人\n" +
	"杭州远川化工有限公司,91330100MA2B3C4D5E,浙江,rep1@t.test\n" +
	"上海博睿塑胶有限公司,,上海,rep2@t.test\n" +
	"华塑,,,\n" +
	"广州明德涂料有限公司,,广东,rep3@t.test\n" +
	"上海博睿塑胶有限公司,,上海,\n"

func TestImportCustomers(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		mgr := e.token(e.f.manager)
		countAccounts := func() int { return e.app.DB.Client.Customer.Query().CountX(e.sys) }
		before := countAccounts()

		r := e.startImport(mgr, "CUSTOMERS", "客户.csv", []byte(customersCSV))
		if len(r.Errors) > 0 {
			t.Fatalf("startImport: %+v", r.Errors)
		}
		j := r.Data["startImport"].(map[string]any)
		id := j["id"].(string)
		if j["state"] != "CHECKED" || num(j["totalRows"]) != 5 || num(j["creates"]) != 2 || num(j["duplicates"]) != 1 || num(j["errors"]) != 2 || j["encoding"] != "UTF-8" {
			t.Fatalf("check: %v", j)
		}
		if got := dig(j, "columns", 1, "field"); got != "creditCode" {
			t.Fatalf("credit code column guessed as %v", got)
		}
		if countAccounts() != before {
			t.Fatal("the dry run wrote accounts")
		}
		dup := e.importRows(mgr, id, "DUPLICATE")
		if len(dup) != 1 || dig(dup, 0, "matchName") != e.f.acmeEast.Name || num(dig(dup, 0, "row")) != 4 {
			t.Fatalf("the short name 华塑 must be found as %s: %v", e.f.acmeEast.Name, dup)
		}
		errs := e.importRows(mgr, id, "ERROR")
		if len(errs) != 2 || dig(errs, 0, "cell") != "D5" || !strings.Contains(dig(errs, 1, "message").(string), "第 3 行") {
			t.Fatalf("errors: %v", errs)
		}

		// The refused rows, to fix and import again: the original columns and the reason.
		url, _ := e.ok(mgr, `query($id: ID!) { importJob(id: $id) { refusedRowsURL } }`, map[string]any{"id": id})["importJob"].(map[string]any)["refusedRowsURL"].(string)
		if url != "/imports/"+id+"/refused.csv" {
			t.Fatalf("refusedRowsURL %q", url)
		}
		res, body := e.fetch(url, "Authorization", "Bearer "+mgr)
		lines := strings.Split(strings.TrimSpace(strings.TrimPrefix(string(body), "\xEF\xBB\xBF")), "\n")
		if res.StatusCode != 200 || len(lines) != 4 || lines[0] != "客户名称,统一社会信用代码,地区,负责人,原因" ||
			!strings.HasPrefix(lines[1], "华塑,,,,") || !strings.Contains(lines[2], "不在你的团队") {
			t.Fatalf("refused rows (%d): %q", res.StatusCode, lines)
		}
		if res, _ := e.fetch(url, "Authorization", "Bearer "+e.token(e.f.rep1)); res.StatusCode != 403 {
			t.Fatalf("a rep downloaded refused rows: %d", res.StatusCode)
		}
		if res, _ := e.fetch(url); res.StatusCode != 401 {
			t.Fatalf("refused rows without a token: %d", res.StatusCode)
		}

		// Reps and analysts may not import.
		for _, u := range []string{e.token(e.f.rep1), e.token(e.f.analyst)} {
			expectCode(t, e.startImport(u, "CUSTOMERS", "客户.csv", []byte(customersCSV)), "FORBIDDEN")
			expectCode(t, e.do(u, `mutation($id: ID!) { commitImport(id: $id) { id } }`, map[string]any{"id": id}), "FORBIDDEN")
		}

		done := e.commitAndWait(mgr, id)
		if done["state"] != "DONE" || num(done["doneRows"]) != 5 || countAccounts() != before+2 {
			t.Fatalf("commit: %v, accounts %d → %d", done, before, countAccounts())
		}
		yc := e.app.DB.Client.Customer.Query().Where(customer.CreditCode("91330100MA2B3C4D5E")).OnlyX(e.sys)
		if yc.OwnerID != e.f.rep1.ID || yc.TeamID != e.f.eastTeam.ID || yc.Region != "浙江" || yc.Stage != customer.StagePROSPECT {
			t.Fatalf("imported account: %+v", yc)
		}

		// The same file again: nothing to do.
		again := e.startImport(mgr, "CUSTOMERS", "客户.csv", []byte(customersCSV)).Data["startImport"].(map[string]any)
		if num(again["unchanged"]) != 2 || num(again["creates"]) != 0 || num(again["updates"]) != 0 {
			t.Fatalf("re-import: %v", again)
		}
		e.commitAndWait(mgr, again["id"].(string))
		if countAccounts() != before+2 {
			t.Fatal("a re-import created accounts")
		}
		// Another manager sees none of them.
		hash, _ := auth.HashPassword(password)
		south := e.app.DB.Client.User.Create().SetEmail("manager2@t.test").SetName("南区经理").SetRole(user.RoleMANAGER).
			SetTeamID(e.f.southTeam.ID).SetPasswordHash(hash).SaveX(e.sys)
		other := e.token(south)
		if l := e.ok(other, `{ importJobs { id } }`, nil)["importJobs"].([]any); len(l) != 0 {
			t.Fatalf("another manager lists %v", l)
		}
		if r := e.do(other, `query($id: ID!) { importJob(id: $id) { id } }`, map[string]any{"id": id}); r.Data["importJob"] != nil {
			t.Fatalf("another manager reads the import: %+v", r)
		}
		expectCode(t, e.do(other, `mutation($id: ID!) { cancelImport(id: $id) { id } }`, map[string]any{"id": id}), "NOT_FOUND")
		// An admin sees the manager's imports.
		if l := e.ok(e.token(e.f.admin), `{ importJobs { id createdBy { email } } }`, nil)["importJobs"].([]any); len(l) != 2 || dig(l, 0, "createdBy", "email") != "manager@t.test" {
			t.Fatalf("admin's list: %v", l)
		}
	})
}

func TestImportBadFiles(t *testing.T) {
	full := fullSheet(t)
	tooLarge := append([]byte("客户名称\n"), bytes.Repeat([]byte("甲"), graph.MaxUploadBytes/3)...)
	eachDB(t, func(t *testing.T, e *env) {
		mgr := e.token(e.f.manager)
		ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...)
		f := excelize.NewFile()
		f.SetCellValue("Sheet1", "A1", "客户名称")
		f.SetCellValue("Sheet1", "A2", "甲公司")
		f.MergeCell("Sheet1", "A2", "A3")
		var merged bytes.Buffer
		_ = f.Write(&merged)
		for _, c := range []struct {
			name   string
			data   []byte
			reason string
		}{
			{"locked.xlsx", ole, importer.CodeEncrypted},
			{"merged.xlsx", merged.Bytes(), importer.CodeMergedCells},
			{"photo.csv", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00"), importer.CodeNotSpreadsheet},
			{"head.csv", []byte("客户名称\n"), importer.CodeHeaderOnly},
			{"full.xlsx", full, importer.CodeTooManyRows},
			{"large.csv", tooLarge, importer.CodeTooLarge},
		} {
			r := e.startImport(mgr, "CUSTOMERS", c.name, c.data)
			expectCode(t, r, "BAD_USER_INPUT")
			if got := r.Errors[0].Extensions["reason"]; got != c.reason {
				t.Errorf("%s: reason %v, want %s", c.name, got, c.reason)
			}
			// The manager reads Chinese: the reason is said in Chinese.
			if msg := r.Errors[0].Message; !strings.ContainsFunc(msg, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
				t.Errorf("%s: the refusal is not in the viewer's language: %q", c.name, msg)
			}
		}
		// Past the request's own limit the upload is refused before it is read, with
		// the same kind of error.
		huge := e.startImport(mgr, "CUSTOMERS", "huge.csv", append(tooLarge, bytes.Repeat([]byte("x"), 2<<20)...))
		expectCode(t, huge, "BAD_USER_INPUT")
		if f := huge.Errors[0].Extensions["field"]; f != "file" {
			t.Errorf("huge upload: field %v", f)
		}
		if n := e.app.DB.Client.ImportJob.Query().CountX(e.sys); n != 0 {
			t.Fatalf("%d jobs recorded for refused files", n)
		}
	})
}

// fullSheet is a workbook whose sheet has every row Excel allows (1,048,576: the
// header and 1,048,575 customers), a few MB zipped: the reader must refuse it while
// streaming, past MaxRows, without holding its rows.
func fullSheet(t *testing.T) []byte {
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	_ = sw.SetRow("A1", []any{"客户名称"})
	for r := 2; r <= 1<<20; r++ {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, []any{r}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if buf.Len() > graph.MaxUploadBytes {
		t.Fatalf("the full sheet is %d bytes, over the upload limit: it would test the size instead", buf.Len())
	}
	return buf.Bytes()
}

// A commit that fails part-way is FAILED with the rows of its committed batches
// written; committing again resumes and writes each row once.
func TestImportResume(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b, func(t *testing.T) {
			e := newEnv(t, b, envOptions{})
			mgr := e.token(e.f.manager)
			var csv strings.Builder
			csv.WriteString("产品编号,产品名称,单位\n")
			for i := range 1200 {
				fmt.Fprintf(&csv, "IMP-%04d,产品 %d,kg\n", i, i)
			}
			before := e.app.DB.Client.Product.Query().CountX(e.sys)
			j := e.startImport(mgr, "PRODUCTS", "产品.csv", []byte(csv.String())).Data["startImport"].(map[string]any)
			if num(j["creates"]) != 1200 {
				t.Fatalf("check: %v", j)
			}
			failed := false
			importer.FailBeforeWrite = func(row int) error {
				if row == 802 && !failed {
					failed = true
					return errors.New("disk full")
				}
				return nil
			}
			t.Cleanup(func() { importer.FailBeforeWrite = nil })
			res := e.commitAndWait(mgr, j["id"].(string))
			if res["state"] != "FAILED" || num(res["doneRows"]) != 500 || !strings.Contains(res["error"].(string), "disk full") {
				t.Fatalf("failed commit: %v", res)
			}
			if n := e.app.DB.Client.Product.Query().CountX(e.sys); n != before+500 {
				t.Fatalf("after the failure: %d products written, want the 500 of the first batch", n-before)
			}
			res = e.commitAndWait(mgr, j["id"].(string))
			if res["state"] != "DONE" || num(res["doneRows"]) != 1200 {
				t.Fatalf("resumed commit: %v", res)
			}
			if n := e.app.DB.Client.Product.Query().CountX(e.sys); n != before+1200 {
				t.Fatalf("after the resume: %d products, want 1200", n-before)
			}
		})
	}
}

// Imported contacts are history: no task, no Today item.
func TestImportContactsCreateNoTasks(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		mgr := e.token(e.f.manager)
		tasks := e.app.DB.Client.Task.Query().CountX(e.sys)
		data := "公司,联系人,手机,邮箱\n" + e.f.acmeEast.Name + ",王工,138 0013 8000,wang@huasu.test\n" +
			e.f.southAcct.Name + ",赵工,13900000000,\n" + "没有这家公司,钱工,,\n"
		j := e.startImport(mgr, "CONTACTS", "联系人.csv", []byte(data)).Data["startImport"].(map[string]any)
		// The south account is not the manager's to see: it is "no such account".
		if num(j["creates"]) != 1 || num(j["errors"]) != 2 {
			t.Fatalf("check: %v", j)
		}
		e.commitAndWait(mgr, j["id"].(string))
		if n := e.app.DB.Client.Task.Query().Where(task.CustomerID(e.f.acmeEast.ID)).CountX(e.sys); e.app.DB.Client.Task.Query().CountX(e.sys) != tasks {
			t.Fatalf("the import opened tasks (%d on the account)", n)
		}
		again := e.startImport(mgr, "CONTACTS", "联系人.csv", []byte(data)).Data["startImport"].(map[string]any)
		if num(again["unchanged"]) != 1 || num(again["creates"]) != 0 {
			t.Fatalf("re-import: %v", again)
		}
	})
}

// Imported interactions keep their dates and open no task, though they name a next step.
func TestImportInteractionsAsHistory(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		mgr := e.token(e.f.manager)
		tasks := e.app.DB.Client.Task.Query().CountX(e.sys)
		before := e.app.DB.Client.Interaction.Query().CountX(e.sys)
		data := "客户名称,日期,类型,摘要,下一步,记录人\n" +
			e.f.acmeEast.Name + ",2023年5月8日,拜访,首次拜访,寄样品,rep1@t.test\n" +
			e.f.acmeEast.Name + ",2023/06/01,电话,跟进,,\n" +
			e.f.acmeEast.Name + ",2023-06-31,电话,坏日期,,\n"
		j := e.startImport(mgr, "INTERACTIONS", "拜访记录.csv", []byte(data)).Data["startImport"].(map[string]any)
		if num(j["creates"]) != 2 || num(j["errors"]) != 1 {
			t.Fatalf("check: %v", j)
		}
		if errs := e.importRows(mgr, j["id"].(string), "ERROR"); dig(errs, 0, "cell") != "B4" || !strings.Contains(dig(errs, 0, "message").(string), "B4 日期：不是日期") {
			t.Fatalf("bad date: %v", errs)
		}
		e.commitAndWait(mgr, j["id"].(string))
		if e.app.DB.Client.Task.Query().CountX(e.sys) != tasks {
			t.Fatal("imported interactions opened tasks")
		}
		if n := e.app.DB.Client.Interaction.Query().CountX(e.sys); n != before+2 {
			t.Fatalf("%d interactions written", n-before)
		}
		first := e.app.DB.Client.Interaction.Query().Where(interaction.Summary("首次拜访")).OnlyX(e.sys)
		if !first.OccurredAt.Equal(time.Date(2023, 5, 8, 0, 0, 0, 0, time.UTC)) || first.Kind != interaction.KindVISIT || first.AuthorID != e.f.rep1.ID {
			t.Fatalf("imported interaction: %+v", first)
		}
		again := e.startImport(mgr, "INTERACTIONS", "拜访记录.csv", []byte(data)).Data["startImport"].(map[string]any)
		if num(again["unchanged"]) != 2 || num(again["creates"]) != 0 {
			t.Fatalf("re-import: %v", again)
		}
	})
}

// Key persons: matched on (contact, role, from-date), the from-date kept.
func TestImportKeyPersons(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		mgr := e.token(e.f.manager)
		n := e.f.acmeEast.Name
		data := "客户名称,关键人,角色,态度,起始日期\n" + n + ",李工,技术评估,,\n" + n + ",李工,决策者,支持者,2022-01-10\n" + n + ",王五,决策者,,\n"
		j := e.startImport(mgr, "KEY_PERSONS", "关键人.csv", []byte(data)).Data["startImport"].(map[string]any)
		if num(j["unchanged"]) != 1 || num(j["creates"]) != 1 || num(j["errors"]) != 1 {
			t.Fatalf("check: %v", j)
		}
		if errs := e.importRows(mgr, j["id"].(string), "ERROR"); dig(errs, 0, "cell") != "B4" {
			t.Fatalf("unknown contact: %v", errs)
		}
		e.commitAndWait(mgr, j["id"].(string))
		kp := e.app.DB.Client.KeyPerson.Query().Where(keyperson.DecisionRoleEQ(keyperson.DecisionRoleDECISION_MAKER)).OnlyX(e.sys)
		if !kp.ActiveFrom.Equal(time.Date(2022, 1, 10, 0, 0, 0, 0, time.UTC)) || kp.Attitude != keyperson.AttitudeCHAMPION || kp.ContactID != e.f.acmeContact.ID {
			t.Fatalf("imported key person: %+v", kp)
		}
		again := e.startImport(mgr, "KEY_PERSONS", "关键人.csv", []byte(data)).Data["startImport"].(map[string]any)
		if num(again["unchanged"]) != 2 || num(again["creates"]) != 0 {
			t.Fatalf("re-import: %v", again)
		}
	})
}

// Imported closed orders are closed with their batches and dates, are not evaluation
// orders, and are not late on anyone's Today.
func TestImportClosedOrders(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		mgr := e.token(e.f.manager)
		n := e.f.acmeEast.Name
		data := "订单号,客户名称,下单日期,状态,产品,数量,单价,批号,生产日期,交期\n" +
			"IMP-2023-001," + n + ",2023-03-01,已关闭,TX-AO1010,500,32.5,B230201,2023-02-01,2023-03-20\n" +
			"IMP-2023-001,,,,TX-AO1010,200,32.5,B230215,2023-02-15,\n" +
			"IMP-2023-003," + n + ",2023-05-01,,NOPE,1,,,,\n"
		j := e.startImport(mgr, "ORDERS", "订单.csv", []byte(data)).Data["startImport"].(map[string]any)
		if num(j["creates"]) != 2 || num(j["errors"]) != 1 {
			t.Fatalf("check: %v", j)
		}
		e.commitAndWait(mgr, j["id"].(string))
		o := e.app.DB.Client.Order.Query().Where(order.Number("IMP-2023-001")).WithLines().OnlyX(e.sys)
		day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
		if o.Status != order.StatusCLOSED || o.ClosedAt == nil || !o.ClosedAt.Equal(day(2023, 3, 20)) || !o.OrderedAt.Equal(day(2023, 3, 1)) ||
			o.IsEvaluation || len(o.Edges.Lines) != 2 {
			t.Fatalf("imported order: %+v lines %d", o, len(o.Edges.Lines))
		}
		batches := map[string]bool{}
		for _, l := range o.Edges.Lines {
			batches[l.BatchNo] = l.ProductionDate != nil
		}
		if !batches["B230201"] || !batches["B230215"] {
			t.Fatalf("batches: %v", batches)
		}
		for _, u := range []string{mgr, e.token(e.f.rep1)} {
			items := e.ok(u, `{ today { items { kind node { id } } } }`, nil)
			for _, it := range dig(items, "today", "items").([]any) {
				if dig(it, "node", "id") == string(o.ID) {
					t.Fatalf("an imported closed order is on Today: %v", it)
				}
			}
		}
		// Finished: nothing is next on its checklist and nothing to look at before
		// shipping (no "no COA", no "delivery date passed").
		cl := e.ok(mgr, `query($id: ID!) { node(id: $id) { ... on Order { checklist { nextSteps warnings } } } }`, map[string]any{"id": o.ID})
		if n, w := dig(cl, "node", "checklist", "nextSteps").([]any), dig(cl, "node", "checklist", "warnings").([]any); len(n) != 0 || len(w) != 0 {
			t.Fatalf("an imported closed order's checklist: next %v, warnings %v", n, w)
		}
		again := e.startImport(mgr, "ORDERS", "订单.csv", []byte(data)).Data["startImport"].(map[string]any)
		if num(again["unchanged"]) != 2 || num(again["creates"]) != 0 {
			t.Fatalf("re-import: %v", again)
		}
	})
}

// Headers nothing can be guessed from: the job says which column is missing, cannot be
// committed, and mapImport fixes it; a cancelled import cannot be committed.
func TestImportMapAndCancel(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		mgr := e.token(e.f.manager)
		j := e.startImport(mgr, "CUSTOMERS", "x.csv", []byte("甲;乙\n杭州远川化工有限公司;浙江\n")).Data["startImport"].(map[string]any)
		id := j["id"].(string)
		if j["state"] != "CHECKED" || j["error"] == nil || !strings.Contains(j["error"].(string), "客户名称") || num(j["creates"]) != 0 {
			t.Fatalf("unmapped: %v", j)
		}
		expectCode(t, e.do(mgr, `mutation($id: ID!) { commitImport(id: $id) { id } }`, map[string]any{"id": id}), "BAD_USER_INPUT")
		expectCode(t, e.do(mgr, `mutation($id: ID!, $m: [ImportMappingInput!]!) { mapImport(id: $id, mapping: $m) { id } }`,
			map[string]any{"id": id, "m": []any{map[string]any{"column": 0, "field": "nope"}}}), "BAD_USER_INPUT")
		m := e.ok(mgr, `mutation($id: ID!, $m: [ImportMappingInput!]!) { mapImport(id: $id, mapping: $m) { `+importJobFields+` } }`,
			map[string]any{"id": id, "m": []any{map[string]any{"column": 0, "field": "name"}, map[string]any{"column": 1, "field": "region"}}})["mapImport"].(map[string]any)
		if m["error"] != nil || num(m["creates"]) != 1 || dig(m, "columns", 1, "field") != "region" {
			t.Fatalf("mapped: %v", m)
		}
		c := e.ok(mgr, `mutation($id: ID!) { cancelImport(id: $id) { state } }`, map[string]any{"id": id})
		if dig(c, "cancelImport", "state") != "CANCELLED" {
			t.Fatalf("cancel: %v", c)
		}
		expectCode(t, e.do(mgr, `mutation($id: ID!) { commitImport(id: $id) { id } }`, map[string]any{"id": id}), "CONFLICT")
		if e.app.DB.Client.Customer.Query().Where(customer.Name("杭州远川化工有限公司")).ExistX(e.sys) {
			t.Fatal("a cancelled import wrote")
		}
	})
}

// Prices: keyed by (product, date, currency); dates in several formats; a changed
// price is an UPDATE.
func TestImportPrices(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		mgr := e.token(e.f.manager)
		data := "产品,单价,币种,日期\nTX-AO1010,\"1,032.50\",,2024/3/5\nAntioxidant 1010,4.8,usd,05.03.2024\nTX-AO1010,33,CNY,2024年3月5日\nTX-AO1010,1,,03/05/2024\n"
		j := e.startImport(mgr, "PRICES", "价格.csv", []byte(data)).Data["startImport"].(map[string]any)
		// Row 4 is row 2 again (same product, day and currency); row 5's date is ambiguous.
		if num(j["creates"]) != 2 || num(j["errors"]) != 2 {
			t.Fatalf("check: %v %v", j, e.importRows(mgr, j["id"].(string), "ERROR"))
		}
		if errs := e.importRows(mgr, j["id"].(string), "ERROR"); !strings.Contains(dig(errs, 0, "message").(string), "第 2 行") || dig(errs, 1, "cell") != "D5" {
			t.Fatalf("errors: %v", errs)
		}
		e.commitAndWait(mgr, j["id"].(string))
		if n := e.app.DB.Client.PricePoint.Query().CountX(e.sys); n != 2 {
			t.Fatalf("%d prices written", n)
		}
		again := e.startImport(mgr, "PRICES", "价格.csv", []byte("产品,单价,日期\nTX-AO1010,1032.5,2024-03-05\nTX-AO1010,31,2024-03-06\n")).Data["startImport"].(map[string]any)
		if num(again["unchanged"]) != 1 || num(again["creates"]) != 1 {
			t.Fatalf("re-import: %v", again)
		}
	})
}

// The server words its texts in the language the app shows (X-Tandem-Lang), else in
// the user's stored locale: an English screen never gets a Chinese field label.
func TestServerTextsFollowTheAppsLanguage(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		mgr := e.token(e.f.manager)
		id := e.startImport(mgr, "CUSTOMERS", "x.csv", []byte("客户名称\n杭州远川化工有限公司\n")).Data["startImport"].(map[string]any)["id"]
		label := func(header string) any {
			h := map[string]string{}
			if header != "" {
				h["X-Tandem-Lang"] = header
			}
			r := e.doWith(h, mgr, `query($id: ID!) { importJob(id: $id) { fields { key label } } }`, map[string]any{"id": id})
			if len(r.Errors) > 0 {
				t.Fatalf("errors: %+v", r.Errors)
			}
			return dig(r.Data, "importJob", "fields", 0, "label")
		}
		e.f.manager.Update().SetLocale("zh").ExecX(e.sys)
		for header, want := range map[string]string{"": "客户名称", "en": "Customer name", "zh": "客户名称", "fr": "客户名称"} {
			if got := label(header); got != want {
				t.Errorf("stored zh, header %q: label %v, want %s", header, got, want)
			}
		}
		e.f.manager.Update().SetLocale("en").ExecX(e.sys)
		for header, want := range map[string]string{"": "Customer name", "zh": "客户名称", "en": "Customer name"} {
			if got := label(header); got != want {
				t.Errorf("stored en, header %q: label %v, want %s", header, got, want)
			}
		}
	})
}

// A stock sheet (a supplier without an ERP): the products import reads stock on hand,
// on order, the safety stock and the lead time, in the product's unit; a negative
// stock or a lead time in part days is refused by its cell; the plan's count date is set.
func TestImportStock(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		mgr, c := e.token(e.f.manager), e.app.DB.Client
		p := e.f.product
		data := "产品编号,产品名称,库存,在途,安全库存,交货期\n" +
			p.Code + "," + p.Name + ",12500,3000,2000,45\n" +
			"NEW-STOCK,新产品,800,,100,30\n" +
			"BAD-1,负库存,-5,,,\n" +
			"BAD-2,半天,10,,,1.5\n"
		j := e.startImport(mgr, "PRODUCTS", "库存.csv", []byte(data)).Data["startImport"].(map[string]any)
		if num(j["updates"]) != 1 || num(j["creates"]) != 1 || num(j["errors"]) != 2 {
			t.Fatalf("check: %v", j)
		}
		if res := e.commitAndWait(mgr, j["id"].(string)); res["state"] != "DONE" {
			t.Fatalf("commit: %v", res)
		}
		got := c.Product.GetX(e.sys, p.ID)
		if got.StockOnHand == nil || *got.StockOnHand != 12500 || *got.StockOnOrder != 3000 || *got.SafetyStock != 2000 ||
			got.LeadTimeDays != 45 || got.StockCountedAt == nil {
			t.Errorf("imported stock: %+v", got)
		}
		again := e.startImport(mgr, "PRODUCTS", "库存.csv", []byte(data)).Data["startImport"].(map[string]any)
		if num(again["unchanged"]) != 2 || num(again["updates"]) != 0 {
			t.Errorf("re-import: %v", again)
		}
	})
}

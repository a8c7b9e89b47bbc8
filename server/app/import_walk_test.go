package app_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"tandem/ent/customer"
	"tandem/ent/order"
)

// The Data screen lists each kind's columns from importFields: the importer's own
// table, required fields marked; only admins and managers read it.
func TestImportFieldsQuery(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		q := `query($k: ImportKind!) { importFields(kind: $k) { key label required } }`
		d := e.ok(e.token(e.f.manager), q, map[string]any{"k": "PRODUCTS"})
		fs := d["importFields"].([]any)
		if dig(fs, 0, "key") != "code" || dig(fs, 0, "required") != true || dig(fs, 0, "label") == "" || dig(fs, 3, "required") != false {
			t.Fatalf("product fields: %v", fs)
		}
		expectCode(t, e.do(e.token(e.f.rep1), q, map[string]any{"k": "PRODUCTS"}), "FORBIDDEN")
	})
}

// 简称 is stored on create and update, and the customers export writes it back.
func TestImportShortNameRoundTrip(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		mgr := e.token(e.f.manager)
		data := "客户名称,简称,地区\n杭州远川化工有限公司,远川,浙江\n"
		j := e.startImport(mgr, "CUSTOMERS", "客户.csv", []byte(data)).Data["startImport"].(map[string]any)
		e.commitAndWait(mgr, j["id"].(string))
		cu := e.app.DB.Client.Customer.Query().Where(customer.Name("杭州远川化工有限公司")).OnlyX(e.sys)
		if cu.ShortName != "远川" {
			t.Fatalf("short name not stored: %q", cu.ShortName)
		}
		j = e.startImport(mgr, "CUSTOMERS", "客户.csv", []byte(strings.Replace(data, ",远川,", ",远川化工,", 1))).Data["startImport"].(map[string]any)
		if num(j["updates"]) != 1 {
			t.Fatalf("a changed short name is an update: %v", j)
		}
		e.commitAndWait(mgr, j["id"].(string))
		_, _, rows := e.exportFile(mgr, "customers.xlsx?lang=zh")
		col := slices.Index(rows[0], "简称")
		if col < 0 {
			t.Fatalf("no 简称 column: %v", rows[0])
		}
		found := false
		for _, r := range rows[1:] {
			found = found || (r[0] == "杭州远川化工有限公司" && len(r) > col && r[col] == "远川化工")
		}
		if !found {
			t.Fatalf("the export lost the short name: %v", rows)
		}
	})
}

// A refused cell names its column; an unmapped required column is said by name.
func TestImportReasonsNameTheColumn(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		mgr := e.token(e.f.manager)
		j := e.startImport(mgr, "CUSTOMERS", "客户.csv", []byte("客户名称,地区\n,浙江\n")).Data["startImport"].(map[string]any)
		rows := e.importRows(mgr, j["id"].(string), "ERROR")
		if len(rows) != 1 || dig(rows, 0, "message") != "A2 客户名称：必填" || dig(rows, 0, "cell") != "A2" {
			t.Fatalf("reason: %v", rows)
		}
		p := e.startImport(mgr, "PRODUCTS", "产品.csv", []byte("货号,名称\nX1,甲\n")).Data["startImport"].(map[string]any)
		if p["error"] == nil || !strings.Contains(p["error"].(string), "产品编号") {
			t.Fatalf("an unmapped required column: %v", p)
		}
	})
}

// An order with an open status and a past delivery date stays open: the check says it
// will be on Today, and it is; one without a status comes in closed.
func TestImportOpenOrderIsLate(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		mgr := e.token(e.f.manager)
		n := e.f.acmeEast.Name
		past := time.Now().AddDate(0, 0, -30).Format("2006-01-02")
		data := "订单号,客户名称,下单日期,状态,产品,数量,交期\n" +
			"IMP-OPEN-1," + n + ",2024-01-02,进行中,TX-AO1010,5," + past + "\n" +
			"IMP-HIST-1," + n + ",2024-01-02,,TX-AO1010,5," + past + "\n"
		j := e.startImport(mgr, "ORDERS", "订单.csv", []byte(data)).Data["startImport"].(map[string]any)
		rows := e.importRows(mgr, j["id"].(string), "CREATE")
		if len(rows) != 2 || !strings.Contains(dig(rows, 0, "message").(string), "今日待办") || dig(rows, 1, "message") != nil {
			t.Fatalf("messages: %v", rows)
		}
		e.commitAndWait(mgr, j["id"].(string))
		open := e.app.DB.Client.Order.Query().Where(order.Number("IMP-OPEN-1")).OnlyX(e.sys)
		hist := e.app.DB.Client.Order.Query().Where(order.Number("IMP-HIST-1")).OnlyX(e.sys)
		if open.Status != order.StatusOPEN || hist.Status != order.StatusCLOSED {
			t.Fatalf("statuses: %s %s", open.Status, hist.Status)
		}
		ids := map[any]bool{}
		for _, it := range dig(e.ok(mgr, `{ today { items { node { id } } } }`, nil), "today", "items").([]any) {
			ids[dig(it, "node", "id")] = true
		}
		if !ids[string(open.ID)] || ids[string(hist.ID)] {
			t.Fatalf("Today: open %v closed %v", ids[string(open.ID)], ids[string(hist.ID)])
		}
	})
}

// An UPDATE row says what it changes before anything is written: re-importing an old
// file that names another owner shows the owner's change, from whom to whom.
func TestImportUpdateSaysWhatChanges(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		mgr := e.token(e.f.manager)
		acct := e.app.DB.Client.Customer.GetX(e.sys, e.f.acmeEast.ID)
		owner := e.app.DB.Client.User.GetX(e.sys, acct.OwnerID)
		to := e.f.rep2
		if owner.ID == to.ID {
			to = e.f.rep1
		}
		data := "客户名称,负责人,地区\n" + acct.Name + "," + to.Email + ",测试地区\n"
		j := e.startImport(mgr, "CUSTOMERS", "客户.csv", []byte(data)).Data["startImport"].(map[string]any)
		rows := e.importRows(mgr, j["id"].(string), "UPDATE")
		if len(rows) != 1 {
			t.Fatalf("update rows: %v", rows)
		}
		msg, _ := dig(rows[0], "message").(string)
		for _, want := range []string{"负责人", owner.Name, to.Name, "地区", "测试地区"} {
			if !strings.Contains(msg, want) {
				t.Fatalf("the update row says %q, not %q", msg, want)
			}
		}
		if e.app.DB.Client.Customer.GetX(e.sys, acct.ID).OwnerID != owner.ID {
			t.Fatal("the dry run changed the owner")
		}
	})
}

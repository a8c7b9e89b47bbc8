package app_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"tandem/domain/access"
	"tandem/domain/importer"
	"tandem/domain/people"
	"tandem/ent"
	"tandem/ent/auditevent"
	"tandem/ent/customer"
	"tandem/ent/order"
	"tandem/ent/orderline"
	"tandem/ent/stagechange"
	"tandem/ent/viewer"
	"tandem/server/auth"
)

// An import writes its audit events in bulk per batch: every created row still has
// exactly one CREATE event with the importer's actor label and the row's fields, and
// a batch that fails leaves none behind (they roll back with its rows).
func TestImportAuditEveryRow(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b, func(t *testing.T) {
			e := newEnv(t, b, envOptions{})
			mgr := e.token(e.f.manager)
			const rows = 1200 // three batches
			var csv strings.Builder
			csv.WriteString("客户名称,地区,负责人\n")
			for r := range rows {
				owner := []string{"rep1@t.test", "rep2@t.test", "manager@t.test"}[r%3]
				fmt.Fprintf(&csv, "%s,浙江,%s\n", benchName(r+7000), owner)
			}
			j := e.startImport(mgr, "CUSTOMERS", "audit.csv", []byte(csv.String())).Data["startImport"].(map[string]any)
			if num(j["creates"]) != rows {
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
			if res := e.commitAndWait(mgr, j["id"].(string)); res["state"] != "FAILED" || num(res["doneRows"]) != 500 {
				t.Fatalf("failed commit: %v", res)
			}
			if res := e.commitAndWait(mgr, j["id"].(string)); res["state"] != "DONE" || num(res["doneRows"]) != rows {
				t.Fatalf("resumed commit: %v", res)
			}
			c := e.app.DB.Client
			created := c.Customer.Query().Where(customer.NameHasSuffix("贸易有限公司")).AllX(e.sys)
			if len(created) != rows {
				t.Fatalf("%d accounts written, want %d", len(created), rows)
			}
			label := people.Clip(people.ImportLabel + " by " + people.UserLabel(e.f.manager.Name, e.f.manager.Email))
			evs := c.AuditEvent.Query().Where(auditevent.EntityType("Customer"), auditevent.ActorLabel(label)).AllX(e.sys)
			byID := map[string]int{}
			for _, ev := range evs {
				byID[ev.EntityID]++
				if ev.Action != auditevent.ActionCREATE || ev.ActorID != e.f.manager.ID {
					t.Fatalf("audit event %+v", ev)
				}
			}
			if len(evs) != rows {
				t.Fatalf("%d audit events for %d imported accounts (a lost or rolled-back batch's events?)", len(evs), rows)
			}
			for _, cu := range created {
				if byID[string(cu.ID)] != 1 {
					t.Fatalf("account %s has %d audit events, want 1", cu.Name, byID[string(cu.ID)])
				}
			}
			// Each account's first stage change is deferred the same way.
			stages := map[string]int{}
			for _, sc := range c.StageChange.Query().Where(stagechange.HasCustomerWith(customer.NameHasSuffix("贸易有限公司"))).AllX(e.sys) {
				stages[string(sc.CustomerID)]++
				if sc.ToStage != stagechange.ToStagePROSPECT || sc.ChangedByID != e.f.manager.ID {
					t.Fatalf("stage change %+v", sc)
				}
			}
			for _, cu := range created {
				if stages[string(cu.ID)] != 1 {
					t.Fatalf("account %s has %d stage changes, want 1", cu.Name, stages[string(cu.ID)])
				}
			}
			ev := c.AuditEvent.Query().Where(auditevent.EntityID(string(created[0].ID))).OnlyX(e.sys)
			if ev.After["name"] != created[0].Name || ev.After["region"] != "浙江" || ev.After["owner_id"] != string(created[0].OwnerID) {
				t.Fatalf("audit event content: %v", ev.After)
			}
			// Outside an import an account's audit event is written at once, as before.
			n := c.AuditEvent.Query().CountX(e.sys)
			c.Customer.Create().SetName("审计即时贸易有限公司").SetOwnerID(e.f.rep1.ID).SetTeamID(e.f.eastTeam.ID).SaveX(e.sys)
			if c.AuditEvent.Query().CountX(e.sys) != n+1 {
				t.Fatal("a create outside an import wrote no audit event")
			}
		})
	}
}

// The write rules' memo (one per import batch) remembers only what passed, for its
// viewer: an owner outside the manager's team is still refused after one inside passed.
func TestImportMemoKeepsTheOwnerRule(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		ctx := access.Memo(viewer.NewContext(context.Background(), auth.ViewerOf(e.f.manager)))
		mk := func(name string, owner *ent.User) error {
			return c.Customer.Create().SetName(name).SetOwnerID(owner.ID).SetTeamID(e.f.eastTeam.ID).Exec(ctx)
		}
		for i := range 2 {
			if err := mk(fmt.Sprintf("备忘甲%d贸易有限公司", i), e.f.rep1); err != nil {
				t.Fatalf("owner in the team: %v", err)
			}
		}
		if err := mk("备忘乙贸易有限公司", e.f.rep3); err == nil || !strings.Contains(err.Error(), "not a member of your team") {
			t.Fatalf("owner of another team: %v", err)
		}
		// A rep in the same context (another viewer) gets nothing from the manager's memo.
		rep := viewer.NewContext(ctx, auth.ViewerOf(e.f.rep1))
		if err := c.Customer.Create().SetName("备忘丙贸易有限公司").SetOwnerID(e.f.rep2.ID).SetTeamID(e.f.eastTeam.ID).Exec(rep); err == nil {
			t.Fatal("a rep gave an account to another rep")
		}
	})
}

// New accounts go in with one bulk insert per batch; when it fails, the batch is
// written again row by row, so the job's error still names the row, and nothing of
// the batch stays written.
func TestImportBulkFailureNamesTheRow(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		mgr := e.token(e.f.manager)
		long := strings.Repeat("长", 240) + "有限公司" // past the name's limit, which only the write checks
		data := "客户名称,地区\n甲批量贸易有限公司,浙江\n" + long + ",浙江\n乙批量贸易有限公司,浙江\n"
		j := e.startImport(mgr, "CUSTOMERS", "bulk.csv", []byte(data)).Data["startImport"].(map[string]any)
		if num(j["creates"]) != 3 {
			t.Skipf("the check refuses the long name itself: %v", j)
		}
		res := e.commitAndWait(mgr, j["id"].(string))
		msg, _ := res["error"].(string)
		if res["state"] != "FAILED" || num(res["doneRows"]) != 0 || !strings.Contains(msg, "row 3") {
			t.Fatalf("commit: %v", res)
		}
		c := e.app.DB.Client
		if n := c.Customer.Query().Where(customer.NameContains("批量贸易")).CountX(e.sys); n != 0 {
			t.Fatalf("%d accounts of the failed batch written", n)
		}
	})
}

// An order's lines take its account from the order the batch just wrote, not from a
// look-up per line: one statement per order, whatever its number of lines, and every
// line on its order's account.
func TestImportOrderLinesStatements(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		mgr := e.token(e.f.manager)
		const orders, perOrder = 150, 3
		var csv strings.Builder
		csv.WriteString("订单号,客户名称,下单日期,产品,数量,批号\n")
		for i := range orders * perOrder {
			fmt.Fprintf(&csv, "ST-%04d,%s,2023-03-01,TX-AO1010,%d,L%d\n", i/perOrder, e.f.acmeEast.Name, 100+i%perOrder, i)
		}
		j := e.startImport(mgr, "ORDERS", "orders.csv", []byte(csv.String())).Data["startImport"].(map[string]any)
		if num(j["creates"]) != orders*perOrder {
			t.Fatalf("check: %v", j)
		}
		before := e.txStatements.Load()
		if done := e.commitAndWait(mgr, j["id"].(string)); done["state"] != "DONE" {
			t.Fatalf("commit: %v", done)
		}
		// One INSERT per order and a handful per batch (reads, bulk lines, audit, progress).
		if n := e.txStatements.Load() - before; n > orders+20 {
			t.Fatalf("%d statements for %d orders of %d lines", n, orders, perOrder)
		}
		lines := e.app.DB.Client.OrderLine.Query().Where(orderline.HasOrderWith(order.NumberHasPrefix("ST-"))).WithOrder().AllX(e.sys)
		if len(lines) != orders*perOrder {
			t.Fatalf("%d lines written", len(lines))
		}
		for _, l := range lines {
			if l.CustomerID != e.f.acmeEast.ID || l.Edges.Order.CustomerID != e.f.acmeEast.ID {
				t.Fatalf("line %s on account %s, its order on %s", l.ID, l.CustomerID, l.Edges.Order.CustomerID)
			}
		}
	})
}

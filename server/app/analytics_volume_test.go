package app_test

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	orders "tandem/domain/order"
	"tandem/ent"
	"tandem/ent/orderline"
	"tandem/ent/ordervolume"
)

// volumeAnswers are orderVolume's answers for each grouping, from the rollup (a window
// of whole UTC days) and from the lines (a window one second off whole days).
func volumeAnswers(e *env, token string) (rolled, live map[string]string) {
	rolled, live = map[string]string{}, map[string]string{}
	const q = `query($from: Time, $by: [OrderVolumeDimension!]!) { orderVolume(groupBy: $by, from: $from) { keys currency orders lines quantity value } }`
	for _, by := range [][]string{{}, {"PRODUCT"}, {"MONTH"}, {"PRODUCT", "MONTH"}, {"MONTH", "PRODUCT"}} {
		for from, into := range map[string]map[string]string{"2000-01-01T00:00:00Z": rolled, "2000-01-01T00:00:01Z": live} {
			d := e.ok(token, q, map[string]any{"from": from, "by": by})
			var rows []string
			for _, r := range dig(d, "orderVolume").([]any) {
				rows = append(rows, fmt.Sprintf("%v %v o%v l%v q%v v%v", dig(r, "keys"), dig(r, "currency"), dig(r, "orders"),
					dig(r, "lines"), dig(r, "quantity"), dig(r, "value")))
			}
			into[fmt.Sprint(by)] = fmt.Sprint(rows)
		}
	}
	return rolled, live
}

// volumeTable is the rollup's rows, for comparing with a rebuild.
func volumeTable(t *testing.T, e *env) string {
	t.Helper()
	rows := e.app.DB.Client.OrderVolume.Query().Order(ent.Asc(ordervolume.FieldID)).AllX(e.sys)
	out := make([]string, 0, len(rows))
	for _, r := range rows {
		out = append(out, fmt.Sprintf("%s l%d o%d q%.6f v%.6f", r.ID, r.Lines, r.Orders, r.Quantity, r.Value))
	}
	b, _ := json.Marshal(out)
	return string(b)
}

// TestOrderVolumeRollup changes orders and lines every way the rollup depends on, and
// after each change the rollup's answers equal the lines' answers, and the kept rollup
// equals one summed again from scratch.
func TestOrderVolumeRollup(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		other := c.Product.Create().SetCode("TX-UV531").SetName("UV absorber").SaveX(e.sys)
		day := func(n int) time.Time { return time.Date(2026, 3, 30, 9, 0, 0, 0, time.UTC).AddDate(0, 0, n) }
		o1 := c.Order.Create().SetCustomerID(f.acmeEast.ID).SetNumber("SO-1").SetOrderedAt(day(0)).SaveX(e.sys)
		o2 := c.Order.Create().SetCustomerID(f.southAcct.ID).SetNumber("SO-2").SetOrderedAt(day(0).Add(14 * time.Hour)).SetCurrency("usd").SaveX(e.sys)
		o3 := c.Order.Create().SetCustomerID(f.southAcct.ID).SetNumber("SO-3").SetOrderedAt(day(2)).SaveX(e.sys)
		l1 := c.OrderLine.Create().SetOrderID(o1.ID).SetProductID(f.product.ID).SetQuantity(100).SetUnitPrice(10).SaveX(e.sys)
		c.OrderLine.Create().SetOrderID(o1.ID).SetProductID(other.ID).SetQuantity(5).ExecX(e.sys)
		l3 := c.OrderLine.Create().SetOrderID(o2.ID).SetProductID(f.product.ID).SetQuantity(7).SetUnitPrice(2.5).SaveX(e.sys)
		c.OrderLine.Create().SetOrderID(o3.ID).SetProductID(f.product.ID).SetQuantity(3).SetUnitPrice(4).ExecX(e.sys)

		analyst := e.token(f.analyst)
		check := func(step string) {
			t.Helper()
			rolled, live := volumeAnswers(e, analyst)
			for by, want := range live {
				if rolled[by] != want {
					t.Errorf("%s, by %s:\nrollup %s\n lines %s", step, by, rolled[by], want)
				}
			}
			kept := volumeTable(t, e)
			if err := orders.RebuildVolume(context.Background(), c); err != nil {
				t.Fatal(err)
			}
			if again := volumeTable(t, e); again != kept {
				t.Errorf("%s: kept rollup\n%s\nsummed again\n%s", step, kept, again)
			}
		}
		check("lines added")
		if got := volumeTable(t, e); got == "[]" {
			t.Fatal("the rollup is empty")
		}
		c.OrderLine.UpdateOne(l1).SetQuantity(120).ExecX(e.sys)
		check("a line's quantity")
		c.OrderLine.UpdateOne(l1).ClearUnitPrice().ExecX(e.sys)
		check("a line's price cleared")
		c.OrderLine.UpdateOne(l3).SetOrderID(o3.ID).ExecX(e.sys)
		check("a line moved to another day's order")
		c.OrderLine.Update().Where(orderline.ProductID(other.ID)).AddQuantity(2).ExecX(e.sys)
		check("lines changed in bulk")
		c.Order.UpdateOne(o1).SetOrderedAt(day(40)).ExecX(e.sys)
		check("an order moved to another month")
		c.Order.UpdateOne(o3).SetCurrency("EUR").ExecX(e.sys)
		check("an order's currency")
		e.ok(e.token(f.admin), `mutation($id: ID!) { cancelOrder(input: {id: $id, reason: "customer withdrew"}) { status } }`, map[string]any{"id": o2.ID})
		check("an order cancelled")
		c.OrderLine.Delete().Where(orderline.OrderID(o3.ID)).ExecX(e.sys)
		c.Order.DeleteOneID(o3.ID).ExecX(e.sys)
		check("an order and its lines deleted")

		// The rollup is what the analyst reads: emptied behind the hooks' back, the
		// answer is empty until it is summed again.
		c.OrderVolume.Delete().ExecX(e.sys)
		if d := e.ok(analyst, `{ orderVolume(groupBy: []) { lines } }`, nil); len(dig(d, "orderVolume").([]any)) != 0 {
			t.Errorf("the analyst's answer does not come from the rollup: %v", d)
		}
		// A rep reads the lines of the accounts they see, never the rollup of all
		// (south's line, on an order of another day, is not theirs).
		c.OrderLine.Create().SetOrderID(c.Order.Create().SetCustomerID(f.southAcct.ID).SetNumber("SO-5").SaveX(e.sys).ID).
			SetProductID(f.product.ID).SetQuantity(1).ExecX(e.sys)
		d := e.ok(e.token(f.rep1), `{ orderVolume(groupBy: []) { lines } }`, nil)
		if got := fmt.Sprint(dig(d, "orderVolume")); got != "[map[lines:2]]" {
			t.Errorf("rep1's volume: %s, want acme's two lines", got)
		}
	})
}

// TestOrderVolumeConcurrentDays writes lines of many orders of one day at once, each
// in its own transaction: every write succeeds and the rollup counts all of them.
func TestOrderVolumeConcurrentDays(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		at := time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC)
		const n = 8
		var os []*ent.Order
		for i := range n {
			os = append(os, c.Order.Create().SetCustomerID(f.acmeEast.ID).SetNumber(fmt.Sprintf("SO-C%d", i)).SetOrderedAt(at.Add(time.Duration(i)*time.Minute)).SaveX(e.sys))
		}
		var wg sync.WaitGroup
		errs := make(chan error, n)
		for _, o := range os {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs <- withTx(e, func(tx *ent.Client) error {
					return tx.OrderLine.Create().SetOrderID(o.ID).SetProductID(f.product.ID).SetQuantity(1).SetUnitPrice(1).Exec(e.sys)
				})
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Errorf("a concurrent line: %v", err)
			}
		}
		v := c.OrderVolume.Query().Where(ordervolume.Day("2026-05-04"), ordervolume.ProductID("")).OnlyX(e.sys)
		if v.Lines != n || v.Orders != n {
			t.Errorf("the day's total: %d lines of %d orders, want %d of %d", v.Lines, v.Orders, n, n)
		}
	})
}

// withTx runs fn in a transaction and commits it.
func withTx(e *env, fn func(*ent.Client) error) error {
	tx, err := e.app.DB.Client.Tx(e.sys)
	if err != nil {
		return err
	}
	if err := fn(tx.Client()); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

package app_test

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"tandem/domain/history"
	"tandem/ent"
)

// BenchmarkExportOrders times the orders export of a book of closed orders with two
// lines each (TANDEM_BENCH_EXPORT_ORDERS, 20,000 by default), as CSV and as a workbook,
// through the API, and the heap it grows by at most while it runs (sampled; the test's
// client holds the whole file too, so part of it is the file's size).
//
//	go test -run XXX -bench ExportOrders -benchtime 1x ./server/app/
func BenchmarkExportOrders(b *testing.B) {
	orders, _ := strconv.Atoi(os.Getenv("TANDEM_BENCH_EXPORT_ORDERS"))
	if orders == 0 {
		orders = 20_000
	}
	for _, backend := range backends(&testing.T{}) {
		b.Run(backend, func(b *testing.B) {
			t := &testing.T{}
			e := newEnv(t, backend, envOptions{})
			defer func() { e.srv.Close(); e.app.Close() }()
			e.t = t
			e.seedBook(b, orders)
			mgr := e.token(e.f.manager)
			for _, format := range []string{"csv", "xlsx"} {
				var took time.Duration
				var peak uint64
				var size int
				stmts := e.statements.Load()
				for i := 0; i < b.N; i++ {
					start := time.Now()
					grew := heapGrowth(func() {
						res, body := e.fetch("/exports/orders."+format, "Authorization", "Bearer "+mgr)
						if res.StatusCode != 200 || (format == "csv" && strings.Count(string(body), "\n") != 1+2*orders) {
							b.Fatalf("orders.%s: %d, %d bytes", format, res.StatusCode, len(body))
						}
						size = len(body)
					})
					took += time.Since(start)
					peak = max(peak, grew)
				}
				b.ReportMetric(took.Seconds()/float64(b.N), format+"-s/op")
				b.ReportMetric(float64(peak)/(1<<20), format+"-heapMB")
				b.ReportMetric(float64(e.statements.Load()-stmts)/float64(b.N), format+"-stmts/op")
				b.ReportMetric(float64(size)/(1<<20), format+"-fileMB")
			}
		})
	}
}

// seedBook writes orders closed orders of two lines each, in bulk, as history.
func (e *env) seedBook(b *testing.B, orders int) {
	c, ctx := e.app.DB.Client, history.Importing(e.sys)
	for from := 0; from < orders; from += 1000 {
		var os []*ent.OrderCreate
		for n := from; n < min(from+1000, orders); n++ {
			at := utcDay(2020, 1, 1).AddDate(0, 0, n%1500)
			os = append(os, c.Order.Create().SetCustomerID(e.f.acmeEast.ID).SetNumber(fmt.Sprintf("BK-%06d", n)).
				SetStatus("CLOSED").SetOrderedAt(at).SetClosedAt(at).SetIsEvaluation(false))
		}
		saved, err := c.Order.CreateBulk(os...).Save(ctx)
		if err != nil {
			b.Fatal(err)
		}
		var ls []*ent.OrderLineCreate
		for _, o := range saved {
			for _, qty := range []float64{100, 250} {
				ls = append(ls, c.OrderLine.Create().SetOrderID(o.ID).SetProductID(e.f.product.ID).SetQuantity(qty).
					SetUnitPrice(31.5).SetBatchNo(fmt.Sprintf("%s-%g", o.Number, qty)).SetProductionDate(o.OrderedAt))
			}
		}
		if err := c.OrderLine.CreateBulk(ls...).Exec(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// heapGrowth runs fn and returns how far the live heap rose above where it started,
// sampled every 5 ms.
func heapGrowth(fn func()) uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	base := m.HeapAlloc
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				var s runtime.MemStats
				runtime.ReadMemStats(&s)
				if s.HeapAlloc > base && s.HeapAlloc-base > peak.Load() {
					peak.Store(s.HeapAlloc - base)
				}
			}
		}
	}()
	fn()
	close(done)
	return peak.Load()
}

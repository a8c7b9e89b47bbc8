package app_test

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// benchName is a distinct company name for n: five Chinese characters from n in base
// 20, so that no two cores match by the duplicate rules.
func benchName(n int) string {
	const syll = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"
	rs := []rune(syll)
	var b strings.Builder
	for range 5 {
		b.WriteRune(rs[n%20])
		n /= 20
	}
	return b.String() + "贸易有限公司"
}

// BenchmarkImport50k times an import of 50,000 accounts: the check (startImport) and
// the commit, through the API. TANDEM_BENCH_IMPORT_ROWS sets the size.
//
//	go test -run XXX -bench Import50k -benchtime 1x ./server/app/
func BenchmarkImport50k(b *testing.B) {
	rows, _ := strconv.Atoi(os.Getenv("TANDEM_BENCH_IMPORT_ROWS"))
	if rows == 0 {
		rows = 50_000
	}
	for _, backend := range backends(&testing.T{}) {
		b.Run(backend, func(b *testing.B) {
			t := &testing.T{}
			e := newEnv(t, backend, envOptions{})
			defer func() { e.srv.Close(); e.app.Close() }()
			e.t = t
			mgr := e.token(e.f.manager)
			var check, commit time.Duration
			stmts := e.statements.Load()
			for i := 0; i < b.N; i++ {
				var csv strings.Builder
				csv.WriteString("客户名称,统一社会信用代码,地区,负责人\n")
				for r := range rows {
					fmt.Fprintf(&csv, "%s,,浙江,rep1@t.test\n", benchName(i*rows+r+1000))
				}
				start := time.Now()
				res := e.startImport(mgr, "CUSTOMERS", "bench.csv", []byte(csv.String()))
				if len(res.Errors) > 0 {
					b.Fatal(res.Errors)
				}
				j := res.Data["startImport"].(map[string]any)
				if num(j["creates"]) != rows {
					b.Fatalf("check: %v", j)
				}
				check += time.Since(start)
				start = time.Now()
				if done := e.commitAndWait(mgr, j["id"].(string)); done["state"] != "DONE" {
					b.Fatalf("commit: %v", done)
				}
				commit += time.Since(start)
			}
			b.ReportMetric(float64(rows*b.N)/(check+commit).Seconds(), "rows/s")
			b.ReportMetric(float64(e.statements.Load()-stmts)/float64(rows*b.N), "stmts/row")
			b.ReportMetric(check.Seconds()/float64(b.N), "check-s/op")
			b.ReportMetric(commit.Seconds()/float64(b.N), "commit-s/op")
		})
	}
}

// BenchmarkImportOrderLines50k times an import of 50,000 order lines (two per closed
// order, with batches) through the API. TANDEM_BENCH_IMPORT_ROWS sets the size.
func BenchmarkImportOrderLines50k(b *testing.B) {
	rows, _ := strconv.Atoi(os.Getenv("TANDEM_BENCH_IMPORT_ROWS"))
	if rows == 0 {
		rows = 50_000
	}
	for _, backend := range backends(&testing.T{}) {
		b.Run(backend, func(b *testing.B) {
			e := newEnv(&testing.T{}, backend, envOptions{})
			defer func() { e.srv.Close(); e.app.Close() }()
			mgr := e.token(e.f.manager)
			var total time.Duration
			stmts := e.statements.Load()
			for i := 0; i < b.N; i++ {
				var csv strings.Builder
				csv.WriteString("订单号,客户名称,下单日期,产品,数量,批号,生产日期\n")
				for r := range rows {
					fmt.Fprintf(&csv, "B%d-%06d,%s,2023-03-01,TX-AO1010,%d,L%d,2023-02-01\n", i, r/2, e.f.acmeEast.Name, 100+r%2, r)
				}
				start := time.Now()
				res := e.startImport(mgr, "ORDERS", "orders.csv", []byte(csv.String()))
				if len(res.Errors) > 0 {
					b.Fatal(res.Errors)
				}
				j := res.Data["startImport"].(map[string]any)
				if num(j["creates"]) != rows {
					b.Fatalf("check: %v", j)
				}
				if done := e.commitAndWait(mgr, j["id"].(string)); done["state"] != "DONE" {
					b.Fatalf("commit: %v", done)
				}
				total += time.Since(start)
			}
			b.ReportMetric(float64(rows*b.N)/total.Seconds(), "rows/s")
			b.ReportMetric(float64(e.statements.Load()-stmts)/float64(rows*b.N), "stmts/row")
		})
	}
}

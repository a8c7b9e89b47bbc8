package main

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"
)

func (r *results) markdown(c config) string {
	var b strings.Builder
	host, _ := os.Hostname()
	fmt.Fprintf(&b, "## Tandem vs PostGraphile vs the SQL floor — %d accounts\n\n", c.accounts)
	fmt.Fprintf(&b, "%s, %s (%d CPUs, %s), %d clients closed loop, %d rounds × %s per slice, interleaved; Tandem on PostgreSQL.\n\n",
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), host, runtime.NumCPU(), cpuModel(), c.clients, c.rounds, c.slice)
	b.WriteString("| workload | Tandem req/s | PostGraphile req/s | floor req/s | Tandem÷PG | p50/p99 ms T · PG · floor | statements T/PG/floor (of which BEGIN/COMMIT) | CPU ms/req T/PG/floor | Tandem CPU ÷ floor | PostgreSQL CPU ms/req T/PG/floor |\n")
	b.WriteString("|---|---:|---:|---:|---:|---|---|---|---:|---|\n")
	for _, w := range r.workloads {
		t, p, f := r.cell(w, "Tandem"), r.cell(w, "PostGraphile"), r.cell(w, "floor")
		fmt.Fprintf(&b, "| %s | %.0f | %.0f | %.0f | %s | %s · %s · %s | %s / %s / %s | %.2f / %.2f / %.2f | %s | %s / %s / %s |\n", w,
			median(t.rps), median(p.rps), median(f.rps), ratio(median(t.rps), median(p.rps)),
			pp(t), pp(p), pp(f), stmts(t), stmts(p), stmts(f),
			t.cpuMsPerReq(), p.cpuMsPerReq(), f.cpuMsPerReq(), ratio(t.cpuMsPerReq(), f.cpuMsPerReq()),
			dbms(t), dbms(p), dbms(f))
	}
	if len(r.unloaded) > 0 {
		b.WriteString("\n### Unloaded, one client, Tandem on PostgreSQL\n\n")
		b.WriteString("| query | as | median ms | of requests | answer bytes |\n|---|---|---:|---:|---:|\n")
		for _, u := range r.unloaded {
			fmt.Fprintf(&b, "| %s | %s | %.1f | %d | %d |\n", u.name, u.who, ms(u.median), u.samples, u.bytes)
		}
	}
	if len(r.sqlite) > 0 {
		b.WriteString("\n### Tandem on the embedded database (SQLite) ÷ on PostgreSQL\n\n")
		b.WriteString("| workload | SQLite req/s | PostgreSQL req/s | SQLite÷PG | p50/p99 ms SQLite | CPU ms/req SQLite |\n|---|---:|---:|---:|---|---:|\n")
		for _, w := range r.workloads {
			s, ok := r.sqlite[w]
			if !ok {
				continue
			}
			t := r.cell(w, "Tandem")
			fmt.Fprintf(&b, "| %s | %.0f | %.0f | %s | %s | %.2f |\n", w, median(s.rps), median(t.rps), ratio(median(s.rps), median(t.rps)), pp(s), s.cpuMsPerReq())
		}
	}
	b.WriteString("\nThe bench's own load generator runs on the same machine and competes for its CPUs.\n")
	return b.String()
}

func dbms(c *cell) string {
	if v := c.dbMsPerReq(); v >= 0 {
		if c.dbEnded > 0 { // a lower bound: some backends ended, and their time with them
			return fmt.Sprintf("≥%.2f", v)
		}
		return fmt.Sprintf("%.2f", v)
	}
	return "–"
}

func ratio(a, b float64) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f", a/b)
}

func pp(c *cell) string {
	if len(c.lat) == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f/%.1f", ms(percentile(c.lat, 0.5)), ms(percentile(c.lat, 0.99)))
}

func stmts(c *cell) string {
	if !c.stmtOK {
		return "–"
	}
	return fmt.Sprintf("%s (%s)", trim(c.statements), trim(c.txControl))
}

func trim(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "model name") {
			if i := strings.IndexByte(l, ':'); i >= 0 {
				return strings.TrimSpace(l[i+1:])
			}
		}
	}
	return runtime.GOARCH
}

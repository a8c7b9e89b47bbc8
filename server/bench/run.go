package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"time"
)

// cell is the measurements of one server on one workload.
type cell struct {
	rps        []float64 // per round
	lat        []time.Duration
	requests   int
	cpuTicks   int64
	dbTicks    int64   // -1 once a slice could not read them
	dbEnded    int     // backends that ended during the slices: dbTicks is a lower bound
	statements float64 // per request, from the proxy phase
	txControl  float64
	stmtOK     bool
}

func (c *cell) cpuMsPerReq() float64 {
	if c.requests == 0 {
		return 0
	}
	return float64(c.cpuTicks) * 1000 / ticksPerSecond / float64(c.requests)
}

// dbMsPerReq is the database backends' CPU per request (-1 unknown).
func (c *cell) dbMsPerReq() float64 {
	if c.requests == 0 || c.dbTicks < 0 {
		return -1
	}
	return float64(c.dbTicks) * 1000 / ticksPerSecond / float64(c.requests)
}

type results struct {
	workloads []string
	servers   []string
	cells     map[string]map[string]*cell // workload → server
	unloaded  []unloadedRow
	sqlite    map[string]*cell // workload → Tandem on SQLite
	notes     []string
}

func (r *results) cell(w, s string) *cell {
	if r.cells[w] == nil {
		r.cells[w] = map[string]*cell{}
	}
	if r.cells[w][s] == nil {
		r.cells[w][s] = &cell{}
	}
	return r.cells[w][s]
}

func run(ctx context.Context, c config) error {
	if _, err := os.Stat(filepath.Join("server", "bench", "main.go")); err != nil {
		return fmt.Errorf("run the bench from the repository root (make bench)")
	}
	if c.out == "" {
		d, err := os.MkdirTemp("", "tandem-bench-out-")
		if err != nil {
			return err
		}
		c.out = d
	}
	if err := os.MkdirAll(c.cacheDir, 0o700); err != nil {
		return err
	}
	fmt.Println("building tandem…")
	bin, err := buildTandem(ctx, c.cacheDir)
	if err != nil {
		return err
	}
	pgFiles := filepath.Join(c.cacheDir, fmt.Sprintf("pg-files-%d", c.accounts))
	if err := os.MkdirAll(pgFiles, 0o700); err != nil {
		return err
	}
	pgBook, pgDone, err := preparePostgres(ctx, c.dbURL, c.accounts, pgFiles, c.fresh)
	if err != nil {
		return err
	}
	var fill []*book
	if !pgDone {
		fill = append(fill, pgBook)
	}
	var sqBook *book
	if c.sqlite {
		var done bool
		sqBook, done, err = prepareSQLite(filepath.Join(c.cacheDir, fmt.Sprintf("sqlite-%d", c.accounts)), c.accounts, c.fresh)
		if err != nil {
			return err
		}
		if !done {
			fill = append(fill, sqBook)
		}
	}
	if len(fill) > 0 {
		if err := fillBooks(ctx, c, bin, fill); err != nil {
			return err
		}
	} else {
		fmt.Printf("reusing the book of %d accounts\n", c.accounts)
	}
	if err := dropBenchVisits(ctx, pgBook, sqBook); err != nil {
		return err
	}
	if c.bookOnly {
		return nil
	}
	if err := ensurePGHelpers(ctx, pgBook.db); err != nil {
		return err
	}
	fix, err := loadFixture(ctx, pgBook.db, c.seed)
	if err != nil {
		return err
	}
	if err := ensureNodeModules(ctx); err != nil {
		return err
	}

	ws := selectWorkloads(c.only)
	res := &results{cells: map[string]map[string]*cell{}, sqlite: map[string]*cell{}}
	for _, w := range ws {
		res.workloads = append(res.workloads, w.name)
	}

	// Statements per request first, each server on the proxy, then stopped.
	if err := countStatements(ctx, c, bin, pgBook, pgFiles, fix, ws, res); err != nil {
		return err
	}

	fmt.Println("starting the three servers…")
	tandem, err := startTandem(ctx, "Tandem", bin, pgBook.url, pgFiles, c.pprofDir != "")
	if err != nil {
		return err
	}
	pg, err := startPostGraphile(ctx, pgBook.url)
	if err != nil {
		return err
	}
	floor, err := startFloor(ctx, pgBook.url)
	if err != nil {
		return err
	}
	servers := []*target{tandem, pg, floor}
	dbName := fmt.Sprintf("tandem_bench_%d", c.accounts)
	for _, s := range servers {
		res.servers = append(res.servers, s.name)
		s.dbName = dbName
	}
	for _, w := range ws {
		if err := check(ctx, servers, w, fix); err != nil {
			return err
		}
	}
	// Unloaded first: before this run's visits are in the book.
	if res.unloaded, err = unloaded(ctx, tandem, fix, c.unloadedN); err != nil {
		return err
	}
	if err := measure(ctx, c, servers, ws, fix, res, ""); err != nil {
		return err
	}
	if c.pprofDir != "" {
		if err := profile(ctx, c, tandem, ws, fix); err != nil {
			return err
		}
	}
	pg.proc.stop()
	floor.proc.stop()
	tandem.proc.stop()

	if c.sqlite {
		if err := measureSQLite(ctx, c, bin, sqBook, ws, res); err != nil {
			return err
		}
	}
	report := res.markdown(c)
	fmt.Println()
	fmt.Println(report)
	outFile := filepath.Join(c.out, fmt.Sprintf("bench-%d.md", c.accounts))
	if err := os.WriteFile(outFile, []byte(report), 0o644); err != nil {
		return err
	}
	fmt.Println("written to", outFile)
	return nil
}

func selectWorkloads(only string) []workload {
	all := allWorkloads()
	if only == "" {
		return all
	}
	var out []workload
	for _, w := range all {
		for _, n := range strings.Split(only, ",") {
			if strings.TrimSpace(n) == w.name {
				out = append(out, w)
			}
		}
	}
	return out
}

// check asks each server once and compares the canonical projections.
func check(ctx context.Context, servers []*target, w workload, f *fixture) error {
	var first any
	for i, s := range servers {
		if err := s.refresh(ctx); err != nil {
			return err
		}
		body, err := do(ctx, w.make(s, f, 0))
		if err != nil {
			return s.explain(fmt.Errorf("check %s on %s: %w", w.name, s.name, err))
		}
		got, err := w.canon(s.kind, body)
		if err != nil {
			return s.explain(fmt.Errorf("check %s on %s: %w", w.name, s.name, err))
		}
		if i == 0 {
			first = got
			continue
		}
		if !reflect.DeepEqual(first, got) {
			return fmt.Errorf("check %s: %s and %s answer differently:\n%s", w.name, servers[0].name, s.name, diff(first, got))
		}
	}
	fmt.Printf("check %-14s: the %d servers agree\n", w.name, len(servers))
	return nil
}

func diff(a, b any) string {
	as, aok := a.([]string)
	bs, bok := b.([]string)
	if !aok || !bok {
		return fmt.Sprintf("  %v\n  %v", a, b)
	}
	var sb strings.Builder
	n := 0
	for i := 0; i < max(len(as), len(bs)) && n < 5; i++ {
		var x, y string
		if i < len(as) {
			x = as[i]
		}
		if i < len(bs) {
			y = bs[i]
		}
		if x != y {
			fmt.Fprintf(&sb, "  #%d\n    %s\n    %s\n", i, x, y)
			n++
		}
	}
	if len(as) != len(bs) {
		fmt.Fprintf(&sb, "  %d vs %d rows\n", len(as), len(bs))
	}
	return sb.String()
}

// measure: a warm-up slice per server and workload, then rounds of interleaved slices
// (for each round, each workload, each server).
func measure(ctx context.Context, c config, servers []*target, ws []workload, f *fixture, res *results, label string) error {
	slice := func(s *target, w workload, d time.Duration) (sliceResult, error) {
		if err := s.refresh(ctx); err != nil {
			return sliceResult{}, err
		}
		r := runSlice(ctx, s, w, f, c.clients, d)
		if ctx.Err() != nil {
			return r, ctx.Err()
		}
		if r.errors > 0 {
			return r, s.explain(fmt.Errorf("%s on %s: %d errors, the first: %v", w.name, s.name, r.errors, r.firstErr))
		}
		return r, nil
	}
	if c.warmup > 0 {
		fmt.Printf("warm-up (%s per server and workload)…\n", c.warmup)
		for _, w := range ws {
			for _, s := range servers {
				if _, err := slice(s, w, c.warmup); err != nil {
					return err
				}
			}
		}
	}
	for round := 1; round <= c.rounds; round++ {
		for _, w := range ws {
			for _, s := range servers {
				r, err := slice(s, w, c.slice)
				if err != nil {
					return err
				}
				var cl *cell
				if label == "sqlite" {
					if res.sqlite[w.name] == nil {
						res.sqlite[w.name] = &cell{}
					}
					cl = res.sqlite[w.name]
				} else {
					cl = res.cell(w.name, s.name)
				}
				cl.rps = append(cl.rps, r.rps())
				cl.lat = append(cl.lat, r.lat...)
				cl.requests += r.requests
				cl.cpuTicks += r.cpuTicks
				if r.dbTicks < 0 || cl.dbTicks < 0 {
					cl.dbTicks = -1
				} else {
					cl.dbTicks += r.dbTicks
					cl.dbEnded += r.dbEnded
				}
				fmt.Printf("round %d %-14s %-13s %8.1f req/s  p50 %6.1f ms  p99 %6.1f ms  cpu %5.2f ms/req  db cpu %5.2f ms/req (%d backends ended)\n", round, w.name, s.name, r.rps(),
					ms(percentile(r.lat, 0.5)), ms(percentile(r.lat, 0.99)), float64(r.cpuTicks)*1000/ticksPerSecond/float64(max(1, r.requests)),
					float64(r.dbTicks)*1000/ticksPerSecond/float64(max(1, r.requests)), r.dbEnded)
			}
		}
	}
	return nil
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// countStatements runs each server on the counting proxy for a short phase.
func countStatements(ctx context.Context, c config, bin string, pgBook *book, pgFiles string, f *fixture, ws []workload, res *results) error {
	up, err := hostPort(pgBook.url)
	if err != nil {
		return err
	}
	p, err := startProxy(up)
	if err != nil {
		return err
	}
	defer p.close()
	u, err := viaProxy(pgBook.url, p.addr())
	if err != nil {
		return err
	}
	fmt.Printf("counting SQL statements (%d requests of each workload, one client)…\n", c.stmtReqs)
	starts := []func() (*target, error){
		func() (*target, error) { return startTandem(ctx, "Tandem", bin, u, pgFiles, false) },
		func() (*target, error) { return startPostGraphile(ctx, u) },
		func() (*target, error) { return startFloor(ctx, u) },
	}
	for _, st := range starts {
		t, err := st()
		if err != nil {
			return err
		}
		for _, w := range ws {
			if err := t.refresh(ctx); err != nil {
				t.proc.stop()
				return err
			}
			// one request first, unmeasured: connections and caches
			if _, err := do(ctx, w.make(t, f, 0)); err != nil {
				t.proc.stop()
				return t.explain(fmt.Errorf("%s on %s (via the counting proxy): %w", w.name, t.name, err))
			}
			s0, x0 := p.counts.statements.Load(), p.counts.txControl.Load()
			for k := range c.stmtReqs {
				if _, err := do(ctx, w.make(t, f, int64(k+1))); err != nil {
					t.proc.stop()
					return t.explain(fmt.Errorf("%s on %s (via the counting proxy): %w", w.name, t.name, err))
				}
			}
			cl := res.cell(w.name, t.name)
			cl.statements = float64(p.counts.statements.Load()-s0) / float64(c.stmtReqs)
			cl.txControl = float64(p.counts.txControl.Load()-x0) / float64(c.stmtReqs)
			cl.stmtOK = true
		}
		t.proc.stop()
	}
	return nil
}

// Command bench compares Tandem with PostGraphile 5 and a one-statement SQL floor on
// the same generated book of accounts (see docs/performance.md). `make bench` runs it;
// `bench floor -addr ... -db ...` is the floor server, started by the bench itself.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

type config struct {
	accounts  int
	dbURL     string
	sqlite    bool
	clients   int
	slice     time.Duration
	warmup    time.Duration
	rounds    int
	out       string
	pprofDir  string
	stmtReqs  int
	unloadedN int
	cacheDir  string
	only      string
	seed      int64
	bookOnly  bool
	fresh     bool
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "floor" {
		if err := floorMain(os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, "floor:", err)
			os.Exit(1)
		}
		return
	}
	var c config
	var seconds, warm float64
	flag.IntVar(&c.accounts, "accounts", 10000, "accounts in the generated book (customers; 5× contacts, 3× samples, 3× orders, 5× interactions)")
	flag.StringVar(&c.dbURL, "db", envOr("TANDEM_BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"), "PostgreSQL server URL (TANDEM_BENCH_DATABASE_URL); the bench creates tandem_bench_<accounts> on it")
	flag.BoolVar(&c.sqlite, "sqlite", true, "also measure Tandem on the embedded database (SQLite)")
	flag.IntVar(&c.clients, "clients", 32, "concurrent clients (closed loop)")
	flag.Float64Var(&seconds, "seconds", 10, "seconds per measured slice")
	flag.Float64Var(&warm, "warmup", 3, "seconds of the warm-up slice per server and workload")
	flag.IntVar(&c.rounds, "rounds", 3, "rounds of interleaved slices")
	flag.StringVar(&c.out, "out", "", "directory for bench-<accounts>.md (default: a new temp dir)")
	flag.StringVar(&c.pprofDir, "pprof", "", "save Tandem CPU and allocation profiles of extra "+strings.Join(profiled, ", ")+" slices here")
	flag.IntVar(&c.stmtReqs, "stmt-requests", 50, "requests per workload in the statement-counting phase")
	flag.IntVar(&c.unloadedN, "unloaded", 50, "requests per query in the unloaded single-client phase")
	flag.StringVar(&c.cacheDir, "cache", filepath.Join(os.TempDir(), "tandem-bench"), "where the built binary and the embedded databases are kept between runs")
	flag.StringVar(&c.only, "workloads", "", "comma-separated workloads to run (default all)")
	flag.Int64Var(&c.seed, "seed", 1, "random seed of the book")
	flag.BoolVar(&c.bookOnly, "book-only", false, "make (or check) the book and stop")
	flag.BoolVar(&c.fresh, "fresh", false, "make the book again even when a complete one exists (a reused one loses the visits earlier runs logged)")
	flag.Parse()
	c.slice = time.Duration(seconds * float64(time.Second))
	c.warmup = time.Duration(warm * float64(time.Second))
	if c.accounts < 200 {
		fmt.Fprintln(os.Stderr, "bench: -accounts must be at least 200")
		os.Exit(2)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, c)
	interrupted := ctx.Err() != nil
	stop()
	children.stopAll()
	if interrupted {
		fmt.Fprintln(os.Stderr, "bench: interrupted; the servers it started are stopped")
		os.Exit(130)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

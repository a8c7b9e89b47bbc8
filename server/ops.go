package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/pprof"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"tandem/server/app"
)

// opsCommand runs `tandem version` and `tandem backup`; done is false for any other
// command line, which starts the server.
func opsCommand(args []string) (done bool, err error) {
	if len(args) == 0 {
		return false, nil
	}
	switch args[0] {
	case "version", "--version", "-version":
		fmt.Println(app.Version())
		return true, nil
	case "backup":
		return true, backup(args[1:])
	}
	return false, nil
}

// backup is `tandem backup --out FILE [--data-dir DIR]`: a consistent copy of the
// embedded database, taken while the server runs, with the uploaded files.
func backup(args []string) error {
	out, rest, err := cutFlag(args, "out", "a file name")
	if err != nil {
		return err
	}
	if out == "" {
		return errors.New("usage: tandem backup --out FILE.tar [--data-dir DIR]")
	}
	cfg, err := app.ParseConfig(rest, os.Getenv)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	start := time.Now()
	if err := app.Backup(context.Background(), cfg, out); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	fmt.Printf("Backup written to %s in %s. Restore: stop the server, unpack it into an empty data dir (tar -xf %s -C DIR), start.\n",
		out, time.Since(start).Round(time.Millisecond), out)
	return nil
}

// sideServers are the listeners of their own for /metrics (--metrics-addr) and Go's
// profiler (--pprof-addr); neither is ever on the public address.
func sideServers(cfg app.Config, a *app.App, log *slog.Logger) []*http.Server {
	var out []*http.Server
	if cfg.MetricsAddr != "" {
		mux := http.NewServeMux()
		mux.Handle("GET /metrics", a.Metrics.Handler())
		out = append(out, &http.Server{Addr: cfg.MetricsAddr, Handler: mux, ReadHeaderTimeout: 10 * time.Second})
		log.Info("metrics are served", "addr", cfg.MetricsAddr, "path", "/metrics")
	}
	if cfg.PprofAddr != "" {
		mux := http.NewServeMux()
		mux.HandleFunc("/debug/pprof/", pprof.Index)
		mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
		mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
		mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
		mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
		out = append(out, &http.Server{Addr: cfg.PprofAddr, Handler: mux, ReadHeaderTimeout: 10 * time.Second})
		log.Info("the profiler is served", "addr", cfg.PprofAddr, "path", "/debug/pprof/")
	}
	return out
}

func closeAll(servers []*http.Server) {
	for _, s := range servers {
		_ = s.Close()
	}
}

// cutFlag takes --name VALUE (or -name, or --name=VALUE) out of args, for commands
// whose other flags are the server's; what names the value in the error.
func cutFlag(args []string, name, what string) (value string, rest []string, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--"+name || a == "-"+name:
			if i+1 >= len(args) {
				return "", nil, fmt.Errorf("--%s needs %s", name, what)
			}
			value = args[i+1]
			i++
		case strings.HasPrefix(a, "--"+name+"=") || strings.HasPrefix(a, "-"+name+"="):
			value = a[strings.Index(a, "=")+1:]
		default:
			rest = append(rest, a)
		}
	}
	return value, rest, nil
}

// defaultGCPercent is the garbage collector's target when GOGC is not set: it runs once
// the heap has grown by 300 % since the last collection, not by Go's default 100 %.
// Tandem's live heap is small and a request allocates much that dies with it (an
// answer is built field by field): at 100 the collector took about 16 % of the CPU of
// a page of 50 accounts under load. At 300 that page costs 17-19 % less CPU, for
// about 40 % more memory (bench, 100,000 accounts: docs/performance.md).
const defaultGCPercent = 300

// cgroupMemoryMax is where a container's memory limit is read (cgroup v2).
const cgroupMemoryMax = "/sys/fs/cgroup/memory.max"

// gcDefault sets defaultGCPercent unless the environment sets GOGC, and unless it
// sets GOMEMLIMIT, a soft memory limit of 80 % of the container's: near it the
// collector runs as often as it must, so the larger target never gets the process
// killed for memory.
func gcDefault(getenv func(string) string, readFile func(string) ([]byte, error)) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(defaultGCPercent)
	}
	if getenv("GOMEMLIMIT") != "" {
		return
	}
	b, err := readFile(cgroupMemoryMax)
	if err != nil {
		return // not in a cgroup v2 container
	}
	if max, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64); err == nil && max > 0 {
		debug.SetMemoryLimit(max / 10 * 8) // "max" (no limit) does not parse
	}
}

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

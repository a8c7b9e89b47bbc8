package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"time"
)

// profiled are the workloads -pprof profiles.
var profiled = []string{"list50-rep", "account", "visit"}

// profile saves Tandem's CPU profile (10 s) and allocations during an extra, unmeasured
// slice of each profiled workload, then prints `go tool pprof -top` of each.
func profile(ctx context.Context, c config, t *target, ws []workload, f *fixture) error {
	if err := os.MkdirAll(c.pprofDir, 0o755); err != nil {
		return err
	}
	for _, w := range ws {
		if !slices.Contains(profiled, w.name) {
			continue
		}
		if err := t.refresh(ctx); err != nil {
			return err
		}
		cpuFile := filepath.Join(c.pprofDir, w.name+".cpu.pprof")
		allocFile := filepath.Join(c.pprofDir, w.name+".allocs.pprof")
		errc := make(chan error, 1)
		go func() {
			errc <- save(ctx, "http://"+t.pprof+"/debug/pprof/profile?seconds=10", cpuFile)
		}()
		r := runSlice(ctx, t, w, f, c.clients, 11*time.Second)
		if err := <-errc; err != nil {
			return err
		}
		if r.errors > 0 {
			return fmt.Errorf("profiled %s: %d errors, the first: %v", w.name, r.errors, r.firstErr)
		}
		if err := save(ctx, "http://"+t.pprof+"/debug/pprof/allocs", allocFile); err != nil {
			return err
		}
		for _, p := range []struct{ file, extra string }{{cpuFile, ""}, {allocFile, "-sample_index=alloc_space"}} {
			args := []string{"tool", "pprof", "-top", "-nodecount=25"}
			if p.extra != "" {
				args = append(args, p.extra)
			}
			args = append(args, t.proc.cmd.Path, p.file)
			out, err := exec.CommandContext(ctx, "go", args...).CombinedOutput()
			fmt.Printf("\n### %s — %s\n%s\n", w.name, filepath.Base(p.file), out)
			if err != nil {
				return fmt.Errorf("go tool pprof: %w", err)
			}
		}
	}
	return nil
}

func save(ctx context.Context, url, file string) error {
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return err
	}
	resp, err := (&http.Client{Timeout: time.Minute}).Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return fmt.Errorf("%s: HTTP %d", url, resp.StatusCode)
	}
	fh, err := os.Create(file)
	if err != nil {
		return err
	}
	if _, err := io.Copy(fh, resp.Body); err != nil {
		fh.Close()
		return err
	}
	return fh.Close()
}

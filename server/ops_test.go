package main

import (
	"errors"
	"math"
	"runtime/debug"
	"testing"
)

// The server's collector target is defaultGCPercent unless GOGC is set, with a soft
// memory limit of 80 % of its container's unless GOMEMLIMIT is set.
func TestGCDefault(t *testing.T) {
	wasGC, wasLimit := debug.SetGCPercent(100), debug.SetMemoryLimit(math.MaxInt64)
	defer func() { debug.SetGCPercent(wasGC); debug.SetMemoryLimit(wasLimit) }()
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	file := func(content string, err error) func(string) ([]byte, error) {
		return func(name string) ([]byte, error) {
			if name != cgroupMemoryMax {
				t.Errorf("read %s", name)
			}
			return []byte(content), err
		}
	}
	for _, tc := range []struct {
		name   string
		vars   map[string]string
		cgroup func(string) ([]byte, error)
		gc     int
		limit  int64
	}{
		{"nothing set, no container", nil, file("", errors.New("no such file")), defaultGCPercent, math.MaxInt64},
		{"nothing set, a 1 GiB container", nil, file("1073741824\n", nil), defaultGCPercent, 1073741824 / 10 * 8},
		{"a container without a limit", nil, file("max\n", nil), defaultGCPercent, math.MaxInt64},
		{"GOGC and GOMEMLIMIT set", map[string]string{"GOGC": "100", "GOMEMLIMIT": "2GiB"}, file("1073741824\n", nil), 100, math.MaxInt64},
	} {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
		gcDefault(env(tc.vars), tc.cgroup)
		if got := debug.SetGCPercent(100); got != tc.gc {
			t.Errorf("%s: GC percent %d, want %d", tc.name, got, tc.gc)
		}
		if got := debug.SetMemoryLimit(-1); got != tc.limit {
			t.Errorf("%s: memory limit %d, want %d", tc.name, got, tc.limit)
		}
	}
}

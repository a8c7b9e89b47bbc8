package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// children is every process the bench started; all of them are stopped on exit and on
// Ctrl-C (each runs in its own process group, so nothing they start survives either).
var children = &registry{}

type registry struct {
	mu    sync.Mutex
	procs map[int]*child
}

// child is one server process; its log is kept to explain a failure.
type child struct {
	name string
	cmd  *exec.Cmd
	log  *tailBuffer
	done chan struct{}
}

func (r *registry) add(c *child) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.procs == nil {
		r.procs = map[int]*child{}
	}
	r.procs[c.cmd.Process.Pid] = c
}

func (r *registry) remove(c *child) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.procs, c.cmd.Process.Pid)
}

func (r *registry) stopAll() {
	r.mu.Lock()
	all := make([]*child, 0, len(r.procs))
	for _, c := range r.procs {
		all = append(all, c)
	}
	r.mu.Unlock()
	for _, c := range all {
		c.stop()
	}
}

// start runs name with args and env added to the bench's environment.
func start(name, dir string, env []string, bin string, args ...string) (*child, error) {
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	lb := &tailBuffer{max: 64 << 10}
	cmd.Stdout, cmd.Stderr = lb, lb
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	c := &child{name: name, cmd: cmd, log: lb, done: make(chan struct{})}
	children.add(c)
	go func() { _ = cmd.Wait(); close(c.done) }()
	return c, nil
}

func (c *child) pid() int { return c.cmd.Process.Pid }

func (c *child) exited() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

// stop sends SIGTERM to the child's group, then SIGKILL after 10 s.
func (c *child) stop() {
	defer children.remove(c)
	if c.exited() {
		return
	}
	_ = syscall.Kill(-c.pid(), syscall.SIGTERM)
	select {
	case <-c.done:
	case <-time.After(10 * time.Second):
		_ = syscall.Kill(-c.pid(), syscall.SIGKILL)
		<-c.done
	}
}

// waitHTTP polls url until it answers below 500, the child exits, or the timeout.
func (c *child) waitHTTP(ctx context.Context, url string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if c.exited() {
			return fmt.Errorf("%s exited before it was ready; its output:\n%s", c.name, c.log.String())
		}
		req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode < 500 {
				return nil
			}
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		time.Sleep(200 * time.Millisecond)
	}
	return fmt.Errorf("%s not ready at %s after %s; its output:\n%s", c.name, url, timeout, c.log.String())
}

// cpuTicks is utime+stime of pid in clock ticks (USER_HZ, 100 on Linux).
func cpuTicks(pid int) (int64, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, err
	}
	return parseStatTicks(string(b))
}

// parseStatTicks reads fields 14 and 15 of /proc/<pid>/stat; the command name, in
// parentheses, may itself contain spaces, so fields are counted after the last ')'.
func parseStatTicks(s string) (int64, error) {
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0, fmt.Errorf("unreadable /proc stat")
	}
	f := strings.Fields(s[i+1:])
	// f[0] is field 3 (state); utime is field 14, stime 15.
	if len(f) < 13 {
		return 0, fmt.Errorf("short /proc stat")
	}
	u, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("unreadable /proc stat times")
	}
	return u + st, nil
}

const ticksPerSecond = 100

// freePort asks the kernel for a free TCP port on 127.0.0.1.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// tailBuffer keeps the last max bytes written to it.
type tailBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
	max int
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf.Write(p)
	if t.buf.Len() > t.max {
		b := t.buf.Bytes()[t.buf.Len()-t.max:]
		nb := make([]byte, len(b))
		copy(nb, b)
		t.buf.Reset()
		t.buf.Write(nb)
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.buf.String()
}

// explain adds the end of a server's output to an error it answered with.
func (t *target) explain(err error) error {
	if err == nil || t.proc == nil {
		return err
	}
	l := t.proc.log.String()
	if len(l) > 2000 {
		l = l[len(l)-2000:]
	}
	if strings.TrimSpace(l) == "" {
		return err
	}
	return fmt.Errorf("%w\n--- end of %s's output ---\n%s", err, t.name, l)
}

// dbTicks is the CPU time (utime+stime, ticks) of each PostgreSQL backend serving
// database db on this machine, found by its process title ("postgres: … user db
// host(port) state"); empty when there is none (PostgreSQL elsewhere).
func dbTicks(db string) map[int]int64 {
	out := map[int]int64{}
	ents, err := os.ReadDir("/proc")
	if err != nil || db == "" {
		return out
	}
	needle := []byte(" " + db + " ")
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		cmd, err := os.ReadFile("/proc/" + e.Name() + "/cmdline")
		if err != nil || !bytes.HasPrefix(cmd, []byte("postgres: ")) || !bytes.Contains(cmd, needle) {
			continue
		}
		if t, err := cpuTicks(pid); err == nil {
			out[pid] = t
		}
	}
	return out
}

// dbDelta is the backends' CPU between two readings: a backend that started in between
// counts whole; one that ended in between is lost (its time is unknowable), so the
// result is a lower bound whenever ended > 0.
func dbDelta(before, after map[int]int64) (ticks int64, ended int) {
	for pid, t := range after {
		ticks += t - before[pid]
	}
	for pid := range before {
		if _, ok := after[pid]; !ok {
			ended++
		}
	}
	return ticks, ended
}

package cluster_test

import (
	"bufio"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "github.com/lib/pq"
)

// buildTandem builds the server binary once for the test.
func buildTandem(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "tandem")
	goCmd := os.Getenv("GO")
	if goCmd == "" {
		goCmd = "go"
	}
	out, err := exec.Command(goCmd, "build", "-trimpath", "-o", bin, "tandem/server").CombinedOutput()
	if err != nil {
		t.Fatalf("building tandem: %v\n%s", err, out)
	}
	return bin
}

// pgSchema makes an empty schema on the test server and returns a URL using it.
func pgSchema(t *testing.T, base string) string {
	t.Helper()
	raw := make([]byte, 6)
	_, _ = rand.Read(raw)
	schema := "cluster_" + hex.EncodeToString(raw)
	db, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if db, err := sql.Open("postgres", base); err == nil {
			_, _ = db.Exec("DROP SCHEMA " + schema + " CASCADE")
			db.Close()
		}
	})
	u, _ := url.Parse(base)
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// process is one running Tandem.
type process struct {
	name string
	url  string
	cmd  *exec.Cmd
	mu   sync.Mutex
	out  []string // its stdout and stderr lines
	done chan struct{}
}

func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// start runs the binary with env and args on a free port.
func start(t *testing.T, name, bin string, env []string, args ...string) *process {
	t.Helper()
	return startAt(t, name, bin, env, freePort(t), args...)
}

// startAt runs the binary with env and args on addr.
func startAt(t *testing.T, name, bin string, env []string, addr string, args ...string) *process {
	t.Helper()
	p := &process{name: name, url: "http://" + addr, done: make(chan struct{})}
	p.cmd = exec.Command(bin, append([]string{"--addr", addr, "--data-dir", t.TempDir()}, args...)...)
	p.cmd.Env = append(os.Environ(), env...)
	stdout, _ := p.cmd.StdoutPipe()
	stderr, _ := p.cmd.StderrPipe()
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for _, r := range []io.Reader{stdout, stderr} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := bufio.NewScanner(r)
			s.Buffer(make([]byte, 64<<10), 1<<20)
			for s.Scan() {
				p.mu.Lock()
				p.out = append(p.out, s.Text())
				p.mu.Unlock()
			}
		}()
	}
	go func() { wg.Wait(); _ = p.cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		_ = p.cmd.Process.Kill()
		<-p.done
		if t.Failed() {
			t.Logf("output of %s:\n%s", p.name, strings.Join(p.lines(), "\n"))
		}
	})
	return p
}

func (p *process) lines() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.out...)
}

// waitReady waits for /readyz to answer 200.
func (p *process) waitReady(t *testing.T, within time.Duration) {
	t.Helper()
	end := time.Now().Add(within)
	for time.Now().Before(end) {
		select {
		case <-p.done:
			t.Fatalf("%s exited:\n%s", p.name, strings.Join(p.lines(), "\n"))
		default:
		}
		if res, err := http.Get(p.url + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s not ready after %s:\n%s", p.name, within, strings.Join(p.lines(), "\n"))
}

// signal sends sig and waits up to within for the process to end.
func (p *process) stop(t *testing.T, sig syscall.Signal, within time.Duration) {
	t.Helper()
	_ = p.cmd.Process.Signal(sig)
	select {
	case <-p.done:
	case <-time.After(within):
		t.Fatalf("%s did not stop within %s after %v", p.name, within, sig)
	}
}

// partnerToken finds the demo's partner token in the output of whichever process
// loaded the demo.
func partnerToken(ps ...*process) string {
	for _, p := range ps {
		lines := p.lines()
		for i, l := range lines {
			if strings.HasPrefix(l, "Partner API token for ") && i+1 < len(lines) {
				return strings.TrimSpace(lines[i+1])
			}
		}
	}
	return ""
}

// withTimeout is a context for one request of the test.
func withTimeout() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), 30*time.Second)
}

var _ = fmt.Sprint

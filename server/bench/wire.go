package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"sync/atomic"
)

// A PostgreSQL wire-protocol proxy that counts the statements a server sends: every
// simple Query ('Q') and every Execute ('E') of the frontend, and among them the
// transaction controls (BEGIN, COMMIT, ROLLBACK…), read from the Q text or from the
// text of the Parse behind the executed portal. Backend traffic passes untouched.

// stmtCounts are totals over every connection through the proxy.
type stmtCounts struct {
	statements atomic.Int64
	txControl  atomic.Int64
}

const (
	sslRequestCode  = 80877103
	gssRequestCode  = 80877104
	cancelRequestCd = 80877102
)

// frontendReader follows one client connection's messages.
type frontendReader struct {
	started bool
	stmts   map[string]string // prepared statement name → SQL
	portals map[string]string // portal name → SQL
}

func newFrontendReader() *frontendReader {
	return &frontendReader{stmts: map[string]string{}, portals: map[string]string{}}
}

// pump copies r to w message by message, counting into c, until r ends.
func (f *frontendReader) pump(r *bufio.Reader, w io.Writer, c *stmtCounts) error {
	var hdr [5]byte
	for {
		if !f.started {
			// startup-phase packet: int32 length (itself included), int32 code, rest
			if _, err := io.ReadFull(r, hdr[:4]); err != nil {
				return err
			}
			n := int(binary.BigEndian.Uint32(hdr[:4]))
			if n < 8 || n > 1<<20 {
				return fmt.Errorf("bad startup packet length %d", n)
			}
			body := make([]byte, n-4)
			if _, err := io.ReadFull(r, body); err != nil {
				return err
			}
			if _, err := w.Write(append(hdr[:4:4], body...)); err != nil {
				return err
			}
			switch binary.BigEndian.Uint32(body[:4]) {
			case sslRequestCode, gssRequestCode:
				continue // the real startup packet follows (the bench never uses TLS)
			case cancelRequestCd:
				return nil
			}
			f.started = true
			continue
		}
		if _, err := io.ReadFull(r, hdr[:5]); err != nil {
			return err
		}
		n := int(binary.BigEndian.Uint32(hdr[1:5]))
		if n < 4 {
			return fmt.Errorf("bad message length %d", n)
		}
		body := make([]byte, n-4)
		if _, err := io.ReadFull(r, body); err != nil {
			return err
		}
		f.observe(hdr[0], body, c)
		if _, err := w.Write(append(hdr[:5:5], body...)); err != nil {
			return err
		}
	}
}

// observe counts one frontend message.
func (f *frontendReader) observe(typ byte, body []byte, c *stmtCounts) {
	switch typ {
	case 'Q':
		c.statements.Add(1)
		if isTxControl(cstring(body)) {
			c.txControl.Add(1)
		}
	case 'P': // name, query, …
		name := cstring(body)
		rest := body[min(len(name)+1, len(body)):]
		f.stmts[name] = cstring(rest)
	case 'B': // portal, statement, …
		portal := cstring(body)
		rest := body[min(len(portal)+1, len(body)):]
		f.portals[portal] = f.stmts[cstring(rest)]
	case 'E': // portal, max rows
		c.statements.Add(1)
		if isTxControl(f.portals[cstring(body)]) {
			c.txControl.Add(1)
		}
	}
}

func cstring(b []byte) string {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return string(b[:i])
	}
	return string(b)
}

// isTxControl: BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK, ABORT (not savepoints).
func isTxControl(q string) bool {
	q = strings.ToUpper(strings.TrimSpace(q))
	for _, p := range []string{"BEGIN", "START TRANSACTION", "COMMIT", "END", "ROLLBACK", "ABORT"} {
		if q == p || strings.HasPrefix(q, p+" ") || strings.HasPrefix(q, p+";") {
			if strings.HasPrefix(q, "ROLLBACK TO") {
				return false
			}
			return true
		}
	}
	return false
}

// pgProxy listens on 127.0.0.1 and forwards to upstream (host:port).
type pgProxy struct {
	ln       net.Listener
	upstream string
	counts   stmtCounts
	wg       sync.WaitGroup
	mu       sync.Mutex
	conns    []net.Conn
}

func startProxy(upstream string) (*pgProxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &pgProxy{ln: ln, upstream: upstream}
	go p.accept()
	return p, nil
}

func (p *pgProxy) addr() string { return p.ln.Addr().String() }

func (p *pgProxy) accept() {
	for {
		cl, err := p.ln.Accept()
		if err != nil {
			return
		}
		up, err := net.Dial("tcp", p.upstream)
		if err != nil {
			cl.Close()
			continue
		}
		p.mu.Lock()
		p.conns = append(p.conns, cl, up)
		p.mu.Unlock()
		p.wg.Add(2)
		go func() {
			defer p.wg.Done()
			_, _ = io.Copy(cl, up)
			cl.Close()
		}()
		go func() {
			defer p.wg.Done()
			_ = newFrontendReader().pump(bufio.NewReaderSize(cl, 64<<10), up, &p.counts)
			up.Close()
		}()
	}
}

func (p *pgProxy) close() {
	p.ln.Close()
	p.mu.Lock()
	for _, c := range p.conns {
		c.Close()
	}
	p.mu.Unlock()
	p.wg.Wait()
}

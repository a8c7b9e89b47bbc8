package app

import (
	"net/http/httptest"
	"strings"
	"testing"
)

func TestClientAddr(t *testing.T) {
	for _, c := range []struct {
		name, trusted, peer, xff, want string
	}{
		{"no trusted proxies: the header is the client's word", "", "203.0.113.7:5000", "198.51.100.1", "203.0.113.7"},
		{"untrusted peer", "10.0.0.0/8", "203.0.113.7:5000", "198.51.100.1", "203.0.113.7"},
		{"trusted peer, one hop", "10.0.0.0/8", "10.0.0.2:5000", "198.51.100.1", "198.51.100.1"},
		{"trusted peer: entries left of the first untrusted one are forged", "10.0.0.0/8", "10.0.0.2:5000", "192.0.2.66, 198.51.100.1", "198.51.100.1"},
		{"a chain of trusted proxies", "10.0.0.0/8, 127.0.0.1", "127.0.0.1:5000", "198.51.100.1, 10.1.2.3", "198.51.100.1"},
		{"several headers are one list", "10.0.0.2", "10.0.0.2:5000", "192.0.2.66\x00198.51.100.1", "198.51.100.1"},
		{"trusted peer without the header", "10.0.0.2", "10.0.0.2:5000", "", "10.0.0.2"},
		{"garbage stops at the last trusted hop", "10.0.0.0/8", "10.0.0.2:5000", "198.51.100.1, nonsense", "10.0.0.2"},
		{"ports and brackets", "10.0.0.2", "10.0.0.2:5000", "[2001:db8::1]:4711", "2001:db8::1"},
		{"IPv4-mapped peer", "10.0.0.2", "[::ffff:10.0.0.2]:5000", "198.51.100.1:80", "198.51.100.1"},
		{"everything trusted", "0.0.0.0/0", "10.0.0.2:5000", "198.51.100.1", "198.51.100.1"},
	} {
		trusted, err := ParseTrustedProxies(c.trusted)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		r := httptest.NewRequest("POST", "/graphql", nil)
		r.RemoteAddr = c.peer
		if c.xff != "" {
			for _, h := range strings.Split(c.xff, "\x00") {
				r.Header.Add("X-Forwarded-For", h)
			}
		}
		if got := clientAddr(r, trusted); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	for _, bad := range []string{"10.0.0.0/33", "example.com", "10.0.0"} {
		if _, err := ParseTrustedProxies(bad); err == nil {
			t.Errorf("ParseTrustedProxies(%q) accepted", bad)
		}
	}
}

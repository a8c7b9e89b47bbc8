package webhook_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"tandem/server/webhook"
)

func TestForbidden(t *testing.T) {
	for _, tc := range []struct {
		ip     string
		reason string // "" means public: allowed
	}{
		// Public addresses, and the edges of the ranges around them.
		{"8.8.8.8", ""},
		{"1.1.1.1", ""},
		{"93.184.215.14", ""},
		{"100.63.255.255", ""},
		{"100.128.0.0", ""},
		{"172.15.255.255", ""},
		{"172.32.0.0", ""},
		{"192.167.255.255", ""},
		{"192.169.0.0", ""},
		{"169.253.255.255", ""},
		{"223.255.255.255", ""},
		{"2606:4700:4700::1111", ""},
		{"2a00:1450:4001:82a::200e", ""},
		{"::ffff:8.8.8.8", ""},
		{"64:ff9b::808:808", ""}, // NAT64 of 8.8.8.8
		{"2002:808:808::1", ""},  // 6to4 of 8.8.8.8

		// IPv4.
		{"127.0.0.1", "loopback"},
		{"127.255.255.254", "loopback"},
		{"0.0.0.0", "unspecified"},
		{"0.1.2.3", "unspecified"},
		{"10.0.0.5", "private"},
		{"172.16.0.1", "private"},
		{"172.31.255.255", "private"},
		{"192.168.1.1", "private"},
		{"100.64.0.1", "shared (CGNAT)"},
		{"100.127.255.255", "shared (CGNAT)"},
		{"169.254.1.1", "link-local"},
		{"169.254.169.254", "cloud metadata"},
		{"169.254.170.2", "cloud metadata"},
		{"100.100.100.200", "cloud metadata"},
		{"168.63.129.16", "cloud metadata"},
		{"192.0.0.192", "cloud metadata"},
		{"192.0.0.170", "reserved"},
		{"192.0.2.10", "documentation"},
		{"198.51.100.7", "documentation"},
		{"203.0.113.9", "documentation"},
		{"198.18.0.1", "benchmarking"},
		{"198.19.255.255", "benchmarking"},
		{"192.88.99.1", "reserved"},
		{"224.0.0.1", "multicast"},
		{"239.255.255.250", "multicast"},
		{"240.0.0.1", "reserved"},
		{"255.255.255.255", "broadcast"},

		// IPv6.
		{"::", "unspecified"},
		{"::1", "loopback"},
		{"fe80::1", "link-local"},
		{"fe80::1%eth0", "link-local"},
		{"fc00::1", "private"},
		{"fd12:3456:789a::1", "private"},
		{"fd00:ec2::254", "cloud metadata"},
		{"fec0::1", "site-local"},
		{"ff02::1", "multicast"},
		{"ff0e::1", "multicast"},
		{"2001:db8::1", "documentation"},
		{"3fff::1", "documentation"},
		{"100::1", "discard-only"},
		{"2001:2::1", "benchmarking"},
		{"2001:10::1", "ORCHID"},
		{"4000::1", "reserved"}, // outside 2000::/3
		{"5f00::1", "reserved"},

		// IPv6 forms of internal IPv4 addresses.
		{"::ffff:127.0.0.1", "loopback"},
		{"::ffff:10.0.0.5", "private"},
		{"::ffff:169.254.169.254", "cloud metadata"},
		{"::127.0.0.1", "IPv4-compatible"},
		{"::8.8.8.8", "IPv4-compatible"},
		{"::ffff:0:7f00:1", "IPv4-translated"},
		{"64:ff9b::7f00:1", "NAT64 form of a loopback"},
		{"64:ff9b::a9fe:a9fe", "NAT64 form of a cloud metadata"},
		{"64:ff9b::a00:5", "NAT64 form of a private"},
		{"64:ff9b:1::808:808", "NAT64 (local use)"},
		{"2002:7f00:1::1", "6to4 form of a loopback"},
		{"2002:a9fe:a9fe::", "6to4 form of a cloud metadata"},
		{"2002:c0a8:101::1", "6to4 form of a private"},
		{"2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo"},
	} {
		t.Run(tc.ip, func(t *testing.T) {
			reason, bad := webhook.Forbidden(netip.MustParseAddr(tc.ip))
			if bad != (tc.reason != "") || !strings.Contains(reason, tc.reason) {
				t.Fatalf("Forbidden(%s) = %q, %v; want %q", tc.ip, reason, bad, tc.reason)
			}
		})
	}
}

// dns is a resolver whose answers the test sets and changes (names case-insensitive,
// with or without the final dot, as in DNS).
type dns struct {
	mu      sync.Mutex
	answers map[string][]string
}

func (d *dns) set(host string, ips ...string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.answers == nil {
		d.answers = map[string][]string{}
	}
	d.answers[host] = ips
}

func (d *dns) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	ips, ok := d.answers[strings.TrimSuffix(strings.ToLower(host), ".")]
	if !ok {
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	var out []netip.Addr
	for _, s := range ips {
		out = append(out, netip.MustParseAddr(s))
	}
	return out, nil
}

func TestCheck(t *testing.T) {
	r := &dns{}
	r.set("hooks.partner.example", "93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c")
	r.set("localhost", "127.0.0.1", "::1")
	r.set("internal.partner.example", "10.0.0.5")
	r.set("mixed.partner.example", "93.184.215.14", "192.168.0.10")
	r.set("metadata.partner.example", "169.254.169.254")
	r.set("erp.partner.local", "10.1.2.3")
	targets := &webhook.Targets{Resolver: r, Allow: []string{"erp.partner.local", "10.9.9.9", "fd12::5"}}
	for _, tc := range []struct {
		url     string
		refused string // a part of the message; "" means accepted
	}{
		{"https://hooks.partner.example/tandem", ""},
		{"https://hooks.partner.example:8443/tandem", ""},
		{"https://HOOKS.partner.example.:443/tandem", ""},
		{"https://93.184.215.14/hook", ""},
		{"https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook", ""},
		// The admin's allow-list: an on-premise partner.
		{"https://erp.partner.local:8443/hook", ""},
		{"https://10.9.9.9/hook", ""},
		{"https://[fd12::5]:9443/hook", ""},

		{"http://hooks.partner.example/tandem", "https:// address is required"},
		{"https:///nohost", "https:// address is required"},
		{"https:hooks.partner.example", "https:// address is required"},
		{"ftp://hooks.partner.example", "https:// address is required"},
		{"https://user:pw@hooks.partner.example/", "user name or password"},
		{"https://hooks.partner.example:22/", "port"},
		{"https://hooks.partner.example:80/", "port"},
		{"https://hooks.partner.example:0/", "port"},
		{"https://hooks.partner.example:70000/", "port"},

		{"https://127.0.0.1:8443/hook", "127.0.0.1 is a loopback address"},
		{"https://[::1]:8443/hook", "::1 is a loopback address"},
		{"https://10.0.0.5/hook", "10.0.0.5 is a private address"},
		{"https://169.254.169.254/latest/meta-data/", "cloud metadata"},
		{"https://[::ffff:127.0.0.1]/", "loopback"},
		{"https://[fe80::1%25eth0]/", "link-local"},
		{"https://100.64.1.1/", "CGNAT"},
		{"https://0.0.0.0:8443/", "0.0.0.0 is an unspecified (this network) address"},
		{"https://10.1.2.3/hook", "private"}, // erp.partner.local's address, but not the name the admin allowed

		{"https://localhost:8443/hook", "must resolve to public internet addresses"},
		{"https://internal.partner.example/hook", "must resolve to public internet addresses"},
		{"https://mixed.partner.example/hook", "must resolve to public internet addresses"},
		{"https://metadata.partner.example/hook", "must resolve to public internet addresses"},
		{"https://nowhere.partner.example/hook", "must resolve to public internet addresses"},
		{"https://2130706433/hook", "must resolve to public internet addresses"}, // 127.0.0.1 as one number: a name to the URL parser
	} {
		t.Run(tc.url, func(t *testing.T) {
			err := targets.Check(context.Background(), tc.url)
			if tc.refused == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var refused *webhook.RefusedURL
			if !errors.As(err, &refused) || !strings.Contains(refused.Message, tc.refused) {
				t.Fatalf("got %v, want a refusal saying %q", err, tc.refused)
			}
			// What a name resolves to is never told.
			for _, secret := range []string{"10.0.0.5", "192.168.0.10", "169.254.169.254", "127.0.0.1"} {
				if !strings.Contains(tc.url, secret) && strings.Contains(refused.Message, secret) {
					t.Fatalf("the message tells %s: %q", secret, refused.Message)
				}
			}
		})
	}
}

func TestNormalHost(t *testing.T) {
	for in, want := range map[string]string{
		"ERP.Partner.Local.": "erp.partner.local",
		" 10.1.2.3 ":         "10.1.2.3",
		"[::1]":              "::1",
		"0:0::1":             "::1",
		"fe80::1%eth0":       "fe80::1",
		"::ffff:10.1.2.3":    "::ffff:10.1.2.3",
	} {
		if got := webhook.NormalHost(in); got != want {
			t.Errorf("NormalHost(%q) = %q, want %q", in, got, want)
		}
	}
}

// counting is a TLS receiver on 127.0.0.1 that counts what reaches it. Its test
// certificate is valid for example.com, so a request to https://example.com:PORT that
// the resolver sends to 127.0.0.1 completes if nothing refuses it.
func counting(t *testing.T, h http.HandlerFunc) (*httptest.Server, *atomic.Int64) {
	var n atomic.Int64
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		if h != nil {
			h(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func port(t *testing.T, srv *httptest.Server) string {
	u, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	return u.Port()
}

func post(c *http.Client, u string) (*http.Response, error) {
	res, err := c.Post(u, "application/json", strings.NewReader("{}"))
	if err == nil {
		res.Body.Close()
	}
	return res, err
}

// TestClientChecksTheAddressItConnectsTo: a name that resolved to a public address at
// registration and now resolves to 127.0.0.1 (DNS rebinding) is refused when the
// delivery connects, and so are internal IP literals; allowed hosts go through.
func TestClientChecksTheAddressItConnectsTo(t *testing.T) {
	srv, hits := counting(t, nil)
	p := port(t, srv)
	r := &dns{}
	r.set("example.com", "93.184.215.14")
	targets := &webhook.Targets{Resolver: r}
	if err := targets.Check(context.Background(), "https://example.com:"+p+"/hook"); err != nil {
		t.Fatalf("registration: %v", err)
	}
	r.set("example.com", "127.0.0.1") // rebound
	tlsConfig := srv.Client().Transport.(*http.Transport).TLSClientConfig
	client := targets.Client(tlsConfig)
	for _, u := range []string{"https://example.com:" + p + "/hook", srv.URL + "/hook", "https://[::ffff:127.0.0.1]:" + p + "/hook"} {
		_, err := post(client, u)
		var addrErr *webhook.AddressError
		if !errors.Is(err, webhook.ErrAddressNotAllowed) || !errors.As(err, &addrErr) || !strings.Contains(addrErr.Reason, "loopback") {
			t.Fatalf("%s: got %v, want a refused loopback address", u, err)
		}
		if got := webhook.PublicError(nil, err); got != "refused: address not allowed" {
			t.Fatalf("public error %q", got)
		}
	}
	if hits.Load() != 0 {
		t.Fatalf("the receiver on loopback was reached %d times", hits.Load())
	}

	// The admin allows the name: the same connection goes through.
	allowed := (&webhook.Targets{Resolver: r, Allow: []string{"example.com"}}).Client(tlsConfig)
	if res, err := post(allowed, "https://example.com:"+p+"/hook"); err != nil || res.StatusCode != 200 {
		t.Fatalf("allowed host: %v", err)
	}
	// … and only that name: its IP address is still refused.
	if _, err := post(allowed, srv.URL+"/hook"); !errors.Is(err, webhook.ErrAddressNotAllowed) {
		t.Fatalf("127.0.0.1 with only example.com allowed: %v", err)
	}
	if hits.Load() != 1 {
		t.Fatalf("receiver hits %d, want 1", hits.Load())
	}
}

// TestClientDoesNotFollowRedirects: an allowed receiver that answers with a redirect to
// an internal address gets its 3xx recorded; the redirect is not followed.
func TestClientDoesNotFollowRedirects(t *testing.T) {
	inner, innerHits := counting(t, nil)
	r := &dns{}
	r.set("example.com", "127.0.0.1")
	outer, _ := counting(t, func(w http.ResponseWriter, req *http.Request) {
		http.Redirect(w, req, "https://example.com:"+port(t, inner)+"/admin", http.StatusTemporaryRedirect)
	})
	client := (&webhook.Targets{Resolver: r, Allow: []string{"127.0.0.1"}}).Client(outer.Client().Transport.(*http.Transport).TLSClientConfig)
	res, err := post(client, outer.URL+"/hook")
	if err != nil || res.StatusCode != http.StatusTemporaryRedirect {
		t.Fatalf("got %v, %v; want the 307 itself", res, err)
	}
	if webhook.PublicError(res, nil) != "HTTP 307" {
		t.Fatalf("public error %q", webhook.PublicError(res, nil))
	}
	if innerHits.Load() != 0 {
		t.Fatal("the redirect was followed")
	}
}

// TestClientIgnoresEnvironmentProxy: deliveries connect (and are checked) themselves,
// whatever HTTPS_PROXY says: a proxy would reach the internal address for us, the
// dial check seeing only the proxy's address. (Asserted on the transport: the standard
// library reads the proxy environment once per process, so a behavioural test would
// depend on which test ran first.)
func TestClientIgnoresEnvironmentProxy(t *testing.T) {
	tr, ok := (&webhook.Targets{}).Client(nil).Transport.(*http.Transport)
	if !ok || tr.Proxy != nil {
		t.Fatal("the delivery client uses a proxy")
	}
}

func TestClientRefusesPorts(t *testing.T) {
	r := &dns{}
	r.set("hooks.partner.example", "127.0.0.1")
	client := (&webhook.Targets{Resolver: r, Allow: []string{"hooks.partner.example"}}).Client(nil)
	if _, err := post(client, "https://hooks.partner.example:22/"); !errors.Is(err, webhook.ErrAddressNotAllowed) {
		t.Fatalf("port 22: %v", err)
	}
}

// TestPublicError: the partner's delivery log says what kind of failure it was, never
// the address, the port or the Go error's text.
func TestPublicError(t *testing.T) {
	closed, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closedAddr := closed.Addr().String()
	closed.Close()
	plain := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	defer plain.Close()
	client := (&webhook.Targets{Allow: []string{"127.0.0.1"}}).Client(nil)

	_, refused := post(client, "https://"+closedAddr+"/hook")
	_, notTLS := post(client, "https://"+strings.TrimPrefix(plain.URL, "http://")+"/hook")
	for name, err := range map[string]error{"closed port": refused, "open port without TLS": notTLS} {
		got := webhook.PublicError(nil, err)
		if got != "connection failed" {
			t.Errorf("%s: %q (from %v)", name, got, err)
		}
	}
	timeout := &url.Error{Op: "Post", URL: "https://10.0.0.1:8443", Err: context.DeadlineExceeded}
	if got := webhook.PublicError(nil, timeout); got != "timeout" {
		t.Errorf("timeout: %q", got)
	}
	if got := webhook.PublicError(&http.Response{StatusCode: 503}, fmt.Errorf("the endpoint answered 503")); got != "HTTP 503" {
		t.Errorf("503: %q", got)
	}
}

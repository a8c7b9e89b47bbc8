package webhook

// Where webhooks may go. A partner chooses the URL its deliveries are posted to, so
// without a check it could make this server connect to itself, to the office network
// or to a cloud metadata service, and read from the delivery log which ports answer.
// Targets refuses internal addresses twice: when an endpoint is registered (Check) and
// when a delivery connects (the dialer of Client), on the address actually dialled,
// so a name that resolves to a public address at registration and to 127.0.0.1 later
// (DNS rebinding) still fails.

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// ErrAddressNotAllowed is the reason of every refused connection (errors.Is).
var ErrAddressNotAllowed = errors.New("address not allowed")

// AddressError tells the server log which address was refused and why.
type AddressError struct {
	Addr   string // the address dialled or named, with its port when there is one
	Reason string // "loopback", "private", "cloud metadata", "port not allowed", …
}

func (e *AddressError) Error() string {
	return fmt.Sprintf("webhook target %s refused: %s", e.Addr, e.Reason)
}

func (e *AddressError) Is(target error) bool { return target == ErrAddressNotAllowed }

// Resolver looks host names up; *net.Resolver is one, tests inject their own.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// Targets decides where webhooks may be sent. The zero value refuses every internal
// address and resolves names with net.DefaultResolver.
type Targets struct {
	// Allow names hosts, as written in endpoint URLs (a name or an IP address, no
	// port), that may be internal: an on-premise partner's receiver. The check is
	// skipped for them only, whatever they resolve to.
	Allow []string
	// Resolver looks names up (net.DefaultResolver when nil).
	Resolver Resolver
	// Log receives the details of refused registrations (nothing when nil).
	Log *slog.Logger
}

// lookupTimeout bounds the name lookup of a registration.
const lookupTimeout = 5 * time.Second

// RefusedURL is a registration refused; Message is for the partner and never says
// what a name resolved to.
type RefusedURL struct{ Message string }

func (e *RefusedURL) Error() string { return e.Message }

// Check decides whether an endpoint URL may be registered: https, no user name or
// password, a port of 443 or from 1024 up, and a host that is allowed or is, and
// resolves only to, public internet addresses.
func (t *Targets) Check(ctx context.Context, raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "https" || u.Hostname() == "" || u.Opaque != "" {
		return &RefusedURL{"an https:// address is required"}
	}
	if u.User != nil {
		return &RefusedURL{"an address with a user name or password is not accepted"}
	}
	if p := u.Port(); p != "" {
		n, err := strconv.ParseUint(p, 10, 16)
		if err != nil || !PortAllowed(uint16(n)) {
			return &RefusedURL{"the port must be 443 or from 1024 to 65535"}
		}
	}
	host := u.Hostname()
	if t.allowed(host) {
		return nil
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		if reason, bad := Forbidden(ip); bad {
			t.log().Warn("webhook registration refused", "host", host, "reason", reason)
			return &RefusedURL{fmt.Sprintf("%s is %s %s address; webhooks go to public internet addresses only", host, article(reason), reason)}
		}
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, lookupTimeout)
	defer cancel()
	ips, err := t.resolver().LookupNetIP(ctx, "ip", host)
	if err == nil && len(ips) == 0 {
		err = errors.New("no addresses")
	}
	if err != nil {
		t.log().Warn("webhook registration refused", "host", host, "err", err)
		return &RefusedURL{"the host must resolve to public internet addresses only"}
	}
	for _, ip := range ips {
		if reason, bad := Forbidden(ip); bad {
			t.log().Warn("webhook registration refused", "host", host, "address", ip, "reason", reason)
			return &RefusedURL{"the host must resolve to public internet addresses only"}
		}
	}
	return nil
}

func article(word string) string {
	if strings.ContainsRune("aeiouAEIOU", rune(word[0])) {
		return "an"
	}
	return "a"
}

// PortAllowed reports whether deliveries may go to the port: 443, or an unprivileged
// one (1024–65535) as receivers behind a gateway often use. The well-known ports of
// other services (22, 25, 80, …) are refused.
func PortAllowed(p uint16) bool { return p == 443 || p >= 1024 }

// allowed reports whether the host is on the admin's list.
func (t *Targets) allowed(host string) bool {
	h := NormalHost(host)
	return h != "" && slices.Contains(t.Allow, h)
}

// NormalHost is the form in which hosts are compared with the allow-list: lower case,
// no trailing dot, IP addresses in their canonical form without brackets or zone.
func NormalHost(h string) string {
	h = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(h)), ".")
	h = strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
	if ip, err := netip.ParseAddr(h); err == nil {
		return ip.WithZone("").String()
	}
	return h
}

func (t *Targets) resolver() Resolver {
	if t.Resolver != nil {
		return t.Resolver
	}
	return net.DefaultResolver
}

func (t *Targets) log() *slog.Logger {
	if t.Log != nil {
		return t.Log
	}
	return slog.New(slog.DiscardHandler)
}

// Client is the HTTP client of deliveries: every connection goes through the checking
// dialer; proxies from the environment are not used (a proxy would connect on our
// behalf, past the check); redirects are not followed (the 3xx is the answer). tlsConfig
// may be nil (the system's roots).
func (t *Targets) Client(tlsConfig *tls.Config) *http.Client {
	return &http.Client{
		Timeout: 15 * time.Second,
		Transport: &http.Transport{
			Proxy:                 nil,
			DialContext:           t.dial,
			TLSClientConfig:       tlsConfig,
			ForceAttemptHTTP2:     true,
			TLSHandshakeTimeout:   10 * time.Second,
			ResponseHeaderTimeout: 10 * time.Second,
			MaxIdleConns:          20,
			IdleConnTimeout:       90 * time.Second,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// dial connects a delivery: it resolves the host itself (with the injectable
// resolver) and dials the addresses one by one through a dialer whose Control refuses
// a forbidden address just before the socket connects, unless the host is allowed.
func (t *Targets) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	host, portText, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	port, err := strconv.ParseUint(portText, 10, 16)
	if err != nil {
		return nil, err
	}
	if !PortAllowed(uint16(port)) {
		return nil, &AddressError{Addr: addr, Reason: "port not allowed"}
	}
	d := net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}
	if !t.allowed(host) {
		d.Control = refuseForbidden
	}
	ips := []netip.Addr{}
	if ip, err := netip.ParseAddr(host); err == nil {
		ips = append(ips, ip)
	} else if ips, err = t.resolver().LookupNetIP(ctx, "ip", host); err != nil {
		return nil, err
	}
	var first error
	for _, ip := range ips {
		c, err := d.DialContext(ctx, network, netip.AddrPortFrom(ip, uint16(port)).String())
		if err == nil {
			return c, nil
		}
		if errors.Is(err, ErrAddressNotAllowed) {
			return nil, err
		}
		if first == nil {
			first = err
		}
	}
	if first == nil {
		first = &net.DNSError{Err: "no addresses", Name: host, IsNotFound: true}
	}
	return nil, first
}

// refuseForbidden is the dialer's Control: address is the IP and port the socket is
// about to connect to.
func refuseForbidden(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return &AddressError{Addr: address, Reason: "unreadable"}
	}
	if reason, bad := Forbidden(ap.Addr()); bad {
		return &AddressError{Addr: address, Reason: reason}
	}
	return nil
}

// Forbidden reports whether ip is not a public internet address, and what it is:
// loopback, unspecified, private, link-local, shared (CGNAT), multicast, broadcast,
// reserved, documentation, benchmarking, a cloud metadata service, or an IPv6 form
// (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo) of one of these.
func Forbidden(ip netip.Addr) (reason string, forbidden bool) {
	ip = ip.WithZone("")
	if !ip.IsValid() {
		return "invalid", true
	}
	if ip.Is4In6() { // ::ffff:a.b.c.d is a.b.c.d
		ip = ip.Unmap()
	}
	for _, r := range blocked {
		if !r.prefix.Contains(ip) {
			continue
		}
		if r.embedded == nil {
			return r.reason, true
		}
		// An IPv6 address that carries an IPv4 address reaches that address.
		if reason, bad := Forbidden(r.embedded(ip)); bad {
			return r.reason + " form of a " + reason, true
		}
		return "", false
	}
	if ip.Is6() && !globalUnicast6.Contains(ip) {
		return "reserved", true
	}
	return "", false
}

type blockedRange struct {
	prefix netip.Prefix
	reason string
	// embedded extracts the IPv4 address an IPv6 transition prefix carries; the
	// address is then judged by it.
	embedded func(netip.Addr) netip.Addr
}

// globalUnicast6 is the only IPv6 space allocated for public unicast (2000::/3).
var globalUnicast6 = netip.MustParsePrefix("2000::/3")

// blocked is checked in order: the most specific reason first.
var blocked = []blockedRange{
	// Cloud metadata services (instance credentials): AWS, GCP, Azure, OpenStack,
	// ECS task and EKS pod credentials, Alibaba, Oracle, Azure's wire server, AWS IPv6.
	{prefix: pfx("169.254.169.254/32"), reason: "cloud metadata"},
	{prefix: pfx("169.254.170.2/32"), reason: "cloud metadata"},
	{prefix: pfx("169.254.170.23/32"), reason: "cloud metadata"},
	{prefix: pfx("100.100.100.200/32"), reason: "cloud metadata"},
	{prefix: pfx("192.0.0.192/32"), reason: "cloud metadata"},
	{prefix: pfx("168.63.129.16/32"), reason: "cloud metadata"},
	{prefix: pfx("fd00:ec2::254/128"), reason: "cloud metadata"},

	// IPv4 (RFC 6890 and its updates).
	{prefix: pfx("0.0.0.0/8"), reason: "unspecified (this network)"},
	{prefix: pfx("10.0.0.0/8"), reason: "private"},
	{prefix: pfx("100.64.0.0/10"), reason: "shared (CGNAT)"},
	{prefix: pfx("127.0.0.0/8"), reason: "loopback"},
	{prefix: pfx("169.254.0.0/16"), reason: "link-local"},
	{prefix: pfx("172.16.0.0/12"), reason: "private"},
	{prefix: pfx("192.0.0.0/24"), reason: "reserved (IETF protocol assignments)"},
	{prefix: pfx("192.0.2.0/24"), reason: "documentation"},
	{prefix: pfx("192.88.99.0/24"), reason: "reserved (6to4 relay)"},
	{prefix: pfx("192.168.0.0/16"), reason: "private"},
	{prefix: pfx("198.18.0.0/15"), reason: "benchmarking"},
	{prefix: pfx("198.51.100.0/24"), reason: "documentation"},
	{prefix: pfx("203.0.113.0/24"), reason: "documentation"},
	{prefix: pfx("224.0.0.0/4"), reason: "multicast"},
	{prefix: pfx("255.255.255.255/32"), reason: "broadcast"},
	{prefix: pfx("240.0.0.0/4"), reason: "reserved"},

	// IPv6.
	{prefix: pfx("::/128"), reason: "unspecified"},
	{prefix: pfx("::1/128"), reason: "loopback"},
	{prefix: pfx("::/96"), reason: "IPv4-compatible (deprecated)"},
	{prefix: pfx("::ffff:0:0:0/96"), reason: "IPv4-translated"},
	{prefix: pfx("64:ff9b::/96"), reason: "NAT64", embedded: last32},
	{prefix: pfx("64:ff9b:1::/48"), reason: "NAT64 (local use)"},
	{prefix: pfx("100::/64"), reason: "discard-only"},
	{prefix: pfx("2001::/32"), reason: "Teredo"},
	{prefix: pfx("2001:2::/48"), reason: "benchmarking"},
	{prefix: pfx("2001:10::/28"), reason: "reserved (ORCHID)"},
	{prefix: pfx("2001:20::/28"), reason: "reserved (ORCHIDv2)"},
	{prefix: pfx("2001:db8::/32"), reason: "documentation"},
	{prefix: pfx("2002::/16"), reason: "6to4", embedded: sixToFour},
	{prefix: pfx("3fff::/20"), reason: "documentation"},
	{prefix: pfx("5f00::/16"), reason: "reserved (SRv6)"},
	{prefix: pfx("fc00::/7"), reason: "private (unique local)"},
	{prefix: pfx("fe80::/10"), reason: "link-local"},
	{prefix: pfx("fec0::/10"), reason: "site-local (deprecated)"},
	{prefix: pfx("ff00::/8"), reason: "multicast"},
}

func pfx(s string) netip.Prefix { return netip.MustParsePrefix(s) }

// last32 is the IPv4 address in the last 32 bits (NAT64, RFC 6052).
func last32(ip netip.Addr) netip.Addr {
	b := ip.As16()
	return netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]})
}

// sixToFour is the IPv4 address after 2002: (RFC 3056).
func sixToFour(ip netip.Addr) netip.Addr {
	b := ip.As16()
	return netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]})
}

package push

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// DefaultHosts are the push services of the browsers people use: Chrome and Edge on
// Android and desktop (FCM), Firefox (Mozilla), Safari (Apple), Edge's WNS. A
// subscription to any other host is refused: the server would otherwise POST to any
// address a user names. A leading dot allows the subdomains.
var DefaultHosts = []string{
	"fcm.googleapis.com", "android.googleapis.com", "updates.push.services.mozilla.com",
	".push.services.mozilla.com", "web.push.apple.com", ".push.apple.com", ".notify.windows.com",
}

// Endpoints says which push service URLs subscriptions may name.
type Endpoints struct {
	// Hosts: host names ("fcm.googleapis.com"), suffixes (".push.apple.com"), or a
	// loopback host with its port ("127.0.0.1:8088"), which alone may be plain http
	// (a push relay on the same machine, or a test's push service).
	Hosts []string
}

// Check refuses an endpoint that is not an https URL of an allowed push service.
func (e Endpoints) Check(endpoint string) error {
	u, err := url.Parse(endpoint)
	if err != nil || u.Host == "" || u.User != nil {
		return fmt.Errorf("endpoint: %q is not a push service URL", short(endpoint))
	}
	host := strings.ToLower(u.Hostname())
	for _, h := range e.Hosts {
		h = strings.ToLower(strings.TrimSpace(h))
		switch {
		case h == "":
		case strings.Contains(h, ":"): // host:port, loopback only, http allowed
			if strings.ToLower(u.Host) == h && isLoopback(host) && (u.Scheme == "http" || u.Scheme == "https") {
				return nil
			}
		case u.Scheme != "https" || u.Port() != "" && u.Port() != "443":
		case strings.HasPrefix(h, "."):
			if strings.HasSuffix(host, h) {
				return nil
			}
		case host == h:
			return nil
		}
	}
	return fmt.Errorf("endpoint: %s is not a push service Tandem sends to", u.Host)
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func short(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

// Message is what the service worker shows (frontend/sw.template.js reads it).
type Message struct {
	Title string `json:"title"`
	Body  string `json:"body"`
	URL   string `json:"url"`
	Tag   string `json:"tag"`
	Kind  string `json:"kind"`
}

// payload encodes the message, cutting the body (at a character) until it fits.
func (m Message) payload() ([]byte, error) {
	for {
		b, err := json.Marshal(m)
		if err != nil || len(b) <= MaxPayload {
			return b, err
		}
		if m.Body == "" {
			return nil, fmt.Errorf("push: the message's title is over %d bytes", MaxPayload)
		}
		cut := len(m.Body) - (len(b) - MaxPayload) - 4
		if cut < 0 {
			cut = 0
		}
		for cut > 0 && !utf8.RuneStart(m.Body[cut]) {
			cut--
		}
		m.Body = m.Body[:cut] + "…"
	}
}

// Outcome is what became of a send.
type Outcome int

const (
	// Sent: the push service took the message.
	Sent Outcome = iota
	// Gone: the subscription has ended (404, 410): forget it.
	Gone
	// Failed: try again later (network, 429, 5xx), or the request was refused.
	Failed
)

// Sender sends messages.
type Sender struct {
	VAPID  *VAPID
	Client *http.Client
	Now    func() time.Time
}

// NewClient is the HTTP client of the sender: a time limit, and no redirects (a push
// service answers, it does not send the server elsewhere).
func NewClient() *http.Client {
	return &http.Client{Timeout: 15 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
}

// Send encrypts the message to the browser and posts it to its push service, to be
// kept there for ttl at the given urgency ("high" for a visit within the hour,
// "normal" otherwise).
func (s *Sender) Send(ctx context.Context, endpoint string, to Browser, m Message, ttl time.Duration, urgency string) (Outcome, error) {
	plain, err := m.payload()
	if err != nil {
		return Failed, err
	}
	body, err := Encrypt(to, plain)
	if err != nil {
		return Failed, err
	}
	now := time.Now()
	if s.Now != nil {
		now = s.Now()
	}
	auth, err := s.VAPID.Authorization(endpoint, now)
	if err != nil {
		return Failed, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(body))
	if err != nil {
		return Failed, err
	}
	req.Header.Set("Authorization", auth)
	req.Header.Set("Content-Encoding", "aes128gcm")
	req.Header.Set("Content-Type", "application/octet-stream")
	req.Header.Set("TTL", strconv.Itoa(int(ttl/time.Second)))
	req.Header.Set("Urgency", urgency)
	if m.Tag != "" {
		req.Header.Set("Topic", topic(m.Tag))
	}
	c := s.Client
	if c == nil {
		c = NewClient()
	}
	res, err := c.Do(req)
	if err != nil {
		return Failed, err
	}
	defer res.Body.Close()
	msg, _ := io.ReadAll(io.LimitReader(res.Body, 512))
	switch {
	case res.StatusCode >= 200 && res.StatusCode < 300:
		return Sent, nil
	case res.StatusCode == http.StatusNotFound || res.StatusCode == http.StatusGone:
		return Gone, nil
	}
	return Failed, fmt.Errorf("push service answered %d: %s", res.StatusCode, strings.TrimSpace(string(msg)))
}

// topic makes a Topic header (at most 32 base64url characters) from a tag: a newer
// message with the same topic replaces one the browser has not fetched yet.
func topic(tag string) string {
	h := sha256.Sum256([]byte(tag))
	return base64.RawURLEncoding.EncodeToString(h[:24])
}

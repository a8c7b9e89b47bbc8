package push_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"tandem/server/push"
	"tandem/server/push/pushtest"
)

// A message sent to a push service: signed with the VAPID key (the service checks the
// ES256 token against the key in the header), encrypted to the browser (it decrypts
// with the browser's private key), cut to what a push message holds, and the service's
// answers mapped to what the job does next.
func TestSend(t *testing.T) {
	v, err := push.VAPIDFromSecret([]byte(strings.Repeat("k", 32)), "mailto:ops@example.com")
	if err != nil {
		t.Fatal(err)
	}
	svc := pushtest.New()
	defer svc.Close()
	endpoint, p256dh, auth := svc.Subscribe("/push/1")
	to, err := push.ParseBrowser(p256dh, auth)
	if err != nil {
		t.Fatal(err)
	}
	s := &push.Sender{VAPID: v, Client: svc.Client()}
	m := push.Message{Title: "40 分钟后拜访：瑞丰塑胶", Body: strings.Repeat("样品", 2000), URL: "/customers/CU1", Tag: "VISIT_DUE:IN1"}
	if out, err := s.Send(context.Background(), endpoint, to, m, time.Hour, "high"); out != push.Sent || err != nil {
		t.Fatalf("send: %v %v", out, err)
	}
	got := svc.Received()
	if len(got) != 1 {
		t.Fatalf("received %d", len(got))
	}
	r := got[0]
	if r.TTL != "3600" || r.Urgency != "high" || len(r.Topic) != 32 || r.Audience != svc.URL {
		t.Errorf("headers: %+v", r)
	}
	back := r.Message
	if back.Title != m.Title || back.URL != m.URL || !strings.HasSuffix(back.Body, "…") || !strings.HasPrefix(m.Body, strings.TrimSuffix(back.Body, "…")) {
		t.Errorf("decrypted message: %+v", back)
	}
	for code, want := range map[int]push.Outcome{http.StatusGone: push.Gone, http.StatusNotFound: push.Gone, http.StatusTooManyRequests: push.Failed, http.StatusBadGateway: push.Failed} {
		svc.Answer(code)
		if out, _ := s.Send(context.Background(), endpoint, to, m, time.Hour, "normal"); out != want {
			t.Errorf("answer %d: outcome %v, want %v", code, out, want)
		}
	}
}

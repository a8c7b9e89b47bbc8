package push

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/hkdf"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func d64(t *testing.T, s string) []byte {
	t.Helper()
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The example of RFC 8291 section 5 (its appendix A keys): the same keys and salt
// give the same body, byte for byte.
func TestEncryptRFC8291Example(t *testing.T) {
	asPriv, err := ecdh.P256().NewPrivateKey(d64(t, "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw"))
	if err != nil {
		t.Fatal(err)
	}
	to, err := ParseBrowser("BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4", "BTBZMqHH6r4Tts7J_aSIgg")
	if err != nil {
		t.Fatal(err)
	}
	got, err := encrypt(to, []byte("When I grow up, I want to be a watermelon"), asPriv, d64(t, "DGv6ra1nlYgDCS1FRnbzlw"))
	if err != nil {
		t.Fatal(err)
	}
	want := "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN"
	if g := base64.RawURLEncoding.EncodeToString(got); g != want {
		t.Fatalf("body\n got %s\nwant %s", g, want)
	}
}

// decrypt is the browser's side (RFC 8291 from the receiver), written from the RFC
// apart from encrypt, so a mistake in one is not repeated in the other.
func decrypt(t *testing.T, ua *ecdh.PrivateKey, auth, body []byte) []byte {
	t.Helper()
	salt, rs, idlen := body[:16], binary.BigEndian.Uint32(body[16:20]), int(body[20])
	if rs != 4096 || idlen != 65 {
		t.Fatalf("header: rs %d, idlen %d", rs, idlen)
	}
	asPubBytes := body[21 : 21+idlen]
	asPub, err := ecdh.P256().NewPublicKey(asPubBytes)
	if err != nil {
		t.Fatal(err)
	}
	shared, _ := ua.ECDH(asPub)
	prkKey, _ := hkdf.Extract(sha256.New, shared, auth)
	info := "WebPush: info\x00" + string(ua.PublicKey().Bytes()) + string(asPubBytes)
	ikm, _ := hkdf.Expand(sha256.New, prkKey, info, 32)
	prk, _ := hkdf.Extract(sha256.New, ikm, salt)
	cek, _ := hkdf.Expand(sha256.New, prk, "Content-Encoding: aes128gcm\x00", 16)
	nonce, _ := hkdf.Expand(sha256.New, prk, "Content-Encoding: nonce\x00", 12)
	block, _ := aes.NewCipher(cek)
	gcm, _ := cipher.NewGCM(block)
	plain, err := gcm.Open(nil, nonce, body[21+idlen:], nil)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	if plain[len(plain)-1] != 2 {
		t.Fatal("the last record's delimiter is not 2")
	}
	return plain[:len(plain)-1]
}

func newBrowser(t *testing.T) (*ecdh.PrivateKey, []byte, Browser) {
	ua, _ := ecdh.P256().GenerateKey(nil)
	auth := []byte("0123456789abcdef")
	b, err := ParseBrowser(base64.RawURLEncoding.EncodeToString(ua.PublicKey().Bytes()), base64.URLEncoding.EncodeToString(auth))
	if err != nil {
		t.Fatal(err)
	}
	return ua, auth, b
}

func TestParseBrowserRefusesBadKeys(t *testing.T) {
	good := "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4"
	offCurve := strings.Replace(good, "VRqv", "VRqw", 1)
	for name, c := range map[string][2]string{
		"short key": {"BCVxsr7N", "BTBZMqHH6r4Tts7J_aSIgg"}, "off the curve": {offCurve, "BTBZMqHH6r4Tts7J_aSIgg"},
		"not base64": {"%%%", "BTBZMqHH6r4Tts7J_aSIgg"}, "short auth": {good, "BTBZ"}, "empty": {"", ""},
	} {
		if _, err := ParseBrowser(c[0], c[1]); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := ParseBrowser(good, "BTBZMqHH6r4Tts7J_aSIgg=="); err != nil {
		t.Errorf("padded auth refused: %v", err)
	}
}

func TestEndpointsCheck(t *testing.T) {
	e := Endpoints{Hosts: append(append([]string{}, DefaultHosts...), "127.0.0.1:8088")}
	for ep, ok := range map[string]bool{
		"https://fcm.googleapis.com/fcm/send/abc":                 true,
		"https://web.push.apple.com/QGx":                          true,
		"https://updates.push.services.mozilla.com/wpush/v2/gAAA": true,
		"https://db5p.notify.windows.com/w/?token=x":              true,
		"http://fcm.googleapis.com/fcm/send/abc":                  false, // plain http
		"https://fcm.googleapis.com:8443/fcm/send/abc":            false, // another port
		"https://evilfcm.googleapis.com.attacker.net/x":           false,
		"https://notify.windows.com.attacker.net/x":               false,
		"http://169.254.169.254/latest/meta-data":                 false,
		"http://127.0.0.1:5432/":                                  false, // loopback, not the listed port
		"http://127.0.0.1:8088/push/1":                            true,
		"https://user:pw@fcm.googleapis.com/x":                    false,
		"not a url":                                               false,
	} {
		if err := e.Check(ep); (err == nil) != ok {
			t.Errorf("Check(%q) = %v, want ok=%v", ep, err, ok)
		}
	}
}

func TestSend(t *testing.T) {
	v, err := VAPIDFromSecret([]byte(strings.Repeat("k", 32)), "mailto:ops@example.com")
	if err != nil {
		t.Fatal(err)
	}
	ua, auth, to := newBrowser(t)
	var got struct {
		auth, enc, ttl, urgency, topic string
		body                           []byte
	}
	status := http.StatusCreated
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got.auth, got.enc, got.ttl, got.urgency, got.topic = r.Header.Get("Authorization"), r.Header.Get("Content-Encoding"), r.Header.Get("TTL"), r.Header.Get("Urgency"), r.Header.Get("Topic")
		got.body, _ = io.ReadAll(r.Body)
		w.WriteHeader(status)
	}))
	defer srv.Close()
	s := &Sender{VAPID: v, Client: srv.Client()}
	m := Message{Title: "40 分钟后拜访：瑞丰塑胶", Body: strings.Repeat("样品", 2000), URL: "/customers/CU1", Tag: "VISIT_DUE:IN1"}
	out, err := s.Send(context.Background(), srv.URL+"/push/1", to, m, time.Hour, "high")
	if out != Sent || err != nil {
		t.Fatalf("send: %v %v", out, err)
	}
	if got.enc != "aes128gcm" || got.ttl != "3600" || got.urgency != "high" || len(got.topic) != 32 {
		t.Errorf("headers: %+v", got)
	}
	if len(got.body) > 4096 {
		t.Errorf("body of %d bytes: over what a push service takes", len(got.body))
	}
	var back Message
	if err := json.Unmarshal(decrypt(t, ua, auth, got.body), &back); err != nil {
		t.Fatal(err)
	}
	if back.Title != m.Title || back.URL != m.URL || !strings.HasSuffix(back.Body, "…") || !strings.HasPrefix(m.Body, strings.TrimSuffix(back.Body, "…")) {
		t.Errorf("decrypted message: %+v", back)
	}
	// The VAPID token: ES256 by the public key the browser subscribed with, for the
	// endpoint's origin, with the subject.
	parts := strings.SplitN(strings.TrimPrefix(got.auth, "vapid t="), ", k=", 2)
	if len(parts) != 2 || parts[1] != v.PublicKey() {
		t.Fatalf("authorization: %q", got.auth)
	}
	x, y := elliptic.Unmarshal(elliptic.P256(), d64(t, parts[1])) //nolint:staticcheck // the test reads the raw point
	pub := &ecdsa.PublicKey{Curve: elliptic.P256(), X: x, Y: y}
	tok, err := jwt.Parse(parts[0], func(*jwt.Token) (any, error) { return pub, nil }, jwt.WithValidMethods([]string{"ES256"}))
	if err != nil {
		t.Fatalf("token: %v", err)
	}
	claims := tok.Claims.(jwt.MapClaims)
	if claims["aud"] != srv.URL || claims["sub"] != "mailto:ops@example.com" {
		t.Errorf("claims: %v", claims)
	}
	for code, want := range map[int]Outcome{http.StatusGone: Gone, http.StatusNotFound: Gone, http.StatusTooManyRequests: Failed, http.StatusBadGateway: Failed} {
		status = code
		if out, _ := s.Send(context.Background(), srv.URL+"/push/1", to, m, time.Hour, "normal"); out != want {
			t.Errorf("answer %d: outcome %v, want %v", code, out, want)
		}
	}
}

func TestVAPIDIsTheSameFromTheSameSecret(t *testing.T) {
	a, _ := VAPIDFromSecret([]byte(strings.Repeat("a", 32)), "")
	b, _ := VAPIDFromSecret([]byte(strings.Repeat("a", 32)), "")
	c, _ := VAPIDFromSecret([]byte(strings.Repeat("c", 32)), "")
	if a.PublicKey() != b.PublicKey() || a.PublicKey() == c.PublicKey() || len(d64(t, a.PublicKey())) != 65 {
		t.Fatal("the key follows the secret, and only it")
	}
}

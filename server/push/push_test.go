package push

import (
	"crypto/ecdh"
	"encoding/base64"
	"strings"
	"testing"
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

func TestVAPIDIsTheSameFromTheSameSecret(t *testing.T) {
	a, _ := VAPIDFromSecret([]byte(strings.Repeat("a", 32)), "")
	b, _ := VAPIDFromSecret([]byte(strings.Repeat("a", 32)), "")
	c, _ := VAPIDFromSecret([]byte(strings.Repeat("c", 32)), "")
	if a.PublicKey() != b.PublicKey() || a.PublicKey() == c.PublicKey() || len(d64(t, a.PublicKey())) != 65 {
		t.Fatal("the key follows the secret, and only it")
	}
}

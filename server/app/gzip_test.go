package app_test

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"tandem/server/app"
)

// GraphQL answers travel compressed when they are long enough and the client accepts
// gzip; the decompressed answer is the plain one.
func TestGraphQLAnswersCompressed(t *testing.T) {
	e := newEnv(t, "sqlite", envOptions{})
	tok := e.token(e.f.rep1)
	post := func(query, encoding string) (*http.Response, []byte) {
		t.Helper()
		body, _ := json.Marshal(map[string]any{"query": query})
		req, _ := http.NewRequest(http.MethodPost, e.srv.URL+"/graphql", strings.NewReader(string(body)))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+tok)
		if encoding != "" {
			req.Header.Set("Accept-Encoding", encoding)
		}
		// The transport itself, so that it neither asks for gzip nor undoes it.
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		return res, b
	}
	long := `{ __schema { types { name description } } }`
	res, plain := post(long, "")
	if res.Header.Get("Content-Encoding") != "" || len(plain) < 4*app.GzipMinBytes {
		t.Fatalf("without Accept-Encoding: %v, %d bytes", res.Header, len(plain))
	}
	if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
		t.Fatalf("Vary: %q", res.Header.Get("Vary"))
	}
	res, zipped := post(long, "br, gzip;q=0.8")
	if res.Header.Get("Content-Encoding") != "gzip" || res.Header.Get("Content-Length") == "0" {
		t.Fatalf("with gzip: %v", res.Header)
	}
	zr, err := gzip.NewReader(strings.NewReader(string(zipped)))
	if err != nil {
		t.Fatal(err)
	}
	unzipped, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if string(unzipped) != string(plain) {
		t.Fatalf("decompressed answer differs from the plain one (%d vs %d bytes)", len(unzipped), len(plain))
	}
	if len(zipped)*3 > len(plain) {
		t.Fatalf("compressed to %d of %d bytes", len(zipped), len(plain))
	}
	// Short answers (a sign-in's tokens are one) and refused encodings stay plain.
	if res, b := post(`{ me { email } }`, "gzip"); res.Header.Get("Content-Encoding") != "" || !strings.Contains(string(b), "rep1@t.test") {
		t.Fatalf("short answer: %v %s", res.Header, b)
	}
	if res, b := post(long, "gzip;q=0, identity"); res.Header.Get("Content-Encoding") != "" || string(b) != string(plain) {
		t.Fatalf("gzip;q=0: %v", res.Header)
	}
}

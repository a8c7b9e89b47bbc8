package storage_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"tandem/server/storage"
	"tandem/server/storage/storagetest"
)

func get(t *testing.T, u string) (*http.Response, string) {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func TestS3PresignedDownload(t *testing.T) {
	ctx := context.Background()
	srv := storagetest.StartS3(t, "tandem-files")
	s, err := storage.NewS3(ctx, srv.Config())
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Put(ctx, "documents/coa-1", strings.NewReader("%PDF-1.7 certificate")); err != nil {
		t.Fatal(err)
	}
	link, err := s.PresignGet(ctx, "documents/coa-1", "COA Übersicht.pdf", "application/pdf", 5*time.Minute, false)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(link, srv.URL+"/tandem-files/documents/coa-1?") || !strings.Contains(link, "X-Amz-Expires=300") {
		t.Fatalf("link %s", link)
	}
	res, body := get(t, link)
	if res.StatusCode != http.StatusOK || body != "%PDF-1.7 certificate" {
		t.Fatalf("presigned GET: %d %q", res.StatusCode, body)
	}
	if ct := res.Header.Get("Content-Type"); ct != "application/pdf" {
		t.Errorf("Content-Type %q", ct)
	}
	if cd := res.Header.Get("Content-Disposition"); cd != `attachment; filename="COA _bersicht.pdf"; filename*=UTF-8''COA%20%C3%9Cbersicht.pdf` {
		t.Errorf("Content-Disposition %q", cd)
	}

	inline, err := s.PresignGet(ctx, "documents/coa-1", "photo.jpg", "image/jpeg", time.Minute, true)
	if err != nil {
		t.Fatal(err)
	}
	if res, _ := get(t, inline); !strings.HasPrefix(res.Header.Get("Content-Disposition"), "inline;") {
		t.Errorf("inline link answered %q", res.Header.Get("Content-Disposition"))
	}

	// The response headers are part of what is signed: changing them breaks the link.
	u, _ := url.Parse(link)
	q := u.Query()
	q.Set("response-content-type", "text/html")
	u.RawQuery = q.Encode()
	if res, _ := get(t, u.String()); res.StatusCode != http.StatusForbidden {
		t.Errorf("a link with another content type answered %d", res.StatusCode)
	}
	sig := q.Get("X-Amz-Signature")
	q = u.Query()
	q.Set("response-content-type", "application/pdf")
	q.Set("X-Amz-Signature", strings.Repeat("0", len(sig)))
	u.RawQuery = q.Encode()
	if res, _ := get(t, u.String()); res.StatusCode != http.StatusForbidden {
		t.Errorf("an altered signature answered %d", res.StatusCode)
	}
	srv.SetNow(func() time.Time { return time.Now().Add(6 * time.Minute) })
	if res, _ := get(t, link); res.StatusCode != http.StatusForbidden {
		t.Errorf("an expired link answered %d", res.StatusCode)
	}

	for _, ttl := range []time.Duration{0, 8 * 24 * time.Hour} {
		if _, err := s.PresignGet(ctx, "documents/coa-1", "a.pdf", "", ttl, false); err == nil {
			t.Errorf("ttl %s accepted", ttl)
		}
	}
	if _, err := s.PresignGet(ctx, "../x", "a.pdf", "", time.Minute, false); err == nil {
		t.Error("invalid key presigned")
	}
}

func TestS3StartChecks(t *testing.T) {
	ctx := context.Background()
	srv := storagetest.StartS3(t, "tandem-files")

	missing := srv.Config()
	missing.Bucket = "no-such-bucket"
	_, err := storage.NewS3(ctx, missing)
	if err == nil || !strings.Contains(err.Error(), `"no-such-bucket"`) || !strings.Contains(err.Error(), srv.URL) || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("missing bucket: %v", err)
	}
	// Only when asked is the bucket made.
	missing.CreateBucket = true
	s, err := storage.NewS3(ctx, missing)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Put(ctx, "a", strings.NewReader("x")); err != nil {
		t.Fatal(err)
	}

	refused := srv.Config()
	refused.AccessKeyID = "SOMEONEELSE"
	_, err = storage.NewS3(ctx, refused)
	if err == nil || !strings.Contains(err.Error(), `"tandem-files"`) || !strings.Contains(err.Error(), srv.URL) {
		t.Fatalf("refused credentials: %v", err)
	}

	for name, mutate := range map[string]func(*storage.S3Config){
		"no endpoint":     func(c *storage.S3Config) { c.Endpoint = "" },
		"endpoint path":   func(c *storage.S3Config) { c.Endpoint = srv.URL + "/bucket" },
		"endpoint scheme": func(c *storage.S3Config) { c.Endpoint = "ftp://example.com" },
		"no bucket":       func(c *storage.S3Config) { c.Bucket = "" },
		"half a key":      func(c *storage.S3Config) { c.SecretAccessKey = "" },
		"bad prefix":      func(c *storage.S3Config) { c.Prefix = "a/../b" },
	} {
		c := srv.Config()
		mutate(&c)
		if _, err := storage.NewS3(ctx, c); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	// host:port without a scheme: TLS decides.
	plain := srv.Config()
	plain.Endpoint = strings.TrimPrefix(srv.URL, "http://")
	if _, err := storage.NewS3(ctx, plain); err != nil {
		t.Fatalf("host:port endpoint: %v", err)
	}
}

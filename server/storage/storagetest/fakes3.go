// Package storagetest starts a real S3-protocol server (gofakes3, in memory) over
// HTTP for tests of the S3 store: the client under test speaks S3 to it, nothing of
// the client is mocked.
package storagetest

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"

	"tandem/server/storage"
)

// Credentials the server accepts.
const (
	AccessKeyID     = "TANDEMTESTKEY"
	SecretAccessKey = "tandem-test-secret-key-0123456789"
	Region          = "us-east-1"
)

// S3Server is a running S3-protocol server with one bucket.
type S3Server struct {
	URL    string // http://127.0.0.1:port
	Bucket string

	mu  sync.Mutex
	now func() time.Time
}

// StartS3 serves a fresh in-memory S3 with the bucket until the test ends.
//
// gofakes3 checks neither signatures nor credentials, so the server adds what the
// tests need of a real store in front of it: a request signed with another access key
// is refused (403 InvalidAccessKeyId), and a presigned link (X-Amz-Signature in the
// query) is checked in full, AWS Signature Version 4, and refused when altered or
// expired.
func StartS3(t testing.TB, bucket string) *S3Server {
	t.Helper()
	backend := s3mem.New()
	if err := backend.CreateBucket(bucket); err != nil {
		t.Fatal(err)
	}
	fake := gofakes3.New(backend)
	s := &S3Server{Bucket: bucket, now: time.Now}
	inner := fake.Server()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if code, msg := s.refuse(r); code != "" {
			w.Header().Set("Content-Type", "application/xml")
			w.WriteHeader(http.StatusForbidden)
			_, _ = w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>` + code + `</Code><Message>` + msg + `</Message></Error>`))
			return
		}
		inner.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	s.URL = srv.URL
	return s
}

// Config is the store configuration that reaches this server.
func (s *S3Server) Config() storage.S3Config {
	return storage.S3Config{
		Endpoint: s.URL, Bucket: s.Bucket, Region: Region, PathStyle: true,
		AccessKeyID: AccessKeyID, SecretAccessKey: SecretAccessKey,
	}
}

// SetNow sets the server's clock for the expiry of presigned links.
func (s *S3Server) SetNow(now func() time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.now = now
}

func (s *S3Server) clock() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.now()
}

// refuse returns an S3 error code and message for a request a real store would
// refuse for its credentials, or "" to let it through.
func (s *S3Server) refuse(r *http.Request) (string, string) {
	q := r.URL.Query()
	if q.Get("X-Amz-Signature") != "" {
		return s.checkPresigned(r)
	}
	auth := r.Header.Get("Authorization")
	_, cred, ok := strings.Cut(auth, "Credential=")
	if !ok || !strings.HasPrefix(cred, AccessKeyID+"/") {
		return "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records."
	}
	return "", ""
}

// checkPresigned verifies a presigned GET (SigV4, query parameters, host signed).
func (s *S3Server) checkPresigned(r *http.Request) (string, string) {
	q := r.URL.Query()
	if q.Get("X-Amz-Algorithm") != "AWS4-HMAC-SHA256" || q.Get("X-Amz-SignedHeaders") != "host" {
		return "AccessDenied", "unsupported presigned request"
	}
	cred := strings.Split(q.Get("X-Amz-Credential"), "/")
	if len(cred) != 5 || cred[0] != AccessKeyID {
		return "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records."
	}
	at, err := time.Parse("20060102T150405Z", q.Get("X-Amz-Date"))
	expires, eerr := strconv.Atoi(q.Get("X-Amz-Expires"))
	if err != nil || eerr != nil {
		return "AccessDenied", "bad X-Amz-Date or X-Amz-Expires"
	}
	if s.clock().After(at.Add(time.Duration(expires) * time.Second)) {
		return "AccessDenied", "Request has expired"
	}
	got := q.Get("X-Amz-Signature")
	q.Del("X-Amz-Signature")
	canonical := strings.Join([]string{
		r.Method, r.URL.EscapedPath(), strings.ReplaceAll(q.Encode(), "+", "%20"),
		"host:" + r.Host + "\n", "host", "UNSIGNED-PAYLOAD",
	}, "\n")
	sum := sha256.Sum256([]byte(canonical))
	scope := strings.Join(cred[1:], "/")
	toSign := "AWS4-HMAC-SHA256\n" + q.Get("X-Amz-Date") + "\n" + scope + "\n" + hex.EncodeToString(sum[:])
	key := []byte("AWS4" + SecretAccessKey)
	for _, part := range cred[1:] {
		key = mac(key, part)
	}
	if !hmac.Equal([]byte(hex.EncodeToString(mac(key, toSign))), []byte(got)) {
		return "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided."
	}
	return "", ""
}

// List names the bucket's objects, then its unfinished multipart uploads (as
// "unfinished upload of KEY"), both of which a failed upload could leave.
func (s *S3Server) List(ctx context.Context) ([]string, error) {
	c, err := minio.New(strings.TrimPrefix(s.URL, "http://"), &minio.Options{
		Creds: credentials.NewStaticV4(AccessKeyID, SecretAccessKey, ""), BucketLookup: minio.BucketLookupPath,
	})
	if err != nil {
		return nil, err
	}
	var out []string
	for o := range c.ListObjects(ctx, s.Bucket, minio.ListObjectsOptions{Recursive: true}) {
		if o.Err != nil {
			return nil, o.Err
		}
		out = append(out, o.Key)
	}
	ups, err := minio.Core{Client: c}.ListMultipartUploads(ctx, s.Bucket, "", "", "", "", 1000)
	// gofakes3 answers NoSuchUpload for a bucket that never had a multipart upload.
	if err != nil && minio.ToErrorResponse(err).Code != "NoSuchUpload" {
		return nil, err
	}
	for _, u := range ups.Uploads {
		out = append(out, "unfinished upload of "+u.Key)
	}
	return out, nil
}

func mac(key []byte, data string) []byte {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(data))
	return h.Sum(nil)
}

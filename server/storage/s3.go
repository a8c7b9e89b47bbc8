package storage

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// Presigner is implemented by stores that can hand out a short-lived link to a file
// which the client fetches from the store itself, not through Tandem.
type Presigner interface {
	// PresignGet returns a URL that answers GET with the file of key for ttl, named
	// filename, of the given content type, inline (shown) or as an attachment.
	PresignGet(ctx context.Context, key, filename, contentType string, ttl time.Duration, inline bool) (string, error)
}

// S3Config says where an S3-compatible object store is (AWS S3, MinIO, Ceph, …).
type S3Config struct {
	// Endpoint is "host:port" or a URL ("https://s3.eu-central-1.amazonaws.com"); a
	// URL's scheme decides TLS, otherwise TLS does.
	Endpoint        string
	Bucket          string
	Region          string
	AccessKeyID     string
	SecretAccessKey string
	TLS             bool
	// Prefix is put before every key ("tandem/" keeps the files under tandem/).
	Prefix string
	// PathStyle addresses the bucket in the path (http://host/bucket/key), as MinIO
	// and most self-hosted servers want, instead of as a host name.
	PathStyle bool
	// CreateBucket makes the bucket when it is missing instead of refusing to start.
	CreateBucket bool
}

// s3PartSize is the most Put sends in one request: larger files go in parts of this
// size, one held in memory at a time per upload (for its Content-MD5).
const s3PartSize = 16 << 20

// S3 is a Store in a bucket of an S3-compatible object store. A PUT is atomic on S3:
// an object is replaced only when its whole new content has arrived.
type S3 struct {
	client *minio.Client
	bucket string
	prefix string
	where  string // endpoint and bucket, for messages
}

// NewS3 connects to the store and checks that the bucket exists and the credentials
// are accepted (or makes the bucket when cfg.CreateBucket says so).
func NewS3(ctx context.Context, cfg S3Config) (*S3, error) {
	host, secure, err := s3Endpoint(cfg.Endpoint, cfg.TLS)
	if err != nil {
		return nil, err
	}
	if cfg.Bucket == "" {
		return nil, errors.New("storage: S3 bucket is not set")
	}
	if (cfg.AccessKeyID == "") != (cfg.SecretAccessKey == "") {
		return nil, errors.New("storage: S3 access key id and secret access key go together")
	}
	prefix, err := s3Prefix(cfg.Prefix)
	if err != nil {
		return nil, err
	}
	lookup := minio.BucketLookupAuto
	if cfg.PathStyle {
		lookup = minio.BucketLookupPath
	}
	client, err := minio.New(host, &minio.Options{
		Creds:        credentials.NewStaticV4(cfg.AccessKeyID, cfg.SecretAccessKey, ""),
		Secure:       secure,
		Region:       cfg.Region,
		BucketLookup: lookup,
	})
	if err != nil {
		return nil, fmt.Errorf("storage: S3 endpoint %q: %w", cfg.Endpoint, err)
	}
	s := &S3{client: client, bucket: cfg.Bucket, prefix: prefix, where: fmt.Sprintf("bucket %q at %s", cfg.Bucket, cfg.Endpoint)}
	ok, err := client.BucketExists(ctx, cfg.Bucket)
	if err != nil {
		return nil, fmt.Errorf("storage: checking %s: %w", s.where, err)
	}
	if !ok && !cfg.CreateBucket {
		return nil, fmt.Errorf("storage: %s does not exist (create it, or set TANDEM_S3_CREATE_BUCKET=true)", s.where)
	}
	if !ok {
		if err := client.MakeBucket(ctx, cfg.Bucket, minio.MakeBucketOptions{Region: cfg.Region}); err != nil {
			return nil, fmt.Errorf("storage: creating %s: %w", s.where, err)
		}
	}
	return s, nil
}

// s3Endpoint reads "host:port" or a URL into the host and whether to use TLS.
func s3Endpoint(endpoint string, tls bool) (string, bool, error) {
	if endpoint == "" {
		return "", false, errors.New("storage: S3 endpoint is not set")
	}
	if !strings.Contains(endpoint, "://") {
		if strings.ContainsAny(endpoint, "/?# ") {
			return "", false, fmt.Errorf("storage: S3 endpoint %q must be host:port or a URL", endpoint)
		}
		return endpoint, tls, nil
	}
	u, err := url.Parse(endpoint)
	if err != nil || u.Host == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.User != nil {
		return "", false, fmt.Errorf("storage: S3 endpoint %q must be a URL with no path, query or user", endpoint)
	}
	switch u.Scheme {
	case "https":
		return u.Host, true, nil
	case "http":
		return u.Host, false, nil
	}
	return "", false, fmt.Errorf("storage: S3 endpoint %q: the scheme must be http or https", endpoint)
}

// s3Prefix checks a key prefix and makes it end with one slash ("" stays "").
func s3Prefix(p string) (string, error) {
	p = strings.Trim(p, "/")
	if p == "" {
		return "", nil
	}
	if !ValidKey(p) {
		return "", fmt.Errorf("storage: S3 prefix %q: segments of letters, digits, '.', '_' and '-' separated by '/'", p)
	}
	return p + "/", nil
}

// object is the object name of key, or ErrInvalidKey.
func (s *S3) object(key string) (string, error) {
	if !ValidKey(key) {
		return "", fmt.Errorf("%w: %q", ErrInvalidKey, key)
	}
	return s.prefix + key, nil
}

// Put implements Store. The content is first spooled to a temporary file, which
// gives its size and SHA-256 before anything is sent: a client that goes away
// mid-upload never reaches the store, and most files go up in one PUT (larger ones
// in parts, aborted on failure). A PUT is atomic on S3, so a failed replacement
// leaves the old content.
func (s *S3) Put(ctx context.Context, key string, r io.Reader) (int64, string, error) {
	name, err := s.object(key)
	if err != nil {
		return 0, "", err
	}
	if err := ctx.Err(); err != nil {
		return 0, "", err
	}
	spool, err := os.CreateTemp("", "tandem-upload-*")
	if err != nil {
		return 0, "", fmt.Errorf("storage: spooling an upload: %w", err)
	}
	defer func() {
		_ = spool.Close()
		_ = os.Remove(spool.Name())
	}()
	h := sha256.New()
	size, err := io.Copy(io.MultiWriter(spool, h), ctxReader{ctx, r})
	if err != nil {
		return 0, "", fmt.Errorf("storage: writing %s: %w", key, err)
	}
	if _, err := spool.Seek(0, io.SeekStart); err != nil {
		return 0, "", fmt.Errorf("storage: %w", err)
	}
	// Content-MD5 lets the store check every request's body; the SHA-256 of the
	// payload is then not signed (the streaming signature it would need on plain
	// HTTP is not spoken by every S3-compatible server).
	_, err = s.client.PutObject(ctx, s.bucket, name, spool, size, minio.PutObjectOptions{
		PartSize: s3PartSize, ContentType: "application/octet-stream", SendContentMd5: true, DisableContentSha256: true,
	})
	if err != nil {
		return 0, "", fmt.Errorf("storage: writing %s to %s: %w", key, s.where, err)
	}
	return size, hex.EncodeToString(h.Sum(nil)), nil
}

// Open implements Store.
func (s *S3) Open(ctx context.Context, key string) (io.ReadCloser, error) {
	name, err := s.object(key)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	obj, err := s.client.GetObject(ctx, s.bucket, name, minio.GetObjectOptions{})
	if err == nil {
		// GetObject is lazy: Stat makes the request and tells a missing key.
		_, err = obj.Stat()
		if err != nil {
			_ = obj.Close()
		}
	}
	if isNoSuchKey(err) {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, key)
	}
	if err != nil {
		return nil, fmt.Errorf("storage: reading %s from %s: %w", key, s.where, err)
	}
	return obj, nil
}

// Delete implements Store.
func (s *S3) Delete(ctx context.Context, key string) error {
	name, err := s.object(key)
	if err != nil {
		return err
	}
	err = s.client.RemoveObject(ctx, s.bucket, name, minio.RemoveObjectOptions{})
	if err != nil && !isNoSuchKey(err) {
		return fmt.Errorf("storage: deleting %s from %s: %w", key, s.where, err)
	}
	return nil
}

// PresignGet implements Presigner: the link names the file and its type in the
// answer's Content-Disposition and Content-Type, which the store sets from the link.
func (s *S3) PresignGet(ctx context.Context, key, filename, contentType string, ttl time.Duration, inline bool) (string, error) {
	name, err := s.object(key)
	if err != nil {
		return "", err
	}
	if ttl < time.Second || ttl > 7*24*time.Hour {
		return "", fmt.Errorf("storage: presigned links live between a second and 7 days, not %s", ttl)
	}
	disposition := "attachment"
	if inline {
		disposition = "inline"
	}
	params := url.Values{}
	params.Set("response-content-disposition", ContentDisposition(disposition, filename))
	if contentType != "" {
		params.Set("response-content-type", contentType)
	}
	u, err := s.client.PresignedGetObject(ctx, s.bucket, name, ttl, params)
	if err != nil {
		return "", fmt.Errorf("storage: presigning %s in %s: %w", key, s.where, err)
	}
	return u.String(), nil
}

func isNoSuchKey(err error) bool {
	if err == nil {
		return false
	}
	code := minio.ToErrorResponse(err).Code
	return code == minio.NoSuchKey || code == "NotFound"
}

var (
	_ Store     = (*S3)(nil)
	_ Presigner = (*S3)(nil)
)

package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strconv"

	"tandem/server/storage"
)

// s3Flags are the object-storage settings as read from flags and the environment.
type s3Flags struct {
	endpoint, bucket, region, keyID, prefix *string
	tls, pathStyle, create, presign         *string
	secret                                  string
}

// newS3Flags registers the object-storage flags. The secret access key is read from
// the environment only, so it does not show in the process list.
func newS3Flags(fs *flag.FlagSet, env func(k, def string) string) *s3Flags {
	return &s3Flags{
		endpoint: fs.String("s3-endpoint", env("TANDEM_S3_ENDPOINT", ""), "S3-compatible object store for uploaded files, host:port or URL, e.g. https://s3.eu-central-1.amazonaws.com or minio.local:9000; default: files under the data dir (TANDEM_S3_ENDPOINT)"),
		bucket:   fs.String("s3-bucket", env("TANDEM_S3_BUCKET", ""), "bucket of the object store; it must exist (TANDEM_S3_BUCKET)"),
		region:   fs.String("s3-region", env("TANDEM_S3_REGION", ""), "region of the bucket, e.g. eu-central-1; asked of the store when empty (TANDEM_S3_REGION)"),
		keyID:    fs.String("s3-access-key-id", env("TANDEM_S3_ACCESS_KEY_ID", ""), "access key id for the object store; its secret is TANDEM_S3_SECRET_ACCESS_KEY (TANDEM_S3_ACCESS_KEY_ID)"),
		prefix:   fs.String("s3-prefix", env("TANDEM_S3_PREFIX", ""), "folder in the bucket the files are kept under, e.g. tandem/ (TANDEM_S3_PREFIX)"),
		tls:      fs.String("s3-tls", env("TANDEM_S3_TLS", ""), "true or false: HTTPS to a host:port endpoint; default true (a URL's scheme decides) (TANDEM_S3_TLS)"),
		pathStyle: fs.String("s3-path-style", env("TANDEM_S3_PATH_STYLE", ""),
			"true: address the bucket in the path (host/bucket/key), as MinIO wants; default: chosen by endpoint (TANDEM_S3_PATH_STYLE)"),
		create: fs.String("s3-create-bucket", env("TANDEM_S3_CREATE_BUCKET", ""), "true: create the bucket when it is missing instead of refusing to start (TANDEM_S3_CREATE_BUCKET)"),
		presign: fs.String("s3-presign", env("TANDEM_S3_PRESIGN", ""),
			"true or false: document downloads redirect to a 5-minute link of the object store instead of streaming through Tandem; default true (TANDEM_S3_PRESIGN)"),
		secret: env("TANDEM_S3_SECRET_ACCESS_KEY", ""),
	}
}

// config checks the settings: none at all means the local store.
func (f *s3Flags) config() (*storage.S3Config, bool, error) {
	var (
		c   = storage.S3Config{Endpoint: *f.endpoint, Bucket: *f.bucket, Region: *f.region, AccessKeyID: *f.keyID, SecretAccessKey: f.secret, Prefix: *f.prefix}
		err error
	)
	if c.Endpoint == "" {
		if c.Bucket+c.Region+c.AccessKeyID+c.SecretAccessKey+c.Prefix+*f.tls+*f.pathStyle+*f.create+*f.presign != "" {
			return nil, false, errors.New("TANDEM_S3_ENDPOINT is not set: the other TANDEM_S3_ settings need it")
		}
		return nil, false, nil
	}
	if c.Bucket == "" {
		return nil, false, errors.New("TANDEM_S3_ENDPOINT needs TANDEM_S3_BUCKET")
	}
	if (c.AccessKeyID == "") != (c.SecretAccessKey == "") {
		return nil, false, errors.New("TANDEM_S3_ACCESS_KEY_ID and TANDEM_S3_SECRET_ACCESS_KEY go together")
	}
	presign := true
	for _, b := range []struct {
		name, raw string
		def       bool
		into      *bool
	}{
		{"TANDEM_S3_TLS", *f.tls, true, &c.TLS},
		{"TANDEM_S3_PATH_STYLE", *f.pathStyle, false, &c.PathStyle},
		{"TANDEM_S3_CREATE_BUCKET", *f.create, false, &c.CreateBucket},
		{"TANDEM_S3_PRESIGN", *f.presign, true, &presign},
	} {
		*b.into = b.def
		if b.raw != "" {
			if *b.into, err = strconv.ParseBool(b.raw); err != nil {
				return nil, false, fmt.Errorf("%s must be true or false (got %q)", b.name, b.raw)
			}
		}
	}
	return &c, presign, nil
}

// openFileStore opens where uploaded files are kept: the S3 bucket when one is
// configured (its bucket checked now, so a wrong setting stops the start), else the
// files directory of the data dir.
func openFileStore(ctx context.Context, cfg Config) (storage.Store, error) {
	if cfg.S3 == nil {
		return storage.NewLocal(filepath.Join(cfg.DataDir, "files"))
	}
	s, err := storage.NewS3(ctx, *cfg.S3)
	if err != nil {
		return nil, fmt.Errorf("file storage: %w", err)
	}
	return s, nil
}

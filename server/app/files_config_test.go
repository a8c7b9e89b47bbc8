package app_test

import (
	"strings"
	"testing"

	"tandem/server/app"
	"tandem/server/storage"
)

func TestConfigS3(t *testing.T) {
	get := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	full := map[string]string{
		"TANDEM_S3_ENDPOINT": "minio.local:9000", "TANDEM_S3_BUCKET": "tandem", "TANDEM_S3_REGION": "eu-central-1",
		"TANDEM_S3_ACCESS_KEY_ID": "AKID", "TANDEM_S3_SECRET_ACCESS_KEY": "secret", "TANDEM_S3_PREFIX": "prod/",
		"TANDEM_S3_TLS": "false", "TANDEM_S3_PATH_STYLE": "true", "TANDEM_S3_PRESIGN": "0",
	}
	c, err := app.ParseConfig(nil, get(full))
	want := storage.S3Config{Endpoint: "minio.local:9000", Bucket: "tandem", Region: "eu-central-1", AccessKeyID: "AKID",
		SecretAccessKey: "secret", Prefix: "prod/", TLS: false, PathStyle: true}
	if err != nil || c.S3 == nil || *c.S3 != want || c.S3Presign {
		t.Fatalf("got %+v presign %v, %v", c.S3, c.S3Presign, err)
	}
	// Flags win over the environment; TLS and presigning are on unless turned off.
	c, err = app.ParseConfig([]string{"--s3-endpoint", "https://s3.amazonaws.com", "--s3-bucket", "other"}, get(map[string]string{"TANDEM_S3_BUCKET": "tandem"}))
	if err != nil || c.S3 == nil || c.S3.Bucket != "other" || !c.S3.TLS || !c.S3Presign || c.S3.PathStyle || c.S3.CreateBucket {
		t.Fatalf("got %+v presign %v, %v", c.S3, c.S3Presign, err)
	}
	// Nothing set: the local store.
	if c, err := app.ParseConfig(nil, get(nil)); err != nil || c.S3 != nil || c.S3Presign {
		t.Fatalf("default: %+v %v", c.S3, err)
	}

	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"TANDEM_S3_BUCKET": "tandem"}, "TANDEM_S3_ENDPOINT is not set"},
		{map[string]string{"TANDEM_S3_PRESIGN": "true"}, "TANDEM_S3_ENDPOINT is not set"},
		{map[string]string{"TANDEM_S3_ENDPOINT": "minio.local:9000"}, "TANDEM_S3_BUCKET"},
		{map[string]string{"TANDEM_S3_ENDPOINT": "m:9000", "TANDEM_S3_BUCKET": "b", "TANDEM_S3_ACCESS_KEY_ID": "AKID"}, "TANDEM_S3_SECRET_ACCESS_KEY"},
		{map[string]string{"TANDEM_S3_ENDPOINT": "m:9000", "TANDEM_S3_BUCKET": "b", "TANDEM_S3_TLS": "yes please"}, "TANDEM_S3_TLS must be true or false"},
		{map[string]string{"TANDEM_S3_ENDPOINT": "m:9000", "TANDEM_S3_BUCKET": "b", "TANDEM_S3_PRESIGN": "maybe"}, "TANDEM_S3_PRESIGN must be true or false"},
	} {
		if _, err := app.ParseConfig(nil, get(tc.env)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: got %v, want an error about %s", tc.env, err, tc.want)
		}
	}
}

package app

import (
	"flag"
	"strings"
	"testing"
)

// Every object-storage setting is named in the flag help; the secret has no flag.
func TestS3FlagHelp(t *testing.T) {
	fs := flag.NewFlagSet("tandem", flag.ContinueOnError)
	newS3Flags(fs, func(_, def string) string { return def })
	var help strings.Builder
	fs.VisitAll(func(f *flag.Flag) {
		help.WriteString(f.Name + " " + f.Usage + "\n")
		if strings.Contains(f.Name, "secret") {
			t.Errorf("flag %s: the secret access key is read from the environment only", f.Name)
		}
	})
	for _, name := range []string{"TANDEM_S3_ENDPOINT", "TANDEM_S3_BUCKET", "TANDEM_S3_REGION", "TANDEM_S3_ACCESS_KEY_ID", "TANDEM_S3_SECRET_ACCESS_KEY",
		"TANDEM_S3_TLS", "TANDEM_S3_PREFIX", "TANDEM_S3_PATH_STYLE", "TANDEM_S3_CREATE_BUCKET", "TANDEM_S3_PRESIGN"} {
		if !strings.Contains(help.String(), name) {
			t.Errorf("flag help does not name %s", name)
		}
	}
}

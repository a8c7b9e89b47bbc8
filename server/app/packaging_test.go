package app_test

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"tandem/server/app"
)

// The container files cannot be built here (no registry), so their essentials are
// read: a static -trimpath build, a non-root final image with /data as its volume,
// and a compose file that sets only settings the server knows.
func TestDockerfile(t *testing.T) {
	src := readRepoFile(t, "Dockerfile")
	stages := strings.Split(src, "\nFROM ")
	final := stages[len(stages)-1]
	for _, want := range []string{"CGO_ENABLED=0", "-trimpath", "./server"} {
		if !strings.Contains(src, want) {
			t.Errorf("the build lacks %s", want)
		}
	}
	if len(stages) < 2 || !regexp.MustCompile(`^(gcr.io/distroless/static\S*|scratch)`).MatchString(final) {
		t.Errorf("the final image is not distroless/static or scratch: FROM %s", strings.SplitN(final, "\n", 2)[0])
	}
	user := regexp.MustCompile(`(?m)^USER\s+(\S+)`).FindStringSubmatch(final)
	if user == nil || strings.HasPrefix(user[1], "root") || strings.HasPrefix(user[1], "0:") || user[1] == "0" {
		t.Errorf("the final image runs as %v, want a non-root user", user)
	}
	for _, want := range []string{`VOLUME /data`, `TANDEM_DATA_DIR=/data`, `EXPOSE 8080`, `TANDEM_ADDR=:8080`, `--chown=65532:65532`} {
		if !strings.Contains(final, want) {
			t.Errorf("the final image lacks %s", want)
		}
	}
}

func TestComposeSettingsAreKnown(t *testing.T) {
	src := readRepoFile(t, "compose.yaml")
	help := app.Help()
	keys := regexp.MustCompile(`(?m)^\s+((?:TANDEM_|DATABASE_)[A-Z0-9_]+):`).FindAllStringSubmatch(src, -1)
	if len(keys) < 5 {
		t.Fatalf("only %d settings found in compose.yaml", len(keys))
	}
	// Object storage is another part of the server; until it is in this build its
	// settings cannot be checked against --help.
	s3Built := strings.Contains(help, "TANDEM_S3_")
	for _, k := range keys {
		if !s3Built && strings.HasPrefix(k[1], "TANDEM_S3_") {
			continue
		}
		if !regexp.MustCompile(`\b` + k[1] + `\b`).MatchString(help) {
			t.Errorf("compose.yaml sets %s, which the server does not read", k[1])
		}
	}
	for _, want := range []string{"image: postgres", "minio", "mc mb", "TANDEM_JWT_SECRET: ${TANDEM_JWT_SECRET:?", "DATABASE_URL: postgres://", "/data"} {
		if !strings.Contains(src, want) {
			t.Errorf("compose.yaml lacks %s", want)
		}
	}
	// The proxy lets an upload of the largest accepted size through.
	conf := readRepoFile(t, "deploy/nginx.conf")
	m := regexp.MustCompile(`client_max_body_size (\d+)m;`).FindStringSubmatch(conf)
	if m == nil {
		t.Fatal("deploy/nginx.conf sets no client_max_body_size")
	}
	if mb, _ := strconv.Atoi(m[1]); int64(mb)<<20 < app.MaxRequestBytes {
		t.Errorf("the proxy refuses bodies over %d MB; uploads may be %d bytes", mb, app.MaxRequestBytes)
	}
}

func TestMakeBuildTrimsPaths(t *testing.T) {
	mk := readRepoFile(t, "Makefile")
	if !regexp.MustCompile(`(?m)^build:\n\t.*go build -trimpath .*-o tandem \./server`).MatchString(strings.ReplaceAll(mk, "$(GO)", "go")) {
		t.Error("make build does not build ./tandem with -trimpath")
	}
}

func readRepoFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("../../" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

package app_test

import (
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"tandem/server/app"
)

// --help names every variable the server reads: each "TANDEM_…" or DATABASE_URL
// written in server/app's code must appear in it.
func TestHelpListsEveryVariable(t *testing.T) {
	help := app.Help()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	key := regexp.MustCompile(`"((?:TANDEM_|DATABASE_)[A-Z0-9_]+)"`)
	seen := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range key.FindAllStringSubmatch(string(src), -1) {
			seen++
			if !regexp.MustCompile(`\b` + m[1] + `\b`).MatchString(help) {
				t.Errorf("%s reads %s but --help does not name it", f, m[1])
			}
		}
	}
	if seen < 20 {
		t.Fatalf("only %d variables found in the code: is the pattern still right?", seen)
	}
	for _, want := range []string{"-metrics-addr", "-log-format", "-version", "tandem backup --out"} {
		if !strings.Contains(help, want) {
			t.Errorf("--help lacks %s", want)
		}
	}
}

func TestOperationsSettings(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	c, err := app.ParseConfig([]string{"--metrics", "--db-max-open-conns=8", "--write-timeout", "5m"}, env(map[string]string{
		"TANDEM_LOG_FORMAT": "json", "TANDEM_LOG_LEVEL": "debug", "TANDEM_DB_MAX_OPEN_CONNS": "2", "TANDEM_SHUTDOWN_GRACE": "45s",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if !c.Metrics || c.LogFormat != "json" || c.LogLevel != slog.LevelDebug || c.DBMaxOpenConns != 8 ||
		c.WriteTimeout != 5*time.Minute || c.ShutdownGrace != 45*time.Second || c.ReadHeaderTimeout != 10*time.Second {
		t.Fatalf("settings not read (a flag wins over its variable): %+v", c.Operations)
	}
	for _, tc := range []struct {
		args []string
		env  map[string]string
		want string
	}{
		{env: map[string]string{"TANDEM_LOG_FORMAT": "xml"}, want: "--log-format / TANDEM_LOG_FORMAT"},
		{env: map[string]string{"TANDEM_LOG_LEVEL": "loud"}, want: "TANDEM_LOG_LEVEL"},
		{env: map[string]string{"TANDEM_METRICS": "yes"}, want: "want true or false"},
		{env: map[string]string{"TANDEM_DB_MAX_OPEN_CONNS": "-1"}, want: "TANDEM_DB_MAX_OPEN_CONNS"},
		{args: []string{"--db-max-open-conns=2", "--db-max-idle-conns=5"}, want: "must not exceed"},
		{env: map[string]string{"TANDEM_READ_TIMEOUT": "0"}, want: "TANDEM_READ_TIMEOUT"},
		{env: map[string]string{"TANDEM_WRITE_TIMEOUT": "soon"}, want: "TANDEM_WRITE_TIMEOUT"},
		{args: []string{"--metrics-addr", "9090"}, want: "host:port"},
		{args: []string{"--metrics-addr", ":8080"}, want: "must differ from --addr"},
		{args: []string{"--pprof-addr", ":8080"}, want: "address of its own"},
	} {
		if _, err := app.ParseConfig(tc.args, env(tc.env)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v %v: error %v, want %q", tc.args, tc.env, err, tc.want)
		}
	}
}

// JSON logs by setting, and the level set is the lowest logged.
func TestNewLogger(t *testing.T) {
	var b strings.Builder
	log := app.NewLogger(&b, app.Operations{LogFormat: "json", LogLevel: slog.LevelWarn})
	log.Info("hidden")
	log.Warn("shown", "k", 1)
	if out := strings.TrimSpace(b.String()); strings.Contains(out, "hidden") || !strings.HasPrefix(out, "{") || !strings.Contains(out, `"msg":"shown"`) {
		t.Fatalf("log: %q", out)
	}
}

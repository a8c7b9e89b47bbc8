package app

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionOf(t *testing.T) {
	bi := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.3"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "abc123"}, {Key: "vcs.time", Value: "2026-12-05T03:00:00Z"}, {Key: "vcs.modified", Value: "true"},
		{Key: "-trimpath", Value: "true"}, {Key: "GOOS", Value: "linux"}, {Key: "GOARCH", Value: "amd64"},
	}}
	got := versionOf(bi)
	for _, want := range []string{"tandem v1.2.3", "commit abc123 (modified)", "committed 2026-12-05T03:00:00Z", "go1.26.8 linux/amd64, trimpath yes"} {
		if !strings.Contains(got, want) {
			t.Errorf("version lacks %q:\n%s", want, got)
		}
	}
	bare := versionOf(&debug.BuildInfo{GoVersion: "go1.26.8"})
	if !strings.Contains(bare, "tandem (devel)") || !strings.Contains(bare, "commit unknown") || !strings.Contains(bare, "trimpath no") {
		t.Errorf("version without build settings:\n%s", bare)
	}
}

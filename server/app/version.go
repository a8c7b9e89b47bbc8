package app

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// Commit names the commit when the build has no version control information (a
// container build without .git): go build -ldflags "-X tandem/server/app.Commit=…".
var Commit string

// Version describes the build: module version, commit, its time and whether the
// tree had changes, the Go version and whether paths were trimmed (-trimpath keeps
// the build machine's paths out of panics and the binary).
func Version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "tandem (no build information)\n" + runtime.Version()
	}
	return versionOf(bi)
}

func versionOf(bi *debug.BuildInfo) string {
	s := map[string]string{}
	for _, kv := range bi.Settings {
		s[kv.Key] = kv.Value
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "tandem %s\n", v)
	if rev := s["vcs.revision"]; rev != "" {
		modified := ""
		if s["vcs.modified"] == "true" {
			modified = " (modified)"
		}
		fmt.Fprintf(&b, "commit %s%s\n", rev, modified)
		if t := s["vcs.time"]; t != "" {
			fmt.Fprintf(&b, "committed %s\n", t)
		}
	} else if Commit != "" {
		fmt.Fprintf(&b, "commit %s\n", Commit)
	} else {
		b.WriteString("commit unknown (built without version control information)\n")
	}
	trim := "no"
	if s["-trimpath"] == "true" {
		trim = "yes"
	}
	fmt.Fprintf(&b, "%s %s/%s, trimpath %s", bi.GoVersion, s["GOOS"], s["GOARCH"], trim)
	return b.String()
}

// Command gqlgen generates graph/generated (the executor) and the resolver stubs, as
// `gqlgen generate` does, with one change: fields and list elements are resolved in
// the goroutine that asks for them, not in one goroutine each.
//
// Tandem's lists are read ahead by ent (entgql collects the fields a query asks for
// and loads each edge of a page in one statement), so resolving a field never waits
// on the database. A goroutine per field and per list element then only costs: on a
// page of 50 accounts with their contacts and samples it started about 1,500
// goroutines, whose stacks grew and were scanned, for no parallel work.
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/99designs/gqlgen/api"
	"github.com/99designs/gqlgen/codegen"
	"github.com/99designs/gqlgen/codegen/config"
)

// sequential is the plugin that turns off per-field concurrency on every object.
type sequential struct{}

func (sequential) Name() string { return "sequential" }

func (sequential) GenerateCode(data *codegen.Data) error {
	for _, o := range data.Objects {
		o.DisableConcurrency = true
	}
	return nil
}

// The executor's rewrites, each an exact text and its replacement:
//   - list marshalling becomes the hand-written sequential one (graph/generated/slice.go);
//   - the @defer group each object starts, which walks and copies the object's path, is
//     left empty: the schema declares no @defer and, with no field concurrent, nothing
//     is ever added to it (so ProcessDeferredGroup is never called).
var rewrites = []struct{ from, to string }{
	{"graphql.MarshalSliceConcurrently(ctx, len(v), 0, false, func(", "marshalSlice(ctx, len(v), func("},
	{"deferred := graphql.NewDeferredGroup(ctx)", "var deferred graphql.DeferredGroup // graph/gqlgen: no @defer"},
}

func main() {
	cfg, err := config.LoadConfigFromDefaultLocations()
	if err != nil {
		fail(err)
	}
	if err := api.Generate(cfg, api.AddPlugin(sequential{})); err != nil {
		fail(err)
	}
	path := cfg.Exec.Filename
	raw, err := os.ReadFile(path)
	if err != nil {
		fail(err)
	}
	src := string(raw)
	for _, r := range rewrites {
		if !strings.Contains(src, r.from) {
			fail(fmt.Errorf("%s has no %q: gqlgen's executor changed; update graph/gqlgen", path, r.from))
		}
		src = strings.ReplaceAll(src, r.from, r.to)
	}
	// The empty group is only sound while nothing schedules deferred work.
	for _, used := range []string{"ResolveConcurrently(", "&deferred", "deferred.FieldSet"} {
		if strings.Contains(src, used) {
			fail(fmt.Errorf("%s uses %q: deferred or concurrent fields are back; update graph/gqlgen", path, used))
		}
	}
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gqlgen:", err)
	os.Exit(1)
}

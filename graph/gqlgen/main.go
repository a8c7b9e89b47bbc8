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
	"regexp"
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
//     is ever added to it (so ProcessDeferredGroup is never called);
//   - an operation's answer is marshalled into pooled memory (graph/generated/answer.go),
//     which the transport gives back once the answer is written.
var rewrites = []struct{ from, to string }{
	{"graphql.MarshalSliceConcurrently(ctx, len(v), 0, false, func(", "marshalSlice(ctx, len(v), func("},
	{"deferred := graphql.NewDeferredGroup(ctx)", "var deferred graphql.DeferredGroup // graph/gqlgen: no @defer"},
	{"var buf bytes.Buffer\n\t\t\tdata.MarshalGQL(&buf)", "buf := bytes.NewBuffer(AnswerBytes())\n\t\t\tdata.MarshalGQL(buf)"},
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
	src, n := plainFields(src)
	if n == 0 {
		fail(fmt.Errorf("%s: no plain field found: gqlgen's field resolvers changed; update graph/gqlgen", path))
	}
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		fail(err)
	}
}

// plainFieldFunc is gqlgen's resolver of a field that reads a struct field of its
// row: no resolver method, no arguments, no directive.
var plainFieldFunc = regexp.MustCompile(`func \(ec \*executionContext\) _([A-Za-z0-9]+)_([A-Za-z0-9]+)\(ctx context\.Context, field graphql\.CollectedField, obj \*[\w.]+\) \(ret graphql\.Marshaler\) \{
	return graphql\.ResolveField\(
		ctx,
		ec\.OperationContext,
		field,
		func\(ctx context\.Context, field graphql\.CollectedField\) \(\*graphql\.FieldContext, error\) \{
			return (ec\.fieldContext_[A-Za-z0-9]+_[A-Za-z0-9]+)\(ctx, field\)
		\},
		func\(ctx context\.Context\) \(any, error\) \{
			return (obj\.\w+), nil
		\},
		nil,
		func\(ctx context\.Context, selections ast\.SelectionSet, v [^)\n]+\) graphql\.Marshaler \{
			return ec\.(marshal[^\s(]+)\(ctx, selections, v\)
		\},
		true,
		(true|false),
	\)
\}`)

// plainFields makes the resolvers of plain fields call plainField
// (graph/generated/plain.go), which answers them without gqlgen's per-field
// machinery when the operation's field access says nothing stands in the way. Only
// scalar and enum fields whose marshaller cannot report an error are rewritten, and a
// non-null time when it is not zero (a zero time marshals as null, an error): an error
// is reported at the field's path, and an object's or list's fields are resolved
// under it, which the short way has not made.
func plainFields(src string) (string, int) {
	n := 0
	out := plainFieldFunc.ReplaceAllStringFunc(src, func(fn string) string {
		m := plainFieldFunc.FindStringSubmatch(fn)
		object, fieldContext, value, marshal, nonNull := m[1], m[3], m[4], m[5], m[6]
		call := fmt.Sprintf("plainField(ctx, ec.OperationContext, %q, field, %s, %s, ec.%s, %s)", object, fieldContext, value, marshal, nonNull)
		head := fn[:strings.Index(fn, "{\n")+2]
		switch {
		case scalarNeverNull(src, marshal):
			n++
			return head + "\treturn " + call + " // graph/gqlgen: plainFields\n}"
		case marshal == "marshalNTime2timeᚐTime":
			// A time is null only when zero: that one goes the whole way.
			n++
			return head + fmt.Sprintf("\tif !%s.IsZero() {\n\t\treturn %s // graph/gqlgen: plainFields\n\t}\n", value, call) + fn[len(head):]
		}
		return fn
	})
	return out, n
}

// scalarNeverNull reports whether a generated marshaller marshals a scalar or enum
// and never reports an error: a nullable one (marshalO…) that calls no other
// marshaller, or a non-null one whose body returns its value or marshals a string,
// boolean or integer (which are never null).
func scalarNeverNull(src, marshal string) bool {
	start := strings.Index(src, "func (ec *executionContext) "+marshal+"(")
	if start < 0 {
		return false
	}
	body := src[start:]
	body = body[:strings.Index(body, "\n}\n")]
	lines := strings.Split(body, "\n")[1:]
	switch {
	case strings.HasPrefix(marshal, "marshalO"):
		return !strings.Contains(strings.Join(lines, "\n"), "ec.")
	case len(lines) == 1 && strings.TrimSpace(lines[0]) == "return v":
		return true
	case len(lines) == 6 && strings.TrimSpace(lines[0]) == "_ = sel":
		for _, safe := range []string{"graphql.MarshalString(v)", "graphql.MarshalBoolean(v)", "graphql.MarshalInt(v)"} {
			if strings.TrimSpace(lines[1]) == "res := "+safe {
				return true
			}
		}
	}
	return false
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gqlgen:", err)
	os.Exit(1)
}

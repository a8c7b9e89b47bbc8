// Command sdl writes graph/schema.graphql: the whole GraphQL schema in one file, as
// partners see it at /graphql/schema.graphql. Run by `go generate ./...` from the
// module root after gqlgen, from the same sources gqlgen reads.
package main

import (
	"bytes"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/formatter"
)

func main() {
	files, err := filepath.Glob("graph/*.graphql")
	if err != nil {
		log.Fatal(err)
	}
	sort.Strings(files)
	var sources []*ast.Source
	for _, f := range files {
		if filepath.Base(f) == "schema.graphql" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			log.Fatal(err)
		}
		sources = append(sources, &ast.Source{Name: f, Input: string(b)})
	}
	schema, err := gqlparser.LoadSchema(sources...)
	if err != nil {
		log.Fatalf("schema: %v", err)
	}
	stripCodegenDirectives(schema)
	var buf bytes.Buffer
	buf.WriteString("# The Tandem GraphQL schema, generated from graph/*.graphql by `go generate ./...`.\n# Served at /graphql/schema.graphql. Do not edit.\n\n")
	formatter.NewFormatter(&buf, formatter.WithIndent("  ")).FormatSchema(schema)
	out := strings.ReplaceAll(buf.String(), "\t", "  ")
	if err := os.WriteFile("graph/schema.graphql", []byte(out), 0o644); err != nil {
		log.Fatal(err)
	}
}

// codegen directives tell gqlgen which Go types to use; they mean nothing to a client.
var codegen = map[string]bool{"goField": true, "goModel": true, "goTag": true, "goExtraField": true}

func stripCodegenDirectives(schema *ast.Schema) {
	for name := range codegen {
		delete(schema.Directives, name)
	}
	keep := func(list ast.DirectiveList) ast.DirectiveList {
		var out ast.DirectiveList
		for _, d := range list {
			if !codegen[d.Name] {
				out = append(out, d)
			}
		}
		return out
	}
	for _, def := range schema.Types {
		def.Directives = keep(def.Directives)
		for _, f := range def.Fields {
			f.Directives = keep(f.Directives)
		}
		for _, v := range def.EnumValues {
			v.Directives = keep(v.Directives)
		}
	}
}

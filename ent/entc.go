//go:build ignore

// Generates the ent client and graph/ent.graphql. Run through `go generate ./...` from
// the module root, so the paths below match gqlgen.yml.
package main

import (
	"encoding/json"
	"fmt"
	"go/format"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/entc"
	"entgo.io/ent/entc/gen"
	entschema "entgo.io/ent/schema"
	"github.com/vektah/gqlparser/v2/ast"
)

func main() {
	ex, err := entgql.NewExtension(
		entgql.WithSchemaGenerator(),
		entgql.WithWhereInputs(true),
		entgql.WithConfigPath("./gqlgen.yml"),
		entgql.WithSchemaPath("./graph/ent.graphql"),
		entgql.WithNodeDescriptor(false),
		entgql.WithSchemaHook(typeDescriptions, deprecateInputs),
	)
	if err != nil {
		log.Fatalf("entgql: %v", err)
	}
	err = entc.Generate("./ent/schema", &gen.Config{
		Features: []gen.Feature{
			gen.FeaturePrivacy,
			gen.FeatureEntQL,
			gen.FeatureUpsert,
			gen.FeatureLock,
			gen.FeatureModifier,
			gen.FeatureExecQuery,
			gen.FeatureIntercept,
		},
	}, entc.Extensions(ex))
	if err != nil {
		log.Fatalf("entc: %v", err)
	}
	if err := countOnlyWhenAsked("./ent/gql_pagination.go"); err != nil {
		log.Fatalf("entc: %v", err)
	}
	if err := markLoadKeys("./ent"); err != nil {
		log.Fatalf("entc: %v", err)
	}
}

// loaderWhere is the predicate of ent's loader of a one-to-many edge: the children
// whose foreign key is one of the parents' ids.
var loaderWhere = regexp.MustCompile(`(?m)^(\t\ts\.Where\(sql\.InValues\(s\.C\((\w+\.\w+Column)\), fks\.\.\.\)\)\n)`)

// markLoadKeys makes every one-to-many loader mark its query with the parents' ids
// (ent/loadkeys), so that a privacy rule's sub-select over the parents' table asks
// only about those parents instead of all the viewer's.
func markLoadKeys(dir string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*_query.go"))
	if err != nil {
		return err
	}
	marked := 0
	for _, path := range files {
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		src := string(raw)
		n := len(loaderWhere.FindAllStringIndex(src, -1))
		if n == 0 {
			continue
		}
		const pred = "\t\"tandem/ent/predicate\"\n"
		if !strings.Contains(src, pred) {
			return fmt.Errorf("%s: no import of tandem/ent/predicate; update markLoadKeys", path)
		}
		src = strings.Replace(src, pred, "\t\"tandem/ent/loadkeys\"\n"+pred, 1)
		src = loaderWhere.ReplaceAllString(src, "${1}\t\tloadkeys.Mark(s, ${2}, fks) // ent/entc.go: markLoadKeys\n")
		out, err := format.Source([]byte(src)) // sorts the new import in
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if err := os.WriteFile(path, out, 0o644); err != nil {
			return err
		}
		marked += n
	}
	if marked == 0 {
		return fmt.Errorf("%s: no one-to-many loader found; ent's loaders changed, update markLoadKeys", dir)
	}
	return nil
}

// countOnlyWhenAsked rewrites entgql's connections so that a page counts its rows only
// when the query asks for totalCount, or for pageInfo without edges (then the count is
// how it knows whether there is a next page). entgql also counts whenever pageInfo is
// asked, though the page it reads (one row more than asked) already answers
// hasNextPage: one statement per list that scans every row the viewer may read.
func countOnlyWhenAsked(path string) error {
	const (
		from = "if hasCollectedField(ctx, totalCountField) || hasCollectedField(ctx, pageInfoField) {"
		to   = "if hasCollectedField(ctx, totalCountField) || hasCollectedField(ctx, pageInfoField) && (ignoredEdges || (first != nil && *first == 0) || (last != nil && *last == 0)) { // ent/entc.go: countOnlyWhenAsked"
	)
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	src := string(raw)
	if strings.Count(src, from) == 0 {
		return fmt.Errorf("%s: no %q: entgql's pagination changed; update countOnlyWhenAsked", path, from)
	}
	return os.WriteFile(path, []byte(strings.ReplaceAll(src, from, to)), 0o644)
}

// typeDescriptions gives a GraphQL type the description of its ent schema's
// schema.Comment annotation, and a connection edge its comment (entgql describes
// fields and plain edges, not types nor connections).
func typeDescriptions(g *gen.Graph, s *ast.Schema) error {
	name := (&entschema.CommentAnnotation{}).Name()
	for _, n := range g.Nodes {
		def := s.Types[n.Name]
		if def == nil {
			continue
		}
		for _, e := range n.Edges {
			if f := def.Fields.ForName(lowerCamel(e.Name)); f != nil && f.Description == "" {
				f.Description = e.Comment()
			}
		}
		raw, ok := n.Annotations[name]
		if !ok {
			continue
		}
		var c entschema.CommentAnnotation
		b, err := json.Marshal(raw)
		if err != nil {
			return err
		}
		if err := json.Unmarshal(b, &c); err != nil {
			return err
		}
		def.Description = c.Text
	}
	return nil
}

func lowerCamel(snake string) string {
	parts := strings.Split(snake, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}

// deprecatedInputs are generated input fields on their way out: clients are told to
// move off them (a field is removed only in a later release, after this), and the
// server refuses or translates them meanwhile. Key: "Input.field".
var deprecatedInputs = map[string]string{
	"CreateCustomerInput.stage":                 "A new account starts at PROSPECT: stages follow evidence, or a manager's setCustomerStage. Any other value is refused.",
	"CreateKeyPersonInput.lastContactedAt":      "Derived from the interactions the person took part in; refused when set.",
	"UpdateKeyPersonInput.lastContactedAt":      "Derived from the interactions the person took part in; refused when set.",
	"UpdateKeyPersonInput.clearLastContactedAt": "Derived from the interactions the person took part in; refused when set.",
	"UpdateIssueInput.reportedAt":               "When a problem was reported is a fact fixed at creation; refused when set.",
	"CreateChangeNoticeInput.status":            "A new notice is a DRAFT; it is issued only by issueChangeNotice. Any other value is refused.",
	"UpdateChangeNoticeInput.status":            "A notice's status changes only through issueChangeNotice and acknowledgeChangeNotice; refused when set.",
	"CreateChangeNoticeInput.issuedAt":          "Set by issueChangeNotice; refused when set.",
	"UpdateChangeNoticeInput.issuedAt":          "Set by issueChangeNotice; refused when set.",
	"UpdateChangeNoticeInput.clearIssuedAt":     "Set by issueChangeNotice; refused when set.",
}

// deprecateInputs marks the input fields of deprecatedInputs @deprecated.
func deprecateInputs(_ *gen.Graph, s *ast.Schema) error {
	for key, reason := range deprecatedInputs {
		typ, field, _ := strings.Cut(key, ".")
		def := s.Types[typ]
		if def == nil || def.Fields.ForName(field) == nil {
			return fmt.Errorf("deprecatedInputs: %s does not exist", key)
		}
		f := def.Fields.ForName(field)
		f.Directives = append(f.Directives, &ast.Directive{Name: "deprecated", Arguments: ast.ArgumentList{
			{Name: "reason", Value: &ast.Value{Kind: ast.StringValue, Raw: reason}},
		}})
	}
	return nil
}

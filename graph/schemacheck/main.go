// Command schemacheck compares two GraphQL schemas (SDL files such as
// graph/schema.graphql) and reports the changes that break existing clients:
//
//	go run ./graph/schemacheck OLD NEW
//
// Breaking: a type removed or turned into another kind; a field removed from an
// object or interface, or its type made looser (non-null → nullable, another type);
// an argument or input field removed, made stricter (nullable → non-null, another
// type), or a new required one (non-null without default); an enum value, union
// member or implemented interface removed. A removal or type change is allowed when
// the old schema marked the field, argument, input field or enum value @deprecated.
//
// Each breaking change is printed as `BREAKING: Type.field: what`; the exit status is
// 1 when there is any, 2 when a schema cannot be read.
package main

import (
	"fmt"
	"os"
	"slices"
	"sort"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: schemacheck OLD.graphql NEW.graphql")
		os.Exit(2)
	}
	oldSchema, err := load(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	newSchema, err := load(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	breaking := check(oldSchema, newSchema)
	for _, b := range breaking {
		fmt.Println("BREAKING: " + b)
	}
	if len(breaking) > 0 {
		fmt.Fprintf(os.Stderr, "%d breaking schema change(s): deprecate first (@deprecated), remove in a later release\n", len(breaking))
		os.Exit(1)
	}
	fmt.Println("schema: no breaking changes")
}

func load(path string) (*ast.Schema, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parse(path, string(b))
}

func parse(name, sdl string) (*ast.Schema, error) {
	s, err := gqlparser.LoadSchema(&ast.Source{Name: name, Input: sdl})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return s, nil
}

// check lists the breaking changes from old to new, sorted.
func check(old, new *ast.Schema) []string {
	var out []string
	report := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }

	for _, name := range sortedKeys(old.Types) {
		ot := old.Types[name]
		if ot.BuiltIn {
			continue
		}
		nt := new.Types[name]
		if nt == nil {
			if !deprecated(ot.Directives) {
				report("%s: %s removed", name, kindName(ot.Kind))
			}
			continue
		}
		if nt.Kind != ot.Kind {
			report("%s: changed from %s to %s", name, kindName(ot.Kind), kindName(nt.Kind))
			continue
		}
		switch ot.Kind {
		case ast.Object, ast.Interface:
			checkOutputFields(ot, nt, report)
			for _, iface := range ot.Interfaces {
				if !slices.Contains(nt.Interfaces, iface) {
					report("%s: no longer implements %s", name, iface)
				}
			}
		case ast.InputObject:
			checkInputFields(ot, nt, report)
		case ast.Enum:
			for _, v := range ot.EnumValues {
				if nt.EnumValues.ForName(v.Name) == nil && !deprecated(v.Directives) {
					report("%s.%s: enum value removed", name, v.Name)
				}
			}
		case ast.Union:
			for _, m := range ot.Types {
				if !slices.Contains(nt.Types, m) {
					report("%s: union member %s removed", name, m)
				}
			}
		}
	}
	checkRoots(old, new, report)
	sort.Strings(out)
	return out
}

func checkOutputFields(ot, nt *ast.Definition, report func(string, ...any)) {
	for _, of := range ot.Fields {
		if isIntrospection(of.Name) {
			continue
		}
		where := ot.Name + "." + of.Name
		nf := nt.Fields.ForName(of.Name)
		if nf == nil {
			if !deprecated(of.Directives) {
				report("%s: field removed", where)
			}
			continue
		}
		if !deprecated(of.Directives) && !outputCompatible(of.Type, nf.Type) {
			report("%s: type changed from %s to %s", where, of.Type, nf.Type)
		}
		checkArguments(where, of.Arguments, nf.Arguments, report)
	}
}

func checkArguments(where string, olds, news ast.ArgumentDefinitionList, report func(string, ...any)) {
	for _, oa := range olds {
		at := fmt.Sprintf("%s(%s)", where, oa.Name)
		na := news.ForName(oa.Name)
		if na == nil {
			if !deprecated(oa.Directives) {
				report("%s: argument removed", at)
			}
			continue
		}
		if !deprecated(oa.Directives) && !inputCompatible(oa.Type, na.Type) {
			report("%s: argument type changed from %s to %s", at, oa.Type, na.Type)
		}
	}
	for _, na := range news {
		if olds.ForName(na.Name) == nil && na.Type.NonNull && na.DefaultValue == nil {
			report("%s(%s): new required argument %s without a default", where, na.Name, na.Type)
		}
	}
}

func checkInputFields(ot, nt *ast.Definition, report func(string, ...any)) {
	for _, of := range ot.Fields {
		where := ot.Name + "." + of.Name
		nf := nt.Fields.ForName(of.Name)
		if nf == nil {
			if !deprecated(of.Directives) {
				report("%s: input field removed", where)
			}
			continue
		}
		if !deprecated(of.Directives) && !inputCompatible(of.Type, nf.Type) {
			report("%s: input field type changed from %s to %s", where, of.Type, nf.Type)
		}
	}
	for _, nf := range nt.Fields {
		if ot.Fields.ForName(nf.Name) == nil && nf.Type.NonNull && nf.DefaultValue == nil {
			report("%s.%s: new required input field %s without a default", nt.Name, nf.Name, nf.Type)
		}
	}
}

// checkRoots reports a root operation type that went away or was renamed.
func checkRoots(old, new *ast.Schema, report func(string, ...any)) {
	roots := []struct {
		op       string
		old, new *ast.Definition
	}{{"query", old.Query, new.Query}, {"mutation", old.Mutation, new.Mutation}, {"subscription", old.Subscription, new.Subscription}}
	for _, r := range roots {
		switch {
		case r.old == nil:
		case r.new == nil:
			report("schema.%s: root operation type %s removed", r.op, r.old.Name)
		case r.new.Name != r.old.Name:
			report("schema.%s: root operation type changed from %s to %s", r.op, r.old.Name, r.new.Name)
		}
	}
}

// outputCompatible: what a client read as old can still be read as new. A result
// may become stricter (nullable → non-null), never looser, nor another type.
func outputCompatible(old, new *ast.Type) bool {
	if old.NonNull && !new.NonNull {
		return false
	}
	if (old.Elem == nil) != (new.Elem == nil) {
		return false
	}
	if old.Elem != nil {
		return outputCompatible(old.Elem, new.Elem)
	}
	return old.NamedType == new.NamedType
}

// inputCompatible: what a client sent as old is still accepted as new. An input may
// become looser (non-null → nullable), never stricter, nor another type.
func inputCompatible(old, new *ast.Type) bool {
	if !old.NonNull && new.NonNull {
		return false
	}
	if (old.Elem == nil) != (new.Elem == nil) {
		return false
	}
	if old.Elem != nil {
		return inputCompatible(old.Elem, new.Elem)
	}
	return old.NamedType == new.NamedType
}

func deprecated(list ast.DirectiveList) bool { return list.ForName("deprecated") != nil }

func isIntrospection(name string) bool { return len(name) > 1 && name[:2] == "__" }

func kindName(k ast.DefinitionKind) string {
	switch k {
	case ast.Object:
		return "type"
	case ast.Interface:
		return "interface"
	case ast.InputObject:
		return "input"
	case ast.Enum:
		return "enum"
	case ast.Union:
		return "union"
	case ast.Scalar:
		return "scalar"
	}
	return string(k)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Package toone folds the eager load of a to-one edge (an account's owner, a sample's
// product) into its parent's own statement: a LEFT JOIN to the child's rows, filtered
// by exactly what the child's own query would have been filtered by (its interceptors,
// its read rule, its predicates). ent loads each edge with a statement of its own; a
// page of accounts with their owners and samples with their products took five.
//
// The generated code (ent/template/toone.tmpl) decides which edges can be folded: the
// child's query must be plain (no order, limit, modifiers, or edges of its own) and its
// interceptors only add predicates. Everything else is loaded as ent loads it.
package toone

import (
	"bytes"
	"context"
	"fmt"
	"reflect"

	"entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/sqlgraph"
)

// Edge is one to-one edge of a parent query, folded into its statement.
type Edge struct {
	Name    string   // the edge, the prefix of its columns in the parent's rows
	FK      string   // the parent's column that holds the child's ID
	Table   string   // the child's table
	Columns []string // the child's columns to read, its ID first
	// Where is the child query's predicates once its interceptors and read rule ran.
	Where []func(*sql.Selector)
	// Scan makes the child's scan targets for Columns.
	Scan func(columns []string) ([]any, error)
	// Put takes the child of the next parent row: its scanned Columns, or nil when the
	// row has none (no ID, or one the child's predicates leave out).
	Put func(values []any) error
}

type offKey struct{}

// Off returns a context whose queries load every edge with a statement of its own,
// as ent does (the differential tests compare the two).
func Off(ctx context.Context) context.Context { return context.WithValue(ctx, offKey{}, true) }

// On reports whether queries under ctx fold their to-one edges.
func On(ctx context.Context) bool { off, _ := ctx.Value(offKey{}).(bool); return !off }

// Column is the name the parent's rows give an edge's column.
func Column(edge, column string) string { return edge + "__" + column }

// Fold joins the edges into spec, the spec of a parent query's sqlAll (ScanValues and
// Assign set). The join comes before the parent's own modifiers, so that a per-parent
// limit (entgql.LimitPerRow) wraps the joined rows and keeps their order.
func Fold(spec *sqlgraph.QuerySpec, edges []Edge) {
	if len(edges) == 0 {
		return
	}
	join := func(s *sql.Selector) {
		d := sql.Dialect(s.Dialect())
		for _, e := range edges {
			t := d.Table(e.Table)
			sub := d.Select().From(t)
			for _, c := range e.Columns {
				sub.AppendSelectAs(t.C(c), Column(e.Name, c))
			}
			for _, p := range e.Where {
				p(sub) // before the alias: the predicates name the child's table
			}
			sub.As("toone_" + e.Name)
			s.LeftJoin(sub).On(s.C(e.FK), sub.C(Column(e.Name, e.Columns[0])))
			for _, c := range e.Columns {
				s.AppendSelect(sub.C(Column(e.Name, c)))
			}
		}
	}
	spec.Modifiers = append([]func(*sql.Selector){join}, spec.Modifiers...)
	f := &folded{edges: edges, scan: spec.ScanValues, assign: spec.Assign}
	spec.ScanValues = f.scanValues
	spec.Assign = f.assignRow
}

// folded splits each row between the parent and its folded edges.
type folded struct {
	edges        []Edge
	scan         func([]string) ([]any, error)
	assign       func([]string, []any) error
	parent       []int // the row's columns that are the parent's
	parentCols   []string
	child        [][]int // per edge, its columns' positions in the row (in Columns order)
	prefix       bool    // the parent's columns come first (as they do unless a hook reorders)
	columnsOfRow []string
}

func (f *folded) layout(columns []string) error {
	if f.columnsOfRow != nil && len(columns) == len(f.columnsOfRow) {
		return nil // sqlgraph passes the same columns for every row
	}
	pos := make(map[string]int, len(columns))
	for i, c := range columns {
		pos[c] = i
	}
	f.child = make([][]int, len(f.edges))
	taken := make([]bool, len(columns))
	for k, e := range f.edges {
		f.child[k] = make([]int, len(e.Columns))
		for j, c := range e.Columns {
			i, ok := pos[Column(e.Name, c)]
			if !ok {
				return fmt.Errorf("toone: the rows have no column %q", Column(e.Name, c))
			}
			f.child[k][j], taken[i] = i, true
		}
	}
	f.parent, f.parentCols = f.parent[:0], f.parentCols[:0]
	for i, c := range columns {
		if !taken[i] {
			f.parent = append(f.parent, i)
			f.parentCols = append(f.parentCols, c)
		}
	}
	f.prefix = len(f.parent) == 0 || f.parent[len(f.parent)-1] == len(f.parent)-1
	f.columnsOfRow = columns
	return nil
}

func (f *folded) scanValues(columns []string) ([]any, error) {
	if err := f.layout(columns); err != nil {
		return nil, err
	}
	pv, err := f.scan(f.parentCols)
	if err != nil {
		return nil, err
	}
	if f.prefix {
		row := append(pv, make([]any, len(columns)-len(pv))...)
		return row, f.childSlots(row)
	}
	row := make([]any, len(columns))
	for j, i := range f.parent {
		row[i] = pv[j]
	}
	return row, f.childSlots(row)
}

// childSlots puts each edge's scan targets, wrapped in slots, in their places of row.
func (f *folded) childSlots(row []any) error {
	for k, e := range f.edges {
		cv, err := e.Scan(e.Columns)
		if err != nil {
			return err
		}
		slots := make([]slot, len(cv))
		for j, i := range f.child[k] {
			slots[j].dst = cv[j]
			row[i] = &slots[j]
		}
	}
	return nil
}

func (f *folded) assignRow(_ []string, values []any) error {
	pv := values[:len(f.parent)]
	if !f.prefix {
		pv = make([]any, len(f.parent))
		for j, i := range f.parent {
			pv[j] = values[i]
		}
	}
	if err := f.assign(f.parentCols, pv); err != nil {
		return err
	}
	for k, e := range f.edges {
		if values[f.child[k][0]].(*slot).null { // no child: its ID is NULL
			if err := e.Put(nil); err != nil {
				return err
			}
			continue
		}
		cv := make([]any, len(f.child[k]))
		for j, i := range f.child[k] {
			cv[j] = values[i].(*slot).dst
		}
		if err := e.Put(cv); err != nil {
			return err
		}
	}
	return nil
}

// Scannable reports whether every target is one a slot can fill: a sql.Scanner, a
// byte slice (JSON fields) or an unknown type.
func Scannable(targets []any) bool {
	for _, t := range targets {
		switch t.(type) {
		case scanner, *[]byte, *sql.UnknownType:
		default:
			return false
		}
	}
	return true
}

type scanner interface{ Scan(src any) error }

// slot is one of a child's scan targets, told whether the column was NULL.
type slot struct {
	dst  any
	null bool
}

func (s *slot) Scan(src any) error {
	s.null = src == nil
	switch d := s.dst.(type) {
	case scanner:
		return d.Scan(src)
	case *[]byte:
		switch v := src.(type) {
		case nil:
			*d = nil
		case []byte:
			*d = bytes.Clone(v)
		case string:
			*d = []byte(v)
		default:
			return fmt.Errorf("toone: cannot scan %T into %T", src, s.dst)
		}
	case *sql.UnknownType:
		if b, ok := src.([]byte); ok {
			src = bytes.Clone(b)
		}
		*d = src
	default:
		return fmt.Errorf("toone: cannot scan into %T", s.dst)
	}
	return nil
}

// OnlyAddPredicates reports whether every interceptor only adds predicates (a
// TraverseFunc, of entgo.io/ent or of a generated intercept package): folding runs
// their Traverse but not an Intercept around the child's query.
func OnlyAddPredicates[I any](inters []I) bool {
	for _, in := range inters {
		t := reflect.TypeOf(in)
		if t == nil || t.Name() != "TraverseFunc" {
			return false
		}
	}
	return true
}

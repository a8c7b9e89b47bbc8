// Package loadkeys tells a privacy rule which parents an edge's eager load reads the
// children of. ent loads an edge (an account's contacts, say) with one query,
// `customer_id IN (the parents' ids)`; the privacy rule of contacts then adds
// `customer_id IN (SELECT id FROM customers WHERE <the viewer's accounts>)`. For a rep
// whose team owns thousands of accounts PostgreSQL answers that sub-select by reading
// every one of them, to keep the children of fifty. With the parents' ids at hand the
// rule can ask the sub-select only about them, a primary-key lookup each.
//
// ent/entc.go rewrites the generated loaders to Mark their query's selector; a rule
// reads the mark with Of. The mark belongs to that one selector (not to the context
// the load runs in, which nested loads share), and it can only narrow a sub-select
// whose rows the query is already restricted to: a mark in the wrong place hides rows,
// it never shows one.
package loadkeys

import (
	"context"
	"database/sql/driver"

	"entgo.io/ent/dialect/sql"
)

type key struct{}

type mark struct {
	on     *sql.Selector
	column string
	values []driver.Value
}

// Mark records on s that its rows are restricted to column IN values.
func Mark(s *sql.Selector, column string, values []driver.Value) {
	s.WithContext(context.WithValue(s.Context(), key{}, mark{on: s, column: column, values: values}))
}

// Of returns the values s's rows are restricted to in column, if a loader marked s.
func Of(s *sql.Selector, column string) ([]driver.Value, bool) {
	m, ok := s.Context().Value(key{}).(mark)
	if !ok || m.on != s || m.column != column {
		return nil, false
	}
	return m.values, true
}

package access

import (
	"entgo.io/ent/dialect/sql"

	"tandem/ent/loadkeys"
	"tandem/ent/viewer"
)

// Rows is the set of rows of one type that a viewer may read: none, all, or those a
// SQL predicate selects. The zero value is none: whatever the table does not grant is
// denied.
type Rows struct {
	all  bool
	pred func(*sql.Selector)
	// each, when set, is the same rows asked row by row (a correlated EXISTS instead of
	// IN a sub-select), which a disjunction uses: PostgreSQL cannot turn a sub-select
	// under OR into a join, so it reads the whole sub-select into a hash for a query that
	// may touch a handful of rows (a rep's team: tens of thousands of accounts).
	each func(*sql.Selector)
}

// All is every row; None is no row.
var (
	All  = Rows{all: true}
	None = Rows{}
)

// Where is the rows the predicate selects.
func Where(p func(*sql.Selector)) Rows { return Rows{pred: p} }

// IsAll reports whether every row is readable; IsNone whether none is.
func (r Rows) IsAll() bool  { return r.all }
func (r Rows) IsNone() bool { return !r.all && r.pred == nil }

// Predicate returns the rows as one SQL predicate: nil for all rows, FALSE for none.
func (r Rows) Predicate() func(*sql.Selector) {
	switch {
	case r.all:
		return nil
	case r.pred == nil:
		return func(s *sql.Selector) { s.Where(sql.False()) }
	}
	return r.pred
}

// And is the rows in both sets.
func (r Rows) And(o Rows) Rows {
	switch {
	case r.IsNone() || o.IsNone():
		return None
	case r.all:
		return o
	case o.all:
		return r
	}
	and := Rows{pred: sql.AndPredicates(r.pred, o.pred)}
	if r.each != nil || o.each != nil {
		and.each = sql.AndPredicates(r.perRow(), o.perRow())
	}
	return and
}

// perRow is the predicate to use under OR: each if the rows have one.
func (r Rows) perRow() func(*sql.Selector) {
	if r.each != nil {
		return r.each
	}
	return r.pred
}

// Or is the rows in either set.
func (r Rows) Or(o Rows) Rows {
	switch {
	case r.all || o.all:
		return All
	case r.IsNone():
		return o
	case o.IsNone():
		return r
	}
	p := sql.OrPredicates(r.perRow(), o.perRow())
	return Rows{pred: p, each: p}
}

// Rule gives the rows of a type a viewer may read.
type Rule func(v *viewer.Viewer) Rows

// ByRole is a rule per role; a role it does not list reads nothing.
type ByRole map[viewer.Role]Rule

// For applies the rule of the viewer's role.
func (b ByRole) For(v *viewer.Viewer) Rows {
	if v == nil {
		return None
	}
	if r := b[v.Role]; r != nil {
		return r(v)
	}
	return None
}

func every(*viewer.Viewer) Rows { return All }

// The predicates below are written against column names, so one rule serves every
// type that has the column; TestTableColumns checks each type has the columns its
// rule names.
const (
	colID         = "id"
	colCustomerID = "customer_id"
)

// eq selects rows whose column equals the value.
func eq(col string, val any) Rows {
	return Where(func(s *sql.Selector) { s.Where(sql.EQ(s.C(col), val)) })
}

// in selects rows whose column is in the sub-select built on a fresh table. When an
// edge's loader has already restricted the rows to column IN the parents' keys
// (ent/loadkeys), the sub-select is asked only about those keys: the same rows, but
// the database looks up the parents instead of reading every row the rule allows.
//
// Its per-row form (Rows.each, for disjunctions) asks the same sub-select about the
// row's own column: EXISTS (… WHERE selected = col AND where).
func in(col, table, selected string, where func(t *sql.SelectTable) *sql.Predicate) Rows {
	return Rows{
		pred: func(s *sql.Selector) {
			t := sql.Table(table)
			sub := sql.Select(t.C(selected)).From(t).Where(where(t))
			if keys, ok := loadkeys.Of(s, col); ok {
				sub.Where(sql.InValues(t.C(selected), keys...))
			}
			s.Where(sql.In(s.C(col), sub))
		},
		each: func(s *sql.Selector) {
			t := sql.Table(table)
			sub := sql.Select(t.C(selected)).From(t).Where(sql.And(sql.ColumnsEQ(t.C(selected), s.C(col)), where(t)))
			s.Where(sql.Exists(sub))
		},
	}
}

// isNull selects rows whose column is NULL.
func isNull(col string) Rows {
	return Where(func(s *sql.Selector) { s.Where(sql.IsNull(s.C(col))) })
}

// not selects the rows the other set does not.
func not(r Rows) Rows {
	switch {
	case r.all:
		return None
	case r.IsNone():
		return All
	}
	return Where(sql.NotPredicates(r.pred))
}

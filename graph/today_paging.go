package graph

import (
	"context"
	"fmt"

	"entgo.io/ent/dialect/sql"

	"tandem/ent"
	"tandem/ent/schema/pulid"
	"tandem/graph/model"
)

// TodayCountCap is where counting stops for the kinds that grow with the book: a
// count of more says "at least TodayCountCap" (TodayCount.atLeast). Nobody acts on more
// than this many of one kind in a day, and a capped count costs the same for any book.
const TodayCountCap = 100

// todayQuery is an ent query that can read its first n IDs, whatever it is of.
type todayQuery[Q any] interface {
	Limit(int) Q
	Unique(bool) Q
	IDs(context.Context) ([]pulid.ID, error)
}

// upTo counts the rows of q up to TodayCountCap+1, in any order (the database stops
// at the first rows it finds), so one more than the cap says "more". It counts a kind
// the page does not ask for; a page's own read counts its kind (counted).
func upTo[Q todayQuery[Q]](q Q) func(context.Context) (int, error) {
	return func(ctx context.Context) (int, error) {
		ids, err := q.Unique(false).Limit(TodayCountCap + 1).IDs(ctx)
		return len(ids), err
	}
}

// todayCountColumn is the column counted adds to a page's rows.
const todayCountColumn = "today_count"

// counted is a query modifier (Modify) that gives every row a page reads the count of
// its kind, up to TodayCountCap+1 as upTo counts: the rows that the page's own
// conditions select (the source's, the read rule's, the interceptors'), counted by a
// subquery the database runs once for the statement. A full page and its count are
// one statement, and they see the same rows.
func counted(s *sql.Selector) {
	s.AppendSelectExprAs(sql.ExprFunc(func(b *sql.Builder) {
		// A condition on a joined table would not be the subquery's: refuse (a
		// source's panic is its error, runSource) rather than count other rows.
		if s.HasJoins() {
			panic("today: a page read with joins cannot carry its count")
		}
		// The page's conditions are read when the statement is written, after every
		// predicate, rule and interceptor has added its own.
		capped := sql.Dialect(b.Dialect()).Select().AppendSelectExpr(sql.Raw("1")).
			From(sql.Table(s.TableName())).Where(s.P()).Limit(TodayCountCap + 1)
		b.WriteString("SELECT COUNT(*) FROM ").Wrap(func(b *sql.Builder) { b.Join(capped) }).
			WriteString(" AS ").Ident("capped")
	}), todayCountColumn)
}

// countedRow is a row read with counted.
type countedRow interface {
	Value(string) (ent.Value, error)
}

// countOf is the count counted gave a page's rows (none: 0).
func countOf[T countedRow](rows []T) (int, error) {
	if len(rows) == 0 {
		return 0, nil
	}
	v, err := rows[0].Value(todayCountColumn)
	if err != nil {
		return 0, fmt.Errorf("today: the page's count: %w", err)
	}
	if u, ok := v.(*sql.UnknownType); ok && u != nil {
		v = *u
	}
	if n, ok := v.(int64); ok {
		return int(n), nil
	}
	return 0, fmt.Errorf("today: the page's count is a %T", v)
}

// pageCount is the count of a kind whose page read limit rows with counted: a page
// that is not full holds every row of the kind, so their number is the count.
func pageCount[T countedRow](rows []T, limit int) (int, error) {
	if len(rows) < limit {
		return len(rows), nil
	}
	return countOf(rows)
}

// paged reads one kind of a source that can be large: the most urgent of its rows up
// to the page's end, read with counted, so the kind's count comes with them
// (pageCount). read must select what count counts, ordered as Today does: by due
// time, then ID, and apply counted. A kind the page does not ask for is only counted.
func paged[T countedRow](t *todayRun, kind model.TodayKind, count func(context.Context) (int, error), read func(limit int) ([]T, error)) ([]T, error) {
	var rows []T
	err := countedRead(t, kind, count, func(limit int) (int, error) {
		var err error
		if rows, err = read(limit); err != nil {
			return 0, err
		}
		return pageCount(rows, limit)
	})
	return rows, err
}

// countedRead reads a kind's page when the answer asks for it, and returns the count
// its first statement carried (counted, pageCount); a kind the page does not ask for
// is only counted. Either way the count is recorded.
func countedRead(t *todayRun, kind model.TodayKind, count func(context.Context) (int, error), read func(limit int) (int, error)) error {
	var n int
	var err error
	if t.asks(kind) {
		n, err = read(t.page.offset + t.page.first)
	} else {
		n, err = count(t.ctx)
	}
	if err != nil {
		return err
	}
	t.count(kind, n)
	return nil
}

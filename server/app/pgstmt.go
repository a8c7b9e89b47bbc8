package app

import (
	"container/list"
	"context"
	"database/sql/driver"
	"errors"

	"github.com/lib/pq"
)

// A PostgreSQL connection keeps the statements it ran most recently prepared, so one
// sent again is bound and run in one round trip, without being parsed again. lib/pq on
// its own sends every query with arguments as a new unnamed statement and waits for
// PostgreSQL to parse and describe it before binding it: two round trips and a parse
// each time. Each run is still planned for its own arguments (sessionSettings).
//
// Statements without arguments (DDL, BEGIN, several statements at once) use the
// simple protocol as before. A connection keeps at most the URL's tandem_statements
// (StatementsParam, 128 unless set; 0 keeps none); the one used longest ago is closed
// to make room. A kept statement PostgreSQL no longer accepts is dropped, so its next
// use prepares it again: one whose result columns a migration by another instance
// changed, or one a pooler or a DEALLOCATE lost.

// stmtConnector opens pq connections that keep their statements.
type stmtConnector struct {
	driver.Connector
	size int
}

func (c stmtConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return newStmtConn(conn, c.size), nil
}

// pqConn is what database/sql asks of lib/pq's connection, all of which a stmtConn
// passes on.
type pqConn interface {
	driver.Conn
	driver.ConnBeginTx
	driver.ConnPrepareContext
	driver.QueryerContext
	driver.ExecerContext
	driver.Pinger
	driver.SessionResetter
	driver.Validator
	driver.NamedValueChecker
}

type stmtConn struct {
	pqConn
	size  int
	order *list.List // of *cachedStmt, most recently used first
	bySQL map[string]*list.Element
}

type cachedStmt struct {
	query string
	stmt  driver.Stmt
}

func newStmtConn(c driver.Conn, size int) driver.Conn {
	pc, ok := c.(pqConn)
	if !ok || size <= 0 {
		return c
	}
	return &stmtConn{pqConn: pc, size: size, order: list.New(), bySQL: map[string]*list.Element{}}
}

// prepared is query's statement on this connection, prepared now if it is not kept.
func (c *stmtConn) prepared(ctx context.Context, query string) (driver.Stmt, error) {
	if e, ok := c.bySQL[query]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*cachedStmt).stmt, nil
	}
	st, err := c.pqConn.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	for c.order.Len() >= c.size {
		c.forget(c.order.Back())
	}
	c.bySQL[query] = c.order.PushFront(&cachedStmt{query, st})
	return st, nil
}

// forget closes a kept statement (a connection gone bad closes with its statements).
func (c *stmtConn) forget(e *list.Element) {
	cs := e.Value.(*cachedStmt)
	c.order.Remove(e)
	delete(c.bySQL, cs.query)
	_ = cs.stmt.Close()
}

// stale drops query's statement when PostgreSQL says it no longer fits the tables
// (SQLSTATE 0A000, "cached plan must not change result type") or no longer exists
// (26000, "prepared statement … does not exist").
func (c *stmtConn) stale(query string, err error) {
	var pe *pq.Error
	if errors.As(err, &pe) && (pe.Code == "0A000" || pe.Code == "26000") {
		if e, ok := c.bySQL[query]; ok {
			c.forget(e)
		}
	}
}

func (c *stmtConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	if len(args) == 0 {
		return c.pqConn.QueryContext(ctx, query, args)
	}
	st, err := c.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	rows, err := st.(driver.StmtQueryContext).QueryContext(ctx, args)
	if err != nil {
		c.stale(query, err)
	}
	return rows, err
}

func (c *stmtConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	if len(args) == 0 {
		return c.pqConn.ExecContext(ctx, query, args)
	}
	st, err := c.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	res, err := st.(driver.StmtExecContext).ExecContext(ctx, args)
	if err != nil {
		c.stale(query, err)
	}
	return res, err
}

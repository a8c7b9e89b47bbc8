package app

import (
	"container/list"
	"context"
	"database/sql/driver"
	"errors"
	"strings"

	"github.com/lib/pq"

	"tandem/server/dbplan"
)

// A PostgreSQL connection keeps the statements it ran most recently prepared, so one
// sent again is bound and run in one round trip, without being parsed again. lib/pq on
// its own sends every query with arguments as a new unnamed statement and waits for
// PostgreSQL to parse and describe it before binding it: two round trips and a parse
// each time. Each run is still planned for its own arguments (sessionSettings), but
// for the statements marked by key (below).
//
// Statements without arguments (DDL, BEGIN, several statements at once) use the
// simple protocol as before. A connection keeps at most the URL's tandem_statements
// (StatementsParam, 128 unless set; 0 keeps none); the one used longest ago is closed
// to make room. A kept statement PostgreSQL no longer accepts is dropped, so its next
// use prepares it again: one whose result columns a migration by another instance
// changed, or one a pooler or a DEALLOCATE lost.
//
// A statement run with a context marked dbplan.ByKey may have its plan kept
// (plan_cache_mode=auto); one marked dbplan.AnyPlan runs as the session is set; any
// other is planned for its arguments (force_custom_plan). The connection sets the
// mode when a statement asks for the other one, and knows it no longer after a
// transaction that may have set it is rolled back, or after a statement sent as is
// that may change settings (planModes).

// stmtConnector opens pq connections that keep their statements; switchPlans when
// their plan mode is Tandem's to choose (the URL does not set plan_cache_mode).
type stmtConnector struct {
	driver.Connector
	size        int
	switchPlans bool
}

func (c stmtConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return newStmtConn(conn, c.size, c.switchPlans), nil
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
	// plans, when set, is the session's plan mode, switched per statement.
	plans *planModes
}

type cachedStmt struct {
	query string
	stmt  driver.Stmt
}

func newStmtConn(c driver.Conn, size int, switchPlans bool) driver.Conn {
	pc, ok := c.(pqConn)
	if !ok || size <= 0 {
		return c
	}
	sc := &stmtConn{pqConn: pc, size: size, order: list.New(), bySQL: map[string]*list.Element{}}
	if switchPlans {
		sc.plans = &planModes{mode: dbplan.PerRun} // as the session starts (sessionSettings)
	}
	return sc
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
		c.plans.sent(query)
		return c.pqConn.QueryContext(ctx, query, args)
	}
	if err := c.plans.set(ctx, c.pqConn); err != nil {
		return nil, err
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
		c.plans.sent(query)
		return c.pqConn.ExecContext(ctx, query, args)
	}
	if err := c.plans.set(ctx, c.pqConn); err != nil {
		return nil, err
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

// BeginTx begins a transaction whose end the plan mode hears of.
func (c *stmtConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	tx, err := c.pqConn.BeginTx(ctx, opts)
	if err != nil || c.plans == nil {
		return tx, err
	}
	return planTx{tx, c.plans}, nil
}

// planModes is a connection's plan_cache_mode as Tandem last set it; "" when it is
// not known (a transaction that may have changed it was rolled back).
type planModes struct{ mode dbplan.Mode }

// set makes the session's mode the one ctx asks for, with a SET when it differs (a
// statement that plans the same either way asks for none). A nil planModes (the URL
// chose the mode) sets nothing.
func (p *planModes) set(ctx context.Context, c pqConn) error {
	if p == nil {
		return nil
	}
	want := dbplan.Of(ctx)
	if want == dbplan.Either || p.mode == want {
		return nil
	}
	p.mode = ""
	if _, err := c.ExecContext(ctx, "SET plan_cache_mode = "+string(want), nil); err != nil {
		return err
	}
	p.mode = want
	return nil
}

// sent hears of a statement sent as is (no arguments). Any but a plain read may
// change or undo settings (a SET, a COMMIT that rolls back, a DO block): after it the
// mode is not known.
func (p *planModes) sent(query string) {
	if p == nil {
		return
	}
	q := strings.ToLower(strings.TrimSpace(query))
	plainRead := (strings.HasPrefix(q, "select ") || strings.HasPrefix(q, "with ") || strings.HasPrefix(q, "show ")) &&
		!strings.Contains(q, "set_config") && !strings.Contains(q, ";")
	if !plainRead {
		p.mode = ""
	}
}

// PrepareContext prepares a statement that is not kept (database/sql's Prepare, a
// COPY): it runs in the mode of the context it is run with, as a kept one does. A
// COPY is set for when it is prepared (it starts then, and a SET cannot come between
// its rows).
func (c *stmtConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	if c.plans == nil {
		return c.pqConn.PrepareContext(ctx, query)
	}
	if err := c.plans.set(ctx, c.pqConn); err != nil {
		return nil, err
	}
	st, err := c.pqConn.PrepareContext(ctx, query)
	if err != nil || strings.HasPrefix(strings.ToUpper(strings.TrimSpace(query)), "COPY") {
		return st, err
	}
	return planStmt{st, c}, nil
}

// planStmt is a statement prepared by hand, set for each run.
type planStmt struct {
	driver.Stmt
	c *stmtConn
}

func (s planStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	if err := s.c.plans.set(ctx, s.c.pqConn); err != nil {
		return nil, err
	}
	return s.Stmt.(driver.StmtQueryContext).QueryContext(ctx, args)
}

func (s planStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	if err := s.c.plans.set(ctx, s.c.pqConn); err != nil {
		return nil, err
	}
	return s.Stmt.(driver.StmtExecContext).ExecContext(ctx, args)
}

// planTx is a transaction after which the mode is unknown unless it committed: a SET
// in a transaction is undone with it.
type planTx struct {
	driver.Tx
	plans *planModes
}

func (t planTx) Commit() error {
	err := t.Tx.Commit()
	if err != nil {
		t.plans.mode = ""
	}
	return err
}

func (t planTx) Rollback() error {
	t.plans.mode = ""
	return t.Tx.Rollback()
}

package app_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"sync"
	"testing"
	"time"

	"tandem/ent/auditevent"
	"tandem/ent/changenotice"
	"tandem/ent/changenoticeack"
	"tandem/ent/order"
	"tandem/ent/orderevent"
	"tandem/ent/sampleevent"
	"tandem/ent/schema/pulid"
	"tandem/ent/stagechange"
)

// Issue 9, item 6: lifecycle moves race. Without a condition on the status read, N
// concurrent moves from one status all succeed and each writes its event (on
// PostgreSQL); FAILED and ABANDONED can both win.
//
// The tests make the race certain rather than likely: the test holds a lock on the
// row while N requests come in, so every request reads the same status and then
// waits to write it. On PostgreSQL it waits until all N are blocked in their UPDATE
// (pg_stat_activity), then lets go; without the condition every UPDATE then goes
// through. On SQLite a held write transaction parks every request before it reads
// (immediate transactions): they then run one by one, and each after the first must
// see that the record moved on.

// rowLock holds a write lock on one row until release is called: FOR NO KEY UPDATE on
// PostgreSQL (blocks other UPDATEs of the row, not the foreign-key checks of inserts
// that point to it), the database's write lock on SQLite.
type rowLock struct {
	tx *sql.Tx
}

func (e *env) lockRow(table string, id pulid.ID) *rowLock {
	e.t.Helper()
	ctx := context.Background()
	tx, err := e.app.DB.DB.BeginTx(ctx, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	if e.pgApp != "" {
		_, err = tx.ExecContext(ctx, `SELECT id FROM `+table+` WHERE id = $1 FOR NO KEY UPDATE`, string(id))
	} else {
		// BEGIN IMMEDIATE (the DSN's _txlock) took the write lock; touch the row anyway.
		_, err = tx.ExecContext(ctx, `UPDATE `+table+` SET id = id WHERE id = ?`, string(id))
	}
	if err != nil {
		_ = tx.Rollback()
		e.t.Fatal(err)
	}
	return &rowLock{tx: tx}
}

func (l *rowLock) release() { _ = l.tx.Rollback() }

// waitBlocked waits until n of this test's PostgreSQL connections wait for a lock
// (on SQLite it gives the requests a moment to queue up).
func (e *env) waitBlocked(n int) {
	e.t.Helper()
	if e.pgApp == "" {
		time.Sleep(300 * time.Millisecond)
		return
	}
	db, err := sql.Open("postgres", os.Getenv("TANDEM_TEST_DATABASE_URL"))
	if err != nil {
		e.t.Fatal(err)
	}
	defer db.Close()
	deadline := time.Now().Add(15 * time.Second)
	for {
		var waiting int
		err := db.QueryRow(`SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`, e.pgApp).Scan(&waiting)
		if err != nil {
			e.t.Fatal(err)
		}
		if waiting >= n {
			return
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("only %d of %d requests are waiting for the row lock", waiting, n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

type call struct {
	token, query string
	vars         map[string]any
}

// race sends the calls at once while the row is locked, lets them go when all wait,
// and returns their answers in order.
func (e *env) race(table string, id pulid.ID, calls []call) []*gqlResponse {
	e.t.Helper()
	lock := e.lockRow(table, id)
	out := make([]*gqlResponse, len(calls))
	var wg sync.WaitGroup
	for i, c := range calls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = e.doConcurrently(c.token, c.query, c.vars)
		}()
	}
	e.waitBlocked(len(calls))
	lock.release()
	wg.Wait()
	return out
}

// oneWinner checks that exactly one answer succeeded and every other is CONFLICT
// naming the current status; it returns the winner's index.
func oneWinner(t *testing.T, rs []*gqlResponse) int {
	t.Helper()
	winner := -1
	for i, r := range rs {
		switch {
		case r == nil:
			t.Fatalf("call %d: no answer", i)
		case len(r.Errors) == 0:
			if winner >= 0 {
				t.Fatalf("calls %d and %d both succeeded", winner, i)
			}
			winner = i
		case r.code() != "CONFLICT":
			t.Fatalf("call %d: want CONFLICT, got %q %+v", i, r.code(), r.Errors)
		case r.Errors[0].Extensions["currentStatus"] == nil:
			t.Fatalf("call %d: CONFLICT without extensions.currentStatus: %+v", i, r.Errors)
		}
	}
	if winner < 0 {
		t.Fatalf("no call succeeded: %+v", rs[0].Errors)
	}
	return winner
}

const advanceMutation = `mutation($id: ID!, $to: SampleStatus!, $reason: String) { advanceSample(input: {id: $id, to: $to, reason: $reason}) { status } }`

func TestConcurrentSampleMovesHaveOneWinner(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		rep := e.token(e.f.rep1)
		id := e.f.acmeSample.ID
		events := func() int { return c.SampleEvent.Query().Where(sampleevent.SampleID(id)).CountX(e.sys) }

		// Eight reps press "prepared" at once.
		calls := make([]call, 8)
		for i := range calls {
			calls[i] = call{rep, advanceMutation, map[string]any{"id": id, "to": "PREPARED"}}
		}
		rs := e.race("samples", id, calls)
		oneWinner(t, rs)
		if n := events(); n != 1 {
			t.Fatalf("%d sample events for one move", n)
		}
		for _, r := range rs {
			if r.code() == "CONFLICT" && r.Errors[0].Extensions["currentStatus"] != "PREPARED" {
				t.Fatalf("conflict does not name the current status: %+v", r.Errors[0])
			}
		}

		// FAILED and ABANDONED race: one of them, not both.
		calls = calls[:0]
		for i := 0; i < 4; i++ {
			calls = append(calls,
				call{rep, advanceMutation, map[string]any{"id": id, "to": "FAILED", "reason": "yellowing"}},
				call{rep, advanceMutation, map[string]any{"id": id, "to": "ABANDONED", "reason": "project stopped"}})
		}
		rs = e.race("samples", id, calls)
		w := oneWinner(t, rs)
		if n := events(); n != 2 {
			t.Fatalf("%d sample events after two moves", n)
		}
		want := dig(rs[w].Data, "advanceSample", "status")
		if got := c.Sample.GetX(e.sys, id).Status; string(got) != want {
			t.Fatalf("sample is %s, the winner moved it to %v", got, want)
		}
	})
}

func TestConcurrentOrderStepsHaveOneWinner(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		rep := e.token(e.f.rep1)
		o := c.Order.Create().SetCustomerID(e.f.acmeEast.ID).SetNumber("SO-RACE").
			SetDeliveryDate(time.Now().Add(240 * time.Hour).UTC()).SaveX(e.sys)
		step := `mutation($id: ID!, $s: OrderEventStep!) { completeOrderStep(input: {id: $id, step: $s}) { status } }`
		events := func(s orderevent.Step) int {
			return c.OrderEvent.Query().Where(orderevent.OrderID(o.ID), orderevent.StepEQ(s)).CountX(e.sys)
		}
		// The same step ticked eight times at once (the status does not change: OPEN).
		calls := make([]call, 8)
		for i := range calls {
			calls[i] = call{rep, step, map[string]any{"id": o.ID, "s": "CONFIRMED"}}
		}
		oneWinner(t, e.race("orders", o.ID, calls))
		if n := events(orderevent.StepCONFIRMED); n != 1 {
			t.Fatalf("%d CONFIRMED events", n)
		}
		// A step that moves the status (OPEN → IN_PRODUCTION).
		for i := range calls {
			calls[i] = call{rep, step, map[string]any{"id": o.ID, "s": "CONTRACT_SIGNED"}}
		}
		oneWinner(t, e.race("orders", o.ID, calls))
		if n := events(orderevent.StepCONTRACT_SIGNED); n != 1 {
			t.Fatalf("%d CONTRACT_SIGNED events", n)
		}
		// Cancelled eight times at once.
		cancel := `mutation($id: ID!) { cancelOrder(input: {id: $id, reason: "customer withdrew"}) { status } }`
		for i := range calls {
			calls[i] = call{rep, cancel, map[string]any{"id": o.ID}}
		}
		oneWinner(t, e.race("orders", o.ID, calls))
		if n := events(orderevent.StepCANCELLED); n != 1 {
			t.Fatalf("%d CANCELLED events", n)
		}
	})
}

func TestConcurrentProblemMovesHaveOneWinner(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		rep := e.token(e.f.rep1)
		is := c.Issue.Create().SetCustomerID(e.f.acmeEast.ID).SetTitle("short by 3 bags").SetCategory("SHORT_QUANTITY").SaveX(e.sys)
		upd := `mutation($id: ID!) { updateIssue(id: $id, input: {status: RESPONDED}) { status } }`
		calls := make([]call, 8)
		for i := range calls {
			calls[i] = call{rep, upd, map[string]any{"id": is.ID}}
		}
		oneWinner(t, e.race("issues", is.ID, calls))
		updates := c.AuditEvent.Query().Where(auditevent.EntityID(string(is.ID)), auditevent.ActionEQ(auditevent.ActionUPDATE)).CountX(e.sys)
		if updates != 1 {
			t.Fatalf("%d audit events for one move", updates)
		}
	})
}

// Eight managers issue one change notice at once: it is issued once, with one
// acknowledgement per buyer.
func TestConcurrentNoticeIssuesHaveOneWinner(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		mgr := e.token(e.f.manager)
		e.placeOrder(e.f.acmeEast, e.f.product, "SO-CN", time.Now().AddDate(0, -1, 0), 5, "kg", order.StatusDELIVERED)
		cn := c.ChangeNotice.Create().SetProductID(e.f.product.ID).SetKind(changenotice.KindFORMULA).
			SetTitle("New catalyst supplier").SetEffectiveAt(time.Now().AddDate(0, 2, 0)).SaveX(e.sys)
		calls := make([]call, 8)
		for i := range calls {
			calls[i] = call{mgr, `mutation($id: ID!) { issueChangeNotice(input: {id: $id}) { status } }`, map[string]any{"id": cn.ID}}
		}
		oneWinner(t, e.race("change_notices", cn.ID, calls))
		if n := c.ChangeNoticeAck.Query().Where(changenoticeack.ChangeNoticeID(cn.ID)).CountX(e.sys); n != 1 {
			t.Fatalf("%d acknowledgements for one buyer", n)
		}
	})
}

// Two samples of one account shipped at once move the account to SAMPLING once.
func TestConcurrentEvidenceMovesTheStageOnce(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		rep := e.token(e.f.rep1)
		e.productDocs(e.f.product.ID)
		var calls []call
		for i := 0; i < 2; i++ {
			s := c.Sample.Create().SetCustomerID(e.f.acmeEast.ID).SetProductID(e.f.product.ID).SetQuantity(1).SetStatus("PREPARED").
				SetDocManual(true).SetDocMsds(true).SetDocLabel(true).SetDocPrecautions(true).SaveX(e.sys)
			calls = append(calls, call{rep, advanceMutation, map[string]any{"id": s.ID, "to": "SHIPPED"}})
		}
		for i, r := range e.race("customers", e.f.acmeEast.ID, calls) {
			if len(r.Errors) > 0 {
				t.Fatalf("shipping sample %d: %+v", i, r.Errors)
			}
		}
		n := c.StageChange.Query().Where(stagechange.CustomerID(e.f.acmeEast.ID), stagechange.ToStageEQ(stagechange.ToStageSAMPLING)).CountX(e.sys)
		if n != 1 {
			t.Fatalf("%d stage changes to SAMPLING", n)
		}
	})
}

// doConcurrently is do for goroutines: a failure to talk to the server is an answer with an
// error instead of t.Fatal.
func (e *env) doConcurrently(token, query string, vars map[string]any) *gqlResponse {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, e.srv.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return &gqlResponse{Errors: []gqlError{{Message: err.Error(), Extensions: map[string]any{"code": "NO_ANSWER"}}}}
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	out := &gqlResponse{status: res.StatusCode}
	if err := json.Unmarshal(raw, out); err != nil {
		return &gqlResponse{Errors: []gqlError{{Message: string(raw), Extensions: map[string]any{"code": "NOT_JSON"}}}}
	}
	return out
}

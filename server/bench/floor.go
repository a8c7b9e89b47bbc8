package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"net/http"
	"strconv"
	"time"

	_ "github.com/lib/pq"
)

// The floor: for each workload ONE hand-written SQL statement that returns the whole
// JSON answer (json_build_object / json_agg over LATERAL subqueries), served as is. It
// is what a server that does nothing but one round trip per request would cost.

// floorRep is the rep's rule, mirrored from domain/access.Accounts: a rep ($4) reads
// the accounts of their team ($2, empty for a rep without a team) and those they own
// ($3); an admin reads every account.
const floorRep = `(NOT $4::boolean OR c.team_id = $2 OR c.owner_id = $3)`

const floorList = `WITH page AS (
  SELECT c.id, c.name, c.stage, c.tier, c.region, c.owner_id FROM customers c
  WHERE c.merged_into_id IS NULL AND ` + floorRep + `
  ORDER BY c.name, c.id LIMIT $1 + 1)
SELECT json_build_object('data', json_build_object('customers', json_build_object(
  'edges', COALESCE((SELECT json_agg(json_build_object('node', json_build_object(
      'id', p.id, 'name', p.name, 'stage', p.stage, 'tier', p.tier, 'region', p.region,
      'owner', ow.o, 'contacts', json_build_object('edges', cs.e), 'samples', json_build_object('edges', ss.e)))
      ORDER BY p.name, p.id)
    FROM (SELECT * FROM page ORDER BY name, id LIMIT $1) p
    LEFT JOIN LATERAL (SELECT json_build_object('id', u.id, 'name', u.name) AS o FROM users u WHERE u.id = p.owner_id) ow ON true
    CROSS JOIN LATERAL (SELECT COALESCE(json_agg(json_build_object('node', json_build_object(
        'id', x.id, 'name', x.name, 'title', x.title, 'mobile', x.mobile)) ORDER BY x.id), '[]') AS e
      FROM (SELECT id, name, title, mobile FROM contacts WHERE customer_id = p.id AND merged_into_id IS NULL ORDER BY id LIMIT 10) x) cs
    CROSS JOIN LATERAL (SELECT COALESCE(json_agg(json_build_object('node', json_build_object(
        'id', s.id, 'status', s.status, 'quantity', s.quantity, 'unit', s.unit, 'requestedAt', s.requested_at,
        'product', json_build_object('id', pr.id, 'code', pr.code, 'name', pr.name))) ORDER BY s.id), '[]') AS e
      FROM (SELECT * FROM samples WHERE customer_id = p.id ORDER BY id LIMIT 10) s JOIN products pr ON pr.id = s.product_id) ss
  ), '[]'),
  'pageInfo', json_build_object('hasNextPage', (SELECT count(*) FROM page) > $1,
    'endCursor', (SELECT id FROM page ORDER BY name, id OFFSET $1 - 1 LIMIT 1)))))
`

const floorAccount = `
SELECT json_build_object('data', json_build_object('node', json_build_object(
  'id', c.id, 'name', c.name, 'stage', c.stage, 'tier', c.tier,
  'contacts', json_build_object('edges', co.e),
  'keyPersons', json_build_object('edges', kp.e),
  'interactions', json_build_object('edges', it.e),
  'samples', json_build_object('edges', sa.e),
  'orders', json_build_object('edges', od.e),
  'issues', json_build_object('edges', iss.e))))
FROM customers c
CROSS JOIN LATERAL (SELECT COALESCE(json_agg(json_build_object('node', json_build_object('id', x.id, 'name', x.name, 'title', x.title)) ORDER BY x.id), '[]') AS e
  FROM (SELECT id, name, title FROM contacts WHERE customer_id = c.id AND merged_into_id IS NULL ORDER BY id LIMIT 50) x) co
CROSS JOIN LATERAL (SELECT COALESCE(json_agg(json_build_object('node', json_build_object('id', k.id, 'decisionRole', k.decision_role, 'attitude', k.attitude,
    'contact', json_build_object('id', ct.id, 'name', ct.name))) ORDER BY k.id), '[]') AS e
  FROM (SELECT * FROM key_persons WHERE customer_id = c.id ORDER BY id LIMIT 50) k JOIN contacts ct ON ct.id = k.contact_id) kp
CROSS JOIN LATERAL (SELECT COALESCE(json_agg(json_build_object('node', json_build_object('id', i.id, 'kind', i.kind, 'occurredAt', i.occurred_at, 'summary', i.summary))
    ORDER BY i.occurred_at DESC, i.id DESC), '[]') AS e
  FROM (SELECT * FROM interactions WHERE customer_id = c.id ORDER BY occurred_at DESC, id DESC LIMIT 20) i) it
CROSS JOIN LATERAL (SELECT COALESCE(json_agg(json_build_object('node', json_build_object('id', s.id, 'status', s.status,
    'product', json_build_object('id', pr.id, 'name', pr.name))) ORDER BY s.id), '[]') AS e
  FROM (SELECT * FROM samples WHERE customer_id = c.id ORDER BY id LIMIT 50) s JOIN products pr ON pr.id = s.product_id) sa
CROSS JOIN LATERAL (SELECT COALESCE(json_agg(json_build_object('node', json_build_object('id', o.id, 'number', o.number, 'status', o.status,
    'lines', json_build_object('edges', ln.e))) ORDER BY o.ordered_at DESC, o.id DESC), '[]') AS e
  FROM (SELECT * FROM orders WHERE customer_id = c.id ORDER BY ordered_at DESC, id DESC LIMIT 20) o
  CROSS JOIN LATERAL (SELECT COALESCE(json_agg(json_build_object('node', json_build_object('id', l.id, 'quantity', l.quantity, 'unit', l.unit,
      'product', json_build_object('id', lp.id, 'name', lp.name))) ORDER BY l.id), '[]') AS e
    FROM (SELECT * FROM order_lines WHERE order_id = o.id ORDER BY id LIMIT 10) l JOIN products lp ON lp.id = l.product_id) ln) od
CROSS JOIN LATERAL (SELECT COALESCE(json_agg(json_build_object('node', json_build_object('id', s.id, 'title', s.title, 'status', s.status, 'severity', s.severity)) ORDER BY s.id), '[]') AS e
  FROM (SELECT * FROM issues WHERE customer_id = c.id AND status <> 'CLOSED' ORDER BY id LIMIT 20) s) iss
WHERE c.id = $1 AND c.merged_into_id IS NULL`

const floorVisit = `
INSERT INTO interactions (id, created_at, updated_at, version, kind, phase, occurred_at, logged_at, summary, private, customer_id, author_id)
VALUES ($1, now(), now(), 1, 'VISIT', 'PRE_SALE', now(), now(), $2, false, $3, $4)
RETURNING json_build_object('data', json_build_object('createInteraction', json_build_object('id', id)))`

func floorMain(args []string) error {
	fs := flag.NewFlagSet("floor", flag.ExitOnError)
	addr := fs.String("addr", "127.0.0.1:0", "listen address")
	dsn := fs.String("db", "", "PostgreSQL URL")
	conns := fs.Int("conns", 20, "pool size")
	if err := fs.Parse(args); err != nil {
		return err
	}
	db, err := sql.Open("postgres", *dsn)
	if err != nil {
		return err
	}
	db.SetMaxOpenConns(*conns)
	db.SetMaxIdleConns(*conns)
	if err := db.Ping(); err != nil {
		return err
	}
	mux := http.NewServeMux()
	answer := func(w http.ResponseWriter, r *http.Request, q string, args ...any) {
		ctx, cancel := context.WithTimeout(r.Context(), 30*time.Second)
		defer cancel()
		var out []byte
		if err := db.QueryRowContext(ctx, q, args...).Scan(&out); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(out)
	}
	mux.HandleFunc("POST /list", func(w http.ResponseWriter, r *http.Request) {
		first, err := strconv.Atoi(r.URL.Query().Get("first"))
		if err != nil || first < 1 || first > 100 {
			http.Error(w, "first: 1..100", http.StatusBadRequest)
			return
		}
		q := r.URL.Query()
		answer(w, r, floorList, first, q.Get("team"), q.Get("owner"), q.Get("rep") == "1")
	})
	mux.HandleFunc("POST /account", func(w http.ResponseWriter, r *http.Request) {
		answer(w, r, floorAccount, r.URL.Query().Get("id"))
	})
	mux.HandleFunc("POST /visit", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		answer(w, r, floorVisit, q.Get("id"), q.Get("summary"), q.Get("customer"), q.Get("author"))
	})
	mux.HandleFunc("GET /ready", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "ok") })
	srv := &http.Server{Addr: *addr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	return srv.ListenAndServe()
}

package app_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/x509"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/lib/pq"

	"tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/privacy"
	"tandem/ent/schema/pulid"
	"tandem/ent/user"
	"tandem/graph"
	"tandem/server/app"
	"tandem/server/auth"
	"tandem/server/storage"
	"tandem/server/webhook"
)

// backends lists the databases every scenario runs on: the embedded SQLite always,
// PostgreSQL when TANDEM_TEST_DATABASE_URL is set.
func backends(t *testing.T) []string {
	b := []string{"sqlite"}
	if os.Getenv("TANDEM_TEST_DATABASE_URL") != "" {
		b = append(b, "postgres")
	}
	return b
}

// eachDB runs fn once per backend, each run on a database of its own.
func eachDB(t *testing.T, fn func(t *testing.T, e *env)) {
	for _, b := range backends(t) {
		t.Run(b, func(t *testing.T) {
			t.Parallel()
			fn(t, newEnv(t, b, envOptions{}))
		})
	}
}

type envOptions struct {
	now      func() time.Time
	throttle *auth.Throttle
	// config changes the app's configuration before it starts.
	config func(*app.Config)
	// webhookCAs trust a test receiver's certificate; webhookAllow are the hosts
	// webhooks may reach although internal (TANDEM_WEBHOOK_ALLOW_HOSTS);
	// webhookResolver answers the lookups of webhook hosts.
	webhookCAs      *x509.CertPool
	webhookAllow    []string
	webhookResolver webhook.Resolver
	// log receives the server log (discarded when nil, unless TANDEM_TEST_LOG is set).
	log io.Writer
	// trustedProxies is Config.TrustedProxies ("127.0.0.1" believes the test's own
	// X-Forwarded-For, see doFrom).
	trustedProxies string
	limits         *graph.Limits
	// s3 keeps uploaded files in an S3 bucket (Config.S3); s3Presign is Config.S3Presign.
	s3        *storage.S3Config
	s3Presign bool
	// storedKeys leaves TANDEM_JWT_SECRET unset: the signing keys are kept in the database.
	storedKeys bool
}

// env is one Tandem on its own database, served by httptest, with a fixture: two
// teams, a user of every role, and accounts owned across them.
type env struct {
	// target, when set, is the server requests go to instead of srv (see via).
	target     string
	t          *testing.T
	app        *app.App
	srv        *httptest.Server
	sys        context.Context
	statements atomic.Int64
	// txStatements counts the statements run inside transactions (a background
	// commit's, not the polling around it).
	txStatements atomic.Int64
	// recording, while set, receives the text of every statement (see recordSQL).
	recording atomic.Pointer[sqlRecord]
	f         fixture
	// log holds what the server logged (see logLines).
	log *logBuffer
	// pgApp is the application_name of the PostgreSQL connections ("" on SQLite).
	pgApp string
}

type fixture struct {
	eastTeam, southTeam                 *ent.Team
	admin, manager, rep1, rep2, rep3    *ent.User
	analyst                             *ent.User
	acmeEast, rep2Own, southAcct        *ent.Customer // owned by rep1 (east), rep2 (east), rep3 (south)
	acmeContact, southContact           *ent.Contact
	product                             *ent.Product
	acmeSample, southSample             *ent.Sample
	acmeKeyPerson                       *ent.KeyPerson
	privateInteraction, openInteraction *ent.Interaction
}

const testSecret = "test-secret-test-secret-test-secret-0123"

func newEnv(t *testing.T, backend string, o envOptions) *env {
	t.Helper()
	e := &env{t: t}
	cfg := app.Config{DataDir: t.TempDir(), JWTSecret: testSecret, Env: "test", Addr: ":0", WebhookAllowHosts: o.webhookAllow, TrustedProxies: o.trustedProxies,
		S3: o.s3, S3Presign: o.s3Presign}
	if o.storedKeys {
		cfg.JWTSecret = ""
	}
	if backend == "postgres" {
		cfg.DatabaseURL = pgSchema(t)
		if u, err := url.Parse(cfg.DatabaseURL); err == nil {
			e.pgApp = u.Query().Get("application_name")
		}
	}
	// The server's log is kept (tests read it through e.logLines); TANDEM_TEST_LOG=1
	// also prints it.
	e.log = &logBuffer{}
	var out io.Writer = e.log
	if os.Getenv("TANDEM_TEST_LOG") != "" {
		out = io.MultiWriter(e.log, os.Stderr)
	}
	if o.log != nil {
		out = io.MultiWriter(out, o.log)
	}
	log := slog.New(slog.NewTextHandler(out, nil))
	if o.config != nil {
		o.config(&cfg)
	}
	if o.webhookResolver == nil {
		o.webhookResolver = &testDNS{} // no test looks up a real name
	}
	throttle := o.throttle
	if throttle == nil {
		throttle = &auth.Throttle{Limit: 5, PerAddrLimit: 1000, Window: time.Minute, Block: time.Minute}
	}
	a, err := app.New(context.Background(), cfg, log, app.Options{
		Now:             o.now,
		Throttle:        throttle,
		WebhookRootCAs:  o.webhookCAs,
		WebhookResolver: o.webhookResolver,
		Limits:          o.limits,
		EntOptions: []ent.Option{ent.Debug(), ent.Log(func(args ...any) {
			e.statements.Add(1)
			if os.Getenv("TANDEM_TEST_SQL") != "" {
				fmt.Fprintln(os.Stderr, args...)
			}
			if len(args) > 0 && strings.HasPrefix(fmt.Sprint(args[0]), "Tx(") {
				e.txStatements.Add(1)
			}
			if r := e.recording.Load(); r != nil {
				r.add(fmt.Sprint(args...))
			}
		})},
	})
	if err != nil {
		t.Fatalf("starting tandem on %s: %v", backend, err)
	}
	e.app = a
	e.srv = httptest.NewServer(a.Handler)
	t.Cleanup(func() { e.srv.Close(); a.Close() })
	e.sys = privacy.DecisionContext(context.Background(), privacy.Allow)
	e.seed()
	return e
}

// pgSchema creates a fresh schema on the test server and returns a URL using it.
func pgSchema(t *testing.T) string {
	base := os.Getenv("TANDEM_TEST_DATABASE_URL")
	raw := make([]byte, 6)
	_, _ = rand.Read(raw)
	schema := "t_" + hex.EncodeToString(raw)
	db, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("creating schema on %s: %v", base, err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("postgres", base)
		if err == nil {
			_, _ = db.Exec("DROP SCHEMA " + schema + " CASCADE")
			db.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	// Names the test's connections in pg_stat_activity (moves_test.go waits on them).
	q.Set("application_name", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

const password = "correct horse battery"

func (e *env) seed() {
	t, c, ctx := e.t, e.app.DB.Client, e.sys
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	hash, err := auth.HashPassword(password)
	must(err)
	f := &e.f
	f.eastTeam = c.Team.Create().SetName("East").SaveX(ctx)
	f.southTeam = c.Team.Create().SetName("South").SaveX(ctx)
	mk := func(email string, role user.Role, team *ent.Team) *ent.User {
		u := c.User.Create().SetEmail(email).SetName(email).SetRole(role).SetPasswordHash(hash)
		if team != nil {
			u.SetTeamID(team.ID)
		}
		return u.SaveX(ctx)
	}
	f.admin = mk("admin@t.test", user.RoleADMIN, nil)
	f.manager = mk("manager@t.test", user.RoleMANAGER, f.eastTeam)
	f.rep1 = mk("rep1@t.test", user.RoleREP, f.eastTeam)
	f.rep2 = mk("rep2@t.test", user.RoleREP, f.eastTeam)
	f.rep3 = mk("rep3@t.test", user.RoleREP, f.southTeam)
	f.analyst = mk("analyst@t.test", user.RoleANALYST, nil)
	acct := func(name string, owner *ent.User, team *ent.Team) *ent.Customer {
		return c.Customer.Create().SetName(name).SetOwnerID(owner.ID).SetTeamID(team.ID).SetStage(customer.StageVISITED).SaveX(ctx)
	}
	f.acmeEast = acct("宁波华塑新材料有限公司", f.rep1, f.eastTeam)
	f.rep2Own = acct("Jiangsu Meridian Polymers Co., Ltd.", f.rep2, f.eastTeam)
	f.southAcct = acct("佛山彩虹涂料股份有限公司", f.rep3, f.southTeam)
	f.acmeContact = c.Contact.Create().SetCustomerID(f.acmeEast.ID).SetName("李工").SaveX(ctx)
	f.southContact = c.Contact.Create().SetCustomerID(f.southAcct.ID).SetName("陈经理").SaveX(ctx)
	f.product = c.Product.Create().SetCode("TX-AO1010").SetName("Antioxidant 1010").SaveX(ctx)
	f.acmeSample = c.Sample.Create().SetCustomerID(f.acmeEast.ID).SetProductID(f.product.ID).SetQuantity(2).SaveX(ctx)
	f.southSample = c.Sample.Create().SetCustomerID(f.southAcct.ID).SetProductID(f.product.ID).SetQuantity(1).SaveX(ctx)
	f.acmeKeyPerson = c.KeyPerson.Create().SetCustomerID(f.acmeEast.ID).SetContactID(f.acmeContact.ID).
		SetDecisionRole("TECHNICAL_EVALUATOR").SetPrivateNotes("prefers calls after 6pm; daughter at university").SaveX(ctx)
	f.privateInteraction = c.Interaction.Create().SetCustomerID(f.acmeEast.ID).SetKind("VISIT").SetPrivate(true).
		SetAuthorID(f.rep1.ID).SetFindings("private finding").SaveX(ctx)
	f.openInteraction = c.Interaction.Create().SetCustomerID(f.acmeEast.ID).SetKind("PHONE").
		SetAuthorID(f.rep1.ID).SetFindings("open finding").SaveX(ctx)
}

// gqlResponse is a GraphQL answer.
type gqlResponse struct {
	Data       map[string]any `json:"data"`
	Errors     []gqlError     `json:"errors"`
	Extensions map[string]any `json:"extensions"`
	status     int
	header     http.Header
}

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// code is the first error's extensions.code ("" when there is none).
func (r *gqlResponse) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// do posts a GraphQL request with an optional bearer token.
func (e *env) do(token, query string, vars map[string]any) *gqlResponse {
	e.t.Helper()
	return e.doFrom("", token, query, vars)
}

// doFrom is do with an X-Forwarded-For header (none when forwardedFor is "").
func (e *env) doFrom(forwardedFor, token, query string, vars map[string]any) *gqlResponse {
	e.t.Helper()
	h := map[string]string{}
	if forwardedFor != "" {
		h["X-Forwarded-For"] = forwardedFor
	}
	return e.doWith(h, token, query, vars)
}

// doWith is do with extra request headers.
func (e *env) doWith(headers map[string]string, token, query string, vars map[string]any) *gqlResponse {
	e.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	base := e.srv.URL
	if e.target != "" {
		base = e.target
	}
	req, _ := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	out := &gqlResponse{status: res.StatusCode, header: res.Header}
	if err := json.Unmarshal(raw, out); err != nil {
		e.t.Fatalf("not JSON (%d): %s", res.StatusCode, raw)
	}
	return out
}

// via sends the requests fn makes to another server (a second process on the database).
func (e *env) via(url string, fn func()) {
	e.target = url
	defer func() { e.target = "" }()
	fn()
}

// ok posts and fails the test on any GraphQL error.
func (e *env) ok(token, query string, vars map[string]any) map[string]any {
	e.t.Helper()
	r := e.do(token, query, vars)
	if len(r.Errors) > 0 {
		e.t.Fatalf("unexpected errors: %+v", r.Errors)
	}
	return r.Data
}

const loginMutation = `mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { accessToken refreshToken expiresAt user { id email role } } }`

// token signs a user in and returns the access token.
func (e *env) token(u *ent.User) string {
	e.t.Helper()
	d := e.ok("", loginMutation, map[string]any{"e": u.Email, "p": password})
	return dig(d, "login", "accessToken").(string)
}

// dig walks a decoded JSON value by keys and indexes.
func dig(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			a, _ := v.([]any)
			if k >= len(a) {
				return nil
			}
			v = a[k]
		}
	}
	return v
}

func num(v any) int {
	f, _ := v.(float64)
	return int(f)
}

func idOf(v any) pulid.ID { s, _ := v.(string); return pulid.ID(s) }

func expectCode(t *testing.T, r *gqlResponse, code string) {
	t.Helper()
	if r.code() != code {
		t.Fatalf("want %s, got %q: %+v", code, r.code(), r.Errors)
	}
}

var _ = fmt.Sprint
var _ = strings.Repeat

// logBuffer keeps the server's log lines for a test to read.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// logLines returns the lines logged since the last call (and forgets them).
func (e *env) logLines() []string {
	e.log.mu.Lock()
	defer e.log.mu.Unlock()
	s := strings.TrimRight(e.log.buf.String(), "\n")
	e.log.buf.Reset()
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// sqlRecord is the statements run while a test records them.
type sqlRecord struct {
	mu   sync.Mutex
	text []string
}

func (r *sqlRecord) add(s string) { r.mu.Lock(); r.text = append(r.text, s); r.mu.Unlock() }

// recordSQL runs f and returns the text of the statements it ran.
func (e *env) recordSQL(f func()) []string {
	r := &sqlRecord{}
	e.recording.Store(r)
	defer e.recording.Store(nil)
	f()
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.text...)
}

package app

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"log/slog"
	"net/http"
	"net/netip"
	"sync/atomic"
	"time"

	"tandem/domain/access"
	"tandem/domain/account"
	"tandem/domain/dependence"
	"tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/schema/pulid"
	"tandem/ent/user"
	"tandem/graph"
	"tandem/server/auth"
	"tandem/server/demo"
	"tandem/server/metrics"
	"tandem/server/requestid"
	"tandem/server/storage"
	"tandem/server/webhook"
)

// App is a running Tandem: its database and its HTTP handler.
type App struct {
	Config  Config
	DB      *Database
	Auth    *auth.Service
	Log     *slog.Logger
	Handler http.Handler
	// Webhooks sends partners' webhook deliveries (started by the binary).
	Webhooks *webhook.Dispatcher
	// Notices are lines for the operator printed at start (logins, first password).
	Notices []string
	// Metrics are served at /metrics when enabled; webhooks and jobs count into them.
	Metrics *metrics.Metrics

	trustedProxies []netip.Prefix
	now            func() time.Time
	keys           *signingKeys
	throttle       auth.Throttle
	draining       atomic.Bool
	// JobDone is told the outcome of every periodic job this process runs (metrics).
	JobDone func(job, outcome string, d time.Duration)
	files   storage.Store
	// push is the Web Push set-up (nil: off); reminders sends what is due (jobs.go).
	push      *graph.PushConfig
	reminders func(ctx context.Context, now time.Time) (int, error)
}

// Options tune an App beyond Config; tests use them.
type Options struct {
	Now      func() time.Time
	Throttle *auth.Throttle
	Limits   *graph.Limits
	// EntOptions are passed to the ent client (tests count SQL statements with them).
	EntOptions []ent.Option
	// WebhookRootCAs are the certificate authorities webhook receivers are verified
	// with (the system's when nil; tests trust their TLS receiver with it).
	WebhookRootCAs *x509.CertPool
	// WebhookResolver looks up the hosts of webhook endpoints, at registration and when
	// delivering (the system's when nil; tests simulate DNS rebinding with it).
	WebhookResolver webhook.Resolver
}

// New opens the database, prepares sign-in and builds the handler.
func New(ctx context.Context, cfg Config, log *slog.Logger, opts Options) (*App, error) {
	db, err := openForStart(ctx, cfg, opts.EntOptions)
	if err != nil {
		return nil, err
	}
	applyPool(db, cfg.Operations)
	log = requestid.Logger(log) // every line logged within a request names it
	a, err := newWithDatabase(ctx, cfg, db, log, opts)
	if err != nil {
		db.Close()
		return nil, err
	}
	return a, nil
}

func newWithDatabase(ctx context.Context, cfg Config, db *Database, log *slog.Logger, opts Options) (*App, error) {
	throttle := auth.DefaultThrottle
	if opts.Throttle != nil {
		throttle = *opts.Throttle
	}
	limits := graph.DefaultLimits
	if opts.Limits != nil {
		limits = *opts.Limits
	}
	env, err := envWeights(cfg.Classification)
	if err != nil {
		return nil, err
	}
	if cfg.EvaluationContactFactor > 0 {
		account.SetEvaluationFactor(cfg.EvaluationContactFactor)
	}
	if cfg.ConcentrationShare > 0 {
		dependence.SetConcentrationShare(cfg.ConcentrationShare)
	}
	proxies, err := ParseTrustedProxies(cfg.TrustedProxies)
	if err != nil {
		return nil, err
	}
	a := &App{Config: cfg, DB: db, Log: log, trustedProxies: proxies, now: opts.Now, throttle: throttle}
	if a.files, err = openFileStore(ctx, cfg); err != nil {
		return nil, err
	}
	keys, err := a.startUp(ctx, env)
	if err != nil {
		return nil, err
	}
	a.keys = keys
	signer := auth.NewKeyedSigner(keys.tokens, opts.Now)
	// A token signed with a key this process does not know yet: another process rotated.
	signer.Unknown = func(string) bool { return keys.reload(context.Background(), 5*time.Second) }
	// One policy for where webhooks may go, at registration and when connecting.
	targets := &webhook.Targets{Allow: cfg.WebhookAllowHosts, Resolver: opts.WebhookResolver, Log: log}
	deliveries := targets.Client(&tls.Config{RootCAs: opts.WebhookRootCAs, MinVersion: tls.VersionTLS12})
	a.Webhooks = &webhook.Dispatcher{Client: db.Client, Dialect: db.Dialect, HTTP: deliveries, Log: log, Batch: 20, Lease: time.Minute, Now: opts.Now}
	a.Auth = &auth.Service{Client: db.Client, Signer: signer, Throttle: throttle, Now: opts.Now}
	resolver := &graph.Resolver{Client: db.Client, Auth: a.Auth, Files: a.files, PresignDownloads: cfg.S3Presign, DownloadKey: keys.links, Now: opts.Now,
		WebhookTargets: targets, Push: a.push}
	a.reminders = resolver.SendReminders
	if err := a.startMetrics(resolver); err != nil {
		return nil, err
	}
	gql := graph.NewHandler(resolver, graph.Options{Limits: limits, Production: cfg.Production(), Logger: log, Spend: a.spend})
	a.Handler = a.routes(gql, downloads{documents: resolver.DownloadHandler(), attachments: resolver.AttachmentDownloadHandler(),
		projectFiles: resolver.ProjectFileDownloadHandler(), media: resolver.MediaDownloadHandler()}, resolver.RefusedRowsHandler(), resolver.ExportHandler())
	return a, nil
}

// Close releases the database.
func (a *App) Close() error { return a.DB.Close() }

// bootstrap makes sure someone can sign in: demo data with --demo, otherwise an
// admin with a random password printed once.
func (a *App) bootstrap(ctx context.Context) error {
	sys := access.System(ctx, "start-up: is there anyone who can sign in")
	n, err := a.DB.Client.User.Query().Count(sys)
	if err != nil {
		return err
	}
	switch {
	case n == 0 && a.Config.Demo:
		res, err := demo.Seed(ctx, a.DB.Client, time.Now().UTC(), auth.HashPassword)
		if err != nil {
			return fmt.Errorf("demo data: %w", err)
		}
		if err := storeDemoFiles(ctx, a.files, res.Files); err != nil {
			return fmt.Errorf("demo files: %w", err)
		}
		a.Notices = append(a.Notices, fmt.Sprintf("Demo data loaded: %d customers. Sign in with any of these (password %q):", res.Customers, demo.Password))
		for _, l := range res.Logins {
			a.Notices = append(a.Notices, fmt.Sprintf("  %-22s %-8s %s", l.Email, l.Role, l.Name))
		}
		if err := a.demoPartnerToken(ctx); err != nil {
			return fmt.Errorf("demo partner token: %w", err)
		}
	case n > 0 && a.Config.Demo:
		a.Notices = append(a.Notices, fmt.Sprintf("The database already has users; demo logins (if it was seeded): admin@demo.tandem … password %q", demo.Password))
	case n == 0:
		pw, err := auth.RandomPassword(12)
		if err != nil {
			return err
		}
		hash, err := auth.HashPassword(pw)
		if err != nil {
			return err
		}
		// The printed password is temporary, like an invited user's: whoever reads it
		// from the log chooses their own at the first sign-in.
		err = a.DB.Client.User.Create().SetEmail(FirstAdminEmail).SetName("Administrator").
			SetRole(user.RoleADMIN).SetFunction(user.FunctionMANAGEMENT).SetPasswordHash(hash).SetMustChangePassword(true).Exec(sys)
		if err != nil {
			return err
		}
		a.Notices = append(a.Notices,
			"First start: created the administrator "+FirstAdminEmail+" with the temporary password "+pw+" (shown only now).",
			"Sign in with it in the app: it asks you to choose your own password first, then add your users, teams and data under Settings → Administration and Data.",
			"Lost it? `tandem reset-admin-password` on this machine gives a new one (README: break-glass).")
	}
	return nil
}

// storeDemoFiles writes the files of the demo's documents where uploads go.
func storeDemoFiles(ctx context.Context, store storage.Store, files map[string][]byte) error {
	for key, body := range files {
		if _, _, err := store.Put(ctx, key, bytes.NewReader(body)); err != nil {
			return err
		}
	}
	return nil
}

// FirstAdminEmail is the administrator the first start on an empty database creates.
const FirstAdminEmail = "admin@tandem.local"

// demoPartnerToken issues an API token for one partner account of the demo, so the
// partner walk-through can be tried at once; like every token it is shown only here.
func (a *App) demoPartnerToken(ctx context.Context) error {
	sys := access.System(ctx, "demo: a partner token for the walk-through")
	cu, err := a.DB.Client.Customer.Query().Where(customer.StageEQ(customer.StagePARTNER)).Order(ent.Asc(customer.FieldName)).First(sys)
	if err != nil {
		return err
	}
	t, err := auth.MintToken()
	if err != nil {
		return err
	}
	err = a.DB.Client.APIToken.Create().SetName("Demo partner integration").SetCustomerID(cu.ID).SetScopes(auth.Scopes).
		SetTokenHash(t.Hash).SetSalt(t.Salt).SetLastEight(t.LastEight).Exec(sys)
	if err != nil {
		return err
	}
	a.Notices = append(a.Notices, fmt.Sprintf("Partner API token for %s (all scopes; shown once):", cu.Name), "  "+t.Secret)
	return nil
}

// spend charges a partner token's query budget.
func (a *App) spend(ctx context.Context, tokenID pulid.ID, cost int) (float64, int, int, error) {
	b, err := a.Auth.Spend(ctx, tokenID, cost)
	if b == nil {
		return 0, 0, 0, err
	}
	return b.Remaining, b.Limit, b.PerSecond, err
}

// Package app assembles Tandem: configuration, the database, sign-in, the GraphQL
// handler, health checks and the embedded app, behind one http.Handler.
package app

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"tandem/domain/account"
	"tandem/domain/classification"
	"tandem/domain/dependence"
	"tandem/ent/classify"
	"tandem/server/storage"
	"tandem/server/webhook"
)

// Config is the server's configuration: flags with environment fallbacks.
type Config struct {
	Addr        string // --addr / TANDEM_ADDR
	DataDir     string // --data-dir / TANDEM_DATA_DIR
	DatabaseURL string // DATABASE_URL
	JWTSecret   string // TANDEM_JWT_SECRET
	Env         string // TANDEM_ENV ("production" hardens defaults)
	Demo        bool   // --demo / TANDEM_DEMO
	// Operations: logs, metrics, the database pool and HTTP timeouts (config_ops.go).
	Operations
	// NoMigrate leaves the schema alone at start (`tandem migrate` applies migrations as
	// a deploy step) and refuses to start while migrations are pending.
	NoMigrate bool // --migrate=off / TANDEM_MIGRATE=off
	// Classification weighs the five account ratings, e.g.
	// "scale=1,technical_level=1,credit=1.5,demand=2,ease_of_closing=1.5,a=3.8,b=2.8,min=3".
	// It is the initial default only: once an admin saves weights in the app
	// (setClassificationWeights), the stored ones win over it at every start.
	Classification string // TANDEM_CLASSIFICATION
	// EvaluationContactFactor shortens key persons' contact intervals while their account
	// evaluates us (0 < f ≤ 1; 0.5 halves them): TANDEM_EVALUATION_CONTACT_FACTOR.
	EvaluationContactFactor float64
	// ConcentrationShare is the share of our revenue from which one customer is a
	// concentration risk (0 < s ≤ 1): TANDEM_CONCENTRATION_SHARE.
	ConcentrationShare float64
	// WebhookAllowHosts are hosts (names or IP addresses, as written in endpoint URLs)
	// that webhooks may reach although they are internal: an on-premise partner's
	// receiver. Every other internal address is refused.
	WebhookAllowHosts []string // --webhook-allow-hosts / TANDEM_WEBHOOK_ALLOW_HOSTS
	// TrustedProxies are the load balancers and reverse proxies whose X-Forwarded-For
	// is believed: comma-separated addresses and CIDR ranges, e.g. "10.0.0.0/8,::1".
	TrustedProxies string // --trusted-proxies / TANDEM_TRUSTED_PROXIES
	// SLASweepInterval is how often the server records the problems that missed a
	// service-level deadline (domain/issue.Sweep); it also runs at start.
	SLASweepInterval time.Duration // --sla-sweep-interval / TANDEM_SLA_SWEEP_INTERVAL

	// Several processes on one database (docs/operations.md, "Running several processes").
	// JWTPreviousSecrets are earlier values of TANDEM_JWT_SECRET whose tokens are still
	// accepted during a rotation (comma-separated): TANDEM_JWT_PREVIOUS_SECRETS.
	JWTPreviousSecrets []string
	// Workers: this process sends webhooks and runs the periodic jobs (--workers /
	// TANDEM_WORKERS, default on); turn it off on processes that only serve requests.
	Workers bool
	// WebhookRetention is how long delivered and failed webhook deliveries are kept
	// (--webhook-retention / TANDEM_WEBHOOK_RETENTION, default 30 days).
	WebhookRetention time.Duration
	// DrainDelay is how long a stopping process keeps serving after /readyz started to
	// fail, for the load balancer to notice (--drain-delay / TANDEM_DRAIN_DELAY).
	DrainDelay time.Duration

	// S3 is the S3-compatible object store uploaded files are kept in (--s3-… /
	// TANDEM_S3_…, files.go); nil keeps them under the data dir.
	S3 *storage.S3Config
	// S3Presign sends downloads straight to the object store (TANDEM_S3_PRESIGN).
	S3Presign bool
	// Push configures Web Push reminders (config_push.go).
	Push PushSettings
}

// Production reports whether the server runs in production mode.
func (c Config) Production() bool { return c.Env == "production" }

// parseConfig reads flags, falling back to the environment, then to safe defaults
// (ParseConfig); --help prints to help.
func parseConfig(args []string, getenv func(string) string, help io.Writer) (Config, error) {
	env := func(k, def string) string {
		if v := getenv(k); v != "" {
			return v
		}
		return def
	}
	var c Config
	switch v := getenv("TANDEM_ENV"); v {
	case "", "development", "production", "test":
	default:
		return c, fmt.Errorf("TANDEM_ENV must be development or production (got %q)", v)
	}
	fs := flag.NewFlagSet("tandem", flag.ContinueOnError)
	applyOps := opsFlags(fs, getenv) // config_ops.go; --help is config_help.go
	fs.SetOutput(help)
	fs.Usage = func() { writeHelp(help, fs) }
	fs.StringVar(&c.Addr, "addr", env("TANDEM_ADDR", ":8080"), "listen address (TANDEM_ADDR)")
	fs.StringVar(&c.DataDir, "data-dir", env("TANDEM_DATA_DIR", "./data"), "directory for the embedded database, the generated secret and uploads (TANDEM_DATA_DIR)")
	allow := fs.String("webhook-allow-hosts", env("TANDEM_WEBHOOK_ALLOW_HOSTS", ""), "comma-separated internal hosts webhooks may reach, e.g. erp.partner.local,10.1.2.3 (TANDEM_WEBHOOK_ALLOW_HOSTS)")
	fs.StringVar(&c.TrustedProxies, "trusted-proxies", env("TANDEM_TRUSTED_PROXIES", ""), "comma-separated addresses or CIDR ranges of proxies whose X-Forwarded-For is believed; default none (TANDEM_TRUSTED_PROXIES)")
	s3 := newS3Flags(fs, env)
	applyPush := pushFlags(fs, env)
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	var err error
	if c.S3, c.S3Presign, err = s3.config(); err != nil {
		return c, err
	}
	hosts, err := parseAllowHosts(*allow)
	if err != nil {
		return c, err
	}
	c.WebhookAllowHosts = hosts
	if err := applyPush(&c); err != nil {
		return c, err
	}
	if err := applyOps(&c); err != nil {
		return c, err
	}
	c.DatabaseURL = getenv("DATABASE_URL")
	c.JWTSecret = getenv("TANDEM_JWT_SECRET")
	for _, p := range strings.Split(getenv("TANDEM_JWT_PREVIOUS_SECRETS"), ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		} else if len(p) < 32 {
			return c, errors.New("TANDEM_JWT_PREVIOUS_SECRETS: every secret must have at least 32 characters")
		}
		c.JWTPreviousSecrets = append(c.JWTPreviousSecrets, p)
	}
	if len(c.JWTPreviousSecrets) > 0 && c.JWTSecret == "" {
		return c, errors.New("TANDEM_JWT_PREVIOUS_SECRETS needs TANDEM_JWT_SECRET (the secret that signs now)")
	}
	if c.JWTSecret != "" && len(c.JWTSecret) < 32 {
		return c, errors.New("TANDEM_JWT_SECRET must have at least 32 characters")
	}
	c.Env = env("TANDEM_ENV", "development")
	c.Classification = getenv("TANDEM_CLASSIFICATION")
	if c.EvaluationContactFactor, err = envShare(getenv, "TANDEM_EVALUATION_CONTACT_FACTOR", account.DefaultEvaluationFactor); err != nil {
		return c, err
	}
	if c.ConcentrationShare, err = envShare(getenv, "TANDEM_CONCENTRATION_SHARE", dependence.DefaultConcentrationShare); err != nil {
		return c, err
	}
	if _, err := envWeights(c.Classification); err != nil {
		return c, err
	}
	if _, err := ParseTrustedProxies(c.TrustedProxies); err != nil {
		return c, err
	}
	return c, nil
}

// parseAllowHosts reads "erp.partner.local, 10.1.2.3, [fd12::5]": host names or IP
// addresses, without scheme, port or path, compared as webhook.NormalHost makes them.
func parseAllowHosts(list string) ([]string, error) {
	var hosts []string
	for _, h := range strings.Split(list, ",") {
		if strings.TrimSpace(h) == "" {
			continue
		}
		n := webhook.NormalHost(h)
		if _, err := netip.ParseAddr(n); err != nil && (strings.ContainsAny(n, ":/@?# ") || n == "") {
			return nil, fmt.Errorf("TANDEM_WEBHOOK_ALLOW_HOSTS: %q is not a host name or IP address (no scheme, port or path)", strings.TrimSpace(h))
		}
		hosts = append(hosts, n)
	}
	return hosts, nil
}

// ParseTrustedProxies reads a comma-separated list of addresses and CIDR ranges.
func ParseTrustedProxies(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		if strings.Contains(item, "/") {
			p, err := netip.ParsePrefix(item)
			if err != nil {
				return nil, fmt.Errorf("trusted proxies: %q is not a CIDR range: %w", item, err)
			}
			if p.Addr().Is4In6() {
				p = netip.PrefixFrom(p.Addr().Unmap(), max(p.Bits()-96, 0))
			}
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(item)
		if err != nil {
			return nil, fmt.Errorf("trusted proxies: %q is not an IP address: %w", item, err)
		}
		a = a.Unmap()
		out = append(out, netip.PrefixFrom(a, a.BitLen()))
	}
	return out, nil
}

// envWeights reads TANDEM_CLASSIFICATION and refuses weights an admin could not save.
func envWeights(s string) (classify.Weights, error) {
	w, err := classify.Parse(s)
	if err != nil {
		return w, err
	}
	if err := classification.Validate(w); err != nil {
		return w, fmt.Errorf("TANDEM_CLASSIFICATION: %w", err)
	}
	return w, nil
}

// envShare reads a number above 0 and at most 1 from the environment (def when unset).
func envShare(getenv func(string) string, name string, def float64) (float64, error) {
	raw := getenv(name)
	if raw == "" {
		return def, nil
	}
	f, err := strconv.ParseFloat(raw, 64)
	if err != nil || f <= 0 || f > 1 {
		return 0, fmt.Errorf("%s must be a number above 0 and at most 1, such as 0.5 (got %q)", name, raw)
	}
	return f, nil
}

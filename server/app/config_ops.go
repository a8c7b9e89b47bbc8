package app

import (
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"strings"
	"time"
)

// Operations are the settings for running Tandem in production: logs, metrics, the
// database pool and the HTTP server's timeouts. Every one is a flag with an
// environment fallback; a bad value stops the start with a message naming both.
type Operations struct {
	LogFormat string     // --log-format / TANDEM_LOG_FORMAT: text or json
	LogLevel  slog.Level // --log-level / TANDEM_LOG_LEVEL: debug, info, warn, error
	// Metrics serves /metrics on the public address; MetricsAddr serves it on a
	// listener of its own instead (and /metrics on the public address stays 404).
	Metrics     bool   // --metrics / TANDEM_METRICS
	MetricsAddr string // --metrics-addr / TANDEM_METRICS_ADDR
	// PprofAddr serves Go's profiler (/debug/pprof/) on a listener of its own; never
	// on the public address.
	PprofAddr string // --pprof-addr / TANDEM_PPROF_ADDR
	// The database pool; 0 keeps the defaults (PostgreSQL 20 open and 20 idle
	// connections, the embedded database 4 open).
	DBMaxOpenConns    int           // --db-max-open-conns / TANDEM_DB_MAX_OPEN_CONNS
	DBMaxIdleConns    int           // --db-max-idle-conns / TANDEM_DB_MAX_IDLE_CONNS
	DBConnMaxLifetime time.Duration // --db-conn-max-lifetime / TANDEM_DB_CONN_MAX_LIFETIME
	// The HTTP server's timeouts (see http.Server) and how long a stop waits for
	// requests in flight.
	ReadHeaderTimeout time.Duration // --read-header-timeout / TANDEM_READ_HEADER_TIMEOUT
	ReadTimeout       time.Duration // --read-timeout / TANDEM_READ_TIMEOUT
	WriteTimeout      time.Duration // --write-timeout / TANDEM_WRITE_TIMEOUT
	IdleTimeout       time.Duration // --idle-timeout / TANDEM_IDLE_TIMEOUT
	ShutdownGrace     time.Duration // --shutdown-grace / TANDEM_SHUTDOWN_GRACE
	// Version prints the build information and exits (--version).
	Version bool
}

// opsSetting is one setting of Operations: its flag, variable, default and how its
// text is read into the config.
type opsSetting struct {
	flag, env, def, usage string
	set                   func(c *Config, v string) error
}

var opsSettings = []opsSetting{
	{"log-format", "TANDEM_LOG_FORMAT", "text", "log format: text or json", func(c *Config, v string) error {
		if v != "text" && v != "json" {
			return errors.New("want text or json")
		}
		c.LogFormat = v
		return nil
	}},
	{"log-level", "TANDEM_LOG_LEVEL", "info", "lowest level logged: debug, info, warn or error", func(c *Config, v string) error {
		return c.LogLevel.UnmarshalText([]byte(v))
	}},
	{"metrics", "TANDEM_METRICS", "false", "serve Prometheus metrics at /metrics on the public address (true/1)", func(c *Config, v string) error {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return errors.New("want true or false (1 or 0)")
		}
		c.Metrics = b
		return nil
	}},
	{"metrics-addr", "TANDEM_METRICS_ADDR", "", "serve /metrics on this address of its own instead, e.g. 127.0.0.1:9090 (recommended: keeps it private)", func(c *Config, v string) error {
		c.MetricsAddr = v
		return checkAddr(v)
	}},
	{"pprof-addr", "TANDEM_PPROF_ADDR", "", "serve Go's profiler /debug/pprof/ on this address, e.g. 127.0.0.1:6060 (off when empty)", func(c *Config, v string) error {
		c.PprofAddr = v
		return checkAddr(v)
	}},
	{"db-max-open-conns", "TANDEM_DB_MAX_OPEN_CONNS", "0", "most open database connections; 0 keeps the default (PostgreSQL 20, embedded 4)", func(c *Config, v string) error {
		return count(v, &c.DBMaxOpenConns)
	}},
	{"db-max-idle-conns", "TANDEM_DB_MAX_IDLE_CONNS", "0", "most idle database connections kept; 0 keeps the default", func(c *Config, v string) error {
		return count(v, &c.DBMaxIdleConns)
	}},
	{"db-conn-max-lifetime", "TANDEM_DB_CONN_MAX_LIFETIME", "0s", "close database connections older than this, e.g. 30m; 0 keeps them", func(c *Config, v string) error {
		return duration(v, &c.DBConnMaxLifetime, true)
	}},
	{"read-header-timeout", "TANDEM_READ_HEADER_TIMEOUT", "10s", "time to read a request's headers", func(c *Config, v string) error {
		return duration(v, &c.ReadHeaderTimeout, false)
	}},
	{"read-timeout", "TANDEM_READ_TIMEOUT", "60s", "time to read a whole request, an upload included", func(c *Config, v string) error {
		return duration(v, &c.ReadTimeout, false)
	}},
	{"write-timeout", "TANDEM_WRITE_TIMEOUT", "120s", "time to write an answer, an export included", func(c *Config, v string) error {
		return duration(v, &c.WriteTimeout, false)
	}},
	{"idle-timeout", "TANDEM_IDLE_TIMEOUT", "120s", "how long an idle keep-alive connection stays open", func(c *Config, v string) error {
		return duration(v, &c.IdleTimeout, false)
	}},
	{"shutdown-grace", "TANDEM_SHUTDOWN_GRACE", "20s", "how long a stop waits for requests in flight", func(c *Config, v string) error {
		return duration(v, &c.ShutdownGrace, false)
	}},
	// Settings of Config itself that are read the same way.
	{"sla-sweep-interval", "TANDEM_SLA_SWEEP_INTERVAL", "1m", "how often missed service levels of problems are recorded", func(c *Config, v string) error {
		return duration(v, &c.SLASweepInterval, false)
	}},
	{"webhook-retention", "TANDEM_WEBHOOK_RETENTION", "720h", "how long delivered and failed webhook deliveries are kept", func(c *Config, v string) error {
		return duration(v, &c.WebhookRetention, false)
	}},
	{"drain-delay", "TANDEM_DRAIN_DELAY", "0s", "on SIGTERM, how long to keep serving after /readyz fails, e.g. 10s behind a load balancer", func(c *Config, v string) error {
		return duration(v, &c.DrainDelay, true)
	}},
	{"workers", "TANDEM_WORKERS", "true", "send webhooks and run the periodic jobs in this process; off for processes that only serve requests", func(c *Config, v string) error {
		return onOff(v, &c.Workers)
	}},
	{"demo", "TANDEM_DEMO", "false", "fill an empty database with demo data", func(c *Config, v string) error {
		return onOff(v, &c.Demo)
	}},
	{"migrate", "TANDEM_MIGRATE", "on", "apply pending schema migrations at start: on, or off when the tandem migrate command does it", func(c *Config, v string) error {
		switch strings.ToLower(v) {
		case "on":
			c.NoMigrate = false
		case "off":
			c.NoMigrate = true
		default:
			return errors.New("want on or off")
		}
		return nil
	}},
}

// opsFlags defines the Operations flags on fs, each defaulting to its variable; the
// returned function reads and checks them once fs is parsed.
func opsFlags(fs *flag.FlagSet, getenv func(string) string) func(c *Config) error {
	vals := make([]*string, len(opsSettings))
	for i, s := range opsSettings {
		def := s.def
		if v := getenv(s.env); v != "" {
			def = v
		}
		f := &textFlag{v: def, isBool: s.def == "false" || s.def == "true"}
		fs.Var(f, s.flag, fmt.Sprintf("%s (%s)", s.usage, s.env))
		vals[i] = &f.v
	}
	version := fs.Bool("version", false, "print the version and build information, then exit")
	return func(c *Config) error {
		c.Version = *version
		for i, s := range opsSettings {
			if err := s.set(c, strings.TrimSpace(*vals[i])); err != nil {
				return fmt.Errorf("--%s / %s: %q: %w", s.flag, s.env, *vals[i], err)
			}
		}
		if c.DBMaxOpenConns > 0 && c.DBMaxIdleConns > c.DBMaxOpenConns {
			return fmt.Errorf("--db-max-idle-conns (%d) must not exceed --db-max-open-conns (%d)", c.DBMaxIdleConns, c.DBMaxOpenConns)
		}
		if c.PprofAddr != "" && (c.PprofAddr == c.Addr || c.PprofAddr == c.MetricsAddr) {
			return fmt.Errorf("--pprof-addr %s must be an address of its own, not the app's or the metrics'", c.PprofAddr)
		}
		if c.MetricsAddr != "" && c.MetricsAddr == c.Addr {
			return fmt.Errorf("--metrics-addr %s must differ from --addr (use --metrics to serve /metrics on the app's address)", c.MetricsAddr)
		}
		return nil
	}
}

// textFlag is a flag kept as text and read by its setting after parsing; a yes/no
// setting may be given bare (--metrics).
type textFlag struct {
	v      string
	isBool bool
}

func (f *textFlag) String() string {
	if f == nil {
		return ""
	}
	return f.v
}

func (f *textFlag) Set(s string) error { f.v = s; return nil }

func (f *textFlag) IsBoolFlag() bool { return f.isBool }

func checkAddr(v string) error {
	if v == "" {
		return nil
	}
	if _, port, err := net.SplitHostPort(v); err != nil || port == "" {
		return errors.New("want host:port or :port")
	}
	return nil
}

func count(v string, dst *int) error {
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return errors.New("want a whole number, 0 or more")
	}
	*dst = n
	return nil
}

// onOff reads a switch: on, off, true, false, yes, no, 1 or 0.
func onOff(v string, dst *bool) error {
	switch strings.ToLower(v) {
	case "on", "true", "yes", "1":
		*dst = true
	case "off", "false", "no", "0":
		*dst = false
	default:
		return errors.New("want on or off")
	}
	return nil
}

func duration(v string, dst *time.Duration, zeroOK bool) error {
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 || d == 0 && !zeroOK {
		if zeroOK {
			return errors.New("want a duration such as 30s or 5m, 0 or more")
		}
		return errors.New("want a positive duration such as 30s or 5m")
	}
	*dst = d
	return nil
}

// applyPool sets the database pool settings that are configured (0 keeps
// OpenDatabase's defaults).
func applyPool(db *Database, ops Operations) {
	if ops.DBMaxOpenConns > 0 {
		db.DB.SetMaxOpenConns(ops.DBMaxOpenConns)
	}
	if ops.DBMaxIdleConns > 0 {
		db.DB.SetMaxIdleConns(ops.DBMaxIdleConns)
	}
	if ops.DBConnMaxLifetime > 0 {
		db.DB.SetConnMaxLifetime(ops.DBConnMaxLifetime)
	}
}

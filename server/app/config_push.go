package app

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"
	_ "time/tzdata" // TANDEM_TIME_ZONE on machines without a zone database

	"tandem/graph"
	"tandem/server/auth"
	"tandem/server/push"
)

// PushSettings configure Web Push reminders (server/push, docs/operations.md).
type PushSettings struct {
	// Off turns push reminders off (--push=off / TANDEM_PUSH=off).
	Off bool
	// Hosts are push services allowed beyond the browsers' own (push.DefaultHosts):
	// a private push relay, or a loopback host:port for tests (TANDEM_PUSH_HOSTS).
	Hosts []string
	// Subject is how push services reach the operator, a mailto: or https: URL
	// (TANDEM_PUSH_SUBJECT).
	Subject string
	// Zone is where the morning digest's time of day is read (TANDEM_TIME_ZONE).
	Zone *time.Location
	// Interval is how often the reminder job looks for what is due (default a minute;
	// at least 10 s, the job runner's tick).
	Interval time.Duration
}

// pushFlags registers the push flags; the returned function completes c.Push once
// the flags are parsed.
func pushFlags(fs *flag.FlagSet, env func(k, def string) string) func(c *Config) error {
	on := fs.String("push", env("TANDEM_PUSH", "on"), "Web Push reminders to subscribed browsers: on or off (TANDEM_PUSH)")
	hosts := fs.String("push-hosts", env("TANDEM_PUSH_HOSTS", ""), "push services allowed beyond the browsers' own (FCM, Mozilla, Apple, WNS), comma-separated: host names, .suffixes, or a loopback host:port (TANDEM_PUSH_HOSTS)")
	subject := fs.String("push-subject", env("TANDEM_PUSH_SUBJECT", "mailto:admin@example.com"), "how push services reach the operator: a mailto: or https: URL (TANDEM_PUSH_SUBJECT)")
	interval := fs.String("push-interval", env("TANDEM_PUSH_INTERVAL", "1m"), "how often reminders due are looked for and sent, at least 10s (TANDEM_PUSH_INTERVAL)")
	zone := fs.String("time-zone", env("TANDEM_TIME_ZONE", "Asia/Shanghai"), "the time zone of the morning digest's time of day (TANDEM_TIME_ZONE)")
	return func(c *Config) error {
		var enabled bool
		if err := onOff(*on, &enabled); err != nil {
			return fmt.Errorf("TANDEM_PUSH: %w (got %q)", err, *on)
		}
		c.Push.Off = !enabled
		for _, h := range strings.Split(*hosts, ",") {
			if h = strings.TrimSpace(h); h != "" {
				c.Push.Hosts = append(c.Push.Hosts, h)
			}
		}
		if s := *subject; !strings.HasPrefix(s, "mailto:") && !strings.HasPrefix(s, "https://") {
			return fmt.Errorf("TANDEM_PUSH_SUBJECT must be a mailto: or https: URL (got %q)", s)
		}
		c.Push.Subject = *subject
		if err := duration(*interval, &c.Push.Interval, false); err != nil || c.Push.Interval < 10*time.Second {
			return fmt.Errorf("TANDEM_PUSH_INTERVAL must be a duration of at least 10s (got %q)", *interval)
		}
		loc, err := time.LoadLocation(*zone)
		if err != nil {
			return fmt.Errorf("TANDEM_TIME_ZONE: %q is not a time zone (e.g. Asia/Shanghai): %w", *zone, err)
		}
		c.Push.Zone = loc
		return nil
	}
}

// openPush makes the push set-up: the VAPID key kept in the database (made at the
// first start, under the start-up lock, so every process has the same and browsers'
// subscriptions outlive restarts). nil when push is off.
func (a *App) openPush(ctx context.Context) (*graph.PushConfig, error) {
	p := a.Config.Push
	if p.Off {
		return nil, nil
	}
	if err := auth.EnsureKey(ctx, a.DB.Client, auth.PurposePush, nil, a.clock()); err != nil {
		return nil, err
	}
	keys, err := auth.LoadKeys(ctx, a.DB.Client, auth.PurposePush, a.clock())
	if err != nil || len(keys) == 0 {
		return nil, fmt.Errorf("the Web Push key: %v", err)
	}
	vapid, err := push.VAPIDFromSecret(keys[0].Secret, p.Subject)
	if err != nil {
		return nil, err
	}
	zone := p.Zone
	if zone == nil {
		zone = time.UTC
	}
	return &graph.PushConfig{VAPID: vapid, Endpoints: push.Endpoints{Hosts: append(append([]string{}, push.DefaultHosts...), p.Hosts...)},
		Sender: &push.Sender{VAPID: vapid, Client: push.NewClient(), Now: a.now}, Zone: zone}, nil
}

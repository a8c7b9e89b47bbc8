package app

import (
	"context"
	"sync"
	"time"

	"tandem/domain/access"
	"tandem/domain/classification"
	"tandem/domain/importer"
	problems "tandem/domain/issue"
	quotations "tandem/domain/quotation"
	"tandem/ent/classify"
	"tandem/ent/clientmutation"
	"tandem/ent/loginthrottle"
	"tandem/ent/pushsent"
	"tandem/ent/refreshtoken"
	"tandem/ent/webhookdelivery"
	"tandem/graph"
	"tandem/server/auth"
	"tandem/server/jobs"
)

// Retention of what the periodic clean-up removes.
const (
	// SessionRetention: refresh tokens are deleted this long after they expired.
	SessionRetention = 24 * time.Hour
	// ReplayRetention: an offline client's retry is recognized for this long
	// (clientMutationId, graph/idempotency.go).
	ReplayRetention = 30 * 24 * time.Hour
	// DefaultWebhookRetention: delivered and failed webhook deliveries are kept this long.
	DefaultWebhookRetention = 30 * 24 * time.Hour
)

// Jobs are the periodic jobs: on each database one process runs each per interval,
// among the processes with workers on.
func (a *App) Jobs() []jobs.Job {
	c := a.DB.Client
	sys := func(ctx context.Context) context.Context {
		return access.System(ctx, "background work: periodic clean-up")
	}
	sweep, retention := a.Config.SLASweepInterval, a.Config.WebhookRetention
	if sweep <= 0 {
		sweep = time.Minute
	}
	if retention <= 0 {
		retention = DefaultWebhookRetention
	}
	pushEvery := a.Config.Push.Interval
	if pushEvery <= 0 {
		pushEvery = time.Minute
	}
	return []jobs.Job{
		{Name: "sla-sweep", Every: sweep, Run: func(ctx context.Context, now time.Time) (int, error) {
			return problems.Sweep(ctx, c, now)
		}},
		{Name: "stale-imports", Every: time.Minute, Run: func(ctx context.Context, now time.Time) (int, error) {
			return importer.MarkStale(ctx, c, now)
		}},
		{Name: "expired-sessions", Every: time.Hour, Run: func(ctx context.Context, now time.Time) (int, error) {
			return c.RefreshToken.Delete().Where(refreshtoken.ExpiresAtLT(now.Add(-SessionRetention))).Exec(sys(ctx))
		}},
		{Name: "sign-in-throttles", Every: time.Hour, Run: func(ctx context.Context, now time.Time) (int, error) {
			old := a.throttle.Forgotten(now)
			return c.LoginThrottle.Delete().Where(loginthrottle.WindowStartLT(old),
				loginthrottle.Or(loginthrottle.BlockedUntilIsNil(), loginthrottle.BlockedUntilLT(old))).Exec(sys(ctx))
		}},
		{Name: "webhook-deliveries", Every: time.Hour, Run: func(ctx context.Context, now time.Time) (int, error) {
			return c.WebhookDelivery.Delete().Where(webhookdelivery.StatusNEQ(webhookdelivery.StatusPENDING),
				webhookdelivery.CreatedAtLT(now.Add(-retention))).Exec(sys(ctx))
		}},
		{Name: "replay-records", Every: 6 * time.Hour, Run: func(ctx context.Context, now time.Time) (int, error) {
			return c.ClientMutation.Delete().Where(clientmutation.CreatedAtLT(now.Add(-ReplayRetention))).Exec(sys(ctx))
		}},
		{Name: "quotations-expire", Every: 10 * time.Minute, Run: func(ctx context.Context, now time.Time) (int, error) {
			return quotations.Expire(ctx, c, now)
		}},
		{Name: "retired-keys", Every: time.Hour, Run: func(ctx context.Context, now time.Time) (int, error) {
			return auth.DropRetired(ctx, c, now)
		}},
		{Name: "push-reminders", Every: pushEvery, Run: func(ctx context.Context, now time.Time) (int, error) {
			if a.reminders == nil {
				return 0, nil
			}
			return a.reminders(ctx, now)
		}},
		{Name: "push-sent", Every: time.Hour, Run: func(ctx context.Context, now time.Time) (int, error) {
			return c.PushSent.Delete().Where(pushsent.CreatedAtLT(now.Add(-graph.PushSentRetention))).Exec(sys(ctx))
		}},
	}
}

// RunWorkers starts, until ctx ends: on every process, the reload of what other
// processes may change (signing keys, classification weights); with workers on, the
// webhook deliveries and the periodic jobs. wait returns when they have stopped (a
// delivery under way is finished first).
func (a *App) RunWorkers(ctx context.Context) (wait func()) {
	var wg sync.WaitGroup
	run := func(f func(context.Context)) {
		wg.Add(1)
		go func() { defer wg.Done(); f(ctx) }()
	}
	run(a.follow)
	if a.Config.Workers {
		run(func(ctx context.Context) { a.Webhooks.Run(ctx, 2*time.Second) })
		r := &jobs.Runner{Client: a.DB.Client, Jobs: a.Jobs(), Log: a.Log, Now: a.now, Done: a.JobDone}
		run(r.Run)
	}
	return wg.Wait
}

// follow reads again, every minute, what another process may have changed.
func (a *App) follow(ctx context.Context) {
	jobs.Every(ctx, keyReload, func(ctx context.Context) {
		a.keys.reload(ctx, 0)
		if n, err := a.DB.Client.WebhookDelivery.Query().Where(webhookdelivery.StatusEQ(webhookdelivery.StatusPENDING)).
			Count(access.System(ctx, "metrics: webhook deliveries waiting")); err == nil {
			a.Metrics.SetPendingWebhooks(n)
		}
		if row, err := classification.Current(access.System(ctx, "weights saved by another process"), a.DB.Client); err == nil {
			classify.Set(classification.Weights(row))
		}
	})
}

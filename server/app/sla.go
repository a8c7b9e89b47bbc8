package app

import (
	"context"
	"time"

	problems "tandem/domain/issue"
)

// SweepSLA records every problem that has missed a service-level deadline since the
// last sweep (domain/issue.Sweep); it reports how many breaches it recorded.
func (a *App) SweepSLA(ctx context.Context) (int, error) {
	now := time.Now().UTC()
	if a.now != nil {
		now = a.now().UTC()
	}
	return problems.Sweep(ctx, a.DB.Client, now)
}

// RunSLASweeper sweeps at start and then every interval until ctx ends, so that a
// breach is recorded when it happens, whether anyone looks at the problem or not.
func (a *App) RunSLASweeper(ctx context.Context, interval time.Duration) {
	if interval <= 0 {
		interval = time.Minute
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if n, err := a.SweepSLA(ctx); err != nil && ctx.Err() == nil {
			a.Log.Error("sla sweep", "err", err)
		} else if n > 0 {
			a.Log.Info("sla sweep: missed service levels recorded", "breaches", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

package app

import (
	"context"

	problems "tandem/domain/issue"
)

// SweepSLA records every problem that has missed a service-level deadline since the
// last sweep (domain/issue.Sweep); it reports how many breaches it recorded.
func (a *App) SweepSLA(ctx context.Context) (int, error) {
	return problems.Sweep(ctx, a.DB.Client, a.clock())
}

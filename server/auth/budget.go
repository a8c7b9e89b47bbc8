package auth

import (
	"context"
	"math"
	"time"

	"tandem/ent/apitoken"
	"tandem/ent/errcode"
	"tandem/ent/schema/pulid"
)

// Budget is what a partner token has left after a request.
type Budget struct {
	Remaining float64
	Limit     int
	PerSecond int
}

// Spend takes a query's cost from a partner token's budget, a leaky bucket that
// refills at budget_per_second up to budget_burst. The bucket lives in the token's
// row and is updated with a compare-and-set, so several server copies share it.
// An over-budget request gets RATE_LIMITED with the seconds until it would fit.
func (s *Service) Spend(ctx context.Context, tokenID pulid.ID, cost int) (*Budget, error) {
	sys := system(ctx)
	for attempt := 0; attempt < 5; attempt++ {
		t, err := s.Client.APIToken.Get(sys, tokenID)
		if err != nil {
			return nil, err
		}
		now := s.now()
		level := float64(t.BudgetBurst)
		if t.BudgetLevel != nil && t.BudgetAt != nil {
			level = math.Min(float64(t.BudgetBurst), *t.BudgetLevel+now.Sub(*t.BudgetAt).Seconds()*float64(t.BudgetPerSecond))
		}
		b := &Budget{Limit: t.BudgetBurst, PerSecond: t.BudgetPerSecond, Remaining: level}
		if cost > t.BudgetBurst {
			return b, errcode.New(errcode.BadUserInput, "the query costs %d, more than this token's whole budget of %d: ask for smaller pages", cost, t.BudgetBurst).
				With("cost", cost).With("budget", t.BudgetBurst)
		}
		if level < float64(cost) {
			wait := time.Duration((float64(cost) - level) / float64(t.BudgetPerSecond) * float64(time.Second))
			return b, errcode.RetryAfter(wait, "the query costs %d and this token has %.0f left; it refills at %d per second", cost, level, t.BudgetPerSecond).
				With("cost", cost).With("remaining", math.Floor(level))
		}
		upd := s.Client.APIToken.Update().Where(apitoken.ID(t.ID)).SetBudgetLevel(level - float64(cost)).SetBudgetAt(now)
		if t.BudgetAt == nil {
			upd.Where(apitoken.BudgetAtIsNil())
		} else {
			upd.Where(apitoken.BudgetAt(*t.BudgetAt))
		}
		n, err := upd.Save(sys)
		if err != nil {
			return nil, err
		}
		if n == 1 {
			b.Remaining = level - float64(cost)
			return b, nil
		}
		// Another request spent from the bucket in between: read it again.
	}
	return nil, errcode.RetryAfter(time.Second, "the token is busy; retry")
}

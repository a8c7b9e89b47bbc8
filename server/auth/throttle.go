package auth

import (
	"context"
	"time"

	"tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/loginthrottle"
)

// Throttle slows password guessing: after Limit failures within Window for an
// account (or PerAddrLimit for a client address), sign-in is refused for Block. The
// counters live in the database so every server copy enforces the same limit.
type Throttle struct {
	Limit        int
	PerAddrLimit int
	Window       time.Duration
	Block        time.Duration
}

// DefaultThrottle: 5 failures per account or 20 per address in 15 minutes block
// sign-in for 15 minutes.
var DefaultThrottle = Throttle{Limit: 5, PerAddrLimit: 20, Window: 15 * time.Minute, Block: 15 * time.Minute}

// Check refuses with RATE_LIMITED while any key is blocked.
func (t Throttle) Check(ctx context.Context, c *ent.Client, now time.Time, keys ...string) error {
	rows, err := c.LoginThrottle.Query().Where(loginthrottle.KeyIn(keys...), loginthrottle.BlockedUntilGT(now)).All(system(ctx))
	if err != nil {
		return err
	}
	var until time.Time
	for _, r := range rows {
		if r.BlockedUntil.After(until) {
			until = *r.BlockedUntil
		}
	}
	if until.IsZero() {
		return nil
	}
	return errcode.RetryAfter(until.Sub(now), "too many failed sign-ins; try again after %s", until.Format(time.RFC3339))
}

// Fail counts a failure against every key, blocking those over their limit.
func (t Throttle) Fail(ctx context.Context, c *ent.Client, now time.Time, keys ...string) error {
	sys := system(ctx)
	for _, key := range keys {
		limit := t.Limit
		if len(key) > 5 && key[:5] == "addr:" {
			limit = t.PerAddrLimit
		}
		err := c.LoginThrottle.Create().SetKey(key).SetFailures(0).SetWindowStart(now).
			OnConflictColumns(loginthrottle.FieldKey).Ignore().Exec(sys)
		if err != nil {
			return err
		}
		r, err := c.LoginThrottle.Query().Where(loginthrottle.Key(key)).Only(sys)
		if err != nil {
			return err
		}
		upd := c.LoginThrottle.UpdateOne(r)
		failures := r.Failures + 1
		if now.Sub(r.WindowStart) > t.Window {
			failures = 1
			upd.SetWindowStart(now)
		}
		upd.SetFailures(failures)
		if failures >= limit {
			upd.SetBlockedUntil(now.Add(t.Block)).SetFailures(0).SetWindowStart(now)
		}
		if err := upd.Exec(sys); err != nil {
			return err
		}
	}
	return nil
}

// Reset clears an account's failures after a successful sign-in.
func (t Throttle) Reset(ctx context.Context, c *ent.Client, key string) error {
	_, err := c.LoginThrottle.Delete().Where(loginthrottle.Key(key)).Exec(system(ctx))
	return err
}

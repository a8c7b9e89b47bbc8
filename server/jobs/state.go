// Package jobs runs Tandem's background work so that several server processes on one
// database share it: periodic jobs are claimed per interval by one process (Claim),
// one-off start-up work runs once per version of the work (Once), and Runner runs the
// jobs of the processes that are set to run workers.
package jobs

import (
	"context"
	"time"

	"tandem/domain/access"
	"tandem/ent"
	"tandem/ent/serverstate"
)

func system(ctx context.Context, why string) context.Context { return access.System(ctx, why) }

// ensure makes the named state row; another process making it first is fine.
func ensure(ctx context.Context, c *ent.Client, name string) error {
	sys := system(ctx, "background work: shared state of the server processes")
	n, err := c.ServerState.Query().Where(serverstate.Name(name)).Count(sys)
	if err != nil || n > 0 {
		return err
	}
	err = c.ServerState.Create().SetName(name).SetUpdatedAt(time.Unix(0, 0).UTC()).Exec(sys)
	if ent.IsConstraintError(err) {
		return nil
	}
	return err
}

// Claim reports whether this process runs the named periodic job now: true for exactly
// one of the processes that ask within an interval, by one conditional update of the
// job's row (the database serializes them; the loser's condition no longer holds).
func Claim(ctx context.Context, c *ent.Client, name string, every time.Duration, now time.Time) (bool, error) {
	if err := ensure(ctx, c, "job/"+name); err != nil {
		return false, err
	}
	return claim(ctx, c, name, every, now)
}

// claim is Claim on a job whose row exists.
func claim(ctx context.Context, c *ent.Client, name string, every time.Duration, now time.Time) (bool, error) {
	key := "job/" + name
	n, err := c.ServerState.Update().
		Where(serverstate.Name(key), serverstate.UpdatedAtLTE(now.Add(-every))).
		SetUpdatedAt(now).
		Save(system(ctx, "background work: claiming a periodic job"))
	return n == 1, err
}

// Once runs fn unless the named start-up work is already done at this version, and
// records the version when fn succeeds. Run it under the start-up lock so that two
// processes do not both run fn.
func Once(ctx context.Context, c *ent.Client, name, version string, fn func(context.Context) error) (ran bool, err error) {
	key := "start-up/" + name
	sys := system(ctx, "start-up: work done once per version")
	row, err := c.ServerState.Query().Where(serverstate.Name(key)).Only(sys)
	switch {
	case err == nil && row.Value == version:
		return false, nil
	case err != nil && !ent.IsNotFound(err):
		return false, err
	}
	if err := fn(ctx); err != nil {
		return true, err
	}
	if row == nil {
		return true, c.ServerState.Create().SetName(key).SetValue(version).SetUpdatedAt(time.Now().UTC()).Exec(sys)
	}
	return true, row.Update().SetValue(version).SetUpdatedAt(time.Now().UTC()).Exec(sys)
}

package jobs

import (
	"context"
	"log/slog"
	"time"

	"tandem/ent"
)

// Job is periodic work that one process runs per interval.
type Job struct {
	Name  string
	Every time.Duration
	// Run does the work and says how many things it did (for the log).
	Run func(ctx context.Context, now time.Time) (int, error)
}

// Runner runs jobs: every Tick it claims the jobs that are due and runs those it won.
type Runner struct {
	Client *ent.Client
	Jobs   []Job
	Log    *slog.Logger
	Now    func() time.Time
	// Tick is how often due jobs are looked for (default 10 s).
	Tick time.Duration
	// Done, when set, is told the outcome of every run ("ok" or "error").
	Done func(job, outcome string, d time.Duration)

	// made are the jobs whose rows exist: made once, then only claimed.
	made map[string]bool
}

func (r *Runner) now() time.Time {
	if r.Now != nil {
		return r.Now().UTC()
	}
	return time.Now().UTC()
}

// Run runs due jobs until ctx ends.
func (r *Runner) Run(ctx context.Context) {
	tick := r.Tick
	if tick <= 0 {
		tick = 10 * time.Second
	}
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		r.RunDue(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// RunDue runs, once, every job that is due and that this process claims; it returns
// the names of the jobs it ran.
func (r *Runner) RunDue(ctx context.Context) []string {
	var ran []string
	for _, j := range r.Jobs {
		if ctx.Err() != nil {
			return ran
		}
		now := r.now()
		if !r.made[j.Name] {
			if err := ensure(ctx, r.Client, "job/"+j.Name); err != nil {
				r.log().Error("claiming a job", "job", j.Name, "err", err)
				continue
			}
			if r.made == nil {
				r.made = map[string]bool{}
			}
			r.made[j.Name] = true
		}
		won, err := claim(ctx, r.Client, j.Name, j.Every, now)
		if err != nil {
			r.log().Error("claiming a job", "job", j.Name, "err", err)
			continue
		}
		if !won {
			continue
		}
		ran = append(ran, j.Name)
		start := time.Now()
		n, err := j.Run(ctx, now)
		outcome := "ok"
		if err != nil {
			outcome = "error"
			if ctx.Err() == nil {
				r.log().Error("job failed", "job", j.Name, "err", err)
			}
		} else if n > 0 {
			r.log().Info("job done", "job", j.Name, "count", n)
		}
		if r.Done != nil {
			r.Done(j.Name, outcome, time.Since(start))
		}
	}
	return ran
}

func (r *Runner) log() *slog.Logger {
	if r.Log != nil {
		return r.Log
	}
	return slog.New(slog.DiscardHandler)
}

// Every calls fn every interval until ctx ends (the first call after one interval).
func Every(ctx context.Context, interval time.Duration, fn func(context.Context)) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			fn(ctx)
		}
	}
}

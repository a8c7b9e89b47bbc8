package app_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"tandem/ent"
	"tandem/ent/importjob"
	"tandem/ent/schema/pulid"
	"tandem/ent/serverstate"
	"tandem/server/jobs"
)

// TestJobClaimedByOneProcessPerInterval: many claimers on two processes ask at once;
// exactly one runs the job, and again exactly one once the interval has passed.
func TestJobClaimedByOneProcessPerInterval(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		second, _ := secondProcess(t, e)
		clients := []*ent.Client{e.app.DB.Client, second.DB.Client}
		now := time.Now().UTC()
		for round, at := range []time.Time{now, now.Add(30 * time.Minute), now.Add(61 * time.Minute)} {
			var won atomic.Int32
			var wg sync.WaitGroup
			for i := range 8 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					ok, err := jobs.Claim(context.Background(), clients[i%2], "test-job", time.Hour, at)
					if err != nil {
						t.Error(err)
					}
					if ok {
						won.Add(1)
					}
				}()
			}
			wg.Wait()
			want := int32(1)
			if round == 1 { // within the hour of the first run: nobody
				want = 0
			}
			if won.Load() != want {
				t.Fatalf("round %d: %d claimers ran the job, want %d", round, won.Load(), want)
			}
		}
	})
}

// TestStartUpWorkRunsOnce: a second start on the same database does not redo the
// one-off work; a new version of the work runs it once more.
func TestStartUpWorkRunsOnce(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		var runs atomic.Int32
		work := func(context.Context) error { runs.Add(1); return nil }
		for _, v := range []string{"1", "1", "2", "2"} {
			if _, err := jobs.Once(context.Background(), c, "test-work", v, work); err != nil {
				t.Fatal(err)
			}
		}
		if runs.Load() != 2 {
			t.Fatalf("the work ran %d times for versions 1,1,2,2; want 2", runs.Load())
		}
		// The app's own start-up work is recorded, so a second process skips it.
		for _, name := range []string{"start-up/fold-emails", "start-up/core-names", "start-up/rescore", "start-up/derive-persons"} {
			if n := c.ServerState.Query().Where(serverstate.Name(name)).CountX(e.sys); n != 1 {
				t.Fatalf("%s recorded %d times", name, n)
			}
		}
	})
}

// TestCleanupJobs: the periodic clean-up removes what is past its retention and keeps
// the rest; stale imports are marked interrupted, live ones are not.
func TestCleanupJobs(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		now := time.Now().UTC()
		long := now.Add(-60 * 24 * time.Hour)
		u := e.f.rep1
		c.RefreshToken.Create().SetUserID(u.ID).SetTokenHash("old-hash").SetFamily("f1").SetExpiresAt(long).ExecX(e.sys)
		fresh := c.RefreshToken.Create().SetUserID(u.ID).SetTokenHash("new-hash").SetFamily("f2").SetExpiresAt(now.Add(time.Hour)).SaveX(e.sys)
		c.LoginThrottle.Create().SetKey("old").SetWindowStart(long).ExecX(e.sys)
		c.LoginThrottle.Create().SetKey("blocked-recently").SetWindowStart(long).SetBlockedUntil(now.Add(-time.Hour)).ExecX(e.sys)
		c.ClientMutation.Create().SetActorKey("u").SetClientMutationID("old").SetNodeID(pulid.New("CU")).SetCreatedAt(long).ExecX(e.sys)
		c.ClientMutation.Create().SetActorKey("u").SetClientMutationID("new").SetNodeID(pulid.New("CU")).ExecX(e.sys)
		stale := c.ImportJob.Create().SetKind(importjob.KindCUSTOMERS).SetFileName("a.csv").SetState(importjob.StateCOMMITTING).
			SetHeartbeatAt(now.Add(-5 * time.Minute)).SaveX(e.sys)
		live := c.ImportJob.Create().SetKind(importjob.KindCUSTOMERS).SetFileName("b.csv").SetState(importjob.StateCOMMITTING).
			SetHeartbeatAt(now.Add(-10 * time.Second)).SaveX(e.sys)

		r := &jobs.Runner{Client: c, Jobs: e.app.Jobs(), Now: func() time.Time { return now }}
		ran := r.RunDue(context.Background())
		if len(ran) != len(e.app.Jobs()) {
			t.Fatalf("ran %v", ran)
		}
		if n := c.RefreshToken.Query().CountX(e.sys); n != 1 || c.RefreshToken.Query().OnlyIDX(e.sys) != fresh.ID {
			t.Fatalf("%d refresh tokens left", n)
		}
		if keys := c.LoginThrottle.Query().Select("key").StringsX(e.sys); len(keys) != 1 || keys[0] != "blocked-recently" {
			t.Fatalf("throttle rows left: %v", keys)
		}
		if ids := c.ClientMutation.Query().Select("client_mutation_id").StringsX(e.sys); len(ids) != 1 || ids[0] != "new" {
			t.Fatalf("replay records left: %v", ids)
		}
		if s := c.ImportJob.GetX(e.sys, stale.ID).State; s != importjob.StateFAILED {
			t.Fatalf("stale import is %s", s)
		}
		if s := c.ImportJob.GetX(e.sys, live.ID).State; s != importjob.StateCOMMITTING {
			t.Fatalf("live import is %s", s)
		}
		// Nothing is due again within the interval.
		if again := r.RunDue(context.Background()); len(again) != 0 {
			t.Fatalf("ran again at once: %v", again)
		}
	})
}

package importer

import (
	"context"
	"time"

	"tandem/domain/access"
	"tandem/ent"
	"tandem/ent/importjob"
	"tandem/ent/schema/pulid"
)

// Heartbeat is how often the process committing an import says it still does;
// StaleAfter is how long without a word until another process marks it interrupted.
const (
	Heartbeat  = 20 * time.Second
	StaleAfter = 2 * time.Minute
	// checkStale: a check runs inside its request, which the server ends well before.
	checkStale = 10 * time.Minute
)

// MarkStale marks the imports whose process stopped as FAILED: commits whose heartbeat
// (or, before the first one, the last change) is older than StaleAfter, and checks
// untouched for longer than a request can last. Nothing runs them any more; a commit
// resumes after its last batch. Imports that a live process runs — on this server or
// another one on the same database — keep going.
func MarkStale(ctx context.Context, c *ent.Client, now time.Time) (int, error) {
	sys := access.System(ctx, "background work: imports a stopped process left")
	beat := now.Add(-StaleAfter)
	return c.ImportJob.Update().
		Where(importjob.Or(
			importjob.And(importjob.StateEQ(importjob.StateCOMMITTING), importjob.Or(
				importjob.HeartbeatAtLT(beat),
				importjob.And(importjob.HeartbeatAtIsNil(), importjob.UpdatedAtLT(beat)))),
			importjob.And(importjob.StateEQ(importjob.StateCHECKING), importjob.UpdatedAtLT(now.Add(-checkStale))),
		)).
		SetState(importjob.StateFAILED).
		SetError("interrupted; commit again to resume").
		Save(sys)
}

// Beat records that a process still commits the import; the process calls it every
// Heartbeat while it does.
func Beat(ctx context.Context, c *ent.Client, id pulid.ID, now time.Time) {
	sys := access.System(ctx, "import: the committing process is alive")
	_ = c.ImportJob.Update().Where(importjob.IDEQ(id), importjob.StateEQ(importjob.StateCOMMITTING)).
		SetHeartbeatAt(now).Exec(sys)
}

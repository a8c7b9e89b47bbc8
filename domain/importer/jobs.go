package importer

import (
	"context"

	"tandem/domain/access"
	"tandem/ent"
	"tandem/ent/importjob"
)

// MarkInterrupted marks the jobs a stop left CHECKING or COMMITTING as FAILED, at
// start-up: nothing runs them any more. A commit resumes after its last batch.
func MarkInterrupted(ctx context.Context, c *ent.Client) (int, error) {
	sys := access.System(ctx, "start-up: imports a stop interrupted")
	return c.ImportJob.Update().
		Where(importjob.StateIn(importjob.StateCHECKING, importjob.StateCOMMITTING)).
		SetState(importjob.StateFAILED).
		SetError("interrupted; commit again to resume").
		Save(sys)
}

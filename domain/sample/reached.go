package sample

import (
	"context"
	"fmt"
	"slices"

	"entgo.io/ent"

	"tandem/domain/access"
	gen "tandem/ent"
	"tandem/ent/hook"
	"tandem/ent/sample"
	"tandem/ent/sampleevent"
)

// statuses is every status in a fixed order: a status's bit in Sample.reached is its place.
var statuses = append(slices.Clone(Path), Failed, Abandoned)

// Bit is the status's bit in Sample.reached (0 for an unknown status).
func Bit(s sample.Status) int {
	if i := slices.Index(statuses, s); i >= 0 {
		return 1 << i
	}
	return 0
}

// ReachedHook keeps Sample.reached: once a SampleEvent is written, its sample has
// reached the event's status. A plain UPDATE of that column, in the event's
// transaction: it is derived, not an edit anyone made (no version, no audit). A
// status reached for the first time moves the sample in the funnel's counts.
func ReachedHook(next ent.Mutator) ent.Mutator {
	return hook.SampleEventFunc(func(ctx context.Context, m *gen.SampleEventMutation) (gen.Value, error) {
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return v, err
		}
		id, _ := m.SampleID()
		to, _ := m.ToStatus()
		bit := Bit(sample.Status(to))
		sys := access.System(ctx, "a sample's reached statuses follow its events")
		res, err := m.Client().ExecContext(sys,
			"UPDATE "+sample.Table+" SET "+sample.FieldReached+" = "+sample.FieldReached+" | $1 WHERE id = $2 AND ("+sample.FieldReached+" & $1) = 0", bit, string(id))
		if err != nil {
			return v, err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return v, err // reached before: the counts stand
		}
		return v, recountSample(sys, m.Client(), id)
	})
}

// Rereach sets Sample.reached from the events of every sample (at start-up: samples
// from before it was kept): one UPDATE per status, in one transaction.
func Rereach(ctx context.Context, c *gen.Client) error {
	tx, err := c.Tx(ctx)
	if err != nil {
		return err
	}
	sys := access.System(ctx, "start-up: the statuses each sample reached")
	if _, err := tx.Client().ExecContext(sys, "UPDATE "+sample.Table+" SET "+sample.FieldReached+" = 0"); err != nil {
		_ = tx.Rollback()
		return err
	}
	for _, s := range statuses {
		q := fmt.Sprintf("UPDATE %s SET %s = %s | $1 WHERE id IN (SELECT %s FROM %s WHERE %s = $2)",
			sample.Table, sample.FieldReached, sample.FieldReached, sampleevent.FieldSampleID, sampleevent.Table, sampleevent.FieldToStatus)
		if _, err := tx.Client().ExecContext(sys, q, Bit(s), string(s)); err != nil {
			_ = tx.Rollback()
			return fmt.Errorf("samples that reached %s: %w", s, err)
		}
	}
	return tx.Commit()
}

package sample

import (
	"context"
	"fmt"
	"slices"
	"time"

	"entgo.io/ent"
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"tandem/domain/access"
	"tandem/domain/rollup"
	gen "tandem/ent"
	"tandem/ent/sample"
	"tandem/ent/samplecount"
	"tandem/ent/schema/pulid"
)

// CountVersion is the version of the SampleCount rules: start-up counts every sample
// again once per version (Recount).
const CountVersion = "v1"

// A countKey is the samples of one rep and product asked for in one month.
type countKey struct {
	month, rep, product string
}

// CountHook keeps the SampleCount rows true in the writing transaction: when a sample
// is created or deleted, or its product, rep or request time changes, the samples of
// its month, rep and product, before and after, are counted again by reached
// statuses. (ReachedHook does the same when an event adds a status.) On PostgreSQL a
// transaction-scoped advisory lock per key orders two writers of one key, so the
// second counts after the first committed; SQLite has one writer at a time.
func CountHook(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		sm := m.(*gen.SampleMutation)
		if !countsChange(sm) {
			return next.Mutate(ctx, m)
		}
		sys := access.System(ctx, "the sample counts follow the samples")
		c := sm.Client()
		var ids []pulid.ID
		var before []countKey
		pg := false
		if !sm.Op().Is(ent.OpCreate) {
			var err error
			if ids, err = sm.IDs(sys); err != nil {
				return nil, err
			}
			if sm.Op().Is(ent.OpUpdate | ent.OpDelete) { // narrowed to the samples read
				sm.Where(sample.IDIn(ids...))
			}
			if before, pg, err = countKeys(sys, c, ids); err != nil {
				return nil, err
			}
		}
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return v, err
		}
		if created, ok := v.(*gen.Sample); ok && sm.Op().Is(ent.OpCreate) {
			ids = []pulid.ID{created.ID}
		}
		after := before
		if !sm.Op().Is(ent.OpDelete | ent.OpDeleteOne) {
			keys, isPG, err := countKeys(sys, c, ids)
			if err != nil {
				return nil, err
			}
			after, pg = append(after, keys...), isPG
		}
		return v, recount(sys, c, pg, after)
	})
}

// countsChange reports whether m may change what the counts hold.
func countsChange(m *gen.SampleMutation) bool {
	if m.Op().Is(ent.OpCreate | ent.OpDelete | ent.OpDeleteOne) {
		return true
	}
	for _, f := range []string{sample.FieldProductID, sample.FieldRequestedByID, sample.FieldRequestedAt, sample.FieldReached} {
		if _, ok := m.Field(f); ok || m.FieldCleared(f) {
			return true
		}
	}
	_, added := m.AddedReached()
	return added
}

// countKeys reads the keys of the samples, and whether the database is PostgreSQL.
func countKeys(ctx context.Context, c *gen.Client, ids []pulid.ID) (keys []countKey, pg bool, err error) {
	if len(ids) == 0 {
		return nil, false, nil
	}
	var rows []struct {
		RequestedAt time.Time `json:"requested_at"`
		Rep         *string   `json:"requested_by_id"`
		Product     string    `json:"product_id"`
	}
	err = c.Sample.Query().Where(sample.IDIn(ids...)).Modify(func(s *sql.Selector) {
		pg = s.Dialect() == dialect.Postgres
		s.Select(s.C(sample.FieldRequestedAt), s.C(sample.FieldRequestedByID), s.C(sample.FieldProductID))
	}).Scan(ctx, &rows)
	for _, r := range rows {
		k := countKey{month: rollup.MonthOf(r.RequestedAt), product: r.Product}
		if r.Rep != nil {
			k.rep = *r.Rep
		}
		keys = append(keys, k)
	}
	return keys, pg, err
}

// recount counts each key's samples again, keys in order (so two writers lock them in
// one order).
func recount(ctx context.Context, c *gen.Client, pg bool, keys []countKey) error {
	slices.SortFunc(keys, func(a, b countKey) int {
		for _, d := range [][2]string{{a.month, b.month}, {a.rep, b.rep}, {a.product, b.product}} {
			if d[0] != d[1] {
				if d[0] < d[1] {
					return -1
				}
				return 1
			}
		}
		return 0
	})
	for _, k := range slices.Compact(keys) {
		start, err := time.Parse(rollup.Month, k.month)
		if err != nil {
			return err
		}
		if err := rollup.Lock(ctx, c, pg, "sample-count/"+k.month+"/"+k.rep+"/"+k.product); err != nil {
			return err
		}
		if _, err := c.ExecContext(ctx, fmt.Sprintf("DELETE FROM %s WHERE %s = $1 AND %s = $2 AND %s = $3", samplecount.Table,
			samplecount.FieldMonth, samplecount.FieldRequestedByID, samplecount.FieldProductID), k.month, k.rep, k.product); err != nil {
			return err
		}
		rep := sample.FieldRequestedByID + " IS NULL"
		args := []any{k.month, k.product, start, start.AddDate(0, 1, 0)}
		if k.rep != "" {
			rep = sample.FieldRequestedByID + " = $5"
			args = append(args, k.rep)
		}
		where := fmt.Sprintf("%s = $2 AND %s AND %s >= $3 AND %s < $4", sample.FieldProductID, rep, sample.FieldRequestedAt, sample.FieldRequestedAt)
		if _, err := c.ExecContext(ctx, countInsert("CAST($1 AS TEXT)", where), args...); err != nil {
			return fmt.Errorf("the sample counts of %s: %w", k.month, err)
		}
	}
	return nil
}

// countInsert is the INSERT … SELECT of the counts of the samples matching where,
// whose month is the SQL expression month.
func countInsert(month, where string) string {
	rep := "COALESCE(" + sample.FieldRequestedByID + ", '')"
	return fmt.Sprintf(`INSERT INTO %s (id, %s, %s, %s, %s, %s)
SELECT 'SN' || m || '|' || rep || '|' || pid || '|' || CAST(r AS TEXT), m, rep, pid, r, n FROM (
  SELECT %s AS m, %s AS rep, %s AS pid, %s AS r, COUNT(*) AS n FROM %s WHERE %s GROUP BY %s, %s, %s, %s
) t`,
		samplecount.Table, samplecount.FieldMonth, samplecount.FieldRequestedByID, samplecount.FieldProductID, samplecount.FieldReached, samplecount.FieldSamples,
		month, rep, sample.FieldProductID, sample.FieldReached, sample.Table, where, month, rep, sample.FieldProductID, sample.FieldReached)
}

// Recount counts every sample again, in one transaction (at start-up, once per
// CountVersion, after Rereach: books from before the counts, or loaded in bulk).
func Recount(ctx context.Context, c *gen.Client) error {
	sys := access.System(ctx, "start-up: the sample counts")
	return rollup.Rebuild(sys, c, samplecount.Table, sample.FieldRequestedAt, rollup.Month, func(month string) string {
		return countInsert(month, "1 = 1")
	})
}

// recountSample counts the key of one sample again (its reached statuses changed).
func recountSample(ctx context.Context, c *gen.Client, id pulid.ID) error {
	keys, pg, err := countKeys(ctx, c, []pulid.ID{id})
	if err != nil {
		return err
	}
	return recount(ctx, c, pg, keys)
}

package account

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"entgo.io/ent"
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"tandem/domain/access"
	"tandem/domain/history"
	"tandem/domain/rollup"
	gen "tandem/ent"
	"tandem/ent/hook"
	"tandem/ent/schema/pulid"
	"tandem/ent/stagechange"
	"tandem/ent/stagestay"
)

// StayVersion is the version of the stays' rules: start-up sums them again once per
// version (Restay).
const StayVersion = "v1"

// DaySeconds is a StageStay's width.
const DaySeconds = 86400

// A stay is a completed stay in a stage: from one StageChange of an account to its
// next (by changed_at, then id), in whole seconds (the difference of the two times'
// Unix seconds, as PostgreSQL's floor(extract(epoch …)) of each).
type stayKey struct {
	stage stagechange.ToStage
	day   int64
}

// StayHook keeps StageChange.stay_seconds and the StageStay counts in the writing
// transaction: when a stage change is written or deleted, every change of its
// account is measured again against the next, and each stay that changed moves
// between the day counts. Two writers of one account's stages are ordered by the
// account's row, which a move updates in the same transaction (moveStage); the
// counts change by increments, which any number of writers may add at once.
func StayHook(next ent.Mutator) ent.Mutator {
	return hook.StageChangeFunc(func(ctx context.Context, m *gen.StageChangeMutation) (gen.Value, error) {
		sys := access.System(ctx, "stage stays follow the stage changes")
		c := m.Client()
		counts := map[stayKey]int{}
		var accounts []pulid.ID
		if id, ok := m.CustomerID(); ok && m.Op().Is(ent.OpCreate) {
			if history.Defer(ctx, MeasuredAccounts{id}) {
				return next.Mutate(ctx, m) // an import's batch measures its accounts at once
			}
			accounts = append(accounts, id)
		} else {
			ids, err := m.IDs(sys)
			if err != nil {
				return nil, err
			}
			if m.Op().Is(ent.OpDelete) { // narrowed to the changes read
				m.Where(stagechange.IDIn(ids...))
			}
			gone, err := c.StageChange.Query().Where(stagechange.IDIn(ids...)).
				Select(stagechange.FieldCustomerID, stagechange.FieldToStage, stagechange.FieldStaySeconds).All(sys)
			if err != nil {
				return nil, err
			}
			for _, g := range gone {
				accounts = append(accounts, g.CustomerID)
				if g.StaySeconds != nil {
					counts[stayKey{g.ToStage, *g.StaySeconds / DaySeconds}]--
				}
			}
		}
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return v, err
		}
		slices.Sort(accounts)
		for _, id := range slices.Compact(accounts) {
			if err := measure(sys, c, id, counts); err != nil {
				return nil, err
			}
		}
		return v, count(sys, c, counts)
	})
}

// Remeasure measures the stays of the accounts' changes again, after their changes
// moved by plain UPDATEs (a merge).
func Remeasure(ctx context.Context, c *gen.Client, accounts ...pulid.ID) error {
	sys := access.System(ctx, "stage stays follow the stage changes")
	counts := map[stayKey]int{}
	for _, id := range accounts {
		if err := measure(sys, c, id, counts); err != nil {
			return err
		}
	}
	return count(sys, c, counts)
}

// MeasuredAccounts are accounts whose stays an import's batch measures when it flushes.
type MeasuredAccounts []pulid.ID

// MeasureDeferred measures a batch's accounts: one read per 500 accounts, an UPDATE
// per stay that changed, an upsert per day count.
func MeasureDeferred(ctx context.Context, c *gen.Client, deferred []MeasuredAccounts) error {
	sys := access.System(ctx, "stage stays follow an import's stage changes")
	counts := map[stayKey]int{}
	if err := measureAll(sys, c, slices.Concat(deferred...), counts); err != nil {
		return err
	}
	return count(sys, c, counts)
}

// measureAll sets the stays of many accounts' changes, reading accountsPerRead
// accounts' changes at a time, and notes each change in counts.
func measureAll(ctx context.Context, c *gen.Client, ids []pulid.ID, counts map[stayKey]int) error {
	slices.Sort(ids)
	for part := range slices.Chunk(slices.Compact(ids), accountsPerRead) {
		rows, err := c.StageChange.Query().Where(stagechange.CustomerIDIn(part...)).
			Order(stagechange.ByCustomerID(), stagechange.ByChangedAt(), stagechange.ByID()).
			Select(stagechange.FieldCustomerID, stagechange.FieldToStage, stagechange.FieldChangedAt, stagechange.FieldStaySeconds).All(ctx)
		if err != nil {
			return err
		}
		for len(rows) > 0 {
			n := 1
			for n < len(rows) && rows[n].CustomerID == rows[0].CustomerID {
				n++
			}
			if err := setStays(ctx, c, rows[:n], counts); err != nil {
				return err
			}
			rows = rows[n:]
		}
	}
	return nil
}

// measure sets the stays of one account's changes and notes each change in counts.
func measure(ctx context.Context, c *gen.Client, account pulid.ID, counts map[stayKey]int) error {
	rows, err := c.StageChange.Query().Where(stagechange.CustomerID(account)).
		Order(stagechange.ByChangedAt(), stagechange.ByID()).
		Select(stagechange.FieldToStage, stagechange.FieldChangedAt, stagechange.FieldStaySeconds).All(ctx)
	if err != nil {
		return err
	}
	return setStays(ctx, c, rows, counts)
}

// setStays sets the stays of one account's changes, in time order.
func setStays(ctx context.Context, c *gen.Client, rows []*gen.StageChange, counts map[stayKey]int) error {
	for i, r := range rows {
		var want *int64
		if i+1 < len(rows) {
			s := rows[i+1].ChangedAt.Unix() - r.ChangedAt.Unix()
			want = &s
		}
		if (want == nil) == (r.StaySeconds == nil) && (want == nil || *want == *r.StaySeconds) {
			continue
		}
		if _, err := c.ExecContext(ctx, "UPDATE "+stagechange.Table+" SET "+stagechange.FieldStaySeconds+" = $1 WHERE id = $2", want, string(r.ID)); err != nil {
			return err
		}
		if r.StaySeconds != nil {
			counts[stayKey{r.ToStage, *r.StaySeconds / DaySeconds}]--
		}
		if want != nil {
			counts[stayKey{r.ToStage, *want / DaySeconds}]++
		}
	}
	return nil
}

// count adds the changes to the day counts (an upsert each: concurrent writers add up).
func count(ctx context.Context, c *gen.Client, counts map[stayKey]int) error {
	keys := rollup.Changed(counts, func(a, b stayKey) int {
		if a.stage != b.stage {
			return strings.Compare(string(a.stage), string(b.stage))
		}
		return cmp.Compare(a.day, b.day)
	})
	for _, k := range keys {
		n := counts[k]
		err := c.StageStay.Create().SetStage(stagestay.Stage(k.stage)).SetDay(int(k.day)).SetStays(n).
			OnConflictColumns(stagestay.FieldStage, stagestay.FieldDay).AddStays(n).Exec(ctx)
		if err != nil {
			return fmt.Errorf("stays in %s: %w", k.stage, err)
		}
	}
	return nil
}

// Restay measures every stay and counts them again (at start-up, once per
// StayVersion: books from before stays were kept, or loaded in bulk), in one
// transaction. PostgreSQL measures in one UPDATE; SQLite, whose date functions round
// to milliseconds, in Go exactly as StayHook does, 500 accounts to a read.
func Restay(ctx context.Context, c *gen.Client) error {
	sys := access.System(ctx, "start-up: the stays in each stage")
	tx, err := c.Tx(ctx)
	if err != nil {
		return err
	}
	if err := restay(sys, tx.Client()); err != nil {
		_ = tx.Rollback()
		return fmt.Errorf("stage stays: %w", err)
	}
	return tx.Commit()
}

func restay(ctx context.Context, c *gen.Client) error {
	pg := false
	accounts, err := c.StageChange.Query().Modify(func(s *sql.Selector) {
		pg = s.Dialect() == dialect.Postgres
		s.Select(sql.Distinct(s.C(stagechange.FieldCustomerID)))
	}).Strings(ctx)
	if err != nil {
		return err
	}
	if pg {
		const q = `UPDATE stage_changes AS sc SET stay_seconds = m.s FROM (
  SELECT id, floor(extract(epoch FROM LEAD(changed_at) OVER w))::bigint - floor(extract(epoch FROM changed_at))::bigint AS s
  FROM stage_changes WINDOW w AS (PARTITION BY customer_id ORDER BY changed_at, id)) AS m
WHERE sc.id = m.id AND sc.stay_seconds IS DISTINCT FROM m.s`
		if _, err := c.ExecContext(ctx, q); err != nil {
			return err
		}
	} else {
		ids := make([]pulid.ID, len(accounts))
		for i, id := range accounts {
			ids[i] = pulid.ID(id)
		}
		if err := measureAll(ctx, c, ids, map[stayKey]int{}); err != nil {
			return err
		}
	}
	if _, err := c.ExecContext(ctx, "DELETE FROM "+stagestay.Table); err != nil {
		return err
	}
	_, err = c.ExecContext(ctx, fmt.Sprintf(`INSERT INTO %s (id, %s, %s, %s)
SELECT 'SY' || to_stage || '|' || CAST(stay_seconds / %d AS TEXT), to_stage, stay_seconds / %d, COUNT(*)
FROM %s WHERE stay_seconds IS NOT NULL GROUP BY to_stage, stay_seconds / %d`,
		stagestay.Table, stagestay.FieldStage, stagestay.FieldDay, stagestay.FieldStays, DaySeconds, DaySeconds, stagechange.Table, DaySeconds))
	return err
}

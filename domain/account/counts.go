package account

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"entgo.io/ent"
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"tandem/domain/access"
	"tandem/domain/history"
	"tandem/domain/rollup"
	gen "tandem/ent"
	"tandem/ent/accountcount"
	"tandem/ent/customer"
	"tandem/ent/schema/pulid"
)

// CountVersion is the version of the AccountCount rules: start-up counts every
// account again once per version (Recount).
const CountVersion = "v1"

// countFields are the account's fields the counts are kept by.
var countFields = []string{customer.FieldStage, customer.FieldOwnerID, customer.FieldTeamID, customer.FieldTier,
	customer.FieldLeadSource, customer.FieldCreatedAt, customer.FieldMergedIntoID}

// A countKey is one AccountCount row's dimensions.
type countKey struct {
	stage, owner, team, tier, source, month string
}

// CountHook keeps the AccountCount rows true in the writing transaction: each account
// a write creates, changes in a counted field, merges away or deletes leaves its old
// count and joins its new one. On PostgreSQL the accounts' rows are locked before
// they are read, so a second writer of one account reads what the first committed;
// the counts change by increments, which writers of other accounts add at once. A
// bulk update is narrowed to the accounts read.
func CountHook(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		cm := m.(*gen.CustomerMutation)
		if !countsChange(cm) {
			return next.Mutate(ctx, m)
		}
		sys := access.System(ctx, "the account counts follow the accounts")
		c := cm.Client()
		counts := map[countKey]int{}
		var ids []pulid.ID
		if !cm.Op().Is(ent.OpCreate) {
			var err error
			if ids, err = cm.IDs(sys); err != nil {
				return nil, err
			}
			if len(ids) == 0 {
				return next.Mutate(ctx, m)
			}
			if cm.Op().Is(ent.OpUpdate | ent.OpDelete) {
				cm.Where(customer.IDIn(ids...))
			}
			if err := tally(sys, c, ids, true, counts, -1); err != nil {
				return nil, err
			}
		}
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return v, err
		}
		switch created, ok := v.(*gen.Customer); {
		case ok && cm.Op().Is(ent.OpCreate): // the row as written: no need to read it back
			if history.Defer(ctx, CountedAccounts{created.ID}) {
				return v, nil // an import's batch counts its new accounts at once (CountDeferred)
			}
			if created.MergedIntoID == nil {
				counts[keyOf(created)]++
			}
		case !cm.Op().Is(ent.OpDelete | ent.OpDeleteOne):
			if err := tally(sys, c, ids, false, counts, +1); err != nil {
				return nil, err
			}
		}
		return v, addCounts(sys, c, counts)
	})
}

// keyOf is an account's count.
func keyOf(cu *gen.Customer) countKey {
	k := countKey{stage: string(cu.Stage), source: string(cu.LeadSource), month: rollup.MonthOf(cu.CreatedAt)}
	k.owner, k.team = string(cu.OwnerID), string(cu.TeamID)
	if cu.Tier != nil {
		k.tier = string(*cu.Tier)
	}
	return k
}

// CountedAccounts are new accounts an import's batch counts when it flushes.
type CountedAccounts []pulid.ID

// CountDeferred counts a batch's new accounts: one read, an upsert per key.
func CountDeferred(ctx context.Context, c *gen.Client, deferred []CountedAccounts) error {
	sys := access.System(ctx, "the account counts follow an import's accounts")
	counts := map[countKey]int{}
	for ids := range slices.Chunk(slices.Concat(deferred...), accountsPerRead) {
		if err := tally(sys, c, ids, false, counts, +1); err != nil {
			return err
		}
	}
	return addCounts(sys, c, counts)
}

// accountsPerRead is how many accounts one read of a batch names (under the
// databases' parameter limits).
const accountsPerRead = 500

func countsChange(m *gen.CustomerMutation) bool {
	if m.Op().Is(ent.OpCreate | ent.OpDelete | ent.OpDeleteOne) {
		return true
	}
	for _, f := range countFields {
		if _, ok := m.Field(f); ok || m.FieldCleared(f) {
			return true
		}
	}
	return false
}

// tally adds sign for each account's key to counts (merged accounts are not counted),
// locking their rows first on PostgreSQL when lock is set.
func tally(ctx context.Context, c *gen.Client, ids []pulid.ID, lock bool, counts map[countKey]int, sign int) error {
	var rows []struct {
		Stage  string    `json:"stage"`
		Owner  *string   `json:"owner_id"`
		Team   *string   `json:"team_id"`
		Tier   *string   `json:"tier"`
		Source string    `json:"lead_source"`
		At     time.Time `json:"created_at"`
	}
	err := c.Customer.Query().Where(customer.IDIn(ids...), customer.MergedIntoIDIsNil()).Modify(func(s *sql.Selector) {
		s.Select(s.C(customer.FieldStage), s.C(customer.FieldOwnerID), s.C(customer.FieldTeamID), s.C(customer.FieldTier),
			s.C(customer.FieldLeadSource), s.C(customer.FieldCreatedAt))
		if lock && s.Dialect() == dialect.Postgres {
			// The lock the UPDATE takes anyway: it waits for no reader of the row
			// (a foreign key's check holds KEY SHARE).
			s.For(sql.LockNoKeyUpdate)
		}
	}).Scan(ctx, &rows)
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	for _, r := range rows {
		counts[countKey{r.Stage, str(r.Owner), str(r.Team), str(r.Tier), r.Source, rollup.MonthOf(r.At)}] += sign
	}
	return err
}

// addCounts adds the changes to the counts, in key order (an upsert each).
func addCounts(ctx context.Context, c *gen.Client, counts map[countKey]int) error {
	keys := rollup.Changed(counts, func(a, b countKey) int {
		return strings.Compare(strings.Join([]string{a.stage, a.owner, a.team, a.tier, a.source, a.month}, "\x00"),
			strings.Join([]string{b.stage, b.owner, b.team, b.tier, b.source, b.month}, "\x00"))
	})
	for _, k := range keys {
		n := counts[k]
		err := c.AccountCount.Create().SetStage(k.stage).SetOwnerID(k.owner).SetTeamID(k.team).SetTier(k.tier).
			SetLeadSource(k.source).SetMonth(k.month).SetAccounts(n).
			OnConflictColumns(accountcount.FieldStage, accountcount.FieldOwnerID, accountcount.FieldTeamID, accountcount.FieldTier,
				accountcount.FieldLeadSource, accountcount.FieldMonth).
			AddAccounts(n).Exec(ctx)
		if err != nil {
			return fmt.Errorf("account counts: %w", err)
		}
	}
	return nil
}

// Recount counts every account again, in one transaction (at start-up, once per
// CountVersion: books from before the counts, or loaded in bulk).
func Recount(ctx context.Context, c *gen.Client) error {
	sys := access.System(ctx, "start-up: the account counts")
	return rollup.Rebuild(sys, c, accountcount.Table, customer.FieldCreatedAt, rollup.Month, func(month string) string {
		keys := "stage, COALESCE(owner_id, ''), COALESCE(team_id, ''), COALESCE(tier, ''), lead_source, " + month
		return fmt.Sprintf(`INSERT INTO %s (id, %s, %s, %s, %s, %s, %s, %s)
SELECT 'AK' || st || '|' || o || '|' || t || '|' || ti || '|' || ls || '|' || m, st, o, t, ti, ls, m, n FROM (
  SELECT stage AS st, COALESCE(owner_id, '') AS o, COALESCE(team_id, '') AS t, COALESCE(tier, '') AS ti, lead_source AS ls, %s AS m, COUNT(*) AS n
  FROM %s WHERE merged_into_id IS NULL GROUP BY %s
) k`, accountcount.Table, accountcount.FieldStage, accountcount.FieldOwnerID, accountcount.FieldTeamID, accountcount.FieldTier,
			accountcount.FieldLeadSource, accountcount.FieldMonth, accountcount.FieldAccounts, month, customer.Table, keys)
	})
}

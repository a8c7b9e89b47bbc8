package auth

import (
	"context"
	"fmt"
	"strings"
	"time"

	"tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/loginthrottle"
	"tandem/ent/schema/pulid"
)

// Throttle slows password guessing. Every sign-in attempt is counted before its
// password is hashed, against three keys, each by one atomic statement, so however
// many attempts arrive at once no more than a limit get their password checked:
//
//   - the account from this client address: Limit attempts in Window, then Block.
//     Someone guessing elsewhere never locks the real user out of their own address;
//   - the account from anywhere: AccountLimit, then a block that doubles each time
//     (Block, 2×Block, … up to MaxBlock) until a MaxBlock passes without one. It
//     stops guessing spread over many addresses, and does not apply where the account
//     signed in within KnownAddressAge (the caller says so);
//   - the client address, any account: PerAddrLimit, then Block.
//
// A successful sign-in clears its (account, address) pair and gives its attempt back
// to the other two keys. The counters live in the database so every server copy
// enforces the same limits.
type Throttle struct {
	Limit        int // per (account, client address)
	AccountLimit int // per account from anywhere; 0 means 4×Limit
	PerAddrLimit int // per client address
	Window       time.Duration
	Block        time.Duration
	MaxBlock     time.Duration // longest account-wide block; 0 means 96×Block
}

// DefaultThrottle: 5 attempts per account and address, 20 per account from anywhere
// (blocks of 15 minutes doubling up to a day) and 20 per address, in 15 minutes.
var DefaultThrottle = Throttle{Limit: 5, AccountLimit: 20, PerAddrLimit: 20, Window: 15 * time.Minute, Block: 15 * time.Minute, MaxBlock: 24 * time.Hour}

// KnownAddressAge is how long an address where an account signed in stays exempt
// from that account's account-wide block.
const KnownAddressAge = 30 * 24 * time.Hour

// Forgotten is the time before which a throttle row that neither started a window
// nor ended a block has no effect on any rule (its window is over and its block too
// long ago to count toward the backoff), so the periodic clean-up may delete it.
func (t Throttle) Forgotten(now time.Time) time.Time {
	return now.Add(-2 * max(t.Window, t.maxBlock()))
}

func (t Throttle) accountLimit() int {
	if t.AccountLimit > 0 {
		return t.AccountLimit
	}
	return 4 * t.Limit
}

func (t Throttle) maxBlock() time.Duration {
	if t.MaxBlock > 0 {
		return t.MaxBlock
	}
	return 96 * t.Block
}

// throttleKey is one counter and its rule.
type throttleKey struct {
	key     string
	limit   int
	backoff bool // blocks double, up to MaxBlock
	what    string
}

// Attempt is a sign-in attempt that was let through to the password check.
type Attempt struct {
	t      Throttle
	c      *ent.Client
	now    time.Time
	keys   []throttleKey // the keys it was counted against
	pair   string
	others []string
}

// Begin counts a sign-in attempt for email from addr and refuses it with
// RATE_LIMITED (and retryAfterSeconds) when a key is blocked. The keys are judged
// one after another: an attempt refused by one is not counted against the next.
// knownAddress is asked only when the account-wide limit refuses.
func (t Throttle) Begin(ctx context.Context, c *ent.Client, now time.Time, email, addr string, knownAddress func() (bool, error)) (*Attempt, error) {
	a := &Attempt{t: t, c: c, now: now, pair: "pair:" + email + " from " + addr}
	keys := []throttleKey{
		{key: a.pair, limit: t.Limit, what: "for this account from your address"},
		{key: "account:" + email, limit: t.accountLimit(), backoff: true, what: "for this account"},
		{key: "addr:" + addr, limit: t.PerAddrLimit, what: "from your address"},
	}
	a.others = []string{keys[1].key, keys[2].key}
	for _, k := range keys {
		until, err := t.count(ctx, c, now, k)
		if err != nil {
			return nil, err
		}
		if until.IsZero() {
			a.keys = append(a.keys, k)
			continue
		}
		if k.backoff && knownAddress != nil {
			known, err := knownAddress()
			if err != nil {
				return nil, err
			}
			if known {
				continue
			}
		}
		return nil, errcode.RetryAfter(until.Sub(now), "too many failed sign-ins %s; try again after %s", k.what, until.Format(time.RFC3339))
	}
	return a, nil
}

// Succeeded clears the (account, address) pair and gives the attempt back to the
// account-wide and address counters: a right password is not a guess.
func (a *Attempt) Succeeded(ctx context.Context) error {
	if _, err := a.c.LoginThrottle.Delete().Where(loginthrottle.Key(a.pair)).Exec(system(ctx)); err != nil {
		return err
	}
	return a.refund(ctx, a.others)
}

// Abandon gives the attempt back to every key: its password was never checked.
func (a *Attempt) Abandon(ctx context.Context) error {
	keys := make([]string, len(a.keys))
	for i, k := range a.keys {
		keys[i] = k.key
	}
	return a.refund(ctx, keys)
}

// refund takes one attempt off each key's count in this window, one statement per
// key: an UPDATE of several rows could lock them in another order than a concurrent
// one and deadlock on PostgreSQL.
func (a *Attempt) refund(ctx context.Context, keys []string) error {
	for _, k := range keys {
		_, err := a.c.ExecContext(system(ctx), `UPDATE login_throttles SET failures = failures - 1
WHERE "key" = $1 AND failures > 0 AND window_start > $2`, k, a.now.Add(-a.t.Window))
		if err != nil {
			return err
		}
	}
	return nil
}

// count is the throttle's decision for one key, in one statement, so concurrent
// attempts cannot all read "not blocked" before any of them writes: it counts the
// attempt and returns when the key's block ends (zero when the attempt may go on).
//
// On the key's row, in this order: blocked → unchanged, refused; the window is over
// → a new window with this attempt; the limit is reached → blocked (for the next
// backoff step when the key has backoff and its last block ended less than MaxBlock
// ago), refused; otherwise → one more attempt. Every expression reads the row as it
// was before the statement, on both PostgreSQL and SQLite ($N parameters work on both).
func (t Throttle) count(ctx context.Context, c *ent.Client, now time.Time, k throttleKey) (time.Time, error) {
	// $1 id, $2 key, $3 now, $4 windows started at or before it are over, $5 the limit,
	// $6 blocks that ended after it count toward the backoff, $7… block ends by step.
	args := []any{string(pulid.New("LT")), k.key, now, now.Add(-t.Window), k.limit, now.Add(-t.maxBlock())}
	steps := 1
	if k.backoff {
		for d := t.Block; d > 0 && d < t.maxBlock(); d *= 2 {
			steps++
		}
	}
	const (
		row      = "login_throttles."
		blocked  = row + "blocked_until > $3"
		over     = row + "window_start <= $4"
		full     = row + "failures >= $5"
		recent   = "CASE WHEN " + row + "blocked_until > $6 THEN " + row + "strikes ELSE 0 END"
		noChange = blocked + " OR " + over + " OR " + row + "failures < $5"
	)
	var blockUntil strings.Builder
	blockUntil.WriteString("CASE WHEN " + noChange + " THEN " + row + "blocked_until")
	for i := 0; i < steps; i++ {
		d := min(t.Block<<i, t.maxBlock())
		args = append(args, now.Add(d))
		if i < steps-1 {
			fmt.Fprintf(&blockUntil, " WHEN (%s) = %d THEN $%d", recent, i, len(args))
		} else {
			fmt.Fprintf(&blockUntil, " ELSE $%d END", len(args))
		}
	}
	query := `INSERT INTO login_throttles (id, "key", failures, window_start, strikes) VALUES ($1, $2, 1, $3, 0)
ON CONFLICT ("key") DO UPDATE SET
  failures = CASE WHEN ` + blocked + ` THEN ` + row + `failures WHEN ` + over + ` THEN 1 WHEN ` + full + ` THEN 0 ELSE ` + row + `failures + 1 END,
  window_start = CASE WHEN ` + blocked + ` THEN ` + row + `window_start WHEN ` + over + ` OR ` + full + ` THEN $3 ELSE ` + row + `window_start END,
  blocked_until = ` + blockUntil.String() + `,
  strikes = CASE WHEN ` + noChange + ` THEN ` + row + `strikes ELSE ` + recent + ` + 1 END
RETURNING blocked_until`
	rows, err := c.QueryContext(system(ctx), query, args...)
	if err != nil {
		return time.Time{}, err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return time.Time{}, err
		}
		return time.Time{}, fmt.Errorf("login throttle: no row returned for %q", k.key)
	}
	var raw any
	if err := rows.Scan(&raw); err != nil {
		return time.Time{}, err
	}
	until, err := scanTime(raw)
	if err != nil || !until.After(now) {
		return time.Time{}, err
	}
	return until, rows.Close()
}

// scanTime reads a time that PostgreSQL returns as a time and SQLite, from a
// RETURNING clause, may return as its text.
func scanTime(v any) (time.Time, error) {
	switch x := v.(type) {
	case nil:
		return time.Time{}, nil
	case time.Time:
		return x, nil
	case []byte:
		return scanTime(string(x))
	case string:
		for _, layout := range []string{"2006-01-02 15:04:05.999999999-07:00", time.RFC3339Nano, "2006-01-02 15:04:05.999999999Z07:00"} {
			if t, err := time.Parse(layout, x); err == nil {
				return t, nil
			}
		}
		return time.Time{}, fmt.Errorf("login throttle: unreadable time %q", x)
	}
	return time.Time{}, fmt.Errorf("login throttle: unexpected time type %T", v)
}

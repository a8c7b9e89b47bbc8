// Package dbplan marks the reads and writes whose plans PostgreSQL may keep.
//
// Tandem's PostgreSQL sessions plan every statement for its own arguments
// (plan_cache_mode=force_custom_plan, server/app/db.go): most of its reads filter by
// owner, team, status or time, whose values select a hundred rows for one rep and
// fifty thousand for another, and one plan kept for all of them can be a hundred
// times too slow for some. Planning, though, is often most of a short statement's
// cost: a read of one row by its ID plans for longer than it runs.
//
// A context marked ByKey runs statements that find their rows by keys alone: a row by
// its ID, an account's rows by the account's ID, the rows of one operation under one
// account. Their best plan is the same for any key, so PostgreSQL may plan them once
// per connection and keep the plan (plan_cache_mode=auto: after five runs, when the
// kept plan costs no more than the ones made for each run's arguments). A connection
// keeping its statements (server/app/pgstmt.go) switches its mode when a statement
// asks for the other one.
//
// Mark only code whose every statement is such a read or write, and only around it:
// a resolver's context also reaches the resolvers of the fields under it, which may
// read by owner or by time.
//
// A context marked AnyPlan runs statements whose plan is the same either way (a row by
// its primary key): they run in whichever mode the connection is in, so that the
// viewer's read at the start of every request does not switch it back and forth.
package dbplan

import "context"

// Mode is how PostgreSQL plans the statements a context runs: the session's
// plan_cache_mode for them, or Either.
type Mode string

const (
	// PerRun: planned for each run's arguments (unmarked contexts).
	PerRun Mode = "force_custom_plan"
	// Kept: the plan may be kept for any arguments.
	Kept Mode = "auto"
	// Either: as the connection is set; the plan is the same (never sent).
	Either Mode = "either"
)

type modeKey struct{}

// ByKey marks ctx: the statements run with it find their rows by keys alone.
func ByKey(ctx context.Context) context.Context {
	return context.WithValue(ctx, modeKey{}, Kept)
}

// AnyPlan marks ctx: the statements run with it plan the same either way.
func AnyPlan(ctx context.Context) context.Context {
	return context.WithValue(ctx, modeKey{}, Either)
}

// Of is ctx's mode: PerRun unless marked.
func Of(ctx context.Context) Mode {
	if m, ok := ctx.Value(modeKey{}).(Mode); ok {
		return m
	}
	return PerRun
}

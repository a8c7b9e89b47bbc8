// Package history marks work that writes what already happened — the demo book, an
// import of a supplier's existing records — rather than what happens now: evidence
// then moves no stage, a next step opens no task, a status is taken as it was, and
// no webhook fires. Every workflow asks it before its effects.
package history

import "context"

type key struct{}

// Importing returns a context that writes history as it happened.
func Importing(ctx context.Context) context.Context { return context.WithValue(ctx, key{}, true) }

// Is reports whether ctx writes history.
func Is(ctx context.Context) bool { return ctx.Value(key{}) != nil }

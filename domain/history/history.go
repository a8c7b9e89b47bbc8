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

type batchKey struct{}

// Batch holds the rows hooks write alongside history being imported (an audit
// event, an account's first stage change) until the import's batch inserts them in
// bulk, in its own transaction, before it commits.
type Batch struct{ pending []any }

// Batched returns a context whose importing writes may be deferred to b.
func Batched(ctx context.Context) (context.Context, *Batch) {
	b := &Batch{}
	return context.WithValue(ctx, batchKey{}, b), b
}

// Defer keeps row (an ent create builder) for ctx's batch and reports true when ctx
// imports history in a batch; otherwise the caller writes row at once.
func Defer(ctx context.Context, row any) bool {
	b, ok := ctx.Value(batchKey{}).(*Batch)
	if !ok || !Is(ctx) {
		return false
	}
	b.pending = append(b.pending, row)
	return true
}

// Take returns the deferred rows, in the order they were deferred, and empties b.
func (b *Batch) Take() []any {
	p := b.pending
	b.pending = nil
	return p
}

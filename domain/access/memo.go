package access

import (
	"context"

	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
)

type memoKey struct{}

// memo remembers the checks the write rules passed for one viewer.
type memo struct {
	v        *viewer.Viewer
	seen     map[string]bool
	customer map[pulid.ID]pulid.ID // a row → the account it belongs to
}

// Memo returns a context in which the write rules remember the link and team checks
// they passed (this row is readable, this user is in that team) and do not ask the
// database again for the same answer. Only passed checks are remembered, and only for
// the viewer in ctx now. The caller keeps the context to one transaction in which no
// remembered answer can turn: an import batch, which never deletes a row, never moves
// an account to another team, and changes an owner only as a manager within their
// team (whose accounts they read by team).
func Memo(ctx context.Context) context.Context {
	return context.WithValue(ctx, memoKey{}, &memo{v: viewer.FromContext(ctx), seen: map[string]bool{}, customer: map[pulid.ID]pulid.ID{}})
}

// memoOf is ctx's memo when it was made for ctx's viewer.
func memoOf(ctx context.Context) *memo {
	m, ok := ctx.Value(memoKey{}).(*memo)
	if !ok || m.v == nil || m.v != viewer.FromContext(ctx) {
		return nil
	}
	return m
}

// passed reports whether the check named key passed before in ctx's memo.
func passed(ctx context.Context, key string) bool {
	m := memoOf(ctx)
	return m != nil && m.seen[key]
}

// pass records in ctx's memo, if any, that the check named key passed.
func pass(ctx context.Context, key string) {
	if m := memoOf(ctx); m != nil {
		m.seen[key] = true
	}
}

// Created records in ctx's memo, if any, that the viewer has just written the row id
// of the account customer in this transaction: the row is readable to them (its
// account's link check passed to write it) and belongs to that account, so the rows
// written under it next (an order's lines) neither look it up nor check it again.
func Created(ctx context.Context, id, customer pulid.ID) {
	if m := memoOf(ctx); m != nil {
		m.seen["see:"+string(id)] = true
		m.customer[id] = customer
	}
}

// CustomerOf is the account of the row id as ctx's memo knows it, if it does.
func CustomerOf(ctx context.Context, id pulid.ID) (pulid.ID, bool) {
	m := memoOf(ctx)
	if m == nil {
		return "", false
	}
	cu, ok := m.customer[id]
	return cu, ok
}

// RememberCustomer records in ctx's memo, if any, the account of the row id that the
// viewer has just read.
func RememberCustomer(ctx context.Context, id, customer pulid.ID) {
	if m := memoOf(ctx); m != nil {
		m.customer[id] = customer
	}
}

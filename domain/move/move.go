// Package move is what every lifecycle (sample, problem, order, account stage) shares:
// a status changes only through its workflow function, the change is conditional on
// the status read (UPDATE … WHERE id = ? AND status = ?) so that of concurrent moves
// exactly one wins, and the losers get CONFLICT naming the status the record has now,
// with nothing written. PostgreSQL re-checks the condition once the winner commits;
// SQLite's immediate transactions run one writer at a time, so a loser reads the new
// status to begin with.
package move

import (
	"context"
	"slices"
	"strings"

	"tandem/domain/access"
	"tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/schema/pulid"
)

type markKey struct{}

type mark struct {
	kind string
	id   pulid.ID
}

// Mark is what a workflow function puts on the context of its own update of record id
// (of kind "sample", "order", …): the lifecycle's hook lets a status change through
// only with it, so no generic update can move a status. Only workflow functions call
// it: grep for move.Mark to list them.
func Mark(ctx context.Context, kind string, id pulid.ID) context.Context {
	return context.WithValue(ctx, markKey{}, mark{kind, id})
}

// Marked reports whether ctx carries the workflow's mark for record id.
func Marked(ctx context.Context, kind string, id pulid.ID) bool {
	m, _ := ctx.Value(markKey{}).(mark)
	return m.kind == kind && m.id != "" && m.id == id
}

// NotByWorkflow refuses a status change made by a generic create or update.
func NotByWorkflow(what, field, operation string) error {
	return errcode.New(errcode.BadUserInput, "the %s of %s changes only through %s", field, what, operation).With("field", field)
}

// Refused is the answer to a move the lifecycle does not allow from cur. When the
// record has moved past the point where the move was legal (movedPast), the client's
// view is stale: CONFLICT with the current status. Otherwise the move was never
// possible from here (a jump): BAD_USER_INPUT naming the legal moves.
func Refused(what, cur, to string, allowed []string, movedPast bool) error {
	if movedPast {
		return MovedOn(what, cur, allowed)
	}
	return errcode.New(errcode.BadUserInput, "%s cannot go from %s to %s; allowed next: %s", what, cur, to, OrNone(allowed)).
		With("field", "status").With("allowedNext", allowed)
}

// MovedOn is the CONFLICT of a move made on a stale view of the record.
func MovedOn(what, cur string, allowed []string) *errcode.Error {
	return errcode.New(errcode.Conflict, "%s is %s now: it was moved since you read it (allowed next: %s); reload it", what, cur, OrNone(allowed)).
		With("field", "status").With("currentStatus", cur).With("allowedNext", allowed)
}

// ChangedOn is MovedOn for records without a table of next statuses (orders, accounts).
func ChangedOn(what, field, cur string) *errcode.Error {
	return errcode.New(errcode.Conflict, "%s is %s now: it was changed since you read it; reload it", what, cur).
		With("field", field).With("currentStatus", cur)
}

// Meanwhile turns the not-found of an UPDATE made conditional on the status it read
// into a CONFLICT when the status has changed since (a concurrent move won). Any
// other failure, or a not-found with the status unchanged (a stale version, say), is
// returned as it is.
func Meanwhile(ctx context.Context, err error, from string, current func(context.Context) (string, error), conflict func(cur string) error) error {
	if !ent.IsNotFound(err) {
		return err
	}
	cur, rerr := current(access.System(ctx, "explaining a refused move: the status as it is now"))
	if rerr != nil || cur == from {
		return err
	}
	return conflict(cur)
}

// OrNone lists the allowed moves, or says there are none.
func OrNone(s []string) string {
	if len(s) == 0 {
		return "none, it is closed"
	}
	return strings.Join(s, ", ")
}

// Table is a lifecycle's states in order and the moves allowed from each.
type Table struct {
	States []string
	Next   func(from string) []string
}

// May reports whether from → to is allowed.
func (t Table) May(from, to string) bool { return slices.Contains(t.Next(from), to) }

// MovedPast reports whether a record now at cur has already left a status from which
// to was a legal move (or is at to already): the move was possible when the client
// read it, and someone moved it on since. Such a refusal is a conflict, not a bad
// request.
func (t Table) MovedPast(cur, to string) bool {
	if cur == to {
		return true
	}
	for _, s := range t.States {
		if s != cur && slices.Contains(t.Next(s), to) && t.reachable(s, cur) {
			return true
		}
	}
	return false
}

// reachable reports whether to can be reached from from by legal moves.
func (t Table) reachable(from, to string) bool {
	seen := map[string]bool{from: true}
	for queue := []string{from}; len(queue) > 0; queue = queue[1:] {
		for _, n := range t.Next(queue[0]) {
			if n == to {
				return true
			}
			if !seen[n] {
				seen[n] = true
				queue = append(queue, n)
			}
		}
	}
	return false
}

// Stale refuses a write sent with the version the client read (version, when it sent
// one) when the record is at another one now (cur): CONFLICT naming what.
func Stale(what string, cur int, version *int) error {
	if version == nil || *version == cur {
		return nil
	}
	return errcode.New(errcode.Conflict, "%s was changed by someone else since version %d; reload it and try again", what, *version).
		With("expectedVersion", *version)
}

package schema

import (
	"context"
	"strings"

	"entgo.io/ent"

	gen "tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/errcode"
	"tandem/ent/hook"
	"tandem/ent/order"
	"tandem/ent/schema/pulid"
)

// Lifecycle moves are atomic. Every hook that moves a status (sample, problem, order,
// account stage) reads the status it moves from and makes the UPDATE conditional on
// it (`… WHERE id = ? AND status = ?`). Of two concurrent moves from the same status
// exactly one updates the row; the other's UPDATE matches nothing (PostgreSQL
// re-checks the condition once the winner commits; SQLite's immediate transactions
// run one writer at a time, so the loser reads the new status to begin with), and it
// answers CONFLICT naming the status the record has now, with nothing written — no
// second event, no second webhook.

type moveKey struct{}

// AsMove marks the update of record id as an explicit lifecycle move (advanceSample):
// asking for the status the record already has is then a conflict (someone made that
// move first), where a plain update setting the same status is a no-op. Other records
// written in the same context (the account a shipped sample moves) are not affected.
func AsMove(ctx context.Context, id pulid.ID) context.Context {
	return context.WithValue(ctx, moveKey{}, id)
}

func explicitMove(ctx context.Context, id pulid.ID, ok bool) bool {
	moving, _ := ctx.Value(moveKey{}).(pulid.ID)
	return ok && moving != "" && moving == id
}

// refusedMove is the answer to a move the lifecycle does not allow from cur. When the
// record has moved past the point where the move was legal (movedPast), the client's
// view is stale: CONFLICT with the current status. Otherwise the move was never
// possible from here (a jump): BAD_USER_INPUT naming the legal moves.
func refusedMove(what, cur, to string, allowed []string, movedPast bool) error {
	if movedPast {
		return movedOn(what, cur, allowed)
	}
	return errcode.New(errcode.BadUserInput, "%s cannot go from %s to %s; allowed next: %s", what, cur, to, orNone(allowed)).
		With("field", "status").With("allowedNext", allowed)
}

// movedOn is the CONFLICT of a move made on a stale view of the record.
func movedOn(what, cur string, allowed []string) *errcode.Error {
	return errcode.New(errcode.Conflict, "%s is %s now: it was moved since you read it (allowed next: %s); reload it", what, cur, orNone(allowed)).
		With("field", "status").With("currentStatus", cur).With("allowedNext", allowed)
}

// changedOn is movedOn for records without a table of next statuses (orders, accounts).
func changedOn(what, field, cur string) *errcode.Error {
	return errcode.New(errcode.Conflict, "%s is %s now: it was changed since you read it; reload it", what, cur).
		With("field", field).With("currentStatus", cur)
}

// movedMeanwhile turns the not-found of an UPDATE made conditional on the status it
// read into a CONFLICT when the status has changed since (a concurrent move won).
// Any other failure, or a not-found with the status unchanged (a stale version, say),
// is returned as it is.
func movedMeanwhile(ctx context.Context, err error, from string, current func(context.Context) (string, error), conflict func(cur string) error) error {
	if !gen.IsNotFound(err) {
		return err
	}
	cur, rerr := current(system(ctx))
	if rerr != nil || cur == from {
		return err
	}
	return conflict(cur)
}

// orderMoves makes every change of an order's status conditional on the status read,
// whichever path makes it (completeOrderStep, cancelOrder).
func orderMoves(next ent.Mutator) ent.Mutator {
	return hook.OrderFunc(func(ctx context.Context, m *gen.OrderMutation) (gen.Value, error) {
		to, ok := m.Status()
		if !ok {
			return next.Mutate(ctx, m)
		}
		from, err := m.OldStatus(ctx)
		if err != nil {
			return nil, err
		}
		if from == to {
			return next.Mutate(ctx, m)
		}
		m.Where(order.StatusEQ(from))
		v, err := next.Mutate(ctx, m)
		if err != nil {
			id, _ := m.ID()
			return v, movedMeanwhile(ctx, err, string(from), func(ctx context.Context) (string, error) {
				o, err := m.Client().Order.Query().Where(order.ID(id)).Select(order.FieldStatus).Only(ctx)
				if err != nil {
					return "", err
				}
				return string(o.Status), nil
			}, func(cur string) error { return changedOn("the order", "status", cur) })
		}
		return v, nil
	})
}

// stageMoves makes a change of an account's stage conditional on the stage read, so
// two concurrent moves (two samples shipped at once, a manager's decision) record one
// StageChange each only when each really moved the account.
func stageMoves(next ent.Mutator) ent.Mutator {
	return hook.CustomerFunc(func(ctx context.Context, m *gen.CustomerMutation) (gen.Value, error) {
		to, ok := m.Stage()
		if !ok {
			return next.Mutate(ctx, m)
		}
		from, err := m.OldStage(ctx)
		if err != nil || from == to {
			return next.Mutate(ctx, m)
		}
		m.Where(customer.StageEQ(from))
		v, err := next.Mutate(ctx, m)
		if err != nil {
			id, _ := m.ID()
			return v, movedMeanwhile(ctx, err, string(from), func(ctx context.Context) (string, error) {
				cu, err := m.Client().Customer.Query().Where(customer.ID(id)).Select(customer.FieldStage).Only(ctx)
				if err != nil {
					return "", err
				}
				return string(cu.Stage), nil
			}, func(cur string) error { return changedOn("the account", "stage", cur) })
		}
		return v, nil
	})
}

func orNone(s []string) string {
	if len(s) == 0 {
		return "none, it is closed"
	}
	return strings.Join(s, ", ")
}

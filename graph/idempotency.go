package graph

import (
	"context"
	"database/sql"
	"errors"
	"reflect"

	"tandem/domain/access"
	"tandem/ent"
	"tandem/ent/clientmutation"
	"tandem/ent/errcode"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
	"tandem/server/dbplan"
)

// create runs a create once per clientMutationId: an offline client that retries a
// create it already sent gets the first result back and nothing new is written. do is
// given the ID the new record should take (see once).
func create[T ent.Noder](ctx context.Context, c *ent.Client, clientMutationID *string, do func(c *ent.Client, id pulid.ID) (T, error)) (T, error) {
	return once(ctx, c, clientMutationID, func(id pulid.ID) (T, error) {
		var zero T
		n, err := c.Noder(ctx, id, ent.WithIDType)
		if err != nil {
			return zero, err
		}
		t, ok := n.(T)
		if !ok {
			return zero, errcode.New(errcode.Conflict, "clientMutationId %q was already used for a different kind of record", *clientMutationID)
		}
		return t, nil
	}, do)
}

// once runs do once per clientMutationId and remembers the record it returned; a
// repeated id gets that record again, read by load (the record as it is now).
//
// The receipt is claimed first, in the mutation's transaction, with the ID the record
// is about to take (do is asked to give it that ID): one statement when the id is new,
// where checking for a receipt and then writing one took two. A retry finds the
// receipt and loads its record. A retry sent while the first is still running waits
// for it at the receipt's unique index, then finds its record; if the first fails,
// its receipt goes with its transaction and the retry does the work. A do that gives
// its record another ID (a merge names its own change record) costs one more
// statement, to point the receipt at it.
func once[T ent.Noder](ctx context.Context, c *ent.Client, clientMutationID *string, load func(pulid.ID) (T, error), do func(c *ent.Client, id pulid.ID) (T, error)) (T, error) {
	var zero T
	id := pulid.New(idPrefix[T]())
	if clientMutationID == nil || *clientMutationID == "" {
		return do(c, id)
	}
	if len(*clientMutationID) > 200 {
		return zero, errcode.New(errcode.BadUserInput, "clientMutationId: at most 200 characters").With("field", "clientMutationId")
	}
	key := actorKey(ctx)
	// The receipt is read and written by its unique key: the same plan in either mode
	// (dbplan.AnyPlan), so it does not switch the connection before the write does.
	sys := access.System(dbplan.AnyPlan(ctx), "idempotency: the first result of a clientMutationId")
	receipt, err := c.ClientMutation.Create().
		SetActorKey(key).
		SetClientMutationID(*clientMutationID).
		SetNodeID(id).
		OnConflictColumns(clientmutation.FieldActorKey, clientmutation.FieldClientMutationID).
		DoNothing().
		ID(sys)
	switch {
	case errors.Is(err, sql.ErrNoRows): // the receipt was there: a retry
		prev, err := c.ClientMutation.Query().
			Where(clientmutation.ActorKey(key), clientmutation.ClientMutationID(*clientMutationID)).
			Only(sys)
		if err != nil {
			return zero, err
		}
		return load(prev.NodeID)
	case err != nil:
		return zero, err
	}
	v, err := do(c, id)
	if err != nil {
		return zero, err
	}
	if got := nodeID(v); got != id {
		if err := c.ClientMutation.UpdateOneID(receipt).SetNodeID(got).Exec(sys); err != nil {
			return zero, err
		}
	}
	return v, nil
}

// idPrefix is the ID prefix of the type T points to (*ent.Interaction: "IN").
func idPrefix[T any]() string {
	t := reflect.TypeFor[T]()
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	p, ok := prefixOf[t.Name()]
	if !ok {
		panic("graph: no ID prefix for " + t.Name())
	}
	return p
}

func actorKey(ctx context.Context) string {
	v := viewer.FromContext(ctx)
	if v == nil {
		return "anonymous"
	}
	if v.TokenID != "" {
		return "token:" + string(v.TokenID)
	}
	return "user:" + string(v.UserID)
}

// nodeID reads the ID field every ent entity has.
func nodeID(n any) pulid.ID {
	return reflect.ValueOf(n).Elem().FieldByName("ID").Interface().(pulid.ID)
}

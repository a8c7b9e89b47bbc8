package graph

import (
	"context"
	"reflect"

	"tandem/domain/access"
	"tandem/ent"
	"tandem/ent/clientmutation"
	"tandem/ent/errcode"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
)

// create runs a create once per clientMutationId: an offline client that retries a
// create it already sent gets the first result back and nothing new is written. The
// receipt is written in the same transaction as the record.
func create[T ent.Noder](ctx context.Context, c *ent.Client, clientMutationID *string, do func(*ent.Client) (T, error)) (T, error) {
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
func once[T ent.Noder](ctx context.Context, c *ent.Client, clientMutationID *string, load func(pulid.ID) (T, error), do func(*ent.Client) (T, error)) (T, error) {
	var zero T
	if clientMutationID == nil || *clientMutationID == "" {
		return do(c)
	}
	if len(*clientMutationID) > 200 {
		return zero, errcode.New(errcode.BadUserInput, "clientMutationId: at most 200 characters").With("field", "clientMutationId")
	}
	key := actorKey(ctx)
	sys := access.System(ctx, "idempotency: the first result of a clientMutationId")
	prev, err := c.ClientMutation.Query().
		Where(clientmutation.ActorKey(key), clientmutation.ClientMutationID(*clientMutationID)).
		Only(sys)
	switch {
	case err == nil:
		return load(prev.NodeID)
	case !ent.IsNotFound(err):
		return zero, err
	}
	v, err := do(c)
	if err != nil {
		return zero, err
	}
	err = c.ClientMutation.Create().
		SetActorKey(key).
		SetClientMutationID(*clientMutationID).
		SetNodeID(nodeID(v)).
		Exec(sys)
	if ent.IsConstraintError(err) {
		return zero, errcode.New(errcode.Conflict, "a request with clientMutationId %q is being processed; retry it", *clientMutationID)
	}
	return v, err
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

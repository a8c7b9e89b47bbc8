package graph

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"tandem/domain/access"
	"tandem/domain/people"
	"tandem/ent"
	"tandem/ent/schema/pulid"
	"tandem/ent/user"
)

// An operation's memo: what a list resolver read once for all its rows, so that a
// field of each row does not read it again (one query per page, not one per row).
// It lives as long as one GraphQL operation and is filled and read by resolvers of
// that operation only.

type opMemoKey struct{}

type opMemo struct {
	mu sync.Mutex
	m  map[string]string
}

func withOpMemo(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	ctx = context.WithValue(ctx, opMemoKey{}, &opMemo{}) // its map is made by the first put
	// A mutation's link checks keep the stages of the accounts they read, for the
	// effects that read them next (access.WithSeen): its fields run in one transaction.
	if graphql.HasOperationContext(ctx) && isMutation(graphql.GetOperationContext(ctx)) {
		ctx = access.WithSeen(ctx)
	}
	return next(ctx)
}

func memoGet(ctx context.Context, key string) (string, bool) {
	m, _ := ctx.Value(opMemoKey{}).(*opMemo)
	if m == nil {
		return "", false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.m[key]
	return v, ok
}

func memoPut(ctx context.Context, key, val string) {
	if m, _ := ctx.Value(opMemoKey{}).(*opMemo); m != nil {
		m.mu.Lock()
		if m.m == nil {
			m.m = map[string]string{}
		}
		m.m[key] = val
		m.mu.Unlock()
	}
}

// preloadActors reads, in one query, the users who acted in the page's events that
// have no recorded label (rows written before labels), for auditActorName.
func preloadActors(ctx context.Context, c *ent.Client, conn *ent.AuditEventConnection) error {
	var ids []pulid.ID
	for _, e := range conn.Edges {
		if n := e.Node; n != nil && n.ActorLabel == "" && n.ActorID != "" {
			ids = append(ids, n.ActorID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	us, err := c.User.Query().Where(user.IDIn(ids...)).Select(user.FieldName, user.FieldEmail).All(ctx)
	if err != nil {
		return err
	}
	for _, u := range us {
		memoPut(ctx, "actor:"+string(u.ID), people.UserLabel(u.Name, u.Email))
	}
	return nil
}

func isMutation(oc *graphql.OperationContext) bool {
	return oc.Operation != nil && oc.Operation.Operation == ast.Mutation
}

package graph

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"tandem/ent/errcode"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
)

// Cost of a query, computed before execution: every field costs 1, and what is
// selected under a connection costs as many times as the page it asks for
// (first/last, clamped to 1..100). So `customers(first: 50) { edges { node { name } } }`
// costs about 50 times one customer.
type Cost struct {
	Total   int
	Depth   int
	Aliases int
	// Remaining and Limit describe a partner token's budget after this request.
	Remaining *float64
	Limit     int
	PerSecond int
}

// Spender takes a query's cost from the budget of the request's API token.
type Spender func(ctx context.Context, tokenID pulid.ID, cost int) (remaining float64, limit, perSecond int, err error)

type costKey struct{}

// CostOf returns the cost computed for the request's operation.
func CostOf(ctx context.Context) *Cost {
	c, _ := ctx.Value(costKey{}).(*Cost)
	return c
}

// costLimit refuses operations over the limits before any resolver runs.
type costLimit struct {
	limits Limits
	spend  Spender
}

func (costLimit) ExtensionName() string                   { return "CostLimit" }
func (costLimit) Validate(graphql.ExecutableSchema) error { return nil }

func (l costLimit) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	c := measure(oc)
	if cc := CostOf(ctx); cc != nil {
		*cc = c
	}
	var msg string
	switch {
	case c.Total > l.limits.MaxCost:
		msg = fmt.Sprintf("the query costs %d, above the limit of %d: ask for smaller pages or fewer fields", c.Total, l.limits.MaxCost)
	case c.Depth > l.limits.MaxDepth:
		msg = fmt.Sprintf("the query nests %d levels, above the limit of %d", c.Depth, l.limits.MaxDepth)
	case c.Aliases > l.limits.MaxAliases:
		msg = fmt.Sprintf("the query uses %d aliases, above the limit of %d", c.Aliases, l.limits.MaxAliases)
	default:
		return l.charge(ctx, c)
	}
	return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": string(errcode.BadUserInput), "cost": c.Total}}
}

// charge spends the cost from a partner token's budget.
func (l costLimit) charge(ctx context.Context, c Cost) *gqlerror.Error {
	v := viewer.FromContext(ctx)
	if v == nil || v.TokenID == "" || l.spend == nil {
		return nil
	}
	remaining, limit, perSecond, err := l.spend(ctx, v.TokenID, c.Total)
	if cc := CostOf(ctx); cc != nil {
		cc.Remaining, cc.Limit, cc.PerSecond = &remaining, limit, perSecond
	}
	if err == nil {
		return nil
	}
	ext := map[string]any{"code": string(errcode.Internal), "cost": c.Total}
	msg := "internal error"
	if e, ok := errcode.As(err); ok {
		ext["code"], msg = string(e.Code), e.Message
		for k, v := range e.Details {
			ext[k] = v
		}
	}
	return &gqlerror.Error{Message: msg, Extensions: ext}
}

// reportCost adds the query's cost (and a partner token's remaining budget) to every
// response as extensions.cost, so a client can plan.
func reportCost(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	c := CostOf(ctx)
	if resp == nil || c == nil || c.Total == 0 {
		return resp
	}
	cost := map[string]any{"requested": c.Total}
	if c.Remaining != nil {
		cost["remaining"] = math.Floor(*c.Remaining)
		cost["limit"] = c.Limit
		cost["refillPerSecond"] = c.PerSecond
	}
	if resp.Extensions == nil {
		resp.Extensions = map[string]any{}
	}
	resp.Extensions["cost"] = cost
	return resp
}

// WithCost returns a context in which the cost of the operation will be recorded.
func WithCost(ctx context.Context) (context.Context, *Cost) {
	c := &Cost{}
	return context.WithValue(ctx, costKey{}, c), c
}

func measure(oc *graphql.OperationContext) Cost {
	var c Cost
	var walk func(set ast.SelectionSet, depth int, seen map[string]bool) int
	walk = func(set ast.SelectionSet, depth int, seen map[string]bool) int {
		c.Depth = max(c.Depth, depth)
		total := 0
		for _, s := range set {
			switch s := s.(type) {
			case *ast.Field:
				if s.Alias != "" && s.Alias != s.Name {
					c.Aliases++
				}
				inner := walk(s.SelectionSet, depth+1, seen)
				total += 1 + inner*pageSize(s, oc.Variables)
			case *ast.InlineFragment:
				total += walk(s.SelectionSet, depth, seen)
			case *ast.FragmentSpread:
				if seen[s.Name] {
					continue
				}
				if f := oc.Doc.Fragments.ForName(s.Name); f != nil {
					seen[s.Name] = true
					total += walk(f.SelectionSet, depth, seen)
					delete(seen, s.Name)
				}
			}
		}
		return total
	}
	c.Total = walk(oc.Operation.SelectionSet, 1, map[string]bool{})
	return c
}

// pageSize is the page a connection field asks for, the IDs nodes(ids:) asks for
// (1 for other fields).
func pageSize(f *ast.Field, vars map[string]any) int {
	if f.Name == "nodes" && f.ObjectDefinition != nil && f.ObjectDefinition.Name == "Query" {
		ids, _ := f.ArgumentMap(vars)["ids"].([]any)
		return min(max(len(ids), 1), MaxNodes)
	}
	if f.Definition == nil || f.Definition.Type == nil || !strings.HasSuffix(f.Definition.Type.Name(), "Connection") {
		return 1
	}
	args := f.ArgumentMap(vars)
	n := 0
	for _, k := range []string{"first", "last"} {
		switch v := args[k].(type) {
		case int:
			n = max(n, v)
		case int64:
			n = max(n, int(v))
		case float64:
			n = max(n, int(v))
		}
	}
	if n == 0 {
		return 1
	}
	return min(max(n, 1), MaxPage)
}

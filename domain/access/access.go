// Package access is Tandem's access table and the rules that read it: who may read
// which rows and fields of every type, and who may write them. It is the one place
// these decisions live. The ent privacy policy of every type (ent/schema's IDMixin),
// the GraphQL field guard, the scoping of relation filters, Today, the report and the
// webhook payloads all ask it; whatever it does not grant is denied.
//
// Roles, in short (the table in table.go is the whole truth):
//   - admin: everything.
//   - manager: the accounts of their team and all on them; the catalogue; confidential
//     market information; a key person's private notes on the team's accounts.
//   - rep: the accounts they or their team own; a private interaction only as its
//     author or the account's owner; private notes only on accounts they own.
//   - analyst: every account, but no private interaction, private note or confidential
//     market information; writes nothing.
//   - partner: its own organisation's orders, samples, problems, documents and notices,
//     and only the fields listed for partners.
package access

import (
	"context"
	"reflect"

	"tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/intercept"
	"tandem/ent/privacy"
	"tandem/ent/viewer"
)

// ErrNotVisible refuses access to a row the viewer may not know exists; it is
// reported as NOT_FOUND, exactly like a row that does not exist.
var ErrNotVisible = privacy.Denyf("not found")

// RowsOf is the rows of a type the viewer reads.
func RowsOf(v *viewer.Viewer, typ string) Rows {
	t, ok := Table[typ]
	if !ok || v == nil {
		return None
	}
	return t.Read.For(v)
}

// ReadsEvery reports whether the viewer reads every row of each of the types: then a
// rollup of those rows (an analytics total kept by the server) tells them nothing
// they could not add up themselves.
func ReadsEvery(v *viewer.Viewer, types ...string) bool {
	for _, t := range types {
		if !RowsOf(v, t).IsAll() {
			return false
		}
	}
	return v != nil && len(types) > 0
}

// Policy is the privacy policy of every stored type: reads are narrowed to the rows
// the table grants, writes pass the type's write rules, and nothing passes without a
// viewer. A decision context made by System skips it.
func Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{readRule()},
		Mutation: privacy.MutationPolicy{denyIfNoViewer(), writeRule()},
	}
}

func readRule() privacy.QueryRule {
	return privacy.QueryRuleFunc(func(ctx context.Context, q ent.Query) error {
		v := viewer.FromContext(ctx)
		if v == nil {
			return privacy.Denyf("no viewer")
		}
		iq, err := intercept.NewQuery(q)
		if err != nil {
			return privacy.Denyf("unknown query %T", q)
		}
		rule := Table[iq.Type()].Read[v.Role]
		if rule == nil {
			return privacy.Denyf("%s is not available to you", iq.Type())
		}
		rows := rule(v)
		switch {
		case rows.IsNone():
			return ErrNotVisible
		case !rows.IsAll():
			iq.WhereP(rows.Predicate())
		}
		return privacy.Allow
	})
}

func denyIfNoViewer() privacy.MutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if viewer.FromContext(ctx) == nil {
			return privacy.Denyf("no viewer")
		}
		return privacy.Skip
	})
}

func writeRule() privacy.MutationRule {
	return privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
		for _, r := range Table[m.Type()].Write {
			if err := r.EvalMutation(ctx, m); err != privacy.Skip {
				return err
			}
		}
		return privacy.Denyf("%s: not allowed", m.Type())
	})
}

type systemKey struct{}

// System is the context in which the server itself reads or writes past the table,
// for the reason given (a hook keeping derived rows, sign-in reading credentials, the
// duplicate check searching every account). It is the only way around the table:
// grep for access.System to list every such place.
func System(ctx context.Context, reason string) context.Context {
	return privacy.DecisionContext(context.WithValue(ctx, systemKey{}, reason), privacy.Allow)
}

// SystemReason is the reason System was given in ctx ("" outside System).
func SystemReason(ctx context.Context) string {
	r, _ := ctx.Value(systemKey{}).(string)
	return r
}

// IsSystem reports whether ctx reads and writes past the table (System, or a privacy
// decision a test set up): the server itself, not a person or a partner.
func IsSystem(ctx context.Context) bool {
	d, ok := privacy.DecisionFromContext(ctx)
	return ok && d == nil // an allow decision reads back as nil

}

// OfReadAccounts reports whether the rows of typ the viewer reads are exactly the rows
// of the accounts they read (the table's OfAccounts rule for their role). A filter of
// accounts the policy already narrows needs no second narrowing of such rows: a row of
// an account the viewer cannot read only names an account the policy leaves out.
func OfReadAccounts(v *viewer.Viewer, typ string) bool {
	if v == nil {
		return false
	}
	r := Table[typ].Read[v.Role]
	return r != nil && reflect.ValueOf(r).Pointer() == reflect.ValueOf(Rule(OfAccounts)).Pointer()
}

// PartnerWrite is how a partner token writes for its own organisation (acknowledging
// a notice, answering a quotation): it must hold scope (FORBIDDEN otherwise); the
// write then goes past the access table, so the caller checks that the record is the
// partner's own. For our people it changes nothing. partner tells which it was.
func PartnerWrite(ctx context.Context, scope, doing string) (write context.Context, partner bool, err error) {
	v := viewer.FromContext(ctx)
	if v == nil || v.Role != viewer.Partner {
		return ctx, false, nil
	}
	if !v.HasScope(scope) {
		return nil, true, errcode.New(errcode.Forbidden, "%s needs the %s scope", doing, scope)
	}
	return System(ctx, "a partner token "+doing+" for its own organisation"), true, nil
}

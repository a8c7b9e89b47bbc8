package schema

import (
	"context"
	"fmt"
	"strings"
	"time"

	"entgo.io/ent"

	"tandem/domain/people"
	gen "tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/hook"
	"tandem/ent/refreshtoken"
	"tandem/ent/schema/names"
	"tandem/ent/user"
)

func (User) Hooks() []ent.Hook {
	return []ent.Hook{hook.On(userEmail, ent.OpCreate|ent.OpUpdateOne|ent.OpUpdate),
		hook.On(keepAnAdmin, ent.OpUpdateOne|ent.OpUpdate|ent.OpDeleteOne|ent.OpDelete),
		hook.On(endSessionsOfDeactivated, ent.OpUpdateOne|ent.OpUpdate)}
}

// keepAnAdmin refuses, whichever path writes it, a change that leaves no active admin
// (people.KeepAnAdmin): deactivating, demoting or deleting the last one.
func keepAnAdmin(next ent.Mutator) ent.Mutator {
	return hook.UserFunc(func(ctx context.Context, m *gen.UserMutation) (gen.Value, error) {
		active, setActive := m.Active()
		role, setRole := m.Role()
		loses := m.Op().Is(ent.OpDelete|ent.OpDeleteOne) || (setActive && !active) || (setRole && role != user.RoleADMIN)
		if !loses {
			return next.Mutate(ctx, m)
		}
		ids, err := m.IDs(system(ctx))
		if err != nil {
			return nil, err
		}
		affected, err := m.Client().User.Query().Where(user.IDIn(ids...), user.RoleEQ(user.RoleADMIN), user.Active(true)).Count(system(ctx))
		if err != nil {
			return nil, err
		}
		others, err := m.Client().User.Query().Where(user.IDNotIn(ids...), user.RoleEQ(user.RoleADMIN), user.Active(true)).Count(system(ctx))
		if err != nil {
			return nil, err
		}
		if err := people.KeepAnAdmin(affected > 0, others); err != nil {
			return nil, err
		}
		return next.Mutate(ctx, m)
	})
}

// endSessionsOfDeactivated revokes every refresh token of a user made inactive, in
// the same transaction: their sign-ins end at once and stay ended if the user is
// made active again (their access tokens already stop while inactive).
func endSessionsOfDeactivated(next ent.Mutator) ent.Mutator {
	return hook.UserFunc(func(ctx context.Context, m *gen.UserMutation) (gen.Value, error) {
		if active, ok := m.Active(); !ok || active {
			return next.Mutate(ctx, m)
		}
		ids, err := m.IDs(system(ctx))
		if err != nil {
			return nil, err
		}
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return v, err
		}
		_, err = m.Client().RefreshToken.Update().Where(refreshtoken.UserIDIn(ids...), refreshtoken.RevokedAtIsNil()).
			SetRevokedAt(time.Now().UTC()).Save(system(ctx))
		return v, err
	})
}

// userEmail keeps every sign-in address in its one lower-cased form, whichever path
// writes it (createUser, updateUser, the demo, the first admin), so the unique index
// on email is unique regardless of case. An address that is not one, or that another
// user already has in any case, is BAD_USER_INPUT on the field email.
func userEmail(next ent.Mutator) ent.Mutator {
	return hook.UserFunc(func(ctx context.Context, m *gen.UserMutation) (gen.Value, error) {
		raw, ok := m.Email()
		if !ok {
			return next.Mutate(ctx, m)
		}
		email, err := names.SignInEmail(raw)
		if err != nil {
			return nil, errcode.New(errcode.BadUserInput, "%s", err.Error()).With("field", "email")
		}
		m.SetEmail(email)
		if m.Op().Is(ent.OpUpdate) {
			return next.Mutate(ctx, m) // a bulk change of addresses meets the unique index
		}
		q := m.Client().User.Query().Where(user.EmailEqualFold(email))
		if id, ok := m.ID(); ok {
			q.Where(user.IDNEQ(id))
		}
		taken, err := q.Exist(system(ctx))
		if err != nil {
			return nil, err
		}
		if taken {
			return nil, errcode.New(errcode.BadUserInput, "another user already signs in with %s", email).With("field", "email")
		}
		return next.Mutate(ctx, m)
	})
}

// FoldUserEmails brings the addresses stored before userEmail existed to its form, at
// start-up, in one transaction: each address is lower-cased; of users whose addresses
// differ only in case, the oldest keeps the address and the others are renamed to
// local+duplicate-N@domain, which no one has. Nobody is deleted. It returns a line for
// the operator per renamed user. The rows are written with plain UPDATEs: an address
// stored before syntax was checked must still be lower-cased, not refused.
func FoldUserEmails(ctx context.Context, c *gen.Client) ([]string, error) {
	ctx = system(ctx)
	users, err := c.User.Query().Order(user.ByCreatedAt(), user.ByID()).
		Select(user.FieldEmail, user.FieldName, user.FieldCreatedAt).All(ctx)
	if err != nil {
		return nil, err
	}
	taken := map[string]bool{}
	groups := map[string][]*gen.User{}
	var folded []string
	for _, u := range users {
		low := strings.ToLower(u.Email)
		taken[low], taken[u.Email] = true, true
		if groups[low] == nil {
			folded = append(folded, low)
		}
		groups[low] = append(groups[low], u)
	}
	type rename struct {
		u  *gen.User
		to string
	}
	var renames, lowers []rename
	for _, low := range folded {
		g := groups[low]
		if g[0].Email != low {
			lowers = append(lowers, rename{g[0], low})
		}
		for _, u := range g[1:] {
			renames = append(renames, rename{u, freeDuplicate(low, taken)})
		}
	}
	if len(renames)+len(lowers) == 0 {
		return nil, nil
	}
	tx, err := c.Tx(ctx)
	if err != nil {
		return nil, err
	}
	var notices []string
	// Duplicates first: the keeper's lower-cased address may be one of theirs.
	for _, r := range append(renames, lowers...) {
		if _, err := tx.ExecContext(ctx, `UPDATE users SET email = $1 WHERE id = $2`, r.to, string(r.u.ID)); err != nil {
			_ = tx.Rollback()
			return nil, fmt.Errorf("lower-casing the address of user %s: %w", r.u.ID, err)
		}
	}
	for _, r := range renames {
		keeper := groups[strings.ToLower(r.u.Email)][0]
		notices = append(notices, fmt.Sprintf("User %s (%s) had %s, which differs only in case from %s of the older user %s (%s): renamed to %s so both can sign in; give them an address of their own with updateUser.",
			r.u.Name, r.u.ID, r.u.Email, keeper.Email, keeper.Name, keeper.ID, r.to))
	}
	return notices, tx.Commit()
}

// freeDuplicate is local+duplicate-N@domain for the smallest N no one has.
func freeDuplicate(email string, taken map[string]bool) string {
	local, domain := email, ""
	if at := strings.LastIndexByte(email, '@'); at >= 0 {
		local, domain = email[:at], email[at:]
	}
	for n := 1; ; n++ {
		c := fmt.Sprintf("%s+duplicate-%d%s", local, n, domain)
		if !taken[c] {
			taken[c] = true
			return c
		}
	}
}

package importer

import (
	"context"
	"sort"
	"strings"
	"unicode/utf8"

	"tandem/domain/access"
	"tandem/domain/account"
	"tandem/ent"
	"tandem/ent/schema/names"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
)

// customerBook: accounts match on the credit code, else on the folded name; a row
// whose name looks like an account under another name (the app's duplicate rules,
// account.MatchNames: short names, core names) is DUPLICATE and not written.
type customerBook struct {
	v        *viewer.Viewer
	users    userIndex
	byCredit map[string]*ent.Customer
	byFolded map[string]*ent.Customer
	byCore   map[string][]*ent.Customer
	cores    []string // sorted, for the short-name prefixes
	seen     firstSeen
}

func (b *customerBook) load(ctx context.Context, c *ent.Client, v *viewer.Viewer) error {
	b.v, b.seen = v, firstSeen{}
	var err error
	if b.users, err = loadUsers(ctx, c); err != nil {
		return err
	}
	// Every account, as the duplicate check reads them: a manager must learn that
	// another team already has the company.
	sys := access.System(ctx, "import: accounts are matched against every account, like the duplicate check")
	all, err := c.Customer.Query().All(sys)
	if err != nil {
		return err
	}
	b.byCredit = map[string]*ent.Customer{}
	b.byFolded = map[string]*ent.Customer{}
	b.byCore = map[string][]*ent.Customer{}
	for _, cu := range all {
		b.index(cu)
	}
	b.cores = b.cores[:0]
	for core := range b.byCore {
		b.cores = append(b.cores, core)
	}
	sort.Strings(b.cores)
	return nil
}

func (b *customerBook) index(cu *ent.Customer) {
	if cu.CreditCode != "" {
		b.byCredit[cu.CreditCode] = cu
	}
	if f := names.Fold(cu.Name); f != "" {
		b.byFolded[f] = cu
	}
	if cu.CoreName != "" {
		b.byCore[cu.CoreName] = append(b.byCore[cu.CoreName], cu)
	}
}

// similar is an account under another name that the duplicate rules match.
func (b *customerBook) similar(name string) *ent.Customer {
	key := account.DuplicateKey(name)
	if key.Core == "" {
		return nil
	}
	var cands []*ent.Customer
	cands = append(cands, b.byCore[key.Core]...)
	// Stored cores that begin this one (华塑 for 华塑控股) …
	for i := range key.Core {
		if i > 0 {
			cands = append(cands, b.byCore[key.Core[:i]]...)
		}
	}
	// … and stored cores this one begins (华塑控股 for 华塑).
	for j := sort.SearchStrings(b.cores, key.Core); j < len(b.cores) && strings.HasPrefix(b.cores[j], key.Core); j++ {
		cands = append(cands, b.byCore[b.cores[j]]...)
	}
	for _, cu := range cands {
		if account.MatchNames(key, account.DuplicateKey(cu.Name)) != "" {
			return cu
		}
	}
	return nil
}

func (b *customerBook) check(v values) (RowResult, write) {
	name, bad := required(v, "name")
	if bad != nil {
		return *bad, nil
	}
	credit, creditCell := v.get("creditCode")
	credit = strings.ToUpper(strings.ReplaceAll(credit, " ", ""))
	if credit != "" && (utf8.RuneCountInString(credit) != 18 || strings.Trim(credit, "0123456789ABCDEFGHJKLMNPQRTUWXY") != "") {
		return refuse(creditCell, text("统一社会信用代码应为 18 位数字和大写字母", "a credit code is 18 digits and capital letters"))
	}
	owner, ownerCell := v.get("owner")
	var ownerUser *ent.User
	if owner != "" {
		u, msg := b.users.find(owner, b.v)
		if u == nil {
			return refuse(ownerCell, msg)
		}
		ownerUser = u
	}
	key := "name:" + names.Fold(name)
	if credit != "" {
		key = "credit:" + credit
	}
	keys := []string{"name:" + names.Fold(name)}
	if credit != "" {
		keys = append(keys, key)
	}
	if r, dup := b.seen.again(keys, v.row.Num); dup {
		r.Key = key
		return r, nil
	}
	existing := b.byCredit[credit]
	if existing == nil {
		if cu := b.byFolded[names.Fold(name)]; cu != nil && (credit == "" || cu.CreditCode == "" || cu.CreditCode == credit) {
			existing = cu
		}
	}
	if existing == nil {
		for _, n := range []string{name, first(v.get("shortName"))} {
			if cu := b.similar(n); n != "" && cu != nil {
				return RowResult{Action: Duplicate, Key: key, MatchID: string(cu.ID), MatchName: cu.Name,
					Message: text("与已有客户“%s”疑似重复", "looks like the existing account %q", cu.Name)}, nil
			}
		}
		return RowResult{Action: Create, Key: key}, b.create(v, name, credit, ownerUser)
	}
	res := RowResult{Key: key, MatchID: string(existing.ID), MatchName: existing.Name}
	if b.v.Role != viewer.Admin && existing.TeamID != b.v.TeamID {
		res.Action, res.Message = Error, text("客户“%s”属于其他团队", "the account %q belongs to another team", existing.Name)
		return res, nil
	}
	changes, diffs := customerChanges(existing, v, credit, ownerUser, b.users)
	if len(changes) == 0 {
		res.Action = Unchanged
		return res, nil
	}
	res.Action, res.Message = Update, changesText(Customers, diffs)
	id := existing.ID
	return res, func(ctx context.Context, c *ent.Client) error {
		u := c.Customer.UpdateOneID(id)
		for _, ch := range changes {
			ch(u.Mutation())
		}
		return u.Exec(ctx)
	}
}

func first(s, _ string) string { return s }

// customerText are the plain text fields an import fills, by field key.
var customerText = map[string]struct {
	get func(*ent.Customer) string
	set func(*ent.CustomerMutation, string)
}{
	"shortName": {func(c *ent.Customer) string { return c.ShortName }, (*ent.CustomerMutation).SetShortName},
	"nameEn":    {func(c *ent.Customer) string { return c.NameEn }, (*ent.CustomerMutation).SetNameEn},
	"region":    {func(c *ent.Customer) string { return c.Region }, (*ent.CustomerMutation).SetRegion},
	"address":   {func(c *ent.Customer) string { return c.Address }, (*ent.CustomerMutation).SetAddress},
	"phone":     {func(c *ent.Customer) string { return c.Phone }, (*ent.CustomerMutation).SetPhone},
	"website":   {func(c *ent.Customer) string { return c.Website }, (*ent.CustomerMutation).SetWebsite},
	"industry":  {func(c *ent.Customer) string { return c.Industry }, (*ent.CustomerMutation).SetIndustry},
	"notes":     {func(c *ent.Customer) string { return c.Notes }, (*ent.CustomerMutation).SetNotes},
}

// customerChanges are the sets an UPDATE does, and what they change: a filled cell that
// differs from the stored value. An empty cell clears nothing.
func customerChanges(cu *ent.Customer, v values, credit string, owner *ent.User, users userIndex) ([]func(*ent.CustomerMutation), []fieldChange) {
	var out []func(*ent.CustomerMutation)
	var diffs []fieldChange
	for key, f := range customerText {
		if s, _ := v.get(key); s != "" && !same(f.get(cu), s) {
			out = append(out, func(m *ent.CustomerMutation) { f.set(m, s) })
			diffs = append(diffs, fieldChange{key, f.get(cu), s})
		}
	}
	if credit != "" && cu.CreditCode != credit {
		out = append(out, func(m *ent.CustomerMutation) { m.SetCreditCode(credit) })
		diffs = append(diffs, fieldChange{"creditCode", cu.CreditCode, credit})
	}
	if owner != nil && cu.OwnerID != owner.ID {
		out = append(out, func(m *ent.CustomerMutation) { m.SetOwnerID(owner.ID) })
		to := owner.Name
		if to == "" {
			to = owner.Email
		}
		diffs = append(diffs, fieldChange{"owner", users.nameOf(cu.OwnerID), to})
	}
	return out, diffs
}

// create places a manager's account in their team, owned by the owner column's user
// or the manager; an admin's in the owner's team.
func (b *customerBook) create(v values, name, credit string, owner *ent.User) write {
	var ownerID, teamID pulid.ID
	switch {
	case owner != nil:
		ownerID, teamID = owner.ID, owner.TeamID
	case b.v.Role == viewer.Manager:
		ownerID = b.v.UserID
	}
	if b.v.Role == viewer.Manager {
		teamID = b.v.TeamID
	}
	return func(ctx context.Context, c *ent.Client) error {
		q := c.Customer.Create().SetName(name)
		m := q.Mutation()
		for key, f := range customerText {
			if s, _ := v.get(key); s != "" {
				f.set(m, s)
			}
		}
		if credit != "" {
			q.SetCreditCode(credit)
		}
		if ownerID != "" {
			q.SetOwnerID(ownerID)
		}
		if teamID != "" {
			q.SetTeamID(teamID)
		}
		if collectCustomer(ctx, q) { // the batch inserts its new accounts in bulk
			return nil
		}
		return q.Exec(ctx)
	}
}

// userIndex finds the user an owner cell names, by email or name.
type userIndex struct {
	byKey map[string]*ent.User
	byID  map[pulid.ID]*ent.User
}

func loadUsers(ctx context.Context, c *ent.Client) (userIndex, error) {
	us, err := c.User.Query().All(ctx)
	if err != nil {
		return userIndex{}, err
	}
	ix := userIndex{byKey: map[string]*ent.User{}, byID: map[pulid.ID]*ent.User{}}
	for _, u := range us {
		ix.byID[u.ID] = u
		ix.byKey[strings.ToLower(u.Email)] = u
		if _, taken := ix.byKey[strings.ToLower(u.Name)]; !taken {
			ix.byKey[strings.ToLower(u.Name)] = u
		}
	}
	return ix, nil
}

// find returns the user, or why the cell is refused: unknown, not one of ours, or
// (for a manager) outside their team.
func (ix userIndex) find(s string, v *viewer.Viewer) (*ent.User, Text) {
	u := ix.byKey[strings.ToLower(strings.TrimSpace(s))]
	switch {
	case u == nil:
		return nil, text("没有这个用户（邮箱或姓名）", "no such user (email or name)")
	case u.Role == "PARTNER":
		return nil, text("不能把客户交给合作方用户", "an account cannot be given to a partner user")
	case v.Role == viewer.Manager && u.TeamID != v.TeamID:
		return nil, text("该用户不在你的团队", "this user is not in your team")
	}
	return u, Text{}
}

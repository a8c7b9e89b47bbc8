package importer

import (
	"context"
	"strings"

	"tandem/ent"
	"tandem/ent/schema/names"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
)

// accountIndex finds the account a customer cell names among the accounts the viewer
// reads: by credit code, else by folded name.
type accountIndex struct {
	byCredit, byFolded map[string]*ent.Customer
}

func loadAccounts(ctx context.Context, c *ent.Client) (accountIndex, error) {
	cs, err := c.Customer.Query().All(ctx)
	if err != nil {
		return accountIndex{}, err
	}
	ix := accountIndex{byCredit: map[string]*ent.Customer{}, byFolded: map[string]*ent.Customer{}}
	for _, cu := range cs {
		if cu.CreditCode != "" {
			ix.byCredit[cu.CreditCode] = cu
		}
		ix.byFolded[names.Fold(cu.Name)] = cu
	}
	return ix, nil
}

func (ix accountIndex) find(s string) *ent.Customer {
	if cu := ix.byCredit[strings.ToUpper(strings.TrimSpace(s))]; cu != nil {
		return cu
	}
	return ix.byFolded[names.Fold(s)]
}

func noAccount() Text {
	return text("没有这个客户（请先导入客户）", "no such account (import the accounts first)")
}

// account is the row's required customer column, found among the accounts; or the
// row's refusal when it is empty or names no account.
func (ix accountIndex) account(v values) (*ent.Customer, *RowResult) {
	acct, bad := required(v, "customer")
	if bad != nil {
		return nil, bad
	}
	cu := ix.find(acct)
	if cu == nil {
		r, _ := refuse(v.cell("customer"), noAccount())
		return nil, &r
	}
	return cu, nil
}

// contactBook: a contact is matched within its account on the mobile, else the
// email, else the name.
type contactBook struct {
	accounts accountIndex
	byKey    map[string]*ent.Contact
	seen     firstSeen
}

func contactKeys(customerID pulid.ID, mobile, email, name string) []string {
	var keys []string
	if m := digits(mobile); m != "" {
		keys = append(keys, string(customerID)+"|m:"+m)
	}
	if e := strings.ToLower(strings.TrimSpace(email)); e != "" {
		keys = append(keys, string(customerID)+"|e:"+e)
	}
	return append(keys, string(customerID)+"|n:"+names.Fold(name))
}

func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (b *contactBook) load(ctx context.Context, c *ent.Client, _ *viewer.Viewer) error {
	var err error
	if b.accounts, err = loadAccounts(ctx, c); err != nil {
		return err
	}
	cs, err := c.Contact.Query().All(ctx)
	if err != nil {
		return err
	}
	b.byKey, b.seen = map[string]*ent.Contact{}, firstSeen{}
	for _, co := range cs {
		for _, k := range contactKeys(co.CustomerID, co.Mobile, co.Email, co.Name) {
			if _, taken := b.byKey[k]; !taken {
				b.byKey[k] = co
			}
		}
	}
	return nil
}

var contactText = map[string]struct {
	get func(*ent.Contact) string
	set func(*ent.ContactMutation, string)
}{
	"title":  {func(c *ent.Contact) string { return c.Title }, (*ent.ContactMutation).SetTitle},
	"mobile": {func(c *ent.Contact) string { return c.Mobile }, (*ent.ContactMutation).SetMobile},
	"phone":  {func(c *ent.Contact) string { return c.Phone }, (*ent.ContactMutation).SetPhone},
	"email":  {func(c *ent.Contact) string { return c.Email }, (*ent.ContactMutation).SetEmail},
	"wechat": {func(c *ent.Contact) string { return c.Wechat }, (*ent.ContactMutation).SetWechat},
	"notes":  {func(c *ent.Contact) string { return c.Notes }, (*ent.ContactMutation).SetNotes},
}

func (b *contactBook) check(v values) (RowResult, write) {
	acct, bad := required(v, "customer")
	if bad != nil {
		return *bad, nil
	}
	name, bad := required(v, "name")
	if bad != nil {
		return *bad, nil
	}
	cu := b.accounts.find(acct)
	if cu == nil {
		return refuse(v.cell("customer"), noAccount())
	}
	mobile, _ := v.get("mobile")
	email, _ := v.get("email")
	keys := contactKeys(cu.ID, mobile, email, name)
	key := keys[0]
	if r, dup := b.seen.again(keys[:1], v.row.Num); dup {
		return r, nil
	}
	var existing *ent.Contact
	for _, k := range keys {
		if existing = b.byKey[k]; existing != nil {
			break
		}
	}
	if existing == nil {
		customerID := cu.ID
		return RowResult{Action: Create, Key: key}, func(ctx context.Context, c *ent.Client) error {
			q := c.Contact.Create().SetCustomerID(customerID).SetName(name)
			for k, f := range contactText {
				if s, _ := v.get(k); s != "" {
					f.set(q.Mutation(), s)
				}
			}
			return q.Exec(ctx)
		}
	}
	res := RowResult{Key: key, MatchID: string(existing.ID), MatchName: existing.Name, Action: Unchanged}
	var sets []func(*ent.ContactMutation)
	var diffs []fieldChange
	if !same(existing.Name, name) {
		sets = append(sets, func(m *ent.ContactMutation) { m.SetName(name) })
		diffs = append(diffs, fieldChange{"name", existing.Name, name})
	}
	for k, f := range contactText {
		if s, _ := v.get(k); s != "" && !same(f.get(existing), s) {
			sets = append(sets, func(m *ent.ContactMutation) { f.set(m, s) })
			diffs = append(diffs, fieldChange{k, f.get(existing), s})
		}
	}
	if len(sets) == 0 {
		return res, nil
	}
	res.Action, res.Message = Update, changesText(Contacts, diffs)
	id := existing.ID
	return res, func(ctx context.Context, c *ent.Client) error {
		u := c.Contact.UpdateOneID(id)
		for _, s := range sets {
			s(u.Mutation())
		}
		return u.Exec(ctx)
	}
}

package app_test

import (
	"context"
	"strings"
	"testing"

	"tandem/domain/search"
)

const searchQuery = `query($q: String!) { customers(first: 20, where: { search: $q }) { totalCount edges { node { id } } } }`

// Accounts are found the way a rep types: traditional or simplified, full- or
// half-width, spaced or not, pinyin or its initials, contacts' names and mobiles, order
// numbers and sampled products; only among the accounts (and contacts) the viewer reads.
func TestCustomerSearch(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, sys, f := e.app.DB.Client, e.sys, e.f
		acct := c.Customer.Create().SetName("宁波瑞丰塑胶有限公司").SetNameEn("Ningbo Ruifeng Plastics").
			SetOwnerID(f.rep1.ID).SetTeamID(f.eastTeam.ID).SaveX(sys)
		c.Contact.Create().SetCustomerID(acct.ID).SetName("钱多多").SetMobile("13912345678").ExecX(sys)
		c.Order.Create().SetCustomerID(acct.ID).SetNumber("SO-2026-0912").ExecX(sys)
		rep1, rep3 := e.token(f.rep1), e.token(f.rep3)
		found := func(tok, q string) []string {
			t.Helper()
			var ids []string
			for _, ed := range rptList(dig(e.ok(tok, searchQuery, map[string]any{"q": q}), "customers", "edges")) {
				ids = append(ids, dig(ed, "node", "id").(string))
			}
			return ids
		}
		for _, q := range []string{"瑞丰", "瑞豐 塑膠", "ruifeng", "RuiFeng SuJiao", "rfsj", "ＲＵＩＦＥＮＧ", "plastics",
			"钱多多", "qdd", "qianduoduo", "139 1234 5678", "so-2026-0912"} {
			if ids := found(rep1, q); !slicesHas(ids, string(acct.ID)) {
				t.Errorf("rep1: %q does not find 宁波瑞丰塑胶有限公司 (%v)", q, ids)
			}
		}
		for _, q := range []string{"rfx", "瑞达", "qdx", "13912340000"} {
			if ids := found(rep1, q); slicesHas(ids, string(acct.ID)) {
				t.Errorf("rep1: %q finds 宁波瑞丰塑胶有限公司", q)
			}
		}
		// Another team's rep finds nothing of it, by name or by its contact.
		for _, q := range []string{"ruifeng", "钱多多", "13912345678"} {
			if ids := found(rep3, q); len(ids) != 0 {
				t.Errorf("rep3: %q finds %v", q, ids)
			}
		}
		// A partner finds its own account by the names it reads, never by a contact or
		// by our short name for it, which it cannot read.
		c.Customer.UpdateOneID(acct.ID).SetShortName("瑞丰").ExecX(sys)
		acct = c.Customer.GetX(sys, acct.ID)
		partner, _ := e.ptIssue(e.token(f.admin), acct.ID, "orders:read")
		if ids := found(partner, "ruifeng plastics"); len(ids) != 1 {
			t.Errorf("partner: its English name finds %v, want its own account", ids)
		}
		for _, q := range []string{"钱多多", "rf", "SO-2026-0912"} {
			if ids := found(partner, q); len(ids) != 0 {
				t.Errorf("partner: %q finds %v", q, ids)
			}
		}
		// Too long: refused, with the field named.
		r := e.do(rep1, searchQuery, map[string]any{"q": strings.Repeat("瑞", 101)})
		expectCode(t, r, "BAD_USER_INPUT")
		if r.Errors[0].Extensions["field"] != "search" {
			t.Errorf("too long a search: %+v", r.Errors)
		}

		// A rename changes what finds it.
		e.ok(rep1, `mutation($id: ID!, $v: Int) { updateCustomer(id: $id, input: { name: "宁波华盛塑胶有限公司", version: $v }) { id } }`,
			map[string]any{"id": acct.ID, "v": acct.Version})
		if ids := found(rep1, "hssj"); !slicesHas(ids, string(acct.ID)) {
			t.Error("the new name's initials do not find the renamed account")
		}
		if ids := found(rep1, "瑞丰塑胶"); slicesHas(ids, string(acct.ID)) {
			t.Error("the old name still finds the renamed account")
		}

		// Records from before keys were kept are keyed at start-up (search.Rekey).
		if _, err := c.ExecContext(sys, `UPDATE customers SET search_key = NULL`); err != nil {
			t.Fatal(err)
		}
		if ids := found(rep1, "hssj"); len(ids) != 0 {
			t.Fatalf("found without keys: %v", ids)
		}
		n, err := search.Rekey(context.Background(), c)
		if err != nil || n == 0 {
			t.Fatalf("rekey: %d, %v", n, err)
		}
		if ids := found(rep1, "hssj"); !slicesHas(ids, string(acct.ID)) {
			t.Error("rekeyed account not found")
		}
		if n, _ := search.Rekey(context.Background(), c); n != 0 {
			t.Errorf("a second rekey changed %d records", n)
		}
	})
}

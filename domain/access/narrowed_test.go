package access_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"

	"tandem/domain/access"
	"tandem/domain/domaintest"
	"tandem/ent"
	"tandem/ent/contact"
	"tandem/ent/customer"
	"tandem/ent/document"
	"tandem/ent/interaction"
	"tandem/ent/issue"
	"tandem/ent/keyperson"
	"tandem/ent/order"
	"tandem/ent/sample"
	"tandem/ent/schema/pulid"
	"tandem/ent/task"
	"tandem/ent/user"
	"tandem/ent/viewer"
)

// A narrowed viewer reads, of every type, a subset of what it reads plain; of the
// types read by account, exactly the plain rows of the narrowing owner's accounts.
// Each account has a public and a private interaction, so the private rule's own
// reference to accounts is narrowed too; rep A has a task on teammate B's account.
func TestNarrowedReadsLess(t *testing.T) {
	c, sys := domaintest.Open(t)
	t1 := c.Team.Create().SetName("East").SaveX(sys)
	t2 := c.Team.Create().SetName("West").SaveX(sys)
	mkUser := func(name string, role user.Role, team *ent.Team) *ent.User {
		u := c.User.Create().SetEmail(name + "@t.test").SetName(name).SetRole(role).SetPasswordHash("x")
		if team != nil {
			u.SetTeamID(team.ID)
		}
		return u.SaveX(sys)
	}
	repA, repB, repC := mkUser("a", user.RoleREP, t1), mkUser("b", user.RoleREP, t1), mkUser("c", user.RoleREP, t2)
	mgr, admin, analyst := mkUser("m", user.RoleMANAGER, t1), mkUser("admin", user.RoleADMIN, nil), mkUser("analyst", user.RoleANALYST, nil)
	p := c.Product.Create().SetCode("TX-AO1010").SetName("Antioxidant 1010").SaveX(sys)

	owner := map[pulid.ID]pulid.ID{} // account → owner
	for _, o := range []struct {
		u    *ent.User
		team *ent.Team
	}{{repA, t1}, {repB, t1}, {repC, t2}, {mgr, t1}} {
		for i := range 2 {
			cu := c.Customer.Create().SetName(fmt.Sprintf("%s 客户 %d", o.u.Name, i)).SetOwnerID(o.u.ID).SetTeamID(o.team.ID).SaveX(sys)
			owner[cu.ID] = o.u.ID
			ct := c.Contact.Create().SetCustomerID(cu.ID).SetName("联系人 " + o.u.Name).SaveX(sys)
			c.KeyPerson.Create().SetCustomerID(cu.ID).SetContactID(ct.ID).SetDecisionRole(keyperson.DecisionRoleDECISION_MAKER).SaveX(sys)
			for _, private := range []bool{false, true} {
				c.Interaction.Create().SetCustomerID(cu.ID).SetAuthorID(o.u.ID).SetKind(interaction.KindVISIT).SetPrivate(private).SaveX(sys)
			}
			c.Sample.Create().SetCustomerID(cu.ID).SetProductID(p.ID).SetQuantity(1).SaveX(sys)
			c.Order.Create().SetCustomerID(cu.ID).SetNumber(fmt.Sprintf("SO-%s-%d", o.u.Name, i)).SaveX(sys)
			c.Issue.Create().SetCustomerID(cu.ID).SetTitle("黄变").SetCategory(issue.CategoryQUALITY_FLUCTUATION).SaveX(sys)
			c.Task.Create().SetCustomerID(cu.ID).SetTitle("回访").SetAssigneeID(o.u.ID).SaveX(sys)
			c.Document.Create().SetCustomerID(cu.ID).SetTitle("质量协议 " + o.u.Name).SetType(document.TypeAPPLICATION_DATA).SaveX(sys)
		}
	}
	c.Document.Create().SetTitle("TDS").SetType(document.TypeMANUAL_TDS).SetProductID(p.ID).SaveX(sys) // the catalogue's
	var bAccount pulid.ID
	for cu, u := range owner {
		if u == repB.ID {
			bAccount = cu
		}
	}
	c.Task.Create().SetCustomerID(bAccount).SetTitle("替 B 送样").SetAssigneeID(repA.ID).SaveX(sys)

	// byAccount reads each type's ids with the account of each; types not read by
	// account have no account (""): only the subset is asked of them.
	type row struct{ id, account pulid.ID }
	read := func(ctx context.Context) map[string][]row {
		out := map[string][]row{}
		add := func(typ string, id, account pulid.ID) { out[typ] = append(out[typ], row{id, account}) }
		for _, x := range c.Customer.Query().Select(customer.FieldID).AllX(ctx) {
			add("Customer", x.ID, x.ID)
		}
		for _, x := range c.Contact.Query().Select(contact.FieldCustomerID).AllX(ctx) {
			add("Contact", x.ID, x.CustomerID)
		}
		for _, x := range c.KeyPerson.Query().Select(keyperson.FieldCustomerID).AllX(ctx) {
			add("KeyPerson", x.ID, x.CustomerID)
		}
		for _, x := range c.Interaction.Query().Select(interaction.FieldCustomerID).AllX(ctx) {
			add("Interaction", x.ID, x.CustomerID)
		}
		for _, x := range c.Sample.Query().Select(sample.FieldCustomerID).AllX(ctx) {
			add("Sample", x.ID, x.CustomerID)
		}
		for _, x := range c.Order.Query().Select(order.FieldCustomerID).AllX(ctx) {
			add("Order", x.ID, x.CustomerID)
		}
		for _, x := range c.Issue.Query().Select(issue.FieldCustomerID).AllX(ctx) {
			add("Issue", x.ID, x.CustomerID)
		}
		for _, x := range c.Document.Query().Select(document.FieldCustomerID).AllX(ctx) {
			add("Document", x.ID, x.CustomerID) // "" for the catalogue's
		}
		for _, x := range c.Task.Query().Select(task.FieldCustomerID).AllX(ctx) {
			add("Task", x.ID, "")
		}
		for _, x := range c.Product.Query().IDsX(ctx) {
			add("Product", x, "")
		}
		return out
	}
	as := func(v *viewer.Viewer) context.Context { return viewer.NewContext(context.Background(), v) }
	viewerOf := func(u *ent.User) *viewer.Viewer {
		return &viewer.Viewer{UserID: u.ID, Role: viewer.Role(u.Role), TeamID: u.TeamID}
	}

	for _, u := range []*ent.User{repA, mgr, admin, analyst} {
		v := viewerOf(u)
		plain := read(as(v))
		for _, to := range []*ent.User{repA, repB, repC, mgr} {
			t.Run(u.Name+" narrowed to "+to.Name, func(t *testing.T) {
				narrowed := read(as(v.Narrowed(to.ID)))
				for typ, rows := range plain {
					var want []row
					for _, r := range rows {
						if r.account == "" || owner[r.account] == to.ID {
							want = append(want, r)
						}
					}
					got := narrowed[typ]
					for _, r := range got {
						if !slices.Contains(want, r) {
							t.Errorf("%s %s: read narrowed, not plain or not %s's", typ, r.id, to.Name)
						}
					}
					if typ == "Task" || typ == "Product" {
						continue // not read by account: a subset is all that is asked
					}
					if len(got) != len(want) {
						t.Errorf("%s: %d rows narrowed, want the %d of %s's accounts read plain", typ, len(got), len(want), to.Name)
					}
				}
			})
		}
	}

	// The plain reads hold what the narrowing removes, or the test above asks nothing.
	plainA := read(as(viewerOf(repA)))
	if n := len(plainA["Customer"]); n != 6 { // their two, B's two, the manager's two
		t.Fatalf("rep A reads %d accounts plain, want 6", n)
	}
	if n := len(plainA["Interaction"]); n != 8 { // public ones of the team's 6, their own 2 private
		t.Fatalf("rep A reads %d interactions plain, want 8", n)
	}
	own := read(as(viewerOf(repA).Narrowed(repA.ID)))
	if n := len(own["Interaction"]); n != 4 {
		t.Fatalf("rep A narrowed to their own reads %d interactions, want 4", n)
	}
	if n := len(own["Task"]); n != 3 {
		t.Fatalf("rep A narrowed to their own reads %d tasks, want 3 (their two, and theirs on B's account)", n)
	}
	twice := viewerOf(admin).Narrowed(repA.ID).Narrowed(repB.ID)
	if n := len(read(as(twice))["Customer"]); n != 0 {
		t.Fatalf("narrowed to A, then to B, the admin reads %d accounts, want none", n)
	}
}

// Today trusts these two to say what OwnAccounts selects: one owner's accounts (a
// rep's), or exactly the accounts the viewer reads (a manager's, an admin's).
func TestOwnAccountsShortcuts(t *testing.T) {
	where := func(r access.Rows) string {
		s := entsql.Dialect(dialect.Postgres).Select("id").From(entsql.Table("customers"))
		if p := r.Predicate(); p != nil {
			p(s)
		}
		q, args := s.Query()
		return fmt.Sprint(q, args)
	}
	for _, role := range []viewer.Role{viewer.Admin, viewer.Manager, viewer.Rep, viewer.Analyst, viewer.Partner} {
		v := &viewer.Viewer{UserID: "USme", Role: role, TeamID: "TMeast", CustomerID: "CUpartner"}
		own, ok := access.OwnAccounts(v)
		if owner, one := access.OwnAccountsOwner(v); one {
			if !ok || where(own) != where(access.Accounts(v.Narrowed(owner))) {
				t.Errorf("%s: own accounts %s, not the accounts of owner %s", role, where(own), owner)
			}
		}
		if access.OwnAccountsAreRead(v) && (!ok || where(own) != where(access.Accounts(v))) {
			t.Errorf("%s: own accounts %s, not the accounts read %s", role, where(own), where(access.Accounts(v)))
		}
	}
	if _, one := access.OwnAccountsOwner(&viewer.Viewer{UserID: "USme", Role: viewer.Rep}); !one {
		t.Error("a rep's own accounts are one owner's")
	}
}

// Not being narrowed is not being narrowed to oneself, even without a user ID.
func TestNotNarrowedWithoutUser(t *testing.T) {
	v := &viewer.Viewer{Role: viewer.Rep, TeamID: "TMeast"}
	s := entsql.Dialect(dialect.Postgres).Select("id").From(entsql.Table("customers"))
	access.Accounts(v).Predicate()(s)
	if q, _ := s.Query(); !strings.Contains(q, `"team_id"`) {
		t.Errorf("a rep without a user ID lost their team's accounts: %s", q)
	}
}

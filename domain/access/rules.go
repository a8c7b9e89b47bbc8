package access

import (
	"entgo.io/ent/dialect/sql"

	"tandem/ent/contact"
	"tandem/ent/customer"
	"tandem/ent/document"
	"tandem/ent/interaction"
	"tandem/ent/marketinfo"
	"tandem/ent/order"
	"tandem/ent/orderline"
	"tandem/ent/sample"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
)

// The row rules of the table. Each is a function of the viewer; together they are
// the whole answer to "which rows may this person read".

// Accounts is the customers v may read: every account for admins and analysts, their
// team's and their own for managers and reps, its own organisation for a partner.
//
// A narrowed viewer (viewer.Narrowed) reads, of those, only the accounts of one owner.
// Accounts, OfAccounts and ofOwnedAccounts are where the rules of our people name
// accounts; the rules built on them use AND and OR alone, so the narrowing reaches
// every row read by its account and widens none. Rows not read by account (the
// catalogue, people, a partner's own) are read as before (TestNarrowedReadsLess).
func Accounts(v *viewer.Viewer) Rows {
	switch v.Role {
	case viewer.Admin, viewer.Analyst:
		return ownedBy(v)
	case viewer.Manager, viewer.Rep:
		return Where(func(s *sql.Selector) { s.Where(teamOrOwner(v, s)) })
	case viewer.Partner:
		return eq(colID, string(v.CustomerID)).And(ownedBy(v))
	}
	return None
}

// narrowedToSelf reports whether v is narrowed to the accounts v owns.
func narrowedToSelf(v *viewer.Viewer) bool { return v.AccountsOf != "" && v.AccountsOf == v.UserID }

// ownedBy is the accounts a narrowed viewer is narrowed to; All when v is not narrowed.
func ownedBy(v *viewer.Viewer) Rows {
	if v.AccountsOf == "" {
		return All
	}
	return eq(customer.FieldOwnerID, string(v.AccountsOf))
}

// teamOrOwner is the predicate, on a customers table, of a manager's or rep's accounts:
// their team's and their own, narrowed to one owner's if v is narrowed.
func teamOrOwner(v *viewer.Viewer, t interface{ C(string) string }) *sql.Predicate {
	own := sql.EQ(t.C(customer.FieldOwnerID), string(v.UserID))
	if narrowedToSelf(v) {
		return own // the accounts they own are among those they read
	}
	p := own
	if v.TeamID != "" {
		p = sql.Or(sql.EQ(t.C(customer.FieldTeamID), string(v.TeamID)), own)
	}
	if v.AccountsOf != "" {
		p = sql.And(p, sql.EQ(t.C(customer.FieldOwnerID), string(v.AccountsOf)))
	}
	return p
}

// OfAccounts is the rows that belong to an account v may read (their customer_id).
func OfAccounts(v *viewer.Viewer) Rows {
	switch v.Role {
	case viewer.Admin, viewer.Analyst:
		return ofOwnedBy(v)
	case viewer.Manager, viewer.Rep:
		return in(colCustomerID, customer.Table, customer.FieldID, func(t *sql.SelectTable) *sql.Predicate { return teamOrOwner(v, t) })
	case viewer.Partner:
		return eq(colCustomerID, string(v.CustomerID)).And(ofOwnedBy(v))
	}
	return None
}

// ofOwnedBy is the rows of the accounts a narrowed viewer is narrowed to; All when v
// is not narrowed.
func ofOwnedBy(v *viewer.Viewer) Rows {
	if v.AccountsOf == "" {
		return All
	}
	return ofOwned(v.AccountsOf)
}

// ofOwned is the rows of the accounts owner owns.
func ofOwned(owner pulid.ID) Rows {
	return in(colCustomerID, customer.Table, customer.FieldID, func(t *sql.SelectTable) *sql.Predicate {
		return sql.EQ(t.C(customer.FieldOwnerID), string(owner))
	})
}

// ofOwnedAccounts is the rows of the accounts v owns (not the team's).
func ofOwnedAccounts(v *viewer.Viewer) Rows {
	if v.AccountsOf == "" || narrowedToSelf(v) {
		return ofOwned(v.UserID)
	}
	return ofOwned(v.UserID).And(ofOwnedBy(v))
}

// partnerOwn is a partner's own organisation's rows, given the token's scope for them.
func partnerOwn(scope string) Rule {
	return func(v *viewer.Viewer) Rows {
		if !v.HasScope(scope) {
			return None
		}
		return OfAccounts(v)
	}
}

// internalAccountRows: our people read the rows of their accounts; partners nothing.
var internalAccountRows = ByRole{viewer.Admin: OfAccounts, viewer.Analyst: OfAccounts, viewer.Manager: OfAccounts, viewer.Rep: OfAccounts}

// sharedAccountRows: our people read the rows of their accounts; a partner its own,
// with the scope for them.
func sharedAccountRows(scope string) ByRole {
	return ByRole{viewer.Admin: OfAccounts, viewer.Analyst: OfAccounts, viewer.Manager: OfAccounts, viewer.Rep: OfAccounts,
		viewer.Partner: partnerOwn(scope)}
}

// sharedProjectDocuments: a partner reads its own projects' files that are shared
// with it, with projects:read.
func sharedProjectDocuments(v *viewer.Viewer) Rows {
	return partnerOwn("projects:read")(v).And(eq("shared", true))
}

// internal: every row, to our people only.
var internal = ByRole{viewer.Admin: every, viewer.Analyst: every, viewer.Manager: every, viewer.Rep: every}

// adminOnly: admins only.
var adminOnly = ByRole{viewer.Admin: every}

// Interactions hides a private interaction from analysts, and from teammates other than
// its author and the account's owner; managers and admins read it.
func Interactions(v *viewer.Viewer) Rows {
	rows := OfAccounts(v)
	switch v.Role {
	case viewer.Analyst:
		return rows.And(eq(interaction.FieldPrivate, false))
	case viewer.Rep:
		if narrowedToSelf(v) {
			return rows // only their own accounts, where they read every interaction
		}
		return rows.And(eq(interaction.FieldPrivate, false).Or(eq(interaction.FieldAuthorID, string(v.UserID))).Or(ofOwnedAccounts(v)))
	case viewer.Partner:
		return None
	}
	return rows
}

// Tasks are those of the accounts v reads and those assigned to v; a task made from
// an interaction is exactly as private as the interaction.
func Tasks(v *viewer.Viewer) Rows {
	if !v.Internal() {
		return None
	}
	rows := OfAccounts(v)
	if !rows.IsAll() {
		rows = rows.Or(eq("assignee_id", string(v.UserID)))
	}
	source := Interactions(v)
	if source.IsAll() {
		return rows
	}
	// Asked per task (EXISTS on the task's interaction), not as the set of every
	// interaction the viewer reads: a rep's open tasks are a handful, that set tens
	// of thousands, and PostgreSQL built it whole for each list of tasks. The planner
	// may still hash it when many tasks are read.
	fromVisible := Where(func(s *sql.Selector) {
		t := sql.Table(interaction.Table)
		sub := sql.Select(t.C(interaction.FieldID)).From(t).Where(sql.ColumnsEQ(t.C(interaction.FieldID), s.C("interaction_id")))
		if p := source.Predicate(); p != nil {
			p(sub)
		}
		s.Where(sql.Exists(sub))
	})
	return rows.And(isNull("interaction_id").Or(fromVisible))
}

// Persons are the people behind the contacts v may read.
func Persons(v *viewer.Viewer) Rows {
	contacts := OfAccounts(v)
	if contacts.IsAll() || contacts.IsNone() {
		return contacts
	}
	return Where(func(s *sql.Selector) {
		t := sql.Table(contact.Table)
		sub := sql.Select(t.C(contact.FieldPersonID)).From(t)
		contacts.Predicate()(sub)
		s.Where(sql.In(s.C(colID), sub))
	})
}

// Documents: the catalogue (a product's TDS, MSDS, certificates, precautions, SGS
// reports and application data, made for no one customer) is read by all our people;
// a document made for one customer follows that account's rule; a batch COA belongs
// to the customers the batch went to (reps read the COAs of their accounts' batches),
// and to the managers and admins who keep the quality records.
func Documents(v *viewer.Viewer) Rows {
	catalogue := isNull(document.FieldCustomerID).And(Where(func(s *sql.Selector) {
		s.Where(sql.NEQ(s.C(document.FieldType), string(document.TypeCOA)))
	}))
	coa := isNull(document.FieldCustomerID).And(eq(document.FieldType, string(document.TypeCOA)))
	switch v.Role {
	case viewer.Admin, viewer.Analyst, viewer.Manager:
		if v.Role != viewer.Manager && v.AccountsOf == "" {
			return All // admins and analysts read every file, unless narrowed to some accounts
		}
		return catalogue.Or(coa).Or(OfAccounts(v))
	case viewer.Rep:
		return catalogue.Or(OfAccounts(v)).Or(coa.And(batchOfLines(v)))
	case viewer.Partner:
		if !v.HasScope("documents:read") {
			return None
		}
		return OfAccounts(v).Or(catalogue.And(productBought(v, document.FieldProductID))).Or(coa.And(batchOfLines(v)))
	}
	return None
}

// batchOfLines selects documents whose batch is on an order line of v's accounts.
func batchOfLines(v *viewer.Viewer) Rows {
	lines := OfAccounts(v)
	return Where(func(s *sql.Selector) {
		t := sql.Table(orderline.Table)
		sub := sql.Select(t.C(orderline.FieldBatchNo)).From(t).Where(sql.NotNull(t.C(orderline.FieldBatchNo)))
		if p := lines.Predicate(); p != nil {
			p(sub)
		}
		s.Where(sql.In(s.C(document.FieldBatchNo), sub))
	})
}

// productBought selects rows whose product the partner bought (an order not
// cancelled) or was sent a sample of.
func productBought(v *viewer.Viewer, col string) Rows {
	own := string(v.CustomerID)
	return Where(func(s *sql.Selector) {
		l, o := sql.Table(orderline.Table), sql.Table(order.Table)
		bought := sql.Select(l.C(orderline.FieldProductID)).From(l).
			Join(o).On(l.C(orderline.FieldOrderID), o.C(order.FieldID)).
			Where(sql.And(sql.EQ(l.C(orderline.FieldCustomerID), own), sql.NEQ(o.C(order.FieldStatus), string(order.StatusCANCELLED))))
		sm := sql.Table(sample.Table)
		sampled := sql.Select(sm.C(sample.FieldProductID)).From(sm).Where(sql.EQ(sm.C(sample.FieldCustomerID), own))
		s.Where(sql.Or(sql.In(s.C(col), bought), sql.In(s.C(col), sampled)))
	})
}

// Products: our people read the catalogue; a partner what it bought or sampled.
func partnerProducts(v *viewer.Viewer) Rows { return productBought(v, colID) }

// partnerChangeNotices: the notices addressed to the partner (with the scope).
func partnerChangeNotices(v *viewer.Viewer) Rows {
	if !v.HasScope("change_notices:read") {
		return None
	}
	return in(colID, "change_notice_acks", "change_notice_id", func(t *sql.SelectTable) *sql.Predicate {
		return sql.EQ(t.C(colCustomerID), string(v.CustomerID))
	})
}

// partnerQuotations: what was sent to the partner's organisation (with the scope), not
// our drafts.
func partnerQuotations(v *viewer.Viewer) Rows {
	if !v.HasScope("quotations:read") {
		return None
	}
	return OfAccounts(v).And(Where(func(s *sql.Selector) { s.Where(sql.NEQ(s.C("status"), "DRAFT")) }))
}

// partnerQuotationLines: the lines of the quotations the partner reads.
func partnerQuotationLines(v *viewer.Viewer) Rows {
	if !v.HasScope("quotations:read") {
		return None
	}
	return OfAccounts(v).And(in("quotation_id", "quotations", colID, func(t *sql.SelectTable) *sql.Predicate {
		return sql.And(sql.EQ(t.C(colCustomerID), string(v.CustomerID)), sql.NEQ(t.C("status"), "DRAFT"))
	}))
}

// MarketInfos: information learned in confidence is read by its author, managers and
// admins; the rest by all our people.
func MarketInfos(v *viewer.Viewer) Rows {
	switch v.Role {
	case viewer.Admin, viewer.Manager:
		return All
	case viewer.Rep, viewer.Analyst:
		return eq(marketinfo.FieldConfidentialOrigin, false).Or(eq(marketinfo.FieldAuthorID, string(v.UserID)))
	}
	return None
}

// ownRows: the rows whose owner_id is the viewer (saved queries).
func ownRows(v *viewer.Viewer) Rows { return eq("owner_id", string(v.UserID)) }

// selfOnly: a partner user reads its own user row.
func selfOnly(v *viewer.Viewer) Rows { return eq(colID, string(v.UserID)) }

// OwnAccounts is the accounts that are the viewer's to follow day to day (Today): the
// accounts a rep owns, a manager's team's, every account for an admin. ok is false for
// viewers without a Today list (analysts, partners). It is narrower than Accounts: a
// rep reads the team's accounts but follows their own.
func OwnAccounts(v *viewer.Viewer) (Rows, bool) {
	if v == nil {
		return None, false
	}
	switch v.Role {
	case viewer.Admin:
		return All, true
	case viewer.Manager:
		return Accounts(v), true
	case viewer.Rep:
		return eq(customer.FieldOwnerID, string(v.UserID)), true
	}
	return None, false
}

// OwnAccountsOwner is the one owner whose accounts are v's own (OwnAccounts) when they
// are one owner's: a rep's. A reader narrowed to that owner (viewer.Narrowed) reads,
// of what it reads, only v's own accounts.
func OwnAccountsOwner(v *viewer.Viewer) (pulid.ID, bool) {
	if v != nil && v.Role == viewer.Rep {
		return v.UserID, true
	}
	return "", false
}

// OwnAccountsAreRead reports whether v's own accounts (OwnAccounts) are exactly the
// accounts v reads (Accounts): a manager's (their team's and their own) and an
// admin's (every one).
func OwnAccountsAreRead(v *viewer.Viewer) bool {
	return v != nil && (v.Role == viewer.Manager || v.Role == viewer.Admin)
}

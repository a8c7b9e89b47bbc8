package merge

import (
	"context"
	"strings"
	"time"

	"tandem/domain/access"
	"tandem/domain/account"
	gen "tandem/ent"
	"tandem/ent/accountchange"
	"tandem/ent/contact"
	"tandem/ent/customer"
	"tandem/ent/errcode"
	"tandem/ent/person"
	"tandem/ent/schema"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
)

// Input is a merge: the row that stays, the one folded into it, which side's value
// the survivor keeps per field (unnamed differing fields keep the survivor's value,
// or the merged one's where the survivor has none), and why.
type Input struct {
	SurvivorID, MergedID pulid.ID
	Choices              map[string]Side
	Reason               string
}

func (in Input) check() error {
	switch {
	case in.SurvivorID == in.MergedID:
		return errcode.New(errcode.BadUserInput, "an account cannot be merged into itself").With("field", "mergedID")
	case len(in.Reason) > 500:
		return errcode.New(errcode.BadUserInput, "reason: at most 500 characters").With("field", "reason")
	}
	return nil
}

// Accounts merges one account into another, in the caller's transaction. Managers
// merge the accounts they may change (their team's), admins any; reps are refused (a
// merge rewrites two accounts' history and owners: a manager's decision). A retry of
// the same merge returns its first record and changes nothing; a second merge of an
// account already merged elsewhere is a CONFLICT.
func Accounts(ctx context.Context, c *gen.Client, in Input, now time.Time) (*gen.AccountChange, error) {
	v := viewer.FromContext(ctx)
	if !access.Manages(v) {
		return nil, errcode.New(errcode.Forbidden, "merging accounts is for managers and admins")
	}
	if err := in.check(); err != nil {
		return nil, err
	}
	incl := account.IncludingMerged(ctx)
	m, err := c.Customer.Get(incl, in.MergedID)
	if err != nil {
		return nil, err
	}
	if m.MergedIntoID != nil {
		return mergedBefore(ctx, c, accountchange.KindACCOUNT_MERGED, m.ID, *m.MergedIntoID, in.SurvivorID)
	}
	s, err := c.Customer.Get(incl, in.SurvivorID)
	if err != nil {
		return nil, err
	}
	if s.MergedIntoID != nil {
		return nil, errcode.New(errcode.BadUserInput, "the account to keep was itself merged into another; merge into that one").
			With("field", "survivorID").With("mergedInto", string(*s.MergedIntoID))
	}
	// The tombstone first, conditional on its not being merged: of two merges of the
	// same account, the second waits here and finds it merged.
	if _, err := c.Customer.UpdateOneID(m.ID).Where(customer.MergedIntoIDIsNil()).SetMergedIntoID(s.ID).Save(incl); err != nil {
		return nil, meanwhile(err, "this account was merged meanwhile; reload it")
	}
	u := c.Customer.UpdateOneID(s.ID).Where(customer.MergedIntoIDIsNil())
	chosen, err := apply(accountFields, in.Choices, s, m, u.Mutation())
	if err != nil {
		return nil, err
	}
	if _, err := u.Save(ctx); err != nil {
		return nil, meanwhile(err, "the account to keep was merged meanwhile; reload it")
	}
	moved, err := moveRefs(ctx, c, AccountRefs, s.ID, m.ID)
	if err != nil {
		return nil, err
	}
	// The merged account's contacts and key persons moved by plain UPDATEs: a person who
	// was a contact at both accounts is now at one.
	if err := schema.RecountPersons(ctx, c, person.HasContactsWith(contact.CustomerID(s.ID))); err != nil {
		return nil, err
	}
	// Their stage changes moved the same way: the survivor's timeline has new stays.
	if err := account.Remeasure(ctx, c, s.ID, m.ID); err != nil {
		return nil, err
	}
	delete(moved, "customers") // referrals and older tombstones: not history of the account
	sys := access.System(ctx, "merge: the survivor no longer refers to itself")
	if _, err := c.Customer.Update().Where(customer.ID(s.ID), customer.ReferrerCustomerID(s.ID)).ClearReferrerCustomerID().Save(sys); err != nil {
		return nil, err
	}
	// The stage is derived: the higher of the two, moved by the stage rules.
	if err := account.Advance(ctx, c, s.ID, m.Stage, "merged with "+m.Name); err != nil {
		return nil, err
	}
	return record(ctx, c, c.AccountChange.Create().SetKind(accountchange.KindACCOUNT_MERGED).SetCustomerID(s.ID).
		SetSubjectID(m.ID).SetSubjectName(m.Name), chosen, moved, in.Reason, now)
}

// Contacts merges one contact into another of the same account: whoever may change
// the account's contacts may (reps keep their own contact lists clean).
func Contacts(ctx context.Context, c *gen.Client, in Input, now time.Time) (*gen.AccountChange, error) {
	if v := viewer.FromContext(ctx); v == nil || !v.Internal() {
		return nil, errcode.New(errcode.Forbidden, "merging contacts is for our people")
	}
	if err := in.check(); err != nil {
		return nil, err
	}
	incl := account.IncludingMerged(ctx)
	m, err := c.Contact.Get(incl, in.MergedID)
	if err != nil {
		return nil, err
	}
	if m.MergedIntoID != nil {
		return mergedBefore(ctx, c, accountchange.KindCONTACT_MERGED, m.ID, *m.MergedIntoID, in.SurvivorID)
	}
	s, err := c.Contact.Get(incl, in.SurvivorID)
	if err != nil {
		return nil, err
	}
	if s.MergedIntoID != nil {
		return nil, errcode.New(errcode.BadUserInput, "the contact to keep was itself merged into another").With("field", "survivorID")
	}
	if s.CustomerID != m.CustomerID {
		return nil, errcode.New(errcode.BadUserInput, "contacts of different accounts are different people's records; merge the accounts first").
			With("field", "mergedID")
	}
	// The tombstone leaves its person: the person it was is no longer a contact here
	// (unless the survivor is the same person), and is recounted below.
	if _, err := c.Contact.UpdateOneID(m.ID).Where(contact.MergedIntoIDIsNil()).SetMergedIntoID(s.ID).ClearPersonID().Save(incl); err != nil {
		return nil, meanwhile(err, "this contact was merged meanwhile; reload it")
	}
	u := c.Contact.UpdateOneID(s.ID).Where(contact.MergedIntoIDIsNil())
	chosen, err := apply(contactFields, in.Choices, s, m, u.Mutation())
	if err != nil {
		return nil, err
	}
	if _, err := u.Save(ctx); err != nil {
		return nil, meanwhile(err, "the contact to keep was merged meanwhile; reload it")
	}
	moved, err := moveRefs(ctx, c, ContactRefs, s.ID, m.ID)
	if err != nil {
		return nil, err
	}
	concerned := person.Or(person.IDIn(present(s.PersonID, m.PersonID)...), person.HasContactsWith(contact.ID(s.ID)))
	if err := schema.RecountPersons(ctx, c, concerned, m.PersonID); err != nil {
		return nil, err
	}
	delete(moved, "contacts")
	return record(ctx, c, c.AccountChange.Create().SetKind(accountchange.KindCONTACT_MERGED).SetCustomerID(s.CustomerID).
		SetSubjectID(m.ID).SetSubjectName(m.Name).SetSurvivorContactID(s.ID), chosen, moved, in.Reason, now)
}

// mergedBefore answers a merge of a row already merged: the same merge again is a
// retry and gets its first record; into another row it is a conflict.
func mergedBefore(ctx context.Context, c *gen.Client, kind accountchange.Kind, merged, into, asked pulid.ID) (*gen.AccountChange, error) {
	if into != asked {
		return nil, errcode.New(errcode.Conflict, "already merged into another record").
			With("field", "mergedID").With("mergedInto", string(into))
	}
	return c.AccountChange.Query().Where(accountchange.KindEQ(kind), accountchange.SubjectID(merged)).
		Order(gen.Desc(accountchange.FieldAt)).First(ctx)
}

func meanwhile(err error, msg string) error {
	if gen.IsNotFound(err) {
		return errcode.New(errcode.Conflict, "%s", msg).With("field", "mergedID")
	}
	return err
}

func record(ctx context.Context, c *gen.Client, ac *gen.AccountChangeCreate, chosen map[string]string, moved map[string]int, reason string, now time.Time) (*gen.AccountChange, error) {
	ac.SetChosen(chosen).SetMoved(moved).SetAt(now.UTC())
	if r := strings.TrimSpace(reason); r != "" {
		ac.SetReason(r)
	}
	if v := viewer.FromContext(ctx); v != nil && v.UserID != "" {
		ac.SetActorID(v.UserID)
	}
	saved, err := ac.Save(access.System(ctx, "merge: its record on the survivor's timeline"))
	if err != nil {
		return nil, err
	}
	return c.AccountChange.Get(ctx, saved.ID)
}

// Preview is what a merge would do: both sides' fields and the rows that would move.
type Preview struct {
	Fields []Difference
	Moves  map[string]int
}

// PreviewAccounts compares two accounts the viewer may read and counts the merged
// one's rows.
func PreviewAccounts(ctx context.Context, c *gen.Client, survivorID, mergedID pulid.ID) (*Preview, error) {
	s, err := c.Customer.Get(ctx, survivorID)
	if err != nil {
		return nil, err
	}
	m, err := c.Customer.Get(ctx, mergedID)
	if err != nil {
		return nil, err
	}
	moves, err := Count(ctx, c, AccountRefs, m.ID)
	if err != nil {
		return nil, err
	}
	return &Preview{Fields: compare(accountFields, s, m), Moves: moves}, nil
}

// PreviewContacts compares two contacts the viewer may read.
func PreviewContacts(ctx context.Context, c *gen.Client, survivorID, mergedID pulid.ID) (*Preview, error) {
	s, err := c.Contact.Get(ctx, survivorID)
	if err != nil {
		return nil, err
	}
	m, err := c.Contact.Get(ctx, mergedID)
	if err != nil {
		return nil, err
	}
	moves, err := Count(ctx, c, ContactRefs, m.ID)
	if err != nil {
		return nil, err
	}
	return &Preview{Fields: compare(contactFields, s, m), Moves: moves}, nil
}

// SurvivorOf is the account an old ID leads to: itself while it stands, else the
// account it was merged into (following merges of merges), read as the viewer.
func SurvivorOf(ctx context.Context, c *gen.Client, id pulid.ID) (*gen.Customer, error) {
	incl := account.IncludingMerged(access.System(ctx, "merge: where an old account ID leads"))
	for range 20 {
		cu, err := c.Customer.Query().Where(customer.ID(id)).Select(customer.FieldMergedIntoID).Only(incl)
		if err != nil {
			return nil, err
		}
		if cu.MergedIntoID == nil {
			return c.Customer.Get(ctx, id)
		}
		id = *cu.MergedIntoID
	}
	return nil, errcode.New(errcode.NotFound, "not found")
}

// present drops empty IDs.
func present(ids ...pulid.ID) []pulid.ID {
	var out []pulid.ID
	for _, id := range ids {
		if id != "" {
			out = append(out, id)
		}
	}
	return out
}

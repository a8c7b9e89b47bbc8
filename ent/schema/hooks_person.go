package schema

import (
	"context"
	"fmt"
	"slices"

	"entgo.io/ent"
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"tandem/domain/interaction"
	keypersons "tandem/domain/keyperson"
	"tandem/domain/search"
	gen "tandem/ent"
	"tandem/ent/contact"
	"tandem/ent/hook"
	"tandem/ent/keyperson"
	"tandem/ent/person"
	"tandem/ent/predicate"
	"tandem/ent/schema/names"
	"tandem/ent/schema/pulid"
)

// Persons. Contacts with the same identity key (names.PersonKey: the mobile, else the
// email, else the WeChat ID) are one Person, whose counts say at how many accounts the
// person is a contact, and an active champion. The hooks keep them in step with every
// change of a contact or a key person, in the change's own transaction, also while
// importing (a person is no history): find or create the person by key, then one
// UPDATE recounts the persons concerned with COUNT(DISTINCT …) subqueries, and a
// DELETE drops a person its last contact left.

func (Contact) Hooks() []ent.Hook {
	return []ent.Hook{
		hook.On(contactPerson, ent.OpCreate|ent.OpUpdateOne),
		search.ContactKey,
		hook.On(contactsPersons, ent.OpUpdate|ent.OpDelete|ent.OpDeleteOne),
	}
}

func (KeyPerson) Hooks() []ent.Hook {
	return []ent.Hook{hook.On(keypersons.Guard, ent.OpCreate|ent.OpUpdateOne|ent.OpUpdate),
		hook.On(interaction.Contacted, ent.OpCreate|ent.OpUpdateOne|ent.OpUpdate),
		hook.On(keyPersonChampions, ent.OpCreate|ent.OpUpdateOne|ent.OpUpdate|ent.OpDelete|ent.OpDeleteOne),
		hook.On(keypersons.DueHook, ent.OpCreate|ent.OpUpdateOne|ent.OpUpdate)}
}

// touched reports whether a mutation sets or clears one of the fields.
func touched(m ent.Mutation, fields ...string) bool {
	for _, f := range fields {
		if _, ok := m.Field(f); ok || m.FieldCleared(f) {
			return true
		}
	}
	return false
}

var identityFields = []string{contact.FieldMobile, contact.FieldEmail, contact.FieldWechat}

// contactPerson links a new contact, or one whose mobile, email or WeChat ID changed,
// to the person of its key, and recounts the person it left and the one it joined
// (also when it moved to another customer or was renamed).
func contactPerson(next ent.Mutator) ent.Mutator {
	return hook.ContactFunc(func(ctx context.Context, m *gen.ContactMutation) (gen.Value, error) {
		identity := m.Op().Is(ent.OpCreate) || touched(m, identityFields...)
		if !identity && !touched(m, contact.FieldCustomerID, contact.FieldName) {
			return next.Mutate(ctx, m)
		}
		var was pulid.ID
		if m.Op().Is(ent.OpUpdateOne) {
			var err error
			if was, err = m.OldPersonID(ctx); err != nil {
				return nil, err
			}
		}
		is := was
		if identity {
			vals := make([]string, len(identityFields))
			for i, f := range identityFields {
				v, err := currentString(ctx, m, f)
				if err != nil {
					return nil, err
				}
				vals[i] = v
			}
			is = ""
			if key := names.PersonKey(vals[0], vals[1], vals[2]); key != "" {
				name, err := currentString(ctx, m, contact.FieldName)
				if err != nil {
					return nil, err
				}
				if is, err = personOf(ctx, m.Client(), key, name); err != nil {
					return nil, err
				}
			}
			switch {
			case is == was:
			case is == "":
				m.ClearPerson()
			default:
				m.SetPersonID(is)
			}
		}
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return v, err
		}
		if err := recountPersons(ctx, m.Client(), person.IDIn(present(was, is)...)); err != nil {
			return nil, err
		}
		if was != is {
			if err := dropEmptyPersons(ctx, m.Client(), was); err != nil {
				return nil, err
			}
		}
		return v, nil
	})
}

// currentString is a string field's value after the mutation: the one it sets, "" when
// it clears it, else the stored one.
func currentString(ctx context.Context, m ent.Mutation, f string) (string, error) {
	if v, ok := m.Field(f); ok {
		s, _ := v.(string)
		return s, nil
	}
	if m.FieldCleared(f) || m.Op().Is(ent.OpCreate) {
		return "", nil
	}
	v, err := m.OldField(ctx, f)
	if err != nil {
		return "", err
	}
	s, _ := v.(string)
	return s, nil
}

// personOf finds the person of a key, or creates it. Should a concurrent transaction
// create it first, the insert leaves that row as it is and returns its ID.
func personOf(ctx context.Context, c *gen.Client, key, name string) (pulid.ID, error) {
	sys := system(ctx)
	id, err := c.Person.Query().Where(person.Key(key)).OnlyID(sys)
	if !gen.IsNotFound(err) {
		return id, err
	}
	return c.Person.Create().SetKey(key).SetName(name).OnConflictColumns(person.FieldKey).Ignore().ID(sys)
}

// contactsPersons keeps persons right through bulk changes and deletions of contacts:
// the persons of the rows before the change are recounted with those they join after.
func contactsPersons(next ent.Mutator) ent.Mutator {
	return hook.ContactFunc(func(ctx context.Context, m *gen.ContactMutation) (gen.Value, error) {
		deleting := m.Op().Is(ent.OpDelete | ent.OpDeleteOne)
		if !deleting && !touched(m, append([]string{contact.FieldCustomerID, contact.FieldName}, identityFields...)...) {
			return next.Mutate(ctx, m)
		}
		c, sys := m.Client(), system(ctx)
		ids, err := m.IDs(ctx)
		if err != nil || len(ids) == 0 {
			return next.Mutate(ctx, m)
		}
		before, err := c.Contact.Query().Where(contact.IDIn(ids...), contact.PersonIDNotNil()).
			Unique(true).Select(contact.FieldPersonID).Strings(sys)
		if err != nil {
			return nil, err
		}
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return v, err
		}
		concerned := pulids(before)
		if !deleting {
			joined, err := linkContacts(ctx, c, contact.IDIn(ids...))
			if err != nil {
				return nil, err
			}
			concerned = append(concerned, joined...)
		}
		if err := recountPersons(ctx, c, person.IDIn(concerned...)); err != nil {
			return nil, err
		}
		return v, dropEmptyPersons(ctx, c, pulids(before)...)
	})
}

// keyPersonChampions recounts the champion accounts of the person behind a key person
// when it may have become or stopped being an active champion: created as one, its
// attitude changed, ended (endKeyPerson sets active_to), moved, or deleted.
func keyPersonChampions(next ent.Mutator) ent.Mutator {
	return hook.KeyPersonFunc(func(ctx context.Context, m *gen.KeyPersonMutation) (gen.Value, error) {
		var contacts []pulid.ID
		switch {
		case m.Op().Is(ent.OpCreate):
			_, ended := m.ActiveTo()
			if a, _ := m.Attitude(); a != keyperson.AttitudeCHAMPION || ended {
				return next.Mutate(ctx, m)
			}
		case m.Op().Is(ent.OpUpdateOne | ent.OpUpdate):
			if !touched(m, keyperson.FieldAttitude, keyperson.FieldActiveTo, keyperson.FieldContactID, keyperson.FieldCustomerID) {
				return next.Mutate(ctx, m)
			}
		}
		if m.Op().Is(ent.OpUpdateOne) {
			was, err := m.OldContactID(ctx) // read once with the audit's "before"
			if err != nil {
				return nil, err
			}
			contacts = append(contacts, was)
		} else if !m.Op().Is(ent.OpCreate) {
			ids, err := m.IDs(ctx)
			if err != nil {
				return nil, err
			}
			was, err := m.Client().KeyPerson.Query().Where(keyperson.IDIn(ids...)).Unique(true).
				Select(keyperson.FieldContactID).Strings(system(ctx))
			if err != nil {
				return nil, err
			}
			contacts = append(contacts, pulids(was)...)
		}
		if id, ok := m.ContactID(); ok {
			contacts = append(contacts, id)
		}
		v, err := next.Mutate(ctx, m)
		if err != nil || len(contacts) == 0 {
			return v, err
		}
		if err := recountPersons(ctx, m.Client(), person.HasContactsWith(contact.IDIn(contacts...))); err != nil {
			return nil, err
		}
		return v, nil
	})
}

// The recount, as correlated subqueries of one UPDATE of the persons concerned.
var (
	accountsSQL = fmt.Sprintf("(SELECT COUNT(DISTINCT c.%s) FROM %s c WHERE c.%s = %s.%s)",
		contact.FieldCustomerID, contact.Table, contact.FieldPersonID, person.Table, person.FieldID)
	championAccountsSQL = fmt.Sprintf("(SELECT COUNT(DISTINCT k.%s) FROM %s k JOIN %s c ON c.%s = k.%s WHERE c.%s = %s.%s AND k.%s = '%s' AND k.%s IS NULL)",
		keyperson.FieldCustomerID, keyperson.Table, contact.Table, contact.FieldID, keyperson.FieldContactID,
		contact.FieldPersonID, person.Table, person.FieldID, keyperson.FieldAttitude, keyperson.AttitudeCHAMPION, keyperson.FieldActiveTo)
	latestNameSQL = fmt.Sprintf("COALESCE((SELECT c.%s FROM %s c WHERE c.%s = %s.%s ORDER BY c.%s DESC, c.%s DESC LIMIT 1), %s.%s)",
		contact.FieldName, contact.Table, contact.FieldPersonID, person.Table, person.FieldID,
		contact.FieldCreatedAt, contact.FieldID, person.Table, person.FieldName)
)

// recountPersons sets the accounts, champion accounts and display name of the persons
// matching where, in one statement.
func recountPersons(ctx context.Context, c *gen.Client, where predicate.Person) error {
	return c.Person.Update().Where(where).Modify(func(u *sql.UpdateBuilder) {
		u.Set(person.FieldAccounts, sql.Expr(accountsSQL))
		u.Set(person.FieldChampionAccounts, sql.Expr(championAccountsSQL))
		u.Set(person.FieldName, sql.Expr(latestNameSQL))
	}).Exec(system(ctx))
}

// dropEmptyPersons deletes those of the persons that no contact is any longer.
func dropEmptyPersons(ctx context.Context, c *gen.Client, ids ...pulid.ID) error {
	if ids = present(ids...); len(ids) == 0 {
		return nil
	}
	_, err := c.Person.Delete().Where(person.IDIn(ids...), person.Not(person.HasContacts())).Exec(system(ctx))
	return err
}

// linkContacts gives each contact matching where the person of its key (or none) and
// returns the persons the contacts joined. The link is written with a plain UPDATE so
// the contacts' updated_at stays what their users last did.
func linkContacts(ctx context.Context, c *gen.Client, where predicate.Contact) ([]pulid.ID, error) {
	sys := system(ctx)
	cs, err := c.Contact.Query().Where(where).Order(contact.ByCreatedAt(), contact.ByID()).
		Select(contact.FieldName, contact.FieldMobile, contact.FieldEmail, contact.FieldWechat, contact.FieldPersonID).All(sys)
	if err != nil {
		return nil, err
	}
	// The persons of all the keys at once (500 keys a query); a new person per new key,
	// named after its oldest contact (contacts come oldest first).
	keys := make([]string, len(cs))
	firstName := map[string]string{}
	var distinct []string
	for i, ct := range cs {
		keys[i] = names.PersonKey(ct.Mobile, ct.Email, ct.Wechat)
		if _, seen := firstName[keys[i]]; keys[i] != "" && !seen {
			firstName[keys[i]] = ct.Name
			distinct = append(distinct, keys[i])
		}
	}
	personByKey := map[string]pulid.ID{}
	for chunk := range slices.Chunk(distinct, 500) {
		ps, err := c.Person.Query().Where(person.KeyIn(chunk...)).Select(person.FieldID, person.FieldKey).All(sys)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			personByKey[p.Key] = p.ID
		}
	}
	for _, key := range distinct {
		if _, ok := personByKey[key]; !ok {
			if personByKey[key], err = personOf(ctx, c, key, firstName[key]); err != nil {
				return nil, err
			}
		}
	}
	byPerson := map[pulid.ID][]any{}
	var unlinked []any
	for i, ct := range cs {
		is := personByKey[keys[i]]
		switch {
		case is == ct.PersonID:
		case is == "":
			unlinked = append(unlinked, string(ct.ID))
		default:
			byPerson[is] = append(byPerson[is], string(ct.ID))
		}
	}
	var joined []pulid.ID
	for id := range byPerson {
		joined = append(joined, id)
	}
	slices.Sort(joined)
	// PostgreSQL's quoting and placeholders, which SQLite reads too.
	set := func(u *sql.UpdateBuilder, ids []any) error {
		q, args := u.Where(sql.In(contact.FieldID, ids...)).Query()
		_, err := c.ExecContext(sys, q, args...)
		return err
	}
	update := func() *sql.UpdateBuilder { return sql.Dialect(dialect.Postgres).Update(contact.Table) }
	for _, id := range joined {
		if err := set(update().Set(contact.FieldPersonID, string(id)), byPerson[id]); err != nil {
			return nil, err
		}
	}
	if len(unlinked) > 0 {
		if err := set(update().SetNull(contact.FieldPersonID), unlinked); err != nil {
			return nil, err
		}
	}
	return joined, nil
}

// DerivePersons links the contacts that have an identity but no person yet — those of
// a database from before persons existed — and counts the persons they join.
func DerivePersons(ctx context.Context, c *gen.Client) error {
	joined, err := linkContacts(ctx, c, contact.And(contact.PersonIDIsNil(),
		contact.Or(contact.MobileNEQ(""), contact.EmailNEQ(""), contact.WechatNEQ(""))))
	if err != nil || len(joined) == 0 {
		return err
	}
	for chunk := range slices.Chunk(joined, 500) {
		if err := recountPersons(ctx, c, person.IDIn(chunk...)); err != nil {
			return err
		}
	}
	return nil
}

// present drops empty and repeated IDs.
func present(ids ...pulid.ID) []pulid.ID {
	var out []pulid.ID
	for _, id := range ids {
		if id != "" && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func pulids(ss []string) []pulid.ID {
	out := make([]pulid.ID, 0, len(ss))
	for _, s := range ss {
		out = append(out, pulid.ID(s))
	}
	return present(out...)
}

package merge

import (
	"fmt"
	"sort"

	"entgo.io/ent"

	gen "tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/errcode"
	"tandem/ent/schema/pulid"
)

// Side is whose value of a field the survivor keeps.
type Side string

const (
	Survivor Side = "SURVIVOR"
	Merged   Side = "MERGED"
)

// field is one value a person picks between: its GraphQL name, its column, and how
// to read it (ok false: empty).
type field[T any] struct {
	name, column string
	required     bool // cannot be cleared (a name, an enum with a default)
	get          func(T) (ent.Value, bool)
}

func str[T any](name, column string, f func(T) string) field[T] {
	return field[T]{name: name, column: column, get: func(x T) (ent.Value, bool) { s := f(x); return s, s != "" }}
}

func ptr[T, V any](name, column string, f func(T) *V) field[T] {
	return field[T]{name: name, column: column, get: func(x T) (ent.Value, bool) {
		if p := f(x); p != nil {
			return *p, true
		}
		return nil, false
	}}
}

func id[T any](name, column string, f func(T) pulid.ID) field[T] {
	return field[T]{name: name, column: column, get: func(x T) (ent.Value, bool) { v := f(x); return v, v != "" }}
}

// accountFields are the account's values a person picks between when merging. The
// stage is not among them (it is derived: the higher of the two moves the survivor
// by the stage rules), nor are derived values (score, tier, core name).
var accountFields = []field[*gen.Customer]{
	{name: "name", column: "name", required: true, get: func(c *gen.Customer) (ent.Value, bool) { return c.Name, true }},
	str("nameEn", "name_en", func(c *gen.Customer) string { return c.NameEn }),
	str("creditCode", "credit_code", func(c *gen.Customer) string { return c.CreditCode }),
	str("website", "website", func(c *gen.Customer) string { return c.Website }),
	str("industry", "industry", func(c *gen.Customer) string { return c.Industry }),
	str("region", "region", func(c *gen.Customer) string { return c.Region }),
	str("address", "address", func(c *gen.Customer) string { return c.Address }),
	str("phone", "phone", func(c *gen.Customer) string { return c.Phone }),
	{name: "leadSource", column: "lead_source", required: true, get: func(c *gen.Customer) (ent.Value, bool) { return c.LeadSource, true }},
	str("leadSourceDetail", "lead_source_detail", func(c *gen.Customer) string { return c.LeadSourceDetail }),
	ptr("scale", "scale", func(c *gen.Customer) *int { return c.Scale }),
	ptr("technicalLevel", "technical_level", func(c *gen.Customer) *int { return c.TechnicalLevel }),
	ptr("credit", "credit", func(c *gen.Customer) *int { return c.Credit }),
	ptr("demand", "demand", func(c *gen.Customer) *int { return c.Demand }),
	ptr("easeOfClosing", "ease_of_closing", func(c *gen.Customer) *int { return c.EaseOfClosing }),
	ptr("industryStatus", "industry_status", func(c *gen.Customer) *customer.IndustryStatus { return c.IndustryStatus }),
	str("founderHistory", "founder_history", func(c *gen.Customer) string { return c.FounderHistory }),
	str("shareholders", "shareholders", func(c *gen.Customer) string { return c.Shareholders }),
	str("decisionMechanism", "decision_mechanism", func(c *gen.Customer) string { return c.DecisionMechanism }),
	str("culture", "culture", func(c *gen.Customer) string { return c.Culture }),
	str("peopleStatus", "people_status", func(c *gen.Customer) string { return c.PeopleStatus }),
	str("businessStatus", "business_status", func(c *gen.Customer) string { return c.BusinessStatus }),
	str("technologyStatus", "technology_status", func(c *gen.Customer) string { return c.TechnologyStatus }),
	str("managementStatus", "management_status", func(c *gen.Customer) string { return c.ManagementStatus }),
	str("notes", "notes", func(c *gen.Customer) string { return c.Notes }),
	id("ownerID", "owner_id", func(c *gen.Customer) pulid.ID { return c.OwnerID }),
	id("teamID", "team_id", func(c *gen.Customer) pulid.ID { return c.TeamID }),
}

// contactFields are the contact's values a person picks between.
var contactFields = []field[*gen.Contact]{
	{name: "name", column: "name", required: true, get: func(c *gen.Contact) (ent.Value, bool) { return c.Name, true }},
	str("title", "title", func(c *gen.Contact) string { return c.Title }),
	{name: "department", column: "department", required: true, get: func(c *gen.Contact) (ent.Value, bool) { return c.Department, true }},
	str("phone", "phone", func(c *gen.Contact) string { return c.Phone }),
	str("mobile", "mobile", func(c *gen.Contact) string { return c.Mobile }),
	str("email", "email", func(c *gen.Contact) string { return c.Email }),
	str("wechat", "wechat", func(c *gen.Contact) string { return c.Wechat }),
	str("notes", "notes", func(c *gen.Contact) string { return c.Notes }),
}

// Difference is one field as it stands on both sides.
type Difference struct {
	Field            string
	Survivor, Merged string // "" when empty
	Differs          bool
}

func show(v ent.Value, ok bool) string {
	if !ok {
		return ""
	}
	return fmt.Sprint(v)
}

// compare lists every field of both sides.
func compare[T any](fs []field[T], s, m T) []Difference {
	out := make([]Difference, 0, len(fs))
	for _, f := range fs {
		a, b := show(f.get(s)), show(f.get(m))
		out = append(out, Difference{Field: f.name, Survivor: a, Merged: b, Differs: a != b})
	}
	return out
}

// setter is the part of an ent mutation a merge writes through.
type setter interface {
	SetField(string, ent.Value) error
	ClearField(string) error
}

// apply writes the merged side's value of every field chosen MERGED into the
// survivor's mutation, and fills the survivor's empty fields from the merged side
// when nobody chose: nothing known is lost. It returns the side kept per differing
// field. An unknown field or side is bad input and nothing is written.
func apply[T any](fs []field[T], choices map[string]Side, s, m T, mut setter) (map[string]string, error) {
	known := map[string]bool{}
	for _, f := range fs {
		known[f.name] = true
	}
	names := make([]string, 0, len(choices))
	for n := range choices {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if !known[n] {
			return nil, errcode.New(errcode.BadUserInput, "choices: %q is not a field a merge picks", n).With("field", "choices")
		}
		if side := choices[n]; side != Survivor && side != Merged {
			return nil, errcode.New(errcode.BadUserInput, "choices: %q: the side is SURVIVOR or MERGED", n).With("field", "choices")
		}
	}
	chosen := map[string]string{}
	for _, f := range fs {
		sv, sok := f.get(s)
		mv, mok := f.get(m)
		if show(sv, sok) == show(mv, mok) {
			continue
		}
		side, picked := choices[f.name]
		if !picked {
			side = Survivor
			if !sok {
				side = Merged
			}
		}
		chosen[f.name] = string(side)
		if side == Survivor {
			continue
		}
		var err error
		switch {
		case mok:
			err = mut.SetField(f.column, mv)
		case f.required:
			continue
		default:
			err = mut.ClearField(f.column)
		}
		if err != nil {
			return nil, fmt.Errorf("merge: %s: %w", f.name, err)
		}
	}
	return chosen, nil
}

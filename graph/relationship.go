package graph

import (
	"context"
	"math"
	"sort"
	"time"

	"tandem/domain/account"
	"tandem/ent"
	"tandem/ent/contact"
	"tandem/ent/errcode"
	"tandem/ent/interaction"
	"tandem/ent/predicate"
	"tandem/ent/schema/pulid"
	"tandem/ent/user"
	"tandem/graph/model"
)

// Relationship strength: min(1, interactions/strengthFull) × recency, where recency is
// 1 up to recentDays since the last contact and falls linearly to staleRecency at the
// start of the window.
const (
	strengthFull  = 10
	recentDays    = 30
	staleRecency  = 0.2
	maxMapMonths  = 120
	hoursPerDay   = 24
	relationRound = 1000
)

// relationshipMap derives who talks to whom from interaction participants.
func relationshipMap(ctx context.Context, c *ent.Client, customerID *pulid.ID, sinceMonths int) (*model.RelationshipMap, error) {
	return relationshipMapAt(ctx, c, customerID, sinceMonths, time.Now().UTC())
}

// relationshipMapAt reads the interactions the viewer may see within the window, with
// their participants and accounts, in one query per edge (four in all), and folds them
// into links (our person × their person) and cells (our function × their department).
func relationshipMapAt(ctx context.Context, c *ent.Client, customerID *pulid.ID, sinceMonths int, now time.Time) (*model.RelationshipMap, error) {
	if err := internalOnly(ctx); err != nil {
		return nil, err
	}
	if sinceMonths < 1 || sinceMonths > maxMapMonths {
		return nil, errcode.New(errcode.BadUserInput, "sinceMonths: between 1 and %d", maxMapMonths).With("field", "sinceMonths")
	}
	now = now.UTC()
	since := now.AddDate(0, -sinceMonths, 0)
	where := []predicate.Interaction{interaction.OccurredAtGTE(since), interaction.OccurredAtLTE(now)}
	if customerID != nil {
		if _, err := c.Customer.Get(ctx, *customerID); err != nil {
			return nil, err
		}
		where = append(where, interaction.CustomerID(*customerID))
	}
	ins, err := c.Interaction.Query().Where(where...).
		Where(interaction.HasOurParticipants(), interaction.HasTheirParticipants()).
		WithOurParticipants().
		WithTheirParticipants().
		WithCustomer().
		Order(interaction.ByOccurredAt(), interaction.ByID()).
		All(ctx)
	if err != nil {
		return nil, err
	}

	type linkKey struct{ user, contact pulid.ID }
	type cellKey struct {
		fn   user.Function
		dept contact.Department
	}
	type cellAcc struct {
		links        map[linkKey]bool
		interactions map[pulid.ID]bool
		last         time.Time
	}
	links := map[linkKey]*model.RelationshipLink{}
	var order []linkKey
	cells := map[cellKey]*cellAcc{}
	var cellOrder []cellKey
	for _, in := range ins {
		at := in.OccurredAt.UTC()
		for _, u := range in.Edges.OurParticipants {
			for _, ct := range in.Edges.TheirParticipants {
				k := linkKey{u.ID, ct.ID}
				l := links[k]
				if l == nil {
					l = &model.RelationshipLink{User: u, Contact: ct, Customer: in.Edges.Customer}
					links[k] = l
					order = append(order, k)
				}
				l.Interactions++
				if at.After(l.LastContactAt) {
					l.LastContactAt = at
				}
				ck := cellKey{u.Function, ct.Department}
				cell := cells[ck]
				if cell == nil {
					cell = &cellAcc{links: map[linkKey]bool{}, interactions: map[pulid.ID]bool{}}
					cells[ck] = cell
					cellOrder = append(cellOrder, ck)
				}
				cell.links[k] = true
				cell.interactions[in.ID] = true
				if at.After(cell.last) {
					cell.last = at
				}
			}
		}
	}

	out := &model.RelationshipMap{Links: make([]*model.RelationshipLink, 0, len(links)), Cells: make([]*model.RelationshipCell, 0, len(cells)),
		UnknownDepartments: []contact.Department{}}
	if customerID != nil {
		cu, err := c.Customer.Get(ctx, *customerID)
		if err != nil {
			return nil, err
		}
		if out.UnknownDepartments, err = account.UnknownDepartments(ctx, c, cu); err != nil {
			return nil, err
		}
	}
	window := now.Sub(since).Hours() / hoursPerDay
	for _, k := range order {
		l := links[k]
		if l.Customer == nil {
			continue // the account is not visible (cannot happen: the interaction is)
		}
		l.Strength = linkStrength(l.Interactions, now.Sub(l.LastContactAt).Hours()/hoursPerDay, window)
		out.Links = append(out.Links, l)
	}
	sort.SliceStable(out.Links, func(i, j int) bool {
		a, b := out.Links[i], out.Links[j]
		switch {
		case a.Strength != b.Strength:
			return a.Strength > b.Strength
		case a.Interactions != b.Interactions:
			return a.Interactions > b.Interactions
		case !a.LastContactAt.Equal(b.LastContactAt):
			return a.LastContactAt.After(b.LastContactAt)
		case a.User.ID != b.User.ID:
			return a.User.ID < b.User.ID
		}
		return a.Contact.ID < b.Contact.ID
	})
	for _, k := range cellOrder {
		acc := cells[k]
		last := acc.last
		out.Cells = append(out.Cells, &model.RelationshipCell{
			OurFunction: k.fn, TheirDepartment: k.dept,
			Links: len(acc.links), Interactions: len(acc.interactions), LastContactAt: &last,
		})
	}
	sort.SliceStable(out.Cells, func(i, j int) bool {
		a, b := out.Cells[i], out.Cells[j]
		switch {
		case a.Interactions != b.Interactions:
			return a.Interactions > b.Interactions
		case a.Links != b.Links:
			return a.Links > b.Links
		case a.OurFunction != b.OurFunction:
			return a.OurFunction < b.OurFunction
		}
		return a.TheirDepartment < b.TheirDepartment
	})
	return out, nil
}

// linkStrength is min(1, n/strengthFull) × recency, rounded to three decimals.
func linkStrength(n int, ageDays, windowDays float64) float64 {
	recency := 1.0
	if ageDays > recentDays && windowDays > recentDays {
		recency = 1 - (1-staleRecency)*(ageDays-recentDays)/(windowDays-recentDays)
		recency = math.Max(staleRecency, math.Min(1, recency))
	}
	s := math.Min(1, float64(n)/strengthFull) * recency
	return math.Round(s*relationRound) / relationRound
}

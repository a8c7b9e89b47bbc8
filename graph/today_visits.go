package graph

import (
	"strings"

	"tandem/ent"
	"tandem/ent/contact"
	"tandem/ent/interaction"
	"tandem/ent/predicate"
	"tandem/graph/model"
)

// todayVisits lists the visits planned for today that are not logged yet: the page's,
// counting them all (a team that plans many visits a day has many). Logging one
// (logInteraction) takes it off the list.
func todayVisits(run *todayRun) error {
	visitWhere := []predicate.Interaction{
		interaction.KindEQ(interaction.KindVISIT), interaction.LoggedAtIsNil(),
		interaction.OccurredAtGTE(run.sod), interaction.OccurredAtLT(run.tomorrow),
		awake[predicate.Interaction](run, model.TodayKindVisitDue),
	}
	// The page is read as asked, with the subject's accounts named, so that the visits'
	// people are those the request reads (one may be another account's contact); it
	// carries its count (counted), the same rows as the narrowed read (todayContext)
	// that counts the visits when the page does not ask for them.
	page := visitWhere
	if own, _ := todayScope(run.v); own != nil {
		page = append(page[:len(page):len(page)], interaction.HasCustomerWith(own))
	}
	if run.scope != nil {
		visitWhere = append(visitWhere, interaction.HasCustomerWith(run.scope))
	}
	count := upTo(run.c.Interaction.Query().Where(visitWhere...))
	visits, err := paged(run, model.TodayKindVisitDue, count, func(limit int) ([]*ent.Interaction, error) {
		return run.c.Interaction.Query().Where(page...).Order(interaction.ByOccurredAt(), interaction.ByID()).Limit(limit).
			WithTheirParticipants(func(q *ent.ContactQuery) { q.Select(contact.FieldID).Order(contact.ByID()) }).Modify(counted).All(run.asked)
	})
	if err != nil {
		return err
	}
	for _, in := range visits {
		title := strings.TrimSpace(in.Summary)
		if title == "" {
			title = say(run.lang, "拜访", "Visit")
		}
		reason := say(run.lang, "今天安排的拜访", "Visit planned for today")
		if in.OccurredAt.Before(run.now) {
			reason = say(run.lang, "今天的拜访（时间已到，请记录结果）", "Today's visit (its time has come: log what you found)")
		}
		at := in.OccurredAt
		it := run.add(model.TodayKindVisitDue, in.ID, in.CustomerID, in, title, reason, &at)
		// Called on the number of the first of their people we meet (else the account's).
		if ps := in.Edges.TheirParticipants; len(ps) > 0 {
			it.callContact = ps[0].ID
		}
	}
	return nil
}

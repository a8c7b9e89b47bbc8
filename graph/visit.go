package graph

import (
	"context"

	domain "tandem/domain/interaction"
	"tandem/ent"
	"tandem/ent/schema/pulid"
	"tandem/graph/model"
)

// logInteraction translates the input for the interaction workflow's LogContact, once
// per clientMutationId (a planned contact's log answers with the plan's own ID).
func logInteraction(ctx context.Context, c *ent.Client, in model.LogInteractionInput, clientMutationID *string) (*ent.Interaction, error) {
	l := domain.Log{
		CustomerID:  in.CustomerID,
		OccurredAt:  in.OccurredAt,
		Findings:    deref(in.Findings),
		Promises:    deref(in.Promises),
		NextStep:    deref(in.NextStep),
		NextStepDue: in.NextStepDue,
		Their:       in.TheirParticipantIDs,
		Ours:        in.OurParticipantIDs,
		DoneTasks:   in.DoneTaskIDs,
		Private:     in.Private,
		CheckIn:     checkIn(in.CheckIn),
	}
	if in.PlannedID != nil {
		l.PlannedID = *in.PlannedID
	}
	if in.Kind != nil {
		l.Kind = *in.Kind
	}
	return create(ctx, c, clientMutationID, func(c *ent.Client, id pulid.ID) (*ent.Interaction, error) {
		return domain.LogContact(contactWrite(ctx), c, id, l)
	})
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func checkIn(in *model.CheckInInput) *domain.CheckIn {
	if in == nil {
		return nil
	}
	return &domain.CheckIn{Latitude: in.Latitude, Longitude: in.Longitude, Accuracy: in.Accuracy}
}

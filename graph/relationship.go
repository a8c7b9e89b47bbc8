package graph

import (
	"context"
	"errors"

	"tandem/ent"
	"tandem/ent/schema/pulid"
	"tandem/graph/model"
)

// relationshipMap derives who talks to whom from interaction participants.
func relationshipMap(ctx context.Context, c *ent.Client, customerID *pulid.ID, sinceMonths int) (*model.RelationshipMap, error) {
	return nil, errors.New("relationship map: being written")
}

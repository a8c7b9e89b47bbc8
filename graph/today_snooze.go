package graph

import (
	"context"
	"time"

	"tandem/domain/snooze"
	"tandem/ent"
	"tandem/ent/schema/pulid"
	"tandem/graph/model"
)

// snoozeTodayItem puts an item of the viewer's Today aside (domain/snooze): the record
// must be one the viewer reads, so nobody stores snoozes of records they cannot see.
func snoozeTodayItem(ctx context.Context, c *ent.Client, kind model.TodayKind, nodeID pulid.ID, until time.Time) (*ent.Snooze, error) {
	if _, err := c.Noder(ctx, nodeID, ent.WithIDType); err != nil {
		return nil, err
	}
	return snooze.Put(ctx, c, string(kind), nodeID, until, time.Now())
}

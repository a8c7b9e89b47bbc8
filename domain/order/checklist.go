package order

import (
	"context"
	"slices"
	"time"

	gen "tandem/ent"
	"tandem/ent/order"
	"tandem/ent/orderevent"
	"tandem/ent/schema/pulid"
	"tandem/ent/user"
)

// Checklist is an order's checklist as a person reads it (GraphQL OrderChecklist):
// each step with who did it and when, what can be done now, what to look at.
type Checklist struct {
	Items     []*Item
	NextSteps []orderevent.Step
	Warnings  []string
	// LineWarnings are the shipping gate's findings line by line (batch age, COA
	// without file, certificates), with their acknowledgements.
	LineWarnings []*LineWarning
	// Progress is the share of steps done, 0–1.
	Progress float64
}

// Item is one step of a checklist (GraphQL OrderChecklistItem).
type Item struct {
	Step      orderevent.Step
	Done      bool
	At        *time.Time
	By        *gen.User
	Note      *string
	BlockedBy []orderevent.Step
}

// ChecklistOf builds the checklist of order id, as the viewer may read it, its warnings
// in lang ("zh" or "en").
func ChecklistOf(ctx context.Context, c *gen.Client, id gen.Noder, lang string) (*Checklist, error) {
	o, ok := id.(*gen.Order)
	if !ok {
		return nil, nil
	}
	o, err := c.Order.Get(ctx, o.ID)
	if err != nil {
		return nil, err
	}
	events, err := o.QueryEvents().WithActor().All(ctx)
	if err != nil {
		return nil, err
	}
	last := map[orderevent.Step]*gen.OrderEvent{}
	for _, e := range events {
		if prev := last[e.Step]; prev == nil || e.At.After(prev.At) {
			last[e.Step] = e
		}
	}
	out := &Checklist{Items: []*Item{}, NextSteps: []orderevent.Step{}, Warnings: []string{}, LineWarnings: []*LineWarning{}}
	n := 0
	// A closed or cancelled order is finished: nothing is next and nothing is to be
	// looked at before shipping (an order imported as history is closed with only its
	// dates recorded).
	finished := o.Status == order.StatusCANCELLED || o.Status == order.StatusCLOSED
	for _, s := range Steps {
		at := DoneAt(o, s)
		item := &Item{Step: s, Done: at != nil, At: at, BlockedBy: []orderevent.Step{}}
		if e := last[s]; e != nil {
			item.By = e.Edges.Actor
			if e.Note != "" {
				item.Note = &e.Note
			}
		}
		item.BlockedBy = append(item.BlockedBy, Missing(o, s)...)
		if item.Done {
			n++
		} else if len(item.BlockedBy) == 0 && !finished {
			out.NextSteps = append(out.NextSteps, s)
		}
		out.Items = append(out.Items, item)
	}
	out.Progress = float64(n) / float64(len(Steps))
	if o.ShippedAt == nil && !finished {
		r, err := ReviewShipping(ctx, c, o, time.Now(), lang)
		if err != nil {
			return nil, err
		}
		out.Warnings = append(append(out.Warnings, r.Warnings...), r.Blocking...)
		out.LineWarnings = r.Lines
		if err := acknowledgers(ctx, c, r.Lines); err != nil {
			return nil, err
		}
	}
	if o.DeliveryDate != nil && o.DeliveredAt == nil && !finished && time.Now().After(*o.DeliveryDate) {
		out.Warnings = append(out.Warnings, inLang(lang, "已过交期", "the delivery date has passed"))
	}
	slices.Sort(out.Warnings)
	return out, nil
}

// acknowledgers fills in who acknowledged each warning, as the viewer may read them.
func acknowledgers(ctx context.Context, c *gen.Client, ws []*LineWarning) error {
	var ids []pulid.ID
	for _, w := range ws {
		if w.Acknowledged && w.Line.BatchAgeAcknowledgedByID != nil {
			ids = append(ids, *w.Line.BatchAgeAcknowledgedByID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	users, err := c.User.Query().Where(user.IDIn(ids...)).All(ctx)
	if err != nil {
		return err
	}
	by := map[pulid.ID]*gen.User{}
	for _, u := range users {
		by[u.ID] = u
	}
	for _, w := range ws {
		if w.Acknowledged && w.Line.BatchAgeAcknowledgedByID != nil {
			w.AcknowledgedBy = by[*w.Line.BatchAgeAcknowledgedByID]
		}
	}
	return nil
}

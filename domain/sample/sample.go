// Package sample is a sample's way from request to purchasing (送样 → 小样 → 中试 →
// 采购): its state table, the guards of each move, and what each move records. A
// sample's status changes only through Advance.
package sample

import (
	"context"
	"slices"
	"strings"
	"time"

	"entgo.io/ent"

	"tandem/domain/access"
	"tandem/domain/account"
	"tandem/domain/history"
	"tandem/domain/move"
	gen "tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/errcode"
	"tandem/ent/hook"
	"tandem/ent/order"
	"tandem/ent/sample"
	"tandem/ent/sampleevent"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
)

// Statuses.
const (
	Requested  = sample.StatusREQUESTED
	Prepared   = sample.StatusPREPARED
	Shipped    = sample.StatusSHIPPED
	Received   = sample.StatusRECEIVED
	LabTrial   = sample.StatusLAB_TRIAL
	PilotTrial = sample.StatusPILOT_TRIAL
	Approved   = sample.StatusAPPROVED
	Converted  = sample.StatusCONVERTED
	Failed     = sample.StatusFAILED
	Abandoned  = sample.StatusABANDONED
)

// Path is the way of a sample that succeeds, from request to purchasing.
var Path = []sample.Status{Requested, Prepared, Shipped, Received, LabTrial, PilotTrial, Approved, Converted}

var next = map[sample.Status]sample.Status{
	Requested: Prepared, Prepared: Shipped, Shipped: Received, Received: LabTrial,
	LabTrial: PilotTrial, PilotTrial: Approved, Approved: Converted,
}

// Next lists the statuses a sample may move to: the next step of the path, or FAILED
// or ABANDONED from any open step. FAILED, ABANDONED and CONVERTED are final.
func Next(from sample.Status) []sample.Status {
	n, open := next[from]
	if !open {
		return []sample.Status{}
	}
	return []sample.Status{n, Failed, Abandoned}
}

// Table is the state table as the move package reads it.
var Table = move.Table{
	States: names(append(slices.Clone(Path), Failed, Abandoned)),
	Next:   func(from string) []string { return names(Next(sample.Status(from))) },
}

func names(ss []sample.Status) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = string(s)
	}
	return out
}

// Today's thresholds for sample follow-ups.
const (
	// ShippedNotReceivedDays: a shipped sample not confirmed received after this long.
	ShippedNotReceivedDays = 7
	// ReceivedNoResultDays: a received or trialled sample without a trial result.
	ReceivedNoResultDays = 21
)

// Move is what a move says besides where it goes.
type Move struct {
	// Reason is required to fail or abandon a sample.
	Reason *string
	// Order is the order a converted sample became.
	Order *pulid.ID
	// Note goes on the move's SampleEvent.
	Note *string
	// Version, when given, is the version the client read.
	Version *int
}

const kind = "sample"

// Advance moves a sample one step (or to FAILED / ABANDONED): the only way its status
// changes. Asking for the status it already has is a CONFLICT — someone made the move
// first.
func Advance(ctx context.Context, c *gen.Client, id pulid.ID, to sample.Status, mv Move) (*gen.Sample, error) {
	s, err := c.Sample.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	from := s.Status
	if !slices.Contains(Next(from), to) {
		return nil, move.Refused("the sample", string(from), string(to), Table.Next(string(from)), Table.MovedPast(string(from), string(to)))
	}
	if err := guard(ctx, c, s, to, mv); err != nil {
		return nil, err
	}
	now := time.Now().UTC()
	u := c.Sample.UpdateOneID(id).Where(sample.StatusEQ(from)).SetStatus(to)
	switch to {
	case Shipped:
		// The manual/TDS and MSDS went with the sample: the gate found them on file.
		u.SetShippedAt(now).SetDocManual(true).SetDocMsds(true)
	case Received:
		u.SetReceivedAt(now)
	}
	if mv.Reason != nil {
		u.SetStatusReason(*mv.Reason)
	}
	if mv.Order != nil {
		u.SetOrderID(*mv.Order)
	}
	if mv.Version != nil {
		u.SetVersion(*mv.Version)
	}
	saved, err := u.Save(move.Mark(ctx, kind, id))
	if err != nil {
		return nil, move.Meanwhile(ctx, err, string(from), func(ctx context.Context) (string, error) {
			s, err := c.Sample.Query().Where(sample.ID(id)).Select(sample.FieldStatus).Only(ctx)
			if err != nil {
				return "", err
			}
			return string(s.Status), nil
		}, func(cur string) error { return move.MovedOn("the sample", cur, Table.Next(cur)) })
	}
	return saved, effects(ctx, c, saved, from, to, mv, now)
}

// guard checks what a move needs: the product's documents and the checks of a
// shipped sample, a passed trial before the next trial or approval, a reason to fail
// or abandon, the customer's order a converted sample became.
func guard(ctx context.Context, c *gen.Client, s *gen.Sample, to sample.Status, mv Move) error {
	switch to {
	case Shipped:
		missing, err := MissingForShipping(ctx, c, s)
		if err != nil {
			return err
		}
		if len(missing) > 0 {
			return errcode.New(errcode.BadUserInput, "before shipping, the product's current MSDS and TDS must be on file (with their files) and the label and precautions checked; missing: %s", strings.Join(missing, ", ")).
				With("field", missing[0]).With("missing", missing)
		}
	case PilotTrial, Approved:
		return trialPassed(ctx, c, s, to)
	case Failed, Abandoned:
		if mv.Reason == nil || strings.TrimSpace(*mv.Reason) == "" {
			return errcode.New(errcode.BadUserInput, "say why the sample %s", strings.ToLower(string(to))).With("field", "reason")
		}
	case Converted:
		oid := s.OrderID
		if mv.Order != nil {
			oid = *mv.Order
		}
		if oid == "" {
			return errcode.New(errcode.BadUserInput, "link the order the sample became").With("field", "orderID")
		}
		n, err := c.Order.Query().Where(order.ID(oid), order.CustomerID(s.CustomerID)).
			Count(access.System(ctx, "a converted sample names one of its customer's orders"))
		if err != nil {
			return err
		}
		if n == 0 {
			return errcode.New(errcode.BadUserInput, "the order must be one of this customer's orders").With("field", "orderID")
		}
	}
	return nil
}

// effects records the move as a SampleEvent and moves the account: a shipped sample
// makes it SAMPLING, a trial TRIAL.
func effects(ctx context.Context, c *gen.Client, s *gen.Sample, from, to sample.Status, mv Move, at time.Time) error {
	ev := c.SampleEvent.Create().SetSampleID(s.ID).SetCustomerID(s.CustomerID).
		SetFromStatus(sampleevent.FromStatus(from)).SetToStatus(sampleevent.ToStatus(to)).SetAt(at)
	if mv.Note != nil {
		ev.SetNote(*mv.Note)
	}
	if v := viewer.FromContext(ctx); v != nil && v.UserID != "" {
		ev.SetActorID(v.UserID)
	}
	if err := ev.Exec(access.System(ctx, "sample events are written by its moves alone")); err != nil {
		return err
	}
	switch to {
	case Shipped:
		return account.Advance(ctx, c, s.CustomerID, customer.StageSAMPLING, "sample shipped")
	case LabTrial, PilotTrial:
		return account.Advance(ctx, c, s.CustomerID, customer.StageTRIAL, "trial started")
	}
	return nil
}

// Request records who asked for a new sample; it starts REQUESTED (history being
// imported, and the server's own records, keep the status they had).
func Request(next ent.Mutator) ent.Mutator {
	return hook.SampleFunc(func(ctx context.Context, m *gen.SampleMutation) (gen.Value, error) {
		if v := viewer.FromContext(ctx); v != nil && v.UserID != "" {
			m.SetRequestedByID(v.UserID)
		}
		if to, set := m.Status(); set && to != Requested && !history.Is(ctx) && !access.IsSystem(ctx) {
			return nil, move.NotByWorkflow("a sample", "status", "advanceSample")
		}
		return next.Mutate(ctx, m)
	})
}

// Guard refuses a change of a sample's status made by anything but Advance.
func Guard(next ent.Mutator) ent.Mutator {
	return hook.SampleFunc(func(ctx context.Context, m *gen.SampleMutation) (gen.Value, error) {
		if to, set := m.Status(); set && !history.Is(ctx) {
			if id, _ := m.ID(); !move.Marked(ctx, kind, id) {
				if from, err := m.OldStatus(ctx); err != nil || from != to {
					return nil, move.NotByWorkflow("a sample", "status", "advanceSample")
				}
			}
		}
		return next.Mutate(ctx, m)
	})
}

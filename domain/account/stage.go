// Package account is an account's way through the seed's loop: its stage (线索 →
// 联系 → 拜访 → 送样 → 试样 → 评估 → 主供应商 → 伙伴), moved forward by evidence
// and by a manager's decision alone, each move recorded with who, when and why.
package account

import (
	"context"
	"strings"
	"time"

	"entgo.io/ent"

	"tandem/domain/access"
	"tandem/domain/history"
	"tandem/domain/move"
	gen "tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/errcode"
	"tandem/ent/hook"
	"tandem/ent/schema/pulid"
	"tandem/ent/stagechange"
	"tandem/ent/viewer"
)

// Stages are the account stages in the order of the seed's loop, then the two states
// an account can fall into from any stage.
var Stages = []string{"PROSPECT", "CONTACTED", "VISITED", "SAMPLING", "TRIAL", "EVALUATION", "MAIN_SUPPLIER", "PARTNER", "DORMANT", "LOST"}

// First is the stage every account starts in.
const First = customer.StagePROSPECT

// rank orders the stages; evidence only ever moves an account forward. DORMANT and
// LOST rank lowest, so new evidence reactivates an account.
var rank = map[string]int{
	"DORMANT": 0, "LOST": 0,
	"PROSPECT": 1, "CONTACTED": 2, "VISITED": 3, "SAMPLING": 4, "TRIAL": 5,
	"EVALUATION": 6, "MAIN_SUPPLIER": 7, "PARTNER": 8,
}

// Forward reports whether moving from one stage to another is progress.
func Forward(from, to string) bool { return rank[to] > rank[from] }

// The thresholds of the evidence.
const (
	// MainSupplierOrders orders within MainSupplierMonths make an account a main
	// supplier, unless its evaluation was recorded as failed.
	MainSupplierOrders = 3
	MainSupplierMonths = 6
	// EvaluationOrders: an account's first orders are flagged as evaluation orders.
	EvaluationOrders = 3
)

const kind = "account"

// Advance moves an account forward to target when evidence says so (a first visit, a
// shipped sample…); it never moves an account back, and history being imported moves
// nothing. It runs as the server: the evidence was checked where it was recorded.
func Advance(ctx context.Context, c *gen.Client, id pulid.ID, target customer.Stage, evidence string) error {
	if history.Is(ctx) {
		return nil
	}
	sys := access.System(ctx, "account stage: moved by evidence")
	for attempt := 1; ; attempt++ {
		// The change's own check read the stage (access.StageSeen): the first look.
		stage, seen := access.StageSeen(ctx, id)
		if !seen || attempt > 1 {
			cu, err := c.Customer.Query().Where(customer.ID(id)).Select(customer.FieldStage).Only(sys)
			if err != nil {
				return err
			}
			stage = cu.Stage
		}
		if !Forward(string(stage), string(target)) {
			return nil
		}
		_, err := moveStage(sys, c, id, stage, target, stageNote{evidence: evidence})
		// Another move of the account committed first: look again.
		if errcode.Is(err, errcode.Conflict) && attempt < 3 {
			continue
		}
		return err
	}
}

// Set moves an account to a stage by a manager's decision (forward, back, DORMANT,
// LOST), with the reason recorded: stages otherwise follow evidence.
func Set(ctx context.Context, c *gen.Client, id pulid.ID, to customer.Stage, reason string, version *int) (*gen.Customer, error) {
	if !access.Manages(viewer.FromContext(ctx)) {
		return nil, errcode.New(errcode.Forbidden, "stages follow evidence (visits, samples, trials, orders); only a manager sets one by hand")
	}
	if strings.TrimSpace(reason) == "" {
		return nil, errcode.New(errcode.BadUserInput, "give a reason for moving the account by hand").With("field", "reason")
	}
	cu, err := c.Customer.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := move.Stale("this account", cu.Version, version); err != nil {
		return nil, err
	}
	if cu.Stage == to {
		return cu, nil
	}
	return moveStage(ctx, c, id, cu.Stage, to, stageNote{reason: strings.TrimSpace(reason), evidence: "manual"})
}

type stageNote struct{ reason, evidence string }

// moveStage is the one place an account's stage changes: conditional on the stage
// read, with its StageChange written in the same transaction.
func moveStage(ctx context.Context, c *gen.Client, id pulid.ID, from, to customer.Stage, note stageNote) (*gen.Customer, error) {
	at := time.Now().UTC()
	saved, err := c.Customer.UpdateOneID(id).Where(customer.StageEQ(from)).SetStage(to).SetStageChangedAt(at).
		Save(move.Mark(ctx, kind, id))
	if err == nil {
		access.SawStage(ctx, id, to)
	} else {
		return nil, move.Meanwhile(ctx, err, string(from), func(ctx context.Context) (string, error) {
			cu, err := c.Customer.Query().Where(customer.ID(id)).Select(customer.FieldStage).Only(ctx)
			if err != nil {
				return "", err
			}
			return string(cu.Stage), nil
		}, func(cur string) error { return move.ChangedOn("the account", "stage", cur) })
	}
	return saved, recordStage(ctx, c, saved, &from, note, at)
}

// recordStage writes the StageChange of a move (from nil: the account was created).
func recordStage(ctx context.Context, c *gen.Client, cu *gen.Customer, from *customer.Stage, note stageNote, at time.Time) error {
	sc := c.StageChange.Create().SetCustomerID(cu.ID).SetToStage(stagechange.ToStage(cu.Stage)).SetChangedAt(at).SetEvidence(note.evidence)
	if from != nil {
		sc.SetFromStage(stagechange.FromStage(*from))
	}
	if note.reason != "" {
		sc.SetReason(note.reason)
	}
	if v := viewer.FromContext(ctx); v != nil && v.UserID != "" {
		sc.SetChangedByID(v.UserID)
	}
	if history.Defer(ctx, sc) { // an import's batch inserts it
		return nil
	}
	return sc.Exec(access.System(ctx, "stage history: the StageChange row written with its move"))
}

// StageHook is the account hook: a new account's stage is recorded as its first
// StageChange; afterwards the stage changes only through Advance and Set.
func StageHook(next ent.Mutator) ent.Mutator {
	return hook.CustomerFunc(func(ctx context.Context, m *gen.CustomerMutation) (gen.Value, error) {
		to, set := m.Stage()
		if m.Op().Is(ent.OpCreate) {
			if set && to != First && !history.Is(ctx) && !access.IsSystem(ctx) {
				return nil, errcode.New(errcode.BadUserInput,
					"a new account starts at %s: stages follow evidence (visits, samples, trials, orders) or a manager's setCustomerStage", First).
					With("field", "stage")
			}
			at := time.Now().UTC()
			m.SetStageChangedAt(at)
			v, err := next.Mutate(ctx, m)
			if err != nil {
				return v, err
			}
			return v, recordStage(ctx, m.Client(), v.(*gen.Customer), nil, stageNote{evidence: "manual"}, at)
		}
		id, _ := m.ID()
		if set && !move.Marked(ctx, kind, id) && !history.Is(ctx) {
			if from, err := m.OldStage(ctx); err != nil || from != to {
				return nil, move.NotByWorkflow("an account", "stage", "evidence or setCustomerStage")
			}
		}
		return next.Mutate(ctx, m)
	})
}

// stageNames are the stages as the app writes them (frontend/src/i18n/enums.ts).
var stageNames = map[customer.Stage][2]string{
	customer.StagePROSPECT: {"潜在客户", "Prospect"}, customer.StageCONTACTED: {"已联系", "Contacted"},
	customer.StageVISITED: {"已拜访", "Visited"}, customer.StageSAMPLING: {"送样中", "Sampling"},
	customer.StageTRIAL: {"试样中", "Trial"}, customer.StageEVALUATION: {"考核中", "Evaluation"},
	customer.StageMAIN_SUPPLIER: {"主供应商", "Main supplier"}, customer.StagePARTNER: {"合作伙伴", "Partner"},
	customer.StageDORMANT: {"休眠", "Dormant"}, customer.StageLOST: {"流失", "Lost"},
}

// StageName is a stage in a language ("zh" or "en") for texts the server writes.
func StageName(s customer.Stage, lang string) string {
	n, ok := stageNames[s]
	switch {
	case !ok:
		return string(s)
	case lang == "en":
		return n[1]
	}
	return n[0]
}

package sample_test

import (
	"context"
	"strings"
	"testing"
	"time"

	entsql "entgo.io/ent/dialect/sql"

	"tandem/domain/domaintest"
	"tandem/domain/sample"
	"tandem/ent"
	"tandem/ent/document"
	"tandem/ent/errcode"
	smp "tandem/ent/sample"
	"tandem/ent/schema/pulid"
	"tandem/ent/trial"
)

func TestLastDecided(t *testing.T) {
	at := func(h int) *time.Time { v := time.Date(2026, 5, 1, h, 0, 0, 0, time.UTC); return &v }
	tr := func(id string, k trial.Kind, o trial.Outcome, fin *time.Time) *ent.Trial {
		return &ent.Trial{ID: pulid.ID(id), Kind: k, Outcome: o, FinishedAt: fin, CreatedAt: *at(0)}
	}
	for _, c := range []struct {
		name string
		ts   []*ent.Trial
		kind trial.Kind
		want string
	}{
		{"none", nil, trial.KindLAB, ""},
		{"only pending", []*ent.Trial{tr("a", trial.KindLAB, trial.OutcomePENDING, at(3))}, trial.KindLAB, ""},
		{"only inconclusive", []*ent.Trial{tr("a", trial.KindLAB, trial.OutcomeINCONCLUSIVE, at(3))}, trial.KindLAB, ""},
		{"other kind", []*ent.Trial{tr("a", trial.KindPILOT, trial.OutcomePASSED, at(3))}, trial.KindLAB, ""},
		{"passed then failed", []*ent.Trial{tr("a", trial.KindLAB, trial.OutcomePASSED, at(1)), tr("b", trial.KindLAB, trial.OutcomeFAILED, at(2))}, trial.KindLAB, "b"},
		{"failed then passed", []*ent.Trial{tr("b", trial.KindLAB, trial.OutcomeFAILED, at(2)), tr("a", trial.KindLAB, trial.OutcomePASSED, at(5))}, trial.KindLAB, "a"},
		{"pending after passed", []*ent.Trial{tr("a", trial.KindLAB, trial.OutcomePASSED, at(1)), tr("b", trial.KindLAB, trial.OutcomePENDING, at(9))}, trial.KindLAB, "a"},
		{"no finish: creation", []*ent.Trial{tr("a", trial.KindPILOT, trial.OutcomePASSED, at(1)), tr("b", trial.KindPILOT, trial.OutcomeFAILED, nil)}, trial.KindPILOT, "a"},
	} {
		got := ""
		if l := sample.LastDecided(c.ts, c.kind); l != nil {
			got = string(l.ID)
		}
		if got != c.want {
			t.Errorf("%s: last decided %q, want %q", c.name, got, c.want)
		}
	}
	for o, want := range map[trial.Outcome]bool{trial.OutcomePASSED: true, trial.OutcomeFAILED: true, trial.OutcomePENDING: false, trial.OutcomeINCONCLUSIVE: false} {
		if sample.Decided(o) != want {
			t.Errorf("Decided(%s) = %v", o, !want)
		}
	}
}

type world struct {
	c   *ent.Client
	ctx context.Context
	cu  *ent.Customer
	p   *ent.Product
}

func open(t *testing.T) world {
	c, ctx := domaintest.Open(t)
	cu := c.Customer.Create().SetName("宁波华塑新材料有限公司").SaveX(ctx)
	p := c.Product.Create().SetCode("TX-AO1010").SetName("Antioxidant 1010").SaveX(ctx)
	return world{c, ctx, cu, p}
}

func (w world) sample(st smp.Status) *ent.Sample {
	return w.c.Sample.Create().SetCustomerID(w.cu.ID).SetProductID(w.p.ID).SetQuantity(1).SetStatus(st).SaveX(w.ctx)
}

func (w world) doc(typ document.Type) {
	w.c.Document.Create().SetType(typ).SetTitle(string(typ)).SetProductID(w.p.ID).
		SetStorageKey("documents/t/" + string(typ)).SetSha256(strings.Repeat("b", 64)).ExecX(w.ctx)
}

func code(err error) string {
	if e, ok := errcode.As(err); ok {
		return string(e.Code) + " " + strings.Join(toStrings(e.Details["missing"]), ",")
	}
	if err == nil {
		return "ok"
	}
	return err.Error()
}

func toStrings(v any) []string {
	s, _ := v.([]string)
	return s
}

func TestMissingForShipping(t *testing.T) {
	w := open(t)
	s := w.sample(smp.StatusPREPARED)
	steps := []struct {
		do   func()
		want string
	}{
		{func() {}, "MSDS,MANUAL_TDS,docLabel,docPrecautions"},
		{func() { w.c.Sample.UpdateOneID(s.ID).SetDocManual(true).SetDocMsds(true).ExecX(w.ctx) }, "MSDS,MANUAL_TDS,docLabel,docPrecautions"},
		{func() { w.doc(document.TypeMSDS) }, "MANUAL_TDS,docLabel,docPrecautions"},
		{func() { w.doc(document.TypePRECAUTIONS) }, "MANUAL_TDS,docLabel,docPrecautions"},
		{func() { w.doc(document.TypeMANUAL_TDS) }, "docLabel,docPrecautions"},
		{func() { w.c.Sample.UpdateOneID(s.ID).SetDocLabel(true).ExecX(w.ctx) }, "docPrecautions"},
		{func() { w.c.Sample.UpdateOneID(s.ID).SetDocPrecautions(true).ExecX(w.ctx) }, ""},
	}
	for i, st := range steps {
		st.do()
		got, err := sample.MissingForShipping(w.ctx, w.c, w.c.Sample.GetX(w.ctx, s.ID))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(got, ",") != st.want {
			t.Errorf("step %d: missing %v, want %s", i, got, st.want)
		}
	}
	if _, err := sample.Advance(w.ctx, w.c, s.ID, sample.Shipped, sample.Move{}); err != nil {
		t.Fatal(err)
	}
}

func TestAdvanceNeedsAPassedTrial(t *testing.T) {
	w := open(t)
	for _, c := range []struct {
		from   smp.Status
		to     smp.Status
		trials map[trial.Kind][]trial.Outcome // in the order they finished
		want   string
	}{
		{sample.LabTrial, sample.PilotTrial, nil, "BAD_USER_INPUT LAB_TRIAL_PASSED"},
		{sample.LabTrial, sample.PilotTrial, map[trial.Kind][]trial.Outcome{trial.KindLAB: {trial.OutcomeFAILED}}, "BAD_USER_INPUT LAB_TRIAL_PASSED"},
		{sample.LabTrial, sample.PilotTrial, map[trial.Kind][]trial.Outcome{trial.KindPILOT: {trial.OutcomePASSED}}, "BAD_USER_INPUT LAB_TRIAL_PASSED"},
		{sample.LabTrial, sample.PilotTrial, map[trial.Kind][]trial.Outcome{trial.KindLAB: {trial.OutcomePASSED, trial.OutcomeFAILED}}, "BAD_USER_INPUT LAB_TRIAL_PASSED"},
		{sample.LabTrial, sample.PilotTrial, map[trial.Kind][]trial.Outcome{trial.KindLAB: {trial.OutcomeFAILED, trial.OutcomePASSED}}, "ok"},
		{sample.LabTrial, sample.PilotTrial, map[trial.Kind][]trial.Outcome{trial.KindLAB: {trial.OutcomePASSED, trial.OutcomeINCONCLUSIVE}}, "ok"},
		{sample.PilotTrial, sample.Approved, map[trial.Kind][]trial.Outcome{trial.KindLAB: {trial.OutcomePASSED}}, "BAD_USER_INPUT PILOT_TRIAL_PASSED"},
		{sample.PilotTrial, sample.Approved, map[trial.Kind][]trial.Outcome{trial.KindPILOT: {trial.OutcomeFAILED}}, "BAD_USER_INPUT PILOT_TRIAL_PASSED"},
		{sample.PilotTrial, sample.Approved, map[trial.Kind][]trial.Outcome{trial.KindPILOT: {trial.OutcomePASSED}}, "ok"},
		// Failing or abandoning needs no trial.
		{sample.LabTrial, sample.Failed, map[trial.Kind][]trial.Outcome{trial.KindLAB: {trial.OutcomeFAILED}}, "ok"},
	} {
		s := w.sample(c.from)
		base := time.Now().UTC().Add(-48 * time.Hour)
		for k, os := range c.trials {
			for i, o := range os {
				w.c.Trial.Create().SetSampleID(s.ID).SetKind(k).SetOutcome(o).SetFinishedAt(base.Add(time.Duration(i) * time.Hour)).ExecX(w.ctx)
			}
		}
		reason := "test"
		_, err := sample.Advance(w.ctx, w.c, s.ID, c.to, sample.Move{Reason: &reason})
		if got := code(err); got != c.want {
			t.Errorf("%s → %s with %v: %s, want %s", c.from, c.to, c.trials, got, c.want)
		}
	}
}

func TestTrialGuard(t *testing.T) {
	w := open(t)
	s := w.sample(sample.LabTrial)
	other := w.sample(sample.LabTrial)
	for _, c := range []struct {
		from   trial.Outcome
		change func(*ent.TrialUpdateOne)
		ok     bool
	}{
		{trial.OutcomePENDING, func(u *ent.TrialUpdateOne) { u.SetOutcome(trial.OutcomePASSED) }, true},
		{trial.OutcomeINCONCLUSIVE, func(u *ent.TrialUpdateOne) { u.SetOutcome(trial.OutcomeFAILED) }, true},
		{trial.OutcomePENDING, func(u *ent.TrialUpdateOne) { u.SetKind(trial.KindPILOT) }, true},
		{trial.OutcomeFAILED, func(u *ent.TrialUpdateOne) { u.SetOutcome(trial.OutcomePASSED) }, false},
		{trial.OutcomePASSED, func(u *ent.TrialUpdateOne) { u.SetOutcome(trial.OutcomeFAILED) }, false},
		{trial.OutcomePASSED, func(u *ent.TrialUpdateOne) { u.SetOutcome(trial.OutcomePENDING) }, false},
		{trial.OutcomeFAILED, func(u *ent.TrialUpdateOne) { u.SetKind(trial.KindPILOT) }, false},
		{trial.OutcomePASSED, func(u *ent.TrialUpdateOne) { u.SetSampleID(other.ID) }, false},
		{trial.OutcomePASSED, func(u *ent.TrialUpdateOne) { u.SetOutcome(trial.OutcomePASSED).SetResults("同结果") }, true},
		{trial.OutcomeFAILED, func(u *ent.TrialUpdateOne) { u.SetResults("yellowing") }, true},
	} {
		tr := w.c.Trial.Create().SetSampleID(s.ID).SetKind(trial.KindLAB).SetOutcome(c.from).SaveX(w.ctx)
		u := w.c.Trial.UpdateOneID(tr.ID)
		c.change(u)
		err := u.Exec(w.ctx)
		if (err == nil) != c.ok {
			t.Errorf("from %s: err %v, want ok=%v", c.from, err, c.ok)
		}
	}
	decided := w.c.Trial.Create().SetSampleID(s.ID).SetKind(trial.KindLAB).SetOutcome(trial.OutcomeFAILED).SaveX(w.ctx)
	if err := w.c.Trial.DeleteOneID(decided.ID).Exec(w.ctx); err == nil {
		t.Error("a decided trial was deleted")
	}
	pending := w.c.Trial.Create().SetSampleID(s.ID).SetKind(trial.KindLAB).SaveX(w.ctx)
	if err := w.c.Trial.DeleteOneID(pending.ID).Exec(w.ctx); err != nil {
		t.Errorf("a pending trial: %v", err)
	}
}

// A sample keeps the statuses its events moved it to (Sample.reached): each move adds
// its bit; Rereach rebuilds every sample's bits from the events alone.
func TestReached(t *testing.T) {
	w := open(t)
	s := w.sample(sample.Requested)
	reason := "test"
	if _, err := sample.Advance(w.ctx, w.c, s.ID, sample.Prepared, sample.Move{Reason: &reason}); err != nil {
		t.Fatal(err)
	}
	if _, err := sample.Advance(w.ctx, w.c, s.ID, sample.Abandoned, sample.Move{Reason: &reason}); err != nil {
		t.Fatal(err)
	}
	want := sample.Bit(sample.Prepared) | sample.Bit(sample.Abandoned)
	if got := w.c.Sample.GetX(w.ctx, s.ID).Reached; got != want {
		t.Errorf("reached %b, want %b", got, want)
	}
	w.c.Sample.Update().Where(smp.ID(s.ID)).Modify(func(u *entsql.UpdateBuilder) { u.Set(smp.FieldReached, 0) }).ExecX(w.ctx)
	if err := sample.Rereach(w.ctx, w.c); err != nil {
		t.Fatal(err)
	}
	if got := w.c.Sample.GetX(w.ctx, s.ID).Reached; got != want {
		t.Errorf("rebuilt: %b, want %b", got, want)
	}
}

package app_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"tandem/ent"
	"tandem/ent/document"
	"tandem/ent/sample"
	"tandem/ent/schema/pulid"
	"tandem/ent/trial"
)

// The samples' rules of issue 10 (送样 → 小样 → 中试 → 采购), each tried by the
// person who would step around it.

const sampleAdvance = `mutation($id: ID!, $to: SampleStatus!, $reason: String) { advanceSample(input: {id: $id, to: $to, reason: $reason}) { status } }`

// fileDoc files a document of the product with a file attached, as uploadDocument
// leaves it; change adjusts it before it is saved.
func (e *env) fileDoc(product pulid.ID, typ document.Type, change ...func(*ent.DocumentCreate)) *ent.Document {
	e.t.Helper()
	b := e.app.DB.Client.Document.Create().SetType(typ).SetTitle(string(typ) + " of " + string(product)).SetProductID(product).
		SetFileName(strings.ToLower(string(typ)) + ".pdf").SetContentType("application/pdf").SetSizeBytes(1024).
		SetSha256(strings.Repeat("a", 64)).SetStorageKey(fmt.Sprintf("documents/test/%s-%d", typ, time.Now().UnixNano()))
	for _, f := range change {
		f(b)
	}
	return b.SaveX(e.sys)
}

// productDocs puts the product's current MSDS and TDS on file, so its samples may ship.
func (e *env) productDocs(product pulid.ID) {
	e.t.Helper()
	e.fileDoc(product, document.TypeMSDS)
	e.fileDoc(product, document.TypeMANUAL_TDS)
}

func missingOf(r *gqlResponse) string {
	if len(r.Errors) == 0 {
		return "<no error>"
	}
	return fmtAny(r.Errors[0].Extensions["missing"])
}

// 送样: shipping needs the product's current MSDS and TDS on file — with their files,
// not superseded, not expired — and the label and precautions checked. The old ticks
// docManual and docMsds do not stand in for the documents. The sample says what is
// missing before anyone tries.
func TestShippingNeedsTheProductsDocuments(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		rep1 := e.token(f.rep1)
		p := c.Product.Create().SetCode("TX-UV531").SetName("UV absorber 531").SaveX(e.sys)
		s := c.Sample.Create().SetCustomerID(f.acmeEast.ID).SetProductID(p.ID).SetQuantity(1).SetStatus(sample.StatusPREPARED).SaveX(e.sys)
		ready := func() string {
			d := e.ok(rep1, `query($id: ID!) { node(id: $id) { ... on Sample { shippingReadiness { ready missing } } } }`, map[string]any{"id": s.ID})
			return fmt.Sprint(dig(d, "node", "shippingReadiness", "ready")) + " " + fmtAny(dig(d, "node", "shippingReadiness", "missing"))
		}
		ship := func() *gqlResponse { return e.do(rep1, sampleAdvance, map[string]any{"id": s.ID, "to": "SHIPPED"}) }
		if got := ready(); got != "false [MSDS MANUAL_TDS docLabel docPrecautions]" {
			t.Fatalf("readiness of a bare sample: %s", got)
		}
		r := ship()
		expectCode(t, r, "BAD_USER_INPUT")
		if got := missingOf(r); got != "[MSDS MANUAL_TDS docLabel docPrecautions]" {
			t.Fatalf("missing %s", got)
		}
		// Four ticks do not ship a sample whose product has no documents on file.
		e.ok(rep1, `mutation($id: ID!) { updateSample(id: $id, input: {docManual: true, docMsds: true, docLabel: true, docPrecautions: true}) { id } }`, map[string]any{"id": s.ID})
		r = ship()
		expectCode(t, r, "BAD_USER_INPUT")
		if got := missingOf(r); got != "[MSDS MANUAL_TDS]" {
			t.Fatalf("with every tick, missing %s", got)
		}
		if !strings.Contains(r.Errors[0].Message, "MSDS") {
			t.Errorf("message: %s", r.Errors[0].Message)
		}
		// Documents that are not current do not count: no file, expired, superseded,
		// another product's.
		c.Document.Create().SetType(document.TypeMSDS).SetTitle("MSDS without a file").SetProductID(p.ID).ExecX(e.sys)
		e.fileDoc(p.ID, document.TypeMSDS, func(b *ent.DocumentCreate) { b.SetValidUntil(time.Now().Add(-24 * time.Hour)) })
		old := e.fileDoc(p.ID, document.TypeMANUAL_TDS)
		e.fileDoc(p.ID, document.TypeMANUAL_TDS, func(b *ent.DocumentCreate) { b.SetSupersedesID(old.ID).SetValidUntil(time.Now().Add(-time.Hour)) })
		e.productDocs(f.product.ID)
		if got := ready(); got != "false [MSDS MANUAL_TDS]" {
			t.Fatalf("with documents not current: %s", got)
		}
		expectCode(t, ship(), "BAD_USER_INPUT")
		if st := c.Sample.GetX(e.sys, s.ID).Status; st != sample.StatusPREPARED {
			t.Fatalf("a refused shipment moved the sample to %s", st)
		}
		// The current MSDS (valid a year more) and a current TDS: it ships.
		e.fileDoc(p.ID, document.TypeMSDS, func(b *ent.DocumentCreate) { b.SetValidUntil(time.Now().AddDate(1, 0, 0)) })
		if got := ready(); got != "false [MANUAL_TDS]" {
			t.Fatalf("with the MSDS: %s", got)
		}
		e.fileDoc(p.ID, document.TypeMANUAL_TDS)
		if got := ready(); got != "true []" {
			t.Fatalf("with both documents: %s", got)
		}
		if got := dig(e.ok(rep1, sampleAdvance, map[string]any{"id": s.ID, "to": "SHIPPED"}), "advanceSample", "status"); got != "SHIPPED" {
			t.Fatalf("shipped: %v", got)
		}
	})
}

// The label and precautions stay checks on the sample; docManual/docMsds are set when
// it ships from the documents found, so a sample shipped with its documents says so.
func TestShippingStillNeedsLabelAndPrecautions(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		rep1 := e.token(f.rep1)
		e.productDocs(f.product.ID)
		s := c.Sample.Create().SetCustomerID(f.acmeEast.ID).SetProductID(f.product.ID).SetQuantity(1).SetStatus(sample.StatusPREPARED).
			SetDocLabel(true).SaveX(e.sys)
		r := e.do(rep1, sampleAdvance, map[string]any{"id": s.ID, "to": "SHIPPED"})
		expectCode(t, r, "BAD_USER_INPUT")
		if got := missingOf(r); got != "[docPrecautions]" || r.Errors[0].Extensions["field"] != "docPrecautions" {
			t.Fatalf("missing %s, field %v", got, r.Errors[0].Extensions["field"])
		}
		e.ok(rep1, `mutation($id: ID!) { updateSample(id: $id, input: {docPrecautions: true}) { id } }`, map[string]any{"id": s.ID})
		e.ok(rep1, sampleAdvance, map[string]any{"id": s.ID, "to": "SHIPPED"})
		if got := c.Sample.GetX(e.sys, s.ID); !got.DocManual || !got.DocMsds {
			t.Errorf("shipped with its documents, but docManual=%v docMsds=%v", got.DocManual, got.DocMsds)
		}
	})
}

// 小样 → 中试 → 采购: a sample goes to the pilot trial after a passed lab trial, and is
// approved after a passed pilot trial. A failed trial is not silently followed by a
// move on: the error says the last trial failed.
func TestTrialsMustPassBeforeTheSampleMovesOn(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		rep1 := e.token(f.rep1)
		s := c.Sample.Create().SetCustomerID(f.acmeEast.ID).SetProductID(f.product.ID).SetQuantity(1).SetStatus(sample.StatusLAB_TRIAL).SaveX(e.sys)
		move := func(to string) *gqlResponse { return e.do(rep1, sampleAdvance, map[string]any{"id": s.ID, "to": to}) }
		record := func(kind, outcome string, finished time.Time) string {
			d := e.ok(rep1, `mutation($in: CreateTrialInput!) { createTrial(input: $in) { id } }`, map[string]any{"in": map[string]any{
				"sampleID": s.ID, "kind": kind, "outcome": outcome, "finishedAt": finished.UTC().Format(time.RFC3339)}})
			return dig(d, "createTrial", "id").(string)
		}
		status := func() sample.Status { return c.Sample.GetX(e.sys, s.ID).Status }

		r := move("PILOT_TRIAL")
		expectCode(t, r, "BAD_USER_INPUT")
		if missingOf(r) != "[LAB_TRIAL_PASSED]" || r.Errors[0].Extensions["field"] != "trials" {
			t.Fatalf("without a lab trial: %+v", r.Errors)
		}
		// A passed pilot trial is not a lab trial; a failed lab trial is named.
		record("PILOT", "PASSED", time.Now().Add(-72*time.Hour))
		record("LAB", "FAILED", time.Now().Add(-48*time.Hour))
		r = move("PILOT_TRIAL")
		expectCode(t, r, "BAD_USER_INPUT")
		if !strings.Contains(r.Errors[0].Message, "last lab trial") || !strings.Contains(r.Errors[0].Message, "failed") || r.Errors[0].Extensions["lastOutcome"] != "FAILED" {
			t.Fatalf("after a failed lab trial: %+v", r.Errors)
		}
		// A passed lab trial before the failed one does not count either: the last one failed.
		record("LAB", "PASSED", time.Now().Add(-96*time.Hour))
		expectCode(t, move("PILOT_TRIAL"), "BAD_USER_INPUT")
		// A pending re-trial decides nothing.
		record("LAB", "PENDING", time.Now().Add(-time.Hour))
		expectCode(t, move("PILOT_TRIAL"), "BAD_USER_INPUT")
		if st := status(); st != sample.StatusLAB_TRIAL {
			t.Fatalf("refused moves left the sample at %s", st)
		}
		record("LAB", "PASSED", time.Now().Add(-30*time.Minute))
		e.ok(rep1, sampleAdvance, map[string]any{"id": s.ID, "to": "PILOT_TRIAL"})

		// The pilot: only a passed PILOT trial approves the sample — the passed pilot
		// trial recorded before still counts, unless a later one failed.
		record("PILOT", "FAILED", time.Now().Add(-10*time.Minute))
		r = move("APPROVED")
		expectCode(t, r, "BAD_USER_INPUT")
		if missingOf(r) != "[PILOT_TRIAL_PASSED]" || r.Errors[0].Extensions["lastOutcome"] != "FAILED" {
			t.Fatalf("after a failed pilot: %+v", r.Errors)
		}
		record("PILOT", "PASSED", time.Now().Add(-time.Minute))
		if got := dig(e.ok(rep1, sampleAdvance, map[string]any{"id": s.ID, "to": "APPROVED"}), "advanceSample", "status"); got != "APPROVED" {
			t.Fatalf("approved: %v", got)
		}
		// A sample without any pilot trial is not approved.
		s2 := c.Sample.Create().SetCustomerID(f.acmeEast.ID).SetProductID(f.product.ID).SetQuantity(1).SetStatus(sample.StatusPILOT_TRIAL).SaveX(e.sys)
		r = e.do(rep1, sampleAdvance, map[string]any{"id": s2.ID, "to": "APPROVED"})
		expectCode(t, r, "BAD_USER_INPUT")
		if missingOf(r) != "[PILOT_TRIAL_PASSED]" {
			t.Fatalf("approval without a pilot: %+v", r.Errors)
		}
	})
}

// A trial's outcome, once PASSED or FAILED, is final: a failed trial cannot be edited
// into a passed one to let the sample move on (nor re-labelled a pilot, moved to
// another sample, or deleted). PENDING and INCONCLUSIVE trials are decided normally.
func TestDecidedTrialOutcomeIsFinal(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		rep1 := e.token(f.rep1)
		s := c.Sample.Create().SetCustomerID(f.acmeEast.ID).SetProductID(f.product.ID).SetQuantity(1).SetStatus(sample.StatusLAB_TRIAL).SaveX(e.sys)
		mk := func(outcome string) *ent.Trial {
			d := e.ok(rep1, `mutation($in: CreateTrialInput!) { createTrial(input: $in) { id } }`, map[string]any{"in": map[string]any{
				"sampleID": s.ID, "kind": "LAB", "outcome": outcome}})
			return c.Trial.GetX(e.sys, idOf(dig(d, "createTrial", "id")))
		}
		update := `mutation($id: ID!, $in: UpdateTrialInput!) { updateTrial(id: $id, input: $in) { outcome } }`
		failed := mk("FAILED")
		for _, in := range []map[string]any{{"outcome": "PASSED"}, {"outcome": "PENDING"}, {"kind": "PILOT"}, {"sampleID": f.acmeSample.ID}} {
			r := e.do(rep1, update, map[string]any{"id": failed.ID, "in": in})
			expectCode(t, r, "BAD_USER_INPUT")
		}
		// Not through a raw write either, nor by deleting it.
		if err := c.Trial.UpdateOneID(failed.ID).SetOutcome(trial.OutcomePASSED).Exec(e.sys); err == nil {
			t.Fatal("a raw update made a failed trial passed")
		}
		if err := c.Trial.DeleteOneID(failed.ID).Exec(e.sys); err == nil {
			t.Fatal("a decided trial was deleted")
		}
		if got := c.Trial.GetX(e.sys, failed.ID); got.Outcome != trial.OutcomeFAILED || got.Kind != trial.KindLAB || got.SampleID != s.ID {
			t.Fatalf("the failed trial changed: %+v", got)
		}
		expectCode(t, e.do(rep1, sampleAdvance, map[string]any{"id": s.ID, "to": "PILOT_TRIAL"}), "BAD_USER_INPUT")
		// Its notes may still be completed.
		e.ok(rep1, update, map[string]any{"id": failed.ID, "in": map[string]any{"results": "黄变指数 4.5 > 3"}})
		// Undecided trials are decided normally.
		for _, from := range []string{"PENDING", "INCONCLUSIVE"} {
			tr := mk(from)
			if got := dig(e.ok(rep1, update, map[string]any{"id": tr.ID, "in": map[string]any{"outcome": "PASSED"}}), "updateTrial", "outcome"); got != "PASSED" {
				t.Fatalf("%s → PASSED: %v", from, got)
			}
		}
	})
}

// FAILED and ABANDONED are final, whoever tries: the rep through advanceSample or
// updateSample, a partner's token, a raw write past GraphQL.
func TestClosedSamplesStayClosed(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		rep1, admin := e.token(f.rep1), e.token(f.admin)
		partner, _ := e.ptIssue(admin, f.acmeEast.ID, "samples:read")
		e.productDocs(f.product.ID)
		for _, end := range []string{"FAILED", "ABANDONED"} {
			s := c.Sample.Create().SetCustomerID(f.acmeEast.ID).SetProductID(f.product.ID).SetQuantity(1).SetStatus(sample.StatusPREPARED).
				SetDocLabel(true).SetDocPrecautions(true).SaveX(e.sys)
			e.ok(rep1, sampleAdvance, map[string]any{"id": s.ID, "to": end, "reason": "客户项目暂停"})
			d := e.ok(rep1, `query($id: ID!) { node(id: $id) { ... on Sample { allowedNextStatuses } } }`, map[string]any{"id": s.ID})
			if got := fmtAny(dig(d, "node", "allowedNextStatuses")); got != "[]" {
				t.Fatalf("%s sample may move to %s", end, got)
			}
			for _, to := range []string{"REQUESTED", "PREPARED", "SHIPPED", "APPROVED", "CONVERTED", "FAILED", "ABANDONED"} {
				r := e.do(rep1, sampleAdvance, map[string]any{"id": s.ID, "to": to, "reason": "reopen"})
				if r.code() != "CONFLICT" && r.code() != "BAD_USER_INPUT" {
					t.Fatalf("%s → %s: %+v", end, to, r.Errors)
				}
			}
			expectCode(t, e.do(rep1, `mutation($id: ID!) { updateSample(id: $id, input: {status: SHIPPED}) { id } }`, map[string]any{"id": s.ID}), "BAD_USER_INPUT")
			if r := e.do(partner, sampleAdvance, map[string]any{"id": s.ID, "to": "SHIPPED"}); r.code() == "" {
				t.Fatalf("a partner moved a %s sample", end)
			}
			if r := e.do(partner, `mutation($id: ID!) { updateSample(id: $id, input: {trackingNo: "SF123"}) { id } }`, map[string]any{"id": s.ID}); r.code() == "" {
				t.Fatalf("a partner updated a %s sample", end)
			}
			if err := c.Sample.UpdateOneID(s.ID).SetStatus(sample.StatusSHIPPED).Exec(e.sys); err == nil {
				t.Fatalf("a raw update reopened a %s sample", end)
			}
			if got := c.Sample.GetX(e.sys, s.ID).Status; string(got) != end {
				t.Fatalf("the %s sample is now %s", end, got)
			}
		}
	})
}

package app_test

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"tandem/ent/auditevent"
	"tandem/ent/classify"
	"tandem/ent/customer"
	"tandem/ent/schema/pulid"
	"tandem/server/app"
)

const (
	weightsQuery = `{ classificationWeights { id version source weightScale weightTechnicalLevel weightCredit weightDemand
		weightEaseOfClosing tierA tierB minInputs updatedAt updatedBy { name } } }`
	setWeightsMutation = `mutation($in: SetClassificationWeightsInput!, $cm: String) {
		setClassificationWeights(input: $in, clientMutationId: $cm) { changedTier clientMutationId
			weights { version source weightScale tierA updatedBy { name } } } }`
)

// weightsInput is a valid input: scale and technical level weigh most, tier A from 3.5.
func weightsInput(version int) map[string]any {
	return map[string]any{"weightScale": 3, "weightTechnicalLevel": 3, "weightCredit": 1, "weightDemand": 1,
		"weightEaseOfClosing": 1, "tierA": 3.5, "tierB": 2.5, "minInputs": 3, "expectedVersion": version}
}

// eachDBInTurn is eachDB one database after the other: the weights in force are the
// process's (classify.Current), which two parallel runs would change under each other.
func eachDBInTurn(t *testing.T, fn func(t *testing.T, e *env)) {
	t.Cleanup(func() { classify.Set(classify.Default) })
	for _, b := range backends(t) {
		t.Run(b, func(t *testing.T) { fn(t, newEnv(t, b, envOptions{})) })
	}
}

// rate gives the fixture's accounts ratings: acmeEast is strong on scale and technical
// level only (tier C by default, A when those weigh most); southAcct is 4 on all (A
// either way); rep2Own has none (never scored).
func rate(t *testing.T, e *env) {
	c := e.app.DB.Client
	c.Customer.UpdateOneID(e.f.acmeEast.ID).SetScale(5).SetTechnicalLevel(5).SetCredit(1).SetDemand(1).SetEaseOfClosing(1).ExecX(e.sys)
	c.Customer.UpdateOneID(e.f.southAcct.ID).SetScale(4).SetTechnicalLevel(4).SetCredit(4).SetDemand(4).SetEaseOfClosing(4).ExecX(e.sys)
	if got := tierOf(e, e.f.acmeEast.ID); got != "C" {
		t.Fatalf("acmeEast under the default weights: tier %q, want C", got)
	}
}

func tierOf(e *env, id pulid.ID) string {
	cu := e.app.DB.Client.Customer.Query().Where(customer.ID(id)).OnlyX(e.sys)
	if cu.Tier == nil {
		return ""
	}
	return string(*cu.Tier)
}

// An admin saves new weights: the accounts they move change tier at once, the answer
// counts them, the audit log has the change, a retried request applies nothing twice
// and a stale version is refused. Nobody else may save them; everyone of ours reads them.
func TestClassificationWeightsSavedByAdmin(t *testing.T) {
	eachDBInTurn(t, func(t *testing.T, e *env) {
		rate(t, e)
		admin := e.token(e.f.admin)
		for _, u := range []string{e.token(e.f.rep1), e.token(e.f.analyst), e.token(e.f.manager)} {
			w := e.ok(u, weightsQuery, nil)
			if dig(w, "classificationWeights", "source") != "ENVIRONMENT" || dig(w, "classificationWeights", "weightDemand") != 2.0 ||
				dig(w, "classificationWeights", "tierA") != 3.8 || dig(w, "classificationWeights", "updatedBy") != nil {
				t.Fatalf("weights in force before any save: %v", w)
			}
		}
		version := num(dig(e.ok(admin, weightsQuery, nil), "classificationWeights", "version"))
		tasks := e.app.DB.Client.Task.Query().CountX(e.sys)

		d := e.ok(admin, setWeightsMutation, map[string]any{"in": weightsInput(version), "cm": "save-1"})
		if num(dig(d, "setClassificationWeights", "changedTier")) != 1 || dig(d, "setClassificationWeights", "weights", "source") != "ADMIN" ||
			num(dig(d, "setClassificationWeights", "weights", "version")) != version+1 ||
			dig(d, "setClassificationWeights", "weights", "updatedBy", "name") != e.f.admin.Name {
			t.Fatalf("save: %v", d)
		}
		if tierOf(e, e.f.acmeEast.ID) != "A" || tierOf(e, e.f.southAcct.ID) != "A" || tierOf(e, e.f.rep2Own.ID) != "" {
			t.Fatalf("tiers after the save: %s %s %q", tierOf(e, e.f.acmeEast.ID), tierOf(e, e.f.southAcct.ID), tierOf(e, e.f.rep2Own.ID))
		}
		if w := classify.Current(); w.Weight["scale"] != 3 || w.TierA != 3.5 {
			t.Fatalf("weights in force after the save: %+v", w)
		}
		if n := e.app.DB.Client.Task.Query().CountX(e.sys); n != tasks {
			t.Fatalf("re-scoring made %d tasks", n-tasks)
		}
		events := e.app.DB.Client.AuditEvent.Query().Where(auditevent.EntityType("ClassificationSetting"), auditevent.ActionEQ(auditevent.ActionUPDATE)).AllX(e.sys)
		if len(events) != 1 || events[0].ActorID != e.f.admin.ID || events[0].Before["weight_scale"] != 1.0 || events[0].After["weight_scale"] != 3.0 {
			t.Fatalf("audit of the save: %+v", events)
		}

		// The same request again (a retry): the first answer, nothing applied twice.
		again := e.ok(admin, setWeightsMutation, map[string]any{"in": weightsInput(version), "cm": "save-1"})
		if stringOf(again) != stringOf(d) {
			t.Fatalf("retry: %v, first %v", again, d)
		}
		// Without the id, the same stale version is a conflict.
		expectCode(t, e.do(admin, setWeightsMutation, map[string]any{"in": weightsInput(version)}), "CONFLICT")
		if n := e.app.DB.Client.AuditEvent.Query().Where(auditevent.EntityType("ClassificationSetting"), auditevent.ActionEQ(auditevent.ActionUPDATE)).CountX(e.sys); n != 1 {
			t.Fatalf("%d updates of the weights after a retry and a stale save", n)
		}
		w := e.ok(e.token(e.f.rep1), weightsQuery, nil)
		if dig(w, "classificationWeights", "weightScale") != 3.0 || num(dig(w, "classificationWeights", "version")) != version+1 ||
			dig(w, "classificationWeights", "updatedBy", "name") != e.f.admin.Name {
			t.Fatalf("weights read by a rep after the save: %v", w)
		}
	})
}

// Managers, reps, analysts and partners may not change the weights; partners do not
// read them either. Nothing changes on a refusal.
func TestClassificationWeightsRefusedToOthers(t *testing.T) {
	eachDBInTurn(t, func(t *testing.T, e *env) {
		rate(t, e)
		version := num(dig(e.ok(e.token(e.f.admin), weightsQuery, nil), "classificationWeights", "version"))
		partner, _ := e.ptIssue(e.token(e.f.admin), e.f.southAcct.ID, "orders:read")
		for name, tok := range map[string]string{"manager": e.token(e.f.manager), "rep": e.token(e.f.rep1),
			"analyst": e.token(e.f.analyst), "partner": partner} {
			r := e.do(tok, setWeightsMutation, map[string]any{"in": weightsInput(version)})
			if r.code() != "FORBIDDEN" {
				t.Fatalf("%s saving weights: %q %+v", name, r.code(), r.Errors)
			}
		}
		expectCode(t, e.do(partner, weightsQuery, nil), "FORBIDDEN")
		unchanged(t, e, version)
	})
}

// Bad weights are refused with BAD_USER_INPUT naming the field, and nothing changes.
func TestClassificationWeightsBadInput(t *testing.T) {
	eachDBInTurn(t, func(t *testing.T, e *env) {
		rate(t, e)
		admin := e.token(e.f.admin)
		version := num(dig(e.ok(admin, weightsQuery, nil), "classificationWeights", "version"))
		for _, c := range []struct {
			field string
			set   map[string]any
		}{
			{"weightScale", map[string]any{"weightScale": -1}},
			{"weightEaseOfClosing", map[string]any{"weightEaseOfClosing": -0.5}},
			{"weights", map[string]any{"weightScale": 0, "weightTechnicalLevel": 0, "weightCredit": 0, "weightDemand": 0, "weightEaseOfClosing": 0}},
			{"tierA", map[string]any{"tierA": 5.5}},
			{"tierB", map[string]any{"tierB": 0.5}},
			{"tierB", map[string]any{"tierA": 3, "tierB": 3.2}},
			{"minInputs", map[string]any{"minInputs": 0}},
			{"minInputs", map[string]any{"minInputs": 6}},
		} {
			in := weightsInput(version)
			for k, v := range c.set {
				in[k] = v
			}
			r := e.do(admin, setWeightsMutation, map[string]any{"in": in})
			if r.code() != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != c.field {
				t.Fatalf("%v: %q %+v", c.set, r.code(), r.Errors)
			}
		}
		unchanged(t, e, version)
	})
}

// unchanged: the weights are still the defaults at version, and so are the tiers.
func unchanged(t *testing.T, e *env, version int) {
	t.Helper()
	w := e.ok(e.token(e.f.admin), weightsQuery, nil)
	if num(dig(w, "classificationWeights", "version")) != version || dig(w, "classificationWeights", "source") != "ENVIRONMENT" {
		t.Fatalf("weights changed: %v", w)
	}
	if tierOf(e, e.f.acmeEast.ID) != "C" || classify.Current().TierA != classify.Default.TierA {
		t.Fatalf("tiers or weights in force changed: %s %+v", tierOf(e, e.f.acmeEast.ID), classify.Current())
	}
}

// After a restart the weights an admin saved are in force, whatever
// TANDEM_CLASSIFICATION says; until an admin saves, the variable decides.
func TestClassificationWeightsSurviveARestart(t *testing.T) {
	eachDBInTurn(t, func(t *testing.T, e *env) {
		rate(t, e)
		restart := func(env string) *app.App {
			cfg := e.app.Config
			cfg.Classification = env
			a, err := app.New(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), app.Options{})
			if err != nil {
				t.Fatalf("restart: %v", err)
			}
			t.Cleanup(func() { a.Close() })
			return a
		}
		// Before any save the variable decides: demand weighs 9 from this start.
		restart("demand=9,a=3.9")
		if w := classify.Current(); w.Weight["demand"] != 9 || w.TierA != 3.9 {
			t.Fatalf("weights from TANDEM_CLASSIFICATION: %+v", w)
		}
		admin := e.token(e.f.admin)
		read := e.ok(admin, weightsQuery, nil)
		if dig(read, "classificationWeights", "weightDemand") != 9.0 {
			t.Fatalf("the stored row does not follow the variable: %v", read)
		}
		e.ok(admin, setWeightsMutation, map[string]any{"in": weightsInput(num(dig(read, "classificationWeights", "version")))})

		restart("demand=9,a=3.9")
		if w := classify.Current(); w.Weight["scale"] != 3 || w.Weight["demand"] != 1 || w.TierA != 3.5 {
			t.Fatalf("weights in force after a restart: %+v", w)
		}
		if tierOf(e, e.f.acmeEast.ID) != "A" {
			t.Fatalf("acmeEast after the restart: %s", tierOf(e, e.f.acmeEast.ID))
		}
		if w := e.ok(admin, weightsQuery, nil); dig(w, "classificationWeights", "source") != "ADMIN" || dig(w, "classificationWeights", "weightScale") != 3.0 {
			t.Fatalf("weights read after the restart: %v", w)
		}
	})
}

package app_test

import (
	"testing"
)

// Key persons (关键人) of issue 10: an end is history, never overwritten.

func TestEndKeyPersonTwiceIsRefused(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		rep1, kp := e.token(e.f.rep1), e.f.acmeKeyPerson
		end := `mutation($id: ID!, $r: String) { endKeyPerson(input: {id: $id, reason: $r}) { id activeTo endedReason } }`
		d := e.ok(rep1, end, map[string]any{"id": kp.ID, "r": "转到采购部负责"})
		first, _ := dig(d, "endKeyPerson", "activeTo").(string)
		if first == "" {
			t.Fatalf("not ended: %v", d)
		}
		r := e.do(rep1, end, map[string]any{"id": kp.ID, "r": "离职"})
		expectCode(t, r, "CONFLICT")
		if r.Errors[0].Extensions["endedAt"] == nil || r.Errors[0].Extensions["endedReason"] != "转到采购部负责" {
			t.Errorf("the refusal does not name the first end: %+v", r.Errors[0].Extensions)
		}
		got := e.app.DB.Client.KeyPerson.GetX(e.sys, kp.ID)
		if got.EndedReason != "转到采购部负责" || got.ActiveTo == nil || got.ActiveTo.UTC().Format("2006-01-02T15:04:05") != first[:19] {
			t.Errorf("the first end was overwritten: %v %q (first %s)", got.ActiveTo, got.EndedReason, first)
		}
	})
}

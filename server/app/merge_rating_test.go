package app_test

import (
	"regexp"
	"strings"
	"testing"
)

const bulkRating = `mutation($in: BulkSetRatingInput!) { bulkSetRating(input: $in) { customerID set code message customer { demand tier score } } }`

// latin finds English in a text meant for a Chinese screen.
var latin = regexp.MustCompile(`[A-Za-z]{3,}`)

func TestBulkRatingRecomputesTheTier(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		c.Customer.UpdateOneID(e.f.acmeEast.ID).SetScale(3).SetTechnicalLevel(3).SetCredit(5).SetDemand(2).SetEaseOfClosing(3).ExecX(e.sys)
		ids := []any{e.f.acmeEast.ID, e.f.southAcct.ID}
		in := func(reason string) map[string]any {
			return map[string]any{"in": map[string]any{"customerIDs": ids, "rating": "DEMAND", "value": 5, "reason": reason}}
		}
		expectCode(t, e.do(e.token(e.f.rep1), bulkRating, in("big new line")), "FORBIDDEN")
		mgr := e.token(e.f.manager)
		expectCode(t, e.do(mgr, bulkRating, in(" ")), "BAD_USER_INPUT")
		r := e.doWith(map[string]string{"X-Tandem-Lang": "zh"}, mgr, bulkRating, in("big new line"))
		if len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		rs := dig(r.Data, "bulkSetRating").([]any)
		if dig(rs[0], "set") != true || dig(rs[0], "customer", "tier") != "A" || dig(rs[0], "customer", "demand") != float64(5) {
			t.Errorf("own team's account: %v", rs[0])
		}
		msg, _ := dig(rs[1], "message").(string)
		if dig(rs[1], "set") != false || dig(rs[1], "code") != "NOT_FOUND" || msg == "" || latin.MatchString(msg) {
			t.Errorf("another team's account, in Chinese: %v", rs[1])
		}
		if c.Customer.GetX(e.sys, e.f.southAcct.ID).Demand != nil {
			t.Error("the other team's account was rated")
		}
		tl := e.doWith(map[string]string{"X-Tandem-Lang": "en"}, mgr,
			`query($id: ID!) { timeline(customerID: $id, first: 50) { edges { node { kind title } } } }`, map[string]any{"id": e.f.acmeEast.ID})
		if js := mergeJSON(tl.Data); !strings.Contains(js, "Rating changed") || !strings.Contains(js, "2 → 5, tier B → A (big new line)") {
			t.Errorf("the change is not on the timeline: %s", js)
		}
	})
}

// Per-account refusals of a bulk stage move, and a reassignment's refusal, are in
// the language the app shows.
func TestBulkRefusalsInTheViewersLanguage(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		q := `mutation($in: BulkSetStageInput!) { bulkSetStage(input: $in) { moved code message } }`
		mgr := e.token(e.f.manager)
		vars := map[string]any{"in": map[string]any{"customerIDs": []any{e.f.southAcct.ID}, "stage": "DORMANT", "reason": "no demand"}}
		for lang, want := range map[string]string{"zh": "找不到该客户", "en": "no such account"} {
			r := e.doWith(map[string]string{"X-Tandem-Lang": lang}, mgr, q, vars)
			if msg, _ := dig(r.Data, "bulkSetStage", 0, "message").(string); !strings.HasPrefix(msg, want) {
				t.Errorf("%s: %v", lang, mergeJSON(r.Data))
			}
		}
		r := e.doWith(map[string]string{"X-Tandem-Lang": "zh"}, mgr, reassign, map[string]any{"in": map[string]any{
			"fromUserID": e.f.rep1.ID, "toUserID": e.f.rep3.ID, "reason": "rep1 leaves"}})
		if len(r.Errors) == 0 || latin.MatchString(r.Errors[0].Message) {
			t.Errorf("a reassignment outside the team, in Chinese: %+v", r.Errors)
		}
	})
}

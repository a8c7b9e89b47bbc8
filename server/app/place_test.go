package app_test

import (
	"testing"
)

const nearbyQuery = `query($lat: Float!, $lng: Float!, $first: Int) { nearbyCustomers(latitude: $lat, longitude: $lng, first: $first) { distance customer { id name } } }`

// A visit logged with an accurate check-in puts its account there; a call or a vague
// check-in does not; nearbyCustomers lists the accounts the viewer reads by distance.
func TestCheckInAndNearby(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, sys, f := e.app.DB.Client, e.sys, e.f
		rep1, rep3 := e.token(f.rep1), e.token(f.rep3)
		logAt := func(tok, customer, kind string, lat, lng, acc float64) *gqlResponse {
			return e.do(tok, logMutation, map[string]any{"input": map[string]any{"customerID": customer, "kind": kind, "findings": "签到测试",
				"checkIn": map[string]any{"latitude": lat, "longitude": lng, "accuracy": acc}}})
		}
		place := func(id string) (lat, lng *float64) {
			cu := c.Customer.GetX(sys, idOf(id))
			return cu.Latitude, cu.Longitude
		}
		acme, own2, south := string(f.acmeEast.ID), string(f.rep2Own.ID), string(f.southAcct.ID)

		// Refused, and nothing written: a place not on Earth, an accuracy no phone reports.
		before := c.Interaction.Query().CountX(sys)
		for _, r := range []*gqlResponse{
			logAt(rep1, acme, "VISIT", 91, 121, 10), logAt(rep1, acme, "VISIT", 31, 181, 10), logAt(rep1, acme, "VISIT", 31, 121, 0),
		} {
			expectCode(t, r, "BAD_USER_INPUT")
		}
		if n := c.Interaction.Query().CountX(sys); n != before {
			t.Fatalf("refused check-ins wrote %d contacts", n-before)
		}

		// A call, or a visit the phone places only roughly, does not move the account.
		if r := logAt(rep1, acme, "PHONE", 31.2304, 121.4737, 5); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		if r := logAt(rep1, acme, "VISIT", 31.2304, 121.4737, 800); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		if lat, _ := place(acme); lat != nil {
			t.Fatalf("a call or a vague check-in placed the account at %v", *lat)
		}
		// Accurate visits do: acme at People's Square, rep2's account 1.1 km east, the
		// south account (rep3's) in Hangzhou.
		for _, v := range []struct {
			tok, id  string
			lat, lng float64
		}{{rep1, acme, 31.2304, 121.4737}, {rep1, own2, 31.2304, 121.4852}, {rep3, south, 30.2741, 120.1551}} {
			r := logAt(v.tok, v.id, "VISIT", v.lat, v.lng, 25)
			if len(r.Errors) > 0 {
				t.Fatal(r.Errors)
			}
			if lat, lng := place(v.id); lat == nil || *lat != v.lat || *lng != v.lng {
				t.Errorf("%s is not where its visit checked in", v.id)
			}
		}
		// Near the river bank east of acme: rep2's account first, then acme; Hangzhou is
		// 160 km away, and rep3's anyway.
		d := e.ok(rep1, nearbyQuery, map[string]any{"lat": 31.2304, "lng": 121.4900})
		got := rptList(dig(d, "nearbyCustomers"))
		if len(got) != 2 || dig(got[0], "customer", "id") != own2 || dig(got[1], "customer", "id") != acme {
			t.Fatalf("rep1 nearby: %v", got)
		}
		if m := dig(got[0], "distance").(float64); m < 400 || m > 500 {
			t.Errorf("rep2's account is %v m away, want about 450", m)
		}
		if m := dig(got[1], "distance").(float64); m < 1500 || m > 1700 {
			t.Errorf("acme is %v m away, want about 1,580", m)
		}
		// rep3 in Shanghai sees none of the east team's accounts; in Hangzhou, their own.
		if got := rptList(dig(e.ok(rep3, nearbyQuery, map[string]any{"lat": 31.2304, "lng": 121.49}), "nearbyCustomers")); len(got) != 0 {
			t.Errorf("rep3 near Shanghai: %v", got)
		}
		if got := rptList(dig(e.ok(rep3, nearbyQuery, map[string]any{"lat": 30.27, "lng": 120.15}), "nearbyCustomers")); len(got) != 1 {
			t.Errorf("rep3 in Hangzhou: %v", got)
		}
		for _, vars := range []map[string]any{{"lat": 95, "lng": 0}, {"lat": 0, "lng": 200}, {"lat": 0, "lng": 0, "first": 0}, {"lat": 0, "lng": 0, "first": 101}} {
			expectCode(t, e.do(rep1, nearbyQuery, vars), "BAD_USER_INPUT")
		}
		// Where the account is, and where the rep was, are typed by nobody.
		for _, q := range []string{
			`mutation($id: ID!) { updateCustomer(id: $id, input: { latitude: 1 }) { id } }`,
			`mutation($id: ID!) { createInteraction(input: { customerID: $id, kind: VISIT, checkInLatitude: 1 }) { id } }`,
		} {
			if r := e.do(rep1, q, map[string]any{"id": acme}); len(r.Errors) == 0 {
				t.Errorf("typed a place: %s", q)
			}
		}
	})
}

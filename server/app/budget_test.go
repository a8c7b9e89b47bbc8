package app_test

import "testing"

func TestPartnerQueryBudget(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		admin := e.token(e.f.admin)
		d := e.ok(admin, `mutation($c: ID!) { issueAPIToken(input: {customerID: $c, name: "ERP", scopes: ["orders:read"], budgetPerSecond: 1, budgetBurst: 20}) { token } }`,
			map[string]any{"c": e.f.acmeEast.ID})
		tok := dig(d, "issueAPIToken", "token").(string)
		q := `{ customers(first: 9) { totalCount } }` // 1 + 9 × 1 = 10
		// Two requests empty the bucket of 20 (it refills 1 per second, so a slow
		// machine may see a little more left); the third must wait.
		for i, want := range []int{10, 0} {
			r := e.do(tok, q, nil)
			if r.code() != "" {
				t.Fatalf("request %d: %+v", i+1, r.Errors)
			}
			if got := num(dig(r.Extensions, "cost", "remaining")); got < want || got > want+3 {
				t.Fatalf("request %d: remaining %d, want %d (%v)", i+1, got, want, r.Extensions)
			}
			if num(dig(r.Extensions, "cost", "requested")) != 10 || num(dig(r.Extensions, "cost", "limit")) != 20 {
				t.Fatalf("cost extension: %v", r.Extensions)
			}
		}
		r := e.do(tok, q, nil)
		expectCode(t, r, "RATE_LIMITED")
		if s := num(r.Errors[0].Extensions["retryAfterSeconds"]); s < 4 || s > 10 || r.Data != nil {
			t.Fatalf("over budget: retry after %d, data %v", s, r.Data)
		}
		// A query bigger than the whole budget can never run: say so, do not make it wait.
		expectCode(t, e.do(tok, `{ customers(first: 50) { edges { node { id } } } }`, nil), "BAD_USER_INPUT")
		// Users see the cost too, without a budget.
		r = e.do(admin, q, nil)
		if num(dig(r.Extensions, "cost", "requested")) != 10 || dig(r.Extensions, "cost", "remaining") != nil {
			t.Fatalf("user cost extension: %v", r.Extensions)
		}
	})
}

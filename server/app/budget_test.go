package app_test

import "testing"

func TestPartnerQueryBudget(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		admin := e.token(e.f.admin)
		d := e.ok(admin, `mutation($c: ID!) { issueAPIToken(input: {customerID: $c, name: "ERP", scopes: ["orders:read"], budgetPerSecond: 1, budgetBurst: 20}) { token } }`,
			map[string]any{"c": e.f.acmeEast.ID})
		tok := dig(d, "issueAPIToken", "token").(string)
		q := `{ customers(first: 5) { totalCount } }` // 1 + 5 × 1 = 6
		for i, want := range []int{14, 8, 2} {
			r := e.do(tok, q, nil)
			if r.code() != "" {
				t.Fatalf("request %d: %+v", i+1, r.Errors)
			}
			if got := num(dig(r.Extensions, "cost", "remaining")); got != want && got != want+1 {
				t.Fatalf("request %d: remaining %d, want %d (%v)", i+1, got, want, r.Extensions)
			}
			if num(dig(r.Extensions, "cost", "requested")) != 6 || num(dig(r.Extensions, "cost", "limit")) != 20 {
				t.Fatalf("cost extension: %v", r.Extensions)
			}
		}
		r := e.do(tok, q, nil)
		expectCode(t, r, "RATE_LIMITED")
		if s := num(r.Errors[0].Extensions["retryAfterSeconds"]); s < 3 || s > 5 || r.Data != nil {
			t.Fatalf("over budget: retry after %d, data %v", s, r.Data)
		}
		// A query bigger than the whole budget can never run: say so, do not make it wait.
		expectCode(t, e.do(tok, `{ customers(first: 50) { edges { node { id } } } }`, nil), "BAD_USER_INPUT")
		// Users see the cost too, without a budget.
		r = e.do(admin, q, nil)
		if num(dig(r.Extensions, "cost", "requested")) != 6 || dig(r.Extensions, "cost", "remaining") != nil {
			t.Fatalf("user cost extension: %v", r.Extensions)
		}
	})
}

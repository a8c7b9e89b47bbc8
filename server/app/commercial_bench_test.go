package app_test

import (
	"fmt"
	"testing"
)

// BenchmarkCommercial times the commercial queries of issue 15 over the generated book
// of BenchmarkAggregates (TANDEM_BENCH_CUSTOMERS accounts, an order line to one in five),
// each beside its floor: one hand-written SQL statement that computes the same figures
// (without the privacy rules, the currency conversion or the answer's JSON), run on the
// same database in the same process. Tandem ÷ floor is the cost of the API over the
// least work the database must do.
//
//	TANDEM_BENCH_CUSTOMERS=10000 go test -run XXX -bench Commercial -benchtime 20x ./server/app/
func BenchmarkCommercial(b *testing.B) {
	n, list := benchBook()
	for _, backend := range list {
		t := &testing.T{}
		e := newEnv(t, backend, envOptions{})
		seedBook(b, e, n)
		c, f := e.app.DB.Client, e.f
		c.Product.UpdateOneID(f.product.ID).SetStockOnHand(50000).SetSafetyStock(5000).SetLeadTimeDays(45).ExecX(e.sys)
		account := c.Order.Query().FirstX(e.sys).CustomerID
		analyst, manager, rep := e.token(f.analyst), e.token(f.manager), e.token(f.rep1)
		for _, q := range []struct {
			name, token, query string
			vars               map[string]any
			floor              string
		}{
			{"revenueConcentration", analyst, `{ revenueConcentration(first: 20) { customer { id name } revenue shareOfOurRevenue concentrationRisk } }`, nil,
				`SELECT c.id, c.name, s.rev, s.rev / t.total FROM
				   (SELECT l.customer_id, SUM(l.quantity * l.unit_price) AS rev FROM order_lines l JOIN orders o ON o.id = l.order_id
				     WHERE o.status <> 'CANCELLED' GROUP BY l.customer_id) s
				   JOIN customers c ON c.id = s.customer_id
				   CROSS JOIN (SELECT SUM(l.quantity * l.unit_price) AS total FROM order_lines l JOIN orders o ON o.id = l.order_id
				     WHERE o.status <> 'CANCELLED') t
				 ORDER BY s.rev DESC LIMIT 20`},
			{"dependence", analyst, `query($id: ID!) { node(id: $id) { ... on Customer { dependence { ourKg revenue shareOfOurRevenue } } } }`,
				map[string]any{"id": account},
				fmt.Sprintf(`SELECT SUM(CASE WHEN l.customer_id = '%s' THEN l.quantity END), SUM(CASE WHEN l.customer_id = '%s' THEN l.quantity * l.unit_price END),
				   SUM(l.quantity * l.unit_price) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.status <> 'CANCELLED'`, account, account)},
			{"stockPlans", manager, `{ stockPlans(first: 20) { product { id } status runsOutAt orderBy suggestedQuantity demand { month quantity } } }`, nil,
				monthlyDemandFloor(e.app.DB.Dialect)},
			{"availability", rep, `query($p: ID!) { availability(productID: $p, quantity: 500, unit: "kg") { status earliestShipAt message } }`,
				map[string]any{"p": f.product.ID}, monthlyDemandFloor(e.app.DB.Dialect)},
		} {
			b.Run(fmt.Sprintf("%s/%d/%s", backend, n, q.name), func(b *testing.B) {
				before := e.statements.Load()
				for i := 0; i < b.N; i++ {
					if r := e.do(q.token, q.query, q.vars); len(r.Errors) > 0 {
						b.Fatal(r.Errors)
					}
				}
				b.ReportMetric(float64(e.statements.Load()-before)/float64(b.N), "stmts/op")
			})
			b.Run(fmt.Sprintf("%s/%d/%s/floor", backend, n, q.name), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					rows, err := e.app.DB.DB.Query(q.floor)
					if err != nil {
						b.Fatal(err)
					}
					for rows.Next() {
					}
					if err := rows.Close(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		e.srv.Close()
		e.app.Close()
	}
}

// monthlyDemandFloor is the stock plan's input in one statement: each customer's
// quantity of each product per month over the last 24 months.
func monthlyDemandFloor(dialect string) string {
	month := "strftime('%Y-%m', o.ordered_at)"
	if dialect == "postgres" {
		month = "date_trunc('month', o.ordered_at)"
	}
	return `SELECT l.product_id, l.customer_id, ` + month + ` AS m, SUM(l.quantity) FROM order_lines l JOIN orders o ON o.id = l.order_id
	  WHERE o.status <> 'CANCELLED' GROUP BY l.product_id, l.customer_id, m`
}

package graph

import (
	"fmt"
	"testing"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"
)

// counted writes the page's own conditions, with their arguments numbered where they
// stand, into the count's subquery; the page's conditions and limit stay the page's.
func TestCountedStatement(t *testing.T) {
	for _, tc := range []struct {
		dialect, want string
	}{
		{dialect.Postgres, `SELECT "orders"."id", (SELECT COUNT(*) FROM (SELECT 1 FROM "orders" WHERE "orders"."status" = $1 AND "orders"."owner_id" = $2 LIMIT 101) AS "capped") AS "today_count" ` +
			`FROM "orders" WHERE "orders"."status" = $3 AND "orders"."owner_id" = $4 ORDER BY "orders"."id" LIMIT 5`},
		{dialect.SQLite, "SELECT `orders`.`id`, (SELECT COUNT(*) FROM (SELECT 1 FROM `orders` WHERE `orders`.`status` = ? AND `orders`.`owner_id` = ? LIMIT 101) AS `capped`) AS `today_count` " +
			"FROM `orders` WHERE `orders`.`status` = ? AND `orders`.`owner_id` = ? ORDER BY `orders`.`id` LIMIT 5"},
	} {
		t.Run(tc.dialect, func(t *testing.T) {
			b := sql.Dialect(tc.dialect)
			orders := b.Table("orders")
			s := b.Select(orders.C("id")).From(orders)
			counted(s) // a modifier runs before the predicates (ent's sqlQuery)
			s.Where(sql.EQ(orders.C("status"), "OPEN")).Where(sql.EQ(orders.C("owner_id"), "US1"))
			s.OrderBy(orders.C("id")).Limit(5)
			got, args := s.Query()
			if got != tc.want {
				t.Errorf("statement\n got %s\nwant %s", got, tc.want)
			}
			if fmt.Sprint(args) != "[OPEN US1 OPEN US1]" {
				t.Errorf("arguments %v", args)
			}
		})
	}
}

// A page read with a join cannot carry its count: its conditions may name the joined
// table, which the subquery does not have.
func TestCountedRefusesJoins(t *testing.T) {
	b := sql.Dialect(dialect.Postgres)
	orders, customers := b.Table("orders"), b.Table("customers")
	s := b.Select(orders.C("id")).From(orders).Join(customers).On(orders.C("customer_id"), customers.C("id"))
	counted(s)
	s.Where(sql.EQ(customers.C("owner_id"), "US1"))
	defer func() {
		if recover() == nil {
			t.Error("a joined page was counted")
		}
	}()
	s.Query()
}

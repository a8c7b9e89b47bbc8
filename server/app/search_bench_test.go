package app_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"tandem/domain/search"
	"tandem/ent"
)

// The account search (CustomerWhereInput.search) over a book of Chinese company names,
// against its floor: one hand-written statement over the same keys on the same
// database, run through the same connection pool.
//
//	TANDEM_BENCH_CUSTOMERS=100000 go test -run XXX -bench Search -benchtime 100x ./server/app/
func BenchmarkSearch(b *testing.B) {
	n, list := benchBook()
	for _, backend := range list {
		t := &testing.T{}
		e := newEnv(t, backend, envOptions{})
		seedNames(b, e, n)
		admin, rep := e.token(e.f.admin), e.token(e.f.rep1)
		for _, w := range []struct{ name, token, text string }{
			{"initials-admin", admin, "jxrfsj"},
			{"initials-rep", rep, "jxrfsj"},
			{"traditional-admin", admin, "瑞豐 塑膠"},
			{"mobile-admin", admin, "139 1234 5678"},
		} {
			want := e.ok(w.token, benchSearch, map[string]any{"q": w.text})
			if len(rptList(dig(want, "customers", "edges"))) == 0 {
				b.Fatalf("%s: %q finds nothing", w.name, w.text)
			}
			b.Run(fmt.Sprintf("%s/%d/%s/tandem", backend, n, w.name), func(b *testing.B) {
				before := e.statements.Load()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					e.post(b, w.token, benchSearch, map[string]any{"q": w.text})
				}
				b.StopTimer()
				b.ReportMetric(float64(e.statements.Load()-before)/float64(b.N), "stmts/op")
			})
			// The floor: an admin's search (every account), as one statement.
			if strings.HasSuffix(w.name, "-admin") {
				b.Run(fmt.Sprintf("%s/%d/%s/floor", backend, n, w.name), func(b *testing.B) {
					q, digits := search.Fold(w.text), strings.NewReplacer(" ", "", "-", "").Replace(w.text)
					for i := 0; i < b.N; i++ {
						rows, err := e.app.DB.DB.QueryContext(e.sys, floorSearch(e.app.DB.Dialect), "%"+q+"%", "%"+digits+"%")
						if err != nil {
							b.Fatal(err)
						}
						k := 0
						for rows.Next() {
							k++
						}
						rows.Close()
						if k == 0 {
							b.Fatalf("floor: %q finds nothing", w.text)
						}
					}
				})
			}
		}
		e.srv.Close()
		e.app.Close()
	}
}

const benchSearch = `query($q: String!) { customers(first: 20, where: { search: $q }, orderBy: { field: UPDATED_AT, direction: DESC }) {
  totalCount edges { node { id name stage tier } } } }`

// floorSearch matches the keys of accounts and contacts and the contacts' mobiles, the
// order and tracking numbers and the sampled products (each related table read once),
// and counts them, in one statement.
func floorSearch(dialect string) string {
	like := "LIKE"
	if dialect == "postgres" {
		like = "ILIKE"
	}
	q := `SELECT c.id, c.name, c.stage, c.tier, count(*) OVER () FROM customers c WHERE c.merged_into_id IS NULL AND (c.search_key LIKE $1
  OR c.id IN (SELECT customer_id FROM contacts WHERE search_key LIKE $1 OR mobile LIKE $2 OR phone LIKE $2)
  OR c.id IN (SELECT customer_id FROM orders WHERE number ` + like + ` $1)
  OR c.id IN (SELECT customer_id FROM shipments WHERE tracking_no ` + like + ` $1)
  OR c.id IN (SELECT customer_id FROM samples WHERE product_id IN (SELECT id FROM products WHERE search_key LIKE $1 OR code ` + like + ` $1)))
  ORDER BY c.updated_at DESC, c.id DESC LIMIT 20`
	return q
}

// seedNames writes n accounts with Chinese company names (city, brand, trade) and a
// contact each, through the hooks that keep their search keys; one of them is
// 嘉兴瑞丰塑胶有限公司, with the contact 钱多多 (13912345678).
func seedNames(b *testing.B, e *env, n int) {
	c, ctx := e.app.DB.Client, e.sys
	start := time.Now()
	cities := []string{"上海", "苏州", "宁波", "杭州", "无锡", "常州", "南通", "佛山", "东莞", "深圳", "厦门", "青岛", "合肥", "泉州", "中山", "广州", "天津", "成都", "武汉", "重庆"}
	brands := []rune("华恒万博海金新科立欣永泰鸿达丰瑞盛宏昌通源天")
	trades := []string{"塑胶", "涂料", "电缆材料", "油墨", "粘合剂", "包装薄膜", "复合材料", "鞋材", "改性塑料", "化工"}
	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
	given := []rune("伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超霞平")
	owners := []*ent.User{e.f.rep1, e.f.rep2, e.f.rep3}
	const chunk = 1000
	for off := 0; off < n; off += chunk {
		size := min(chunk, n-off)
		cs := c.Customer.MapCreateBulk(make([]int, size), func(cc *ent.CustomerCreate, i int) {
			k := off + i
			name := fmt.Sprintf("%s%c%c%s有限公司%d", cities[k%len(cities)], brands[(k/20)%len(brands)], brands[(k/400)%len(brands)], trades[(k/7)%len(trades)], k)
			o := owners[k%3]
			if k == n/2 {
				name, o = "嘉兴瑞丰塑胶有限公司", e.f.rep1
			}
			cc.SetName(name).SetOwnerID(o.ID).SetTeamID(o.TeamID)
		}).SaveX(ctx)
		c.Contact.MapCreateBulk(cs, func(cc *ent.ContactCreate, i int) {
			k := off + i
			name := fmt.Sprintf("%c%c%c", surnames[k%len(surnames)], given[(k/20)%len(given)], given[(k/400)%len(given)])
			mobile := fmt.Sprintf("138%08d", k)
			if cs[i].Name == "嘉兴瑞丰塑胶有限公司" {
				name, mobile = "钱多多", "13912345678"
			}
			cc.SetCustomerID(cs[i].ID).SetName(name).SetMobile(mobile)
		}).ExecX(ctx)
	}
	b.Logf("%s: seeded %d named accounts and contacts in %s", e.app.DB.Dialect, n, time.Since(start).Round(time.Millisecond))
}

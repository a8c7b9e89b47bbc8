package main

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	keypersons "tandem/domain/keyperson"
	samples "tandem/domain/sample"
	"tandem/domain/search"
	"tandem/ent/customer"
	"tandem/ent/sample"
	"tandem/ent/schema/pulid"
)

// The book: N accounts spread over the demo's reps (each account in its owner's team),
// with 5N contacts, 3N samples, 3N orders of 1–3 lines, 5N interactions (logged), N/20
// visits planned, key persons on about a third of the accounts and problems on about
// a tenth. Values are the schema's enum values only: anything Tandem could not read
// back is a generator bug.

// table is a batch of rows of one table, in column order.
type table struct {
	name string
	cols []string
	rows [][]any
}

// batch is every table's rows of a run of consecutive accounts, in insertion order
// (parents before children).
type batch []*table

// staff is what the book needs of the demo: reps with their teams, and products.
type staff struct {
	reps     []person
	products []product
}

type person struct{ id, email, teamID string }
type product struct{ id, unit string }

var (
	bookStages = []string{"PROSPECT", "CONTACTED", "VISITED", "SAMPLING", "TRIAL", "EVALUATION", "MAIN_SUPPLIER", "PARTNER", "DORMANT", "LOST"}
	// stageWeights: a book has many prospects and few partners.
	stageWeights = []int{22, 18, 14, 12, 8, 6, 8, 3, 6, 3}
	leadSources  = []string{"ARTICLE", "JOURNAL", "PATENT", "NEWS", "CONFERENCE", "TRADE_SHOW", "ASSOCIATION", "ADVERTISEMENT", "WEB", "FOREIGN_REVERSE_LOOKUP", "PEER_REFERRAL", "FRIEND_REFERRAL", "OTHER"}
	departments  = []string{"TECHNICAL", "PURCHASING", "GENERAL_MANAGEMENT", "QC", "WAREHOUSE", "PRODUCTION", "FINANCE", "OTHER"}
	titles       = map[string][]string{
		"TECHNICAL": {"技术总监", "研发工程师", "配方工程师"}, "PURCHASING": {"采购经理", "采购专员"},
		"GENERAL_MANAGEMENT": {"总经理", "副总经理"}, "QC": {"品质经理", "质检员"}, "WAREHOUSE": {"仓库主管"},
		"PRODUCTION": {"生产经理", "车间主任"}, "FINANCE": {"财务经理"}, "OTHER": {"助理"},
	}
	sampleStatuses = []string{"REQUESTED", "PREPARED", "SHIPPED", "RECEIVED", "LAB_TRIAL", "PILOT_TRIAL", "APPROVED", "CONVERTED", "FAILED", "ABANDONED"}
	orderStatuses  = []string{"OPEN", "IN_PRODUCTION", "SHIPPED", "DELIVERED", "INVOICED", "CLOSED", "CANCELLED"}
	kinds          = []string{"PHONE", "VISIT", "EMAIL", "CHAT", "MEETING", "GIFT", "GATHERING", "TRADE_SHOW"}
	phases         = []string{"PRE_SALE", "IN_SALE", "AFTER_SALE"}
	decisionRoles  = []string{"DECISION_MAKER", "INFLUENCER", "GATEKEEPER", "USER", "TECHNICAL_EVALUATOR"}
	scopes         = []string{"MATURE_REPLACEMENT", "NEW_PRODUCT_TRIAL", "BOTH"}
	attitudes      = []string{"CHAMPION", "SUPPORTER", "NEUTRAL", "SKEPTIC", "OPPONENT"}
	issueCats      = []string{"QUALITY_FLUCTUATION", "SHORT_QUANTITY", "LATE_DELIVERY", "FUNDING", "INVOICE", "TEST_METHOD_DIFFERENCE", "PRICE", "OTHER"}
	rootCauses     = []string{"OUR_PRODUCT", "CUSTOMER_UNFAMILIAR", "CUSTOMER_PROCESS_MISMATCH", "DELIBERATE", "UNDETERMINED"}
	severities     = []string{"LOW", "MEDIUM", "HIGH", "CRITICAL"}
	issueStatuses  = []string{"OPEN", "RESPONDED", "ON_SITE", "ROOT_CAUSE_FOUND", "DISPOSITION", "RESOLVED", "CLOSED"}
	provinces      = [][2]string{{"江苏", "苏州"}, {"江苏", "无锡"}, {"江苏", "常州"}, {"浙江", "宁波"}, {"浙江", "杭州"}, {"浙江", "嘉兴"}, {"上海", "上海"}, {"广东", "东莞"}, {"广东", "佛山"}, {"广东", "深圳"}, {"山东", "青岛"}, {"山东", "潍坊"}, {"福建", "厦门"}, {"安徽", "合肥"}, {"河北", "廊坊"}, {"天津", "天津"}}
	cores          = []string{"华信", "恒力", "鑫达", "远东", "宏泰", "金利", "永盛", "新源", "博达", "瑞丰", "凯盛", "天成", "中和", "美联", "汇通", "长虹", "安吉", "正泰", "海纳", "锦华", "盛世", "同创", "富仕", "精工", "星河", "嘉禾", "东方", "润泽", "立德", "佳彩"}
	trades         = []string{"塑料", "涂料", "油墨", "胶粘剂", "新材料", "化工", "包装材料", "色母粒", "改性塑料", "树脂", "电子材料", "薄膜"}
	surnames       = []string{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"}
	givens         = []string{"伟", "芳", "娜", "敏", "静", "磊", "强", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英", "建华", "晓东", "海燕", "志强"}
	summaries      = map[string]string{"PHONE": "电话沟通样品进展", "VISIT": "拜访技术部，了解配方需求", "EMAIL": "发送技术资料", "CHAT": "微信沟通报价", "MEETING": "技术交流会", "GIFT": "节日礼品", "GATHERING": "客户聚餐", "TRADE_SHOW": "展会交流"}
)

// generator makes the book in batches of consecutive accounts.
type generator struct {
	r      *rand.Rand
	st     staff
	n      int
	now    time.Time
	names  map[string]int
	orders int
	// counts of rows generated, by table
	counts map[string]int
}

func newGenerator(seed int64, st staff, n int, now time.Time) *generator {
	return &generator{r: rand.New(rand.NewPCG(uint64(seed), uint64(n))), st: st, n: n, now: now.UTC().Truncate(time.Second),
		names: map[string]int{}, counts: map[string]int{}}
}

func (g *generator) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

func (g *generator) weighted(xs []string, w []int) string {
	t := 0
	for _, v := range w {
		t += v
	}
	k := g.r.IntN(t)
	for i, v := range w {
		if k < v {
			return xs[i]
		}
		k -= v
	}
	return xs[len(xs)-1]
}

// between is a time uniformly between a and b (b after a), to the second.
func (g *generator) between(a, b time.Time) time.Time {
	d := b.Sub(a)
	if d <= 0 {
		return a
	}
	return a.Add(time.Duration(g.r.Int64N(int64(d)))).Truncate(time.Second)
}

// count draws a count with mean avg from 0..2*avg (at least min).
func (g *generator) count(avg, min int) int {
	n := g.r.IntN(2*avg + 1)
	if n < min {
		n = min
	}
	return n
}

func (g *generator) personName() string { return g.pick(surnames) + g.pick(givens) }

func (g *generator) mobile() string {
	return fmt.Sprintf("1%d%09d", 3+g.r.IntN(7), g.r.IntN(1_000_000_000))
}

// customerName is unique within the book: a second use of a name becomes a branch.
func (g *generator) customerName(city string) string {
	base := city + g.pick(cores) + g.pick(trades) + "有限公司"
	g.names[base]++
	if k := g.names[base]; k > 1 {
		return fmt.Sprintf("%s第%d分公司", base, k)
	}
	return base
}

func newTable(name string, cols ...string) *table { return &table{name: name, cols: cols} }

func (t *table) add(vals ...any) {
	if len(vals) != len(t.cols) {
		panic(fmt.Sprintf("%s: %d values for %d columns", t.name, len(vals), len(t.cols)))
	}
	t.rows = append(t.rows, vals)
}

func nullable[T any](ok bool, v T) any {
	if !ok {
		return nil
	}
	return v
}

// next generates accounts [from, to).
func (g *generator) next(from, to int) batch {
	cu := newTable("customers", "id", "created_at", "updated_at", "version", "name", "name_en", "region", "address", "phone", "stage", "stage_changed_at", "lead_source", "scale", "technical_level", "credit", "demand", "ease_of_closing", "score", "tier", "archived", "search_key", "team_id", "owner_id")
	co := newTable("contacts", "id", "created_at", "updated_at", "version", "name", "title", "department", "mobile", "email", "archived", "search_key", "customer_id")
	sa := newTable("samples", "id", "created_at", "updated_at", "version", "quantity", "unit", "status", "requested_at", "shipped_at", "received_at", "doc_manual", "doc_msds", "doc_label", "doc_precautions", "reached", "customer_id", "product_id", "requested_by_id")
	or := newTable("orders", "id", "created_at", "updated_at", "version", "number", "is_evaluation", "status", "ordered_at", "delivery_date", "currency", "confirmed_at", "shipped_at", "delivered_at", "invoiced_at", "closed_at", "cancelled_at", "customer_id")
	ol := newTable("order_lines", "id", "created_at", "updated_at", "version", "quantity", "unit", "unit_price", "customer_id", "order_id", "product_id")
	in := newTable("interactions", "id", "created_at", "updated_at", "version", "kind", "phase", "occurred_at", "logged_at", "summary", "private", "customer_id", "author_id")
	se := newTable("sample_events", "id", "from_status", "to_status", "at", "customer_id", "sample_id", "actor_id")
	sc := newTable("stage_changes", "id", "from_stage", "to_stage", "evidence", "changed_at", "customer_id", "changed_by_id")
	kp := newTable("key_persons", "id", "created_at", "updated_at", "version", "decision_role", "scope", "attitude", "contact_interval_days", "last_contacted_at", "active_from", "contact_due_at", "contact_id", "customer_id")
	is := newTable("issues", "id", "created_at", "updated_at", "version", "title", "category", "root_cause", "severity", "status", "reported_at", "responded_at", "resolved_at", "closed_at", "customer_id", "reported_by_id")

	start := g.now.AddDate(-3, 0, 0)
	for i := from; i < to; i++ {
		owner := g.st.reps[i%len(g.st.reps)]
		created := g.between(start, g.now.Add(-24*time.Hour))
		updated := g.between(created, g.now)
		place := provinces[g.r.IntN(len(provinces))]
		region := place[0] + place[1]
		if place[0] == place[1] {
			region = place[0]
		}
		stage := g.weighted(bookStages, stageWeights)
		id := string(pulid.New("CU"))
		var ratings [5]any
		var score, tier any
		if stage != "PROSPECT" && g.r.IntN(3) > 0 {
			sum := 0.0
			for k := range ratings {
				v := 1 + g.r.IntN(5)
				ratings[k] = v
				sum += float64(v)
			}
			s := sum / 5
			score = s
			switch {
			case s >= 3.8:
				tier = "A"
			case s >= 2.8:
				tier = "B"
			default:
				tier = "C"
			}
		}
		changedAt := created
		if stage != "PROSPECT" {
			changedAt = g.between(created, updated)
		}
		name := g.customerName(place[1])
		cu.add(id, created, updated, 1, name, nil, region, place[1]+"市经济开发区"+fmt.Sprint(1+g.r.IntN(200))+"号",
			fmt.Sprintf("0%d-%08d", 10+g.r.IntN(900), g.r.IntN(100_000_000)), stage, nullable(stage != "PROSPECT", changedAt),
			g.pick(leadSources), ratings[0], ratings[1], ratings[2], ratings[3], ratings[4], score, tier, false, search.Key(name, "", ""), owner.teamID, owner.id)
		g.stageChanges(sc, id, owner.id, stage, created, changedAt)

		var contactIDs []string
		for range g.count(5, 1) {
			cid := string(pulid.New("CO"))
			dep := g.pick(departments)
			t := g.between(created, g.now)
			person, mobile := g.personName(), g.mobile()
			// The search key Tandem's hooks keep (domain/search.Key): name, its pinyin and initials.
			co.add(cid, t, t, 1, person, g.pick(titles[dep]), dep, mobile, nil, false, search.Key(person), id)
			contactIDs = append(contactIDs, cid)
		}
		for range g.count(3, 0) {
			p := g.st.products[g.r.IntN(len(g.st.products))]
			st := g.pick(sampleStatuses)
			req := g.between(created, g.now)
			k := indexOf(sampleStatuses, st)
			shipped := k >= 2 && st != "ABANDONED" || st == "FAILED"
			var shippedAt, receivedAt any
			if shipped {
				s := req.Add(time.Duration(1+g.r.IntN(5)) * 24 * time.Hour)
				shippedAt = s
				if k >= 3 {
					receivedAt = s.Add(time.Duration(1+g.r.IntN(4)) * 24 * time.Hour)
				}
			}
			sid := string(pulid.New("SA"))
			steps := g.sampleSteps(st)
			reached := 0
			for _, s := range steps {
				reached |= samples.Bit(sample.Status(s))
			}
			sa.add(sid, req, req, 1, float64(1+g.r.IntN(20)), p.unit, st, req, shippedAt, receivedAt,
				shipped, shipped, true, shipped, reached, id, p.id, owner.id)
			g.sampleEvents(se, sid, id, owner.id, steps, req)
		}
		for k := range g.count(3, 0) {
			oid := string(pulid.New("OR"))
			at := g.between(created, g.now)
			st := g.weighted(orderStatuses, []int{10, 10, 10, 15, 15, 35, 5})
			g.orders++
			ts := orderTimes(st, at, g.r)
			or.add(oid, at, at, 1, fmt.Sprintf("BK-%d-%07d", at.Year(), g.orders), k < 2, st, at, at.Add(14*24*time.Hour), "CNY",
				ts[0], ts[1], ts[2], ts[3], ts[4], ts[5], id)
			for range 1 + g.r.IntN(3) {
				p := g.st.products[g.r.IntN(len(g.st.products))]
				ol.add(string(pulid.New("OL")), at, at, 1, float64(25*(1+g.r.IntN(40))), p.unit, float64(20+g.r.IntN(80)), id, oid, p.id)
			}
		}
		for range g.count(5, 0) {
			kind := g.pick(kinds)
			at := g.between(created, g.now)
			in.add(string(pulid.New("IN")), at, at, 1, kind, g.pick(phases), at, at, summaries[kind], g.r.IntN(20) == 0, id, owner.id)
		}
		// One account in 20 has a visit planned within the next two weeks (or due since
		// this morning): not logged yet.
		if g.r.IntN(20) == 0 {
			at := g.between(g.now.Add(-12*time.Hour), g.now.AddDate(0, 0, 14))
			in.add(string(pulid.New("IN")), g.now, g.now, 1, "VISIT", "PRE_SALE", at, nil, "计划拜访", false, id, owner.id)
		}
		if g.r.IntN(3) == 0 {
			for k := range 1 + g.r.IntN(2) {
				if k >= len(contactIDs) {
					break
				}
				from := g.between(created, g.now)
				last := g.between(from, g.now)
				// When Tandem's hooks would have it fall due (domain/keyperson.Refresh).
				due := keypersons.DueAt(&last, from, 30, customer.Stage(stage))
				kp.add(string(pulid.New("KP")), from, from, 1, g.pick(decisionRoles), g.pick(scopes), g.pick(attitudes), 30,
					last, from, due, contactIDs[k], id)
			}
		}
		if g.r.IntN(10) == 0 {
			st := g.pick(issueStatuses)
			at := g.between(created, g.now)
			k := indexOf(issueStatuses, st)
			later := func(ok bool, d int) any { return nullable(ok, at.Add(time.Duration(d)*time.Hour)) }
			is.add(string(pulid.New("IS")), at, at, 1, "批次"+fmt.Sprint(g.r.IntN(10000))+"质量波动", g.pick(issueCats), g.pick(rootCauses),
				g.pick(severities), st, at, later(k >= 1, 4), later(k >= 5, 72), later(k >= 6, 96), id, owner.id)
		}
	}
	b := batch{cu, co, sa, se, sc, or, ol, in, kp, is}
	for _, t := range b {
		g.counts[t.name] += len(t.rows)
	}
	return b
}

// orderTimes: confirmed, shipped, delivered, invoiced, closed, cancelled, as far as
// the status has come.
func orderTimes(status string, at time.Time, r *rand.Rand) [6]any {
	var ts [6]any
	step := func(d int) time.Time { return at.Add(time.Duration(d*24+r.IntN(12)) * time.Hour) }
	if status == "CANCELLED" {
		ts[5] = step(2)
		return ts
	}
	k := indexOf(orderStatuses, status)
	if k >= 1 {
		ts[0] = step(1)
	}
	if k >= 2 {
		ts[1] = step(7)
	}
	if k >= 3 {
		ts[2] = step(10)
	}
	if k >= 4 {
		ts[3] = step(12)
	}
	if k >= 5 {
		ts[4] = step(40)
	}
	return ts
}

func indexOf(xs []string, s string) int {
	for i, x := range xs {
		if x == s {
			return i
		}
	}
	return -1
}

// sampleSteps is a sample's way to its status after REQUESTED: along the successful
// path, or part of it and then FAILED (after shipping) or ABANDONED (before).
func (g *generator) sampleSteps(status string) []string {
	path := sampleStatuses[:8] // REQUESTED … CONVERTED, as domain/sample.Path
	switch status {
	case "FAILED":
		return append(slices.Clone(path[1:3+g.r.IntN(4)]), status)
	case "ABANDONED":
		return append(slices.Clone(path[1:1+g.r.IntN(2)]), status)
	}
	return path[1 : indexOf(path, status)+1]
}

// sampleEvents records a sample's steps, one move at a time, as the sample workflow
// does (and sets the sample's reached bits).
func (g *generator) sampleEvents(se *table, sampleID, customerID, actor string, steps []string, at time.Time) {
	from := sampleStatuses[0]
	for _, to := range steps {
		at = at.Add(time.Duration(12+g.r.IntN(96)) * time.Hour)
		se.add(string(pulid.New("SE")), from, to, at, customerID, sampleID, actor)
		from = to
	}
}

// stageChanges records an account's way to its stage, as the stage workflow does (the
// first row when it was created, the last when it reached the stage): forward from
// PROSPECT, or part of the way and then DORMANT or LOST.
func (g *generator) stageChanges(sc *table, customerID, actor, stage string, created, reached time.Time) {
	path := bookStages[:8] // PROSPECT … PARTNER
	var steps []string
	switch stage {
	case "DORMANT", "LOST":
		steps = append(slices.Clone(path[1:1+g.r.IntN(6)]), stage)
	default:
		steps = path[1 : indexOf(path, stage)+1]
	}
	sc.add(string(pulid.New("SC")), nil, path[0], "manual", created, customerID, actor)
	from := path[0]
	for i, to := range steps {
		at := created.Add(reached.Sub(created) * time.Duration(i+1) / time.Duration(len(steps)))
		sc.add(string(pulid.New("SC")), from, to, "evidence", at, customerID, actor)
		from = to
	}
}

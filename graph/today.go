package graph

import (
	problems "tandem/domain/issue"
	samples "tandem/domain/sample"
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"tandem/domain/access"
	"tandem/ent"
	"tandem/ent/changenotice"
	"tandem/ent/changenoticeack"
	"tandem/ent/customer"
	"tandem/ent/interaction"
	"tandem/ent/issue"
	"tandem/ent/keyperson"
	"tandem/ent/order"
	"tandem/ent/predicate"
	"tandem/ent/sample"
	"tandem/ent/schema/pulid"
	"tandem/ent/task"
	"tandem/ent/trial"
	"tandem/ent/user"
	"tandem/ent/viewer"
	"tandem/graph/model"
)

// OrderDueDays: an open order whose delivery date falls within this many days is on Today.
const OrderDueDays = 3

// viewerLang is the signed-in user's language, "zh" (the default) or "en".
func viewerLang(ctx context.Context, c *ent.Client) string {
	v := viewer.FromContext(ctx)
	if v == nil || v.UserID == "" {
		return "zh"
	}
	u, err := c.User.Query().Where(user.ID(v.UserID)).Select(user.FieldLocale).Only(ctx)
	if err != nil || u.Locale != user.LocaleEn {
		return "zh"
	}
	return "en"
}

// say picks the text of the viewer's language.
func say(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}

// todayScope is the accounts whose items are the viewer's own (access.OwnAccounts):
// nil for every account; ok is false for viewers without a Today list.
func todayScope(v *viewer.Viewer) (p predicate.Customer, ok bool) {
	rows, ok := access.OwnAccounts(v)
	if !ok || rows.IsAll() {
		return nil, ok
	}
	return predicate.Customer(rows.Predicate()), true
}

// daysSince is the whole days from t to now (never negative).
func daysSince(now, t time.Time) int {
	if d := now.Sub(t); d > 0 {
		return int(d.Hours() / 24)
	}
	return 0
}

func startOfDay(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func ymd(t time.Time) string { return t.UTC().Format("2006-01-02") }

// todayItem is an item before its customer is attached.
type todayItem struct {
	model.TodayItem
	customerID pulid.ID
	id         pulid.ID
}

// today builds the signed-in person's list. Each source is one query, the labels it
// needs (contacts, products, notices, customers) one more each: a fixed number of
// queries whatever the data.
func today(ctx context.Context, c *ent.Client, now time.Time) (*model.Today, error) {
	now = now.UTC()
	v := viewer.FromContext(ctx)
	scope, ok := todayScope(v)
	if !ok {
		return finishToday(nil), nil
	}
	lang := viewerLang(ctx, c)
	sod := startOfDay(now)
	tomorrow := sod.AddDate(0, 0, 1)
	var items []*todayItem
	add := func(kind model.TodayKind, id, customerID pulid.ID, node ent.Noder, title, reason string, due *time.Time) {
		var d *time.Time
		if due != nil {
			t := due.UTC()
			d = &t
		}
		items = append(items, &todayItem{
			TodayItem:  model.TodayItem{Kind: kind, Title: title, Reason: reason, Due: d, Node: node},
			customerID: customerID, id: id,
		})
	}

	// Visits planned for today.
	visitWhere := []predicate.Interaction{
		interaction.KindEQ(interaction.KindVISIT),
		interaction.OccurredAtGTE(sod), interaction.OccurredAtLT(tomorrow),
	}
	if scope != nil {
		visitWhere = append(visitWhere, interaction.HasCustomerWith(scope))
	}
	visits, err := c.Interaction.Query().Where(visitWhere...).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, in := range visits {
		title := strings.TrimSpace(in.Summary)
		if title == "" {
			title = say(lang, "拜访", "Visit")
		}
		reason := say(lang, "今天安排的拜访", "Visit planned for today")
		if in.OccurredAt.Before(now) {
			reason = say(lang, "今天的拜访（时间已到，请记录结果）", "Today's visit (its time has come: log what you found)")
		}
		at := in.OccurredAt
		add(model.TodayKindVisitDue, in.ID, in.CustomerID, in, title, reason, &at)
	}

	// Tasks assigned to the viewer, due today or overdue.
	if v.UserID != "" {
		tasks, err := c.Task.Query().Where(
			task.AssigneeID(v.UserID), task.StatusEQ(task.StatusOPEN),
			task.DueAtNotNil(), task.DueAtLT(tomorrow),
		).All(ctx)
		if err != nil {
			return nil, err
		}
		for _, t := range tasks {
			due := *t.DueAt
			if due.Before(now) {
				n := daysSince(now, due)
				reason := say(lang, "已逾期，尚未完成", "Overdue and still open")
				if n > 0 {
					reason = say(lang, fmt.Sprintf("已逾期 %d 天，尚未完成", n), fmt.Sprintf("Overdue by %d day(s) and still open", n))
				}
				add(model.TodayKindTaskOverdue, t.ID, t.CustomerID, t, t.Title, reason, &due)
			} else {
				add(model.TodayKindTaskDue, t.ID, t.CustomerID, t, t.Title, say(lang, "今天到期", "Due today"), &due)
			}
		}
	}

	// Key persons not contacted within their expected interval.
	kpWhere := []predicate.KeyPerson{
		keyperson.ActiveToIsNil(),
		// The shortest interval is one day: rows contacted since then cannot be overdue.
		keyperson.Or(keyperson.LastContactedAtIsNil(), keyperson.LastContactedAtLT(now.AddDate(0, 0, -1))),
	}
	if scope != nil {
		kpWhere = append(kpWhere, keyperson.HasCustomerWith(scope))
	}
	kps, err := c.KeyPerson.Query().Where(kpWhere...).WithContact().All(ctx)
	if err != nil {
		return nil, err
	}
	for _, kp := range kps {
		interval := time.Duration(kp.ContactIntervalDays) * 24 * time.Hour
		name := say(lang, "关键人", "Key person")
		if kp.Edges.Contact != nil {
			name = kp.Edges.Contact.Name
		}
		if kp.LastContactedAt == nil {
			due := kp.ActiveFrom
			add(model.TodayKindKeyPersonOverdue, kp.ID, kp.CustomerID, kp, name,
				say(lang, fmt.Sprintf("从未联系过（约定每 %d 天联系一次）", kp.ContactIntervalDays),
					fmt.Sprintf("Never contacted (expected every %d days)", kp.ContactIntervalDays)), &due)
			continue
		}
		due := kp.LastContactedAt.Add(interval)
		if !due.Before(now) {
			continue
		}
		n := daysSince(now, *kp.LastContactedAt)
		add(model.TodayKindKeyPersonOverdue, kp.ID, kp.CustomerID, kp, name,
			say(lang, fmt.Sprintf("已 %d 天未联系（约定每 %d 天联系一次）", n, kp.ContactIntervalDays),
				fmt.Sprintf("Last contacted %d days ago (expected every %d days)", n, kp.ContactIntervalDays)), &due)
	}

	// Samples stuck in transit or waiting for a trial result.
	notReceived := time.Duration(samples.ShippedNotReceivedDays) * 24 * time.Hour
	noResult := time.Duration(samples.ReceivedNoResultDays) * 24 * time.Hour
	sampleWhere := []predicate.Sample{sample.Or(
		sample.And(sample.StatusEQ(sample.StatusSHIPPED), sample.ShippedAtNotNil(), sample.ShippedAtLT(now.Add(-notReceived))),
		sample.And(
			sample.StatusIn(sample.StatusRECEIVED, sample.StatusLAB_TRIAL, sample.StatusPILOT_TRIAL),
			sample.ReceivedAtNotNil(), sample.ReceivedAtLT(now.Add(-noResult)),
			sample.Not(sample.HasTrialsWith(trial.OutcomeNEQ(trial.OutcomePENDING))),
		),
	)}
	if scope != nil {
		sampleWhere = append(sampleWhere, sample.HasCustomerWith(scope))
	}
	followUps, err := c.Sample.Query().Where(sampleWhere...).WithProduct().All(ctx)
	if err != nil {
		return nil, err
	}
	for _, s := range followUps {
		code := ""
		if p := s.Edges.Product; p != nil {
			code = " " + p.Code
		}
		title := say(lang, "样品"+code, "Sample"+code)
		if s.Status == sample.StatusSHIPPED {
			n := daysSince(now, *s.ShippedAt)
			due := s.ShippedAt.Add(notReceived)
			add(model.TodayKindSampleNotReceived, s.ID, s.CustomerID, s, title,
				say(lang, fmt.Sprintf("已发出 %d 天，客户尚未确认收到（超过 %d 天）", n, samples.ShippedNotReceivedDays),
					fmt.Sprintf("Shipped %d days ago and not confirmed received (more than %d days)", n, samples.ShippedNotReceivedDays)), &due)
			continue
		}
		n := daysSince(now, *s.ReceivedAt)
		due := s.ReceivedAt.Add(noResult)
		add(model.TodayKindSampleNoResult, s.ID, s.CustomerID, s, title,
			say(lang, fmt.Sprintf("客户收到样品已 %d 天，还没有试验结果（超过 %d 天）", n, samples.ReceivedNoResultDays),
				fmt.Sprintf("Received %d days ago with no trial result yet (more than %d days)", n, samples.ReceivedNoResultDays)), &due)
	}

	// Orders due within OrderDueDays or late.
	orderWhere := []predicate.Order{
		order.StatusNotIn(order.StatusCLOSED, order.StatusCANCELLED, order.StatusDELIVERED),
		order.DeliveredAtIsNil(),
		order.DeliveryDateNotNil(), order.DeliveryDateLTE(now.AddDate(0, 0, OrderDueDays)),
	}
	if scope != nil {
		orderWhere = append(orderWhere, order.HasCustomerWith(scope))
	}
	orders, err := c.Order.Query().Where(orderWhere...).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, o := range orders {
		due := *o.DeliveryDate
		title := say(lang, "订单 "+o.Number, "Order "+o.Number)
		if due.Before(now) {
			n := daysSince(now, due)
			add(model.TodayKindOrderLate, o.ID, o.CustomerID, o, title,
				say(lang, fmt.Sprintf("交期 %s 已过 %d 天，尚未交付", ymd(due), n),
					fmt.Sprintf("Delivery date %s passed %d day(s) ago and not delivered", ymd(due), n)), &due)
			continue
		}
		add(model.TodayKindOrderDue, o.ID, o.CustomerID, o, title,
			say(lang, fmt.Sprintf("交期 %s，%d 天内到期", ymd(due), OrderDueDays),
				fmt.Sprintf("Delivery date %s, within %d days", ymd(due), OrderDueDays)), &due)
	}

	// Problems past their response or on-site deadline.
	var late []predicate.Issue
	for _, s := range []issue.Severity{issue.SeverityCRITICAL, issue.SeverityHIGH, issue.SeverityMEDIUM, issue.SeverityLOW} {
		sla, ok := problems.SLAs[s]
		if !ok {
			continue
		}
		late = append(late,
			issue.And(issue.SeverityEQ(s), issue.RespondedAtIsNil(), issue.StatusEQ(issue.StatusOPEN), issue.ReportedAtLT(now.Add(-sla.Respond))),
			// Going on site is due only while the problem is still being answered: one
			// solved without a visit is not late (the same rule as Issue.sla).
			issue.And(issue.SeverityEQ(s), issue.OnsiteAtIsNil(), issue.StatusIn(issue.StatusOPEN, issue.StatusRESPONDED), issue.ReportedAtLT(now.Add(-sla.OnSite))),
		)
	}
	issueWhere := []predicate.Issue{issue.StatusNotIn(issue.StatusRESOLVED, issue.StatusCLOSED), issue.Or(late...)}
	if scope != nil {
		issueWhere = append(issueWhere, issue.HasCustomerWith(scope))
	}
	issues, err := c.Issue.Query().Where(issueWhere...).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, is := range issues {
		// The same rule as Issue.sla; Today lists only the steps still not done.
		sla, state := problems.SLAs[is.Severity], problems.ServiceOf(is, now)
		var missed []string
		var due *time.Time
		if is.RespondedAt == nil && state.RespondedLate {
			missed = append(missed, say(lang, fmt.Sprintf("应在 %s 内响应", hours(sla.Respond, lang)), fmt.Sprintf("a response was due within %s", hours(sla.Respond, lang))))
			due = &state.RespondBy
		}
		if is.OnsiteAt == nil && state.OnSiteLate {
			missed = append(missed, say(lang, fmt.Sprintf("应在 %s 内到现场", hours(sla.OnSite, lang)), fmt.Sprintf("someone was due on site within %s", hours(sla.OnSite, lang))))
			if due == nil {
				due = &state.OnSiteBy
			}
		}
		if len(missed) == 0 {
			continue
		}
		add(model.TodayKindIssuePastSLA, is.ID, is.CustomerID, is, is.Title,
			say(lang, fmt.Sprintf("%s 级问题已超出服务时限：%s", is.Severity, strings.Join(missed, "，")),
				fmt.Sprintf("%s problem past its service level: %s", is.Severity, strings.Join(missed, "; "))), due)
	}

	// Change notices the customer has not acknowledged.
	ackWhere := []predicate.ChangeNoticeAck{
		changenoticeack.AcknowledgedAtIsNil(),
		changenoticeack.HasChangeNoticeWith(changenotice.StatusEQ(changenotice.StatusISSUED)),
	}
	if scope != nil {
		ackWhere = append(ackWhere, changenoticeack.HasCustomerWith(scope))
	}
	acks, err := c.ChangeNoticeAck.Query().Where(ackWhere...).WithChangeNotice().All(ctx)
	if err != nil {
		return nil, err
	}
	for _, a := range acks {
		title := say(lang, "变更通知", "Change notice")
		var due *time.Time
		reason := say(lang, "变更通知已发出，客户尚未确认", "Change notice issued, not yet acknowledged by the customer")
		if cn := a.Edges.ChangeNotice; cn != nil {
			title = cn.Title
			eff := cn.EffectiveAt
			due = &eff
			reason = say(lang, fmt.Sprintf("变更通知已发出，客户尚未确认；%s 生效", ymd(eff)),
				fmt.Sprintf("Change notice issued, not yet acknowledged by the customer; effective %s", ymd(eff)))
		}
		add(model.TodayKindChangeNoticePending, a.ID, a.CustomerID, a, title, reason, due)
	}

	// The accounts, in one query.
	var ids []pulid.ID
	seen := map[pulid.ID]bool{}
	for _, it := range items {
		if it.customerID != "" && !seen[it.customerID] {
			seen[it.customerID] = true
			ids = append(ids, it.customerID)
		}
	}
	customers := map[pulid.ID]*ent.Customer{}
	if len(ids) > 0 {
		cs, err := c.Customer.Query().Where(customer.IDIn(ids...)).All(ctx)
		if err != nil {
			return nil, err
		}
		for _, cu := range cs {
			customers[cu.ID] = cu
		}
	}
	for _, it := range items {
		it.Customer = customers[it.customerID]
	}
	return finishToday(items), nil
}

func hours(d time.Duration, lang string) string {
	h := int(d.Hours())
	if h%24 == 0 && h >= 48 {
		return say(lang, fmt.Sprintf("%d 天", h/24), fmt.Sprintf("%d days", h/24))
	}
	return say(lang, fmt.Sprintf("%d 小时", h), fmt.Sprintf("%d hours", h))
}

var todayKindRank = func() map[model.TodayKind]int {
	m := map[model.TodayKind]int{}
	for i, k := range model.AllTodayKind {
		m[k] = i
	}
	return m
}()

// finishToday sorts the items by due time (undated last), then counts them per kind.
func finishToday(items []*todayItem) *model.Today {
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		switch {
		case a.Due != nil && b.Due != nil && !a.Due.Equal(*b.Due):
			return a.Due.Before(*b.Due)
		case (a.Due == nil) != (b.Due == nil):
			return a.Due != nil
		case a.Kind != b.Kind:
			return todayKindRank[a.Kind] < todayKindRank[b.Kind]
		}
		return a.id < b.id
	})
	out := &model.Today{Items: make([]*model.TodayItem, 0, len(items)), Counts: make([]*model.TodayCount, 0, len(model.AllTodayKind))}
	count := map[model.TodayKind]int{}
	for _, it := range items {
		item := it.TodayItem
		out.Items = append(out.Items, &item)
		count[it.Kind]++
	}
	for _, k := range model.AllTodayKind {
		out.Counts = append(out.Counts, &model.TodayCount{Kind: k, Count: count[k]})
	}
	out.Total = len(out.Items)
	return out
}

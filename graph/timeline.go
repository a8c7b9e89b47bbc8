package graph

import (
	"context"
	"encoding/base64"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"entgo.io/ent/dialect/sql"

	"tandem/ent"
	"tandem/ent/accountchange"
	"tandem/ent/assistance"
	"tandem/ent/changenotice"
	"tandem/ent/changenoticeack"
	"tandem/ent/document"
	"tandem/ent/errcode"
	"tandem/ent/interaction"
	"tandem/ent/issue"
	"tandem/ent/marketinfo"
	"tandem/ent/marketinfoshare"
	"tandem/ent/order"
	"tandem/ent/orderevent"
	"tandem/ent/sample"
	"tandem/ent/sampleevent"
	"tandem/ent/schema/pulid"
	"tandem/ent/shipment"
	"tandem/ent/stagechange"
	"tandem/ent/trial"
	"tandem/graph/model"
)

// tlCursor is a position in the newest-first timeline: an entry's time and ID.
type tlCursor struct {
	at time.Time
	id pulid.ID
}

func (c tlCursor) String() string {
	return base64.StdEncoding.EncodeToString([]byte(strconv.FormatInt(c.at.UnixNano(), 10) + "|" + string(c.id)))
}

func parseCursor(s string) (*tlCursor, error) {
	bad := errcode.New(errcode.BadUserInput, "after: not a timeline cursor").With("field", "after")
	raw, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, bad
	}
	ns, id, ok := strings.Cut(string(raw), "|")
	n, err := strconv.ParseInt(ns, 10, 64)
	if !ok || err != nil || id == "" {
		return nil, bad
	}
	return &tlCursor{at: time.Unix(0, n).UTC(), id: pulid.ID(id)}, nil
}

// tlEntry is one timeline entry before its title is written.
type tlEntry struct {
	kind model.TimelineKind
	at   time.Time
	id   pulid.ID
	node ent.Noder
}

// newer reports whether a comes before b in the newest-first order.
func (a tlEntry) newer(b tlEntry) bool {
	if !a.at.Equal(b.at) {
		return a.at.After(b.at)
	}
	return a.id > b.id
}

// tlTime is the SQL expression of an entry's time: a column, or the first non-null
// of several.
func tlTime(s *sql.Selector, cols []string) string {
	if len(cols) == 1 {
		return s.C(cols[0])
	}
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = s.C(c)
	}
	return "COALESCE(" + strings.Join(q, ", ") + ")"
}

// tlAfter keeps the rows strictly after the cursor in newest-first order:
// time < t, or time = t and id < id.
func tlAfter(cur *tlCursor, cols ...string) func(*sql.Selector) {
	return func(s *sql.Selector) {
		if cur == nil {
			return
		}
		at, id := tlTime(s, cols), s.C("id")
		s.Where(sql.P(func(b *sql.Builder) {
			b.WriteString("(").WriteString(at).WriteOp(sql.OpLT).Arg(cur.at).
				WriteString(" OR (").WriteString(at).WriteOp(sql.OpEQ).Arg(cur.at).
				WriteString(" AND ").WriteString(id).WriteOp(sql.OpLT).Arg(string(cur.id)).WriteString("))")
		}))
	}
}

// tlNewest orders rows newest first, by time then ID.
func tlNewest(cols ...string) func(*sql.Selector) {
	return func(s *sql.Selector) {
		s.OrderExpr(sql.Expr(tlTime(s, cols)+" DESC"), sql.Expr(s.C("id")+" DESC"))
	}
}

func orElse(t *time.Time, def time.Time) time.Time {
	if t != nil {
		return *t
	}
	return def
}

// timeline merges an account's history, newest first. Each source is one query for
// at most first+1 rows after the cursor; the page is the newest `first` of them all,
// and the labels of its entries (sample products, order numbers, notices, market
// information) take one query each: a fixed number of queries per page.
func timeline(ctx context.Context, c *ent.Client, customerID pulid.ID, first int, after *string, now time.Time) (*model.TimelineConnection, error) {
	if err := internalOnly(ctx); err != nil {
		return nil, err
	}
	now = now.UTC()
	first = min(max(first, 1), MaxPage)
	var cur *tlCursor
	if after != nil && *after != "" {
		var err error
		if cur, err = parseCursor(*after); err != nil {
			return nil, err
		}
	}
	if _, err := c.Customer.Get(ctx, customerID); err != nil {
		return nil, err
	}
	limit := first + 1
	var all []tlEntry
	add := func(kind model.TimelineKind, at time.Time, id pulid.ID, node ent.Noder) {
		all = append(all, tlEntry{kind: kind, at: at.UTC(), id: id, node: node})
	}

	ins, err := c.Interaction.Query().
		Where(interaction.CustomerID(customerID), interaction.OccurredAtLTE(now), tlAfter(cur, interaction.FieldOccurredAt)).
		Order(tlNewest(interaction.FieldOccurredAt)).Limit(limit).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, x := range ins {
		add(model.TimelineKindInteraction, x.OccurredAt, x.ID, x)
	}
	scs, err := c.StageChange.Query().
		Where(stagechange.CustomerID(customerID), tlAfter(cur, stagechange.FieldChangedAt)).
		Order(tlNewest(stagechange.FieldChangedAt)).Limit(limit).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, x := range scs {
		add(model.TimelineKindStageChange, x.ChangedAt, x.ID, x)
	}
	ses, err := c.SampleEvent.Query().
		Where(sampleevent.CustomerID(customerID), tlAfter(cur, sampleevent.FieldAt)).
		Order(tlNewest(sampleevent.FieldAt)).Limit(limit).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, x := range ses {
		add(model.TimelineKindSampleEvent, x.At, x.ID, x)
	}
	trs, err := c.Trial.Query().
		Where(trial.CustomerID(customerID), tlAfter(cur, trial.FieldStartedAt, trial.FieldCreatedAt)).
		Order(tlNewest(trial.FieldStartedAt, trial.FieldCreatedAt)).Limit(limit).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, x := range trs {
		add(model.TimelineKindTrial, orElse(x.StartedAt, x.CreatedAt), x.ID, x)
	}
	ors, err := c.Order.Query().
		Where(order.CustomerID(customerID), tlAfter(cur, order.FieldOrderedAt)).
		Order(tlNewest(order.FieldOrderedAt)).Limit(limit).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, x := range ors {
		add(model.TimelineKindOrder, x.OrderedAt, x.ID, x)
	}
	oes, err := c.OrderEvent.Query().
		Where(orderevent.CustomerID(customerID), tlAfter(cur, orderevent.FieldAt)).
		Order(tlNewest(orderevent.FieldAt)).Limit(limit).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, x := range oes {
		add(model.TimelineKindOrderEvent, x.At, x.ID, x)
	}
	shs, err := c.Shipment.Query().
		Where(shipment.CustomerID(customerID), tlAfter(cur, shipment.FieldShippedAt, shipment.FieldCreatedAt)).
		Order(tlNewest(shipment.FieldShippedAt, shipment.FieldCreatedAt)).Limit(limit).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, x := range shs {
		add(model.TimelineKindShipment, orElse(x.ShippedAt, x.CreatedAt), x.ID, x)
	}
	iss, err := c.Issue.Query().
		Where(issue.CustomerID(customerID), tlAfter(cur, issue.FieldReportedAt)).
		Order(tlNewest(issue.FieldReportedAt)).Limit(limit).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, x := range iss {
		add(model.TimelineKindIssue, x.ReportedAt, x.ID, x)
	}
	dos, err := c.Document.Query().
		Where(document.CustomerID(customerID), tlAfter(cur, document.FieldPublishedAt)).
		Order(tlNewest(document.FieldPublishedAt)).Limit(limit).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, x := range dos {
		add(model.TimelineKindDocument, x.PublishedAt, x.ID, x)
	}
	cas, err := c.ChangeNoticeAck.Query().
		Where(changenoticeack.CustomerID(customerID), tlAfter(cur, changenoticeack.FieldCreatedAt)).
		Order(tlNewest(changenoticeack.FieldCreatedAt)).Limit(limit).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, x := range cas {
		add(model.TimelineKindChangeNotice, x.CreatedAt, x.ID, x)
	}
	ass, err := c.Assistance.Query().
		Where(assistance.CustomerID(customerID), tlAfter(cur, assistance.FieldRequestedAt)).
		Order(tlNewest(assistance.FieldRequestedAt)).Limit(limit).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, x := range ass {
		add(model.TimelineKindAssistance, x.RequestedAt, x.ID, x)
	}
	mis, err := c.MarketInfoShare.Query().
		Where(marketinfoshare.CustomerID(customerID), tlAfter(cur, marketinfoshare.FieldSharedAt)).
		Order(tlNewest(marketinfoshare.FieldSharedAt)).Limit(limit).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, x := range mis {
		add(model.TimelineKindMarketInfo, x.SharedAt, x.ID, x)
	}
	acs, err := c.AccountChange.Query().
		Where(accountchange.CustomerID(customerID), tlAfter(cur, accountchange.FieldAt)).
		Order(tlNewest(accountchange.FieldAt)).Limit(limit).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, x := range acs {
		add(model.TimelineKindAccountChange, x.At, x.ID, x)
	}

	if err := timelineCommercial(ctx, c, customerID, cur, limit, add); err != nil {
		return nil, err
	}

	sort.Slice(all, func(i, j int) bool { return all[i].newer(all[j]) })
	page := all
	if len(page) > first {
		page = page[:first]
	}
	titles, err := timelineTitles(ctx, c, page)
	if err != nil {
		return nil, err
	}
	out := &model.TimelineConnection{Edges: make([]*model.TimelineEdge, 0, len(page)), PageInfo: &model.TimelinePageInfo{HasNextPage: len(all) > first}}
	for i, e := range page {
		cursor := tlCursor{at: e.at, id: e.id}.String()
		out.Edges = append(out.Edges, &model.TimelineEdge{
			Node:   &model.TimelineEntry{Kind: e.kind, At: e.at, Title: titles[i], Node: e.node},
			Cursor: cursor,
		})
		out.PageInfo.EndCursor = &cursor
	}
	return out, nil
}

// timelineTitles writes each entry's title in the viewer's language, loading the
// labels the page needs in one query per kind of label.
func timelineTitles(ctx context.Context, c *ent.Client, page []tlEntry) ([]string, error) {
	var sampleIDs, orderIDs, noticeIDs, infoIDs []pulid.ID
	for _, e := range page {
		switch n := e.node.(type) {
		case *ent.SampleEvent:
			sampleIDs = append(sampleIDs, n.SampleID)
		case *ent.Trial:
			sampleIDs = append(sampleIDs, n.SampleID)
		case *ent.OrderEvent:
			orderIDs = append(orderIDs, n.OrderID)
		case *ent.Shipment:
			orderIDs = append(orderIDs, n.OrderID)
		case *ent.ChangeNoticeAck:
			noticeIDs = append(noticeIDs, n.ChangeNoticeID)
		case *ent.MarketInfoShare:
			infoIDs = append(infoIDs, n.MarketInfoID)
		}
	}
	lang := viewerLang(ctx, c)
	productCode := map[pulid.ID]string{}
	if len(sampleIDs) > 0 {
		ss, err := c.Sample.Query().Where(sample.IDIn(sampleIDs...)).WithProduct().All(ctx)
		if err != nil {
			return nil, err
		}
		for _, s := range ss {
			if s.Edges.Product != nil {
				productCode[s.ID] = s.Edges.Product.Code
			}
		}
	}
	orderNo := map[pulid.ID]string{}
	if len(orderIDs) > 0 {
		os, err := c.Order.Query().Where(order.IDIn(orderIDs...)).Select(order.FieldID, order.FieldNumber).All(ctx)
		if err != nil {
			return nil, err
		}
		for _, o := range os {
			orderNo[o.ID] = o.Number
		}
	}
	noticeTitle := map[pulid.ID]string{}
	if len(noticeIDs) > 0 {
		ns, err := c.ChangeNotice.Query().Where(changenotice.IDIn(noticeIDs...)).Select(changenotice.FieldID, changenotice.FieldTitle).All(ctx)
		if err != nil {
			return nil, err
		}
		for _, n := range ns {
			noticeTitle[n.ID] = n.Title
		}
	}
	infoTitle := map[pulid.ID]string{}
	if len(infoIDs) > 0 {
		ms, err := c.MarketInfo.Query().Where(marketinfo.IDIn(infoIDs...)).Select(marketinfo.FieldID, marketinfo.FieldTitle).All(ctx)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			infoTitle[m.ID] = m.Title
		}
	}
	colon := say(lang, "：", ": ")
	join := func(label, detail string) string {
		if detail = strings.TrimSpace(detail); detail == "" {
			return label
		}
		return label + colon + detail
	}
	titles := make([]string, len(page))
	for i, e := range page {
		switch n := e.node.(type) {
		case *ent.Interaction:
			text := n.Summary
			if strings.TrimSpace(text) == "" {
				text = n.Findings
			}
			titles[i] = join(interactionLabel(lang, n.Kind), clip(text, 60))
		case *ent.StageChange:
			titles[i] = stageChangeTitle(lang, n)
		case *ent.SampleEvent:
			titles[i] = join(strings.TrimSpace(say(lang, "样品 ", "Sample ")+productCode[n.SampleID]),
				enumLabel(lang, "SampleStatus", n.FromStatus)+" → "+enumLabel(lang, "SampleStatus", n.ToStatus))
		case *ent.Trial:
			label := say(lang, "小样试验", "Lab trial")
			if n.Kind == trial.KindPILOT {
				label = say(lang, "中试", "Pilot trial")
			}
			if code := productCode[n.SampleID]; code != "" {
				label += " " + code
			}
			titles[i] = join(label, enumLabel(lang, "TrialOutcome", n.Outcome))
		case *ent.Order:
			titles[i] = say(lang, "订单 ", "Order ") + n.Number
			if n.IsEvaluation {
				titles[i] += say(lang, "（评估订单）", " (evaluation)")
			}
		case *ent.OrderEvent:
			titles[i] = join(say(lang, "订单 ", "Order ")+orderNo[n.OrderID], enumLabel(lang, "OrderEventStep", n.Step))
		case *ent.Shipment:
			label := say(lang, "发货 ", "Shipment ") + orderNo[n.OrderID]
			if n.Carrier != "" {
				label += say(lang, "（"+n.Carrier+"）", " via "+n.Carrier)
			}
			titles[i] = join(label, enumLabel(lang, "ShipmentStatus", n.Status))
		case *ent.Issue:
			titles[i] = join(say(lang, "问题", "Problem"), n.Title+say(lang, "（"+enumLabel(lang, "IssueSeverity", n.Severity)+"）", " ("+enumLabel(lang, "IssueSeverity", n.Severity)+")"))
		case *ent.Document:
			titles[i] = join(say(lang, "文件 ", "Document ")+enumLabel(lang, "DocumentType", n.Type), n.Title)
		case *ent.ChangeNoticeAck:
			state := say(lang, "待确认", "awaiting acknowledgement")
			if n.AcknowledgedAt != nil {
				state = say(lang, "已确认", "acknowledged")
			}
			titles[i] = join(say(lang, "变更通知", "Change notice"), noticeTitle[n.ChangeNoticeID]+" ("+state+")")
		case *ent.Assistance:
			titles[i] = join(say(lang, "协助 ", "Assistance ")+enumLabel(lang, "AssistanceKind", n.Kind), clip(n.Description, 60))
		case *ent.MarketInfoShare:
			titles[i] = join(say(lang, "分享市场信息", "Market information shared"), infoTitle[n.MarketInfoID])
		case *ent.AccountChange:
			titles[i] = accountChangeTitle(lang, n, join)
		default:
			titles[i] = commercialTitle(lang, e.node, join)
		}
	}
	return titles, nil
}

func interactionLabel(lang string, k interaction.Kind) string {
	labels := map[interaction.Kind][2]string{
		interaction.KindPHONE: {"电话", "Phone call"}, interaction.KindVISIT: {"拜访", "Visit"},
		interaction.KindEMAIL: {"邮件", "Email"}, interaction.KindCHAT: {"聊天", "Chat"},
		interaction.KindMEETING: {"会议", "Meeting"}, interaction.KindGIFT: {"礼品", "Gift"},
		interaction.KindGATHERING: {"聚会", "Gathering"}, interaction.KindTRADE_SHOW: {"展会", "Trade show"},
	}
	l, ok := labels[k]
	if !ok {
		return string(k)
	}
	return say(lang, l[0], l[1])
}

// clip keeps the first n characters of a text on one line.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// accountChangeTitle names a merge or reassignment on the timeline.
func accountChangeTitle(lang string, n *ent.AccountChange, join func(label, detail string) string) string {
	switch n.Kind {
	case accountchange.KindACCOUNT_MERGED:
		moved := 0
		for _, c := range n.Moved {
			moved += c
		}
		return join(say(lang, "合并客户", "Account merged in"), fmt.Sprintf(say(lang, "%s（转入 %d 条记录）", "%s (%d records moved)"), n.SubjectName, moved))
	case accountchange.KindCONTACT_MERGED:
		return join(say(lang, "合并联系人", "Contact merged"), n.SubjectName)
	case accountchange.KindRATING_CHANGED:
		return join(say(lang, "评分调整", "Rating changed"), ratingChange(lang, n))
	}
	return join(say(lang, "客户转交", "Account reassigned"), clip(n.Reason, 60))
}

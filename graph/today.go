package graph

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"tandem/domain/access"
	"tandem/domain/snooze"
	"tandem/ent"
	"tandem/ent/contact"
	"tandem/ent/customer"
	"tandem/ent/errcode"
	"tandem/ent/predicate"
	"tandem/ent/schema/pulid"
	"tandem/ent/user"
	"tandem/ent/viewer"
	"tandem/graph/model"
)

// viewerLang is the language the client shows (WithLang), else the signed-in user's
// stored locale (as the viewer carries it, else read): "zh" (the default) or "en".
func viewerLang(ctx context.Context, c *ent.Client) string {
	if l, ok := ctx.Value(langKey{}).(string); ok {
		return l
	}
	v := viewer.FromContext(ctx)
	if v == nil || v.UserID == "" {
		return "zh"
	}
	if v.Locale != "" {
		return say(v.Locale, "zh", "en")
	}
	u, err := c.User.Query().Where(user.ID(v.UserID)).Select(user.FieldLocale).Only(ctx)
	if err != nil || u.Locale != user.LocaleEn {
		return "zh"
	}
	return "en"
}

// days says a count of days in English ("1 day", "3 days").
func days(n int) string {
	if n == 1 || n == -1 {
		return fmt.Sprintf("%d day", n)
	}
	return fmt.Sprintf("%d days", n)
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

// todayContext is where a Today's sources read: the subject's own accounts
// (todayScope) as the viewer in ctx reads them. When those are one owner's (a rep's),
// the reader is narrowed to them (viewer.Narrowed); when they are the very accounts
// the reader reads (a manager's own Today), the reader is left as is. Either way the
// access rules alone keep each read to them, and scope is nil. Otherwise own is ctx
// and scope is todayScope's, for the sources to add.
func todayContext(ctx context.Context, subject *viewer.Viewer) (own context.Context, scope predicate.Customer, ok bool) {
	scope, ok = todayScope(subject)
	reader := viewer.FromContext(ctx)
	if !ok || reader == nil {
		return ctx, scope, ok
	}
	if owner, one := access.OwnAccountsOwner(subject); one {
		return viewer.NewContext(ctx, reader.Narrowed(owner)), nil, true
	}
	if reader.UserID == subject.UserID && reader.Role == subject.Role && reader.TeamID == subject.TeamID &&
		reader.AccountsOf == "" && access.OwnAccountsAreRead(subject) {
		return ctx, nil, true
	}
	return ctx, scope, ok
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
	// titleContact, when set, is the contact whose name becomes the title; it is
	// read only for the items the answer carries (a rep may have thousands overdue).
	titleContact pulid.ID
	// callContact, when set, is the contact whose number is the item's phone (else the
	// account's).
	callContact pulid.ID
	// nodeIsAccount: the item opens its account (read in full with the answer's accounts).
	nodeIsAccount bool
	// reasonFor, when set, writes the reason from the item's account (read with the
	// answer's accounts; nil when the viewer does not read it): a key person's contact
	// interval, an order's declining industry.
	reasonFor func(*ent.Customer) string
}

// todayRun is one building of a Today list: who asks, when, in which language, over
// which accounts, and the items found so far. Each source (today_*.go) adds its kind.
type todayRun struct {
	// ctx is where the sources read: narrowed to the subject's own accounts
	// (todayContext); asked is the request's, for what is not read by account (the
	// subject's tasks, wherever they are, and the catalogue's certificates).
	ctx, asked         context.Context
	c                  *ent.Client
	v                  *viewer.Viewer
	now, sod, tomorrow time.Time
	lang               string
	// scope is the accounts that are the viewer's own (nil: every account).
	scope predicate.Customer
	items []*todayItem
	// page is which items the answer carries; counted holds the full count of each
	// kind whose source read only the rows the page needs (see paged).
	page    todayPage
	counted map[model.TodayKind]int
	// snoozed is the records of each kind the viewer put aside (domain/snooze).
	snoozed map[string][]pulid.ID
	// mu guards items and counted: the sources run at once (runSources).
	mu sync.Mutex
}

// todayParallel is how many of a Today's sources read at once: each is one or two
// indexed reads, so the list takes about its slowest source rather than their sum,
// and one request holds at most this many of the pool's connections.
const todayParallel = 4

// runSources runs every source, todayParallel at a time, and returns the first
// error in the sources' order. Today is a query: its client is never a transaction's.
// Each of todayParallel goroutines takes the next source until none is left (one
// goroutine per source would grow a new stack for each).
func (t *todayRun) runSources() error {
	errs := make([]error, len(todaySources))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(todayParallel, len(todaySources)) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < len(todaySources); i = int(next.Add(1)) - 1 {
				errs[i] = t.runSource(i)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// runSource runs one source, a panic its error.
func (t *todayRun) runSource(i int) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("today: source %d: %v", i, p)
		}
	}()
	return todaySources[i](t)
}

// count records the full count of a kind whose source read only a page.
func (t *todayRun) count(kind model.TodayKind, n int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.counted[kind] = n
}

// asks reports whether the answer carries items of the kind.
func (t *todayRun) asks(kind model.TodayKind) bool {
	return t.page.first > 0 && (t.page.kind == nil || *t.page.kind == kind)
}

func (t *todayRun) add(kind model.TodayKind, id, customerID pulid.ID, node ent.Noder, title, reason string, due *time.Time) *todayItem {
	var d *time.Time
	if due != nil {
		u := due.UTC()
		d = &u
	}
	it := &todayItem{
		TodayItem: model.TodayItem{Kind: kind, Title: title, Reason: reason, Due: d, Node: node,
			Urgency: urgencyOf(kind, d, t.now), Members: 1},
		customerID: customerID, id: id,
	}
	if !t.asleep(kind, string(id)) {
		t.mu.Lock()
		t.items = append(t.items, it)
		t.mu.Unlock()
	}
	return it
}

// todaySources are the kinds of things on Today, each one query (or two).
// They start in the order of their usual cost, the dearest first (todayParallel run
// at once), so that the last to finish is a cheap one.
var todaySources = []func(*todayRun) error{
	todayKeyPersons, todayIssues, todayVisits, todayOrders, todaySamples, todayCertificates, todayReceipts, todayTasks,
	todayOrderRisks, todayNotices, todayEvaluationDecisions, todayEscalations, todayAgreements,
}

// today builds the signed-in person's list. Each source is one query per kind (for
// the kinds that grow with the book, a page and, when it is full, a count: see
// paged), the labels it needs (contacts, products, notices, customers) one more each:
// never more queries than a fixed number, whatever the data.
//
// The list is the subject's (whose accounts, tasks and snoozes: the viewer, or the
// person a manager opens, todaySubject); every query still runs as the viewer, so it
// holds only what the viewer reads (narrowed to the subject's accounts: todayContext).
func today(ctx context.Context, c *ent.Client, now time.Time, page todayPage, v *viewer.Viewer) (*model.Today, error) {
	now = now.UTC()
	own, scope, ok := todayContext(ctx, v)
	if !ok {
		out, _ := finishToday(nil, page, nil)
		return out, nil
	}
	sod := startOfDay(now)
	snoozed, err := snooze.Active(access.System(ctx, "Today: the person's snoozed items"), c, v.UserID, now)
	if err != nil {
		return nil, err
	}
	t := &todayRun{ctx: own, asked: ctx, c: c, v: v, now: now, sod: sod, tomorrow: sod.AddDate(0, 0, 1), lang: viewerLang(ctx, c), scope: scope,
		page: page, counted: map[model.TodayKind]int{}, snoozed: snoozed}
	if err := t.runSources(); err != nil {
		return nil, err
	}
	out, items := finishToday(t.items, page, t.counted)
	// The contacts and the accounts of the items answered: one query each, at once.
	var customers map[pulid.ID]*ent.Customer
	var contactErr error
	done := make(chan struct{})
	go func() {
		defer func() {
			if p := recover(); p != nil {
				contactErr = fmt.Errorf("today: contacts: %v", p)
			}
			close(done)
		}()
		contactErr = byContact(ctx, c, t.lang, items)
	}()
	customers, err = itemAccounts(ctx, c, items)
	<-done
	if err != nil {
		return nil, err
	}
	if contactErr != nil {
		return nil, contactErr
	}
	for _, it := range items {
		it.Customer = customers[it.customerID]
		if it.nodeIsAccount && it.Customer != nil {
			it.Node = it.Customer
		}
		if it.Phone == nil && it.Customer != nil && it.Customer.Phone != "" {
			it.Phone = &it.Customer.Phone
		}
		if it.reasonFor != nil {
			it.Reason = it.reasonFor(it.Customer)
		}
	}
	return out, nil
}

// itemAccounts reads the accounts of the items, by ID.
func itemAccounts(ctx context.Context, c *ent.Client, items []*todayItem) (map[pulid.ID]*ent.Customer, error) {
	var ids []pulid.ID
	seen := map[pulid.ID]bool{}
	for _, it := range items {
		if it.customerID != "" && !seen[it.customerID] {
			seen[it.customerID] = true
			ids = append(ids, it.customerID)
		}
	}
	customers := make(map[pulid.ID]*ent.Customer, len(ids))
	if len(ids) == 0 {
		return customers, nil
	}
	cs, err := c.Customer.Query().Where(customer.IDIn(ids...)).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, cu := range cs {
		customers[cu.ID] = cu
	}
	return customers, nil
}

// byContact gives the items answered that are titled by a contact its name, and those
// with a contact to call its mobile (else office phone), in one query; an item whose
// contact the viewer cannot read keeps its generic title and the account's phone.
func byContact(ctx context.Context, c *ent.Client, lang string, items []*todayItem) error {
	var ids []pulid.ID
	for _, it := range items {
		for _, id := range []pulid.ID{it.titleContact, it.callContact} {
			if id != "" {
				ids = append(ids, id)
			}
		}
	}
	if len(ids) == 0 {
		return nil
	}
	cs, err := c.Contact.Query().Where(contact.IDIn(ids...)).Select(contact.FieldName, contact.FieldMobile, contact.FieldPhone).All(ctx)
	if err != nil {
		return err
	}
	byID := make(map[pulid.ID]*ent.Contact, len(cs))
	for _, ct := range cs {
		byID[ct.ID] = ct
	}
	for _, it := range items {
		if ct, ok := byID[it.titleContact]; ok {
			it.Title = ct.Name
			if it.Members > 1 {
				it.Title = say(lang, fmt.Sprintf("%s 等 %d 人", ct.Name, it.Members), fmt.Sprintf("%s and %d more", ct.Name, it.Members-1))
			}
		}
		if ct, ok := byID[it.callContact]; ok {
			for _, n := range []string{ct.Mobile, ct.Phone} {
				if n != "" {
					it.Phone = &n
					break
				}
			}
		}
	}
	return nil
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

// todayPage is which items a Today answer carries: the first `first` of each kind from
// `offset` within it, of one kind or all.
type todayPage struct {
	kind          *model.TodayKind
	first, offset int
}

// The items of each kind a Today answer carries unless asked for more, and the most
// it carries: a rep's phone gets the most urgent of each kind, then asks per kind.
const (
	TodayFirst    = 5
	TodayMaxFirst = 100
)

func todayPageOf(kind *model.TodayKind, first, offset *int) (todayPage, error) {
	p := todayPage{kind: kind, first: TodayFirst}
	if first != nil {
		if *first < 1 || *first > TodayMaxFirst {
			return p, errcode.New(errcode.BadUserInput, "first: from 1 to %d items of each kind", TodayMaxFirst).With("field", "first")
		}
		p.first = *first
	}
	if offset != nil {
		if *offset < 0 {
			return p, errcode.New(errcode.BadUserInput, "offset: 0 or more").With("field", "offset")
		}
		p.offset = *offset
	}
	return p, nil
}

// finishToday sorts the items as a plan (by urgency, then due time, undated last),
// counts them per kind, and returns the answer with the page's items (whose customers
// the caller attaches).
func finishToday(items []*todayItem, page todayPage, counted map[model.TodayKind]int) (*model.Today, []*todayItem) {
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		switch {
		case a.Urgency != b.Urgency:
			return todayUrgencyRank[a.Urgency] < todayUrgencyRank[b.Urgency]
		case a.Due != nil && b.Due != nil && !a.Due.Equal(*b.Due):
			return a.Due.Before(*b.Due)
		case (a.Due == nil) != (b.Due == nil):
			return a.Due != nil
		case a.Kind != b.Kind:
			return todayKindRank[a.Kind] < todayKindRank[b.Kind]
		}
		return a.id < b.id
	})
	out := &model.Today{Items: []*model.TodayItem{}, Counts: make([]*model.TodayCount, 0, len(model.AllTodayKind))}
	count := map[model.TodayKind]int{}
	var kept []*todayItem
	for _, it := range items {
		at := count[it.Kind]
		count[it.Kind]++
		if page.kind != nil && it.Kind != *page.kind || at < page.offset || at >= page.offset+page.first {
			continue
		}
		kept = append(kept, it)
		out.Items = append(out.Items, &it.TodayItem)
	}
	for _, k := range model.AllTodayKind {
		n, ok := counted[k]
		if !ok {
			n = count[k]
		}
		c := &model.TodayCount{Kind: k, Count: n}
		if ok && n > TodayCountCap {
			c.Count, c.AtLeast, out.TotalAtLeast = TodayCountCap, true, true
		}
		out.Counts = append(out.Counts, c)
		out.Total += c.Count
	}
	return out, kept
}

package demo_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/schema"
	_ "modernc.org/sqlite"

	documents "tandem/domain/document"
	problems "tandem/domain/issue"
	orderrules "tandem/domain/order"
	samplerules "tandem/domain/sample"
	"tandem/ent"
	"tandem/ent/changenoticeack"
	"tandem/ent/contact"
	"tandem/ent/customer"
	"tandem/ent/document"
	"tandem/ent/interaction"
	"tandem/ent/issue"
	"tandem/ent/keyperson"
	"tandem/ent/marketinfo"
	"tandem/ent/marketinfoshare"
	"tandem/ent/migrate"
	"tandem/ent/need"
	"tandem/ent/order"
	"tandem/ent/orderevent"
	"tandem/ent/orderline"
	"tandem/ent/person"
	"tandem/ent/pricepoint"
	"tandem/ent/privacy"
	_ "tandem/ent/runtime"
	"tandem/ent/sample"
	"tandem/ent/sampleevent"
	"tandem/ent/schema/pulid"
	"tandem/ent/servicedocument"
	"tandem/ent/stagechange"
	"tandem/ent/task"
	"tandem/ent/trackingevent"
	"tandem/ent/trial"
	"tandem/ent/user"
	"tandem/server/demo"
)

var now = time.Date(2026, 5, 20, 3, 30, 0, 0, time.UTC)

// Other anchors: just after midnight on New Year (UTC), and a Chinese evening.
var nows = []time.Time{now, time.Date(2026, 1, 1, 0, 5, 0, 0, time.UTC), time.Date(2027, 7, 15, 14, 45, 10, 0, time.FixedZone("CST", 8*3600))}

func open(t *testing.T) *ent.Client {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "t.db")+"?_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_time_format=sqlite")
	if err != nil {
		t.Fatal(err)
	}
	c := ent.NewClient(ent.Driver(entsql.OpenDB(dialect.SQLite, db)))
	t.Cleanup(func() { c.Close() })
	if err := c.Schema.Create(context.Background()); err != nil {
		t.Fatal(err)
	}
	return c
}

func seed(t *testing.T, now time.Time) (*ent.Client, *demo.Result, int) {
	t.Helper()
	c := open(t)
	calls := 0
	hash := func(pw string) (string, error) {
		calls++
		if pw != demo.Password {
			return "", errors.New("unexpected password")
		}
		return fmt.Sprintf("x:%s:%d", pw, calls), nil
	}
	res, err := demo.Seed(context.Background(), c, now, hash)
	if err != nil {
		t.Fatal(err)
	}
	return c, res, calls
}

// tally counts how many rows have each value of one column.
func tally(t *testing.T) func(values []string, err error) map[string]int {
	return func(values []string, err error) map[string]int {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]int{}
		for _, v := range values {
			m[v]++
		}
		return m
	}
}

func allow() context.Context { return privacy.DecisionContext(context.Background(), privacy.Allow) }

// enum is every value the schema allows in a column.
func enum(t *testing.T, table *schema.Table, column string) []string {
	t.Helper()
	for _, c := range table.Columns {
		if c.Name == column && len(c.Enums) > 0 {
			return c.Enums
		}
	}
	t.Fatalf("%s.%s is not an enum", table.Name, column)
	return nil
}

func atLeast(t *testing.T, what string, got map[string]int, values []string, n int) {
	t.Helper()
	for _, v := range values {
		if got[v] < n {
			t.Errorf("%s %s: %d, want at least %d (all: %v)", what, v, got[string(v)], n, got)
		}
	}
}

func must[T any](t *testing.T) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func TestSeed(t *testing.T) {
	for _, n := range nows {
		t.Run(n.Format(time.RFC3339), func(t *testing.T) { testSeed(t, n) })
	}
}

func testSeed(t *testing.T, now time.Time) {
	c, res, calls := seed(t, now)
	now = now.UTC()
	ctx := allow()
	t.Logf("result: %+v", *res)

	if calls != len(res.Logins) || calls < 6 {
		t.Errorf("hash called %d times for %d logins; want once per user", calls, len(res.Logins))
	}
	users := must[[]*ent.User](t)(c.User.Query().All(ctx))
	if len(users) < 6 {
		t.Errorf("%d users", len(users))
	}
	hashes := map[string]bool{}
	for _, u := range users {
		hashes[u.PasswordHash] = true
	}
	if len(hashes) != len(users) {
		t.Errorf("users share password hashes")
	}
	byEmail := map[string]*ent.User{}
	for _, u := range users {
		byEmail[u.Email] = u
	}
	for email, role := range map[string]user.Role{"admin@demo.tandem": user.RoleADMIN, "manager@demo.tandem": user.RoleMANAGER,
		"rep1@demo.tandem": user.RoleREP, "rep2@demo.tandem": user.RoleREP, "rep3@demo.tandem": user.RoleREP, "analyst@demo.tandem": user.RoleANALYST} {
		if u := byEmail[email]; u == nil || u.Role != role {
			t.Errorf("%s: %v", email, u)
		}
	}
	if byEmail["manager@demo.tandem"].TeamID != byEmail["rep1@demo.tandem"].TeamID || byEmail["rep1@demo.tandem"].TeamID == byEmail["rep3@demo.tandem"].TeamID ||
		byEmail["analyst@demo.tandem"].TeamID != "" {
		t.Errorf("teams are wrong")
	}

	// Customers: 40, every stage twice, every lead source once, owners and teams right.
	custs := must[[]*ent.Customer](t)(c.Customer.Query().All(ctx))
	if len(custs) != 40 || res.Customers != 40 {
		t.Fatalf("%d customers", len(custs))
	}
	atLeast(t, "stage", tally(t)(c.Customer.Query().Select(customer.FieldStage).Strings(ctx)), enum(t, migrate.CustomersTable, customer.FieldStage), 2)
	atLeast(t, "lead source", tally(t)(c.Customer.Query().Select(customer.FieldLeadSource).Strings(ctx)), enum(t, migrate.CustomersTable, customer.FieldLeadSource), 1)
	owners := map[string]bool{}
	var refCust, refContact int
	for _, cu := range custs {
		var owner *ent.User
		for _, u := range users {
			if u.ID == cu.OwnerID {
				owner = u
			}
		}
		if owner == nil || cu.TeamID == "" || cu.TeamID != owner.TeamID {
			t.Errorf("%s: owner %v, team %s", cu.Name, owner, cu.TeamID)
			continue
		}
		owners[owner.Email] = true
		if cu.StageChangedAt == nil || cu.StageChangedAt.After(now) || !cu.StageChangedAt.After(now.AddDate(0, -19, 0)) {
			t.Errorf("%s: stage changed at %v", cu.Name, cu.StageChangedAt)
		}
		if cu.LeadSourceDetail == "" || strings.Contains(cu.LeadSourceDetail, "{Y}") {
			t.Errorf("%s: lead source detail %q", cu.Name, cu.LeadSourceDetail)
		}
		if cu.ReferrerCustomerID != "" {
			refCust++
		}
		if cu.ReferrerContactID != "" {
			refContact++
		}
		if (cu.Stage == customer.StageMAIN_SUPPLIER || cu.Stage == customer.StagePARTNER) && (cu.FounderHistory == "" || cu.DecisionMechanism == "") {
			t.Errorf("%s: no profile", cu.Name)
		}
		if cu.IndustryStatus == nil {
			t.Errorf("%s: no industry status", cu.Name)
		}
		// The newest stage change is the current stage, at stage_changed_at.
		last, err := c.StageChange.Query().Where(stagechange.CustomerID(cu.ID)).Order(ent.Desc(stagechange.FieldChangedAt)).First(ctx)
		if err != nil || string(last.ToStage) != string(cu.Stage) || !last.ChangedAt.Equal(*cu.StageChangedAt) {
			t.Errorf("%s: last stage change %v, %v", cu.Name, last, err)
		}
	}
	if len(owners) != 4 {
		t.Errorf("owners: %v", owners)
	}
	if refCust < 1 || refContact < 1 {
		t.Errorf("referrers: %d by customer, %d by contact", refCust, refContact)
	}

	// Samples, trials, conversions.
	atLeast(t, "sample status", tally(t)(c.Sample.Query().Select(sample.FieldStatus).Strings(ctx)), enum(t, migrate.SamplesTable, sample.FieldStatus), 2)
	samples := must[[]*ent.Sample](t)(c.Sample.Query().WithOrder().WithTrials().All(ctx))
	for _, s := range samples {
		shipped := slices.Contains([]sample.Status{sample.StatusSHIPPED, sample.StatusRECEIVED, sample.StatusLAB_TRIAL, sample.StatusPILOT_TRIAL,
			sample.StatusAPPROVED, sample.StatusCONVERTED}, s.Status)
		if shipped && (s.ShippedAt == nil || !s.DocManual || !s.DocMsds || !s.DocLabel || !s.DocPrecautions) {
			t.Errorf("sample %s %s: not shipped with documents", s.ID, s.Status)
		}
		if (s.Status == sample.StatusFAILED || s.Status == sample.StatusABANDONED) && s.StatusReason == "" {
			t.Errorf("sample %s %s: no reason", s.ID, s.Status)
		}
		if s.Status == sample.StatusCONVERTED && (s.Edges.Order == nil || s.Edges.Order.CustomerID != s.CustomerID) {
			t.Errorf("converted sample %s: order %v", s.ID, s.Edges.Order)
		}
		needTrial := slices.Contains([]sample.Status{sample.StatusLAB_TRIAL, sample.StatusPILOT_TRIAL, sample.StatusAPPROVED, sample.StatusCONVERTED, sample.StatusFAILED}, s.Status)
		if needTrial && len(s.Edges.Trials) == 0 {
			t.Errorf("sample %s %s: no trials", s.ID, s.Status)
		}
		for _, tr := range s.Edges.Trials {
			if tr.CustomerID != s.CustomerID || tr.TestStandard == "" || tr.Environmental == "" || tr.StartedAt == nil {
				t.Errorf("trial %s: %+v", tr.ID, tr)
			}
		}
		if s.RequestedAt.After(now) || s.ShippedAt != nil && s.ShippedAt.Before(s.RequestedAt) ||
			s.ReceivedAt != nil && (s.ShippedAt == nil || s.ReceivedAt.Before(*s.ShippedAt) || s.ReceivedAt.After(now)) {
			t.Errorf("sample %s: dates out of order", s.ID)
		}
	}

	// Every sample that left REQUESTED has one event per step, along the allowed path,
	// in time order, ending in its current status.
	sampleEvents := map[string][]*ent.SampleEvent{}
	for _, e := range must[[]*ent.SampleEvent](t)(c.SampleEvent.Query().Order(ent.Asc(sampleevent.FieldAt)).All(ctx)) {
		sampleEvents[string(e.SampleID)] = append(sampleEvents[string(e.SampleID)], e)
	}
	nEvents := 0
	for _, s := range samples {
		evs := sampleEvents[string(s.ID)]
		nEvents += len(evs)
		if s.Status == sample.StatusREQUESTED {
			if len(evs) > 0 {
				t.Errorf("requested sample %s has %d events", s.ID, len(evs))
			}
			continue
		}
		if len(evs) == 0 || string(evs[len(evs)-1].ToStatus) != string(s.Status) {
			t.Errorf("sample %s %s: events do not end in its status (%d events)", s.ID, s.Status, len(evs))
			continue
		}
		from, prev := string(samplerules.Requested), s.RequestedAt
		for _, e := range evs {
			to := string(e.ToStatus)
			if string(e.FromStatus) != from || !samplerules.Table.May(from, to) || e.At.Before(prev) || e.At.After(now) ||
				e.CustomerID != s.CustomerID || e.ActorID == "" {
				t.Errorf("sample %s: event %s → %s at %s (after %s at %s)", s.ID, e.FromStatus, to, e.At, from, prev)
			}
			if (to == string(samplerules.Failed) || to == string(samplerules.Abandoned)) && e.Note != s.StatusReason {
				t.Errorf("sample %s: %s without its reason", s.ID, to)
			}
			if to == string(samplerules.Shipped) && (s.ShippedAt == nil || !e.At.Equal(*s.ShippedAt)) {
				t.Errorf("sample %s: shipped event at %s, shipped at %v", s.ID, e.At, s.ShippedAt)
			}
			if to == string(samplerules.Received) && (s.ReceivedAt == nil || !e.At.Equal(*s.ReceivedAt)) {
				t.Errorf("sample %s: received event at %s, received at %v", s.ID, e.At, s.ReceivedAt)
			}
			from, prev = to, e.At
		}
	}
	if nEvents != res.SampleEvents || nEvents < 2*len(samples) {
		t.Errorf("%d sample events (result %d) for %d samples", nEvents, res.SampleEvents, len(samples))
	}

	// Orders: every status, checkpoints in order and never in the future, batches with COAs.
	atLeast(t, "order status", tally(t)(c.Order.Query().Select(order.FieldStatus).Strings(ctx)), enum(t, migrate.OrdersTable, order.FieldStatus), 1)
	orders := must[[]*ent.Order](t)(c.Order.Query().WithLines().WithShipments(func(q *ent.ShipmentQuery) { q.WithEvents() }).
		WithEvents().All(ctx))
	coas := map[string]bool{}
	for _, d := range must[[]*ent.Document](t)(c.Document.Query().Where(document.TypeEQ(document.TypeCOA)).All(ctx)) {
		coas[d.BatchNo] = d.StorageKey != "" && d.Sha256 != "" // a COA with its file
	}
	evals := 0
	for _, o := range orders {
		if o.IsEvaluation {
			evals++
		}
		var prev time.Time = o.OrderedAt
		for _, cp := range []*time.Time{o.ConfirmedAt, o.ContractSignedAt, o.ProductionDateCheckedAt, o.BatchCheckedAt, o.LabellingCheckedAt,
			o.PackagingCheckedAt, o.ShippedAt, o.DeliveredAt, o.InvoicedAt, o.PaidAt, o.ClosedAt} {
			if cp == nil {
				continue
			}
			if cp.Before(prev) || cp.After(now) {
				t.Errorf("order %s: checkpoints out of order", o.Number)
			}
			prev = *cp
		}
		if (o.Status == order.StatusDELIVERED || o.Status == order.StatusCLOSED) && (len(o.Edges.Shipments) == 0 || !o.Edges.Shipments[0].DeliveryNoteSigned) {
			t.Errorf("order %s %s without a signed delivery note", o.Number, o.Status)
		}
		if o.Status == order.StatusCLOSED && (o.InvoicedAt == nil || o.PaidAt == nil) {
			t.Errorf("order %s closed without invoice and payment", o.Number)
		}
		if len(o.Edges.Lines) == 0 || len(o.Edges.Lines) > 3 {
			t.Errorf("order %s: %d lines", o.Number, len(o.Edges.Lines))
		}
		for _, l := range o.Edges.Lines {
			if l.CustomerID != o.CustomerID {
				t.Errorf("line of %s belongs to another customer", o.Number)
			}
			if l.BatchNo != "" && !coas[l.BatchNo] {
				t.Errorf("order %s: batch %s has no COA with its file", o.Number, l.BatchNo)
			}
			if o.ShippedAt == nil && o.Status != order.StatusCANCELLED && l.BatchNo != "" &&
				(l.ProductionDate == nil || l.ProductionDate.Before(now.AddDate(0, -12, 0))) {
				t.Errorf("order %s: batch %s to ship is too old or undated", o.Number, l.BatchNo)
			}
			if o.Status != order.StatusOPEN && o.Status != order.StatusCANCELLED && l.BatchNo == "" {
				t.Errorf("order %s %s: line without batch", o.Number, o.Status)
			}
		}
		for _, sh := range o.Edges.Shipments {
			if sh.CustomerID != o.CustomerID || len(sh.Edges.Events) < 2 || len(sh.Edges.Events) > 4 {
				t.Errorf("shipment of %s: %d events", o.Number, len(sh.Edges.Events))
			}
		}
	}
	if evals < 10 {
		t.Errorf("%d evaluation orders", evals)
	}

	// Every checkpoint of an order has its event, by the owner, at the checkpoint's
	// time, after the steps it needs; a cancelled order says when and why.
	nOrderEvents := 0
	for _, o := range orders {
		if o.ConfirmedAt != nil && o.DeliveryDate == nil {
			t.Errorf("order %s confirmed without a delivery date", o.Number)
		}
		if (o.Status == order.StatusCANCELLED) != (o.CancelledAt != nil) || o.CancelledAt != nil && (o.CancelReason == "" || o.CancelledAt.After(now)) {
			t.Errorf("order %s %s: cancelled at %v, reason %q", o.Number, o.Status, o.CancelledAt, o.CancelReason)
		}
		byStep := map[orderevent.Step]*ent.OrderEvent{}
		for _, e := range o.Edges.Events {
			if byStep[e.Step] != nil || e.CustomerID != o.CustomerID || e.ActorID == "" {
				t.Errorf("order %s: event %s repeated or incomplete", o.Number, e.Step)
			}
			byStep[e.Step] = e
		}
		nOrderEvents += len(o.Edges.Events)
		checkpoints := map[orderevent.Step]*time.Time{
			orderevent.StepCONFIRMED: o.ConfirmedAt, orderevent.StepCONTRACT_SIGNED: o.ContractSignedAt,
			orderevent.StepLABELLING_CHECKED: o.LabellingCheckedAt, orderevent.StepPRODUCTION_DATE_CHECKED: o.ProductionDateCheckedAt,
			orderevent.StepBATCH_CHECKED: o.BatchCheckedAt, orderevent.StepPACKAGING_CHECKED: o.PackagingCheckedAt,
			orderevent.StepSHIPPED: o.ShippedAt, orderevent.StepDELIVERED: o.DeliveredAt, orderevent.StepINVOICED: o.InvoicedAt,
			orderevent.StepPAID: o.PaidAt, orderevent.StepCLOSED: o.ClosedAt, orderevent.StepCANCELLED: o.CancelledAt,
		}
		for step, at := range checkpoints {
			e := byStep[step]
			switch {
			case at == nil && e != nil:
				t.Errorf("order %s: event %s without its checkpoint", o.Number, step)
			case at != nil && (e == nil || !e.At.Equal(*at)):
				t.Errorf("order %s: checkpoint %s at %s has event %v", o.Number, step, at, e)
			}
		}
		for _, e := range o.Edges.Events {
			for _, need := range orderrules.Needs(e.Step) {
				if before := byStep[orderevent.Step(need)]; before == nil || before.At.After(e.At) {
					t.Errorf("order %s: %s before %s", o.Number, e.Step, need)
				}
			}
		}
	}
	if nOrderEvents != res.OrderEvents || nOrderEvents < 3*len(orders) {
		t.Errorf("%d order events (result %d) for %d orders", nOrderEvents, res.OrderEvents, len(orders))
	}

	// Service ladders: 说明书 → 质检单 → MSDS → SGS → 应用评估数据, each rung later.
	ladder := []servicedocument.Type{servicedocument.TypeMANUAL_TDS, servicedocument.TypeCOA, servicedocument.TypeMSDS,
		servicedocument.TypeSGS_REPORT, servicedocument.TypeAPPLICATION_DATA}
	rungs := map[string]map[servicedocument.Type]*ent.ServiceDocument{}
	sds := must[[]*ent.ServiceDocument](t)(c.ServiceDocument.Query().All(ctx))
	for _, d := range sds {
		if rungs[string(d.CustomerID)] == nil {
			rungs[string(d.CustomerID)] = map[servicedocument.Type]*ent.ServiceDocument{}
		}
		if rungs[string(d.CustomerID)][d.Type] != nil || d.Since.After(now) || d.Until != nil && (d.Until.Before(d.Since) || d.Until.After(now)) {
			t.Errorf("service document %s %s: since %s until %v", d.CustomerID, d.Type, d.Since, d.Until)
		}
		rungs[string(d.CustomerID)][d.Type] = d
	}
	if len(sds) != res.ServiceDocuments {
		t.Errorf("%d service documents, result %d", len(sds), res.ServiceDocuments)
	}
	dormantUntil := 0
	for _, cu := range custs {
		r := rungs[string(cu.ID)]
		want := map[customer.Stage]int{customer.StageEVALUATION: 1, customer.StageMAIN_SUPPLIER: 3, customer.StagePARTNER: 5}[cu.Stage]
		for k, typ := range ladder[:want] {
			if r[typ] == nil {
				t.Errorf("%s %s: no %s rung", cu.Name, cu.Stage, typ)
			} else if k > 0 && r[ladder[k-1]] != nil && !r[typ].Since.After(r[ladder[k-1]].Since) {
				t.Errorf("%s: %s since %s, not after %s", cu.Name, typ, r[typ].Since, ladder[k-1])
			}
		}
		if cu.Stage == customer.StagePARTNER && len(r) < 4 {
			t.Errorf("partner %s: %d service rungs", cu.Name, len(r))
		}
		for _, d := range r {
			if cu.Stage == customer.StageDORMANT && d.Until != nil {
				dormantUntil++
			}
		}
	}
	if dormantUntil == 0 {
		t.Errorf("no dormant account stopped receiving a service document")
	}

	// Issues cover every category and root cause.
	atLeast(t, "issue category", tally(t)(c.Issue.Query().Select(issue.FieldCategory).Strings(ctx)), enum(t, migrate.IssuesTable, issue.FieldCategory), 1)
	atLeast(t, "issue root cause", tally(t)(c.Issue.Query().Select(issue.FieldRootCause).Strings(ctx)), enum(t, migrate.IssuesTable, issue.FieldRootCause), 1)
	atLeast(t, "issue status", tally(t)(c.Issue.Query().Select(issue.FieldStatus).Strings(ctx)), enum(t, migrate.IssuesTable, issue.FieldStatus), 1)
	pastSLA := 0
	for _, is := range must[[]*ent.Issue](t)(c.Issue.Query().All(ctx)) {
		found := slices.Contains([]issue.Status{issue.StatusROOT_CAUSE_FOUND, issue.StatusDISPOSITION, issue.StatusRESOLVED, issue.StatusCLOSED}, is.Status)
		done := is.Status == issue.StatusRESOLVED || is.Status == issue.StatusCLOSED
		if found && is.RootCause == issue.RootCauseUNDETERMINED {
			t.Errorf("issue %q %s without a root cause", is.Title, is.Status)
		}
		if done != (is.ResolvedAt != nil) || done && is.Resolution == "" {
			t.Errorf("issue %q %s: resolved at %v, resolution %q", is.Title, is.Status, is.ResolvedAt, is.Resolution)
		}
		if (is.Status == issue.StatusCLOSED) != (is.ClosedAt != nil) || is.ClosedAt != nil && is.ClosedAt.Before(*is.ResolvedAt) {
			t.Errorf("issue %q %s: closed at %v", is.Title, is.Status, is.ClosedAt)
		}
		if (is.Status == issue.StatusOPEN) != (is.RespondedAt == nil) {
			t.Errorf("issue %q %s: responded at %v", is.Title, is.Status, is.RespondedAt)
		}
		for _, at := range []*time.Time{is.RespondedAt, is.OnsiteAt} {
			if at != nil && (at.Before(is.ReportedAt) || at.After(now)) {
				t.Errorf("issue %q: response or visit at %s, reported %s", is.Title, at, is.ReportedAt)
			}
		}
		if is.Status == issue.StatusOPEN && is.ReportedAt.Before(now.Add(-problems.SLAs[is.Severity].Respond)) {
			pastSLA++
		}
	}
	if pastSLA == 0 {
		t.Errorf("no open issue past its response SLA")
	}

	// Interactions: every kind, a few private; tasks overdue, due soon and done.
	atLeast(t, "interaction kind", tally(t)(c.Interaction.Query().Select(interaction.FieldKind).Strings(ctx)), enum(t, migrate.InteractionsTable, interaction.FieldKind), 1)
	if n := must[int](t)(c.Interaction.Query().Where(interaction.Private(true)).Count(ctx)); n < 2 {
		t.Errorf("%d private interactions", n)
	}
	// Nothing lies ahead but a visit planned for later today.
	sod := now.Truncate(24 * time.Hour)
	tomorrow := sod.Add(24 * time.Hour)
	for _, in := range must[[]*ent.Interaction](t)(c.Interaction.Query().Where(interaction.OccurredAtGT(now)).All(ctx)) {
		if in.Kind != interaction.KindVISIT || !in.OccurredAt.Before(tomorrow) || in.Findings != "" {
			t.Errorf("interaction in the future: %s %s %q", in.OccurredAt, in.Kind, in.Summary)
		}
	}
	if n := must[int](t)(c.Interaction.Query().Where(interaction.Not(interaction.HasOurParticipants())).Count(ctx)); n > 0 {
		t.Errorf("%d interactions without our participants", n)
	}
	overdue := must[int](t)(c.Task.Query().Where(task.StatusEQ(task.StatusOPEN), task.DueAtLT(now)).Count(ctx))
	soon := must[int](t)(c.Task.Query().Where(task.StatusEQ(task.StatusOPEN), task.DueAtGTE(now), task.DueAtLT(now.AddDate(0, 0, 7))).Count(ctx))
	done := must[int](t)(c.Task.Query().Where(task.StatusEQ(task.StatusDONE)).Count(ctx))
	if overdue < 3 || soon < 3 || done < 10 {
		t.Errorf("tasks: %d overdue, %d due this week, %d done", overdue, soon, done)
	}
	if n := must[int](t)(c.KeyPerson.Query().Where(keyperson.ActiveToNotNil()).Count(ctx)); n < 5 {
		t.Errorf("%d ended key persons", n)
	}
	if n := must[int](t)(c.KeyPerson.Query().Where(keyperson.ActiveToNotNil(), keyperson.EndedReason("")).Count(ctx)); n > 0 {
		t.Errorf("%d ended key persons without a reason", n)
	}

	// After-sale accounts have needs found on visits, in problems, from peers and the market.
	afterSale := customer.StageIn(customer.StageMAIN_SUPPLIER, customer.StagePARTNER)
	sources := tally(t)(c.Need.Query().Where(need.HasCustomerWith(afterSale)).Select(need.FieldSource).Strings(ctx))
	atLeast(t, "after-sale need source", sources, []string{"VISIT_FINDING", "ISSUE", "PEER_INFO", "MARKET_INFO"}, 2)
	for _, cu := range custs {
		if cu.Stage != customer.StageMAIN_SUPPLIER && cu.Stage != customer.StagePARTNER {
			continue
		}
		if n := must[int](t)(c.Need.Query().Where(need.CustomerID(cu.ID), need.SourceNEQ(need.SourceANALYSIS)).Count(ctx)); n < 2 {
			t.Errorf("%s: %d needs found after the sale", cu.Name, n)
		}
	}

	// rep1's Today list has something of every kind.
	rep1 := byEmail["rep1@demo.tandem"]
	mine := customer.OwnerID(rep1.ID)
	today := map[string]int{
		"visit planned today": must[int](t)(c.Interaction.Query().Where(interaction.KindEQ(interaction.KindVISIT), interaction.HasCustomerWith(mine),
			interaction.OccurredAtGT(now.Add(-6*time.Minute)), interaction.OccurredAtGTE(sod), interaction.OccurredAtLT(tomorrow)).Count(ctx)),
		"task due today": must[int](t)(c.Task.Query().Where(task.AssigneeID(rep1.ID), task.StatusEQ(task.StatusOPEN),
			task.DueAtGTE(now), task.DueAtLT(tomorrow)).Count(ctx)),
		"overdue task": must[int](t)(c.Task.Query().Where(task.AssigneeID(rep1.ID), task.StatusEQ(task.StatusOPEN), task.DueAtLT(now)).Count(ctx)),
		"late order": must[int](t)(c.Order.Query().Where(order.HasCustomerWith(mine), order.StatusNotIn(order.StatusCLOSED, order.StatusCANCELLED, order.StatusDELIVERED),
			order.DeliveredAtIsNil(), order.DeliveryDateLT(now)).Count(ctx)),
		"sample not received": must[int](t)(c.Sample.Query().Where(sample.HasCustomerWith(mine), sample.StatusEQ(sample.StatusSHIPPED),
			sample.ShippedAtLT(now.AddDate(0, 0, -samplerules.ShippedNotReceivedDays))).Count(ctx)),
	}
	for what, n := range today {
		if want := map[string]int{"overdue task": 2}[what]; n < max(want, 1) {
			t.Errorf("rep1's Today list has no %s (%v)", what, today)
		}
	}

	// Change notices list buyers; confidential information is never shared.
	for _, cn := range must[[]*ent.ChangeNotice](t)(c.ChangeNotice.Query().WithAcks().All(ctx)) {
		acked := 0
		for _, a := range cn.Edges.Acks {
			if a.AcknowledgedAt != nil {
				acked++
			}
		}
		if len(cn.Edges.Acks) < 2 || acked == 0 || acked == len(cn.Edges.Acks) {
			t.Errorf("change notice %q: %d acks, %d acknowledged", cn.Title, len(cn.Edges.Acks), acked)
		}
	}
	if n := must[int](t)(c.MarketInfoShare.Query().Where().Count(ctx)); n < 5 {
		t.Errorf("%d market info shares", n)
	}
	if n := must[int](t)(c.MarketInfo.Query().Where(marketinfo.ConfidentialOrigin(true), marketinfo.HasShares()).Count(ctx)); n != 0 {
		t.Errorf("confidential information was shared")
	}
	if n := must[int](t)(c.Document.Query().Where(document.SupersedesIDNotNil()).Count(ctx)); n < 1 {
		t.Errorf("no superseding document")
	}

	// Nothing that happened lies in the future.
	future := map[string]int{
		"customer":      must[int](t)(c.Customer.Query().Where(customer.CreatedAtGT(now)).Count(ctx)),
		"stage change":  must[int](t)(c.StageChange.Query().Where(stagechange.ChangedAtGT(now)).Count(ctx)),
		"trial":         must[int](t)(c.Trial.Query().Where(trial.Or(trial.StartedAtGT(now), trial.FinishedAtGT(now))).Count(ctx)),
		"tracking":      must[int](t)(c.TrackingEvent.Query().Where(trackingevent.AtGT(now)).Count(ctx)),
		"issue":         must[int](t)(c.Issue.Query().Where(issue.Or(issue.ReportedAtGT(now), issue.ResolvedAtGT(now))).Count(ctx)),
		"key person":    must[int](t)(c.KeyPerson.Query().Where(keyperson.Or(keyperson.LastContactedAtGT(now), keyperson.ActiveFromGT(now))).Count(ctx)),
		"share":         must[int](t)(c.MarketInfoShare.Query().Where(marketinfoshare.SharedAtGT(now)).Count(ctx)),
		"price point":   must[int](t)(c.PricePoint.Query().Where(pricepoint.ObservedAtGT(now)).Count(ctx)),
		"task done":     must[int](t)(c.Task.Query().Where(task.DoneAtGT(now)).Count(ctx)),
		"document":      must[int](t)(c.Document.Query().Where(document.PublishedAtGT(now)).Count(ctx)),
		"change notice": must[int](t)(c.ChangeNoticeAck.Query().Where(changenoticeack.AcknowledgedAtGT(now)).Count(ctx)),
		"issue step":    must[int](t)(c.Issue.Query().Where(issue.Or(issue.RespondedAtGT(now), issue.OnsiteAtGT(now), issue.ClosedAtGT(now))).Count(ctx)),
		"sample event":  must[int](t)(c.SampleEvent.Query().Where(sampleevent.AtGT(now)).Count(ctx)),
		"order event":   must[int](t)(c.OrderEvent.Query().Where(orderevent.AtGT(now)).Count(ctx)),
		"service rung":  must[int](t)(c.ServiceDocument.Query().Where(servicedocument.SinceGT(now)).Count(ctx)),
		"need":          must[int](t)(c.Need.Query().Where(need.CreatedAtGT(now)).Count(ctx)),
	}
	for what, n := range future {
		if n > 0 {
			t.Errorf("%d %s rows in the future", n, what)
		}
	}

	// Persons: every contact with a mobile, email or WeChat ID is one; the advisor is a
	// champion at two customers, so the analysts' question has an answer.
	if unlinked := must[int](t)(c.Contact.Query().Where(contact.PersonIDIsNil(), contact.Or(contact.MobileNEQ(""), contact.EmailNEQ(""))).Count(ctx)); unlinked > 0 {
		t.Errorf("%d contacts with an identity and no person", unlinked)
	}
	if n := must[int](t)(c.Person.Query().Count(ctx)); n != res.Persons || n == 0 || n >= res.Contacts {
		t.Errorf("%d persons (result %d) for %d contacts", n, res.Persons, res.Contacts)
	}
	several := must[[]*ent.Person](t)(c.Person.Query().Where(person.ChampionAccountsGT(1)).WithContacts(func(q *ent.ContactQuery) {
		q.WithCustomer().WithKeyPersons()
	}).All(ctx))
	if len(several) != 1 {
		t.Fatalf("%d persons are champions at more than one customer, want the advisor", len(several))
	}
	advisor := several[0]
	var at []string
	for _, ct := range advisor.Edges.Contacts {
		at = append(at, ct.Edges.Customer.Name)
	}
	slices.Sort(at)
	if advisor.Accounts != 2 || advisor.ChampionAccounts != 2 || fmt.Sprint(at) != "[嘉兴瑞丰塑胶有限公司 宁波华塑新材料有限公司]" {
		t.Errorf("advisor %s (%s): accounts %d, champion at %d, contacts at %v", advisor.Name, advisor.Key, advisor.Accounts, advisor.ChampionAccounts, at)
	}
	t.Logf("the advisor: %s, mobile %s, champion at %v", advisor.Name, advisor.Key, at)
	kps := must[[]*ent.KeyPerson](t)(c.KeyPerson.Query().Where(keyperson.AttitudeEQ(keyperson.AttitudeCHAMPION),
		keyperson.HasContactWith(contact.HasPersonWith(person.ChampionAccountsGT(1)))).All(ctx))
	if len(kps) != 2 || kps[0].CustomerID == kps[1].CustomerID {
		t.Errorf("champion key persons of persons champion at several customers: %d", len(kps))
	}

	// Every product that has samples shipped has its current MSDS and TDS on file, with
	// their files among the demo's (送样 needs them: domain/sample.MissingForShipping).
	shippedProducts := must[[]string](t)(c.Sample.Query().Where(sample.ShippedAtNotNil()).Unique(true).Select(sample.FieldProductID).Strings(ctx))
	if len(shippedProducts) == 0 {
		t.Error("no sample was shipped")
	}
	for _, pid := range shippedProducts {
		for _, typ := range []document.Type{document.TypeMSDS, document.TypeMANUAL_TDS} {
			d, err := documents.CurrentAt(ctx, c, pulid.ID(pid), typ, now)
			switch {
			case err != nil:
				t.Fatal(err)
			case d == nil:
				t.Errorf("product %s has shipped samples but no current %s", pid, typ)
			case fmt.Sprintf("%x", sha256.Sum256(res.Files[d.StorageKey])) != d.Sha256:
				t.Errorf("%s: the file under %q does not match its sha256", d.Title, d.StorageKey)
			}
		}
	}

	// A second run refuses to touch a filled database.
	if _, err := demo.Seed(context.Background(), c, now, func(string) (string, error) { return "x", nil }); !errors.Is(err, demo.ErrNotEmpty) {
		t.Errorf("second seed: %v", err)
	}
}

func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestDeterministic seeds two databases and compares what a user would see.
func TestDeterministic(t *testing.T) {
	fingerprint := func() string {
		c, res, _ := seed(t, now)
		ctx := allow()
		var b strings.Builder
		fmt.Fprintf(&b, "%+v\n", *res)
		for _, cu := range must[[]*ent.Customer](t)(c.Customer.Query().Order(ent.Asc(customer.FieldName)).All(ctx)) {
			fmt.Fprintln(&b, cu.Name, cu.Stage, cu.StageChangedAt, cu.CreatedAt, deref(cu.Scale), deref(cu.Demand))
		}
		for _, o := range must[[]*ent.Order](t)(c.Order.Query().Order(ent.Asc(order.FieldNumber)).
			WithLines(func(q *ent.OrderLineQuery) {
				q.Order(ent.Asc(orderline.FieldBatchNo), ent.Asc(orderline.FieldQuantity))
			}).All(ctx)) {
			fmt.Fprintln(&b, o.Number, o.Status, o.OrderedAt, len(o.Edges.Lines))
			for _, l := range o.Edges.Lines {
				fmt.Fprintln(&b, " ", l.Quantity, *l.UnitPrice, l.BatchNo)
			}
		}
		for _, i := range must[[]*ent.Interaction](t)(c.Interaction.Query().Order(ent.Asc(interaction.FieldOccurredAt), ent.Asc(interaction.FieldSummary)).All(ctx)) {
			fmt.Fprintln(&b, i.OccurredAt, i.Kind, i.Summary)
		}
		for _, e := range must[[]*ent.SampleEvent](t)(c.SampleEvent.Query().Order(ent.Asc(sampleevent.FieldAt), ent.Asc(sampleevent.FieldToStatus), ent.Asc(sampleevent.FieldNote)).All(ctx)) {
			fmt.Fprintln(&b, e.At, e.FromStatus, e.ToStatus, e.Note)
		}
		for _, e := range must[[]*ent.OrderEvent](t)(c.OrderEvent.Query().Order(ent.Asc(orderevent.FieldAt), ent.Asc(orderevent.FieldStep), ent.Asc(orderevent.FieldNote)).All(ctx)) {
			fmt.Fprintln(&b, e.At, e.Step, e.Note)
		}
		for _, d := range must[[]*ent.ServiceDocument](t)(c.ServiceDocument.Query().Order(ent.Asc(servicedocument.FieldSince), ent.Asc(servicedocument.FieldType)).All(ctx)) {
			fmt.Fprintln(&b, d.Since, d.Type, deref(d.Until), d.Note)
		}
		return b.String()
	}
	if a, b := fingerprint(), fingerprint(); a != b {
		al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
		for i := range min(len(al), len(bl)) {
			if al[i] != bl[i] {
				t.Errorf("two seeds differ at line %d:\n%s\n%s", i, al[i], bl[i])
				break
			}
		}
	}
}

package app_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"tandem/ent"
	"tandem/ent/issue"
	"tandem/ent/trial"
	"tandem/ent/webhookdelivery"
)

// The attacks of issue 9, each as the person who would try it. Each would succeed
// without its defence (the scoping of relation filters, the partner allow-list, the
// market information rules, the private task rule, the document rule).

// count runs a query and returns one totalCount (-1 when refused).
func (e *env) countOf(token, query string, vars map[string]any, path ...any) int {
	e.t.Helper()
	r := e.do(token, query, vars)
	if len(r.Errors) > 0 {
		if r.code() == "FORBIDDEN" {
			return -1
		}
		e.t.Fatalf("%s: %+v", query, r.Errors)
	}
	return num(dig(r.Data, path...))
}

// A rep rebuilds another team's contact's mobile digit by digit through users,
// teams or products — or through the CSV export. Every such count is 0 for them,
// while an admin (the control) counts the row.
func TestRelationFiltersDoNotAnswerForHiddenRows(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		f, c := e.f, e.app.DB.Client
		c.Contact.UpdateOneID(f.southContact.ID).SetMobile("13912345678").ExecX(e.sys)
		rep1, admin := e.token(f.rep1), e.token(f.admin)
		probes := []struct{ query, root string }{
			{`{ users(first: 5, where: {hasOwnedCustomersWith: [{hasContactsWith: [{mobileHasPrefix: "1391"}]}]}) { totalCount } }`, "users"},
			{`{ teams(first: 5, where: {hasCustomersWith: [{hasContactsWith: [{mobileHasPrefix: "1391"}]}]}) { totalCount } }`, "teams"},
			{`{ products(first: 5, where: {hasSamplesWith: [{hasCustomerWith: [{hasContactsWith: [{mobile: "13912345678"}]}]}]}) { totalCount } }`, "products"},
			{`{ users(first: 5, where: {hasOwnedCustomers: true, hasOwnedCustomersWith: [{nameContains: "佛山"}]}) { totalCount } }`, "users"},
		}
		for _, p := range probes {
			if n := e.countOf(admin, p.query, nil, p.root, "totalCount"); n != 1 {
				t.Fatalf("control: admin counts %d for %s", n, p.query)
			}
			if n := e.countOf(rep1, p.query, nil, p.root, "totalCount"); n != 0 {
				t.Errorf("LEAK: rep1 counts %d for %s", n, p.query)
			}
		}
		// The CSV export runs the same filters.
		req := map[string]any{"connection": "users", "query": `query Q($after: Cursor) { users(first: 100, after: $after,
			where: {hasOwnedCustomersWith: [{hasContactsWith: [{mobileHasPrefix: "1391"}]}]}) { pageInfo { hasNextPage endCursor } edges { node { email } } } }`}
		if rows := e.exportCSVRows(admin, req); len(rows) != 2 {
			t.Fatalf("control: admin export has %d rows", len(rows))
		}
		if rows := e.exportCSVRows(rep1, req); len(rows) > 1 {
			t.Errorf("LEAK: rep1's export lists %v", rows[1:])
		}

		// Private interactions: their text is not the analyst's, nor a teammate's.
		q := `{ customers(first: 5, where: {hasInteractionsWith: [{private: true, findingsContains: "private find"}]}) { totalCount } }`
		if n := e.countOf(rep1, q, nil, "customers", "totalCount"); n != 1 {
			t.Fatalf("control: the author counts %d", n)
		}
		for _, who := range []string{e.token(f.analyst), e.token(f.rep2)} {
			if n := e.countOf(who, q, nil, "customers", "totalCount"); n != 0 {
				t.Errorf("LEAK: a private interaction's text answers %d", n)
			}
		}
	})
}

// exportCSVRows exports as the token and returns the CSV rows (the header first).
func (e *env) exportCSVRows(token string, req map[string]any) [][]string {
	e.t.Helper()
	status, _, body := e.export(token, req)
	if status != 200 {
		e.t.Fatalf("export: %d %s", status, body)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\xEF\xBB\xBF")))).ReadAll()
	if err != nil {
		e.t.Fatal(err)
	}
	return rows
}

// A partner is a customer: it never reads our judgement of it — a problem's root
// cause (DELIBERATE) and our notes on it, a trial's rating of its technical level and
// equipment — by field, by filter or by webhook.
func TestPartnerDoesNotReadOurJudgement(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		f, c := e.f, e.app.DB.Client
		admin := e.token(f.admin)
		tok, _ := e.ptIssue(admin, f.acmeEast.ID, "issues:read", "samples:read", "webhooks:manage")
		is := c.Issue.Create().SetCustomerID(f.acmeEast.ID).SetTitle("Yellowing after 200 h").SetCategory(issue.CategoryQUALITY_FLUCTUATION).
			SetRootCause(issue.RootCauseDELIBERATE).SetJointRootCauseWork("their shift lead mixed in a competitor's masterbatch").SaveX(e.sys)
		tr := c.Trial.Create().SetSampleID(f.acmeSample.ID).SetKind(trial.KindLAB).SetCustomerTechLevel(2).
			SetEquipment("old single-screw extruders").SetResults("passed colour").SaveX(e.sys)

		for _, c := range []struct {
			id    any
			query string
		}{
			{is.ID, `query($id: ID!) { node(id: $id) { ... on Issue { title rootCause } } }`},
			{is.ID, `query($id: ID!) { node(id: $id) { ... on Issue { title jointRootCauseWork } } }`},
			{tr.ID, `query($id: ID!) { node(id: $id) { ... on Trial { results customerTechLevel } } }`},
			{tr.ID, `query($id: ID!) { node(id: $id) { ... on Trial { results equipment testEquipment } } }`},
		} {
			r := e.do(tok, c.query, map[string]any{"id": c.id})
			if r.code() != "FORBIDDEN" || ptHasValue(r.Data, "rootCause") || ptHasValue(r.Data, "customerTechLevel") ||
				ptHasValue(r.Data, "equipment") || ptHasValue(r.Data, "jointRootCauseWork") {
				t.Errorf("LEAK %s: %v %+v", c.query, r.Data, r.Errors)
			}
		}
		for _, q := range []string{
			`{ issues(first: 5, where: {rootCause: DELIBERATE}) { totalCount } }`,
			`{ issues(first: 5, where: {jointRootCauseWorkContains: "competitor"}) { totalCount } }`,
			`{ trials(first: 5, where: {customerTechLevelLTE: 2}) { totalCount } }`,
			`{ samples(first: 5, where: {hasTrialsWith: [{equipmentContains: "single-screw"}]}) { totalCount } }`,
		} {
			if r := e.do(tok, q, nil); r.code() != "FORBIDDEN" {
				t.Errorf("LEAK: a partner filters with %s: %v", q, r.Data)
			}
		}
		// Control: what is the partner's it reads.
		d := e.ok(tok, `query($i: ID!, $t: ID!) { i: node(id: $i) { ... on Issue { title status } } t: node(id: $t) { ... on Trial { results outcome } } }`,
			map[string]any{"i": is.ID, "t": tr.ID})
		if dig(d, "i", "title") != "Yellowing after 200 h" || dig(d, "t", "results") != "passed colour" {
			t.Fatalf("control: %v", d)
		}
		// The webhook of a problem's change carries no root cause.
		c.WebhookEndpoint.Create().SetCustomerID(f.acmeEast.ID).SetURL("https://erp.example/hook").SetEvents([]string{"issue.updated"}).
			SetSecret("whsec_test").ExecX(e.sys)
		c.Issue.UpdateOneID(is.ID).SetTitle("Yellowing after 200 h (lot 7)").ExecX(e.sys)
		del := c.WebhookDelivery.Query().Where(webhookdelivery.EventType("issue.updated")).OnlyX(e.sys)
		if !strings.Contains(del.Payload, "lot 7") || strings.Contains(del.Payload, "DELIBERATE") || strings.Contains(del.Payload, "rootCause") {
			t.Errorf("webhook payload: %s", del.Payload)
		}
	})
}

// Market information (信息交流): what was learned in confidence stays with its author and
// the managers; only they may clear the flag; text that names another customer is
// shared only with the rep's explicit acknowledgement, which is recorded.
func TestMarketInformationStaysConfidential(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		f := e.f
		rep1, rep2, rep3, mgr, analyst := e.token(f.rep1), e.token(f.rep2), e.token(f.rep3), e.token(f.manager), e.token(f.analyst)
		create := `mutation($in: CreateMarketInfoInput!) { createMarketInfo(input: $in) { id version } }`
		secret := e.ok(rep1, create, map[string]any{"in": map[string]any{"title": "佛山彩虹 will switch antioxidant supplier in Q3",
			"kind": "MARKET", "confidentialOrigin": true}})
		secretID := dig(secret, "createMarketInfo", "id")
		read := `query($id: ID!) { node(id: $id) { ... on MarketInfo { title confidentialOrigin } } }`
		for who, tok := range map[string]string{"rep2": rep2, "rep3": rep3, "analyst": analyst} {
			if r := e.do(tok, read, map[string]any{"id": secretID}); r.code() != "NOT_FOUND" || dig(r.Data, "node") != nil {
				t.Errorf("LEAK: %s reads the confidential item: %v %+v", who, r.Data, r.Errors)
			}
			if n := e.countOf(tok, `{ marketInfos(first: 5, where: {titleContains: "Q3"}) { totalCount } }`, nil, "marketInfos", "totalCount"); n != 0 {
				t.Errorf("LEAK: %s counts %d confidential items", who, n)
			}
		}
		for _, tok := range []string{rep1, mgr} {
			if dig(e.ok(tok, read, map[string]any{"id": secretID}), "node", "confidentialOrigin") != true {
				t.Fatal("control: the author and the manager read the item")
			}
		}
		// Clearing the flag: not by a teammate who can read the item, yes by its author.
		upd := `mutation($id: ID!, $in: UpdateMarketInfoInput!) { updateMarketInfo(id: $id, input: $in) { confidentialOrigin } }`
		open := e.ok(rep1, create, map[string]any{"in": map[string]any{"title": "Antioxidant prices up 8% in Q3", "kind": "PRICE_TREND"}})
		openID := dig(open, "createMarketInfo", "id")
		r := e.do(rep2, upd, map[string]any{"id": openID, "in": map[string]any{"confidentialOrigin": true}})
		expectCode(t, r, "FORBIDDEN")
		e.ok(rep2, upd, map[string]any{"id": openID, "in": map[string]any{"title": "Antioxidant prices up 8% in Q3 (CPCIF)"}})
		expectCode(t, e.do(rep2, upd, map[string]any{"id": secretID, "in": map[string]any{"confidentialOrigin": false}}), "NOT_FOUND")
		e.ok(mgr, upd, map[string]any{"id": openID, "in": map[string]any{"confidentialOrigin": true}})
		e.ok(mgr, upd, map[string]any{"id": openID, "in": map[string]any{"confidentialOrigin": false}})

		// Sharing: never what was learned in confidence.
		share := `mutation($in: CreateMarketInfoShareInput!) { createMarketInfoShare(input: $in) { id namesAcknowledged namedCustomers } }`
		expectCode(t, e.do(rep1, share, map[string]any{"in": map[string]any{"marketInfoID": secretID, "customerID": f.rep2Own.ID}}), "BAD_USER_INPUT")
		// A note naming another customer's volume and price needs the rep's word.
		named := e.ok(rep1, create, map[string]any{"in": map[string]any{"title": "PP antioxidant demand", "kind": "MARKET",
			"body": "华塑上月采购 1010 抗氧剂 20 吨，单价 38 元/kg"}})
		namedID := dig(named, "createMarketInfo", "id")
		r = e.do(rep1, share, map[string]any{"in": map[string]any{"marketInfoID": namedID, "customerID": f.rep2Own.ID}})
		expectCode(t, r, "BAD_USER_INPUT")
		if r.Errors[0].Extensions["field"] != "namesAcknowledged" || !strings.Contains(r.Errors[0].Message, "华塑") {
			t.Errorf("refusal does not name the customer: %+v", r.Errors)
		}
		if n := e.app.DB.Client.MarketInfoShare.Query().CountX(e.sys); n != 0 {
			t.Fatalf("%d shares written by refused requests", n)
		}
		d := e.ok(rep1, share, map[string]any{"in": map[string]any{"marketInfoID": namedID, "customerID": f.rep2Own.ID, "namesAcknowledged": true}})
		if got := dig(d, "createMarketInfoShare", "namedCustomers"); len(got.([]any)) != 1 || got.([]any)[0] != "华塑" {
			t.Errorf("recorded names: %v", got)
		}
		// To the customer it names, and industry news naming no one: no question asked.
		e.ok(rep1, share, map[string]any{"in": map[string]any{"marketInfoID": namedID, "customerID": f.acmeEast.ID}})
		e.ok(rep1, share, map[string]any{"in": map[string]any{"marketInfoID": openID, "customerID": f.rep2Own.ID}})
		// The share's own note counts too.
		r = e.do(rep1, share, map[string]any{"in": map[string]any{"marketInfoID": openID, "customerID": f.rep2Own.ID,
			"note": "told them 宁波华塑 already switched"}})
		expectCode(t, r, "BAD_USER_INPUT")
	})
}

// What a private interaction creates is as private as it is: its next step's task is
// not read by a teammate or an analyst, by list, by node or through the account.
func TestPrivateInteractionTaskIsPrivate(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		f := e.f
		rep1 := e.token(f.rep1)
		due := time.Now().UTC().Add(48 * time.Hour).Format(time.RFC3339)
		d := e.ok(rep1, `mutation($in: CreateInteractionInput!) { createInteraction(input: $in) { id tasks(first: 1) { edges { node { id title } } } } }`,
			map[string]any{"in": map[string]any{"customerID": f.acmeEast.ID, "kind": "PHONE", "private": true,
				"findings": "the GM is leaving in May", "nextStep": "call the GM's successor about the May contract", "nextStepDue": due}})
		taskID := dig(d, "createInteraction", "tasks", "edges", 0, "node", "id")
		if taskID == nil {
			t.Fatalf("no task: %v", d)
		}
		q := `query($id: ID!, $c: ID!) {
			node(id: $id) { id }
			tasks(first: 10, where: {titleContains: "successor"}) { totalCount }
			account: node(id: $c) { ... on Customer { tasks(first: 10) { edges { node { id } } } } } }`
		vars := map[string]any{"id": taskID, "c": f.acmeEast.ID}
		for _, u := range []*ent.User{f.rep2, f.analyst} {
			r := e.do(e.token(u), q, vars)
			if dig(r.Data, "node") != nil || num(dig(r.Data, "tasks", "totalCount")) != 0 ||
				strings.Contains(fmt.Sprint(dig(r.Data, "account")), string(idOf(taskID))) {
				t.Errorf("LEAK: %s reads the private next step's task: %v", u.Email, r.Data)
			}
		}
		for _, u := range []*ent.User{f.rep1, f.manager} {
			r := e.do(e.token(u), q, vars)
			if dig(r.Data, "node") == nil || num(dig(r.Data, "tasks", "totalCount")) != 1 {
				t.Errorf("control: %s does not read the task: %v %+v", u.Email, r.Data, r.Errors)
			}
		}
		// Made public, the interaction's task is the team's again.
		e.ok(rep1, `mutation($id: ID!) { updateInteraction(id: $id, input: {private: false}) { id } }`,
			map[string]any{"id": dig(d, "createInteraction", "id")})
		if r := e.do(e.token(f.rep2), q, vars); dig(r.Data, "node") == nil {
			t.Errorf("the task of a public interaction is hidden from the team: %+v", r.Errors)
		}
	})
}

// Documents: the catalogue is every colleague's; a document made for one customer is
// that account's; a batch COA belongs to the customers the batch went to (and to the
// managers who keep the quality records) — for our people and for partners alike.
func TestDocumentAccess(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		f, c := e.f, e.app.DB.Client
		msds := c.Document.Create().SetType("MSDS").SetTitle("MSDS 1010").SetProductID(f.product.ID).SaveX(e.sys)
		contract := c.Document.Create().SetType("APPLICATION_DATA").SetTitle("华塑 trial report").SetCustomerID(f.acmeEast.ID).SaveX(e.sys)
		coa := c.Document.Create().SetType("COA").SetTitle("COA B-7").SetProductID(f.product.ID).SetBatchNo("B-7").SaveX(e.sys)
		read := func(tok string) map[string]bool {
			seen := map[string]bool{}
			d := e.ok(tok, `{ documents(first: 20) { edges { node { title } } } }`, nil)
			for _, ed := range dig(d, "documents", "edges").([]any) {
				seen[dig(ed, "node", "title").(string)] = true
			}
			for _, doc := range []*ent.Document{msds, contract, coa} {
				r := e.do(tok, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": doc.ID})
				if (dig(r.Data, "node") != nil) != seen[doc.Title] {
					t.Errorf("node and list disagree on %s: %v", doc.Title, r.Data)
				}
			}
			return seen
		}
		want := func(who string, tok string, titles ...string) {
			t.Helper()
			got := read(tok)
			for _, doc := range []string{msds.Title, contract.Title, coa.Title} {
				if got[doc] != slices.Contains(titles, doc) {
					t.Errorf("%s reads %q: %v, want %v", who, doc, got[doc], !got[doc])
				}
			}
		}
		rep1, rep3 := e.token(f.rep1), e.token(f.rep3)
		want("rep1", rep1, msds.Title, contract.Title)
		want("rep3", rep3, msds.Title)
		want("manager", e.token(f.manager), msds.Title, contract.Title, coa.Title)
		want("analyst", e.token(f.analyst), msds.Title, contract.Title, coa.Title)
		// Once batch B-7 is on one of rep1's order lines, its COA is rep1's to read.
		o := c.Order.Create().SetCustomerID(f.acmeEast.ID).SetNumber("PO-B7").SaveX(e.sys)
		c.OrderLine.Create().SetOrderID(o.ID).SetProductID(f.product.ID).SetQuantity(500).SetBatchNo("B-7").ExecX(e.sys)
		want("rep1", rep1, msds.Title, contract.Title, coa.Title)
		want("rep3", rep3, msds.Title)
		// Partners: their own document, the catalogue of what they buy, their batches' COAs.
		admin := e.token(f.admin)
		acme, _ := e.ptIssue(admin, f.acmeEast.ID, "documents:read")
		south, _ := e.ptIssue(admin, f.southAcct.ID, "documents:read")
		want("acme's token", acme, msds.Title, contract.Title, coa.Title)
		want("south's token", south, msds.Title) // the sample of 1010 it was sent
	})
}

// Ordering by a field the viewer may not read would tell what it holds.
func TestOrderingByHiddenFieldsIsRefused(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		tok, _ := e.ptIssue(e.token(e.f.admin), e.f.acmeEast.ID, "orders:read")
		for _, q := range []string{
			`{ customers(first: 5, orderBy: {field: SCORE}) { totalCount } }`,
			`{ customers(first: 5, orderBy: {field: TIER}) { totalCount } }`,
			`{ customers(first: 5, orderBy: {field: STAGE, direction: DESC}) { totalCount } }`,
		} {
			r := e.do(tok, q, nil)
			if r.code() != "FORBIDDEN" || r.Errors[0].Extensions["field"] != "orderBy" {
				t.Errorf("a partner orders by a hidden field: %s → %v %+v", q, r.Data, r.Errors)
			}
		}
		// Control: by a field partners read, and the same as a rep.
		e.ok(tok, `{ customers(first: 5, orderBy: {field: NAME}) { totalCount } }`, nil)
		e.ok(e.token(e.f.rep1), `{ customers(first: 5, orderBy: {field: SCORE}) { totalCount } }`, nil)
	})
}

// A rep downloads every kind's export (GET /exports/{kind}) to read another team's
// accounts, contacts, key persons, orders or interactions, or a teammate's private
// interaction; a partner to read other customers' orders or our price history. None
// of it is in their files, in either format, while the control reads each row.
func TestExportsKeepToWhatTheViewerReads(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		e.seedHistory()
		f := e.f
		admin := e.token(f.admin)
		partner, _ := e.ptIssue(admin, f.acmeEast.ID, "orders:read")
		text := func(token, file string) string {
			status, body, rows := e.exportFile(token, file)
			if status == 403 { // the whole kind is not theirs (a partner's price history)
				return ""
			}
			if status != 200 {
				t.Fatalf("%s: %d %s", file, status, body)
			}
			if rows == nil {
				return string(body)
			}
			return fmt.Sprint(rows)
		}
		for _, c := range []struct {
			kind, secret   string
			control, thief string
		}{
			{"customers", f.southAcct.Name, admin, e.token(f.rep1)},
			{"contacts", f.southContact.Name, admin, e.token(f.rep1)},
			{"key-persons", "南区需求", admin, e.token(f.rep1)},
			{"orders", "SOUTH-9001", admin, e.token(f.rep1)},
			{"interactions", "南区秘密拜访", admin, e.token(f.rep1)},
			{"interactions", "private finding", e.token(f.rep1), e.token(f.rep2)},
			{"interactions", "private finding", e.token(f.rep1), e.token(f.analyst)},
			{"orders", "SOUTH-9001", admin, partner},
			{"prices", "报价单 Q-7", admin, partner},
		} {
			for _, format := range []string{"csv", "xlsx"} {
				file := c.kind + "." + format
				if !strings.Contains(text(c.control, file), c.secret) {
					t.Fatalf("control: %s lacks %q", file, c.secret)
				}
				if got := text(c.thief, file); strings.Contains(got, c.secret) {
					t.Errorf("LEAK: %s gives %q to another reader: %s", file, c.secret, got)
				}
			}
		}
	})
}

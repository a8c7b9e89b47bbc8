package app_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"tandem/ent"
	"tandem/ent/accountchange"
	"tandem/ent/apitoken"
	"tandem/ent/assistance"
	"tandem/ent/auditevent"
	"tandem/ent/changenotice"
	"tandem/ent/customer"
	"tandem/ent/document"
	"tandem/ent/interaction"
	"tandem/ent/issue"
	"tandem/ent/issueevent"
	"tandem/ent/keyperson"
	"tandem/ent/marketinfo"
	"tandem/ent/medianote"
	"tandem/ent/need"
	"tandem/ent/orderevent"
	"tandem/ent/pitch"
	"tandem/ent/project"
	"tandem/ent/quotation"
	"tandem/ent/sampleevent"
	"tandem/ent/schema/pulid"
	"tandem/ent/servicedocument"
	"tandem/ent/stagechange"
	"tandem/ent/trial"
	"tandem/ent/webhookdelivery"
	"tandem/ent/webhookendpoint"
	"tandem/server/auth"
)

// Partner API tokens: their lifecycle, and the isolation of a partner organisation
// from every other customer and from our internal data. The isolation table is
// generated from introspection, so a new Node type or root connection cannot be
// forgotten.

const ptIssueToken = `mutation($in: IssueAPITokenInput!) { issueAPIToken(input: $in) { token apiToken { id lastEight scopes } } }`

const ptCustomersQuery = `{ customers(first: 5) { totalCount edges { node { id name } } } }`

// ptIssue issues a partner token as admin and returns its secret and ID.
func (e *env) ptIssue(admin string, cu pulid.ID, scopes ...string) (string, pulid.ID) {
	e.t.Helper()
	name := "ERP " + strings.Join(scopes, ",")
	if len(name) > 120 { // the longest name a token may have
		name = name[:120]
	}
	d := e.ok(admin, ptIssueToken, map[string]any{"in": map[string]any{
		"customerID": cu, "name": name, "scopes": scopes,
		"budgetPerSecond": 100000, "budgetBurst": 100000,
	}})
	secret, _ := dig(d, "issueAPIToken", "token").(string)
	if !strings.HasPrefix(secret, auth.TokenPrefix) {
		e.t.Fatalf("issued token %q does not start with %s", secret, auth.TokenPrefix)
	}
	return secret, idOf(dig(d, "issueAPIToken", "apiToken", "id"))
}

// ptCodes lists the error codes of an answer.
func ptCodes(r *gqlResponse) []string {
	var out []string
	for _, e := range r.Errors {
		c, _ := e.Extensions["code"].(string)
		out = append(out, c)
	}
	return out
}

// ptOnlyCodes reports whether the answer has errors, all with one of the codes.
func ptOnlyCodes(r *gqlResponse, codes ...string) bool {
	if len(r.Errors) == 0 {
		return false
	}
	for _, c := range ptCodes(r) {
		if !slices.Contains(codes, c) {
			return false
		}
	}
	return true
}

// ptIDs collects every "id" value in a decoded answer.
func ptIDs(v any) []pulid.ID {
	var out []pulid.ID
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if s, ok := x.(string); ok && k == "id" {
					out = append(out, pulid.ID(s))
					continue
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(v)
	return out
}

// ptHasValue reports whether a decoded answer holds a non-null value under key.
func ptHasValue(v any, key string) bool {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if k == key && x != nil {
				return true
			}
			if ptHasValue(x, key) {
				return true
			}
		}
	case []any:
		for _, x := range v {
			if ptHasValue(x, key) {
				return true
			}
		}
	}
	return false
}

func ptList(v any) []any { l, _ := v.([]any); return l }

// ---------------------------------------------------------------------------------
// 1. Token lifecycle

func TestAPITokenLifecycle(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f, ctx := e.app.DB.Client, e.f, e.sys
		admin := e.token(f.admin)
		partner := c.Customer.Create().SetName("Partner Co").SetOwnerID(f.rep1.ID).SetTeamID(f.eastTeam.ID).SaveX(ctx)
		expires := time.Now().Add(30 * 24 * time.Hour).UTC().Truncate(time.Second)
		scopes := []string{"orders:read", "documents:read"}
		issue := func(tok string, sc []string) *gqlResponse {
			return e.do(tok, ptIssueToken, map[string]any{"in": map[string]any{
				"customerID": partner.ID, "name": "ERP integration", "scopes": sc, "expiresAt": expires.Format(time.RFC3339)}})
		}

		r := issue(admin, scopes)
		if len(r.Errors) > 0 {
			t.Fatalf("admin could not issue a token: %+v", r.Errors)
		}
		secret, _ := dig(r.Data, "issueAPIToken", "token").(string)
		id := idOf(dig(r.Data, "issueAPIToken", "apiToken", "id"))
		if !strings.HasPrefix(secret, "tdm_") || len(secret) < 36 {
			t.Fatalf("token %q: want tdm_ and a long random part", secret)
		}
		if got := dig(r.Data, "issueAPIToken", "apiToken", "lastEight"); got != secret[len(secret)-8:] {
			t.Errorf("lastEight = %v, want %q", got, secret[len(secret)-8:])
		}
		if got := fmt.Sprint(dig(r.Data, "issueAPIToken", "apiToken", "scopes")); got != fmt.Sprint(scopes) {
			t.Errorf("scopes = %s, want %v", got, scopes)
		}
		row := c.APIToken.GetX(ctx, id)
		if row.TokenHash == "" || row.TokenHash == secret || strings.Contains(row.TokenHash, secret[4:]) {
			t.Errorf("token_hash %q holds the token", row.TokenHash)
		}
		if row.Salt == "" || row.LastEight != secret[len(secret)-8:] || row.CustomerID != partner.ID || row.LastUsedAt != nil {
			t.Errorf("stored token: salt %q lastEight %q customer %s lastUsed %v", row.Salt, row.LastEight, row.CustomerID, row.LastUsedAt)
		}
		if row.ExpiresAt == nil || !row.ExpiresAt.Equal(expires) {
			t.Errorf("expiresAt = %v, want %v", row.ExpiresAt, expires)
		}
		// No column of the row holds the secret in clear.
		rows, err := e.app.DB.DB.Query("SELECT * FROM "+apitoken.Table+" WHERE id = $1", string(id))
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		n := 0
		for rows.Next() {
			n++
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for i, v := range vals {
				s := fmt.Sprintf("%s", v)
				if b, ok := v.([]byte); ok {
					s = string(b)
				}
				if strings.Contains(s, secret[4:]) {
					t.Errorf("column %s holds the clear token", cols[i])
				}
			}
		}
		rows.Close()
		if n != 1 {
			t.Fatalf("raw select found %d rows", n)
		}

		// Only admins issue tokens; the partner itself neither.
		for _, u := range []*ent.User{f.manager, f.rep1, f.analyst} {
			r := issue(e.token(u), scopes)
			expectCode(t, r, "FORBIDDEN")
			if dig(r.Data, "issueAPIToken") != nil {
				t.Errorf("%s got a token: %v", u.Email, r.Data)
			}
		}
		expectCode(t, issue(secret, scopes), "FORBIDDEN")
		expectCode(t, issue(admin, []string{"orders:read", "orders:write"}), "BAD_USER_INPUT")
		if n := c.APIToken.Query().CountX(ctx); n != 1 {
			t.Fatalf("%d tokens after refused issues, want 1", n)
		}

		// The token authenticates as its own organisation, and only that.
		d := e.ok(secret, ptCustomersQuery, nil)
		if num(dig(d, "customers", "totalCount")) != 1 || len(ptList(dig(d, "customers", "edges"))) != 1 ||
			idOf(dig(d, "customers", "edges", 0, "node", "id")) != partner.ID || dig(d, "customers", "edges", 0, "node", "name") != "Partner Co" {
			t.Fatalf("partner token sees %v", d)
		}
		if used := c.APIToken.GetX(ctx, id).LastUsedAt; used == nil || time.Since(*used) > time.Minute {
			t.Errorf("last_used_at = %v after a use", used)
		}

		// Revoked: refused at once.
		e.ok(admin, `mutation($id: ID!) { revokeAPIToken(id: $id) { id revokedAt } }`, map[string]any{"id": id})
		r = e.do(secret, ptCustomersQuery, nil)
		expectCode(t, r, "UNAUTHENTICATED")
		if r.Data != nil {
			t.Errorf("revoked token got data %v", r.Data)
		}
		expectCode(t, e.do(admin, `mutation($id: ID!) { rotateAPIToken(id: $id) { token } }`, map[string]any{"id": id}), "BAD_USER_INPUT")

		// Rotated: the old one stops, the new one works with the same scopes.
		old, oldID := e.ptIssue(admin, partner.ID, scopes...)
		e.ok(old, ptCustomersQuery, nil)
		d = e.ok(admin, `mutation($id: ID!) { rotateAPIToken(id: $id) { token apiToken { id lastEight scopes } } }`, map[string]any{"id": oldID})
		fresh, _ := dig(d, "rotateAPIToken", "token").(string)
		freshID := idOf(dig(d, "rotateAPIToken", "apiToken", "id"))
		if !strings.HasPrefix(fresh, "tdm_") || fresh == old || freshID == oldID || dig(d, "rotateAPIToken", "apiToken", "lastEight") != fresh[len(fresh)-8:] {
			t.Fatalf("rotation answered %v", d)
		}
		if got := fmt.Sprint(dig(d, "rotateAPIToken", "apiToken", "scopes")); got != fmt.Sprint(scopes) {
			t.Errorf("rotated scopes = %s, want %v", got, scopes)
		}
		expectCode(t, e.do(old, ptCustomersQuery, nil), "UNAUTHENTICATED")
		d = e.ok(fresh, ptCustomersQuery, nil)
		if idOf(dig(d, "customers", "edges", 0, "node", "id")) != partner.ID {
			t.Errorf("rotated token sees %v", d)
		}
		e.ok(fresh, `{ orders(first: 5) { totalCount } }`, nil)
		expectCode(t, e.do(fresh, `{ samples(first: 5) { totalCount } }`, nil), "NOT_FOUND") // no samples:read
		if got := c.APIToken.GetX(ctx, freshID); fmt.Sprint(got.Scopes) != fmt.Sprint(scopes) || got.CustomerID != partner.ID {
			t.Errorf("rotated row: scopes %v customer %s", got.Scopes, got.CustomerID)
		}

		// Expired (set in the past in the database): refused.
		expiring, expID := e.ptIssue(admin, partner.ID, "orders:read")
		e.ok(expiring, ptCustomersQuery, nil)
		c.APIToken.UpdateOneID(expID).SetExpiresAt(time.Now().Add(-time.Hour)).ExecX(ctx)
		r = e.do(expiring, ptCustomersQuery, nil)
		expectCode(t, r, "UNAUTHENTICATED")
		if r.Data != nil {
			t.Errorf("expired token got data %v", r.Data)
		}

		// Made up: refused, also when it ends like a real one.
		for _, fake := range []string{
			"tdm_" + strings.Repeat("A", 40),
			"tdm_" + strings.Repeat("B", 32) + fresh[len(fresh)-8:],
			"tdm_",
		} {
			r := e.do(fake, ptCustomersQuery, nil)
			expectCode(t, r, "UNAUTHENTICATED")
			if r.Data != nil {
				t.Errorf("made-up token %q got data %v", fake, r.Data)
			}
		}
	})
}

// ---------------------------------------------------------------------------------
// The world a partner lives in: its own organisation with orders, a shipment, a
// sample in trial, a problem, a change notice; other customers buying the same
// product; and our internal records about all of them.

type ptWorld struct {
	t                    *testing.T
	e                    *env
	c                    *ent.Client
	admin                string
	partner, eastern     *ent.Customer
	p1, p2               *ent.Product
	ownOrder, southOrder *ent.Order
	ownLine, southLine   *ent.OrderLine
	token                string   // every scope
	tokenID              pulid.ID // its row
	own                  map[pulid.ID]bool
	direct               map[pulid.ID]bool
	memo                 map[string]pulid.ID
}

// mine records a row of the partner organisation (its customer is the partner).
func (w *ptWorld) mine(id pulid.ID) pulid.ID { w.own[id] = true; w.direct[id] = true; return id }

// shared records a row the partner may read that is not its own (its product, a
// notice addressed to it, a COA of its batch).
func (w *ptWorld) shared(id pulid.ID) pulid.ID { w.own[id] = true; return id }

func (w *ptWorld) once(key string, mk func() pulid.ID) pulid.ID {
	if id, ok := w.memo[key]; ok {
		return id
	}
	id := mk()
	w.memo[key] = id
	return id
}

// ownOf lists the records of a type the partner may read.
func (w *ptWorld) ownOf(typ string, directOnly bool) map[pulid.ID]bool {
	out := map[pulid.ID]bool{}
	for id := range w.own {
		if pulid.TypeOf(id) == typ && (!directOnly || w.direct[id]) {
			out[id] = true
		}
	}
	return out
}

func ptSetup(t *testing.T, e *env) *ptWorld {
	t.Helper()
	c, ctx, f := e.app.DB.Client, e.sys, e.f
	w := &ptWorld{t: t, e: e, c: c, own: map[pulid.ID]bool{}, direct: map[pulid.ID]bool{}, memo: map[string]pulid.ID{}}
	w.admin = e.token(f.admin)
	w.partner = c.Customer.Create().SetName("Partner Co").SetOwnerID(f.rep1.ID).SetTeamID(f.eastTeam.ID).
		SetStage(customer.StagePARTNER).SetScale(4).SetCredit(3).SetNotes("internal: negotiates hard on price").SaveX(ctx)
	w.own[w.partner.ID] = true
	w.eastern = c.Customer.Create().SetName("Eastern Pigments Ltd").SetOwnerID(f.rep3.ID).SetTeamID(f.southTeam.ID).
		SetStage(customer.StagePARTNER).SetScale(5).SaveX(ctx)
	c.Customer.UpdateOneID(f.southAcct.ID).SetScale(3).ExecX(ctx)
	w.p1 = c.Product.Create().SetCode("PT-100").SetName("UV absorber PT-100").SaveX(ctx)
	w.p2 = c.Product.Create().SetCode("PT-200").SetName("Dispersant PT-200").SaveX(ctx)
	w.shared(w.p1.ID)
	w.ownOrder = c.Order.Create().SetCustomerID(w.partner.ID).SetNumber("PO-PARTNER-1").SetNotes("internal: thin margin").SaveX(ctx)
	w.ownLine = c.OrderLine.Create().SetOrderID(w.ownOrder.ID).SetProductID(w.p1.ID).SetQuantity(100).SetUnitPrice(20).SetBatchNo("B-PARTNER-1").SaveX(ctx)
	w.mine(w.ownOrder.ID)
	w.mine(w.ownLine.ID)
	w.southOrder = c.Order.Create().SetCustomerID(f.southAcct.ID).SetNumber("SO-SOUTH-1").SaveX(ctx)
	w.southLine = c.OrderLine.Create().SetOrderID(w.southOrder.ID).SetProductID(w.p1.ID).SetQuantity(500).SetUnitPrice(5).SetBatchNo("B-SOUTH-1").SaveX(ctx)
	c.OrderLine.Create().SetOrderID(w.southOrder.ID).SetProductID(w.p2.ID).SetQuantity(50).SetUnitPrice(7).SetBatchNo("B-SOUTH-2").ExecX(ctx)
	w.token, w.tokenID = e.ptIssue(w.admin, w.partner.ID, auth.Scopes...)
	return w
}

// ptIso is one row of the isolation table: how to make, for a Node type, records of
// other customers (or internal ones) and, for the types partners may read, one of
// the partner's own; ownInternal makes the partner organisation's own record of a
// type partners never read (its contacts, key persons, our visit notes…).
type ptIso struct {
	foreign     func(w *ptWorld) []pulid.ID
	own         func(w *ptWorld) pulid.ID
	ownInternal func(w *ptWorld) pulid.ID
}

func ptIDsOf(ids ...pulid.ID) []pulid.ID { return ids }

// The partner's own records that several rows of the table share.
func (w *ptWorld) ownSample() pulid.ID {
	return w.once("ownSample", func() pulid.ID {
		return w.mine(w.c.Sample.Create().SetCustomerID(w.partner.ID).SetProductID(w.p1.ID).SetQuantity(2).
			SetRequestedByID(w.e.f.rep1.ID).SetPurpose("trial in outdoor PP").SaveX(w.e.sys).ID)
	})
}

// quotation makes a quotation of one line for an account, with the server's hand.
func (w *ptWorld) quotation(key string, cu pulid.ID, status quotation.Status) pulid.ID {
	return w.once(key, func() pulid.ID {
		now := time.Now().UTC()
		qt := w.c.Quotation.Create().SetCustomerID(cu).SetNumber("Q-" + key).SetStatus(status).
			SetValidFrom(now).SetValidUntil(now.AddDate(0, 6, 0)).SaveX(w.e.sys)
		w.memo[key+"Line"] = w.c.QuotationLine.Create().SetQuotationID(qt.ID).SetProductID(w.p1.ID).SetUnitPrice(18.5).SaveX(w.e.sys).ID
		return qt.ID
	})
}

func (w *ptWorld) project(key string, cu pulid.ID) pulid.ID {
	return w.once(key, func() pulid.ID {
		return w.c.Project.Create().SetCustomerID(cu).SetKind(project.KindJOINT_RND).SetTitle("low-VOC grade " + key).SaveX(w.e.sys).ID
	})
}

// projectFile is a file of the project, shared with the customer or not (no file
// stored: the row is what isolation is about).
func (w *ptWorld) projectFile(projectID pulid.ID, shared bool) pulid.ID {
	return w.c.ProjectDocument.Create().SetProjectID(projectID).SetTitle("minutes").SetShared(shared).
		SetFileName("minutes.pdf").SetContentType("application/pdf").SetSizeBytes(1).SetSha256("00").
		SetStorageKey("project-documents/test/" + string(pulid.New("PF"))).SaveX(w.e.sys).ID
}

func (w *ptWorld) ownShipment() pulid.ID {
	return w.once("ownShipment", func() pulid.ID {
		return w.mine(w.c.Shipment.Create().SetOrderID(w.ownOrder.ID).SetCarrier("SF Express").SetTrackingNo("SF1001").SaveX(w.e.sys).ID)
	})
}

func (w *ptWorld) southShipment() pulid.ID {
	return w.once("southShipment", func() pulid.ID {
		return w.c.Shipment.Create().SetOrderID(w.southOrder.ID).SetCarrier("Deppon").SetTrackingNo("DP2002").SaveX(w.e.sys).ID
	})
}

// sharedNotice is a notice on the product the partner and other customers buy, with
// an acknowledgement for each: the partner's and the south account's pending, the
// eastern account's given.
func (w *ptWorld) sharedNotice() pulid.ID {
	return w.once("sharedNotice", func() pulid.ID {
		ctx, now := w.e.sys, time.Now().UTC()
		cn := w.c.ChangeNotice.Create().SetProductID(w.p1.ID).SetKind(changenotice.KindRAW_MATERIAL).
			SetTitle("New antioxidant supplier for PT-100").SetEffectiveAt(now.Add(60 * 24 * time.Hour)).
			SetStatus(changenotice.StatusISSUED).SetIssuedAt(now).SaveX(ctx)
		w.memo["ownAck"] = w.mine(w.c.ChangeNoticeAck.Create().SetChangeNoticeID(cn.ID).SetCustomerID(w.partner.ID).SetNotifiedAt(now).SaveX(ctx).ID)
		w.memo["southAck"] = w.c.ChangeNoticeAck.Create().SetChangeNoticeID(cn.ID).SetCustomerID(w.e.f.southAcct.ID).SetNotifiedAt(now).SaveX(ctx).ID
		w.memo["easternAck"] = w.c.ChangeNoticeAck.Create().SetChangeNoticeID(cn.ID).SetCustomerID(w.eastern.ID).SetNotifiedAt(now).
			SetAcknowledgedAt(now).SetAcknowledgedBy("陈经理").SaveX(ctx).ID
		return w.shared(cn.ID)
	})
}

func (w *ptWorld) ownIssue() pulid.ID {
	return w.once("ownIssue", func() pulid.ID {
		return w.mine(w.c.Issue.Create().SetCustomerID(w.partner.ID).SetOrderID(w.ownOrder.ID).SetProductID(w.p1.ID).
			SetTitle("Haze in batch B-PARTNER-1").SetCategory(issue.CategoryQUALITY_FLUCTUATION).
			SetLossAmount(1200).SetAssigneeID(w.e.f.rep1.ID).SetReportedByID(w.e.f.rep1.ID).SaveX(w.e.sys).ID)
	})
}

func (w *ptWorld) southIssue() pulid.ID {
	return w.once("southIssue", func() pulid.ID {
		return w.c.Issue.Create().SetCustomerID(w.e.f.southAcct.ID).SetOrderID(w.southOrder.ID).SetTitle("South short delivery").
			SetCategory(issue.CategorySHORT_QUANTITY).SetLossAmount(800).SaveX(w.e.sys).ID
	})
}

func (w *ptWorld) ownEndpoint() pulid.ID {
	return w.once("ownEndpoint", func() pulid.ID {
		return w.mine(w.c.WebhookEndpoint.Create().SetCustomerID(w.partner.ID).SetURL("https://erp.partner.example/tandem").
			SetEvents([]string{"order.status_changed"}).SetSecret("whsec_partner").SaveX(w.e.sys).ID)
	})
}

func (w *ptWorld) southEndpoint() pulid.ID {
	return w.once("southEndpoint", func() pulid.ID {
		return w.c.WebhookEndpoint.Create().SetCustomerID(w.e.f.southAcct.ID).SetURL("https://erp.south.example/hooks").
			SetEvents([]string{"order.status_changed"}).SetSecret("whsec_south").SaveX(w.e.sys).ID
	})
}

func (w *ptWorld) ownContact() pulid.ID {
	return w.once("ownContact", func() pulid.ID {
		return w.c.Contact.Create().SetCustomerID(w.partner.ID).SetName("王工").SaveX(w.e.sys).ID
	})
}

// ownPerson is the person behind a contact of the partner organisation who is also a
// contact, and a champion, at the south account (people advise several customers).
func (w *ptWorld) ownPerson() pulid.ID {
	return w.once("ownPerson", func() pulid.ID {
		ctx, south := w.e.sys, w.e.f.southAcct.ID
		own := w.c.Contact.Create().SetCustomerID(w.partner.ID).SetName("孙工").SetMobile("+86 135-0013-5000").SaveX(ctx)
		other := w.c.Contact.Create().SetCustomerID(south).SetName("孙工").SetMobile("13500135000").SaveX(ctx)
		w.c.KeyPerson.Create().SetCustomerID(w.partner.ID).SetContactID(own.ID).SetDecisionRole(keyperson.DecisionRoleINFLUENCER).
			SetAttitude(keyperson.AttitudeCHAMPION).ExecX(ctx)
		w.c.KeyPerson.Create().SetCustomerID(south).SetContactID(other.ID).SetDecisionRole(keyperson.DecisionRoleINFLUENCER).
			SetAttitude(keyperson.AttitudeCHAMPION).ExecX(ctx)
		p := w.c.Contact.GetX(ctx, own.ID).PersonID
		if p == "" || w.c.Contact.GetX(ctx, other.ID).PersonID != p {
			w.t.Fatalf("the partner's contact and the south contact with the same mobile are not one person")
		}
		return p
	})
}

func (w *ptWorld) marketInfo() pulid.ID {
	return w.once("marketInfo", func() pulid.ID {
		return w.c.MarketInfo.Create().SetTitle("Resin prices rising").SetKind(marketinfo.KindPRICE_TREND).SaveX(w.e.sys).ID
	})
}

func (w *ptWorld) firstAudit(entity pulid.ID) pulid.ID {
	return w.c.AuditEvent.Query().Where(auditevent.EntityID(string(entity))).FirstIDX(w.e.sys)
}

func (w *ptWorld) firstStageChange(cu pulid.ID) pulid.ID {
	return w.c.StageChange.Query().Where(stagechange.CustomerID(cu)).FirstIDX(w.e.sys)
}

// ptIsolationTable maps every Node type to how its records are made. A type the
// schema gains must be added here (the isolation test fails until it is).
func ptIsolationTable() map[string]ptIso {
	return map[string]ptIso{
		// Partner-visible types: another customer's record, and the partner's own.
		"Customer": {
			foreign: func(w *ptWorld) []pulid.ID { return ptIDsOf(w.e.f.southAcct.ID, w.e.f.acmeEast.ID, w.eastern.ID) },
			own:     func(w *ptWorld) pulid.ID { return w.partner.ID },
		},
		"Order": {
			foreign: func(w *ptWorld) []pulid.ID { return ptIDsOf(w.southOrder.ID) },
			own:     func(w *ptWorld) pulid.ID { return w.ownOrder.ID },
		},
		"OrderLine": {
			foreign: func(w *ptWorld) []pulid.ID { return ptIDsOf(w.southLine.ID) },
			own:     func(w *ptWorld) pulid.ID { return w.ownLine.ID },
		},
		"Shipment": {
			foreign: func(w *ptWorld) []pulid.ID { return ptIDsOf(w.southShipment()) },
			own:     func(w *ptWorld) pulid.ID { return w.ownShipment() },
		},
		"TrackingEvent": {
			foreign: func(w *ptWorld) []pulid.ID {
				return ptIDsOf(w.c.TrackingEvent.Create().SetShipmentID(w.southShipment()).SetLocation("Foshan").SetDescription("Delivered to 佛山彩虹").SaveX(w.e.sys).ID)
			},
			own: func(w *ptWorld) pulid.ID {
				return w.mine(w.c.TrackingEvent.Create().SetShipmentID(w.ownShipment()).SetLocation("Ningbo").SetDescription("Left the hub").SaveX(w.e.sys).ID)
			},
		},
		"OrderEvent": {
			foreign: func(w *ptWorld) []pulid.ID {
				return ptIDsOf(w.c.OrderEvent.Create().SetOrderID(w.southOrder.ID).SetCustomerID(w.e.f.southAcct.ID).
					SetStep(orderevent.StepCONFIRMED).SetActorID(w.e.f.rep3.ID).SaveX(w.e.sys).ID)
			},
			own: func(w *ptWorld) pulid.ID {
				return w.mine(w.c.OrderEvent.Create().SetOrderID(w.ownOrder.ID).SetCustomerID(w.partner.ID).
					SetStep(orderevent.StepCONFIRMED).SetActorID(w.e.f.rep1.ID).SaveX(w.e.sys).ID)
			},
		},
		"Sample": {
			foreign: func(w *ptWorld) []pulid.ID {
				southP1 := w.c.Sample.Create().SetCustomerID(w.e.f.southAcct.ID).SetProductID(w.p1.ID).SetQuantity(3).SaveX(w.e.sys)
				return ptIDsOf(w.e.f.southSample.ID, w.e.f.acmeSample.ID, southP1.ID)
			},
			own: func(w *ptWorld) pulid.ID { return w.ownSample() },
		},
		"SampleEvent": {
			foreign: func(w *ptWorld) []pulid.ID {
				return ptIDsOf(w.c.SampleEvent.Create().SetSampleID(w.e.f.southSample.ID).SetCustomerID(w.e.f.southAcct.ID).
					SetFromStatus(sampleevent.FromStatusREQUESTED).SetToStatus(sampleevent.ToStatusPREPARED).SetActorID(w.e.f.rep3.ID).SaveX(w.e.sys).ID)
			},
			own: func(w *ptWorld) pulid.ID {
				return w.mine(w.c.SampleEvent.Create().SetSampleID(w.ownSample()).SetCustomerID(w.partner.ID).
					SetFromStatus(sampleevent.FromStatusREQUESTED).SetToStatus(sampleevent.ToStatusPREPARED).SetActorID(w.e.f.rep1.ID).SaveX(w.e.sys).ID)
			},
		},
		"Trial": {
			foreign: func(w *ptWorld) []pulid.ID {
				return ptIDsOf(w.c.Trial.Create().SetSampleID(w.e.f.southSample.ID).SetKind(trial.KindLAB).SetApplication("south coating").SaveX(w.e.sys).ID)
			},
			own: func(w *ptWorld) pulid.ID {
				return w.mine(w.c.Trial.Create().SetSampleID(w.ownSample()).SetKind(trial.KindLAB).SetApplication("outdoor PP film").SaveX(w.e.sys).ID)
			},
		},
		"Issue": {
			foreign: func(w *ptWorld) []pulid.ID { return ptIDsOf(w.southIssue()) },
			own:     func(w *ptWorld) pulid.ID { return w.ownIssue() },
		},
		"IssueAttachment": {
			foreign: func(w *ptWorld) []pulid.ID {
				return ptIDsOf(w.c.IssueAttachment.Create().SetIssueID(w.southIssue()).SetFileName("short-delivery.jpg").
					SetContentType("image/jpeg").SetSizeBytes(3).SetSha256(strings.Repeat("a", 64)).
					SetStorageKey("issue-attachments/test/south").SetCaption("south's pallet").SetUploadedByID(w.e.f.rep3.ID).SaveX(w.e.sys).ID)
			},
			own: func(w *ptWorld) pulid.ID {
				return w.mine(w.c.IssueAttachment.Create().SetIssueID(w.ownIssue()).SetFileName("haze.jpg").
					SetContentType("image/jpeg").SetSizeBytes(3).SetSha256(strings.Repeat("b", 64)).
					SetStorageKey("issue-attachments/test/partner").SetUploadedByID(w.e.f.rep1.ID).SaveX(w.e.sys).ID)
			},
		},
		"ChangeNotice": {
			foreign: func(w *ptWorld) []pulid.ID {
				ctx, now := w.e.sys, time.Now().UTC()
				onlySouth := w.c.ChangeNotice.Create().SetProductID(w.p1.ID).SetKind(changenotice.KindPACKAGING).SetTitle("South-only packaging").
					SetEffectiveAt(now.Add(30 * 24 * time.Hour)).SetStatus(changenotice.StatusISSUED).SetIssuedAt(now).SaveX(ctx)
				w.c.ChangeNoticeAck.Create().SetChangeNoticeID(onlySouth.ID).SetCustomerID(w.e.f.southAcct.ID).SetNotifiedAt(now).ExecX(ctx)
				draft := w.c.ChangeNotice.Create().SetProductID(w.p2.ID).SetKind(changenotice.KindSITE).SetTitle("PT-200 moves site").
					SetEffectiveAt(now.Add(90 * 24 * time.Hour)).SaveX(ctx)
				return ptIDsOf(onlySouth.ID, draft.ID)
			},
			own: func(w *ptWorld) pulid.ID { return w.sharedNotice() },
		},
		"ChangeNoticeAck": {
			foreign: func(w *ptWorld) []pulid.ID {
				w.sharedNotice()
				return ptIDsOf(w.memo["southAck"], w.memo["easternAck"])
			},
			own: func(w *ptWorld) pulid.ID { w.sharedNotice(); return w.memo["ownAck"] },
		},
		"Document": {
			foreign: func(w *ptWorld) []pulid.ID {
				ctx, f := w.e.sys, w.e.f
				return ptIDsOf(
					w.c.Document.Create().SetType(document.TypeCOA).SetTitle("COA B-SOUTH-1").SetProductID(w.p1.ID).SetBatchNo("B-SOUTH-1").SaveX(ctx).ID,
					w.c.Document.Create().SetType(document.TypeSGS_REPORT).SetTitle("SGS for 佛山彩虹").SetProductID(w.p1.ID).SetCustomerID(f.southAcct.ID).SaveX(ctx).ID,
					w.c.Document.Create().SetType(document.TypeMANUAL_TDS).SetTitle("TDS PT-200").SetProductID(w.p2.ID).SaveX(ctx).ID,
					w.c.Document.Create().SetType(document.TypeAPPLICATION_DATA).SetTitle("Eastern application data").SetProductID(w.p1.ID).SetCustomerID(w.eastern.ID).SaveX(ctx).ID,
				)
			},
			own: func(w *ptWorld) pulid.ID {
				ctx := w.e.sys
				w.shared(w.c.Document.Create().SetType(document.TypeMANUAL_TDS).SetTitle("TDS PT-100").SetProductID(w.p1.ID).SaveX(ctx).ID)
				w.mine(w.c.Document.Create().SetType(document.TypeAPPLICATION_DATA).SetTitle("Partner Co application data").
					SetProductID(w.p1.ID).SetCustomerID(w.partner.ID).SaveX(ctx).ID)
				return w.shared(w.c.Document.Create().SetType(document.TypeCOA).SetTitle("COA B-PARTNER-1").SetProductID(w.p1.ID).
					SetBatchNo("B-PARTNER-1").SaveX(ctx).ID)
			},
		},
		"Product": {
			foreign: func(w *ptWorld) []pulid.ID { return ptIDsOf(w.p2.ID, w.e.f.product.ID) },
			own:     func(w *ptWorld) pulid.ID { return w.p1.ID },
		},

		"WebhookEndpoint": {
			foreign: func(w *ptWorld) []pulid.ID { return ptIDsOf(w.southEndpoint()) },
			own:     func(w *ptWorld) pulid.ID { return w.ownEndpoint() },
		},
		"WebhookDelivery": {
			foreign: func(w *ptWorld) []pulid.ID {
				return ptIDsOf(w.c.WebhookDelivery.Create().SetEndpointID(w.southEndpoint()).SetCustomerID(w.e.f.southAcct.ID).
					SetEventID("EV-SOUTH-1").SetEventType("order.status_changed").SetPayload(`{"number":"SO-SOUTH-1"}`).
					SetStatus(webhookdelivery.StatusDELIVERED).SaveX(w.e.sys).ID)
			},
			own: func(w *ptWorld) pulid.ID {
				return w.mine(w.c.WebhookDelivery.Create().SetEndpointID(w.ownEndpoint()).SetCustomerID(w.partner.ID).
					SetEventID("EV-PARTNER-1").SetEventType("order.status_changed").SetPayload(`{"number":"PO-PARTNER-1"}`).
					SetStatus(webhookdelivery.StatusDELIVERED).SaveX(w.e.sys).ID)
			},
		},

		// A quotation sent to the partner is its own; another customer's, and the
		// partner's draft, are not.
		"Quotation": {
			foreign: func(w *ptWorld) []pulid.ID {
				return ptIDsOf(w.quotation("south", w.e.f.southAcct.ID, quotation.StatusACCEPTED),
					w.quotation("draft", w.partner.ID, quotation.StatusDRAFT))
			},
			own: func(w *ptWorld) pulid.ID { return w.mine(w.quotation("sent", w.partner.ID, quotation.StatusSENT)) },
		},
		"QuotationLine": {
			foreign: func(w *ptWorld) []pulid.ID {
				w.quotation("south", w.e.f.southAcct.ID, quotation.StatusACCEPTED)
				w.quotation("draft", w.partner.ID, quotation.StatusDRAFT)
				return ptIDsOf(w.memo["southLine"], w.memo["draftLine"])
			},
			own: func(w *ptWorld) pulid.ID {
				w.quotation("sent", w.partner.ID, quotation.StatusSENT)
				return w.mine(w.memo["sentLine"])
			},
		},

		// A project with the partner is its own, and so are its milestones; who is on
		// it is ours.
		"Project": {
			foreign: func(w *ptWorld) []pulid.ID { return ptIDsOf(w.project("southProject", w.e.f.southAcct.ID)) },
			own:     func(w *ptWorld) pulid.ID { return w.mine(w.project("ownProject", w.partner.ID)) },
		},
		"ProjectMilestone": {
			foreign: func(w *ptWorld) []pulid.ID {
				return ptIDsOf(w.c.ProjectMilestone.Create().SetProjectID(w.project("southProject", w.e.f.southAcct.ID)).SetTitle("pilot").SaveX(w.e.sys).ID)
			},
			own: func(w *ptWorld) pulid.ID {
				return w.mine(w.c.ProjectMilestone.Create().SetProjectID(w.project("ownProject", w.partner.ID)).SetTitle("lab trial").SaveX(w.e.sys).ID)
			},
		},
		// A project's files: the partner reads the ones shared with it.
		"ProjectDocument": {
			foreign: func(w *ptWorld) []pulid.ID {
				return ptIDsOf(w.projectFile(w.project("southProject", w.e.f.southAcct.ID), true))
			},
			own: func(w *ptWorld) pulid.ID { return w.mine(w.projectFile(w.project("ownProject", w.partner.ID), true)) },
			ownInternal: func(w *ptWorld) pulid.ID {
				return w.projectFile(w.project("ownProject", w.partner.ID), false)
			},
		},
		// Photos and voice notes of visits: ours alone, even on the partner's own account.
		"MediaNote": {
			foreign:     func(w *ptWorld) []pulid.ID { return ptIDsOf(w.mediaNote(w.e.f.southAcct.ID)) },
			ownInternal: func(w *ptWorld) pulid.ID { return w.mediaNote(w.partner.ID) },
		},
		"ProjectMember": {
			foreign: func(w *ptWorld) []pulid.ID {
				return ptIDsOf(w.c.ProjectMember.Create().SetProjectID(w.project("southProject", w.e.f.southAcct.ID)).SetUserID(w.e.f.rep3.ID).SaveX(w.e.sys).ID)
			},
			ownInternal: func(w *ptWorld) pulid.ID {
				return w.c.ProjectMember.Create().SetProjectID(w.project("ownProject", w.partner.ID)).SetUserID(w.e.f.rep1.ID).SaveX(w.e.sys).ID
			},
		},

		// Internal types: never a partner's, not even about its own organisation.
		"SavedQuery": {foreign: func(w *ptWorld) []pulid.ID {
			return ptIDsOf(w.c.SavedQuery.Create().SetOwnerID(w.e.f.analyst.ID).SetName("pilot trials").SetQuery("{ samples(first: 5) { totalCount } }").SaveX(w.e.sys).ID)
		}},
		// A snooze of the partner's own order, by our rep: still ours.
		"Snooze": {foreign: func(w *ptWorld) []pulid.ID {
			return ptIDsOf(w.c.Snooze.Create().SetOwnerID(w.e.f.rep1.ID).SetKind("ORDER_LATE").SetNodeID(w.partner.ID).
				SetUntil(time.Now().Add(time.Hour)).SaveX(w.e.sys).ID)
		}},
		"Team":       {foreign: func(w *ptWorld) []pulid.ID { return ptIDsOf(w.e.f.eastTeam.ID, w.e.f.southTeam.ID) }},
		"User":       {foreign: func(w *ptWorld) []pulid.ID { return ptIDsOf(w.e.f.rep1.ID, w.e.f.rep3.ID, w.e.f.admin.ID) }},
		"MarketInfo": {foreign: func(w *ptWorld) []pulid.ID { return ptIDsOf(w.marketInfo()) }},
		"MarketInfoShare": {
			foreign: func(w *ptWorld) []pulid.ID {
				return ptIDsOf(w.c.MarketInfoShare.Create().SetMarketInfoID(w.marketInfo()).SetCustomerID(w.e.f.southAcct.ID).SaveX(w.e.sys).ID)
			},
			ownInternal: func(w *ptWorld) pulid.ID {
				return w.c.MarketInfoShare.Create().SetMarketInfoID(w.marketInfo()).SetCustomerID(w.partner.ID).SaveX(w.e.sys).ID
			},
		},
		"ExchangeRate": {foreign: func(w *ptWorld) []pulid.ID {
			return ptIDsOf(w.c.ExchangeRate.Create().SetFromCurrency("USD").SetToCurrency("CNY").SetRate(7.1).
				SetValidFrom(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)).SaveX(w.e.sys).ID)
		}},
		// The one row of classification weights, made at start-up.
		"ClassificationSetting": {foreign: func(w *ptWorld) []pulid.ID {
			return ptIDsOf(w.c.ClassificationSetting.Query().OnlyIDX(w.e.sys))
		}},
		"PricePoint": {foreign: func(w *ptWorld) []pulid.ID {
			return ptIDsOf(w.c.PricePoint.Create().SetProductID(w.p1.ID).SetPrice(18.5).SaveX(w.e.sys).ID,
				w.c.PricePoint.Create().SetProductID(w.p2.ID).SetPrice(9).SaveX(w.e.sys).ID)
		}},
		"IssueEvent": {
			foreign: func(w *ptWorld) []pulid.ID {
				return ptIDsOf(w.c.IssueEvent.Create().SetIssueID(w.southIssue()).SetCustomerID(w.e.f.southAcct.ID).SetKind(issueevent.KindSLA_BREACHED).
					SetDeadline(issueevent.DeadlineRESPOND).SetSeverity(issueevent.SeverityMEDIUM).SetDueAt(time.Now()).SaveX(w.e.sys).ID)
			},
			ownInternal: func(w *ptWorld) pulid.ID {
				return w.c.IssueEvent.Create().SetIssueID(w.ownIssue()).SetCustomerID(w.partner.ID).SetKind(issueevent.KindSLA_BREACHED).
					SetDeadline(issueevent.DeadlineRESPOND).SetSeverity(issueevent.SeverityMEDIUM).SetDueAt(time.Now()).SaveX(w.e.sys).ID
			},
		},
		"AuditEvent": {
			foreign:     func(w *ptWorld) []pulid.ID { return ptIDsOf(w.firstAudit(w.southOrder.ID)) },
			ownInternal: func(w *ptWorld) pulid.ID { return w.firstAudit(w.ownOrder.ID) },
		},
		"APIToken": {
			foreign: func(w *ptWorld) []pulid.ID {
				_, id := w.e.ptIssue(w.admin, w.e.f.southAcct.ID, "orders:read")
				return ptIDsOf(id)
			},
			ownInternal: func(w *ptWorld) pulid.ID { return w.tokenID },
		},
		"AccountChange": {
			foreign: func(w *ptWorld) []pulid.ID {
				return ptIDsOf(w.c.AccountChange.Create().SetCustomerID(w.e.f.southAcct.ID).SetKind(accountchange.KindREASSIGNED).
					SetReason("isolation").SaveX(w.e.sys).ID)
			},
			ownInternal: func(w *ptWorld) pulid.ID {
				return w.c.AccountChange.Create().SetCustomerID(w.partner.ID).SetKind(accountchange.KindREASSIGNED).
					SetReason("isolation").SaveX(w.e.sys).ID
			},
		},
		"StageChange": {
			foreign:     func(w *ptWorld) []pulid.ID { return ptIDsOf(w.firstStageChange(w.e.f.southAcct.ID)) },
			ownInternal: func(w *ptWorld) pulid.ID { return w.firstStageChange(w.partner.ID) },
		},
		"ServiceDocument": {
			foreign: func(w *ptWorld) []pulid.ID {
				return ptIDsOf(w.c.ServiceDocument.Create().SetCustomerID(w.e.f.southAcct.ID).SetType(servicedocument.TypeSGS_REPORT).SaveX(w.e.sys).ID)
			},
			ownInternal: func(w *ptWorld) pulid.ID {
				return w.c.ServiceDocument.Create().SetCustomerID(w.partner.ID).SetType(servicedocument.TypeCOA).SetNote("internal").SaveX(w.e.sys).ID
			},
		},
		"Contact": {
			foreign:     func(w *ptWorld) []pulid.ID { return ptIDsOf(w.e.f.southContact.ID, w.e.f.acmeContact.ID) },
			ownInternal: func(w *ptWorld) pulid.ID { return w.ownContact() },
		},
		"Person": {
			foreign: func(w *ptWorld) []pulid.ID {
				ct := w.c.Contact.Create().SetCustomerID(w.e.f.southAcct.ID).SetName("陈工").SetMobile("13600136000").SaveX(w.e.sys)
				return ptIDsOf(w.c.Contact.GetX(w.e.sys, ct.ID).PersonID)
			},
			ownInternal: func(w *ptWorld) pulid.ID { return w.ownPerson() },
		},
		"KeyPerson": {
			foreign: func(w *ptWorld) []pulid.ID { return ptIDsOf(w.e.f.acmeKeyPerson.ID) },
			ownInternal: func(w *ptWorld) pulid.ID {
				return w.c.KeyPerson.Create().SetCustomerID(w.partner.ID).SetContactID(w.ownContact()).
					SetDecisionRole(keyperson.DecisionRoleDECISION_MAKER).SetAttitude(keyperson.AttitudeCHAMPION).
					SetPrivateNotes("plays golf on Saturdays").SaveX(w.e.sys).ID
			},
		},
		"Need": {
			foreign: func(w *ptWorld) []pulid.ID {
				return ptIDsOf(w.c.Need.Create().SetCustomerID(w.e.f.southAcct.ID).SetLevel(need.LevelCOMPANY).SetDescription("IPO next year").SaveX(w.e.sys).ID)
			},
			ownInternal: func(w *ptWorld) pulid.ID {
				return w.c.Need.Create().SetCustomerID(w.partner.ID).SetLevel(need.LevelPERSONAL).SetDescription("wants a promotion").SaveX(w.e.sys).ID
			},
		},
		"Competitor": {
			foreign: func(w *ptWorld) []pulid.ID {
				return ptIDsOf(w.c.Competitor.Create().SetCustomerID(w.e.f.southAcct.ID).SetName("Rival South").SaveX(w.e.sys).ID)
			},
			ownInternal: func(w *ptWorld) pulid.ID {
				return w.c.Competitor.Create().SetCustomerID(w.partner.ID).SetName("Rival Partner").SaveX(w.e.sys).ID
			},
		},
		"Pitch": {
			foreign: func(w *ptWorld) []pulid.ID {
				return ptIDsOf(w.c.Pitch.Create().SetCustomerID(w.e.f.southAcct.ID).SetEntryPoint(pitch.EntryPointPAYMENT_TERMS).SaveX(w.e.sys).ID)
			},
			ownInternal: func(w *ptWorld) pulid.ID {
				return w.c.Pitch.Create().SetCustomerID(w.partner.ID).SetEntryPoint(pitch.EntryPointTECHNOLOGY).SaveX(w.e.sys).ID
			},
		},
		"Interaction": {
			foreign: func(w *ptWorld) []pulid.ID {
				return ptIDsOf(w.e.f.privateInteraction.ID, w.e.f.openInteraction.ID)
			},
			ownInternal: func(w *ptWorld) pulid.ID {
				return w.c.Interaction.Create().SetCustomerID(w.partner.ID).SetKind(interaction.KindVISIT).SetAuthorID(w.e.f.rep1.ID).
					SetFindings("purchasing manager leaving in May").SaveX(w.e.sys).ID
			},
		},
		"Task": {
			foreign: func(w *ptWorld) []pulid.ID {
				return ptIDsOf(w.c.Task.Create().SetCustomerID(w.e.f.southAcct.ID).SetTitle("Chase south payment").SaveX(w.e.sys).ID)
			},
			ownInternal: func(w *ptWorld) pulid.ID {
				return w.c.Task.Create().SetCustomerID(w.partner.ID).SetAssigneeID(w.e.f.rep1.ID).SetTitle("Push price increase").SaveX(w.e.sys).ID
			},
		},
		"Assistance": {
			foreign: func(w *ptWorld) []pulid.ID {
				return ptIDsOf(w.c.Assistance.Create().SetCustomerID(w.e.f.southAcct.ID).SetKind(assistance.KindFUNDING).SetDescription("bridge loan").SaveX(w.e.sys).ID)
			},
			ownInternal: func(w *ptWorld) pulid.ID {
				return w.c.Assistance.Create().SetCustomerID(w.partner.ID).SetKind(assistance.KindTESTING).SetDescription("test their pellets").SaveX(w.e.sys).ID
			},
		},
	}
}

// ptMade is what the table made for one type.
type ptMade struct {
	foreign  []pulid.ID
	own      pulid.ID
	internal pulid.ID
}

// ptPopulate runs the table for every Node type the schema lists.
func ptPopulate(t *testing.T, w *ptWorld, types []string) map[string]ptMade {
	t.Helper()
	table := ptIsolationTable()
	made := map[string]ptMade{}
	for _, name := range types {
		row, ok := table[name]
		if !ok {
			continue
		}
		var m ptMade
		m.foreign = row.foreign(w)
		if row.own != nil {
			m.own = row.own(w)
			if !w.own[m.own] {
				t.Errorf("%s: the own record %s is not registered as the partner's", name, m.own)
			}
		}
		if row.ownInternal != nil {
			m.internal = row.ownInternal(w)
		}
		for _, id := range append(append([]pulid.ID{}, m.foreign...), m.own, m.internal) {
			if id != "" && pulid.TypeOf(id) != name {
				t.Errorf("isolation table row %s made %s, a %s", name, id, pulid.TypeOf(id))
			}
			if id != "" && w.own[id] && !slices.Contains([]pulid.ID{m.own}, id) {
				t.Errorf("isolation table row %s: %s is both the partner's and not", name, id)
			}
		}
		if len(m.foreign) == 0 {
			t.Errorf("isolation table row %s made no foreign record", name)
		}
		made[name] = m
	}
	return made
}

// ---------------------------------------------------------------------------------
// Introspection

type ptTypeRef struct {
	Kind   string     `json:"kind"`
	Name   string     `json:"name"`
	OfType *ptTypeRef `json:"ofType"`
}

func (t ptTypeRef) named() string {
	for t.OfType != nil {
		t = *t.OfType
	}
	return t.Name
}

func (t ptTypeRef) String() string {
	switch t.Kind {
	case "NON_NULL":
		return t.OfType.String() + "!"
	case "LIST":
		return "[" + t.OfType.String() + "]"
	}
	return t.Name
}

type ptInput struct {
	Name         string    `json:"name"`
	DefaultValue *string   `json:"defaultValue"`
	Type         ptTypeRef `json:"type"`
}

func (i ptInput) required() bool { return i.Type.Kind == "NON_NULL" && i.DefaultValue == nil }

type ptField struct {
	Name string    `json:"name"`
	Args []ptInput `json:"args"`
	Type ptTypeRef `json:"type"`
}

type ptType struct {
	Kind        string                  `json:"kind"`
	Name        string                  `json:"name"`
	Interfaces  []struct{ Name string } `json:"interfaces"`
	Fields      []ptField               `json:"fields"`
	InputFields []ptInput               `json:"inputFields"`
	EnumValues  []struct{ Name string } `json:"enumValues"`
}

type ptSchema struct {
	query, mutation string
	types           map[string]*ptType
}

const ptIntrospection = `query {
  __schema {
    queryType { name }
    mutationType { name }
    types {
      kind name
      interfaces { name }
      fields { name args { name defaultValue type { ...ptT } } type { ...ptT } }
      inputFields { name defaultValue type { ...ptT } }
      enumValues { name }
    }
  }
}
fragment ptT on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`

func ptLoadSchema(t *testing.T, e *env, admin string) *ptSchema {
	t.Helper()
	d := e.ok(admin, ptIntrospection, nil)
	raw, _ := json.Marshal(dig(d, "__schema"))
	var s struct {
		QueryType    struct{ Name string } `json:"queryType"`
		MutationType struct{ Name string } `json:"mutationType"`
		Types        []*ptType             `json:"types"`
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatal(err)
	}
	out := &ptSchema{query: s.QueryType.Name, mutation: s.MutationType.Name, types: map[string]*ptType{}}
	for _, ty := range s.Types {
		out.types[ty.Name] = ty
	}
	if out.types[out.query] == nil || out.types["Node"] == nil {
		t.Fatalf("introspection has no %s or Node type", out.query)
	}
	return out
}

func (s *ptSchema) implementsNode(name string) bool {
	ty := s.types[name]
	if ty == nil {
		return false
	}
	if ty.Kind == "INTERFACE" && name == "Node" {
		return true
	}
	for _, i := range ty.Interfaces {
		if i.Name == "Node" {
			return true
		}
	}
	return false
}

// nodeTypes lists every OBJECT type implementing Node.
func (s *ptSchema) nodeTypes() []string {
	var out []string
	for name, ty := range s.types {
		if ty.Kind == "OBJECT" && s.implementsNode(name) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

func (ty *ptType) field(name string) *ptField {
	for i := range ty.Fields {
		if ty.Fields[i].Name == name {
			return &ty.Fields[i]
		}
	}
	return nil
}

func (s *ptSchema) isConnection(name string) bool {
	ty := s.types[name]
	return ty != nil && strings.HasSuffix(name, "Connection") && ty.field("edges") != nil
}

// connNode is the node type of a connection type.
func (s *ptSchema) connNode(conn string) string {
	edges := s.types[conn].field("edges")
	edge := s.types[edges.Type.named()]
	if edge == nil || edge.field("node") == nil {
		return ""
	}
	return edge.field("node").Type.named()
}

// rootConnections lists the root Query fields returning a connection.
func (s *ptSchema) rootConnections() []ptField {
	var out []ptField
	for _, f := range s.types[s.query].Fields {
		if s.isConnection(f.Type.named()) {
			out = append(out, f)
		}
	}
	return out
}

// selection is the sub-selection reading the IDs a field leads to: "" for scalars,
// { __typename } for objects that are not nodes.
func (s *ptSchema) selection(t ptTypeRef) string {
	n := t.named()
	ty := s.types[n]
	switch {
	case ty == nil || ty.Kind == "SCALAR" || ty.Kind == "ENUM":
		return ""
	case s.isConnection(n):
		node := s.connNode(n)
		inner := "{ __typename }"
		if s.implementsNode(node) {
			inner = "{ id }"
		} else if nt := s.types[node]; nt != nil {
			for _, f := range nt.Fields {
				if s.implementsNode(f.Type.named()) {
					inner = "{ " + f.Name + " { id } }"
					break
				}
			}
		}
		total := ""
		if ty.field("totalCount") != nil {
			total = "totalCount "
		}
		return "{ " + total + "edges { node " + inner + " } }"
	case s.implementsNode(n):
		return "{ id }"
	}
	return "{ __typename }"
}

// call builds the call of a field: its required arguments as variables, known ones
// taken from known, the others made up from their types.
func (s *ptSchema) call(f ptField, known map[string]any, anyID pulid.ID) (decl, use string, vars map[string]any, uploads []string) {
	vars = map[string]any{}
	var ds, us []string
	for _, a := range f.Args {
		v, ok := known[a.Name]
		if !ok {
			if !a.required() {
				continue
			}
			v = s.sample(a.Type, "variables.a_"+a.Name, anyID, &uploads)
		}
		ds = append(ds, "$a_"+a.Name+": "+a.Type.String())
		us = append(us, a.Name+": $a_"+a.Name)
		vars["a_"+a.Name] = v
	}
	if len(ds) > 0 {
		decl, use = "("+strings.Join(ds, ", ")+")", "("+strings.Join(us, ", ")+")"
	}
	return decl, use, vars, uploads
}

// sample makes up a value of a type, with only required input fields.
func (s *ptSchema) sample(t ptTypeRef, path string, anyID pulid.ID, uploads *[]string) any {
	switch t.Kind {
	case "NON_NULL":
		return s.sample(*t.OfType, path, anyID, uploads)
	case "LIST":
		return []any{s.sample(*t.OfType, path+".0", anyID, uploads)}
	case "ENUM":
		return s.types[t.Name].EnumValues[0].Name
	case "INPUT_OBJECT":
		m := map[string]any{}
		for _, f := range s.types[t.Name].InputFields {
			if f.required() {
				m[f.Name] = s.sample(f.Type, path+"."+f.Name, anyID, uploads)
			}
		}
		return m
	}
	switch t.Name {
	case "ID":
		return string(anyID)
	case "Int":
		return 1
	case "Float":
		return 1.5
	case "Boolean":
		return false
	case "Time":
		return time.Now().UTC().Format(time.RFC3339)
	case "Upload":
		*uploads = append(*uploads, path)
		return nil
	}
	return "probe"
}

// ptPost sends a GraphQL request, as a multipart request when it carries uploads.
func (e *env) ptPost(token, query string, vars map[string]any, uploads []string) *gqlResponse {
	e.t.Helper()
	if len(uploads) == 0 {
		return e.do(token, query, vars)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	ops, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	_ = mw.WriteField("operations", string(ops))
	m, _ := json.Marshal(map[string][]string{"0": uploads})
	_ = mw.WriteField("map", string(m))
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="0"; filename="probe.pdf"`)
	h.Set("Content-Type", "application/pdf")
	part, _ := mw.CreatePart(h)
	_, _ = part.Write([]byte("%PDF-1.4\n%probe\n"))
	_ = mw.Close()
	req, _ := http.NewRequest(http.MethodPost, e.srv.URL+"/graphql", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	out := &gqlResponse{status: res.StatusCode}
	if err := json.Unmarshal(raw, out); err != nil {
		e.t.Fatalf("not JSON (%d): %s", res.StatusCode, raw)
	}
	return out
}

// ptFake is a well-formed ID of the same type as id that exists nowhere.
func ptFake(id pulid.ID) pulid.ID { return pulid.ID(string(id[:2]) + strings.Repeat("0", 26)) }

// checkOnlyOwn fails when an answer carries the ID of a record the partner may not read.
func (w *ptWorld) checkOnlyOwn(t *testing.T, what string, data any) {
	t.Helper()
	for _, id := range ptIDs(data) {
		if !w.own[id] {
			t.Errorf("LEAK %s: the answer holds %s (%s), not the partner's", what, id, pulid.TypeOf(id))
		}
	}
}

// ptPartnerMutations are the mutations a partner token may call, each with the test
// that checks it cannot reach another customer. Every other mutation must answer
// FORBIDDEN to a partner.
// ptPartnerQueries are the root queries (besides node, nodes and the connections) a
// partner token may call, each with the test that checks it cannot reach another
// customer.
var ptPartnerQueries = map[string]string{
	"availability": "TestStockPlan",
}

var ptPartnerMutations = map[string]string{
	"createIssue":             "TestPartnerFilesProblems",
	"attachIssueFile":         "TestPartnerAttachesFiles",
	"acknowledgeChangeNotice": "TestPartnerAcknowledgesChangeNotices",
	"createWebhookEndpoint":   "TestPartnerWebhooks",
	"deleteWebhookEndpoint":   "TestPartnerWebhooks",
	"acceptQuotation":         "TestQuotationPartner",
	"rejectQuotation":         "TestQuotationPartner",
}

// ---------------------------------------------------------------------------------
// 2. The isolation table

func TestPartnerIsolationTable(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		w := ptSetup(t, e)
		s := ptLoadSchema(t, e, w.admin)
		types := s.nodeTypes()
		table := ptIsolationTable()
		for _, name := range types {
			if _, ok := table[name]; !ok {
				t.Errorf("Node type %s is missing from the isolation table: add it to the isolation table (ptIsolationTable in server/app/partner_test.go)", name)
			}
		}
		for name := range table {
			if !slices.Contains(types, name) {
				t.Logf("isolation table lists %s, which introspection does not list as a Node type", name)
			}
		}
		if t.Failed() {
			t.FailNow()
		}
		made := ptPopulate(t, w, types)
		conns := s.rootConnections()
		t.Logf("isolation table: %d Node types, %d root connections", len(types), len(conns))

		nodeQ := `query($id: ID!) { node(id: $id) { id __typename } }`
		nodesQ := `query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }`
		for _, name := range types {
			m := made[name]
			for _, r := range m.foreign {
				// node(id:) of another customer's record: null, NOT_FOUND or FORBIDDEN.
				got := e.do(w.token, nodeQ, map[string]any{"id": r})
				if dig(got.Data, "node") != nil || !ptOnlyCodes(got, "NOT_FOUND", "FORBIDDEN") {
					t.Errorf("LEAK %s: node(%s) as partner = %v, errors %v", name, r, got.Data, ptCodes(got))
				}
				// The same answer for a record that does not exist: no existence oracle.
				fake := e.do(w.token, nodeQ, map[string]any{"id": ptFake(r)})
				if got.code() != fake.code() || len(got.Errors) == 0 || len(fake.Errors) == 0 || got.Errors[0].Message != fake.Errors[0].Message {
					t.Errorf("ORACLE %s: node(existing foreign) answers %q %v, node(non-existent %s) answers %q %v",
						name, got.code(), got.Errors, ptFake(r), fake.code(), fake.Errors)
				}
				got = e.do(w.token, nodesQ, map[string]any{"ids": []any{r}})
				if dig(got.Data, "nodes", 0) != nil || !ptOnlyCodes(got, "NOT_FOUND", "FORBIDDEN") {
					t.Errorf("LEAK %s: nodes([%s]) as partner = %v, errors %v", name, r, got.Data, ptCodes(got))
				}
				fake = e.do(w.token, nodesQ, map[string]any{"ids": []any{ptFake(r)}})
				if got.code() != fake.code() {
					t.Errorf("ORACLE %s: nodes([existing foreign]) answers %q, nodes([non-existent]) %q", name, got.code(), fake.code())
				}
				// Mixed with an own record (the batched path).
				got = e.do(w.token, nodesQ, map[string]any{"ids": []any{w.partner.ID, r}})
				w.checkOnlyOwn(t, "nodes([own customer, "+name+"])", got.Data)
				if dig(got.Data, "nodes", 1) != nil || !ptOnlyCodes(got, "NOT_FOUND", "FORBIDDEN") {
					t.Errorf("LEAK %s: nodes([own, %s]) = %v, errors %v", name, r, got.Data, ptCodes(got))
				}
			}
			if m.internal != "" {
				got := e.do(w.token, nodeQ, map[string]any{"id": m.internal})
				if dig(got.Data, "node") != nil || !ptOnlyCodes(got, "NOT_FOUND", "FORBIDDEN") {
					t.Errorf("LEAK %s: node(the partner organisation's internal %s) = %v, errors %v", name, m.internal, got.Data, ptCodes(got))
				}
			}
			if m.own != "" {
				got := e.do(w.token, nodeQ, map[string]any{"id": m.own})
				if len(got.Errors) > 0 || idOf(dig(got.Data, "node", "id")) != m.own || dig(got.Data, "node", "__typename") != name {
					t.Errorf("%s: node(own %s) = %v, errors %+v", name, m.own, got.Data, got.Errors)
				}
			}
		}

		// Every own record at once: all come back.
		var all []any
		for id := range w.own {
			all = append(all, id)
		}
		got := e.do(w.token, nodesQ, map[string]any{"ids": all})
		if len(got.Errors) > 0 || len(ptIDs(got.Data)) != len(all) {
			t.Errorf("nodes(all %d own records) = %d ids, errors %+v", len(all), len(ptIDs(got.Data)), got.Errors)
		}

		// Every root connection: FORBIDDEN, or exactly the partner's own records.
		for _, f := range conns {
			node := s.connNode(f.Type.named())
			decl, use, vars, _ := s.call(f, map[string]any{"first": 50, "customerID": w.partner.ID}, w.partner.ID)
			for _, a := range f.Args {
				if a.required() && a.Name != "first" && a.Name != "customerID" {
					t.Errorf("root connection %s needs argument %s: teach the isolation test a value for it", f.Name, a.Name)
				}
			}
			q := fmt.Sprintf("query%s { %s%s %s }", decl, f.Name, use, s.selection(f.Type))
			r := e.do(w.token, q, vars)
			w.checkOnlyOwn(t, "root "+f.Name, r.Data)
			if len(r.Errors) > 0 {
				if !ptOnlyCodes(r, "FORBIDDEN") || dig(r.Data, f.Name) != nil {
					t.Errorf("root %s as partner: errors %+v, data %v (want FORBIDDEN without data, or the own records)", f.Name, r.Errors, r.Data)
				}
				continue
			}
			want := w.ownOf(node, false)
			edges := ptList(dig(r.Data, f.Name, "edges"))
			if tc := dig(r.Data, f.Name, "totalCount"); tc != nil && num(tc) != len(want) {
				t.Errorf("LEAK root %s: totalCount %d, the partner owns %d %s", f.Name, num(tc), len(want), node)
			}
			if s.implementsNode(node) && len(edges) != len(want) {
				t.Errorf("root %s: %d edges, the partner owns %d %s", f.Name, len(edges), len(want), node)
			}
			t.Logf("root %s: answered, %d %s", f.Name, len(edges), node)
		}

		// Edges of the partner's own customer: FORBIDDEN, or exactly its own records.
		for _, f := range s.types["Customer"].Fields {
			if !s.isConnection(f.Type.named()) {
				continue
			}
			node := s.connNode(f.Type.named())
			q := fmt.Sprintf(`query($id: ID!) { node(id: $id) { ... on Customer { %s(first: 50) %s } } }`, f.Name, s.selection(f.Type))
			r := e.do(w.token, q, map[string]any{"id": w.partner.ID})
			w.checkOnlyOwn(t, "Customer."+f.Name, r.Data)
			if len(r.Errors) > 0 {
				if !ptOnlyCodes(r, "FORBIDDEN", "NOT_FOUND") || dig(r.Data, "node", f.Name) != nil {
					t.Errorf("Customer.%s as partner: errors %+v, data %v", f.Name, r.Errors, r.Data)
				}
				continue
			}
			want := w.ownOf(node, true)
			delete(want, w.partner.ID)
			if tc := num(dig(r.Data, "node", f.Name, "totalCount")); tc != len(want) || len(ptList(dig(r.Data, "node", f.Name, "edges"))) != len(want) {
				t.Errorf("LEAK Customer.%s: totalCount %d, edges %v; the partner owns %d", f.Name, tc, dig(r.Data, "node", f.Name, "edges"), len(want))
			}
		}

		// Every field of every own record that leads to other records (edges from a
		// product or a notice the partner shares with other customers included).
		var ownIDs []pulid.ID
		for id := range w.own {
			ownIDs = append(ownIDs, id)
		}
		slices.Sort(ownIDs)
		for _, id := range ownIDs {
			typ := pulid.TypeOf(id)
			for _, f := range s.types[typ].Fields {
				sel := s.selection(f.Type)
				if sel == "" || sel == "{ __typename }" {
					continue
				}
				args, skip := "", false
				for _, a := range f.Args {
					switch {
					case a.Name == "first":
						args = "(first: 50)"
					case a.required():
						skip = true
					}
				}
				if skip {
					continue
				}
				q := fmt.Sprintf(`query($id: ID!) { node(id: $id) { ... on %s { %s%s %s } } }`, typ, f.Name, args, sel)
				vars := map[string]any{"id": id}
				r := e.do(w.token, q, vars)
				w.checkOnlyOwn(t, typ+"."+f.Name, r.Data)
				if len(r.Errors) > 0 && !ptOnlyCodes(r, "FORBIDDEN", "NOT_FOUND") {
					t.Errorf("%s.%s as partner: errors %+v", typ, f.Name, r.Errors)
				}
				if tc := dig(r.Data, "node", f.Name, "totalCount"); tc != nil && num(tc) != len(ptList(dig(r.Data, "node", f.Name, "edges"))) {
					t.Errorf("LEAK %s.%s: totalCount %d counts records the partner does not get", typ, f.Name, num(tc))
				}
			}
		}

		// The shared product and notice, exactly.
		for _, c := range []struct {
			id    pulid.ID
			query string
			path  []any
			want  int
		}{
			{w.p1.ID, `... on Product { orderLines(first: 50) { totalCount } }`, []any{"orderLines", "totalCount"}, 1},
			{w.p1.ID, `... on Product { samples(first: 50) { totalCount } }`, []any{"samples", "totalCount"}, 1},
			{w.p1.ID, `... on Product { documents(first: 50) { totalCount } }`, []any{"documents", "totalCount"}, 3},
			{w.p1.ID, `... on Product { changeNotices(first: 50) { totalCount } }`, []any{"changeNotices", "totalCount"}, 1},
			{w.sharedNotice(), `... on ChangeNotice { acks(first: 50) { totalCount } }`, []any{"acks", "totalCount"}, 1},
		} {
			r := e.do(w.token, `query($id: ID!) { node(id: $id) { `+c.query+` } }`, map[string]any{"id": c.id})
			if len(r.Errors) > 0 || num(dig(r.Data, append([]any{"node"}, c.path...)...)) != c.want {
				t.Errorf("LEAK %s: %v, errors %+v (want %d)", c.query, r.Data, r.Errors, c.want)
			}
		}
		r := e.do(w.token, `query($id: ID!) { node(id: $id) { ... on ChangeNotice { pendingAcks { id } } } }`, map[string]any{"id": w.sharedNotice()})
		w.checkOnlyOwn(t, "ChangeNotice.pendingAcks", r.Data)
	})
}

// ---------------------------------------------------------------------------------
// Filters and hidden fields

func TestPartnerFiltersAndHiddenFields(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		w := ptSetup(t, e)
		s := ptLoadSchema(t, e, w.admin)
		made := ptPopulate(t, w, s.nodeTypes())

		// Filters on hidden fields or through hidden edges: FORBIDDEN, no count.
		for _, c := range []struct{ field, query string }{
			{"orders", `{ orders(first: 10, where: {hasCustomerWith: [{scaleGT: 0}]}) { totalCount edges { node { id } } } }`},
			{"issues", `{ issues(first: 10, where: {lossAmountGT: 0}) { totalCount edges { node { id } } } }`},
			{"customers", `{ customers(first: 5, where: {stage: PARTNER}) { totalCount edges { node { id } } } }`},
			{"orders", `{ orders(first: 10, where: {hasCustomerWith: [{hasKeyPersonsWith: [{attitude: CHAMPION}]}]}) { totalCount } }`},
			{"customers", `{ customers(first: 5, where: {or: [{notesContains: "price"}, {scaleGTE: 1}]}) { totalCount } }`},
			{"samples", `{ samples(first: 5, where: {hasRequestedByWith: [{emailContains: "rep1"}]}) { totalCount } }`},
			{"products", `{ products(first: 5, where: {hasPricePointsWith: [{priceGT: 0}]}) { totalCount } }`},
			{"issues", `{ issues(first: 5, where: {not: {hasAssigneeWith: [{role: REP}]}}) { totalCount } }`},
			{"customers", `{ customers(first: 5, where: {hasContactsWith: [{hasPersonWith: [{championAccountsGT: 0}]}]}) { totalCount } }`},
			{"persons", `{ persons(first: 5, where: {championAccountsGT: 0}) { totalCount } }`},
		} {
			r := e.do(w.token, c.query, nil)
			if r.code() != "FORBIDDEN" || dig(r.Data, c.field) != nil || ptHasValue(r.Data, "totalCount") {
				t.Errorf("LEAK %s: want FORBIDDEN without data, got %v errors %v", c.query, r.Data, ptCodes(r))
			}
			if a := e.do(w.admin, c.query, nil); len(a.Errors) > 0 {
				t.Errorf("control: admin cannot run %s: %+v", c.query, a.Errors)
			}
		}

		// Hidden fields of its own organisation, by every path to it.
		paths := []struct {
			name, query string
			vars        map[string]any
		}{
			{"node", `query($id: ID!) { node(id: $id) { ... on Customer { id %s } } }`, map[string]any{"id": w.partner.ID}},
			{"customers", `{ customers(first: 5) { edges { node { id %s } } } }`, nil},
			{"order.customer", `{ orders(first: 5) { edges { node { id customer { id %s } } } } }`, nil},
		}
		for _, field := range []struct{ key, sel string }{
			{"stage", "stage"}, {"score", "score"}, {"tier", "tier"}, {"scale", "scale"},
			{"classification", "classification { score tier }"}, {"notes", "notes"}, {"owner", "owner { id email }"},
			{"keyPersons", "keyPersons(first: 5) { totalCount edges { node { id privateNotes } } }"},
			{"interactions", "interactions(first: 5) { totalCount edges { node { id findings } } }"},
			{"contacts", "contacts(first: 5) { totalCount edges { node { id name } } }"},
			{"competitors", "competitors(first: 5) { totalCount }"},
			{"pitches", "pitches(first: 5) { totalCount }"},
			{"needs", "needs(first: 5) { totalCount }"},
			{"stageChanges", "stageChanges(first: 5) { totalCount }"},
		} {
			for _, p := range paths {
				q := fmt.Sprintf(p.query, field.sel)
				r := e.do(w.token, q, p.vars)
				// A hidden edge to an internal type may be refused by the privacy rule
				// when the parent eager-loads it (NOT_FOUND), before the guard's FORBIDDEN.
				refused := slices.Contains(ptCodes(r), "FORBIDDEN") || (strings.Contains(field.sel, "(first:") && ptOnlyCodes(r, "NOT_FOUND"))
				if !refused || ptHasValue(r.Data, field.key) {
					t.Errorf("LEAK Customer.%s via %s: data %v, errors %v", field.key, p.name, r.Data, ptCodes(r))
				}
				if a := e.do(w.admin, q, p.vars); len(a.Errors) > 0 {
					t.Errorf("control: admin cannot run %s: %+v", q, a.Errors)
				}
			}
		}

		// Internal fields of the partner's own records.
		for _, c := range []struct {
			id       pulid.ID
			typ, sel string
			key      string
		}{
			{made["Issue"].own, "Issue", "lossAmount", "lossAmount"},
			{made["Issue"].own, "Issue", "assignee { id email }", "assignee"},
			{made["Issue"].own, "Issue", "reportedBy { id }", "reportedBy"},
			{made["IssueAttachment"].own, "IssueAttachment", "uploadedBy { id email }", "uploadedBy"},
			{made["IssueAttachment"].own, "IssueAttachment", "uploadedByID", "uploadedByID"},
			{made["Sample"].own, "Sample", "requestedBy { id email }", "requestedBy"},
			{w.ownOrder.ID, "Order", "notes", "notes"},
			{w.p1.ID, "Product", "pricePoints(first: 5) { totalCount edges { node { price } } }", "pricePoints"},
			{w.sharedNotice(), "ChangeNotice", "affectedCustomers { id name }", "affectedCustomers"},
			{made["OrderEvent"].own, "OrderEvent", "actor { id }", "actor"},
			{made["SampleEvent"].own, "SampleEvent", "actor { id }", "actor"},
		} {
			q := fmt.Sprintf(`query($id: ID!) { node(id: $id) { ... on %s { id %s } } }`, c.typ, c.sel)
			r := e.do(w.token, q, map[string]any{"id": c.id})
			if !slices.Contains(ptCodes(r), "FORBIDDEN") || ptHasValue(r.Data, c.key) {
				t.Errorf("LEAK %s.%s: data %v, errors %v", c.typ, c.key, r.Data, ptCodes(r))
			}
			if a := e.do(w.admin, q, map[string]any{"id": c.id}); len(a.Errors) > 0 || !ptHasValue(a.Data, c.key) {
				t.Errorf("control: admin reads no %s.%s: %v %+v", c.typ, c.key, a.Data, a.Errors)
			}
		}

		// Root fields that are not the partner's: FORBIDDEN. Generated from
		// introspection, so a new report or mutation is covered too.
		for _, root := range []string{s.query, s.mutation} {
			for _, f := range s.types[root].Fields {
				if strings.HasPrefix(f.Name, "__") || (root == s.query && (f.Name == "node" || f.Name == "nodes" || s.isConnection(f.Type.named()))) ||
					(root == s.mutation && ptPartnerMutations[f.Name] != "") || (root == s.query && ptPartnerQueries[f.Name] != "") {
					continue
				}
				decl, use, vars, uploads := s.call(f, nil, w.ownOrder.ID)
				op := "query"
				if root == s.mutation {
					op = "mutation"
				}
				q := fmt.Sprintf("%s%s { %s%s %s }", op, decl, f.Name, use, s.selection(f.Type))
				before := w.c.AuditEvent.Query().CountX(e.sys)
				r := e.ptPost(w.token, q, vars, uploads)
				if r.code() != "FORBIDDEN" || dig(r.Data, f.Name) != nil {
					t.Errorf("%s.%s as partner: want FORBIDDEN, got %v errors %+v (if partners may call it, test that it cannot reach another customer and list it in ptPartnerMutations)",
						root, f.Name, r.Data, r.Errors)
				}
				if after := w.c.AuditEvent.Query().CountX(e.sys); after != before {
					t.Errorf("%s.%s as partner changed something (%d audit events)", root, f.Name, after-before)
				}
			}
		}
	})
}

// ---------------------------------------------------------------------------------
// Scopes

func TestPartnerScopes(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		w := ptSetup(t, e)
		s := ptLoadSchema(t, e, w.admin)
		made := ptPopulate(t, w, s.nodeTypes())
		ordersOnly, _ := e.ptIssue(w.admin, w.partner.ID, "orders:read")

		d := e.ok(ordersOnly, `{ orders(first: 10) { totalCount edges { node { id lines(first: 5) { totalCount } } } } }`, nil)
		if num(dig(d, "orders", "totalCount")) != 1 || num(dig(d, "orders", "edges", 0, "node", "lines", "totalCount")) != 1 {
			t.Fatalf("orders:read token: orders %v", d)
		}
		nothing := func(what string, r *gqlResponse, path ...any) {
			t.Helper()
			w.checkOnlyOwn(t, what, r.Data)
			if ptOnlyCodes(r, "FORBIDDEN", "NOT_FOUND") && dig(r.Data, path...) == nil {
				return
			}
			if len(r.Errors) == 0 && num(dig(r.Data, append(path, "totalCount")...)) == 0 && len(ptList(dig(r.Data, append(path, "edges")...))) == 0 {
				return
			}
			t.Errorf("SCOPE %s with only orders:read: %v errors %v", what, r.Data, ptCodes(r))
		}
		for _, root := range []string{"samples", "trials", "issues", "documents", "changeNotices", "changeNoticeAcks"} {
			nothing(root, e.do(ordersOnly, fmt.Sprintf(`{ %s(first: 10) { totalCount edges { node { id } } } }`, root), nil), root)
		}
		for _, edge := range []string{"samples", "trials", "issues", "documents", "changeNoticeAcks"} {
			nothing("Customer."+edge, e.do(ordersOnly, fmt.Sprintf(`query($id: ID!) { node(id: $id) { ... on Customer { %s(first: 10) { totalCount edges { node { id } } } } } }`, edge),
				map[string]any{"id": w.partner.ID}), "node", edge)
		}
		nothing("Order.issues", e.do(ordersOnly, `query($id: ID!) { node(id: $id) { ... on Order { issues(first: 10) { totalCount edges { node { id } } } } } }`,
			map[string]any{"id": w.ownOrder.ID}), "node", "issues")
		nothing("Product.documents", e.do(ordersOnly, `query($id: ID!) { node(id: $id) { ... on Product { documents(first: 10) { totalCount edges { node { id } } } } } }`,
			map[string]any{"id": w.p1.ID}), "node", "documents")
		for _, typ := range []string{"Sample", "Trial", "Issue", "IssueAttachment", "Document", "ChangeNotice", "ChangeNoticeAck", "SampleEvent"} {
			r := e.do(ordersOnly, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": made[typ].own})
			if dig(r.Data, "node") != nil || !ptOnlyCodes(r, "FORBIDDEN", "NOT_FOUND") {
				t.Errorf("SCOPE node(own %s) with only orders:read: %v errors %v", typ, r.Data, ptCodes(r))
			}
		}
	})
}

// TestPartnerWhereThroughSharedRecords probes, with filters a partner may use, what
// other customers buy, at which price and batch, and whom a notice concerns: the
// product and the notice are the partner's, their order lines, samples, documents
// and acknowledgements mostly are not. FORBIDDEN, or the answer on its own data.
func TestPartnerWhereThroughSharedRecords(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		w := ptSetup(t, e)
		ptPopulate(t, w, ptLoadSchema(t, e, w.admin).nodeTypes())

		for _, c := range []struct {
			field, query string
			want         int // the answer on the partner's own data
		}{
			{"documents", `{ documents(first: 10, where: {hasCustomerWith: [{nameContains: "East"}]}) { totalCount } }`, 0},
			{"documents", `{ documents(first: 10, where: {hasCustomerWith: [{nameContains: "Partner"}]}) { totalCount } }`, 1},
			{"products", `{ products(first: 10, where: {hasOrderLinesWith: [{unitPriceLT: 10}]}) { totalCount } }`, 0},
			{"products", `{ products(first: 10, where: {hasOrderLinesWith: [{unitPriceGT: 10}]}) { totalCount } }`, 1},
			{"products", `{ products(first: 10, where: {hasOrderLinesWith: [{quantityGT: 300}]}) { totalCount } }`, 0},
			{"products", `{ products(first: 10, where: {hasOrderLinesWith: [{hasOrderWith: [{hasCustomerWith: [{nameContains: "彩虹"}]}]}]}) { totalCount } }`, 0},
			{"products", `{ products(first: 10, where: {hasSamplesWith: [{hasCustomerWith: [{nameContains: "彩虹"}]}]}) { totalCount } }`, 0},
			{"products", `{ products(first: 10, where: {hasDocumentsWith: [{batchNo: "B-SOUTH-1"}]}) { totalCount } }`, 0},
			{"changeNotices", `{ changeNotices(first: 10, where: {hasAcksWith: [{hasCustomerWith: [{nameContains: "彩虹"}]}]}) { totalCount } }`, 0},
			{"changeNotices", `{ changeNotices(first: 10, where: {hasAcksWith: [{acknowledgedByContains: "陈"}]}) { totalCount } }`, 0},
			{"orders", `{ orders(first: 10, where: {hasLinesWith: [{hasProductWith: [{hasOrderLinesWith: [{unitPriceLT: 10}]}]}]}) { totalCount } }`, 0},
			{"documents", `{ documents(first: 10, where: {hasProductWith: [{hasOrderLinesWith: [{batchNo: "B-SOUTH-1"}]}]}) { totalCount } }`, 0},
		} {
			r := e.do(w.token, c.query, nil)
			if r.code() == "FORBIDDEN" && dig(r.Data, c.field) == nil {
				continue
			}
			if len(r.Errors) > 0 || num(dig(r.Data, c.field, "totalCount")) != c.want {
				t.Errorf("LEAK %s: totalCount %v errors %v; on the partner's own data the answer is %d",
					c.query, dig(r.Data, c.field, "totalCount"), ptCodes(r), c.want)
			}
		}

	})
}

// TestPartnerScopeFilters: a token without a scope learns nothing of that scope's
// records by filtering the records it may read on them.
func TestPartnerScopeFilters(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		w := ptSetup(t, e)
		ptPopulate(t, w, ptLoadSchema(t, e, w.admin).nodeTypes())
		ordersOnly, _ := e.ptIssue(w.admin, w.partner.ID, "orders:read")
		for _, c := range []struct{ field, query string }{
			{"orders", `{ orders(first: 10, where: {hasIssuesWith: [{titleContains: "Haze"}]}) { totalCount } }`},
			{"customers", `{ customers(first: 5, where: {hasIssuesWith: [{titleContains: "Haze"}]}) { totalCount } }`},
			{"customers", `{ customers(first: 5, where: {hasSamplesWith: [{purposeContains: "outdoor"}]}) { totalCount } }`},
			{"orders", `{ orders(first: 10, where: {hasShipmentsWith: [{hasOrderWith: [{hasIssuesWith: [{titleContains: "Haze"}]}]}]}) { totalCount } }`},
		} {
			r := e.do(ordersOnly, c.query, nil)
			if !(ptOnlyCodes(r, "FORBIDDEN", "NOT_FOUND") && dig(r.Data, c.field) == nil) && !(len(r.Errors) == 0 && num(dig(r.Data, c.field, "totalCount")) == 0) {
				t.Errorf("SCOPE %s with only orders:read: totalCount %v errors %v (the answer reveals records of a scope the token lacks)",
					c.query, dig(r.Data, c.field, "totalCount"), ptCodes(r))
			}
			if a := e.do(w.token, c.query, nil); num(dig(a.Data, c.field, "totalCount")) != 1 {
				t.Errorf("control: with every scope %s counts %v, want 1 (%+v)", c.query, dig(a.Data, c.field, "totalCount"), a.Errors)
			}
		}
	})
}

// ---------------------------------------------------------------------------------
// 3. Filing problems

func TestPartnerFilesProblems(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		w := ptSetup(t, e)
		c, ctx, f := w.c, e.sys, e.f
		create := `mutation($in: CreateIssueInput!) { createIssue(input: $in) { id title customer { id } order { id } } }`
		issues := func() int { return c.Issue.Query().CountX(ctx) }

		// Its own organisation, about its own order: filed.
		d := e.ok(w.token, create, map[string]any{"in": map[string]any{
			"customerID": w.partner.ID, "orderID": w.ownOrder.ID, "title": "Yellowing after 200 h QUV", "category": "QUALITY_FLUCTUATION", "batchNo": "B-PARTNER-1"}})
		id := idOf(dig(d, "createIssue", "id"))
		if idOf(dig(d, "createIssue", "customer", "id")) != w.partner.ID || idOf(dig(d, "createIssue", "order", "id")) != w.ownOrder.ID {
			t.Fatalf("filed issue: %v", d)
		}
		if got := c.Issue.GetX(ctx, id); got.CustomerID != w.partner.ID || got.OrderID != w.ownOrder.ID || got.Title != "Yellowing after 200 h QUV" {
			t.Fatalf("stored issue: %+v", got)
		}
		e.ok(w.token, create, map[string]any{"in": map[string]any{"customerID": w.partner.ID, "title": "Invoice missing", "category": "INVOICE"}})

		// On another customer, about another customer's order or a product it never
		// bought, or assigned to one of our people: refused, nothing created.
		n := issues()
		for _, c := range []struct {
			name string
			in   map[string]any
		}{
			{"another customer", map[string]any{"customerID": f.southAcct.ID, "title": "x", "category": "OTHER"}},
			{"another customer's order", map[string]any{"customerID": w.partner.ID, "orderID": w.southOrder.ID, "title": "x", "category": "OTHER"}},
			{"another customer, own order", map[string]any{"customerID": f.southAcct.ID, "orderID": w.ownOrder.ID, "title": "x", "category": "OTHER"}},
			{"a product it never bought", map[string]any{"customerID": w.partner.ID, "productID": w.p2.ID, "title": "x", "category": "OTHER"}},
			{"an assignee of ours", map[string]any{"customerID": w.partner.ID, "assigneeID": f.rep3.ID, "title": "x", "category": "OTHER"}},
		} {
			r := e.do(w.token, create, map[string]any{"in": c.in})
			if len(r.Errors) == 0 || dig(r.Data, "createIssue") != nil {
				t.Errorf("LEAK createIssue on %s: %v", c.name, r.Data)
			}
			if got := issues(); got != n {
				t.Fatalf("createIssue on %s created %d issues", c.name, got-n)
			}
		}
		// An existing order of another customer answers like one that does not exist.
		real := e.do(w.token, create, map[string]any{"in": map[string]any{"customerID": w.partner.ID, "orderID": w.southOrder.ID, "title": "x", "category": "OTHER"}})
		fake := e.do(w.token, create, map[string]any{"in": map[string]any{"customerID": w.partner.ID, "orderID": ptFake(w.southOrder.ID), "title": "x", "category": "OTHER"}})
		if real.code() != fake.code() || len(real.Errors) == 0 || len(fake.Errors) == 0 ||
			strings.ReplaceAll(real.Errors[0].Message, string(w.southOrder.ID), "ID") != strings.ReplaceAll(fake.Errors[0].Message, string(ptFake(w.southOrder.ID)), "ID") {
			t.Errorf("ORACLE createIssue: foreign order answers %+v, non-existent order %+v", real.Errors, fake.Errors)
		}

		// Without issues:write: FORBIDDEN.
		readOnly, _ := e.ptIssue(w.admin, w.partner.ID, "orders:read", "issues:read")
		r := e.do(readOnly, create, map[string]any{"in": map[string]any{"customerID": w.partner.ID, "title": "x", "category": "OTHER"}})
		expectCode(t, r, "FORBIDDEN")
		if got := issues(); got != n {
			t.Fatalf("a token without issues:write filed %d issues", got-n)
		}

		// Nothing else is written by a partner, not even its own records.
		for _, m := range []struct {
			query string
			vars  map[string]any
		}{
			{`mutation($id: ID!) { updateOrder(id: $id, input: {contractNo: "HIJACK"}) { id } }`, map[string]any{"id": w.ownOrder.ID}},
			{`mutation($id: ID!) { updateOrderLine(id: $id, input: {unitPrice: 0.01}) { id } }`, map[string]any{"id": w.ownLine.ID}},
			{`mutation($id: ID!) { deleteOrderLine(id: $id) { deletedID } }`, map[string]any{"id": w.ownLine.ID}},
			{`mutation($id: ID!) { updateIssue(id: $id, input: {status: CLOSED}) { id } }`, map[string]any{"id": id}},
			{`mutation($id: ID!) { updateCustomer(id: $id, input: {name: "Renamed"}) { id } }`, map[string]any{"id": w.partner.ID}},
			{`mutation($id: ID!) { completeOrderStep(input: {id: $id, step: CONFIRMED}) { id } }`, map[string]any{"id": w.ownOrder.ID}},
			{`mutation($id: ID!) { cancelOrder(input: {id: $id, reason: "x"}) { id } }`, map[string]any{"id": w.ownOrder.ID}},
			{`mutation($c: ID!) { createOrder(input: {customerID: $c, number: "PO-FAKE"}) { id } }`, map[string]any{"c": w.partner.ID}},
			{`mutation($id: ID!) { revokeAPIToken(id: $id) { id } }`, map[string]any{"id": w.tokenID}},
		} {
			r := e.do(w.token, m.query, m.vars)
			expectCode(t, r, "FORBIDDEN")
		}
		if o := c.Order.GetX(ctx, w.ownOrder.ID); o.ContractNo == "HIJACK" || o.Status != "OPEN" {
			t.Errorf("own order changed by the partner: %+v", o)
		}
		if l := c.OrderLine.GetX(ctx, w.ownLine.ID); l.UnitPrice == nil || *l.UnitPrice != 20 {
			t.Errorf("own order line changed by the partner: %+v", l)
		}
		if cu := c.Customer.GetX(ctx, w.partner.ID); cu.Name != "Partner Co" {
			t.Errorf("partner renamed itself: %q", cu.Name)
		}
		if is := c.Issue.GetX(ctx, id); is.Status != issue.StatusOPEN {
			t.Errorf("partner moved its issue to %s", is.Status)
		}
		if c.APIToken.GetX(ctx, w.tokenID).RevokedAt != nil {
			t.Errorf("partner revoked its own token")
		}
	})
}

// ---------------------------------------------------------------------------------
// Webhooks: the partner mutations besides createIssue.

func TestPartnerWebhooks(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		w := ptSetup(t, e)
		c, ctx, f := w.c, e.sys, e.f
		create := `mutation($in: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $in) { secret endpoint { id customer { id } } } }`
		del := `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { id active } }`
		southEndpoints := func() int {
			return c.WebhookEndpoint.Query().Where(webhookendpoint.CustomerID(f.southAcct.ID)).CountX(ctx)
		}

		d := e.ok(w.token, create, map[string]any{"in": map[string]any{"url": "https://erp.partner.example/a", "events": []string{"issue.updated"}}})
		if idOf(dig(d, "createWebhookEndpoint", "endpoint", "customer", "id")) != w.partner.ID {
			t.Fatalf("partner endpoint: %v", d)
		}
		southEp := w.southEndpoint()
		n := southEndpoints()
		r := e.do(w.token, create, map[string]any{"in": map[string]any{"customerID": f.southAcct.ID, "url": "https://evil.example/x", "events": []string{"order.status_changed"}}})
		if len(r.Errors) == 0 || dig(r.Data, "createWebhookEndpoint") != nil || southEndpoints() != n {
			t.Errorf("LEAK createWebhookEndpoint for another customer: %v errors %v", r.Data, ptCodes(r))
		}

		real := e.do(w.token, del, map[string]any{"id": southEp})
		fake := e.do(w.token, del, map[string]any{"id": ptFake(southEp)})
		if dig(real.Data, "deleteWebhookEndpoint") != nil || !ptOnlyCodes(real, "NOT_FOUND", "FORBIDDEN") {
			t.Errorf("LEAK deleteWebhookEndpoint of another customer: %v errors %v", real.Data, ptCodes(real))
		}
		if real.code() != fake.code() {
			t.Errorf("ORACLE deleteWebhookEndpoint: existing foreign %q, non-existent %q", real.code(), fake.code())
		}
		if !c.WebhookEndpoint.GetX(ctx, southEp).Active {
			t.Errorf("the partner deactivated another customer's endpoint")
		}

		// Without webhooks:manage: neither listed nor created.
		ordersOnly, _ := e.ptIssue(w.admin, w.partner.ID, "orders:read")
		before := c.WebhookEndpoint.Query().CountX(ctx)
		r = e.do(ordersOnly, create, map[string]any{"in": map[string]any{"url": "https://erp.partner.example/b", "events": []string{"issue.updated"}}})
		if len(r.Errors) == 0 || c.WebhookEndpoint.Query().CountX(ctx) != before {
			t.Errorf("SCOPE createWebhookEndpoint without webhooks:manage: %v", r.Data)
		}
		r = e.do(ordersOnly, `{ webhookEndpoints(first: 5) { totalCount } }`, nil)
		if !(ptOnlyCodes(r, "FORBIDDEN", "NOT_FOUND") && dig(r.Data, "webhookEndpoints") == nil) && num(dig(r.Data, "webhookEndpoints", "totalCount")) != 0 {
			t.Errorf("SCOPE webhookEndpoints without webhooks:manage: %v", r.Data)
		}
	})
}

// mediaNote is a photo on a visit of the account.
func (w *ptWorld) mediaNote(customerID pulid.ID) pulid.ID {
	in := w.c.Interaction.Create().SetCustomerID(customerID).SetKind("VISIT").SetSummary("现场").SaveX(w.e.sys)
	return w.c.MediaNote.Create().SetInteractionID(in.ID).SetKind(medianote.KindPHOTO).SetFileName("line.jpg").
		SetContentType("image/jpeg").SetSizeBytes(1).SetSha256("00").SetStorageKey("media/pt/line.jpg").SaveX(w.e.sys).ID
}

package app_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"tandem/ent"
	"tandem/ent/auditevent"
	"tandem/ent/refreshtoken"
	"tandem/ent/viewer"
	"tandem/ent/webhookdelivery"
	"tandem/server/auth"
	"tandem/server/webhook"
)

func stringOf(v any) string { b, _ := json.Marshal(v); return string(b) }

// asViewer is a context in which u acts, as after signing in.
func asViewer(_ *env, u *ent.User) context.Context {
	return viewer.NewContext(context.Background(), auth.ViewerOf(u))
}

const (
	resetPasswordMutation = `mutation($id: ID!) { resetUserPassword(id: $id) { temporaryPassword user { id mustChangePassword } } }`
	inviteUserMutation    = `mutation($in: CreateUserInput!) { inviteUser(input: $in) { temporaryPassword user { id email mustChangePassword } } }`
	changePasswordMut     = `mutation($c: String!, $n: String!) { changePassword(input: {currentPassword: $c, newPassword: $n}) }`
	loginMustChange       = `mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { accessToken refreshToken mustChangePassword user { mustChangePassword } } }`
)

// An admin resets a rep's forgotten password: the temporary password signs in, but
// until it is changed the server answers only me/changePassword/logout/refresh/
// viewerAccess — every other operation is PASSWORD_CHANGE_REQUIRED — and the old
// password, the rep's sessions and the sign-in block are gone. Managers, reps and
// analysts may not reset anyone's password.
func TestResetPasswordForcesAChange(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		f := e.f
		admin := e.token(f.admin)
		old := e.ok("", loginMutation, map[string]any{"e": f.rep1.Email, "p": password})
		for range 12 {
			e.do("", loginMutation, map[string]any{"e": f.rep1.Email, "p": "wrong password, again"})
		}
		expectCode(t, e.do("", loginMutation, map[string]any{"e": f.rep1.Email, "p": password}), "RATE_LIMITED")

		for _, who := range []string{e.token(f.manager), e.token(f.rep2), e.token(f.analyst)} {
			expectCode(t, e.do(who, resetPasswordMutation, map[string]any{"id": f.rep1.ID}), "FORBIDDEN")
		}
		d := e.ok(admin, resetPasswordMutation, map[string]any{"id": f.rep1.ID})
		temp, _ := dig(d, "resetUserPassword", "temporaryPassword").(string)
		if len(temp) < 20 || dig(d, "resetUserPassword", "user", "mustChangePassword") != true {
			t.Fatalf("reset: %v", d)
		}
		expectCode(t, e.do("", refreshMutation, map[string]any{"t": dig(old, "login", "refreshToken")}), "UNAUTHENTICATED")
		expectCode(t, e.do("", loginMutation, map[string]any{"e": f.rep1.Email, "p": password}), "UNAUTHENTICATED")

		s := e.ok("", loginMustChange, map[string]any{"e": f.rep1.Email, "p": temp})
		if dig(s, "login", "mustChangePassword") != true || dig(s, "login", "user", "mustChangePassword") != true {
			t.Fatalf("login with the temporary password: %v", s)
		}
		tok := dig(s, "login", "accessToken").(string)
		for _, q := range []string{`{ customers(first: 5) { totalCount } }`, `{ me { id } customers(first: 1) { totalCount } }`,
			`mutation { updateUser(id: "` + string(f.rep1.ID) + `", input: {name: "x"}) { id } }`} {
			expectCode(t, e.do(tok, q, nil), "PASSWORD_CHANGE_REQUIRED")
		}
		if me := e.ok(tok, `{ me { email mustChangePassword } viewerAccess { manages } }`, nil); dig(me, "me", "mustChangePassword") != true {
			t.Fatalf("me: %v", me)
		}
		e.ok(tok, changePasswordMut, map[string]any{"c": temp, "n": "a brand new passphrase"})
		s = e.ok("", loginMustChange, map[string]any{"e": f.rep1.Email, "p": "a brand new passphrase"})
		if dig(s, "login", "mustChangePassword") != false {
			t.Fatalf("after the change: %v", s)
		}
		e.ok(dig(s, "login", "accessToken").(string), `{ customers(first: 5) { totalCount } }`, nil)
		// The temporary password worked once: it is replaced.
		expectCode(t, e.do("", loginMutation, map[string]any{"e": f.rep1.Email, "p": temp}), "UNAUTHENTICATED")
		// Nobody sets the flag on themselves.
		if err := e.app.DB.Client.User.UpdateOneID(f.rep1.ID).SetMustChangePassword(true).Exec(asViewer(e, f.rep1)); err == nil {
			t.Fatal("a rep required a password change of themselves")
		}
	})
}

// An admin invites a user without choosing a password: a temporary one is shown once,
// the user must change it; only admins invite.
func TestInviteUserWithATemporaryPassword(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		in := map[string]any{"email": "new.rep@t.test", "name": "Wang Fang", "role": "REP", "teamID": e.f.eastTeam.ID}
		expectCode(t, e.do(e.token(e.f.manager), inviteUserMutation, map[string]any{"in": in}), "FORBIDDEN")
		d := e.ok(e.token(e.f.admin), inviteUserMutation, map[string]any{"in": in})
		temp, _ := dig(d, "inviteUser", "temporaryPassword").(string)
		if len(temp) < 20 || dig(d, "inviteUser", "user", "mustChangePassword") != true {
			t.Fatalf("invite: %v", d)
		}
		s := e.ok("", loginMustChange, map[string]any{"e": "new.rep@t.test", "p": temp})
		expectCode(t, e.do(dig(s, "login", "accessToken").(string), `{ customers(first: 1) { totalCount } }`, nil), "PASSWORD_CHANGE_REQUIRED")
	})
}

// Deactivating a user (admins only) ends their sessions at once: their access token
// stops, their refresh tokens are revoked and stay revoked if they are reactivated,
// and they cannot sign in while inactive.
func TestDeactivationEndsSessions(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		f := e.f
		s := e.ok("", loginMutation, map[string]any{"e": f.rep2.Email, "p": password})
		tok, refresh := dig(s, "login", "accessToken").(string), dig(s, "login", "refreshToken")
		setActive := `mutation($id: ID!, $a: Boolean!) { updateUser(id: $id, input: {active: $a}) { active } }`
		if r := e.do(e.token(f.manager), setActive, map[string]any{"id": f.rep2.ID, "a": false}); r.code() == "" {
			t.Fatalf("a manager deactivated a rep: %v", r.Data)
		}
		e.ok(e.token(f.admin), setActive, map[string]any{"id": f.rep2.ID, "a": false})
		expectCode(t, e.do(tok, `{ me { id } }`, nil), "UNAUTHENTICATED")
		expectCode(t, e.do("", loginMutation, map[string]any{"e": f.rep2.Email, "p": password}), "UNAUTHENTICATED")
		if n := e.app.DB.Client.RefreshToken.Query().Where(refreshtoken.UserID(f.rep2.ID), refreshtoken.RevokedAtIsNil()).CountX(e.sys); n != 0 {
			t.Fatalf("%d refresh tokens of a deactivated user still valid", n)
		}
		e.ok(e.token(f.admin), setActive, map[string]any{"id": f.rep2.ID, "a": true})
		expectCode(t, e.do("", refreshMutation, map[string]any{"t": refresh}), "UNAUTHENTICATED")
		e.ok("", loginMutation, map[string]any{"e": f.rep2.Email, "p": password})
	})
}

const auditLogQuery = `query($w: AuditEventWhereInput, $after: Cursor) { auditEvents(first: 2, after: $after, where: $w, orderBy: {field: AT, direction: DESC}) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { actorID actorLabel actorName action entityType entityID before after changes { field before after } } } } }`

// The audit log names who acted — a user by name and email, a partner token by its
// name, "system" otherwise, and for old rows without a label the acting user — and
// filters by actor, entity and action; only admins read it; secrets never appear.
func TestAuditLogNamesActorsAndFilters(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		f, c := e.f, e.app.DB.Client
		admin := e.token(f.admin)
		e.ok(admin, `mutation($id: ID!) { updateUser(id: $id, input: {role: MANAGER}) { id } }`, map[string]any{"id": f.rep3.ID})
		e.ok(admin, resetPasswordMutation, map[string]any{"id": f.rep3.ID})
		secret, _ := e.ptIssue(admin, f.acmeEast.ID, "issues:write")
		d := e.ok(secret, `mutation($c: ID!) { createIssue(input: {customerID: $c, title: "Haze after QUV", category: QUALITY_FLUCTUATION}) { id } }`,
			map[string]any{"c": f.acmeEast.ID})
		issueID := dig(d, "createIssue", "id").(string)

		byEntity := e.ok(admin, auditLogQuery, map[string]any{"w": map[string]any{"entityID": f.rep3.ID}})
		conn := dig(byEntity, "auditEvents")
		if num(dig(conn, "totalCount")) < 2 || dig(conn, "pageInfo", "hasNextPage") != true {
			t.Fatalf("rep3's audit rows: %v", conn)
		}
		label := "admin@t.test <admin@t.test>"
		for i := range 2 {
			n := dig(conn, "edges", i, "node")
			if dig(n, "actorLabel") != label || dig(n, "actorName") != label || idOf(dig(n, "actorID")) != f.admin.ID {
				t.Fatalf("row %d: %v", i, n)
			}
		}
		all := ""
		for _, after := range []any{nil, dig(conn, "pageInfo", "endCursor")} {
			page := e.ok(admin, auditLogQuery, map[string]any{"w": map[string]any{"entityID": f.rep3.ID}, "after": after})
			all += strings.ToLower(strings.Join(strings.Fields(stringOf(page)), " "))
		}
		for _, secretBit := range []string{"password_hash", "argon2", "$argon"} {
			if strings.Contains(all, secretBit) {
				t.Fatalf("the audit log shows %q: %s", secretBit, all)
			}
		}
		if !strings.Contains(all, "must_change_password") || !strings.Contains(all, "manager") {
			t.Fatalf("the reset and the role change are not in the log: %s", all)
		}

		tokenRows := e.ok(admin, auditLogQuery, map[string]any{"w": map[string]any{"entityID": issueID, "action": "CREATE"}})
		if n := dig(tokenRows, "auditEvents", "edges", 0, "node"); dig(n, "actorName") != "API token ERP issues:write" || (dig(n, "actorID") != nil && dig(n, "actorID") != "") {
			t.Fatalf("the partner's issue: %v", n)
		}
		byActor := e.ok(admin, auditLogQuery, map[string]any{"w": map[string]any{"actorID": f.admin.ID, "entityType": "User", "action": "UPDATE"}})
		if num(dig(byActor, "auditEvents", "totalCount")) != 2 {
			t.Fatalf("admin's user updates: %v", byActor)
		}

		// The seed wrote users with no viewer: the server itself.
		seeded := e.ok(admin, auditLogQuery, map[string]any{"w": map[string]any{"entityID": f.rep1.ID, "action": "CREATE"}})
		if n := dig(seeded, "auditEvents", "edges", 0, "node"); dig(n, "actorLabel") != "system" || dig(n, "actorName") != "system" {
			t.Fatalf("a change without a viewer: %v", n)
		}
		// The record is named as the event recorded it (no ID to decode).
		named1 := e.ok(admin, `query($id: String!) { auditEvents(first: 1, where: {entityID: $id, action: CREATE}) { edges { node { entityName } } } }`,
			map[string]any{"id": string(f.rep1.ID)})
		if got := dig(named1, "auditEvents", "edges", 0, "node", "entityName"); got != f.rep1.Name && got != f.rep1.Email {
			t.Fatalf("the rep's CREATE names the record %v", got)
		}

		// An old row: no label; its actor is named from the user; no actor is "system".
		c.AuditEvent.Create().SetAction(auditevent.ActionUPDATE).SetEntityType("Customer").SetEntityID("CU-OLD").SetActorID(f.manager.ID).ExecX(e.sys)
		c.AuditEvent.Create().SetAction(auditevent.ActionUPDATE).SetEntityType("Customer").SetEntityID("CU-OLD").ExecX(e.sys)
		old := e.ok(admin, auditLogQuery, map[string]any{"w": map[string]any{"entityID": "CU-OLD"}})
		names := []any{dig(old, "auditEvents", "edges", 0, "node", "actorName"), dig(old, "auditEvents", "edges", 1, "node", "actorName")}
		if !(names[0] == "manager@t.test <manager@t.test>" && names[1] == "system" || names[1] == "manager@t.test <manager@t.test>" && names[0] == "system") {
			t.Fatalf("old rows: %v", names)
		}

		// A page of old rows names its actors with one query, not one per row.
		actors := []*ent.User{f.manager, f.rep1, f.rep2, f.analyst}
		for i := range 12 {
			c.AuditEvent.Create().SetAction(auditevent.ActionUPDATE).SetEntityType("Customer").SetEntityID("CU-MANY").SetActorID(actors[i%4].ID).ExecX(e.sys)
		}
		page := func(fields string) (any, int64) {
			before := e.statements.Load()
			d := e.ok(admin, `{ auditEvents(first: 12, where: {entityID: "CU-MANY"}) { edges { node { `+fields+` } } } }`, nil)
			return d, e.statements.Load() - before
		}
		named, withNames := page("actorID actorName")
		_, plain := page("actorID")
		if withNames > plain+1 {
			t.Fatalf("naming 12 old rows' actors took %d statements more than not naming them", withNames-plain)
		}
		// The app's "leave out what imports wrote" filter.
		c.AuditEvent.Create().SetAction(auditevent.ActionCREATE).SetEntityType("Customer").SetEntityID("CU-MANY").SetActorLabel("import by 王经理").ExecX(e.sys)
		noImports := e.ok(admin, `{ auditEvents(first: 20, where: {entityID: "CU-MANY", or: [{actorLabelIsNil: true}, {not: {actorLabelHasPrefix: "import"}}]}) { totalCount } }`, nil)
		if n := num(dig(noImports, "auditEvents", "totalCount")); n != 12 {
			t.Fatalf("without imports: %d events, want the 12 others", n)
		}
		for _, edge := range dig(named, "auditEvents", "edges").([]any) {
			if n := dig(edge, "node"); !strings.Contains(dig(n, "actorName").(string), "@t.test") {
				t.Fatalf("an old row's actor: %v", n)
			}
		}

		for _, who := range []string{e.token(f.manager), e.token(f.rep1), e.token(f.analyst)} {
			r := e.do(who, auditLogQuery, nil)
			if r.code() == "" && num(dig(r.Data, "auditEvents", "totalCount")) != 0 {
				t.Fatalf("a non-admin read the audit log: %v", r.Data)
			}
		}
	})
}

// An admin retries a FAILED webhook delivery: it is queued for one more attempt now;
// other statuses and non-admins are refused.
func TestRetryFailedWebhookDelivery(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c, f := e.app.DB.Client, e.f
		ep := c.WebhookEndpoint.Create().SetCustomerID(f.acmeEast.ID).SetURL("https://erp.acme.example/hooks").
			SetEvents([]string{"order.status_changed"}).SetSecret("whsec_x").SaveX(e.sys)
		mk := func(s webhookdelivery.Status) string {
			return string(c.WebhookDelivery.Create().SetEndpointID(ep.ID).SetCustomerID(f.acmeEast.ID).SetEventID("EV-" + string(s)).
				SetEventType("order.status_changed").SetPayload(`{}`).SetStatus(s).SetAttempts(webhook.MaxAttempts).
				SetNextAttemptAt(time.Now().Add(-time.Hour)).SetLastError("timeout").SaveX(e.sys).ID)
		}
		failed, delivered := mk(webhookdelivery.StatusFAILED), mk(webhookdelivery.StatusDELIVERED)
		retry := `mutation($id: ID!) { retryWebhookDelivery(id: $id) { status attempts nextAttemptAt } }`
		expectCode(t, e.do(e.token(f.manager), retry, map[string]any{"id": failed}), "FORBIDDEN")
		admin := e.token(f.admin)
		expectCode(t, e.do(admin, retry, map[string]any{"id": delivered}), "BAD_USER_INPUT")
		before := time.Now().Add(-time.Second)
		d := e.ok(admin, retry, map[string]any{"id": failed})
		if dig(d, "retryWebhookDelivery", "status") != "PENDING" || num(dig(d, "retryWebhookDelivery", "attempts")) != webhook.MaxAttempts-1 {
			t.Fatalf("retried: %v", d)
		}
		got := c.WebhookDelivery.GetX(e.sys, idOf(failed))
		if got.NextAttemptAt.Before(before) || got.NextAttemptAt.After(time.Now().Add(time.Second)) {
			t.Fatalf("next attempt at %v, want now", got.NextAttemptAt)
		}
		// A deleted endpoint's delivery cannot be retried.
		c.WebhookEndpoint.UpdateOneID(ep.ID).SetActive(false).ExecX(e.sys)
		c.WebhookDelivery.UpdateOneID(idOf(failed)).SetStatus(webhookdelivery.StatusFAILED).ExecX(e.sys)
		expectCode(t, e.do(admin, retry, map[string]any{"id": failed}), "BAD_USER_INPUT")
	})
}

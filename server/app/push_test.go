package app_test

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"tandem/ent/pushsent"
	"tandem/ent/pushsubscription"
	"tandem/server/app"
	"tandem/server/jobs"
	"tandem/server/push/pushtest"
)

const subscribePushMutation = `mutation($input: PushSubscriptionInput!) { subscribePush(input: $input) { id userAgent failing } }`

const reminderSettingsQuery = `{ reminderSettings { kinds digestAt timeZone publicKey devices { id userAgent } } }`

// pushJob is the app's reminder job.
func pushJob(t *testing.T, e *env) jobs.Job {
	for _, j := range e.app.Jobs() {
		if j.Name == "push-reminders" {
			return j
		}
	}
	t.Fatal("no push-reminders job")
	return jobs.Job{}
}

// Web Push reminders: subscribing a browser (refusals change nothing), a visit within
// the hour reaching the browser once however many processes run the job, the morning
// digest at its time, a push service's "gone" ending the subscription.
func TestPushReminders(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b, func(t *testing.T) {
			t.Parallel()
			svc := pushtest.New()
			defer svc.Close()
			e := newEnv(t, b, envOptions{config: func(c *app.Config) { c.Push.Hosts = []string{svc.Host()} }})
			testPushReminders(t, e, svc)
		})
	}
}

func testPushReminders(t *testing.T, e *env, svc *pushtest.Service) {
	c, sys, f := e.app.DB.Client, e.sys, e.f
	rep1 := e.token(f.rep1)

	d := e.ok(rep1, reminderSettingsQuery, nil)
	if kinds := dig(d, "reminderSettings", "kinds").([]any); len(kinds) != 5 || dig(d, "reminderSettings", "publicKey") == nil ||
		len(dig(d, "reminderSettings", "devices").([]any)) != 0 {
		t.Fatalf("settings before any choice: %v", d)
	}

	// Refused: an address that is not a push service (the server would POST to it),
	// a key off the curve, a short secret, another loopback port. Nothing is stored.
	endpoint, p256dh, auth := svc.Subscribe("/push/rep1-phone")
	for _, bad := range []struct{ endpoint, p256dh, auth, field string }{
		{"http://169.254.169.254/latest/meta-data", p256dh, auth, "endpoint"},
		{"https://fcm.googleapis.com.evil.example/x", p256dh, auth, "endpoint"},
		{"http://127.0.0.1:5432/", p256dh, auth, "endpoint"},
		{endpoint, strings.Replace(p256dh, p256dh[10:14], "AAAA", 1), auth, "p256dh"},
		{endpoint, p256dh, "c2hvcnQ", "auth"},
	} {
		r := e.do(rep1, subscribePushMutation, map[string]any{"input": map[string]any{"endpoint": bad.endpoint, "p256dh": bad.p256dh, "auth": bad.auth}})
		if r.code() != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != bad.field {
			t.Errorf("subscribing %s: %+v, want BAD_USER_INPUT on %s", bad.endpoint, r.Errors, bad.field)
		}
	}
	if n := c.PushSubscription.Query().CountX(sys); n != 0 {
		t.Fatalf("refused subscriptions stored %d rows", n)
	}
	if r := e.do("", reminderSettingsQuery, nil); r.code() != "UNAUTHENTICATED" {
		t.Errorf("signed out: %+v", r.Errors)
	}

	// Subscribed twice (the app subscribes at every start): one device.
	for i := 0; i < 2; i++ {
		e.ok(rep1, subscribePushMutation, map[string]any{"input": map[string]any{"endpoint": endpoint, "p256dh": p256dh, "auth": auth, "userAgent": "Chrome on Android"}})
	}
	if n := c.PushSubscription.Query().CountX(sys); n != 1 {
		t.Fatalf("%d subscriptions for one browser", n)
	}
	if r := e.ok(rep1, `mutation { sendTestPush }`, nil); num(dig(r, "sendTestPush")) != 1 || len(svc.Received()) != 1 || svc.Received()[0].Message.Kind != "TEST" {
		t.Fatalf("test push: %v, received %+v", r, svc.Received())
	}
	// A second test at once is refused: a flood would get the server's key throttled.
	if r := e.do(rep1, `mutation { sendTestPush }`, nil); r.code() != "RATE_LIMITED" || len(svc.Received()) != 1 {
		t.Fatalf("a second test at once: %+v", r.Errors)
	}

	// A visit within the hour: reminded once, in rep1's language, opening the account.
	now := clearOfMidnight(t)
	at := now.Add(30 * time.Minute)
	if at.Day() != now.Day() {
		at = now.Add(2 * time.Minute) // just before midnight: Today is the UTC day
	}
	e.ok(rep1, `mutation($input: CreateInteractionInput!) { createInteraction(input: $input) { id } }`,
		map[string]any{"input": map[string]any{"customerID": string(f.acmeEast.ID), "kind": "VISIT", "occurredAt": at.Format(time.RFC3339), "summary": "中试方案沟通"}})
	job := pushJob(t, e)
	ctx := context.Background()
	// Four runs at once, as four processes whose claims raced: one notification.
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); _, _ = job.Run(ctx, now) }()
	}
	wg.Wait()
	if _, err := job.Run(ctx, now.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	var visits []pushtest.Received
	for _, r := range svc.Received() {
		if r.Message.Kind == "VISIT_SOON" {
			visits = append(visits, r)
		}
	}
	if len(visits) != 1 || !strings.Contains(visits[0].Message.Title, "分钟后拜访") || visits[0].Message.URL != "/customers/"+string(f.acmeEast.ID) ||
		visits[0].Urgency != "high" || visits[0].Audience != svc.URL {
		t.Fatalf("the visit's reminders: %+v", visits)
	}
	if n := c.PushSent.Query().Where(pushsent.OwnerID(f.rep1.ID), pushsent.KeyHasPrefix("VISIT_DUE:")).CountX(sys); n != 1 {
		t.Errorf("%d sent records of the visit", n)
	}

	// Only the digest, at 07:30 in the server's zone (UTC here): bad times refused.
	for _, bad := range []string{"7:30", "24:00", "07:30:00"} {
		if r := e.do(rep1, `mutation($at: String) { updateReminderSettings(kinds: [DIGEST], digestAt: $at) { digestAt } }`, map[string]any{"at": bad}); r.code() != "BAD_USER_INPUT" {
			t.Errorf("digest at %q: %+v", bad, r.Errors)
		}
	}
	if r := e.do(rep1, `mutation { updateReminderSettings(kinds: [VISIT]) { kinds } }`, nil); r.code() == "" {
		t.Error("an unknown kind was accepted")
	}
	d = e.ok(rep1, `mutation { updateReminderSettings(kinds: [DIGEST], digestAt: "07:30") { kinds digestAt timeZone } }`, nil)
	if dig(d, "updateReminderSettings", "digestAt") != "07:30" || len(dig(d, "updateReminderSettings", "kinds").([]any)) != 1 {
		t.Fatalf("settings: %v", d)
	}
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	before := len(svc.Received())
	for _, tm := range []time.Time{day.Add(7*time.Hour + 29*time.Minute), day.Add(7*time.Hour + 31*time.Minute), day.Add(7*time.Hour + 45*time.Minute)} {
		if _, err := job.Run(ctx, tm); err != nil {
			t.Fatal(err)
		}
	}
	got := svc.Received()[before:]
	if len(got) != 1 || got[0].Message.Kind != "DIGEST" || !strings.HasPrefix(got[0].Message.Title, "今日待办") {
		t.Fatalf("the digest: %+v", got)
	}

	// The push service says the subscription is gone: it is forgotten.
	svc.Answer(http.StatusGone)
	if n, err := job.Run(ctx, day.Add(24*time.Hour+7*time.Hour+31*time.Minute)); err != nil || n != 0 {
		t.Fatalf("the next day's digest went to a gone browser: %d %v", n, err)
	}
	if n := c.PushSubscription.Query().Where(pushsubscription.OwnerID(f.rep1.ID)).CountX(sys); n != 0 {
		t.Fatalf("a gone subscription is kept (%d)", n)
	}
	if r := e.do(e.token(f.rep2), `mutation { sendTestPush }`, nil); r.code() != "BAD_USER_INPUT" {
		t.Errorf("test push with no browser: %+v", r.Errors)
	}
}

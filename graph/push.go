package graph

import (
	"context"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"tandem/domain/access"
	"tandem/domain/reminder"
	"tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/pushsubscription"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
	"tandem/graph/model"
	"tandem/server/push"
)

// PushConfig is the server's Web Push set-up (server/push); nil turns push off.
type PushConfig struct {
	VAPID     *push.VAPID
	Endpoints push.Endpoints
	Sender    *push.Sender
	// Zone is where the digest's time of day is read.
	Zone *time.Location

	mu     sync.Mutex
	tested map[pulid.ID]time.Time
}

// MaxPushDevices is how many browsers one person's reminders go to.
const MaxPushDevices = 10

// testPushGap is the least time between two test notifications of one person: a
// push service throttles the server's key, not the person, when it is flooded.
const testPushGap = 10 * time.Second

// testAllowed records a test notification of the person at now, unless one was sent
// within testPushGap (per process: a flood through several processes is still
// divided by their number).
func (p *PushConfig) testAllowed(person pulid.ID, now time.Time) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if last, ok := p.tested[person]; ok && now.Sub(last) < testPushGap {
		return false
	}
	if p.tested == nil || len(p.tested) > 10_000 {
		p.tested = map[pulid.ID]time.Time{}
	}
	p.tested[person] = now
	return true
}

// pushSys is the context of the server's own reads and writes of subscriptions: only
// the server reads them (they hold the browsers' keys); every resolver here narrows
// them to the viewer's own.
func pushSys(ctx context.Context) context.Context {
	return access.System(ctx, "Web Push: the person's own browsers and settings")
}

// pushPerson is the signed-in person asking: one of our people (partners have no
// reminders).
func pushPerson(ctx context.Context) (pulid.ID, error) {
	v := viewer.FromContext(ctx)
	if v == nil || v.UserID == "" || !v.Internal() {
		return "", errcode.New(errcode.Forbidden, "reminders are for our people: sign in as one")
	}
	return v.UserID, nil
}

func (r *Resolver) reminderSettings(ctx context.Context) (*model.ReminderSettings, error) {
	id, err := pushPerson(ctx)
	if err != nil {
		return nil, err
	}
	u, err := r.db(ctx).User.Get(pushSys(ctx), id)
	if err != nil {
		return nil, err
	}
	subs, err := r.db(ctx).PushSubscription.Query().Where(pushsubscription.OwnerID(id)).
		Order(ent.Asc(pushsubscription.FieldCreatedAt)).All(pushSys(ctx))
	if err != nil {
		return nil, err
	}
	out := &model.ReminderSettings{DigestAt: u.DigestAt, TimeZone: "UTC", Devices: []*model.PushDevice{}}
	for _, k := range reminder.Kinds {
		if reminder.Enabled(u.ReminderKinds, k) {
			out.Kinds = append(out.Kinds, model.ReminderKind(k))
		}
	}
	if out.Kinds == nil {
		out.Kinds = []model.ReminderKind{}
	}
	if r.Push != nil {
		k := r.Push.VAPID.PublicKey()
		out.PublicKey = &k
		out.TimeZone = r.Push.Zone.String()
	}
	for _, s := range subs {
		out.Devices = append(out.Devices, device(s))
	}
	return out, nil
}

func device(s *ent.PushSubscription) *model.PushDevice {
	d := &model.PushDevice{ID: s.ID, CreatedAt: s.CreatedAt, LastSentAt: s.LastSentAt, Failing: s.Failures > 0}
	if s.UserAgent != "" {
		d.UserAgent = &s.UserAgent
	}
	return d
}

// subscribePush keeps the browser's subscription for the viewer: the same endpoint
// again replaces its keys and owner; past MaxPushDevices the oldest goes.
func (r *Resolver) subscribePush(ctx context.Context, in model.PushSubscriptionInput) (*model.PushDevice, error) {
	id, err := pushPerson(ctx)
	if err != nil {
		return nil, err
	}
	if r.Push == nil {
		return nil, errcode.New(errcode.BadUserInput, "push reminders are off on this server")
	}
	endpoint := strings.TrimSpace(in.Endpoint)
	if utf8.RuneCountInString(endpoint) > 1000 {
		return nil, errcode.New(errcode.BadUserInput, "endpoint: at most 1,000 characters").With("field", "endpoint")
	}
	if err := r.Push.Endpoints.Check(endpoint); err != nil {
		return nil, errcode.New(errcode.BadUserInput, "%s", err.Error()).With("field", "endpoint")
	}
	if _, err := push.ParseBrowser(in.P256dh, in.Auth); err != nil {
		field := "p256dh"
		if strings.HasPrefix(err.Error(), "auth") {
			field = "auth"
		}
		return nil, errcode.New(errcode.BadUserInput, "%s", err.Error()).With("field", field)
	}
	ua := ""
	if in.UserAgent != nil {
		ua = strings.TrimSpace(*in.UserAgent)
		if utf8.RuneCountInString(ua) > 300 {
			ua = string([]rune(ua)[:300])
		}
	}
	sys := pushSys(ctx)
	c := r.db(ctx)
	sid, err := c.PushSubscription.Create().SetOwnerID(id).SetEndpoint(endpoint).SetP256dh(in.P256dh).SetAuth(in.Auth).SetUserAgent(ua).
		OnConflictColumns(pushsubscription.FieldEndpoint).
		Update(func(u *ent.PushSubscriptionUpsert) {
			u.UpdateOwnerID().UpdateP256dh().UpdateAuth().UpdateUserAgent().SetFailures(0).UpdateUpdatedAt()
		}).ID(sys)
	if err != nil {
		return nil, err
	}
	// Past the limit, the browsers subscribed longest ago go.
	old, err := c.PushSubscription.Query().Where(pushsubscription.OwnerID(id)).
		Order(ent.Desc(pushsubscription.FieldUpdatedAt), ent.Desc(pushsubscription.FieldID)).Offset(MaxPushDevices).IDs(sys)
	if err != nil {
		return nil, err
	}
	if len(old) > 0 {
		if _, err := c.PushSubscription.Delete().Where(pushsubscription.IDIn(old...)).Exec(sys); err != nil {
			return nil, err
		}
	}
	s, err := c.PushSubscription.Get(sys, sid)
	if err != nil {
		return nil, err
	}
	return device(s), nil
}

// unsubscribePush forgets one of the viewer's browsers; false when it was not theirs
// or already gone (so a retry is harmless).
func (r *Resolver) unsubscribePush(ctx context.Context, endpoint *string, id *pulid.ID) (bool, error) {
	owner, err := pushPerson(ctx)
	if err != nil {
		return false, err
	}
	if (endpoint == nil) == (id == nil) {
		return false, errcode.New(errcode.BadUserInput, "give either endpoint or id").With("field", "endpoint")
	}
	del := r.db(ctx).PushSubscription.Delete().Where(pushsubscription.OwnerID(owner))
	if endpoint != nil {
		del.Where(pushsubscription.Endpoint(strings.TrimSpace(*endpoint)))
	} else {
		del.Where(pushsubscription.ID(*id))
	}
	n, err := del.Exec(pushSys(ctx))
	return n > 0, err
}

// updateReminderSettings stores the viewer's choice of kinds and digest time.
func (r *Resolver) updateReminderSettings(ctx context.Context, kinds []model.ReminderKind, digestAt *string) (*model.ReminderSettings, error) {
	id, err := pushPerson(ctx)
	if err != nil {
		return nil, err
	}
	chosen := []string{}
	for _, k := range kinds {
		chosen = append(chosen, string(k))
	}
	if err := reminder.CheckKinds(chosen); err != nil {
		return nil, err
	}
	up := r.db(ctx).User.UpdateOneID(id).SetReminderKinds(chosen)
	if digestAt == nil || strings.TrimSpace(*digestAt) == "" {
		up.ClearDigestAt()
	} else {
		at := strings.TrimSpace(*digestAt)
		if err := reminder.CheckDigestAt(at); err != nil {
			return nil, err
		}
		up.SetDigestAt(at)
	}
	if err := up.Exec(pushSys(ctx)); err != nil {
		return nil, err
	}
	return r.reminderSettings(ctx)
}

// sendTestPush sends a test notification to each of the viewer's browsers.
func (r *Resolver) sendTestPush(ctx context.Context) (int, error) {
	id, err := pushPerson(ctx)
	if err != nil {
		return 0, err
	}
	if r.Push == nil {
		return 0, errcode.New(errcode.BadUserInput, "push reminders are off on this server")
	}
	if !r.Push.testAllowed(id, r.now()) {
		return 0, errcode.New(errcode.RateLimited, "a test notification was sent less than %d seconds ago", int(testPushGap/time.Second))
	}
	subs, err := r.db(ctx).PushSubscription.Query().Where(pushsubscription.OwnerID(id)).All(pushSys(ctx))
	if err != nil {
		return 0, err
	}
	if len(subs) == 0 {
		return 0, errcode.New(errcode.BadUserInput, "no browser of yours is subscribed: turn reminders on first")
	}
	lang := viewerLang(ctx, r.Client)
	m := push.Message{Title: say(lang, "Tandem 测试通知", "Tandem test notification"),
		Body: say(lang, "提醒会像这样出现在这台设备上。", "Reminders will show like this on this device."), URL: "/settings", Tag: "test", Kind: "TEST"}
	return r.pushTo(ctx, subs, m, 10*time.Minute, "normal"), nil
}

// pushTo sends one message to each browser and records the outcome: a reached
// browser's time, a failure's count, a gone browser's end. It answers how many
// browsers took the message.
func (r *Resolver) pushTo(ctx context.Context, subs []*ent.PushSubscription, m push.Message, ttl time.Duration, urgency string) int {
	sys := pushSys(ctx)
	sent := 0
	for _, s := range subs {
		to, err := push.ParseBrowser(s.P256dh, s.Auth)
		if err != nil {
			continue
		}
		out, _ := r.Push.Sender.Send(ctx, s.Endpoint, to, m, ttl, urgency)
		switch out {
		case push.Sent:
			sent++
			_ = r.db(ctx).PushSubscription.UpdateOneID(s.ID).SetLastSentAt(r.now()).SetFailures(0).Exec(sys)
		case push.Gone:
			_ = r.db(ctx).PushSubscription.DeleteOneID(s.ID).Exec(sys)
		default:
			if s.Failures+1 >= maxPushFailures {
				_ = r.db(ctx).PushSubscription.DeleteOneID(s.ID).Exec(sys)
			} else {
				_ = r.db(ctx).PushSubscription.UpdateOneID(s.ID).AddFailures(1).Exec(sys)
			}
		}
	}
	return sent
}

// maxPushFailures: a browser that failed this many times in a row (about a day of
// reminders) is dropped; the person subscribes again from the app.
const maxPushFailures = 50

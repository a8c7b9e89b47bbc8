package graph

import (
	"context"
	"errors"
	"time"

	"tandem/domain/access"
	problems "tandem/domain/issue"
	"tandem/domain/reminder"
	"tandem/ent"
	"tandem/ent/issue"
	"tandem/ent/pushsent"
	"tandem/ent/pushsubscription"
	"tandem/ent/schema/pulid"
	"tandem/ent/user"
	"tandem/ent/viewer"
	"tandem/graph/model"
	"tandem/server/auth"
	"tandem/server/push"
)

// PushSentRetention is how long a sent reminder's key is kept: longer than any item
// stays on Today unchanged is not needed, 30 days is ample.
const PushSentRetention = 30 * 24 * time.Hour

// SendReminders is one run of the reminder job: for every active person of ours with
// a subscribed browser, the reminders due now (domain/reminder) that were not sent
// before, each recorded once (PushSent) before it is sent, whatever the number of
// processes. It answers how many notifications went out.
func (r *Resolver) SendReminders(ctx context.Context, now time.Time) (int, error) {
	if r.Push == nil {
		return 0, nil
	}
	sys := access.System(ctx, "reminder job")
	subs, err := r.Client.PushSubscription.Query().Order(ent.Asc(pushsubscription.FieldCreatedAt)).All(sys)
	if err != nil || len(subs) == 0 {
		return 0, err
	}
	byOwner := map[pulid.ID][]*ent.PushSubscription{}
	var owners []pulid.ID
	for _, s := range subs {
		if byOwner[s.OwnerID] == nil {
			owners = append(owners, s.OwnerID)
		}
		byOwner[s.OwnerID] = append(byOwner[s.OwnerID], s)
	}
	people, err := r.Client.User.Query().Where(user.IDIn(owners...), user.Active(true), user.RoleNEQ(user.RolePARTNER)).All(sys)
	if err != nil {
		return 0, err
	}
	sent := 0
	var errs []error
	for _, u := range people {
		n, err := r.remind(ctx, u, byOwner[u.ID], now)
		sent += n
		if err != nil {
			errs = append(errs, err)
		}
	}
	return sent, errors.Join(errs...)
}

// remind sends one person what is due for them.
func (r *Resolver) remind(ctx context.Context, u *ent.User, subs []*ent.PushSubscription, now time.Time) (int, error) {
	lang := string(u.Locale)
	v := auth.ViewerOf(u)
	// The person's own view: their Today, under their rules, in their language.
	uctx := context.WithValue(context.WithValue(viewer.NewContext(ctx, v), langKey{}, lang), opMemoKey{}, &opMemo{})
	items, td, err := reminderItems(uctx, r.Client, now, v)
	if err != nil {
		return 0, err
	}
	digestKey, digestDue := "", false
	if u.DigestAt != nil && reminder.Enabled(u.ReminderKinds, reminder.Digest) {
		digestKey, digestDue = reminder.DigestDue(*u.DigestAt, now, r.Push.Zone)
	}
	keys := []string{}
	for _, it := range items {
		keys = append(keys, reminder.Key(it))
	}
	if digestDue {
		keys = append(keys, digestKey)
	}
	sys := access.System(ctx, "reminder job")
	done, err := r.Client.PushSent.Query().Where(pushsent.OwnerID(u.ID), pushsent.KeyIn(keys...)).
		Select(pushsent.FieldKey).Strings(sys)
	if err != nil {
		return 0, err
	}
	was := map[string]bool{}
	for _, k := range done {
		was[k] = true
	}
	rems := reminder.Pick(items, u.ReminderKinds, func(k string) bool { return was[k] }, now, lang)
	if digestDue && !was[digestKey] {
		var counts []reminder.DigestCount
		for _, c := range td.Counts {
			counts = append(counts, reminder.DigestCount{TodayKind: string(c.Kind), Count: c.Count})
		}
		title, body := reminder.DigestText(td.Total, counts, lang)
		rems = append(rems, reminder.Reminder{Kind: reminder.Digest, Title: title, Body: body, URL: "/", Tag: "digest", Keys: []string{digestKey}})
	}
	n := 0
	for _, rem := range rems {
		claimed, err := r.claimKeys(sys, u.ID, rem.Keys)
		if err != nil {
			return n, err
		}
		if len(claimed) == 0 {
			continue // another process sent it
		}
		urgency, ttl := "normal", 12*time.Hour
		if rem.Kind == reminder.VisitSoon || rem.Kind == reminder.SLA {
			urgency, ttl = "high", time.Hour
		}
		m := push.Message{Title: rem.Title, Body: rem.Body, URL: rem.URL, Tag: rem.Tag, Kind: rem.Kind}
		if r.pushTo(ctx, subs, m, ttl, urgency) == 0 {
			// No browser took it: give the keys back so the next run tries again.
			_, _ = r.Client.PushSent.Delete().Where(pushsent.OwnerID(u.ID), pushsent.KeyIn(claimed...)).Exec(sys)
			continue
		}
		n++
	}
	return n, nil
}

// claimKeys records the keys as sent to the person, each once: it answers the keys
// this run recorded (a key another run recorded first is not this run's to send).
func (r *Resolver) claimKeys(ctx context.Context, owner pulid.ID, keys []string) ([]string, error) {
	var mine []string
	for _, k := range keys {
		err := r.Client.PushSent.Create().SetOwnerID(owner).SetKey(k).Exec(ctx)
		switch {
		case err == nil:
			mine = append(mine, k)
		case ent.IsConstraintError(err):
		default:
			return mine, err
		}
	}
	return mine, nil
}

// reminderItems are what may be pushed to the person v: the most urgent items of each
// kind on their Today, and the problems of their accounts whose service level runs
// out within the hour (Today lists them once late). It answers the Today too, for
// the digest's counts.
func reminderItems(ctx context.Context, c *ent.Client, now time.Time, v *viewer.Viewer) ([]reminder.Item, *model.Today, error) {
	td, err := today(ctx, c, now, todayPage{first: TodayFirst}, v)
	if err != nil {
		return nil, nil, err
	}
	var items []reminder.Item
	for _, it := range td.Items {
		id, url := nodeLink(it.Node, it.Customer)
		if id == "" {
			continue
		}
		ri := reminder.Item{TodayKind: string(it.Kind), NodeID: string(id), Title: it.Title, Reason: it.Reason, Due: it.Due, URL: url}
		if it.Customer != nil {
			ri.Account = it.Customer.Name
		}
		items = append(items, ri)
	}
	own, scope, ok := todayContext(ctx, v)
	if !ok {
		return items, td, nil
	}
	q := c.Issue.Query().Where(issue.StatusNotIn(issue.StatusRESOLVED, issue.StatusCLOSED),
		problems.Late(now.Add(reminder.VisitWindow)), issue.Not(problems.Late(now)))
	if scope != nil {
		q.Where(issue.HasCustomerWith(scope))
	}
	soon, err := q.WithCustomer().Order(ent.Asc(issue.FieldReportedAt)).Limit(TodayFirst).All(own)
	if err != nil {
		return nil, nil, err
	}
	for _, is := range soon {
		ri := reminder.Item{TodayKind: reminder.SLASoon, NodeID: string(is.ID), Title: is.Title, URL: "/problems/" + string(is.ID)}
		if cu := is.Edges.Customer; cu != nil {
			ri.Account = cu.Name
		}
		items = append(items, ri)
	}
	return items, td, nil
}

// nodeLink is the ID of a Today item's record and the app's page that opens it.
func nodeLink(n ent.Noder, cu *ent.Customer) (pulid.ID, string) {
	account := "/"
	if cu != nil {
		account = "/customers/" + string(cu.ID)
	}
	switch x := n.(type) {
	case *ent.Interaction:
		return x.ID, account
	case *ent.Sample:
		return x.ID, "/samples/" + string(x.ID)
	case *ent.Issue:
		return x.ID, "/problems/" + string(x.ID)
	case *ent.ChangeNoticeAck:
		return x.ID, "/acks/" + string(x.ID)
	}
	return "", account
}

// Package reminder decides what reaches a person outside the app (by Web Push,
// server/push): which of their Today items is worth a notification now, how items of
// one kind are grouped, what the morning digest says, and the key that makes each
// reminder go once. It is pure: the reminder job gives it the items and the time.
package reminder

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"tandem/ent/errcode"
)

// The kinds of reminder a person chooses among (User.reminder_kinds).
const (
	// VisitSoon: a planned visit within the next hour.
	VisitSoon = "VISIT_SOON"
	// SampleFollowUp: a sample not confirmed received, or in trial without a result.
	SampleFollowUp = "SAMPLE_FOLLOW_UP"
	// SLA: a problem whose service level runs out within the hour, or has run out.
	SLA = "SLA"
	// NoticeAck: a change notice the account has still to acknowledge.
	NoticeAck = "NOTICE_ACK"
	// Digest: the morning summary of the day's list.
	Digest = "DIGEST"
)

// Kinds are every kind, in the order the settings show them.
var Kinds = []string{VisitSoon, SampleFollowUp, SLA, NoticeAck, Digest}

// SLASoon is the pseudo Today kind of a problem whose service level ends within
// VisitWindow (Today lists problems once they are late).
const SLASoon = "ISSUE_SLA_SOON"

// VisitWindow is how far ahead a visit is reminded.
const VisitWindow = time.Hour

// GroupFrom is the number of reminders of one kind, in one run, from which they go as
// one notification ("3 samples to follow up") rather than one each.
const GroupFrom = 3

// kindOf maps a Today kind to the reminder kind it belongs to ("" when none).
var kindOf = map[string]string{
	"VISIT_DUE":             VisitSoon,
	"SAMPLE_NOT_RECEIVED":   SampleFollowUp,
	"SAMPLE_NO_RESULT":      SampleFollowUp,
	"ISSUE_PAST_SLA":        SLA,
	"ISSUE_ESCALATED":       SLA,
	SLASoon:                 SLA,
	"CHANGE_NOTICE_PENDING": NoticeAck,
}

// Item is one thing the person may be reminded of: a Today row, or a problem whose
// service level ends soon.
type Item struct {
	TodayKind string
	NodeID    string
	Account   string // the account's name
	Title     string
	Reason    string
	Due       *time.Time
	URL       string // the app's page to open
}

// Reminder is one notification: what it says, the page it opens, and the keys of the
// items it stands for (recorded as sent, each once).
type Reminder struct {
	Kind  string
	Title string
	Body  string
	URL   string
	Tag   string
	Keys  []string
}

// Enabled says whether a person with these choices receives a kind; nil chooses
// every kind.
func Enabled(chosen []string, kind string) bool {
	return chosen == nil || slices.Contains(chosen, kind)
}

// CheckKinds refuses a kind that does not exist.
func CheckKinds(kinds []string) error {
	for _, k := range kinds {
		if !slices.Contains(Kinds, k) {
			return errcode.New(errcode.BadUserInput, "kinds: %q is not a reminder kind (%s)", k, strings.Join(Kinds, ", ")).With("field", "kinds")
		}
	}
	return nil
}

// Key is what makes an item's reminder go once: its kind, its record and, for a
// visit, its time (a visit moved to another hour is reminded again).
func Key(it Item) string {
	k := it.TodayKind + ":" + it.NodeID
	if it.TodayKind == "VISIT_DUE" && it.Due != nil {
		k += ":" + it.Due.UTC().Format("200601021504")
	}
	return k
}

// due says whether an item is to be reminded at now: a visit only within the hour
// before it (and up to 10 minutes late); the rest as soon as it is on the list.
func due(it Item, now time.Time) bool {
	if it.TodayKind != "VISIT_DUE" {
		return true
	}
	return it.Due != nil && it.Due.After(now.Add(-10*time.Minute)) && !it.Due.After(now.Add(VisitWindow))
}

// Pick chooses, among a person's items, the reminders to send now: items of the kinds
// chosen and due, not already sent (sent says whether a key was), one notification
// per item, or one per kind from GroupFrom items on. lang is "zh" or "en".
func Pick(items []Item, chosen []string, sent func(key string) bool, now time.Time, lang string) []Reminder {
	byKind := map[string][]Item{}
	for _, it := range items {
		k := kindOf[it.TodayKind]
		if k == "" || !Enabled(chosen, k) || !due(it, now) || sent(Key(it)) {
			continue
		}
		byKind[k] = append(byKind[k], it)
	}
	var out []Reminder
	for _, k := range Kinds {
		its := byKind[k]
		sort.SliceStable(its, func(i, j int) bool { return before(its[i], its[j]) })
		if len(its) >= GroupFrom {
			r := Reminder{Kind: k, Title: groupTitle(k, len(its), lang), Body: groupBody(its), URL: "/", Tag: k}
			for _, it := range its {
				r.Keys = append(r.Keys, Key(it))
			}
			out = append(out, r)
			continue
		}
		for _, it := range its {
			out = append(out, Reminder{Kind: k, Title: oneTitle(k, it, now, lang), Body: oneBody(it), URL: it.URL, Tag: Key(it), Keys: []string{Key(it)}})
		}
	}
	return out
}

func before(a, b Item) bool {
	switch {
	case a.Due == nil:
		return false
	case b.Due == nil:
		return true
	}
	return a.Due.Before(*b.Due)
}

func oneTitle(kind string, it Item, now time.Time, lang string) string {
	switch kind {
	case VisitSoon:
		mins := 0
		if it.Due != nil {
			mins = int(it.Due.Sub(now).Round(time.Minute) / time.Minute)
		}
		if mins <= 0 {
			return say(lang, "现在拜访："+it.Account, "Visit now: "+it.Account)
		}
		return say(lang, fmt.Sprintf("%d 分钟后拜访：%s", mins, it.Account), fmt.Sprintf("Visit in %d min: %s", mins, it.Account))
	case SampleFollowUp:
		return say(lang, "跟进样品："+it.Account, "Follow up a sample: "+it.Account)
	case SLA:
		if it.TodayKind == SLASoon {
			return say(lang, "问题即将超出服务时限："+it.Account, "A problem's service level ends soon: "+it.Account)
		}
		return say(lang, "问题已超出服务时限："+it.Account, "A problem is past its service level: "+it.Account)
	case NoticeAck:
		return say(lang, "变更通知待确认："+it.Account, "A change notice to acknowledge: "+it.Account)
	}
	return it.Account
}

func oneBody(it Item) string {
	if it.Reason == "" {
		return it.Title
	}
	return it.Title + " — " + it.Reason
}

func groupTitle(kind string, n int, lang string) string {
	switch kind {
	case VisitSoon:
		return say(lang, fmt.Sprintf("1 小时内有 %d 个拜访", n), fmt.Sprintf("%d visits within the hour", n))
	case SampleFollowUp:
		return say(lang, fmt.Sprintf("%d 个样品待跟进", n), fmt.Sprintf("%d samples to follow up", n))
	case SLA:
		return say(lang, fmt.Sprintf("%d 个问题的服务时限告急", n), fmt.Sprintf("%d problems at or past their service level", n))
	case NoticeAck:
		return say(lang, fmt.Sprintf("%d 份变更通知待确认", n), fmt.Sprintf("%d change notices to acknowledge", n))
	}
	return fmt.Sprint(n)
}

// groupBody names the accounts, the most urgent first, each once.
func groupBody(its []Item) string {
	var names []string
	for _, it := range its {
		if it.Account != "" && !slices.Contains(names, it.Account) {
			names = append(names, it.Account)
		}
	}
	return strings.Join(names, "、")
}

func say(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}

var hhmm = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]$`)

// CheckDigestAt refuses a digest time that is not HH:MM.
func CheckDigestAt(s string) error {
	if !hhmm.MatchString(s) {
		return errcode.New(errcode.BadUserInput, "digestAt: %q is not a time of day (HH:MM, 00:00 to 23:59)", s).With("field", "digestAt")
	}
	return nil
}

// DigestLate is how long after its time a digest is still sent: a server that was
// down at 07:30 sends it until 10:30, not in the evening.
const DigestLate = 3 * time.Hour

// DigestDue says whether the digest chosen at digestAt (HH:MM) is to go at now, read
// in the zone of loc, and the key that makes it go once that day.
func DigestDue(digestAt string, now time.Time, loc *time.Location) (key string, due bool) {
	if CheckDigestAt(digestAt) != nil {
		return "", false
	}
	local := now.In(loc)
	// Today's time, or yesterday's when it was late in the evening.
	for _, day := range []time.Time{local, local.AddDate(0, 0, -1)} {
		at, _ := time.ParseInLocation("2006-01-02 15:04", day.Format("2006-01-02")+" "+digestAt, loc)
		if !local.Before(at) && local.Before(at.Add(DigestLate)) {
			return Digest + ":" + day.Format("2006-01-02"), true
		}
	}
	return "", false
}

// DigestCount is one line of the digest: how many items of a Today kind.
type DigestCount struct {
	TodayKind string
	Count     int
}

// digestWords name the Today kinds in the digest, in the order it lists them.
var digestWords = []struct{ kind, zh, en string }{
	{"VISIT_DUE", "拜访", "visits"},
	{"TASK_OVERDUE", "逾期任务", "overdue tasks"},
	{"TASK_DUE", "今日任务", "tasks due"},
	{"ISSUE_PAST_SLA", "超时问题", "problems past SLA"},
	{"ISSUE_ESCALATED", "升级问题", "escalated problems"},
	{"SAMPLE_NOT_RECEIVED", "样品待确认收货", "samples to confirm received"},
	{"SAMPLE_NO_RESULT", "样品待出结果", "samples awaiting a result"},
	{"ORDER_LATE", "延误订单", "late orders"},
	{"ORDER_DUE", "到期订单", "orders due"},
	{"CHANGE_NOTICE_PENDING", "变更通知待确认", "change notices"},
	{"KEY_PERSON_OVERDUE", "关键人待联系", "key people to contact"},
	{"RECEIPT_OVERDUE", "逾期收款", "overdue receipts"},
	{"AGREEMENT_EXPIRING", "协议将到期", "agreements ending"},
}

// DigestText is the morning digest: the day's total and the counts that matter,
// in the person's language. An empty list still gets a digest: the rep knows the
// day is clear.
func DigestText(total int, counts []DigestCount, lang string) (title, body string) {
	n := map[string]int{}
	for _, c := range counts {
		n[c.TodayKind] = c.Count
	}
	var parts []string
	for _, w := range digestWords {
		if c := n[w.kind]; c > 0 {
			parts = append(parts, say(lang, fmt.Sprintf("%s %d", w.zh, c), fmt.Sprintf("%d %s", c, w.en)))
		}
	}
	if total == 0 {
		return say(lang, "今日待办：无", "Today: nothing due"), say(lang, "今天没有到期事项。", "Nothing is due today.")
	}
	sep := say(lang, "，", ", ")
	return say(lang, fmt.Sprintf("今日待办 %d 项", total), fmt.Sprintf("Today: %d items", total)), strings.Join(parts, sep)
}

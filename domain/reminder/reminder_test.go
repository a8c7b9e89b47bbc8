package reminder

import (
	"strings"
	"testing"
	"time"
)

var now = time.Date(2026, 12, 5, 1, 0, 0, 0, time.UTC) // 09:00 in Shanghai

func at(d time.Duration) *time.Time { t := now.Add(d); return &t }

func none(string) bool { return false }

func TestPick(t *testing.T) {
	visit := Item{TodayKind: "VISIT_DUE", NodeID: "IN1", Account: "瑞丰塑胶", Title: "王经理", Due: at(40 * time.Minute), URL: "/customers/CU1"}
	later := Item{TodayKind: "VISIT_DUE", NodeID: "IN2", Account: "华东化工", Due: at(3 * time.Hour)}
	sample := Item{TodayKind: "SAMPLE_NO_RESULT", NodeID: "SA1", Account: "瑞丰塑胶", Title: "PA66-GF30", Reason: "试用 12 天无结果", URL: "/samples/SA1"}
	task := Item{TodayKind: "TASK_OVERDUE", NodeID: "TA1", Account: "瑞丰塑胶"}
	for _, c := range []struct {
		name   string
		items  []Item
		chosen []string
		sent   func(string) bool
		lang   string
		want   []string // "kind|title" of each reminder
	}{
		{"a visit within the hour, not one in 3 hours", []Item{visit, later}, nil, none, "zh",
			[]string{"VISIT_SOON|40 分钟后拜访：瑞丰塑胶"}},
		{"in English", []Item{visit}, nil, none, "en", []string{"VISIT_SOON|Visit in 40 min: 瑞丰塑胶"}},
		{"a task is not pushed", []Item{task}, nil, none, "zh", nil},
		{"only the chosen kinds", []Item{visit, sample}, []string{SampleFollowUp}, none, "zh",
			[]string{"SAMPLE_FOLLOW_UP|跟进样品：瑞丰塑胶"}},
		{"none chosen: nothing", []Item{visit, sample}, []string{}, none, "zh", nil},
		{"what was sent is not sent again", []Item{visit, sample}, nil, func(k string) bool { return k == Key(sample) }, "zh",
			[]string{"VISIT_SOON|40 分钟后拜访：瑞丰塑胶"}},
		{"three of a kind go as one", []Item{
			{TodayKind: "CHANGE_NOTICE_PENDING", NodeID: "CA1", Account: "甲"},
			{TodayKind: "CHANGE_NOTICE_PENDING", NodeID: "CA2", Account: "乙"},
			{TodayKind: "CHANGE_NOTICE_PENDING", NodeID: "CA3", Account: "甲"},
		}, nil, none, "zh", []string{"NOTICE_ACK|3 份变更通知待确认"}},
		{"a problem about to breach", []Item{{TodayKind: SLASoon, NodeID: "IS1", Account: "甲"}}, nil, none, "en",
			[]string{"SLA|A problem's service level ends soon: 甲"}},
	} {
		got := Pick(c.items, c.chosen, c.sent, now, c.lang)
		var g []string
		for _, r := range got {
			g = append(g, r.Kind+"|"+r.Title)
		}
		if strings.Join(g, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q", c.name, g, c.want)
		}
	}
}

func TestPickGroupCarriesEveryKey(t *testing.T) {
	var items []Item
	for _, id := range []string{"SA1", "SA2", "SA3", "SA4"} {
		items = append(items, Item{TodayKind: "SAMPLE_NOT_RECEIVED", NodeID: id, Account: "甲"})
	}
	got := Pick(items, nil, none, now, "zh")
	if len(got) != 1 || len(got[0].Keys) != 4 || got[0].Body != "甲" || got[0].URL != "/" {
		t.Fatalf("one notification for 4 samples carrying 4 keys, the account named once: %+v", got)
	}
}

func TestKeyOfAVisitFollowsItsTime(t *testing.T) {
	a := Item{TodayKind: "VISIT_DUE", NodeID: "IN1", Due: at(time.Hour)}
	b := a
	b.Due = at(2 * time.Hour)
	if Key(a) == Key(b) {
		t.Fatal("a visit moved to another hour must be reminded again")
	}
	s := Item{TodayKind: "SAMPLE_NO_RESULT", NodeID: "SA1", Due: at(time.Hour)}
	s2 := s
	s2.Due = at(time.Hour * 30)
	if Key(s) != Key(s2) {
		t.Fatal("a sample is reminded once, whatever its due time")
	}
}

func TestDigestDue(t *testing.T) {
	sh, _ := time.LoadLocation("Asia/Shanghai")
	for _, c := range []struct {
		at   string
		now  time.Time
		due  bool
		date string
	}{
		{"07:30", time.Date(2026, 12, 4, 23, 29, 0, 0, time.UTC), false, "2026-12-05"}, // 07:29 local
		{"07:30", time.Date(2026, 12, 4, 23, 30, 0, 0, time.UTC), true, "2026-12-05"},
		{"07:30", time.Date(2026, 12, 5, 2, 29, 0, 0, time.UTC), true, "2026-12-05"},  // 10:29
		{"07:30", time.Date(2026, 12, 5, 2, 30, 0, 0, time.UTC), false, "2026-12-05"}, // 10:30: too late
		{"23:00", time.Date(2026, 12, 5, 16, 30, 0, 0, time.UTC), true, "2026-12-05"}, // 00:30 the next day: the 5th's digest, within 3 h
		{"7:30", now, false, ""},
	} {
		key, due := DigestDue(c.at, c.now, sh)
		if due != c.due || (c.due && key != "DIGEST:"+c.date) {
			t.Errorf("DigestDue(%s, %s) = %q %v, want due=%v on %s", c.at, c.now, key, due, c.due, c.date)
		}
	}
}

func TestCheckDigestAtAndKinds(t *testing.T) {
	for s, ok := range map[string]bool{"07:30": true, "00:00": true, "23:59": true, "24:00": false, "7:30": false, "07:60": false, "": false, "07:30:00": false} {
		if (CheckDigestAt(s) == nil) != ok {
			t.Errorf("CheckDigestAt(%q): want ok=%v", s, ok)
		}
	}
	if CheckKinds([]string{VisitSoon, Digest}) != nil || CheckKinds([]string{"VISIT"}) == nil {
		t.Error("CheckKinds must accept the kinds and refuse others")
	}
}

func TestDigestText(t *testing.T) {
	title, body := DigestText(6, []DigestCount{{"TASK_OVERDUE", 2}, {"VISIT_DUE", 3}, {"ORDER_DUE", 1}}, "zh")
	if title != "今日待办 6 项" || body != "拜访 3，逾期任务 2，到期订单 1" {
		t.Errorf("zh digest: %q / %q", title, body)
	}
	title, body = DigestText(3, []DigestCount{{"VISIT_DUE", 3}}, "en")
	if title != "Today: 3 items" || body != "3 visits" {
		t.Errorf("en digest: %q / %q", title, body)
	}
	if title, _ := DigestText(0, nil, "zh"); title != "今日待办：无" {
		t.Errorf("empty digest: %q", title)
	}
}

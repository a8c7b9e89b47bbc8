package graph

import (
	"strings"
	"testing"
	"time"
)

func TestDays(t *testing.T) {
	for n, want := range map[int]string{0: "0 days", 1: "1 day", 2: "2 days", 150: "150 days"} {
		if got := days(n); got != want {
			t.Errorf("days(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestReceiptReason(t *testing.T) {
	now := time.Date(2026, 12, 5, 19, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		due  time.Time
		want string
	}{
		{now.Add(-3 * time.Hour), "货款今天（2026-12-05）到期，尚未收到"},
		{now.AddDate(0, 0, -4), "已逾期 4 天"},
	} {
		if got := receiptReason("zh", c.due, now); !strings.Contains(got, c.want) {
			t.Errorf("due %s: %q", c.due, got)
		}
	}
}

package graph

import "testing"

func TestDays(t *testing.T) {
	for n, want := range map[int]string{0: "0 days", 1: "1 day", 2: "2 days", 150: "150 days"} {
		if got := days(n); got != want {
			t.Errorf("days(%d) = %q, want %q", n, got, want)
		}
	}
}

package snooze

import (
	"errors"
	"testing"
	"time"

	"tandem/ent/errcode"
)

func TestCheck(t *testing.T) {
	now := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		until time.Time
		ok    bool
	}{
		{now.Add(time.Minute), true},
		{now.Add(MaxAhead), true},
		{now, false},
		{now.Add(-time.Hour), false},
		{now.Add(MaxAhead + time.Second), false},
	} {
		err := Check(tc.until, now)
		if (err == nil) != tc.ok {
			t.Errorf("until %v: %v, want ok=%v", tc.until, err, tc.ok)
		}
		var ce *errcode.Error
		if err != nil && (!errors.As(err, &ce) || ce.Code != errcode.BadUserInput) {
			t.Errorf("until %v: %v is not BAD_USER_INPUT", tc.until, err)
		}
	}
}

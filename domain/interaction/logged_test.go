package interaction

import (
	"testing"
	"time"

	"tandem/ent/errcode"
	"tandem/ent/interaction"
)

func TestLoggedAt(t *testing.T) {
	now := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	earlier := now.Add(-48 * time.Hour)
	cases := []struct {
		name     string
		old      *time.Time
		creating bool
		at       time.Time
		r        Reports
		want     *time.Time
	}{
		{"a contact logged after it happened", nil, true, now.Add(-time.Hour), Reports{}, &now},
		{"logged just now, the phone's clock a little ahead", nil, true, now.Add(30 * time.Second), Reports{}, &now},
		{"a plan for later", nil, true, now.Add(2 * time.Hour), Reports{Findings: true}, nil},
		{"a plan whose time came, edited without a report", nil, false, now.Add(-time.Hour), Reports{}, nil},
		{"a plan whose time came, its findings written", nil, false, now.Add(-time.Hour), Reports{Findings: true}, &now},
		{"a plan whose time came, who was there named", nil, false, now.Add(-time.Hour), Reports{People: true}, &now},
		{"a plan moved into the past", nil, false, now.Add(-time.Minute * 5), Reports{When: true}, &now},
		{"a plan still ahead, findings written early", nil, false, now.Add(time.Hour), Reports{Findings: true}, nil},
		{"already logged stays as it was", &earlier, false, now.Add(-time.Hour), Reports{Findings: true}, &earlier},
		{"already logged, moved into the future, still logged", &earlier, false, now.Add(time.Hour), Reports{When: true}, &earlier},
	}
	for _, c := range cases {
		got := LoggedAt(c.old, c.creating, c.at, now, c.r)
		if (got == nil) != (c.want == nil) || (got != nil && !got.Equal(*c.want)) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func TestDefaultDue(t *testing.T) {
	now := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	week := 7 * 24 * time.Hour
	given := now.Add(48 * time.Hour)
	cases := []struct {
		name string
		step string
		due  *time.Time
		at   time.Time
		want *time.Time
	}{
		{"no next step, no date", "", nil, now, nil},
		{"blank next step, no date", "  ", nil, now, nil},
		{"a date given is kept", "send the TDS", &given, now, &given},
		{"a week after a contact now", "send the TDS", nil, now, ptr(now.Add(week))},
		{"a week after a planned contact", "send the TDS", nil, now.Add(72 * time.Hour), ptr(now.Add(72*time.Hour + week))},
		{"a week from now for a contact logged late", "send the TDS", nil, now.Add(-30 * 24 * time.Hour), ptr(now.Add(week))},
	}
	for _, c := range cases {
		got := DefaultDue(c.step, c.due, c.at, now)
		if (got == nil) != (c.want == nil) || (got != nil && !got.Equal(*c.want)) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func TestLogCheck(t *testing.T) {
	now := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	later, before, skewed := now.Add(time.Hour), now.Add(-time.Hour), now.Add(5*time.Minute)
	cases := []struct {
		name  string
		log   Log
		field string // "" : accepted
	}{
		{"findings", Log{Findings: "they test our grade next week"}, ""},
		{"a next step alone", Log{NextStep: "send the TDS"}, ""},
		{"nothing to log", Log{Findings: "  ", Promises: "a call"}, "findings"},
		{"in the future", Log{Findings: "x", OccurredAt: &later}, "occurredAt"},
		{"earlier today", Log{Findings: "x", OccurredAt: &before}, ""},
		{"a phone's clock a few minutes ahead", Log{Findings: "x", OccurredAt: &skewed}, ""},
		{"a kind that does not exist", Log{Findings: "x", Kind: interaction.Kind("FAX")}, "kind"},
		{"a phone call", Log{Findings: "x", Kind: interaction.KindPHONE}, ""},
	}
	for _, c := range cases {
		err := c.log.Check(now)
		switch {
		case c.field == "" && err != nil:
			t.Errorf("%s: refused: %v", c.name, err)
		case c.field != "" && (err == nil || !containsField(err, c.field)):
			t.Errorf("%s: %v, want an error on %s", c.name, err, c.field)
		}
	}
}

func TestLogAt(t *testing.T) {
	now := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	plan, given, ahead := now.Add(-2*time.Hour), now.Add(-time.Hour), now.Add(5*time.Minute)
	cases := []struct {
		name      string
		given     *time.Time
		otherwise time.Time
		want      time.Time
	}{
		{"the time given", &given, plan, given},
		{"a plan's time when none is given", nil, plan, plan},
		{"now for a plan held before its time", nil, now.Add(3 * time.Hour), now},
		{"now for a clock running ahead", &ahead, plan, now},
	}
	for _, c := range cases {
		if got := at(c.given, c.otherwise, now); !got.Equal(c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func ptr(t time.Time) *time.Time { return &t }

func containsField(err error, field string) bool {
	e, ok := err.(*errcode.Error)
	return ok && e.Code == errcode.BadUserInput && e.Details["field"] == field
}

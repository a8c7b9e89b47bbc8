package sample

import (
	"slices"
	"testing"

	"tandem/ent/migrate"
	"tandem/ent/sample"
)

func TestPath(t *testing.T) {
	for i := 0; i+1 < len(Path); i++ {
		if !slices.Contains(Next(Path[i]), Path[i+1]) {
			t.Errorf("%s → %s refused", Path[i], Path[i+1])
		}
		if !slices.Contains(Next(Path[i]), Failed) || !slices.Contains(Next(Path[i]), Abandoned) {
			t.Errorf("%s cannot fail or be abandoned", Path[i])
		}
		for j := i + 2; j < len(Path); j++ {
			if slices.Contains(Next(Path[i]), Path[j]) {
				t.Errorf("jump %s → %s allowed", Path[i], Path[j])
			}
		}
	}
	for _, closed := range []sample.Status{Converted, Failed, Abandoned} {
		if len(Next(closed)) != 0 {
			t.Errorf("%s can still move", closed)
		}
	}
	// The table names every status the schema has.
	for _, col := range migrate.SamplesColumns {
		for _, s := range col.Enums {
			if col.Name == sample.FieldStatus && !slices.Contains(Table.States, s) {
				t.Errorf("status %s is not in the state table", s)
			}
		}
	}
}

// A refused move is a conflict when the sample has moved past the point where the
// move was legal (someone else moved it), and a bad request when it never was.
func TestMovedPast(t *testing.T) {
	for _, c := range []struct {
		cur, to string
		want    bool
	}{
		{"PREPARED", "PREPARED", true},    // someone made the same move first
		{"FAILED", "ABANDONED", true},     // FAILED and ABANDONED raced
		{"SHIPPED", "PREPARED", true},     // an old "prepare" arriving late
		{"CONVERTED", "FAILED", true},     // closed since
		{"PREPARED", "RECEIVED", false},   // a jump: never legal from here
		{"REQUESTED", "CONVERTED", false}, // a jump
	} {
		if got := Table.MovedPast(c.cur, c.to); got != c.want {
			t.Errorf("sample %s, asked %s: moved past = %v, want %v", c.cur, c.to, got, c.want)
		}
	}
}

package classify_test

import (
	"testing"

	"tandem/ent/classify"
)

func ip(v int) *int { return &v }

func TestCompute(t *testing.T) {
	w := classify.Default
	cases := []struct {
		name    string
		ratings map[string]*int
		score   float64 // 0 = not scored
		tier    string
	}{
		// (5+5+5·1.5+5·2+5·1.5)/7 = 5
		{"all top", map[string]*int{"scale": ip(5), "technical_level": ip(5), "credit": ip(5), "demand": ip(5), "ease_of_closing": ip(5)}, 5, "A"},
		// (3·1 + 3·1.5 + 4·2)/4.5 = 15.5/4.5 = 3.44
		{"three rated", map[string]*int{"scale": ip(3), "credit": ip(3), "demand": ip(4)}, 3.44, "B"},
		{"two rated is not enough", map[string]*int{"scale": ip(5), "demand": ip(5)}, 0, ""},
		// (1+1+1.5+2+1.5)/7 = 1
		{"all bottom", map[string]*int{"scale": ip(1), "technical_level": ip(1), "credit": ip(1), "demand": ip(1), "ease_of_closing": ip(1)}, 1, "C"},
	}
	for _, c := range cases {
		res := w.Compute(c.ratings)
		if c.score == 0 {
			if res.Score != nil || res.Tier != nil {
				t.Errorf("%s: scored %v", c.name, *res.Score)
			}
			continue
		}
		if res.Score == nil || *res.Score != c.score || *res.Tier != c.tier {
			t.Errorf("%s: got %v %v, want %v %s", c.name, res.Score, res.Tier, c.score, c.tier)
		}
		if len(res.Parts) != 5 {
			t.Errorf("%s: %d parts", c.name, len(res.Parts))
		}
	}
}

func TestParse(t *testing.T) {
	w, err := classify.Parse("demand=4, a=4.2, b=3")
	if err != nil {
		t.Fatal(err)
	}
	if w.Weight["demand"] != 4 || w.Weight["scale"] != 1 || w.TierA != 4.2 || w.TierB != 3 {
		t.Fatalf("parsed %+v", w)
	}
	// With demand weighing 4, a demand-heavy account moves up a tier.
	r := map[string]*int{"scale": ip(2), "credit": ip(3), "demand": ip(5)}
	if *classify.Default.Compute(r).Tier != "B" || *w.Compute(r).Tier != "B" {
		t.Fatalf("tiers: %v %v", *classify.Default.Compute(r).Tier, *w.Compute(r).Tier)
	}
	for _, bad := range []string{"colour=2", "demand=x", "demand=-1", "a=2,b=3", "demand"} {
		if _, err := classify.Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
}

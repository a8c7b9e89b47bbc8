package dependence_test

import (
	"testing"

	"tandem/domain/dependence"
)

func TestKilograms(t *testing.T) {
	for _, c := range []struct {
		q    float64
		unit string
		kg   float64
		ok   bool
	}{
		{500, "kg", 500, true},
		{2, " T ", 2000, true},
		{3, "吨", 3000, true},
		{1500, "g", 1.5, true},
		{4, "drum", 0, false},
		{4, "", 0, false},
	} {
		kg, ok := dependence.Kilograms(c.q, c.unit)
		if kg != c.kg || ok != c.ok {
			t.Errorf("%v %q: %v %v", c.q, c.unit, kg, ok)
		}
	}
}

func TestShareAndConcentration(t *testing.T) {
	whole := 20000.0
	zero := 0.0
	if s := dependence.Share(5000, &whole); s == nil || *s != 0.25 {
		t.Errorf("share %v", s)
	}
	if dependence.Share(5000, nil) != nil || dependence.Share(5000, &zero) != nil {
		t.Error("a share of an unknown or empty whole")
	}
	for _, c := range []struct {
		share, threshold float64
		risk             bool
	}{{0.25, 0.2, true}, {0.2, 0.2, true}, {0.19, 0.2, false}, {0, 0, false}} {
		if got := dependence.Concentrated(c.share, c.threshold); got != c.risk {
			t.Errorf("%v of %v: %v", c.share, c.threshold, got)
		}
	}
	if dependence.ConcentrationShare() != dependence.DefaultConcentrationShare {
		t.Error("default threshold")
	}
	dependence.SetConcentrationShare(0.3)
	defer dependence.SetConcentrationShare(dependence.DefaultConcentrationShare)
	if dependence.ConcentrationShare() != 0.3 {
		t.Error("configured threshold")
	}
}

package dependence_test

import (
	"testing"

	"tandem/domain/dependence"
)

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

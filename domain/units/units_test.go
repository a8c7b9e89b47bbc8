package units_test

import (
	"testing"

	"tandem/domain/units"
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
		kg, ok := units.Kilograms(c.q, c.unit)
		if kg != c.kg || ok != c.ok {
			t.Errorf("%v %q: %v %v", c.q, c.unit, kg, ok)
		}
	}
}

func TestConvert(t *testing.T) {
	if v, ok := units.Convert(2500, "kg", "t"); !ok || v != 2.5 {
		t.Errorf("2,500 kg in t: %v %v", v, ok)
	}
	if _, ok := units.Convert(1, "kg", "l"); ok {
		t.Error("mass converted to volume")
	}
}

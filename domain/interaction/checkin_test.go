package interaction

import (
	"math"
	"strings"
	"testing"

	"tandem/ent/interaction"
)

func TestCheckIn(t *testing.T) {
	for _, tc := range []struct {
		ci    CheckIn
		field string // "" when accepted
	}{
		{CheckIn{31.23, 121.47, 15}, ""},
		{CheckIn{-90, 180, MaxAccuracy}, ""},
		{CheckIn{90.01, 121, 10}, "checkIn.latitude"},
		{CheckIn{math.NaN(), 121, 10}, "checkIn.latitude"},
		{CheckIn{31, -180.5, 10}, "checkIn.longitude"},
		{CheckIn{31, 121, 0}, "checkIn.accuracy"},
		{CheckIn{31, 121, MaxAccuracy + 1}, "checkIn.accuracy"},
	} {
		err := tc.ci.Check()
		if (err == nil) != (tc.field == "") || err != nil && !strings.Contains(err.Error(), tc.field) {
			t.Errorf("%+v: %v, want refusal of %q", tc.ci, err, tc.field)
		}
	}
	// An account learns its place from an accurate check-in at a visit only.
	for _, tc := range []struct {
		kind     interaction.Kind
		accuracy float64
		want     bool
	}{
		{interaction.KindVISIT, 30, true},
		{interaction.KindVISIT, LearnAccuracy, true},
		{interaction.KindVISIT, LearnAccuracy + 1, false},
		{interaction.KindPHONE, 5, false},
	} {
		if got := (CheckIn{31, 121, tc.accuracy}).Teaches(tc.kind); got != tc.want {
			t.Errorf("%s at %v m teaches: %v, want %v", tc.kind, tc.accuracy, got, tc.want)
		}
	}
}

func TestDistanceMetres(t *testing.T) {
	for _, tc := range []struct {
		lat1, lng1, lat2, lng2, want, tol float64
	}{
		{0, 0, 1, 0, 111_195, 1},    // a degree of latitude
		{0, 0, 0, 1, 111_195, 1},    // a degree of longitude at the equator
		{60, 10, 60, 11, 55_597, 2}, // half as much at 60°
		{31.2304, 121.4737, 31.2304, 121.4737, 0, 0},
		{31.2304, 121.4737, 30.2741, 120.1551, 164_000, 2_000}, // 上海 → 杭州, about 164 km
	} {
		if got := DistanceMetres(tc.lat1, tc.lng1, tc.lat2, tc.lng2); math.Abs(got-tc.want) > tc.tol {
			t.Errorf("(%v,%v)→(%v,%v): %.0f m, want %.0f ± %.0f", tc.lat1, tc.lng1, tc.lat2, tc.lng2, got, tc.want, tc.tol)
		}
	}
}

// Package units converts quantities between units of one kind: mass to kg, volume to
// litres, as people write them on order lines (t, 吨, kg, 公斤, g…).
package units

import "strings"

type unit struct {
	kind   string
	factor float64 // in the kind's base unit: kg, L
}

var known = map[string]unit{
	"t": {"mass", 1000}, "mt": {"mass", 1000}, "ton": {"mass", 1000}, "tonne": {"mass", 1000}, "吨": {"mass", 1000},
	"kg": {"mass", 1}, "公斤": {"mass", 1}, "千克": {"mass", 1},
	"g": {"mass", 0.001}, "克": {"mass", 0.001},
	"l": {"volume", 1}, "m3": {"volume", 1000}, "m³": {"volume", 1000},
}

// Convert converts q from one unit to another of the same kind; ok is false when
// either unit is unknown (drums, pieces) or they are of different kinds.
func Convert(q float64, from, to string) (float64, bool) {
	f, ok1 := known[strings.ToLower(strings.TrimSpace(from))]
	t, ok2 := known[strings.ToLower(strings.TrimSpace(to))]
	if !ok1 || !ok2 || f.kind != t.kind {
		return 0, false
	}
	if f.factor == t.factor {
		return q, true
	}
	return q * f.factor / t.factor, true
}

// Kilograms is Convert to kg.
func Kilograms(q float64, unit string) (float64, bool) { return Convert(q, unit, "kg") }

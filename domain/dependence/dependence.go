// Package dependence is how much a customer depends on us and we on it (依赖度): our
// share of its yearly use of the materials we sell (from the rep's estimate of that
// use), and its share of our revenue over the last twelve months. A customer above
// the concentration share of our revenue is a concentration risk.
package dependence

import "sync/atomic"

const (
	// WindowMonths is the period both shares are measured over.
	WindowMonths = 12
	// DefaultConcentrationShare is the share of our revenue above which one customer
	// is a concentration risk, unless configured (TANDEM_CONCENTRATION_SHARE).
	DefaultConcentrationShare = 0.2
)

var concentration atomic.Value

// SetConcentrationShare sets the threshold (0 < s ≤ 1) for the process.
func SetConcentrationShare(s float64) { concentration.Store(s) }

// ConcentrationShare is the threshold in force.
func ConcentrationShare() float64 {
	if s, ok := concentration.Load().(float64); ok {
		return s
	}
	return DefaultConcentrationShare
}

// Share is part ÷ whole, nil when the whole is unknown or zero.
func Share(part float64, whole *float64) *float64 {
	if whole == nil || *whole <= 0 {
		return nil
	}
	s := part / *whole
	return &s
}

// Concentrated reports whether a share of our revenue is a concentration risk.
func Concentrated(share, threshold float64) bool { return share >= threshold && share > 0 }

// Package classify turns the five ratings of an account (客户分类: scale, technical
// level, credit, demand for our products, ease of closing) into a score and an A/B/C
// tier. The weights are configuration (TANDEM_CLASSIFICATION), not code.
package classify

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync/atomic"
)

// Inputs names the ratings in the order they are shown.
var Inputs = []string{"scale", "technical_level", "credit", "demand", "ease_of_closing"}

// Weights weigh each rating and set the tier thresholds.
type Weights struct {
	Weight map[string]float64
	// TierA and TierB are the lowest scores of tiers A and B (scores run 1..5).
	TierA, TierB float64
	// MinInputs is how many ratings an account needs before it is scored.
	MinInputs int
}

// Default weighs demand and ease of closing most: they say whether the account will buy.
var Default = Weights{
	Weight:    map[string]float64{"scale": 1, "technical_level": 1, "credit": 1.5, "demand": 2, "ease_of_closing": 1.5},
	TierA:     3.8,
	TierB:     2.8,
	MinInputs: 3,
}

var current atomic.Pointer[Weights]

func init() { current.Store(&Default) }

// Current returns the weights in force.
func Current() Weights { return *current.Load() }

// Set replaces the weights in force.
func Set(w Weights) { current.Store(&w) }

// Parse reads "scale=1,credit=1.5,…,a=3.8,b=2.8,min=3"; unnamed weights keep defaults.
func Parse(s string) (Weights, error) {
	w := Default
	w.Weight = map[string]float64{}
	for k, v := range Default.Weight {
		w.Weight[k] = v
	}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if !ok || err != nil || f < 0 || math.IsNaN(f) {
			return w, fmt.Errorf("classification: %q is not name=number", part)
		}
		switch k = strings.TrimSpace(k); k {
		case "a":
			w.TierA = f
		case "b":
			w.TierB = f
		case "min":
			w.MinInputs = int(f)
		default:
			if _, known := Default.Weight[k]; !known {
				return w, fmt.Errorf("classification: unknown input %q (known: %s, a, b, min)", k, strings.Join(Inputs, ", "))
			}
			w.Weight[k] = f
		}
	}
	if w.TierA < w.TierB {
		return w, fmt.Errorf("classification: tier A threshold %.2f is below tier B %.2f", w.TierA, w.TierB)
	}
	return w, nil
}

// Part is one rating's share of the score.
type Part struct {
	Input        string
	Value        *int
	Weight       float64
	Contribution float64
}

// Result is a computed classification with the reasons.
type Result struct {
	Score *float64
	Tier  *string
	Parts []Part
}

// Compute scores the ratings (nil = not rated): the weighted mean of the rated inputs,
// rounded to two decimals, when at least MinInputs are rated.
func (w Weights) Compute(ratings map[string]*int) Result {
	var res Result
	var sum, weights float64
	rated := 0
	for _, in := range Inputs {
		p := Part{Input: in, Value: ratings[in], Weight: w.Weight[in]}
		if p.Value != nil {
			rated++
			sum += float64(*p.Value) * p.Weight
			weights += p.Weight
		}
		res.Parts = append(res.Parts, p)
	}
	if rated < w.MinInputs || weights == 0 {
		return res
	}
	score := math.Round(sum/weights*100) / 100
	for i, p := range res.Parts {
		if p.Value != nil {
			res.Parts[i].Contribution = math.Round(float64(*p.Value)*p.Weight/weights*100) / 100
		}
	}
	tier := "C"
	switch {
	case score >= w.TierA:
		tier = "A"
	case score >= w.TierB:
		tier = "B"
	}
	res.Score, res.Tier = &score, &tier
	return res
}

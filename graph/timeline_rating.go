package graph

import (
	"fmt"

	"tandem/ent"
	"tandem/ent/accountchange"
)

var ratingLabels = map[accountchange.Rating][2]string{
	accountchange.RatingSCALE: {"规模", "Scale"}, accountchange.RatingTECHNICAL_LEVEL: {"技术水平", "Technical level"},
	accountchange.RatingCREDIT: {"资信", "Credit"}, accountchange.RatingDEMAND: {"对我们产品的需求度", "Demand for our products"},
	accountchange.RatingEASE_OF_CLOSING: {"成交难易", "Ease of closing"},
}

// ratingChange says a bulk rating change on the timeline: the rating, from and to,
// the tier the rules computed, and why.
func ratingChange(lang string, n *ent.AccountChange) string {
	label := ""
	if n.Rating != nil {
		l := ratingLabels[*n.Rating]
		label = say(lang, l[0], l[1])
	}
	num := func(p *int) string {
		if p == nil {
			return "–"
		}
		return fmt.Sprint(*p)
	}
	tier := func(t string) string {
		if t == "" {
			return "–"
		}
		return t
	}
	out := fmt.Sprintf("%s %s → %s", label, num(n.RatingFrom), num(n.RatingTo))
	if n.TierFrom != n.TierTo {
		out += fmt.Sprintf(say(lang, "，等级 %s → %s", ", tier %s → %s"), tier(n.TierFrom), tier(n.TierTo))
	}
	if n.Reason != "" {
		out += say(lang, "（", " (") + clip(n.Reason, 60) + say(lang, "）", ")")
	}
	return out
}

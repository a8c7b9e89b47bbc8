// Package lifecycle holds the seed's method as tables: which account stage follows
// which, how a sample moves from request to purchasing, which order steps need which,
// and how a problem goes from report to closing. Hooks in ent/schema enforce them, so
// every client meets the same rules.
package lifecycle

import (
	"slices"
	"time"
)

// Stages are the account stages in the order of the seed's loop, then the two
// states an account can fall into from any stage.
var Stages = []string{"PROSPECT", "CONTACTED", "VISITED", "SAMPLING", "TRIAL", "EVALUATION", "MAIN_SUPPLIER", "PARTNER", "DORMANT", "LOST"}

// SamplePath is the way of a sample that succeeds, from request to purchasing.
var SamplePath = []string{Requested, Prepared, Shipped, Received, LabTrial, PilotTrial, Approved, Converted}

// StageRank orders account stages; evidence only ever moves an account forward.
// DORMANT and LOST rank lowest, so new evidence reactivates an account.
var StageRank = map[string]int{
	"DORMANT": 0, "LOST": 0,
	"PROSPECT": 1, "CONTACTED": 2, "VISITED": 3, "SAMPLING": 4, "TRIAL": 5,
	"EVALUATION": 6, "MAIN_SUPPLIER": 7, "PARTNER": 8,
}

// Forward reports whether moving from one stage to another is progress.
func Forward(from, to string) bool { return StageRank[to] > StageRank[from] }

// MainSupplierOrders orders within MainSupplierMonths make an account a main supplier
// (when its evaluation was not recorded as failed).
const (
	MainSupplierOrders = 3
	MainSupplierMonths = 6
	// EvaluationOrders: an account's first orders are flagged as evaluation orders.
	EvaluationOrders = 3
)

// Sample statuses.
const (
	Requested  = "REQUESTED"
	Prepared   = "PREPARED"
	Shipped    = "SHIPPED"
	Received   = "RECEIVED"
	LabTrial   = "LAB_TRIAL"
	PilotTrial = "PILOT_TRIAL"
	Approved   = "APPROVED"
	Converted  = "CONVERTED"
	Failed     = "FAILED"
	Abandoned  = "ABANDONED"
)

var sampleNext = map[string][]string{
	Requested:  {Prepared},
	Prepared:   {Shipped},
	Shipped:    {Received},
	Received:   {LabTrial},
	LabTrial:   {PilotTrial},
	PilotTrial: {Approved},
	Approved:   {Converted},
}

// SampleNext lists the statuses a sample may move to: the next step of the seed's
// 送样 → 小样 → 中试 → 采购 path, or FAILED/ABANDONED from any open step.
func SampleNext(from string) []string {
	next, open := sampleNext[from]
	if !open {
		return []string{}
	}
	return append(slices.Clone(next), Failed, Abandoned)
}

// SampleMayMove reports whether from → to is allowed.
func SampleMayMove(from, to string) bool { return slices.Contains(SampleNext(from), to) }

// OrderSteps is the seed's order-to-delivery checklist in order.
var OrderSteps = []string{
	"CONFIRMED", "CONTRACT_SIGNED", "LABELLING_CHECKED", "PRODUCTION_DATE_CHECKED",
	"BATCH_CHECKED", "PACKAGING_CHECKED", "SHIPPED", "DELIVERED", "INVOICED", "PAID", "CLOSED",
}

// OrderStepNeeds lists the steps that must be done before a step.
var OrderStepNeeds = map[string][]string{
	"CONFIRMED":               {},
	"CONTRACT_SIGNED":         {"CONFIRMED"},
	"LABELLING_CHECKED":       {"CONFIRMED"},
	"PRODUCTION_DATE_CHECKED": {"CONFIRMED"},
	"BATCH_CHECKED":           {"CONFIRMED"},
	"PACKAGING_CHECKED":       {"CONFIRMED"},
	"SHIPPED":                 {"CONTRACT_SIGNED", "LABELLING_CHECKED", "PRODUCTION_DATE_CHECKED", "BATCH_CHECKED", "PACKAGING_CHECKED"},
	"DELIVERED":               {"SHIPPED"},
	"INVOICED":                {"SHIPPED"},
	"PAID":                    {"INVOICED"},
	"CLOSED":                  {"DELIVERED", "INVOICED", "PAID"},
}

// OrderStatusAfter is the order status once a step is done.
var OrderStatusAfter = map[string]string{
	"CONFIRMED": "OPEN", "CONTRACT_SIGNED": "IN_PRODUCTION", "LABELLING_CHECKED": "IN_PRODUCTION",
	"PRODUCTION_DATE_CHECKED": "IN_PRODUCTION", "BATCH_CHECKED": "IN_PRODUCTION", "PACKAGING_CHECKED": "IN_PRODUCTION",
	"SHIPPED": "SHIPPED", "DELIVERED": "DELIVERED", "INVOICED": "INVOICED", "PAID": "INVOICED", "CLOSED": "CLOSED",
}

// Issue (problem) statuses, from report to closing.
var issueNext = map[string][]string{
	"OPEN":             {"RESPONDED"},
	"RESPONDED":        {"ON_SITE", "ROOT_CAUSE_FOUND"},
	"ON_SITE":          {"ROOT_CAUSE_FOUND"},
	"ROOT_CAUSE_FOUND": {"DISPOSITION", "RESOLVED"},
	"DISPOSITION":      {"RESOLVED"},
	"RESOLVED":         {"CLOSED", "ROOT_CAUSE_FOUND"},
	"CLOSED":           {},
}

// IssueNext lists the statuses a problem may move to.
func IssueNext(from string) []string { return slices.Clone(issueNext[from]) }

// IssueStatuses are the problem statuses, from report to closing.
var IssueStatuses = []string{"OPEN", "RESPONDED", "ON_SITE", "ROOT_CAUSE_FOUND", "DISPOSITION", "RESOLVED", "CLOSED"}

// SampleStatuses are every sample status: the path, then the two ways out of it.
var SampleStatuses = append(slices.Clone(SamplePath), Failed, Abandoned)

// SampleMovedPast reports whether a sample now at cur has already left a status from
// which to was a legal move (or is at to already): the move was possible when the
// client read the sample, and someone moved it on since. Such a refusal is a
// conflict, not a bad request.
func SampleMovedPast(cur, to string) bool { return movedPast(SampleStatuses, SampleNext, cur, to) }

// IssueMovedPast is SampleMovedPast for problems.
func IssueMovedPast(cur, to string) bool { return movedPast(IssueStatuses, IssueNext, cur, to) }

func movedPast(states []string, next func(string) []string, cur, to string) bool {
	if cur == to {
		return true
	}
	for _, s := range states {
		if s != cur && slices.Contains(next(s), to) && reachable(next, s, cur) {
			return true
		}
	}
	return false
}

// reachable reports whether to can be reached from from by legal moves.
func reachable(next func(string) []string, from, to string) bool {
	seen := map[string]bool{from: true}
	for queue := []string{from}; len(queue) > 0; queue = queue[1:] {
		for _, n := range next(queue[0]) {
			if n == to {
				return true
			}
			if !seen[n] {
				seen[n] = true
				queue = append(queue, n)
			}
		}
	}
	return false
}

// SLA is how fast a problem must be answered and visited, by severity.
type SLA struct{ Respond, OnSite time.Duration }

// IssueSLA: 及时到现场 — the more severe, the sooner someone answers and goes on site.
var IssueSLA = map[string]SLA{
	"CRITICAL": {Respond: 4 * time.Hour, OnSite: 24 * time.Hour},
	"HIGH":     {Respond: 8 * time.Hour, OnSite: 48 * time.Hour},
	"MEDIUM":   {Respond: 24 * time.Hour, OnSite: 72 * time.Hour},
	"LOW":      {Respond: 72 * time.Hour, OnSite: 7 * 24 * time.Hour},
}

// Today's thresholds for sample follow-ups.
const (
	// ShippedNotReceivedDays: a shipped sample not confirmed received after this long.
	ShippedNotReceivedDays = 7
	// ReceivedNoResultDays: a received or trialled sample without a trial result.
	ReceivedNoResultDays = 21
)

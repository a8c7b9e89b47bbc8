package main

import (
	"context"
	"fmt"
	"time"
)

// unloadedRow is one query's single-client latency on Tandem, no other load.
type unloadedRow struct {
	name, who string
	median    time.Duration
	samples   int
	bytes     int
}

type unloadedQuery struct {
	name, who, query string
	vars             func(f *fixture) map[string]any
}

var unloadedQueries = []unloadedQuery{
	{"today", "rep1", `{ today { items { kind title reason due node { id } customer { id name } } counts { kind count } total } }`, nil},
	{"customerReport", "rep1", `query($id:ID!){ customerReport(id:$id){ customer{ id name stage } classification{ __typename }
  keyPersons{ id } openNeeds{ id } competitors{ id } pitch{ id } samplesInFlight{ id status } ordersInFlight{ id status }
  openIssues{ id status } serviceLevel{ id } lastInteractions{ id kind } promises openTasks{ id }
  stageTimeline{ stage enteredAt leftAt days } repProgress{ user{ id name } interactions visits samples samplesConverted conversionRate }
  unknownDepartments decliningIndustry generatedAt } }`, func(f *fixture) map[string]any { return map[string]any{"id": f.repAccounts[0]} }},
	{"sampleFunnel(REP)", "analyst", `{ sampleFunnel(groupBy:[REP]){ keys stages{ stage count conversionRate } } }`, nil},
	{"orderVolume(MONTH)", "analyst", `{ orderVolume(groupBy:[MONTH]){ keys orders lines quantity value currency converted } }`, nil},
	{"stageDurations", "analyst", `{ stageDurations { stage stays medianDays p90Days } }`, nil},
	{"pipelineStats(STAGE,OWNER)", "analyst", `{ pipelineStats(groupBy:[STAGE, OWNER]){ keys count } }`, nil},
	{"issueBreakdown(CATEGORY)", "analyst", `{ issueBreakdown(groupBy:[CATEGORY]){ keys count } }`, nil},
}

// unloaded measures each query up to n times, one at a time, on Tandem.
func unloaded(ctx context.Context, t *target, f *fixture, n int) ([]unloadedRow, error) {
	fmt.Println("unloaded single-client latencies on Tandem…")
	sessions := map[string]*session{
		"rep1":    {url: t.endpoint(), email: "rep1@demo.tandem"},
		"analyst": {url: t.endpoint(), email: "analyst@demo.tandem"},
	}
	var out []unloadedRow
	for _, q := range unloadedQueries {
		var vars map[string]any
		if q.vars != nil {
			vars = q.vars(f)
		}
		body := gqlBody(q.query, vars)
		var lat []time.Duration
		size := 0
		// n requests, but no more than about 30 s of them (at least 3): rep1's Today
		// grows with the team's book.
		began := time.Now()
		for k := 0; k <= n && (k <= 3 || time.Since(began) < 30*time.Second); k++ {
			tok, err := sessions[q.who].get(ctx)
			if err != nil {
				return nil, err
			}
			s := time.Now()
			ans, err := postWith(ctx, slowClient, t.endpoint(), tok, body)
			if err != nil {
				return nil, fmt.Errorf("%s as %s: %w", q.name, q.who, err)
			}
			if size == 0 { // the first request warms up and is not counted
				size = len(ans)
				continue
			}
			lat = append(lat, time.Since(s))
		}
		out = append(out, unloadedRow{name: q.name, who: q.who, median: percentile(lat, 0.5), samples: len(lat), bytes: size})
	}
	return out, nil
}

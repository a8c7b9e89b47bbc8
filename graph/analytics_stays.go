package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"tandem/domain/access"
	"tandem/domain/account"
	"tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/stagechange"
	"tandem/ent/stagestay"
	"tandem/ent/viewer"
	"tandem/graph/model"
)

// stageDurations measures the completed stays of the accounts the viewer sees in each
// stage (StageChange.stay_seconds, kept by domain/account.StayHook), with the median
// and 90th percentile. A viewer who reads every stage change, asking about all time,
// is answered from the day counts (countedStays); anyone else from their stays.
func stageDurations(ctx context.Context, c *ent.Client, from, to *time.Time) ([]*model.StageDurationRow, error) {
	if from == nil && to == nil && access.ReadsEvery(viewer.FromContext(ctx), "StageChange") {
		return countedStays(ctx, c)
	}
	return measuredStays(ctx, c, from, to)
}

// percentiles are the ones stageDurations gives, in the order of its fields.
var percentiles = [2]float64{0.5, 0.9}

// daysOf is a stay in days.
func daysOf(seconds int64) float64 { return float64(seconds) / account.DaySeconds }

// measuredStays reads the stays the viewer sees that began in the window.
func measuredStays(ctx context.Context, c *ent.Client, from, to *time.Time) ([]*model.StageDurationRow, error) {
	q := c.StageChange.Query().Where(stagechange.StaySecondsNotNil())
	if from != nil {
		q.Where(stagechange.ChangedAtGTE(from.UTC()))
	}
	if to != nil {
		q.Where(stagechange.ChangedAtLT(to.UTC()))
	}
	var rows []struct {
		Stage   string `json:"to_stage"`
		Seconds int64  `json:"stay_seconds"`
	}
	if err := q.Select(stagechange.FieldToStage, stagechange.FieldStaySeconds).Scan(ctx, &rows); err != nil {
		return nil, err
	}
	byStage := map[string][]float64{}
	for _, r := range rows {
		byStage[r.Stage] = append(byStage[r.Stage], daysOf(r.Seconds))
	}
	out := []*model.StageDurationRow{}
	for _, name := range account.Stages {
		ds := byStage[name]
		if len(ds) == 0 {
			continue
		}
		slices.Sort(ds)
		out = append(out, &model.StageDurationRow{Stage: customer.Stage(name), Stays: len(ds),
			MedianDays: percentile(ds, percentiles[0]), P90Days: percentile(ds, percentiles[1])})
	}
	return out, nil
}

// A probe reads the stays at one rank of a stage and the next: from the first stay of
// the day that holds the rank, skipping the ones before it.
type probe struct {
	stage      string
	day, skip  int64
	lo, hi     int
	frac       float64
	row, which int
}

// countedStays answers from the StageStay day counts: each percentile's rank falls
// in a day, and the exact stays at that rank are read from the stage changes' index
// (to_stage, stay_seconds) — a few rows each, in one statement, whatever the book.
func countedStays(ctx context.Context, c *ent.Client) ([]*model.StageDurationRow, error) {
	sys := access.System(ctx, "stageDurations: the viewer reads every stage change, which the day counts add up")
	days, err := c.StageStay.Query().Where(stagestay.StaysGT(0)).Order(stagestay.ByStage(), stagestay.ByDay()).All(sys)
	if err != nil {
		return nil, err
	}
	perStage := map[string][]*ent.StageStay{}
	for _, d := range days {
		perStage[string(d.Stage)] = append(perStage[string(d.Stage)], d)
	}
	out := []*model.StageDurationRow{}
	var probes []probe
	for _, name := range account.Stages {
		ds := perStage[name]
		n := 0
		for _, d := range ds {
			n += d.Stays
		}
		if n == 0 {
			continue
		}
		out = append(out, &model.StageDurationRow{Stage: customer.Stage(name), Stays: n})
		for which, p := range percentiles {
			lo, hi, frac := ranks(n, p)
			before := 0
			for _, d := range ds {
				if lo < before+d.Stays {
					probes = append(probes, probe{stage: name, day: int64(d.Day), skip: int64(lo - before), lo: lo, hi: hi, frac: frac, row: len(out) - 1, which: which})
					break
				}
				before += d.Stays
			}
		}
	}
	if len(probes) == 0 {
		return out, nil
	}
	found, err := probeStays(sys, c, probes)
	if err != nil {
		return nil, err
	}
	for i, p := range probes {
		vs := found[i]
		if len(vs) == 0 || (p.hi > p.lo && len(vs) < 2) {
			return nil, fmt.Errorf("stageDurations: the day counts of %s disagree with its stays", p.stage)
		}
		v := between(daysOf(vs[0]), daysOf(vs[min(p.hi-p.lo, len(vs)-1)]), p.frac)
		if p.which == 0 {
			out[p.row].MedianDays = v
		} else {
			out[p.row].P90Days = v
		}
	}
	return out, nil
}

// probeStays runs the probes in one statement: per probe, its two stays in order.
func probeStays(ctx context.Context, c *ent.Client, probes []probe) ([][]int64, error) {
	var parts []string
	var args []any
	for i, p := range probes {
		n := len(args)
		parts = append(parts, fmt.Sprintf(`SELECT %d AS k, q%d.%s AS s FROM (SELECT %s FROM %s WHERE %s = $%d AND %s >= $%d ORDER BY %s LIMIT 2 OFFSET $%d) AS q%d`,
			i, i, stagechange.FieldStaySeconds, stagechange.FieldStaySeconds, stagechange.Table, stagechange.FieldToStage, n+1,
			stagechange.FieldStaySeconds, n+2, stagechange.FieldStaySeconds, n+3, i))
		args = append(args, p.stage, p.day*account.DaySeconds, p.skip)
	}
	rows, err := c.QueryContext(ctx, strings.Join(parts, " UNION ALL "), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	found := make([][]int64, len(probes))
	for rows.Next() {
		var k int
		var s int64
		if err := rows.Scan(&k, &s); err != nil {
			return nil, err
		}
		found[k] = append(found[k], s)
	}
	for _, f := range found {
		slices.Sort(f)
	}
	return found, rows.Err()
}

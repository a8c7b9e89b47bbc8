package graph

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"tandem/domain/account"
	samples "tandem/domain/sample"
	"tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/product"
	"tandem/ent/sample"
	"tandem/ent/sampleevent"
	"tandem/ent/stagechange"
	"tandem/ent/user"
	"tandem/graph/model"
)

// funnelKeys adds the grouping expressions on the samples table (aliased "fs").
func funnelKeys(s *sql.Selector, fs *sql.SelectTable, dims []model.FunnelDimension) []string {
	var exprs []string
	for _, d := range dims {
		switch d {
		case model.FunnelDimensionLeadSource:
			cu := sql.Table(customer.Table).As("fun_c")
			s.Join(cu).On(fs.C(sample.FieldCustomerID), cu.C(customer.FieldID))
			exprs = append(exprs, cu.C(customer.FieldLeadSource))
		case model.FunnelDimensionProduct:
			p := sql.Table(product.Table).As("fun_p")
			s.Join(p).On(fs.C(sample.FieldProductID), p.C(product.FieldID))
			exprs = append(exprs, p.C(product.FieldCode))
		case model.FunnelDimensionRep:
			u := sql.Table(user.Table).As("fun_u")
			s.LeftJoin(u).On(fs.C(sample.FieldRequestedByID), u.C(user.FieldID))
			exprs = append(exprs, u.C(user.FieldEmail))
		case model.FunnelDimensionPeriod:
			exprs = append(exprs, monthOf(s, fs.C(sample.FieldRequestedAt)))
		}
	}
	return exprs
}

// sampleFunnel counts the samples the viewer sees that reached each step: every
// sample reached REQUESTED; a later step is reached when a SampleEvent moved it there.
// Two GROUP BY queries, whatever the data.
func sampleFunnel(ctx context.Context, c *ent.Client, dims []model.FunnelDimension, from, to *time.Time) ([]*model.FunnelRow, error) {
	if err := checkDims(dims); err != nil {
		return nil, err
	}
	window := func(s *sql.Selector, fs *sql.SelectTable) {
		if from != nil {
			s.Where(sql.GTE(fs.C(sample.FieldRequestedAt), from.UTC()))
		}
		if to != nil {
			s.Where(sql.LT(fs.C(sample.FieldRequestedAt), to.UTC()))
		}
	}
	var requested []aggRow
	err := c.Sample.Query().Modify(func(s *sql.Selector) {
		fs := sql.Table(sample.Table).As(s.TableName())
		window(s, fs)
		grouping(s, funnelKeys(s, fs, dims), sql.As(sql.Count("*"), "count"))
	}).Scan(ctx, &requested)
	if err != nil {
		return nil, err
	}
	var reached []aggRow
	err = c.SampleEvent.Query().Modify(func(s *sql.Selector) {
		fs := sql.Table(sample.Table).As("fs")
		s.Join(fs).On(s.C(sampleevent.FieldSampleID), fs.C(sample.FieldID))
		window(s, fs)
		exprs := append(funnelKeys(s, fs, dims), s.C(sampleevent.FieldToStatus))
		grouping(s, exprs, sql.As(fmt.Sprintf("COUNT(DISTINCT %s)", s.C(sampleevent.FieldSampleID)), "count"))
	}).Scan(ctx, &reached)
	if err != nil {
		return nil, err
	}
	n := len(dims)
	key := func(ks []*string) string {
		parts := make([]string, len(ks))
		for i, k := range ks {
			if k != nil {
				parts[i] = *k
			} else {
				parts[i] = "\x00"
			}
		}
		return strings.Join(parts, "\x1f")
	}
	counts := map[string]map[string]int{}
	var order []string
	keysOf := map[string][]*string{}
	for _, r := range requested {
		k := key(r.keys(n))
		counts[k] = map[string]int{"REQUESTED": r.Count}
		order = append(order, k)
		keysOf[k] = r.keys(n)
	}
	for _, r := range reached {
		k := key(r.keys(n))
		if counts[k] == nil {
			continue // a sample outside the window
		}
		status := r.keys(n + 1)[n]
		if status != nil {
			counts[k][*status] = r.Count
		}
	}
	out := make([]*model.FunnelRow, 0, len(order))
	for _, k := range order {
		row := &model.FunnelRow{Keys: keysOf[k]}
		prev := -1
		for _, st := range samples.Path {
			fst := &model.FunnelStage{Stage: st, Count: counts[k][string(st)]}
			if prev > 0 {
				rate := math.Round(float64(fst.Count)/float64(prev)*1000) / 1000
				fst.ConversionRate = &rate
			}
			prev = fst.Count
			row.Stages = append(row.Stages, fst)
		}
		out = append(out, row)
	}
	return out, nil
}

// stageDurations measures the completed stays of the accounts the viewer sees in each
// stage: the database pairs each stage change with the next one (LEAD over the
// account's changes) and returns the days between; median and 90th percentile follow.
func stageDurations(ctx context.Context, c *ent.Client, from, to *time.Time) ([]*model.StageDurationRow, error) {
	var rows []struct {
		Stage string    `json:"stage"`
		At    time.Time `json:"at"`
		Days  *float64  `json:"days"`
	}
	err := c.StageChange.Query().Modify(func(s *sql.Selector) {
		at, cust := s.C(stagechange.FieldChangedAt), s.C(stagechange.FieldCustomerID)
		left := fmt.Sprintf("LEAD(%s) OVER (PARTITION BY %s ORDER BY %s)", at, cust, at)
		days := fmt.Sprintf("julianday(%s) - julianday(%s)", left, at)
		if s.Dialect() == dialect.Postgres {
			days = fmt.Sprintf("EXTRACT(EPOCH FROM (%s - %s)) / 86400.0", left, at)
		}
		s.Select(sql.As(s.C(stagechange.FieldToStage), "stage"), sql.As(at, "at"), sql.As(days, "days"))
	}).Scan(ctx, &rows)
	if err != nil {
		return nil, err
	}
	byStage := map[string][]float64{}
	for _, r := range rows {
		if r.Days == nil || (from != nil && r.At.Before(*from)) || (to != nil && !r.At.Before(*to)) {
			continue // still in the stage, or entered outside the window
		}
		byStage[r.Stage] = append(byStage[r.Stage], *r.Days)
	}
	out := []*model.StageDurationRow{}
	for _, name := range account.Stages {
		st := customer.Stage(name)
		ds := byStage[name]
		if len(ds) == 0 {
			continue
		}
		slices.Sort(ds)
		out = append(out, &model.StageDurationRow{Stage: st, Stays: len(ds), MedianDays: percentile(ds, 0.5), P90Days: percentile(ds, 0.9)})
	}
	return out, nil
}

// percentile interpolates linearly between the sorted values (as PostgreSQL's
// percentile_cont does), rounded to a tenth of a day.
func percentile(sorted []float64, p float64) float64 {
	pos := p * float64(len(sorted)-1)
	lo := int(math.Floor(pos))
	hi := min(lo+1, len(sorted)-1)
	v := sorted[lo] + (sorted[hi]-sorted[lo])*(pos-float64(lo))
	return math.Round(v*10) / 10
}

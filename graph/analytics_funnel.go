package graph

import (
	"context"
	"fmt"
	"math"
	"slices"
	"time"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"tandem/domain/account"
	samples "tandem/domain/sample"
	"tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/product"
	"tandem/ent/sample"
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
// sample reached REQUESTED; a later step is reached when a SampleEvent moved it there,
// which the sample keeps as a bit of Sample.reached (domain/sample.ReachedHook). One
// GROUP BY over the samples, whatever the data.
func sampleFunnel(ctx context.Context, c *ent.Client, dims []model.FunnelDimension, from, to *time.Time) ([]*model.FunnelRow, error) {
	if err := checkDims(dims); err != nil {
		return nil, err
	}
	if len(samples.Path) != 8 {
		return nil, fmt.Errorf("the funnel reads 8 steps, the path has %d", len(samples.Path))
	}
	var rows []aggRow
	err := c.Sample.Query().Modify(func(s *sql.Selector) {
		fs := sql.Table(sample.Table).As(s.TableName())
		if from != nil {
			s.Where(sql.GTE(fs.C(sample.FieldRequestedAt), from.UTC()))
		}
		if to != nil {
			s.Where(sql.LT(fs.C(sample.FieldRequestedAt), to.UTC()))
		}
		measures := []string{sql.As(sql.Count("*"), "count")}
		for i, st := range samples.Path[1:] {
			measures = append(measures, sql.As(fmt.Sprintf("SUM(CASE WHEN (%s & %d) <> 0 THEN 1 ELSE 0 END)",
				fs.C(sample.FieldReached), samples.Bit(st)), fmt.Sprintf("s%d", i+1)))
		}
		grouping(s, funnelKeys(s, fs, dims), measures...)
	}).Scan(ctx, &rows)
	if err != nil {
		return nil, err
	}
	n := len(dims)
	out := make([]*model.FunnelRow, 0, len(rows))
	for _, r := range rows {
		row := &model.FunnelRow{Keys: r.keys(n)}
		prev := -1
		for i, st := range samples.Path {
			fst := &model.FunnelStage{Stage: st, Count: r.reached(i)}
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

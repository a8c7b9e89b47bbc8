package graph

import (
	"context"
	"fmt"
	"math"
	"slices"
	"time"

	"entgo.io/ent/dialect/sql"

	"tandem/domain/access"
	"tandem/domain/rollup"
	samples "tandem/domain/sample"
	"tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/product"
	"tandem/ent/sample"
	"tandem/ent/samplecount"
	"tandem/ent/user"
	"tandem/ent/viewer"
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
	var err error
	if countsAnswer(ctx, dims, from, to) {
		rows, err = countedFunnel(ctx, c, dims, from, to)
	} else {
		rows, err = sampledFunnel(ctx, c, dims, from, to)
	}
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

// countsAnswer reports whether the SampleCount rows give the same answer as the
// samples: the viewer reads every sample, no dimension needs the account, and the
// window is whole UTC months.
func countsAnswer(ctx context.Context, dims []model.FunnelDimension, from, to *time.Time) bool {
	return access.ReadsEvery(viewer.FromContext(ctx), "Sample") && !slices.Contains(dims, model.FunnelDimensionLeadSource) &&
		whole(monthStart, from, to)
}

// countedFunnel adds up the counts (domain/sample.CountHook): each row's reached
// statuses say which steps its samples reached.
func countedFunnel(ctx context.Context, c *ent.Client, dims []model.FunnelDimension, from, to *time.Time) ([]aggRow, error) {
	var rows []aggRow
	sys := access.System(ctx, "sampleFunnel: the viewer reads every sample, which the counts add up")
	err := c.SampleCount.Query().Modify(func(s *sql.Selector) {
		if from != nil {
			s.Where(sql.GTE(s.C(samplecount.FieldMonth), rollup.MonthOf(*from)))
		}
		if to != nil {
			s.Where(sql.LT(s.C(samplecount.FieldMonth), rollup.MonthOf(*to)))
		}
		var exprs []string
		for _, d := range dims {
			switch d {
			case model.FunnelDimensionProduct:
				p := sql.Table(product.Table).As("fun_p")
				s.Join(p).On(s.C(samplecount.FieldProductID), p.C(product.FieldID))
				exprs = append(exprs, p.C(product.FieldCode))
			case model.FunnelDimensionRep:
				u := sql.Table(user.Table).As("fun_u")
				s.LeftJoin(u).On(s.C(samplecount.FieldRequestedByID), u.C(user.FieldID))
				exprs = append(exprs, u.C(user.FieldEmail))
			case model.FunnelDimensionPeriod:
				exprs = append(exprs, s.C(samplecount.FieldMonth))
			}
		}
		n := s.C(samplecount.FieldSamples)
		measures := []string{sql.As(sql.Sum(n), "count")}
		for i, st := range samples.Path[1:] {
			measures = append(measures, sql.As(fmt.Sprintf("SUM(CASE WHEN (%s & %d) <> 0 THEN %s ELSE 0 END)",
				s.C(samplecount.FieldReached), samples.Bit(st), n), fmt.Sprintf("s%d", i+1)))
		}
		grouping(s, exprs, measures...)
	}).Scan(sys, &rows)
	return rows, err
}

// sampledFunnel counts the samples the viewer reads.
func sampledFunnel(ctx context.Context, c *ent.Client, dims []model.FunnelDimension, from, to *time.Time) ([]aggRow, error) {
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
	return rows, err
}

// percentile interpolates linearly between the sorted values (as PostgreSQL's
// percentile_cont does), rounded to a tenth of a day.
func percentile(sorted []float64, p float64) float64 {
	lo, hi, frac := ranks(len(sorted), p)
	return between(sorted[lo], sorted[hi], frac)
}

// ranks are the two places (from 0) of n sorted values the p-th percentile lies
// between, and how far it lies from the first to the second.
func ranks(n int, p float64) (lo, hi int, frac float64) {
	pos := p * float64(n-1)
	lo = int(math.Floor(pos))
	return lo, min(lo+1, n-1), pos - float64(lo)
}

// between is the value frac of the way from a to b, rounded to a tenth.
func between(a, b, frac float64) float64 {
	return math.Round((a+(b-a)*frac)*10) / 10
}

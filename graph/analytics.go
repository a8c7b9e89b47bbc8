package graph

import (
	"context"
	"fmt"
	"time"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/errcode"
	"tandem/ent/issue"
	"tandem/ent/product"
	"tandem/ent/team"
	"tandem/ent/user"
	"tandem/graph/model"
)

// aggRow receives one GROUP BY row: up to eight keys (six dimensions, then the
// currency and the day of orderVolume) and the measures; S1…S7 are the sample
// funnel's samples that reached each step after REQUESTED.
type aggRow struct {
	K0       *string `json:"k0"`
	K1       *string `json:"k1"`
	K2       *string `json:"k2"`
	K3       *string `json:"k3"`
	K4       *string `json:"k4"`
	K5       *string `json:"k5"`
	K6       *string `json:"k6"`
	K7       *string `json:"k7"`
	Count    int     `json:"count"`
	Orders   int     `json:"orders"`
	Quantity float64 `json:"quantity"`
	Value    float64 `json:"value"`
	S1       int     `json:"s1"`
	S2       int     `json:"s2"`
	S3       int     `json:"s3"`
	S4       int     `json:"s4"`
	S5       int     `json:"s5"`
	S6       int     `json:"s6"`
	S7       int     `json:"s7"`
}

// reached is the funnel's count at a step of the path: every sample (Count) at 0.
func (r aggRow) reached(step int) int {
	return [...]int{r.Count, r.S1, r.S2, r.S3, r.S4, r.S5, r.S6, r.S7}[step]
}

func (r aggRow) keys(n int) []*string {
	return []*string{r.K0, r.K1, r.K2, r.K3, r.K4, r.K5, r.K6, r.K7}[:n]
}

// key is the n-th key ("" when null).
func (r aggRow) key(n int) string {
	if k := r.keys(n + 1)[n]; k != nil {
		return *k
	}
	return ""
}

// monthOf is the dialect's YYYY-MM of a time column, in UTC whatever the session's
// time zone (as SQLite, and as the rollups' days).
func monthOf(s *sql.Selector, col string) string {
	if s.Dialect() == dialect.Postgres {
		return fmt.Sprintf("to_char(%s AT TIME ZONE 'UTC', 'YYYY-MM')", col)
	}
	return fmt.Sprintf("strftime('%%Y-%%m', %s)", col)
}

// dayOf is the dialect's YYYY-MM-DD of a time column, in UTC.
func dayOf(s *sql.Selector, col string) string {
	if s.Dialect() == dialect.Postgres {
		return fmt.Sprintf("to_char(%s AT TIME ZONE 'UTC', 'YYYY-MM-DD')", col)
	}
	return fmt.Sprintf("strftime('%%Y-%%m-%%d', %s)", col)
}

// grouping selects each key expression as k0, k1… and groups and orders by them.
func grouping(s *sql.Selector, exprs []string, measures ...string) {
	if len(exprs) == 0 {
		s.Select(measures...)
		return
	}
	unordered(s, exprs, measures...)
	for _, e := range exprs {
		s.OrderBy(e)
	}
}

// unordered is grouping without the ORDER BY: for sums the caller adds up itself.
func unordered(s *sql.Selector, exprs []string, measures ...string) {
	cols := make([]string, 0, len(exprs)+len(measures))
	for i, e := range exprs {
		cols = append(cols, sql.As(e, fmt.Sprintf("k%d", i)))
	}
	s.Select(append(cols, measures...)...).GroupBy(exprs...)
}

func checkDims[T comparable](dims []T) error {
	if len(dims) > 6 {
		return errcode.New(errcode.BadUserInput, "group by at most 6 dimensions").With("field", "groupBy")
	}
	seen := map[T]bool{}
	for _, d := range dims {
		if seen[d] {
			return errcode.New(errcode.BadUserInput, "%v is listed twice", d).With("field", "groupBy")
		}
		seen[d] = true
	}
	return nil
}

func toAggregate(rows []aggRow, n int) []*model.AggregateRow {
	out := make([]*model.AggregateRow, 0, len(rows))
	for _, r := range rows {
		out = append(out, &model.AggregateRow{Keys: r.keys(n), Count: r.Count})
	}
	return out
}

// pipelineStats counts the accounts the viewer sees, grouped as asked.
func pipelineStats(ctx context.Context, c *ent.Client, dims []model.PipelineDimension, from, to *time.Time) ([]*model.AggregateRow, error) {
	if err := checkDims(dims); err != nil {
		return nil, err
	}
	q := c.Customer.Query()
	if from != nil {
		q.Where(customer.CreatedAtGTE(from.UTC()))
	}
	if to != nil {
		q.Where(customer.CreatedAtLT(to.UTC()))
	}
	if accountCountsAnswer(ctx, from, to) {
		rows, err := countedPipeline(ctx, c, dims, from, to)
		return toAggregate(rows, len(dims)), err
	}
	var rows []aggRow
	err := q.Modify(func(s *sql.Selector) {
		var exprs []string
		for _, d := range dims {
			switch d {
			case model.PipelineDimensionStage:
				exprs = append(exprs, s.C(customer.FieldStage))
			case model.PipelineDimensionTier:
				exprs = append(exprs, s.C(customer.FieldTier))
			case model.PipelineDimensionLeadSource:
				exprs = append(exprs, s.C(customer.FieldLeadSource))
			case model.PipelineDimensionPeriod:
				exprs = append(exprs, monthOf(s, s.C(customer.FieldCreatedAt)))
			case model.PipelineDimensionOwner:
				u := sql.Table(user.Table).As("owner_u")
				s.LeftJoin(u).On(s.C(customer.FieldOwnerID), u.C(user.FieldID))
				exprs = append(exprs, u.C(user.FieldEmail))
			case model.PipelineDimensionTeam:
				t := sql.Table(team.Table).As("team_t")
				s.LeftJoin(t).On(s.C(customer.FieldTeamID), t.C(team.FieldID))
				exprs = append(exprs, t.C(team.FieldName))
			}
		}
		grouping(s, exprs, sql.As(sql.Count("*"), "count"))
	}).Scan(ctx, &rows)
	if err != nil {
		return nil, err
	}
	return toAggregate(rows, len(dims)), nil
}

// issueBreakdown counts the problems the viewer sees, grouped as asked.
func issueBreakdown(ctx context.Context, c *ent.Client, dims []model.IssueDimension, from, to *time.Time) ([]*model.AggregateRow, error) {
	if err := checkDims(dims); err != nil {
		return nil, err
	}
	q := c.Issue.Query()
	if from != nil {
		q.Where(issue.ReportedAtGTE(from.UTC()))
	}
	if to != nil {
		q.Where(issue.ReportedAtLT(to.UTC()))
	}
	var rows []aggRow
	err := q.Modify(func(s *sql.Selector) {
		var exprs []string
		for _, d := range dims {
			switch d {
			case model.IssueDimensionCategory:
				exprs = append(exprs, s.C(issue.FieldCategory))
			case model.IssueDimensionRootCause:
				exprs = append(exprs, s.C(issue.FieldRootCause))
			case model.IssueDimensionPeriod:
				exprs = append(exprs, monthOf(s, s.C(issue.FieldReportedAt)))
			case model.IssueDimensionProduct:
				p := sql.Table(product.Table).As("issue_p")
				s.LeftJoin(p).On(s.C(issue.FieldProductID), p.C(product.FieldID))
				exprs = append(exprs, p.C(product.FieldCode))
			}
		}
		grouping(s, exprs, sql.As(sql.Count("*"), "count"))
	}).Scan(ctx, &rows)
	if err != nil {
		return nil, err
	}
	return toAggregate(rows, len(dims)), nil
}

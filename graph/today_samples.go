package graph

import (
	"fmt"
	"slices"
	"time"

	samples "tandem/domain/sample"
	"tandem/ent"
	"tandem/ent/predicate"
	"tandem/ent/product"
	"tandem/ent/sample"
	"tandem/ent/schema/pulid"
	"tandem/ent/trial"
	"tandem/graph/model"
)

// todaySamples lists samples stuck in transit or waiting for a trial result.
func todaySamples(run *todayRun) error {
	notReceived := time.Duration(samples.ShippedNotReceivedDays) * 24 * time.Hour
	noResult := time.Duration(samples.ReceivedNoResultDays) * 24 * time.Hour
	stuck := []predicate.Sample{sample.StatusEQ(sample.StatusSHIPPED), sample.ShippedAtNotNil(), sample.ShippedAtLT(run.now.Add(-notReceived)),
		awake[predicate.Sample](run, model.TodayKindSampleNotReceived)}
	waiting := []predicate.Sample{
		sample.StatusIn(sample.StatusRECEIVED, sample.StatusLAB_TRIAL, sample.StatusPILOT_TRIAL),
		sample.ReceivedAtNotNil(), sample.ReceivedAtLT(run.now.Add(-noResult)),
		sample.Not(sample.HasTrialsWith(trial.OutcomeNEQ(trial.OutcomePENDING))),
		awake[predicate.Sample](run, model.TodayKindSampleNoResult),
	}
	q := func(where []predicate.Sample) *ent.SampleQuery {
		if run.scope != nil {
			where = append(where[:len(where):len(where)], sample.HasCustomerWith(run.scope))
		}
		return run.c.Sample.Query().Where(where...)
	}
	// Each kind in the order of its due time: shipped (or received) so long ago.
	inTransit, err := paged(run, model.TodayKindSampleNotReceived, upTo(q(stuck)), func(limit int) ([]*ent.Sample, error) {
		return q(stuck).Order(sample.ByShippedAt(), sample.ByID()).Limit(limit).Modify(counted).All(run.ctx)
	})
	if err != nil {
		return err
	}
	noTrial, err := paged(run, model.TodayKindSampleNoResult, upTo(q(waiting)), func(limit int) ([]*ent.Sample, error) {
		return q(waiting).Order(sample.ByReceivedAt(), sample.ByID()).Limit(limit).Modify(counted).All(run.ctx)
	})
	if err != nil {
		return err
	}
	followUps := append(inTransit, noTrial...)
	products, err := sampleProducts(run, followUps)
	if err != nil {
		return err
	}
	for _, s := range followUps {
		code := ""
		if p := products[s.ProductID]; p != nil {
			code = " " + p.Code
		}
		title := say(run.lang, "样品"+code, "Sample"+code)
		if s.Status == sample.StatusSHIPPED {
			n := daysSince(run.now, *s.ShippedAt)
			due := s.ShippedAt.Add(notReceived)
			run.add(model.TodayKindSampleNotReceived, s.ID, s.CustomerID, s, title,
				say(run.lang, fmt.Sprintf("已发出 %d 天，客户尚未确认收到（超过 %d 天）", n, samples.ShippedNotReceivedDays),
					fmt.Sprintf("Shipped %d days ago and not confirmed received (more than %d days)", n, samples.ShippedNotReceivedDays)), &due)
			continue
		}
		n := daysSince(run.now, *s.ReceivedAt)
		due := s.ReceivedAt.Add(noResult)
		run.add(model.TodayKindSampleNoResult, s.ID, s.CustomerID, s, title,
			say(run.lang, fmt.Sprintf("客户收到样品已 %d 天，还没有试验结果（超过 %d 天）", n, samples.ReceivedNoResultDays),
				fmt.Sprintf("Received %d days ago with no trial result yet (more than %d days)", n, samples.ReceivedNoResultDays)), &due)
	}
	return nil
}

// sampleProducts reads the products of both kinds' samples at once, by ID.
func sampleProducts(run *todayRun, samples []*ent.Sample) (map[pulid.ID]*ent.Product, error) {
	var ids []pulid.ID
	for _, s := range samples {
		ids = append(ids, s.ProductID)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	if len(ids) == 0 {
		return nil, nil
	}
	ps, err := run.c.Product.Query().Where(product.IDIn(ids...)).All(run.ctx)
	if err != nil {
		return nil, err
	}
	byID := make(map[pulid.ID]*ent.Product, len(ps))
	for _, p := range ps {
		byID[p.ID] = p
	}
	return byID, nil
}

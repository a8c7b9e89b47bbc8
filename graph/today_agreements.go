package graph

import (
	"fmt"

	quotations "tandem/domain/quotation"
	"tandem/ent/predicate"
	"tandem/ent/quotation"
	"tandem/graph/model"
)

// todayAgreements lists the price agreements of the viewer's accounts that end within
// quotations.ExpiryWarningDays and have no revision under way: to renew in time, so
// the customer's next order does not fall back to the list price unannounced.
func todayAgreements(run *todayRun) error {
	where := []predicate.Quotation{
		quotation.StatusEQ(quotation.StatusACCEPTED),
		quotation.ValidUntilGTE(run.now), quotation.ValidUntilLTE(run.now.AddDate(0, 0, quotations.ExpiryWarningDays)),
		quotation.Not(quotation.HasRevisedBy()),
	}
	if run.scope != nil {
		where = append(where, quotation.HasCustomerWith(run.scope))
	}
	qs, err := run.c.Quotation.Query().Where(where...).Order(quotation.ByValidUntil(), quotation.ByID()).All(run.ctx)
	if err != nil {
		return err
	}
	for _, qt := range qs {
		due := qt.ValidUntil
		title := say(run.lang, "价格协议 "+qt.Number, "Price agreement "+qt.Number)
		reason := say(run.lang, fmt.Sprintf("价格协议 %s 到期，请及时续签报价", ymd(due)),
			fmt.Sprintf("The price agreement ends on %s: send a new quotation in time", ymd(due)))
		run.add(model.TodayKindAgreementExpiring, qt.ID, qt.CustomerID, qt, title, reason, &due)
	}
	return nil
}

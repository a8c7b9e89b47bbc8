package graph

import (
	"fmt"

	"tandem/domain/access"
	orders "tandem/domain/order"
	"tandem/ent"
	"tandem/ent/document"
	"tandem/ent/order"
	"tandem/ent/orderline"
	"tandem/ent/predicate"
	"tandem/ent/schema/pulid"
	"tandem/graph/model"
)

// CertificateDays: a certificate (SGS report, REACH/RoHS statement, ISO…) that expires
// within this many days, or has expired and is not replaced, is on Today.
const CertificateDays = 30

// CertificateBuyersMonths: a rep sees the certificates of the products their accounts
// ordered within this many months.
const CertificateBuyersMonths = 12

// todayCertificates lists the certificates expiring or expired: every one for managers
// and admins, those of the products their accounts bought recently for reps.
func todayCertificates(run *todayRun) error {
	where := []predicate.Document{
		document.TypeIn(orders.CertificateTypes...),
		document.ValidUntilNotNil(), document.ValidUntilLTE(run.now.AddDate(0, 0, CertificateDays)),
		document.Not(document.HasSupersededBy()),
	}
	docs, err := run.c.Document.Query().Where(where...).All(run.asked)
	if err != nil {
		return err
	}
	if !access.Manages(run.v) {
		if docs, err = boughtRecently(run, docs); err != nil {
			return err
		}
	}
	for _, d := range docs {
		due := *d.ValidUntil
		reason := say(run.lang, fmt.Sprintf("%s 到期，请及时更新", ymd(due)), fmt.Sprintf("Expires on %s: renew it in time", ymd(due)))
		if due.Before(run.now) {
			reason = say(run.lang, fmt.Sprintf("已于 %s 过期，发货会有提醒；请更新", ymd(due)),
				fmt.Sprintf("Expired on %s; shipping warns about it: renew it", ymd(due)))
		}
		run.add(model.TodayKindCertificateExpiring, d.ID, "", d, d.Title, reason, &due)
	}
	return nil
}

// boughtRecently keeps the certificates of the products the viewer's accounts ordered
// within CertificateBuyersMonths: one "is there such a line" per product, which the
// database answers at the first line it finds (as one join, it read every line of the
// product and every account of the rep).
func boughtRecently(run *todayRun, docs []*ent.Document) ([]*ent.Document, error) {
	bought := map[pulid.ID]bool{}
	kept := docs[:0]
	for _, d := range docs {
		p := d.ProductID
		if p == "" {
			continue
		}
		yes, asked := bought[p]
		if !asked {
			lines := []predicate.OrderLine{orderline.ProductID(p),
				orderline.HasOrderWith(order.OrderedAtGTE(run.now.AddDate(0, -CertificateBuyersMonths, 0)), order.StatusNEQ(order.StatusCANCELLED))}
			if run.scope != nil {
				lines = append(lines, orderline.HasCustomerWith(run.scope))
			}
			var err error
			if yes, err = run.c.OrderLine.Query().Where(lines...).Exist(run.ctx); err != nil {
				return nil, err
			}
			bought[p] = yes
		}
		if yes {
			kept = append(kept, d)
		}
	}
	return kept, nil
}

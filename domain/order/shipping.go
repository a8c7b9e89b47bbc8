package order

import (
	"context"
	"fmt"
	"strings"
	"time"

	"tandem/domain/access"
	gen "tandem/ent"
	"tandem/ent/document"
	"tandem/ent/order"
	"tandem/ent/schema/pulid"
)

// CertificateTypes are the documents with a validity that shipping and Today watch:
// certificates (ISO, REACH registration, RoHS statements) and SGS reports.
var CertificateTypes = []document.Type{document.TypeCERTIFICATE, document.TypeSGS_REPORT}

// HasFile reports whether a document is a stored file, not just a record.
func HasFile(d *gen.Document) bool {
	return strings.TrimSpace(d.StorageKey) != "" && strings.TrimSpace(d.Sha256) != ""
}

// BatchAgeLimit is the production date before which a batch of a product with a
// maximum batch age of months is too old to ship at now.
func BatchAgeLimit(now time.Time, months int) time.Time { return now.AddDate(0, -months, 0) }

// batchAge is the batch-age warning of a line at now ("" when its batch is fit):
// a production date older than the product allows, or none at all (合适的生产日期).
func batchAge(l *gen.OrderLine, maxMonths int, now time.Time) WarningKind {
	switch {
	case l.ProductionDate == nil:
		return NoProductionDate
	case l.ProductionDate.Before(BatchAgeLimit(now, maxMonths)):
		return BatchTooOld
	}
	return ""
}

// Review is what shipping an order must look at: what blocks it, what warns, and the
// same line by line.
type Review struct {
	Blocking, Warnings []string
	Lines              []*LineWarning
}

// BatchProblems lists what stops the order from shipping: lines without a batch,
// batches without a COA or with a COA record without its file, batches too old or
// without a production date that nobody acknowledged; and warns when the lines span
// several batches, when a batch age was acknowledged, and when a certificate of a
// product has expired or expires before the delivery date.
func BatchProblems(ctx context.Context, c *gen.Client, o *gen.Order) (blocking, warnings []string, err error) {
	r, err := ReviewShipping(ctx, c, o, time.Now(), "en")
	if err != nil {
		return nil, nil, err
	}
	return r.Blocking, r.Warnings, nil
}

// ReviewShipping is BatchProblems with the line warnings, at now; its texts are in lang
// ("zh" or "en": the checklist speaks the viewer's language, the API's errors English).
func ReviewShipping(ctx context.Context, c *gen.Client, o *gen.Order, now time.Time, lang string) (*Review, error) {
	say := func(zh, en string) string { return inLang(lang, zh, en) }
	sys := access.System(ctx, "the shipping gate checks every line of the order, its COAs and certificates, whoever may read them")
	lines, err := o.QueryLines().WithProduct().All(sys)
	if err != nil {
		return nil, err
	}
	r := &Review{Lines: []*LineWarning{}}
	if len(lines) == 0 {
		r.Blocking = []string{say("订单没有明细行", "the order has no lines")}
		return r, nil
	}
	// One query for every COA of the order's batches, one for the certificates of its
	// products: not one per line.
	var batchNos []string
	var productIDs []pulid.ID
	for _, l := range lines {
		if b := strings.TrimSpace(l.BatchNo); b != "" {
			batchNos = append(batchNos, b)
		}
		productIDs = append(productIDs, l.ProductID)
	}
	coas, err := c.Document.Query().Where(document.TypeEQ(document.TypeCOA), document.BatchNoIn(batchNos...)).
		Select(document.FieldProductID, document.FieldBatchNo, document.FieldStorageKey, document.FieldSha256).All(sys)
	if err != nil {
		return nil, err
	}
	coa := map[string]*gen.Document{}
	for _, d := range coas {
		k := string(d.ProductID) + "|" + d.BatchNo
		if prev := coa[k]; prev == nil || (!HasFile(prev) && HasFile(d)) {
			coa[k] = d
		}
	}
	batches := map[string]bool{}
	for _, l := range lines {
		code, maxMonths := string(l.ProductID), 12
		if p := l.Edges.Product; p != nil {
			code, maxMonths = p.Code, p.MaxBatchAgeMonths
		}
		if strings.TrimSpace(l.BatchNo) == "" {
			r.Blocking = append(r.Blocking, say(fmt.Sprintf("%s 的明细行没有批号", code), fmt.Sprintf("line %s has no batch number", code)))
		} else {
			batches[l.BatchNo] = true
			switch d := coa[string(l.ProductID)+"|"+l.BatchNo]; {
			case d == nil:
				r.Blocking = append(r.Blocking, say(fmt.Sprintf("%s 批次 %s 没有 COA", code, l.BatchNo), fmt.Sprintf("batch %s of %s has no COA", l.BatchNo, code)))
			case !HasFile(d):
				msg := say(fmt.Sprintf("%s 批次 %s 的 COA 只有记录，没有文件", code, l.BatchNo), fmt.Sprintf("batch %s of %s has a COA record without its file", l.BatchNo, code))
				r.Blocking = append(r.Blocking, msg)
				r.Lines = append(r.Lines, &LineWarning{Kind: COAWithoutFile, Line: l, Message: msg, Document: d})
			}
		}
		if kind := batchAge(l, maxMonths, now); kind != "" {
			w := &LineWarning{Kind: kind, Line: l, ProductionDate: l.ProductionDate, MaxAgeMonths: &maxMonths,
				NeedsAcknowledgement: true, Acknowledged: l.BatchAgeAcknowledgedAt != nil, AcknowledgedAt: l.BatchAgeAcknowledgedAt}
			if l.BatchAgeAcknowledgement != "" {
				w.Acknowledgement = &l.BatchAgeAcknowledgement
			}
			if kind == NoProductionDate {
				w.Message = say(fmt.Sprintf("%s 的明细行没有生产日期：请确认批次合适（合适的生产日期）", code), fmt.Sprintf("line %s has no production date; check the batch is suitable", code))
			} else {
				day := l.ProductionDate.UTC().Format("2006-01-02")
				w.Message = say(fmt.Sprintf("%s 批次 %s 生产于 %s，超过 %d 个月", code, l.BatchNo, day, maxMonths),
					fmt.Sprintf("batch %s of %s was produced on %s, more than %d months ago", l.BatchNo, code, day, maxMonths))
			}
			if w.Acknowledged {
				r.Warnings = append(r.Warnings, w.Message+say("（已确认）", " (acknowledged)"))
			} else {
				r.Blocking = append(r.Blocking, w.Message+say("：发货前请确认", ": acknowledge it (acknowledgeBatchAge) before shipping"))
			}
			r.Lines = append(r.Lines, w)
		}
	}
	if len(batches) > 1 {
		r.Warnings = append(r.Warnings, say(fmt.Sprintf("明细涉及 %d 个批次：批次尽量同一", len(batches)), fmt.Sprintf("the lines span %d batches; one batch is preferred", len(batches))))
	}
	// Certificates of the order's products that expired, or expire before delivery.
	until := now
	if o.DeliveryDate != nil && o.DeliveryDate.After(now) {
		until = *o.DeliveryDate
	}
	certs, err := c.Document.Query().Where(document.TypeIn(CertificateTypes...), document.ProductIDIn(productIDs...),
		document.ValidUntilNotNil(), document.ValidUntilLT(until), document.Not(document.HasSupersededBy())).All(sys)
	if err != nil {
		return nil, err
	}
	warned := map[string]bool{}
	for _, d := range certs {
		for _, l := range lines {
			if l.ProductID != d.ProductID || warned[string(d.ID)] {
				continue
			}
			warned[string(d.ID)] = true
			w := &LineWarning{Kind: CertificateExpired, Line: l, Document: d}
			if d.ValidUntil.After(now) {
				w.Kind = CertificateExpiring
				day := d.ValidUntil.UTC().Format("2006-01-02")
				w.Message = say(fmt.Sprintf("%s 将于 %s 到期，早于交期", d.Title, day), fmt.Sprintf("%s expires on %s, before the delivery date", d.Title, day))
			} else {
				day := d.ValidUntil.UTC().Format("2006-01-02")
				w.Message = say(fmt.Sprintf("%s 已于 %s 到期", d.Title, day), fmt.Sprintf("%s expired on %s", d.Title, day))
			}
			r.Warnings = append(r.Warnings, w.Message)
			r.Lines = append(r.Lines, w)
		}
	}
	return r, nil
}

// shipped reports whether an order is past the shipping gate.
func shipped(o *gen.Order) bool { return o.ShippedAt != nil || o.Status == order.StatusCANCELLED }

// inLang picks the text of lang ("en", otherwise Chinese).
func inLang(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}

package graph

import (
	quotations "tandem/domain/quotation"
	"tandem/graph/model"
)

// draftOf translates the draft input into the domain's draft.
func draftOf(in model.QuotationDraftInput) quotations.Draft {
	d := quotations.Draft{Terms: quotations.Terms{
		CustomerID: in.CustomerID, SampleID: in.SampleID, Currency: deref(in.Currency), Incoterm: in.Incoterm,
		IncotermPlace: deref(in.IncotermPlace), PaymentDays: in.PaymentDays, PaymentTerms: deref(in.PaymentTerms),
		ValidFrom: in.ValidFrom, ValidUntil: in.ValidUntil, Notes: deref(in.Notes),
	}}
	for _, l := range in.Lines {
		line := quotations.Line{ProductID: l.ProductID, Grade: deref(l.Grade), Unit: deref(l.Unit), UnitPrice: l.UnitPrice, Note: deref(l.Note)}
		if l.MinQuantity != nil {
			line.MinQuantity = *l.MinQuantity
		}
		d.Lines = append(d.Lines, line)
	}
	return d
}

func answerOf(in model.QuotationAnswerInput, accept bool) quotations.Decision {
	return quotations.Decision{Accept: accept, By: in.DecidedBy, Note: deref(in.Note)}
}

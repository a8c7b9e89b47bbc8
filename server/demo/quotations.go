package demo

import (
	"math"
	"time"

	"tandem/domain/quotation"
	"tandem/ent"
	q "tandem/ent/quotation"
	"tandem/ent/schema/pulid"
)

// seedQuotations gives the accounts that buy from us their quotations (报价): the
// price agreements in force for their main product, with quantity breaks, one of
// rep1's ending within the month (on Today, to renew); a revision accepted over an
// older agreement; offers awaiting an answer; one declined; and a draft. Prices are a
// little under the list price of the month the offer was sent.
func (s *seeder) seedQuotations() error {
	rep1Soon := false
	n := 0
	for _, c := range s.custs {
		if !c.inSale() || len(c.orders) == 0 || len(c.orders[0].lines) == 0 {
			continue
		}
		p := c.orders[len(c.orders)-1].lines[0].p
		n++
		switch n % 5 {
		case 0, 1: // an agreement in force
			until := s.now.Add(days(s.between(60, 200)))
			if c.owner.ID == s.users["rep1"].ID && !rep1Soon {
				until, rep1Soon = s.now.Add(days(18)), true
			}
			if _, err := s.quotation(c, p, nil, q.StatusACCEPTED, s.ago(150), until, 0.96); err != nil {
				return err
			}
		case 2: // an agreement renewed by a revision
			old, err := s.quotation(c, p, nil, q.StatusSUPERSEDED, s.ago(400), s.ago(40), 0.98)
			if err != nil {
				return err
			}
			if _, err := s.quotation(c, p, old, q.StatusACCEPTED, s.ago(45), s.now.Add(days(320)), 0.95); err != nil {
				return err
			}
		case 3: // an offer awaiting the customer's answer
			if _, err := s.quotation(c, p, nil, q.StatusSENT, s.ago(6), s.now.Add(days(84)), 0.97); err != nil {
				return err
			}
		case 4: // declined, and a draft to try again
			old, err := s.quotation(c, p, nil, q.StatusREJECTED, s.ago(70), s.ago(-20), 0.99)
			if err != nil {
				return err
			}
			if _, err := s.quotation(c, p, old, q.StatusDRAFT, s.ago(2), s.now.Add(days(90)), 0.95); err != nil {
				return err
			}
		}
	}
	return nil
}

// quotation writes one quotation of a product in three quantity breaks (from 0, 1 t
// and 5 t), sent (unless a draft) a day after it was written and answered a week later.
func (s *seeder) quotation(c *cust, p *prod, prev *ent.Quotation, st q.Status, from, until time.Time, discount float64) (*ent.Quotation, error) {
	id := pulid.New("QT")
	number, revision := quotation.Number(id, from), 1
	if prev != nil {
		number, revision = prev.Number, prev.Revision+1
	}
	written := from.Add(-days(3))
	b := s.c.Quotation.Create().SetID(id).SetCustomerID(c.e.ID).SetNumber(number).SetRevision(revision).SetStatus(st).
		SetCurrency("CNY").SetIncoterm(q.IncotermDAP).SetIncotermPlace(c.e.Region + " 客户仓库").
		SetPaymentDays(60).SetPaymentTerms("月结 60 天，银行承兑汇票").
		SetValidFrom(from).SetValidUntil(until).SetCreatedByID(c.owner.ID).
		SetNotes("价格含 13% 增值税，含运费；有效期内价格不变。").
		SetCreatedAt(written).SetUpdatedAt(written)
	if prev != nil {
		b.SetPreviousID(prev.ID)
	}
	if st != q.StatusDRAFT {
		sent := written.Add(days(1))
		b.SetSentAt(sent).SetUpdatedAt(sent)
		if st == q.StatusACCEPTED || st == q.StatusREJECTED || st == q.StatusSUPERSEDED {
			decided := sent.Add(days(7))
			who := "采购部"
			if len(c.contacts) > 0 {
				who = c.contacts[0].name
			}
			b.SetDecidedAt(decided).SetDecidedBy(who).SetDecidedVia(q.DecidedViaAPP).SetUpdatedAt(decided)
			if st == q.StatusREJECTED {
				b.SetDecisionNote("比现用供应商高约 4%，暂不切换")
			}
		}
	}
	qt, err := b.Save(s.ctx)
	if err != nil {
		return nil, err
	}
	list := s.priceAt(p, from)
	var lines []*ent.QuotationLineCreate
	for k, from := range []float64{0, 1000, 5000} {
		price := math.Round(list*discount*(1-0.02*float64(k))*100) / 100
		lines = append(lines, s.c.QuotationLine.Create().SetQuotationID(qt.ID).SetCustomerID(c.e.ID).SetProductID(p.e.ID).
			SetMinQuantity(from).SetUnit("kg").SetUnitPrice(price).SetCreatedAt(written).SetUpdatedAt(written))
	}
	if err := s.c.QuotationLine.CreateBulk(lines...).Exec(s.ctx); err != nil {
		return nil, err
	}
	s.res.Quotations++
	return qt, nil
}

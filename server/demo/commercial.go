package demo

import (
	"crypto/sha256"
	"fmt"
	"math"
	"strings"
	"time"

	"tandem/domain/quotation"
	"tandem/ent"
	"tandem/ent/project"
	"tandem/ent/projectdocument"
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

// seedProjects gives three accounts that buy from us a joint project each: a joint
// development under way with a milestone done, a grant application proposed, and a
// finished one.
func (s *seeder) seedProjects() error {
	type spec struct {
		kind                   project.Kind
		title, goal, programme string
		status                 project.Status
		began                  float64
		milestones             []string
		done                   int
		outcome                string
	}
	specs := []spec{
		{project.KindJOINT_RND, "低 VOC 汽车内饰料共同开发", "配合客户新车型内饰件，VOC 与气味达到主机厂标准，2027 年二季度量产", "",
			project.StatusACTIVE, 120, []string{"小试配方定型", "中试验证", "主机厂送样认证"}, 1, ""},
		{project.KindGRANT_APPLICATION, "联合申报省重点研发计划：无卤阻燃母粒", "与客户技术中心联合申报，争取研发资助", "浙江省重点研发计划",
			project.StatusPROPOSED, 20, []string{"申报书初稿", "专家论证"}, 0, ""},
		{project.KindJOINT_RND, "耐候光稳定体系优化", "户外制品 2000 小时氙灯老化保持率 ≥ 80%", "",
			project.StatusDONE, 400, []string{"配方筛选", "老化测试"}, 2, "达标，已转入批量订单"},
	}
	k := 0
	for _, c := range s.custs {
		if k == len(specs) || !c.inSale() || len(c.kps) == 0 {
			continue
		}
		sp := specs[k]
		k++
		made := s.ago(sp.began)
		b := s.c.Project.Create().SetCustomerID(c.e.ID).SetKind(sp.kind).SetTitle(sp.title).SetGoal(sp.goal).
			SetProgramme(sp.programme).SetStatus(sp.status).SetOurLeadID(c.owner.ID).SetCreatedAt(made).SetUpdatedAt(made)
		if sp.status != project.StatusPROPOSED {
			b.SetStartedAt(made.Add(days(10)))
		}
		if sp.status == project.StatusDONE {
			b.SetEndedAt(s.ago(30)).SetOutcome(sp.outcome)
		}
		p, err := b.Save(s.ctx)
		if err != nil {
			return err
		}
		members := []*ent.ProjectMemberCreate{
			s.c.ProjectMember.Create().SetProjectID(p.ID).SetCustomerID(c.e.ID).SetUserID(c.owner.ID).SetRole("我方负责人"),
			s.c.ProjectMember.Create().SetProjectID(p.ID).SetCustomerID(c.e.ID).SetKeyPersonID(c.kps[0].e.ID).SetRole("客户方负责人"),
		}
		if err := s.c.ProjectMember.CreateBulk(members...).Exec(s.ctx); err != nil {
			return err
		}
		for i, title := range sp.milestones {
			due := made.Add(days(float64(30 * (i + 1))))
			m := s.c.ProjectMilestone.Create().SetProjectID(p.ID).SetCustomerID(c.e.ID).SetTitle(title).SetDueAt(due)
			if i < sp.done {
				m.SetDoneAt(s.clampPast(due.Add(-days(3))))
			}
			if err := m.Exec(s.ctx); err != nil {
				return err
			}
		}
		if err := s.seedProjectFile(p, c, sp.kind == project.KindGRANT_APPLICATION); err != nil {
			return err
		}
		s.res.Projects++
	}
	return nil
}

// seedProjectFile gives a project the minutes of its first meeting, shared with the
// customer, and a grant application its draft, kept to ourselves.
func (s *seeder) seedProjectFile(p *ent.Project, c *cust, application bool) error {
	type file struct {
		kind   projectdocument.Kind
		title  string
		shared bool
	}
	files := []file{{projectdocument.KindMINUTES, p.Title + " 启动会会议纪要", true}}
	if application {
		files = append(files, file{projectdocument.KindAPPLICATION, "申报书初稿（内部讨论稿）", false})
	}
	for _, f := range files {
		body := []byte(f.title + "\n\n" + ourName + " — demo document (示例文件).\n")
		key := fmt.Sprintf("project-documents/demo/%02d-%s.txt", s.res.Projects+1, strings.ToLower(string(f.kind)))
		if s.res.Files == nil {
			s.res.Files = map[string][]byte{}
		}
		s.res.Files[key] = body
		err := s.c.ProjectDocument.Create().SetProjectID(p.ID).SetCustomerID(c.e.ID).SetKind(f.kind).SetTitle(f.title).
			SetShared(f.shared).SetFileName(strings.ToLower(string(f.kind)) + ".txt").SetContentType("text/plain; charset=utf-8").
			SetSizeBytes(int64(len(body))).SetSha256(fmt.Sprintf("%x", sha256.Sum256(body))).SetStorageKey(key).
			SetUploadedByID(c.owner.ID).SetCreatedAt(p.CreatedAt.Add(days(7))).Exec(s.ctx)
		if err != nil {
			return err
		}
	}
	return nil
}

// seedStock enters our stock of the three first products, so the stock plan has
// something to plan on the first day: on hand, on order, a safety stock and the lead
// time of production.
func (s *seeder) seedStock() error {
	for i, p := range s.prods {
		if i == 3 {
			break
		}
		counted := s.ago(2)
		err := s.c.Product.UpdateOneID(p.e.ID).SetStockOnHand(float64(6000 + 4000*i)).SetStockOnOrder(float64(2000 * (i % 2))).
			SetSafetyStock(1000).SetLeadTimeDays(21 + 7*i).SetStockCountedAt(counted).Exec(s.ctx)
		if err != nil {
			return err
		}
	}
	return nil
}

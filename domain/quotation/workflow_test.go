package quotation_test

import (
	"context"
	"testing"
	"time"

	"tandem/domain/domaintest"
	quotations "tandem/domain/quotation"
	gen "tandem/ent"
	"tandem/ent/errcode"
	q "tandem/ent/quotation"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
)

type world struct {
	c        *gen.Client
	sys      context.Context
	admin    context.Context
	customer *gen.Customer
	product  *gen.Product
	now      time.Time
}

func newWorld(t *testing.T) *world {
	c, sys := domaintest.Open(t)
	u := c.User.Create().SetEmail("a@x.test").SetName("Admin").SetRole("ADMIN").SetPasswordHash("x").SaveX(sys)
	w := &world{c: c, sys: sys, now: time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)}
	w.admin = viewer.NewContext(context.Background(), &viewer.Viewer{UserID: u.ID, Role: viewer.Admin})
	w.customer = c.Customer.Create().SetName("嘉兴瑞丰塑胶").SaveX(sys)
	w.product = c.Product.Create().SetCode("AO-1010").SetName("Antioxidant 1010").SaveX(sys)
	return w
}

func (w *world) draft(t *testing.T) *gen.Quotation {
	t.Helper()
	d := quotations.Draft{
		Terms: quotations.Terms{CustomerID: w.customer.ID, Currency: "CNY", ValidFrom: w.now, ValidUntil: w.now.AddDate(0, 6, 0)},
		Lines: []quotations.Line{{ProductID: w.product.ID, UnitPrice: 20}, {ProductID: w.product.ID, MinQuantity: 1000, UnitPrice: 18}},
	}
	qt, err := quotations.Create(w.admin, w.c, pulid.New("QT"), d, w.now)
	if err != nil {
		t.Fatal(err)
	}
	return qt
}

// The lifecycle through its operations: sent, accepted, revised, the revision sent
// and accepted — which ends the first agreement; and every generic write refused.
func TestLifecycle(t *testing.T) {
	w := newWorld(t)
	qt := w.draft(t)
	if qt.Status != q.StatusDRAFT || qt.Number == "" || qt.Revision != 1 {
		t.Fatalf("draft %+v", qt)
	}
	if _, err := quotations.Decide(w.admin, w.c, qt.ID, nil, quotations.Decision{Accept: true, By: "王总"}, w.now); !errcode.Is(err, errcode.BadUserInput) {
		t.Errorf("a draft accepted: %v", err)
	}
	v := qt.Version
	sent, err := quotations.Send(w.admin, w.c, qt.ID, &v, w.now)
	if err != nil || sent.Status != q.StatusSENT || sent.SentAt == nil {
		t.Fatalf("send: %v %+v", err, sent)
	}
	if _, err := quotations.Send(w.admin, w.c, qt.ID, nil, w.now); !errcode.Is(err, errcode.Conflict) {
		t.Errorf("sent twice: %v", err)
	}
	if _, err := quotations.Replace(w.admin, w.c, qt.ID, nil, quotations.Draft{}); !errcode.Is(err, errcode.Conflict) {
		t.Errorf("a sent quotation edited: %v", err)
	}
	if _, err := quotations.Decide(w.admin, w.c, qt.ID, nil, quotations.Decision{Accept: true}, w.now); !errcode.Is(err, errcode.BadUserInput) {
		t.Errorf("accepted by nobody: %v", err)
	}
	acc, err := quotations.Decide(w.admin, w.c, qt.ID, nil, quotations.Decision{Accept: true, By: "王总", Note: "按季度下单"}, w.now.Add(time.Hour))
	if err != nil || acc.Status != q.StatusACCEPTED || acc.DecidedVia == nil || *acc.DecidedVia != q.DecidedViaAPP {
		t.Fatalf("accept: %v %+v", err, acc)
	}
	offers, err := quotations.OffersInForce(w.admin, w.c, w.customer.ID, w.product.ID, w.now.AddDate(0, 1, 0))
	if err != nil || len(offers) != 2 {
		t.Fatalf("offers in force: %v %+v", err, offers)
	}

	rev, err := quotations.Revise(w.admin, w.c, qt.ID, pulid.New("QT"), w.now)
	if err != nil || rev.Revision != 2 || rev.Number != qt.Number || rev.Status != q.StatusDRAFT {
		t.Fatalf("revise: %v %+v", err, rev)
	}
	if _, err := quotations.Revise(w.admin, w.c, qt.ID, pulid.New("QT"), w.now); !errcode.Is(err, errcode.Conflict) {
		t.Errorf("a second revision: %v", err)
	}
	if prev := w.c.Quotation.GetX(w.sys, qt.ID).PreviousID; prev != "" || rev.PreviousID != qt.ID {
		t.Errorf("the revision links: first's previous %q, revision's previous %q", prev, rev.PreviousID)
	}
	if n := w.c.QuotationLine.Query().CountX(w.sys); n != 4 {
		t.Errorf("the revision copied the lines: %d lines in all", n)
	}
	if _, err := quotations.Send(w.admin, w.c, rev.ID, nil, w.now); err != nil {
		t.Fatal(err)
	}
	if st := w.c.Quotation.GetX(w.sys, qt.ID).Status; st != q.StatusACCEPTED {
		t.Errorf("sending a revision ended the agreement in force: %s", st)
	}
	if _, err := quotations.Decide(w.admin, w.c, rev.ID, nil, quotations.Decision{Accept: true, By: "王总"}, w.now.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if st := w.c.Quotation.GetX(w.sys, qt.ID).Status; st != q.StatusSUPERSEDED {
		t.Errorf("the revision accepted left the first agreement %s", st)
	}

	// Generic writes, even an admin's, are refused.
	for name, err := range map[string]error{
		"status":  w.c.Quotation.UpdateOneID(rev.ID).SetStatus(q.StatusREJECTED).Exec(w.admin),
		"period":  w.c.Quotation.UpdateOneID(rev.ID).SetValidUntil(w.now.AddDate(2, 0, 0)).Exec(w.admin),
		"create":  w.c.Quotation.Create().SetCustomerID(w.customer.ID).SetNumber("Q-X").SetValidFrom(w.now).SetValidUntil(w.now.AddDate(0, 1, 0)).SetStatus(q.StatusACCEPTED).Exec(w.admin),
		"line":    w.c.QuotationLine.Create().SetQuotationID(rev.ID).SetProductID(w.product.ID).SetUnitPrice(1).Exec(w.admin),
		"reprice": w.c.QuotationLine.Update().SetUnitPrice(1).Exec(w.admin),
	} {
		if !errcode.Is(err, errcode.BadUserInput) {
			t.Errorf("%s by a generic write: %v", name, err)
		}
	}
}

// A sent quotation answered after its period expires instead; the job expires the rest.
func TestExpiry(t *testing.T) {
	w := newWorld(t)
	a, b := w.draft(t), w.draft(t)
	for _, qt := range []*gen.Quotation{a, b} {
		if _, err := quotations.Send(w.admin, w.c, qt.ID, nil, w.now); err != nil {
			t.Fatal(err)
		}
	}
	late := w.now.AddDate(0, 7, 0)
	if _, err := quotations.Decide(w.admin, w.c, a.ID, nil, quotations.Decision{Accept: true, By: "王总"}, late); !errcode.Is(err, errcode.Conflict) {
		t.Errorf("accepted after the period: %v", err)
	}
	if n, err := quotations.Expire(context.Background(), w.c, w.now); err != nil || n != 0 {
		t.Errorf("expired within the period: %d %v", n, err)
	}
	if n, err := quotations.Expire(context.Background(), w.c, late); err != nil || n != 2 {
		t.Errorf("expired %d, want 2: %v", n, err)
	}
	for _, qt := range []*gen.Quotation{a, b} {
		if st := w.c.Quotation.GetX(w.sys, qt.ID).Status; st != q.StatusEXPIRED {
			t.Errorf("after the job: %s", st)
		}
	}
}

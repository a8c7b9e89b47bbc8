package order_test

import (
	"strings"
	"testing"
	"time"

	"tandem/domain/domaintest"
	"tandem/domain/history"
	orders "tandem/domain/order"
	gen "tandem/ent"
	"tandem/ent/customer"
	"tandem/ent/order"
	"tandem/ent/orderevent"
	"tandem/ent/orderline"
)

func TestReviewShipping(t *testing.T) {
	c, ctx := domaintest.Open(t)
	now := time.Now().UTC()
	cu := c.Customer.Create().SetName("宁波华塑新材料有限公司").SaveX(ctx)
	p := c.Product.Create().SetCode("TX-AO1010").SetName("抗氧剂 1010").SaveX(ctx)
	keep := c.Product.Create().SetCode("TX-UV531").SetName("光稳定剂 531").SetMaxBatchAgeMonths(36).SaveX(ctx)
	c.Document.Create().SetType("COA").SetTitle("COA A").SetProductID(p.ID).SetBatchNo("A").ExecX(ctx)
	c.Document.Create().SetType("COA").SetTitle("COA B").SetProductID(p.ID).SetBatchNo("B").
		SetStorageKey("documents/b").SetSha256(strings.Repeat("b", 64)).ExecX(ctx)
	c.Document.Create().SetType("COA").SetTitle("COA K").SetProductID(keep.ID).SetBatchNo("K").
		SetStorageKey("documents/k").SetSha256(strings.Repeat("k", 64)).ExecX(ctx)
	ago := func(months int) *time.Time { t := now.AddDate(0, -months, 0); return &t }
	for _, tc := range []struct {
		name     string
		product  *struct{ id, code string }
		batch    string
		produced *time.Time
		acked    bool
		blocking string
		warning  string
	}{
		{name: "fit", batch: "B", produced: ago(2)},
		{name: "COA without its file", batch: "A", produced: ago(2), blocking: "batch A of TX-AO1010 has a COA record without its file"},
		{name: "no COA", batch: "C", produced: ago(2), blocking: "batch C of TX-AO1010 has no COA"},
		{name: "old batch", batch: "B", produced: ago(13), blocking: "more than 12 months ago: acknowledge it"},
		{name: "old batch acknowledged", batch: "B", produced: ago(13), acked: true, warning: "more than 12 months ago (acknowledged)"},
		{name: "no production date", batch: "B", blocking: "has no production date"},
		{name: "kept longer", product: &struct{ id, code string }{string(keep.ID), keep.Code}, batch: "K", produced: ago(30)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := c.Order.Create().SetCustomerID(cu.ID).SetNumber("SO-" + strings.ReplaceAll(tc.name, " ", "-")).SaveX(ctx)
			l := c.OrderLine.Create().SetOrderID(o.ID).SetProductID(p.ID).SetQuantity(1).SetBatchNo(tc.batch).SetNillableProductionDate(tc.produced)
			if tc.product != nil {
				l.SetProductID(keep.ID)
			}
			if tc.acked {
				l.SetBatchAgeAcknowledgedAt(now).SetBatchAgeAcknowledgement("客户同意")
			}
			l.ExecX(ctx)
			r, err := orders.ReviewShipping(ctx, c, o, now, "en")
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Join(r.Blocking, "; ")
			if (tc.blocking == "") != (got == "") || !strings.Contains(got, tc.blocking) {
				t.Errorf("blocking %q, want %q", got, tc.blocking)
			}
			if w := strings.Join(r.Warnings, "; "); !strings.Contains(w, tc.warning) {
				t.Errorf("warnings %q, want %q", w, tc.warning)
			}
		})
	}
}

func TestFrozen(t *testing.T) {
	c, ctx := domaintest.Open(t)
	cu := c.Customer.Create().SetName("佛山彩虹涂料股份有限公司").SaveX(ctx)
	p := c.Product.Create().SetCode("TX-FR300").SetName("阻燃剂").SaveX(ctx)
	for _, status := range []order.Status{order.StatusCLOSED, order.StatusCANCELLED, order.StatusSHIPPED} {
		o := c.Order.Create().SetCustomerID(cu.ID).SetNumber("SO-" + string(status)).SetStatus(status).SaveX(ctx)
		l := c.OrderLine.Create().SetOrderID(o.ID).SetProductID(p.ID).SetQuantity(1).SaveX(history.Importing(ctx))
		frozen := status != order.StatusSHIPPED
		for name, err := range map[string]error{
			"edit line":  c.OrderLine.UpdateOneID(l.ID).SetBatchNo("X").Exec(ctx),
			"add line":   c.OrderLine.Create().SetOrderID(o.ID).SetProductID(p.ID).SetQuantity(1).Exec(ctx),
			"shipment":   c.Shipment.Create().SetOrderID(o.ID).Exec(ctx),
			"edit order": c.Order.UpdateOneID(o.ID).SetNotes("x").Exec(ctx),
			"bulk update": func() error {
				_, err := c.OrderLine.Update().Where(orderline.OrderID(o.ID)).SetUnit("t").Save(ctx)
				return err
			}(),
		} {
			if refused := err != nil && strings.Contains(err.Error(), "correctClosedOrder"); refused != frozen {
				t.Errorf("%s, %s: %v", status, name, err)
			}
		}
		if frozen {
			if err := c.OrderLine.DeleteOneID(l.ID).Exec(ctx); err == nil {
				t.Errorf("%s: a line deleted", status)
			}
		}
	}
}

func TestOnlyConfirmedOrdersAreEvidence(t *testing.T) {
	c, ctx := domaintest.Open(t)
	now := time.Now().UTC()
	cu := c.Customer.Create().SetName("嘉兴新材料有限公司").SaveX(ctx)
	stage := func() customer.Stage { return c.Customer.GetX(ctx, cu.ID).Stage }
	var os []*gen.Order
	for i := range 3 {
		os = append(os, c.Order.Create().SetCustomerID(cu.ID).SetNumber("SO-E"+string(rune('1'+i))).SetDeliveryDate(now.AddDate(0, 0, 9)).SaveX(ctx))
	}
	if s := stage(); s != customer.StagePROSPECT {
		t.Fatalf("entered orders moved the account to %s", s)
	}
	for i, want := range []customer.Stage{customer.StageEVALUATION, customer.StageEVALUATION, customer.StageMAIN_SUPPLIER} {
		if _, err := orders.CompleteStep(ctx, c, os[i].ID, orderevent.StepCONFIRMED, orders.Step{}); err != nil {
			t.Fatal(err)
		}
		if s := stage(); s != want {
			t.Fatalf("after %d confirmed: %s, want %s", i+1, s, want)
		}
	}
}

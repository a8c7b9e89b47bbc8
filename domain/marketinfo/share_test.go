package marketinfo_test

import (
	"slices"
	"testing"

	"tandem/domain/domaintest"
	"tandem/domain/marketinfo"
	"tandem/ent/errcode"
	"tandem/ent/schema/pulid"
)

func TestNamedCustomers(t *testing.T) {
	c, ctx := domaintest.Open(t)
	huasu := c.Customer.Create().SetName("宁波华塑新材料有限公司").SetNameEn("Ningbo Huasu New Materials Co., Ltd.").SaveX(ctx)
	meridian := c.Customer.Create().SetName("Jiangsu Meridian Polymers Co., Ltd.").SaveX(ctx)
	c.Customer.Create().SetName("佛山彩虹涂料股份有限公司").SaveX(ctx)
	for _, tc := range []struct {
		text string
		to   pulid.ID
		want []string
	}{
		{"华塑上月采购 1010 抗氧剂 20 吨，单价 38 元", meridian.ID, []string{"华塑"}},
		{"华塑上月采购 1010 抗氧剂 20 吨", huasu.ID, nil}, // to the customer it names
		{"Huasu doubles its capacity; Meridian cuts by half", huasu.ID, []string{"meridian"}},
		{"宁波华塑新材料有限公司 and 彩虹 both switched", meridian.ID, []string{"宁波华塑新材料有限公司", "彩虹"}},
		{"Antioxidant prices will rise 8% in Q3", meridian.ID, nil},
		{"华东地区彩色母粒需求增长", meridian.ID, nil},
	} {
		got, err := marketinfo.NamedCustomers(ctx, c, tc.text, tc.to)
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(got)
		want := slices.Sorted(slices.Values(tc.want))
		if !slices.Equal(got, want) {
			t.Errorf("NamedCustomers(%q) = %v, want %v", tc.text, got, want)
		}
	}
}

func TestCheckShare(t *testing.T) {
	c, ctx := domaintest.Open(t)
	huasu := c.Customer.Create().SetName("宁波华塑新材料有限公司").SaveX(ctx)
	other := c.Customer.Create().SetName("Jiangsu Meridian Polymers Co., Ltd.").SaveX(ctx)
	secret := c.MarketInfo.Create().SetTitle("A supplier switch").SetKind("MARKET").SetConfidentialOrigin(true).SaveX(ctx)
	named := c.MarketInfo.Create().SetTitle("Demand").SetKind("MARKET").SetBody("华塑 bought 20 t at 38 CNY/kg").SaveX(ctx)
	open := c.MarketInfo.Create().SetTitle("Prices up 8%").SetKind("PRICE_TREND").SaveX(ctx)
	for _, tc := range []struct {
		name  string
		share marketinfo.Share
		field string // the refusal's field; "" when shared
		names []string
	}{
		{"learned in confidence", marketinfo.Share{MarketInfo: secret.ID, Recipient: other.ID, Acknowledged: true}, "marketInfoID", nil},
		{"names another customer", marketinfo.Share{MarketInfo: named.ID, Recipient: other.ID}, "namesAcknowledged", nil},
		{"acknowledged", marketinfo.Share{MarketInfo: named.ID, Recipient: other.ID, Acknowledged: true}, "", []string{"华塑"}},
		{"to the customer named", marketinfo.Share{MarketInfo: named.ID, Recipient: huasu.ID}, "", nil},
		{"industry news", marketinfo.Share{MarketInfo: open.ID, Recipient: other.ID}, "", nil},
		{"the note names one", marketinfo.Share{MarketInfo: open.ID, Recipient: other.ID, Note: "as 宁波华塑 saw"}, "namesAcknowledged", nil},
	} {
		got, err := marketinfo.CheckShare(ctx, c, tc.share)
		e, refused := errcode.As(err)
		switch {
		case tc.field == "" && err != nil:
			t.Errorf("%s: refused: %v", tc.name, err)
		case tc.field != "" && (!refused || e.Code != errcode.BadUserInput || e.Details["field"] != tc.field):
			t.Errorf("%s: want BAD_USER_INPUT on %s, got %v", tc.name, tc.field, err)
		case tc.field == "" && !slices.Equal(got, tc.names):
			t.Errorf("%s: names %v, want %v", tc.name, got, tc.names)
		}
	}
}

package quotation_test

import (
	"testing"
	"time"

	quotations "tandem/domain/quotation"
	"tandem/ent/errcode"
	q "tandem/ent/quotation"
	"tandem/ent/schema/pulid"
)

func TestNext(t *testing.T) {
	for _, c := range []struct {
		from, to q.Status
		ok       bool
	}{
		{q.StatusDRAFT, q.StatusSENT, true},
		{q.StatusDRAFT, q.StatusACCEPTED, false},
		{q.StatusSENT, q.StatusACCEPTED, true},
		{q.StatusSENT, q.StatusREJECTED, true},
		{q.StatusSENT, q.StatusEXPIRED, true},
		{q.StatusSENT, q.StatusSUPERSEDED, true},
		{q.StatusACCEPTED, q.StatusSUPERSEDED, true},
		{q.StatusACCEPTED, q.StatusREJECTED, false},
		{q.StatusREJECTED, q.StatusACCEPTED, false},
		{q.StatusEXPIRED, q.StatusACCEPTED, false},
		{q.StatusSUPERSEDED, q.StatusSENT, false},
	} {
		if got := quotations.Table.May(string(c.from), string(c.to)); got != c.ok {
			t.Errorf("%s → %s: %v, want %v", c.from, c.to, got, c.ok)
		}
	}
}

func TestDraftCheck(t *testing.T) {
	day := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	p1, p2 := pulid.New("PR"), pulid.New("PR")
	good := func() quotations.Draft {
		return quotations.Draft{
			Terms: quotations.Terms{Currency: " usd ", ValidFrom: day, ValidUntil: day.AddDate(0, 6, 0)},
			Lines: []quotations.Line{{ProductID: p1, UnitPrice: 12.5}, {ProductID: p1, MinQuantity: 1000, UnitPrice: 11.8}, {ProductID: p2, UnitPrice: 30, Unit: "t"}},
		}
	}
	many := good()
	for range quotations.MaxLines {
		many.Lines = append(many.Lines, quotations.Line{ProductID: pulid.New("PR"), UnitPrice: 1})
	}
	for name, c := range map[string]struct {
		edit  func(*quotations.Draft)
		field string
	}{
		"good":             {func(*quotations.Draft) {}, ""},
		"currency":         {func(d *quotations.Draft) { d.Currency = "RMB¥" }, "currency"},
		"ends before":      {func(d *quotations.Draft) { d.ValidUntil = d.ValidFrom.Add(-time.Hour) }, "validUntil"},
		"no period":        {func(d *quotations.Draft) { d.ValidUntil = time.Time{} }, "validUntil"},
		"four years":       {func(d *quotations.Draft) { d.ValidUntil = d.ValidFrom.AddDate(4, 0, 0) }, "validUntil"},
		"no lines":         {func(d *quotations.Draft) { d.Lines = nil }, "lines"},
		"too many":         {func(d *quotations.Draft) { *d = many }, "lines"},
		"zero price":       {func(d *quotations.Draft) { d.Lines[0].UnitPrice = 0 }, "lines[0].unitPrice"},
		"negative break":   {func(d *quotations.Draft) { d.Lines[1].MinQuantity = -1 }, "lines[1].minQuantity"},
		"no product":       {func(d *quotations.Draft) { d.Lines[2].ProductID = "" }, "lines[2].productID"},
		"same break twice": {func(d *quotations.Draft) { d.Lines[1].MinQuantity = 0 }, "lines[1].minQuantity"},
		"payment days":     {func(d *quotations.Draft) { n := 400; d.PaymentDays = &n }, "paymentDays"},
		"other grade ok":   {func(d *quotations.Draft) { d.Lines[1].MinQuantity = 0; d.Lines[1].Grade = "B" }, ""},
	} {
		d := good()
		c.edit(&d)
		d.Normalize()
		err := d.Check()
		if c.field == "" {
			if err != nil {
				t.Errorf("%s: refused: %v", name, err)
			}
			continue
		}
		if e, ok := errcode.As(err); !ok || e.Code != errcode.BadUserInput || e.Details["field"] != c.field {
			t.Errorf("%s: %v, want BAD_USER_INPUT on %s", name, err, c.field)
		}
	}
	d := good()
	d.Normalize()
	if d.Currency != "USD" || d.Lines[0].Unit != "kg" || d.Lines[2].Unit != "t" {
		t.Errorf("normalized: %+v", d)
	}
}

func TestPick(t *testing.T) {
	old, newer := pulid.New("QT"), pulid.New("QT")
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	offers := []quotations.Offer{
		{QuotationID: old, DecidedAt: t0, MinQuantity: 0, UnitPrice: 20},
		{QuotationID: newer, DecidedAt: t0.AddDate(0, 1, 0), MinQuantity: 100, UnitPrice: 18},
		{QuotationID: newer, DecidedAt: t0.AddDate(0, 1, 0), MinQuantity: 1000, UnitPrice: 16},
	}
	for _, c := range []struct {
		qty   float64
		price float64 // 0: none
	}{
		{50, 0}, // the newest agreement holds; 50 is below its first break
		{100, 18},
		{999, 18},
		{1000, 16},
		{5000, 16},
	} {
		got := quotations.Pick(offers, c.qty)
		switch {
		case c.price == 0 && got != nil:
			t.Errorf("%g: picked %+v, want none", c.qty, got)
		case c.price != 0 && (got == nil || got.UnitPrice != c.price):
			t.Errorf("%g: picked %+v, want %g", c.qty, got, c.price)
		}
	}
	if quotations.Pick(nil, 10) != nil {
		t.Error("no offers picked something")
	}
}

func TestPrice(t *testing.T) {
	agreed := &quotations.Offer{QuotationID: pulid.New("QT"), Number: "Q-1", UnitPrice: 18, Unit: "kg", Currency: "CNY"}
	f := func(v float64) *float64 { return &v }
	for name, c := range map[string]struct {
		agreed          *quotations.Offer
		given           *float64
		unit, cur, note string
		manager         bool
		want            *float64
		code            errcode.Code
		agreementOnLine bool
	}{
		"no agreement, free":        {nil, f(25), "kg", "CNY", "", false, f(25), "", false},
		"no price takes agreed":     {agreed, nil, "kg", "CNY", "", false, f(18), "", true},
		"agreed price passes":       {agreed, f(18), "KG", "cny", "", false, f(18), "", true},
		"other price, no reason":    {agreed, f(17), "kg", "CNY", "", true, nil, errcode.BadUserInput, false},
		"other price, rep":          {agreed, f(17), "kg", "CNY", "volume deal", false, nil, errcode.Forbidden, false},
		"other price, manager":      {agreed, f(17), "kg", "CNY", "volume deal", true, f(17), "", true},
		"other currency is other":   {agreed, f(18), "kg", "USD", "", false, nil, errcode.BadUserInput, false},
		"other unit, no price":      {agreed, nil, "t", "CNY", "", false, nil, "", true},
		"other unit, rep with note": {agreed, f(18000), "t", "CNY", "per tonne", false, nil, errcode.Forbidden, false},
	} {
		got, err := quotations.Price(c.agreed, c.given, c.unit, c.cur, c.note, c.manager)
		if c.code != "" {
			if !errcode.Is(err, c.code) {
				t.Errorf("%s: %v, want %s", name, err, c.code)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if (got.Price == nil) != (c.want == nil) || got.Price != nil && *got.Price != *c.want {
			t.Errorf("%s: price %v, want %v", name, got.Price, c.want)
		}
		if (got.AgreementID != nil) != c.agreementOnLine {
			t.Errorf("%s: agreement %v", name, got.AgreementID)
		}
	}
}

func TestInForce(t *testing.T) {
	from := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	until := from.AddDate(0, 6, 0)
	for _, c := range []struct {
		s  q.Status
		at time.Time
		ok bool
	}{
		{q.StatusACCEPTED, from, true},
		{q.StatusACCEPTED, until, true},
		{q.StatusACCEPTED, from.Add(-time.Second), false},
		{q.StatusACCEPTED, until.Add(time.Second), false},
		{q.StatusSENT, from.AddDate(0, 1, 0), false},
		{q.StatusSUPERSEDED, from.AddDate(0, 1, 0), false},
	} {
		if got := quotations.InForce(c.s, from, until, c.at); got != c.ok {
			t.Errorf("%s at %s: %v", c.s, c.at, got)
		}
	}
	if n := quotations.Number("QT01JABCDEFGHJKMNPQRSTVWXYZ", time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)); n != "Q-261205-VWXYZ" {
		t.Errorf("number %s", n)
	}
}

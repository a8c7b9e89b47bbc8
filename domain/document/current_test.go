package document_test

import (
	"strings"
	"testing"
	"time"

	"tandem/domain/document"
	"tandem/domain/domaintest"
	"tandem/ent"
	doc "tandem/ent/document"
)

func TestCurrent(t *testing.T) {
	c, ctx := domaintest.Open(t)
	now := time.Now().UTC()
	p := c.Product.Create().SetCode("TX-AO1010").SetName("Antioxidant 1010").SaveX(ctx)
	other := c.Product.Create().SetCode("TX-CA40").SetName("Calcium stearate").SaveX(ctx)
	mk := func(title string, typ doc.Type, prod *ent.Product, withFile bool, change func(*ent.DocumentCreate)) *ent.Document {
		b := c.Document.Create().SetTitle(title).SetType(typ).SetProductID(prod.ID).SetPublishedAt(now.Add(-time.Duration(len(title)) * time.Hour))
		if withFile {
			b.SetStorageKey("documents/t/" + title).SetSha256(strings.Repeat("a", 64))
		}
		if change != nil {
			change(b)
		}
		return b.SaveX(ctx)
	}
	cur := func(prod *ent.Product, typ doc.Type) string {
		d, err := document.Current(ctx, c, prod.ID, typ)
		if err != nil {
			t.Fatal(err)
		}
		if d == nil {
			return ""
		}
		return d.Title
	}
	if got := cur(p, doc.TypeMSDS); got != "" {
		t.Fatalf("no documents yet, current %q", got)
	}
	for _, step := range []struct {
		name string
		add  func()
		typ  doc.Type
		want string
	}{
		{"no file", func() { mk("msds-nofile", doc.TypeMSDS, p, false, nil) }, doc.TypeMSDS, ""},
		{"expired", func() {
			mk("msds-expired", doc.TypeMSDS, p, true, func(b *ent.DocumentCreate) { b.SetValidUntil(now.Add(-time.Hour)) })
		}, doc.TypeMSDS, ""},
		{"another product's", func() { mk("msds-other", doc.TypeMSDS, other, true, nil) }, doc.TypeMSDS, ""},
		{"another type", func() { mk("tds-1", doc.TypeMANUAL_TDS, p, true, nil) }, doc.TypeMSDS, ""},
		{"valid until later", func() {
			mk("msds-valid", doc.TypeMSDS, p, true, func(b *ent.DocumentCreate) { b.SetValidUntil(now.AddDate(1, 0, 0)) })
		}, doc.TypeMSDS, "msds-valid"},
		{"the TDS", func() {}, doc.TypeMANUAL_TDS, "tds-1"},
		{"superseded by a newer one", func() {
			old := c.Document.Query().Where(doc.Title("tds-1")).OnlyX(ctx)
			mk("tds", doc.TypeMANUAL_TDS, p, true, func(b *ent.DocumentCreate) { b.SetSupersedesID(old.ID) })
		}, doc.TypeMANUAL_TDS, "tds"},
		{"of two, the one published last", func() { mk("msds-newest-1", doc.TypeMSDS, p, true, nil) }, doc.TypeMSDS, "msds-valid"},
	} {
		step.add()
		if got := cur(p, step.typ); got != step.want {
			t.Errorf("%s: current %s %q, want %q", step.name, step.typ, got, step.want)
		}
	}
	// A superseded document is not current even when its successor has no file yet.
	tds := c.Document.Query().Where(doc.Title("tds")).OnlyX(ctx)
	c.Document.Create().SetTitle("tds-draft").SetType(doc.TypeMANUAL_TDS).SetProductID(p.ID).SetSupersedesID(tds.ID).ExecX(ctx)
	if got := cur(p, doc.TypeMANUAL_TDS); got != "" {
		t.Errorf("superseded by a draft: current %q", got)
	}
}

package importer

import "testing"

// An UPDATE row's text lists the changed fields in the column table's order, each
// from its stored value (or "empty") to the file's, in both languages.
func TestChangesText(t *testing.T) {
	got := changesText(Customers, []fieldChange{{"owner", "王经理", "李销售"}, {"region", "", "苏州"}})
	if want := "将修改：地区 （空） → 苏州；负责人 王经理 → 李销售"; got.Zh != want {
		t.Errorf("zh: %q, want %q", got.Zh, want)
	}
	if want := "changes Region (empty) → 苏州; Owner 王经理 → 李销售"; got.En != want {
		t.Errorf("en: %q, want %q", got.En, want)
	}
	p := changesText(Products, []fieldChange{{"name", "抗氧剂", "抗氧剂 1010"}})
	if p.Zh == "将修改：" || p.En == "changes " {
		t.Errorf("a product's change is not named: %+v", p)
	}
}

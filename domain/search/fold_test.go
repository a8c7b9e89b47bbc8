package search

import (
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"瑞豐 塑膠":           "瑞丰塑胶",
		"瑞丰塑胶":            "瑞丰塑胶",
		"ＡＢＣ　化工（上海）":      "abc化工上海",
		" Acme-Chem Ltd.": "acmechemltd",
		"TX-FR300":        "txfr300",
		"138 0013 8000":   "13800138000",
		"":                "",
		"|":               "",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPinyin(t *testing.T) {
	for in, want := range map[string][2]string{
		"瑞丰塑胶":  {"ruifengsujiao", "rfsj"},
		"瑞豐塑膠":  {"ruifengsujiao", "rfsj"},
		"3M中国":  {"3mzhongguo", "3mzg"},
		"Acme":  {"", ""},
		"华东化工厂": {"huadonghuagongchang", "hdhgc"},
	} {
		full, ini := Pinyin(in)
		if full != want[0] || ini != want[1] {
			t.Errorf("Pinyin(%q) = %q, %q; want %q, %q", in, full, ini, want[0], want[1])
		}
	}
}

// What a rep types finds the record: a query folded is a substring of the key.
func TestKeyMatches(t *testing.T) {
	key := Key("宁波瑞丰塑胶有限公司", "Ningbo Ruifeng Plastics")
	for _, q := range []string{"瑞丰", "瑞豐", "瑞丰 塑胶", "瑞豐塑膠", "ruifeng", "RuiFeng SuJiao", "rfsj", "nbrfsj", "ningbo ruifeng", "ＲＵＩＦＥＮＧ", "plastics"} {
		if !strings.Contains(key, Fold(q)) {
			t.Errorf("%q does not find %q (key %q)", q, "宁波瑞丰塑胶有限公司", key)
		}
	}
	for _, q := range []string{"瑞达", "rfx", "ruifang"} {
		if strings.Contains(key, Fold(q)) {
			t.Errorf("%q finds %q (key %q)", q, "宁波瑞丰塑胶有限公司", key)
		}
	}
	// A query never matches across two names.
	if strings.Contains(key, Fold("sjningbo")) {
		t.Errorf("a query matched across names: %q", key)
	}
	if Key("", "  ") != "" {
		t.Error("a record without names has a key")
	}
}

package names_test

import (
	"testing"

	"tandem/ent/schema/names"
)

func TestFold(t *testing.T) {
	same := [][]string{
		{"宁波华塑新材料有限公司", "宁波华塑新材料股份有限公司", "宁波 华塑 新材料", "宁波华塑新材料"},
		{"Jiangsu Meridian Polymers Co., Ltd.", "JIANGSU MERIDIAN POLYMERS", "Ｊｉａｎｇｓｕ　Ｍｅｒｉｄｉａｎ Polymers Co.,Ltd"},
		{"ABC Chemicals GmbH", "abc chemicals"},
	}
	for _, group := range same {
		want := names.Fold(group[0])
		for _, n := range group[1:] {
			if got := names.Fold(n); got != want {
				t.Errorf("Fold(%q) = %q, want %q (as %q)", n, got, want, group[0])
			}
		}
	}
	if names.Fold("宁波华塑") == names.Fold("宁波华美") {
		t.Error("different companies folded together")
	}
	if d := names.Domain("https://www.Example.COM/about?x=1"); d != "example.com" {
		t.Errorf("Domain = %q", d)
	}
}

func TestPersonKey(t *testing.T) {
	for _, c := range []struct{ mobile, email, wechat, want string }{
		{"+86 138-0013-8000", "", "", "13800138000"},
		{"13800138000", "li@x.com", "liwei88", "13800138000"},
		{"0086 13800138000", "", "", "13800138000"},
		{"86 138 0013 8000", "", "", "13800138000"},
		{"１３８００１３８０００", "", "", "13800138000"},
		{"0519-8888 1234", "", "", "051988881234"},
		{"无", " Li.Wei@Example.COM ", "liwei88", "li.wei@example.com"},
		{"", "n/a", "LiWei_88", "liwei_88"},
		{"-", "", "同手机", ""},
		{"123", "@x.com", "abc", ""},
		{"", "", "", ""},
	} {
		if got := names.PersonKey(c.mobile, c.email, c.wechat); got != c.want {
			t.Errorf("PersonKey(%q, %q, %q) = %q, want %q", c.mobile, c.email, c.wechat, got, c.want)
		}
	}
}

// Short names: people write a company without its region, line of business and legal
// form. Core keeps what tells it apart; Mentions finds it in running text.
func TestCoreAndMentions(t *testing.T) {
	for _, c := range []struct{ name, core string }{
		{"宁波华塑新材料有限公司", "华塑"},
		{"浙江省宁波市华塑新材料股份有限公司", "华塑"},
		{"佛山彩虹涂料股份有限公司", "彩虹"},
		{"嘉兴瑞丰塑胶制品有限公司", "瑞丰"},
		{"江苏常州恒力化工有限公司", "恒力"},
		{"Jiangsu Meridian Polymers Co., Ltd.", "meridian"},
		{"Ningbo Huasu New Materials Co., Ltd.", "huasu"},
		{"ABC Chemicals GmbH", "abcchemicals"}, // "abc" alone is too short to name one company
		{"上海化工有限公司", ""},                       // only a place and a line of business
		{"华为技术有限公司", "华为"},
	} {
		if got := names.Core(c.name); got != c.core {
			t.Errorf("Core(%q) = %q, want %q", c.name, got, c.core)
		}
	}
	for _, c := range []struct {
		text, name string
		want       bool
	}{
		{"华塑上月采购 PP 抗氧剂 20 吨，单价 38 元", "宁波华塑新材料有限公司", true},
		{"宁波华塑新材料有限公司今年扩产", "宁波华塑新材料有限公司", true},
		{"Meridian is cutting its order volume by half", "Jiangsu Meridian Polymers Co., Ltd.", true},
		{"Antioxidant prices will rise 8% in Q3 (industry report)", "Jiangsu Meridian Polymers Co., Ltd.", false},
		{"华东地区 PP 价格上涨", "宁波华塑新材料有限公司", false},
		{"彩色母粒需求增长", "佛山彩虹涂料股份有限公司", false},
	} {
		if got := names.Mentions(c.text, c.name); got != c.want {
			t.Errorf("Mentions(%q, %q) = %v, want %v", c.text, c.name, got, c.want)
		}
	}
}

func TestSignInEmail(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"rep1@t.test", "rep1@t.test"},
		{"  Rep1@T.Test ", "rep1@t.test"},
		{"li.wei+orders@example.com.cn", "li.wei+orders@example.com.cn"},
		{"not-an-email", ""},
		{"", ""},
		{"Li Wei <li@example.com>", ""},
		{"<li@example.com>", ""},
		{"li@localhost", ""},
		{"li@[127.0.0.1]", ""},
		{"li@example.com.", ""},
		{"two@@example.com", ""},
		{"a b@example.com", ""},
		{"li@example.com, wang@example.com", ""},
	} {
		got, err := names.SignInEmail(c.in)
		if c.want == "" && err == nil {
			t.Errorf("SignInEmail(%q) = %q, want an error", c.in, got)
		}
		if c.want != "" && (err != nil || got != c.want) {
			t.Errorf("SignInEmail(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

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

package account

import "testing"

// The duplicate check's table: real-world-like company names, Chinese and English,
// that must be found as the same company, and that must not.
func TestMatchNames(t *testing.T) {
	must := [][2]string{
		{"宁波华塑", "宁波华塑新材料有限公司"},
		{"华塑", "宁波华塑新材料有限公司"},
		{"浙江省宁波市华塑新材料股份有限公司", "宁波华塑新材料有限公司"},
		{"浙江华塑", "宁波华塑新材料有限公司"}, // a city agrees with its province
		{"华塑新材料", "宁波华塑新材料有限公司"},
		{"宁波 华塑 新材料", "宁波华塑新材料有限公司"},
		{"华塑", "华塑控股集团有限公司"}, // 控股 is the group: a rep must know
		{"彩虹涂料", "佛山彩虹涂料股份有限公司"},
		{"佛山彩虹", "广东佛山彩虹涂料有限公司"},
		{"瑞丰", "嘉兴瑞丰塑胶制品有限公司"},
		{"江苏常州恒力化工有限公司", "恒力化工"},
		{"金发科技", "金发科技股份有限公司"},
		{"金发", "广州金发科技股份有限公司"},
		{"万华化学", "万华化学集团股份有限公司"},
		{"烟台万华", "万华化学（烟台）有限公司"},
		{"中国石化", "上海石化"}, // 中国 agrees with every place (Sinopec and its Shanghai arm)
		{"华谊", "上海华谊集团股份有限公司"},
		{"BASF", "BASF (China) Co., Ltd."},
		{"BASF", "BASF SE"},
		{"BASF", "BASF Huayi Polyurethane"},
		{"Dow", "The Dow Chemical Company"},
		{"Huasu", "Ningbo Huasu New Material Co., Ltd."},
		{"Ningbo Huasu", "Ningbo Huasu New Materials Co., Ltd."},
		{"Meridian Polymers", "Jiangsu Meridian Polymers Co., Ltd."},
		{"Covestro", "Covestro (Shanghai) Investment Co., Ltd."},
		{"Clariant", "Clariant Chemicals (China) Ltd."},
		{"Evonik", "Evonik Specialty Chemicals (Shanghai) Co., Ltd."},
		{"SABIC", "SABIC Innovative Plastics"},
		{"Arkema", "ARKEMA (CHANGSHU) CHEMICALS CO., LTD."},
		{"ＢＡＳＦ", "basf"},
		{"Sinopec", "SINOPEC Corp."},
		{"LyondellBasell", "LyondellBasell Industries N.V."},
		{"Kingfa", "Kingfa Sci. & Tech. Co., Ltd."},
	}
	mustNot := [][2]string{
		{"上海石化", "上海华谊"},
		{"中国石化", "中国石油"},
		{"青岛啤酒", "重庆啤酒"},
		{"北京银行", "南京银行"},
		{"宁波华塑", "杭州华塑"},
		{"宁波华塑", "宁波华美新材料有限公司"},
		{"华塑", "华美"},
		{"上海化工有限公司", "上海化工研究院"},
		{"上海化工有限公司", "宁波化工有限公司"},
		{"新材料", "宁波华塑新材料有限公司"},
		{"宁波", "宁波华塑新材料有限公司"},
		{"塑", "宁波华塑新材料有限公司"},
		{"Dow", "Dow Jones & Company"},
		{"Dow", "Dowlais Group"},
		{"BASF", "BAS Chemicals"},
		{"Huasu", "Huamei New Material"},
		{"Chemical Company", "Dow Chemical Company"},
		{"China Petroleum", "China Petrochemical"},
		{"Shanghai Chemical", "Shanghai Huayi"},
		{"Meridian", "Meridia Polymers"},
		{"3M", "3D Systems"},
		{"Covestro", "Clariant"},
		{"Ningbo Huasu", "Hangzhou Huasu"},
	}
	for _, c := range must {
		if r := MatchNames(DuplicateKey(c[0]), DuplicateKey(c[1])); r == "" {
			t.Errorf("%q and %q must match: keys %+v and %+v", c[0], c[1], DuplicateKey(c[0]), DuplicateKey(c[1]))
		}
	}
	for _, c := range mustNot {
		if r := MatchNames(DuplicateKey(c[0]), DuplicateKey(c[1])); r != "" {
			t.Errorf("%q and %q must not match (%s): keys %+v and %+v", c[0], c[1], r, DuplicateKey(c[0]), DuplicateKey(c[1]))
		}
	}
	if len(must) < 30 || len(mustNot) < 20 {
		t.Errorf("the table is too small: %d must, %d must not", len(must), len(mustNot))
	}
}

func TestDuplicateKey(t *testing.T) {
	for _, c := range []struct{ name, core string }{
		{"宁波华塑新材料有限公司", "华塑"},
		{"浙江省宁波市华塑新材料股份有限公司", "华塑"},
		{"Ningbo Huasu New Material Co., Ltd.", "huasu"},
		{"BASF (China) Co., Ltd.", "basf"},
		{"BASF（中国）有限公司", "basf"},
		{"上海化工有限公司", ""},
		{"Dow Jones & Company", "dow jones"},
		{"LyondellBasell Industries N.V.", "lyondellbasell"},
		{"Kingfa Sci. & Tech. Co., Ltd.", "kingfa"},
	} {
		if got := DuplicateKey(c.name).Core; got != c.core {
			t.Errorf("DuplicateKey(%q).Core = %q, want %q", c.name, got, c.core)
		}
	}
}

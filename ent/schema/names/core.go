package names

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Core is the distinctive part of a company name, as people shorten it: the folded
// name without the region in front and the line of business behind
// (宁波华塑新材料有限公司 → 华塑; Jiangsu Meridian Polymers Co., Ltd. → meridian). It is
// "" when too little would be left to tell companies apart (fewer than two Chinese
// characters or four letters, or only a place or a line of business).
func Core(name string) string {
	s := Fold(name)
	for changed := true; changed; {
		changed = false
		for _, r := range regions {
			if rest, ok := strings.CutPrefix(s, r); ok && distinctive(rest) {
				s, changed = rest, true
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, w := range trades {
			if rest, ok := strings.CutSuffix(s, w); ok && distinctive(rest) {
				s, changed = rest, true
			}
		}
	}
	if !distinctive(s) || isTrade(s) || isRegion(s) {
		return "" // a line of business or a place names no one company
	}
	return s
}

func isTrade(s string) bool  { return slices.Contains(trades, s) }
func isRegion(s string) bool { return slices.Contains(regions, s) }

// distinctive reports whether a core is long enough to name one company.
func distinctive(s string) bool {
	n := utf8.RuneCountInString(s)
	if n == len(s) { // ASCII
		return n >= 4
	}
	return n >= 2
}

// regions are provinces and cities that open Chinese company names (with their 省,
// 市 or 区), and the English forms of the common ones; longest first within a group.
var regions = func() []string {
	base := strings.Fields(`北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东
		海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门
		宁波 杭州 苏州 无锡 常州 南京 南通 扬州 镇江 泰州 徐州 嘉兴 绍兴 温州 台州 金华 湖州 舟山 义乌 余姚 慈溪
		昆山 张家港 江阴 常熟 太仓 佛山 东莞 深圳 广州 中山 珠海 惠州 江门 汕头 厦门 泉州 福州 漳州 青岛 济南
		烟台 潍坊 淄博 威海 大连 沈阳 武汉 长沙 郑州 成都 西安 合肥 芜湖 南昌 石家庄 廊坊 保定 唐山 太原 昆明 贵阳 南宁`)
	var out []string
	for _, b := range base {
		out = append(out, b+"省", b+"市", b+"区", b+"县", b)
	}
	return append(out, strings.Fields(`china chinese jiangsu zhejiang guangdong shandong shanghai beijing tianjin ningbo hangzhou
		suzhou wuxi changzhou nanjing jiaxing shenzhen guangzhou foshan dongguan xiamen qingdao dalian wuhan chengdu`)...)
}()

// trades are lines of business that close names, before the legal form.
var trades = strings.Fields(`新材料科技 新材料 材料科技 材料 化工科技 化工 化学 塑胶制品 塑胶 塑料制品 塑料 涂料 油墨 树脂 颜料 助剂 高分子
	聚合物 橡胶 科技 技术 实业 贸易 工贸 电子 工业 制品 发展 国际 控股
	newmaterials materials material chemicals chemical polymers polymer plastics plastic coatings coating inks ink
	resins resin pigments additives technologies technology tech industries industrial industry trading international holdings group new`)

// Mentions reports whether text names the company: its folded full name, or its core
// name, appears in the folded text.
func Mentions(text, name string) bool { return Mentioned(text, name) != "" }

// Mentioned is the form in which text names the company: the company's name when
// the whole of it appears, else its core name; "" when the text does not name it.
func Mentioned(text, name string) string {
	t := FoldText(text)
	if full := Fold(name); utf8.RuneCountInString(full) >= 2 && strings.Contains(t, full) {
		return name
	}
	if core := Core(name); core != "" && strings.Contains(t, core) {
		return core
	}
	return ""
}

// FoldText folds running text as Fold does a name — width, case, no spaces or
// punctuation — keeping legal forms in place.
func FoldText(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(widthFold(text)) {
		if isNameRune(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

package account

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Duplicates (查重): before a rep creates an account, Tandem looks for the same
// company among every account. People write a company short: 宁波华塑 for
// 宁波华塑新材料有限公司, Huasu for Ningbo Huasu New Material Co., Ltd., BASF for BASF
// (China) Co., Ltd. So names are compared by their core: the name without the
// region in front (provinces, main cities, common districts), the legal form behind
// (有限公司, Co., Ltd., GmbH…) and the standard line of business before it (新材料,
// 化工, Chemical, Materials…). Two names match (MatchNames) when
//
//   - their cores are equal (SAME_CORE), or one core begins with the other and the
//     shorter has at least two Chinese characters or is whole English words of at
//     least four letters (SHORT_NAME: 华塑 / 华塑控股, BASF / BASF Huayi…); and
//   - they do not name different places: 青岛啤酒 and 重庆啤酒 are two companies, as
//     are 北京银行 and 南京银行. A city agrees with its province (宁波 / 浙江), 中国 /
//     China with any place.
//
// A core of fewer than two characters (Chinese) or letters (English), or one that
// is only a place or a line of business (上海化工有限公司), names no one company:
// such names match only on their full folded name. The account's core is stored
// (customer.core_name, indexed, kept by the Customer hook and rebuilt at start-up by
// RekeyNames) so that the duplicate check is one query.

// Key is what the duplicate check compares of a company name.
type Key struct {
	// Core is the distinctive part: Chinese characters, or English words joined by
	// single spaces; "" when too little is left to name one company.
	Core string
	// Places are the regions the name opens with (canonical Chinese names: 宁波, 浙江).
	Places []string
}

// CoreNameVersion names the rules DuplicateKey applies: raise it when they change, and
// the next start stores every account's core name again (RekeyNames, once).
const CoreNameVersion = "1"

// DuplicateKey is the key of a company name (宁波华塑新材料有限公司 → 华塑 in 宁波).
func DuplicateKey(name string) Key {
	var han strings.Builder
	var words []string
	var cur strings.Builder
	curHan := false
	flush := func() {
		if cur.Len() == 0 {
			return
		}
		if curHan {
			han.WriteString(cur.String())
		} else {
			words = append(words, cur.String())
		}
		cur.Reset()
	}
	// Dots join abbreviations (N.V., S.p.A., Sci.) and separate nothing else.
	for _, r := range strings.ReplaceAll(strings.ToLower(width.Fold.String(name)), ".", "") {
		isHan := unicode.Is(unicode.Han, r)
		if !isHan && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		if cur.Len() > 0 && isHan != curHan {
			flush()
		}
		curHan = isHan
		cur.WriteRune(r)
	}
	flush()

	var k Key
	if core := hanCore(han.String(), &k.Places); core != "" {
		k.Core = core
		latinCore(words, &k.Places) // places named in English count too
		return k
	}
	k.Core = latinCore(words, &k.Places)
	return k
}

// hanCore strips the legal form, the region and the line of business of the Chinese
// part of a name.
func hanCore(s string, places *[]string) string {
	for changed := true; changed; {
		changed = false
		for _, suf := range hanLegal {
			if rest, ok := strings.CutSuffix(s, suf); ok && rest != "" {
				s, changed = rest, true
				break // start again from the longest
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, r := range hanRegions {
			if rest, ok := strings.CutPrefix(s, r.form); ok && hanDistinctive(rest) {
				s, changed = rest, true
				*places = append(*places, r.place)
				break // start again from the longest
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, w := range hanTrades {
			if rest, ok := strings.CutSuffix(s, w); ok && hanDistinctive(rest) {
				s, changed = rest, true
				break
			}
		}
	}
	if !hanDistinctive(s) || slices.Contains(hanTrades, s) || slices.ContainsFunc(hanRegions, func(r region) bool { return r.form == s }) {
		return ""
	}
	return s
}

func hanDistinctive(s string) bool { return utf8.RuneCountInString(s) >= 2 }

// latinCore drops legal forms and places anywhere and lines of business at the end.
func latinCore(words []string, places *[]string) string {
	var kept []string
	for _, w := range words {
		if slices.Contains(latinLegal, w) {
			continue
		}
		if p, ok := latinRegions[w]; ok {
			*places = append(*places, p)
			continue
		}
		kept = append(kept, w)
	}
	for len(kept) > 1 && slices.Contains(latinTrades, kept[len(kept)-1]) {
		kept = kept[:len(kept)-1]
	}
	if len(kept) == 0 || (len(kept) == 1 && slices.Contains(latinTrades, kept[0])) {
		return ""
	}
	core := strings.Join(kept, " ")
	if letters(core) < 2 {
		return ""
	}
	return core
}

func letters(s string) int { return utf8.RuneCountInString(strings.ReplaceAll(s, " ", "")) }

// MatchNames reports whether two company names may be the same company, and why:
// SAME_CORE or SHORT_NAME (see the package comment); "" when they do not match.
func MatchNames(a, b Key) string {
	if a.Core == "" || b.Core == "" || !samePlace(a.Places, b.Places) {
		return ""
	}
	if a.Core == b.Core {
		return "SAME_CORE"
	}
	short, long := a.Core, b.Core
	if utf8.RuneCountInString(short) > utf8.RuneCountInString(long) {
		short, long = long, short
	}
	if !strings.HasPrefix(long, short) {
		return ""
	}
	if isHan(short) {
		if utf8.RuneCountInString(short) >= 2 {
			return "SHORT_NAME"
		}
		return ""
	}
	// English: whole words only (Dow is not Dowlais), and at least four letters
	// (Dow is not Dow Jones; BASF is BASF Huayi).
	if strings.HasPrefix(long, short+" ") && letters(short) >= 4 {
		return "SHORT_NAME"
	}
	return ""
}

func isHan(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(unicode.Han, r)
}

// samePlace: names that say where they are must not say different places. A city
// agrees with its province; 中国 agrees with every place.
func samePlace(a, b []string) bool {
	a, b = specific(a), specific(b)
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, x := range a {
		for _, y := range b {
			if x == y || provinceOf[x] == y || provinceOf[y] == x {
				return true
			}
		}
	}
	return false
}

func specific(ps []string) []string {
	return slices.DeleteFunc(slices.Clone(ps), func(p string) bool { return p == "中国" })
}

// hanLegal are legal forms that close Chinese names, longest first.
var hanLegal = strings.Fields(`股份有限公司 有限责任公司 集团有限公司 集团股份有限公司 有限公司 股份公司 总公司 分公司 集团 公司 厂`)

// hanTrades are standard lines of business that close names before the legal form.
// Only words that name a trade, never a company: 石化, 银行, 啤酒 stay (they tell
// 中国石化 from 中国石油), so that a place and a trade alone never make a match.
var hanTrades = strings.Fields(`新材料科技 新材料 材料科技 材料 化工科技 化工 化学 塑胶制品 塑胶 塑料制品 塑料 涂料 油墨 树脂 颜料 助剂 高分子
	聚合物 橡胶 科技 技术 实业 贸易 工贸 进出口 电子 工业 制品 发展 国际 控股 投资`)

var latinLegal = strings.Fields(`co ltd inc incorporated gmbh llc llp corp corporation limited company plc sa ag bv nv srl spa kg kgaa se pte pty oy ab as the`)

var latinTrades = strings.Fields(`new materials material chemicals chemical chemistry polymers polymer plastics plastic coatings coating inks ink
	resins resin pigments additives technologies technology tech industries industrial industry trading international
	holdings holding group investment investments sci specialty specialties`)

// provinces and their main cities and districts: the compact table of places that
// open company names. A place is written with or without 省, 市, 区 or 县.
var provinces = map[string]string{
	"北京": "", "天津": "", "上海": "浦东 闵行 松江 金山 嘉定 奉贤 青浦 宝山", "重庆": "",
	"河北": "石家庄 唐山 保定 廊坊 沧州 邯郸", "山西": "太原 大同", "内蒙古": "呼和浩特 包头 鄂尔多斯",
	"辽宁": "沈阳 大连 鞍山 营口 盘锦", "吉林": "长春", "黑龙江": "哈尔滨 大庆",
	"江苏": "南京 苏州 无锡 常州 南通 扬州 镇江 泰州 徐州 盐城 连云港 淮安 宿迁 昆山 张家港 江阴 常熟 太仓 宜兴",
	"浙江": "杭州 宁波 温州 嘉兴 湖州 绍兴 金华 台州 舟山 衢州 丽水 义乌 余姚 慈溪 萧山 北仑 镇海 鄞州 平湖 海宁 桐乡",
	"安徽": "合肥 芜湖 安庆 马鞍山 蚌埠", "福建": "福州 厦门 泉州 漳州 莆田 晋江", "江西": "南昌 九江 赣州",
	"山东": "济南 青岛 烟台 潍坊 淄博 威海 东营 临沂 济宁 日照 滨州", "河南": "郑州 洛阳 新乡 焦作",
	"湖北": "武汉 宜昌 襄阳 荆州", "湖南": "长沙 株洲 湘潭 岳阳",
	"广东": "广州 深圳 佛山 东莞 中山 珠海 惠州 江门 汕头 肇庆 茂名 湛江 顺德 南海",
	"广西": "南宁 柳州 桂林", "海南": "海口", "四川": "成都 绵阳 宜宾 泸州", "贵州": "贵阳", "云南": "昆明",
	"西藏": "拉萨", "陕西": "西安 宝鸡 榆林", "甘肃": "兰州", "青海": "西宁", "宁夏": "银川", "新疆": "乌鲁木齐 克拉玛依",
	"台湾": "台北", "香港": "", "澳门": "", "中国": "",
}

// provinceOf is each city's province.
var provinceOf = map[string]string{}

type region struct{ form, place string }

// hanRegions are the written forms of places, longest first.
var hanRegions = func() []region {
	var out []region
	add := func(place string) {
		for _, suf := range []string{"省", "市", "区", "县", ""} {
			out = append(out, region{place + suf, place})
		}
	}
	for p, cities := range provinces {
		add(p)
		for _, c := range strings.Fields(cities) {
			provinceOf[c] = p
			add(c)
		}
	}
	add("华东") // regions of the country: 华东 华南 …
	add("华南")
	add("华北")
	slices.SortStableFunc(out, func(a, b region) int {
		if d := len(b.form) - len(a.form); d != 0 {
			return d
		}
		return strings.Compare(a.form, b.form)
	})
	return out
}()

// latinRegions are the English forms of places.
var latinRegions = map[string]string{
	"china": "中国", "chinese": "中国", "prc": "中国", "beijing": "北京", "tianjin": "天津", "shanghai": "上海", "chongqing": "重庆",
	"jiangsu": "江苏", "zhejiang": "浙江", "guangdong": "广东", "shandong": "山东", "fujian": "福建", "anhui": "安徽",
	"hebei": "河北", "henan": "河南", "hubei": "湖北", "hunan": "湖南", "sichuan": "四川", "liaoning": "辽宁",
	"ningbo": "宁波", "hangzhou": "杭州", "suzhou": "苏州", "wuxi": "无锡", "changzhou": "常州", "nanjing": "南京",
	"nantong": "南通", "jiaxing": "嘉兴", "shenzhen": "深圳", "guangzhou": "广州", "foshan": "佛山", "dongguan": "东莞",
	"xiamen": "厦门", "qingdao": "青岛", "dalian": "大连", "wuhan": "武汉", "chengdu": "成都", "zhangjiagang": "张家港",
	"kunshan": "昆山", "hongkong": "香港", "taiwan": "台湾",
}

// Package demo fills an empty database with a believable demo supplier: 天达新材料, a
// maker of additives, resins, pigments and auxiliaries in Changzhou, with two sales
// teams, eight products and forty accounts at every stage from prospect to partner.
//
// Everything is deterministic for a given `now`: the random source has a fixed seed and
// every date is derived from `now`. Only IDs (pulid), audit-event times and the password
// hashes differ between runs.
package demo

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"tandem/domain/access"
	"tandem/domain/history"
	problems "tandem/domain/issue"
	samplerules "tandem/domain/sample"
	"tandem/ent"
	"tandem/ent/assistance"
	"tandem/ent/changenotice"
	"tandem/ent/competitor"
	"tandem/ent/contact"
	"tandem/ent/customer"
	"tandem/ent/document"
	"tandem/ent/interaction"
	"tandem/ent/issue"
	"tandem/ent/keyperson"
	"tandem/ent/marketinfo"
	"tandem/ent/need"
	"tandem/ent/order"
	"tandem/ent/orderevent"
	"tandem/ent/pitch"
	"tandem/ent/pricepoint"
	"tandem/ent/product"
	_ "tandem/ent/runtime" // hooks and privacy policies
	"tandem/ent/sample"
	"tandem/ent/sampleevent"
	"tandem/ent/schema/pulid"
	"tandem/ent/servicedocument"
	"tandem/ent/shipment"
	"tandem/ent/stagechange"
	"tandem/ent/task"
	"tandem/ent/trial"
	"tandem/ent/user"
)

// Password is the password of every demo login.
const Password = "tandem-demo"

// Login is one demo user who can sign in with Password.
type Login struct{ Email, Role, Name string }

// Result says what Seed created.
type Result struct {
	Logins []Login

	Teams, Users, Products, PricePoints                     int
	Customers, Contacts, KeyPersons, Needs, Competitors     int
	Pitches, Interactions, Tasks, Samples, Trials           int
	Orders, OrderLines, Shipments, TrackingEvents, Issues   int
	Documents, ChangeNotices, ChangeNoticeAcks, MarketInfos int
	MarketInfoShares, Assistances, StageChanges             int
	SampleEvents, OrderEvents, ServiceDocuments             int
	Quotations, Projects                                    int
	// Persons are derived from the contacts by the hooks (one per mobile, email or WeChat ID).
	Persons int
	// Files are the contents of the demo documents' files, by storage key: the caller
	// stores them (Seed writes the database only). Every product's TDS and MSDS has
	// one, so its samples may ship (domain/sample.MissingForShipping).
	Files map[string][]byte
}

// ErrNotEmpty is returned when the database already holds users or customers.
var ErrNotEmpty = errors.New("demo: the database is not empty (it has users or customers); the demo only fills an empty database")

// Seed fills an empty database. hash turns a password into a stored hash.
// now anchors all dates (demo dates are spread over the ~18 months before now).
// Everything is written in one transaction: on failure nothing is left behind.
func Seed(ctx context.Context, c *ent.Client, now time.Time, hash func(string) (string, error)) (*Result, error) {
	ctx = history.Importing(access.System(ctx, "demo data"))
	for _, count := range []func(context.Context) (int, error){c.User.Query().Count, c.Customer.Query().Count} {
		n, err := count(ctx)
		if err != nil {
			return nil, fmt.Errorf("demo: %w", err)
		}
		if n > 0 {
			return nil, ErrNotEmpty
		}
	}
	// Hash before the transaction: a slow hash must not hold the write lock.
	hashes := make([]string, len(userSpecs))
	for i := range userSpecs {
		h, err := hash(Password)
		if err != nil {
			return nil, fmt.Errorf("demo: hashing the password of %s: %w", userSpecs[i].email, err)
		}
		hashes[i] = h
	}
	tx, err := c.Tx(ctx)
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	s := &seeder{
		ctx:    ctx,
		c:      tx.Client(),
		now:    now.UTC(),
		r:      rand.New(rand.NewPCG(7, 11)),
		res:    &Result{},
		hashes: hashes,
		users:  map[string]*ent.User{},
		teams:  map[string]*ent.Team{},
		prodBy: map[string]*prod{},
		batch:  map[string][]*batch{},
		used:   map[string]bool{},
	}
	if err := s.run(); err != nil {
		_ = tx.Rollback()
		return nil, fmt.Errorf("demo: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("demo: commit: %w", err)
	}
	return s.res, nil
}

// ---------------------------------------------------------------------------------
// Reference data
// ---------------------------------------------------------------------------------

// Our company, as it appears in texts.
const (
	ourName  = "天达新材料"
	ourPlant = "常州武进"
)

var userSpecs = []struct {
	key, email, name string
	role             user.Role
	function         user.Function
	team             string
	phone            string
	locale           user.Locale
}{
	{"admin", "admin@demo.tandem", "陈志远", user.RoleADMIN, user.FunctionMANAGEMENT, "", "139 0615 2201", user.LocaleZh},
	{"manager", "manager@demo.tandem", "王磊", user.RoleMANAGER, user.FunctionMANAGEMENT, "east", "139 0615 2202", user.LocaleZh},
	{"rep1", "rep1@demo.tandem", "李娜", user.RoleREP, user.FunctionSALES, "east", "138 1502 3311", user.LocaleZh},
	{"rep2", "rep2@demo.tandem", "张伟", user.RoleREP, user.FunctionSALES, "east", "138 1502 3312", user.LocaleZh},
	{"rep3", "rep3@demo.tandem", "刘洋", user.RoleREP, user.FunctionSALES, "south", "137 2866 4013", user.LocaleZh},
	{"analyst", "analyst@demo.tandem", "赵敏", user.RoleANALYST, user.FunctionSUPPORT, "", "139 0615 2206", user.LocaleZh},
	{"tech1", "tech1@demo.tandem", "周建国", user.RoleREP, user.FunctionTECHNICAL, "east", "136 0519 7721", user.LocaleZh},
	{"tech2", "tech2@demo.tandem", "孙丽", user.RoleREP, user.FunctionTECHNICAL, "east", "136 0519 7722", user.LocaleZh},
}

var teamSpecs = []struct{ key, name, desc string }{
	{"east", "华东销售部", "East China Sales — 江苏、浙江、上海、安徽、山东。技术支持（应用实验室）同属华东。"},
	{"south", "华南销售部", "South China Sales — 广东、福建、广西。"},
}

type compSpec struct {
	name, product string
	pos           competitor.PricePosition
}

type appSpec struct {
	application, sizeLab, sizePilot, colour, keyProps, standard, passLab, passPilot, fail, abandon string
}

type productSpec struct {
	code, name, nameEn string
	grade              product.Grade
	category, desc     string
	pkg                float64 // kg per package
	base               float64 // list price 17 months ago, CNY/kg
	trend              func(x float64) float64
	market             bool
	raw                string // raw material followed as RAW_MATERIAL price points
	rawBase            float64
	rawTrend           func(x float64) float64
	app                appSpec
	comps              []compSpec
}

func linear(k float64) func(float64) float64 { return func(x float64) float64 { return 1 + k*x } }
func hump(k, tail float64) func(float64) float64 {
	return func(x float64) float64 { return 1 + k*math.Sin(math.Pi*x) + tail*x }
}

var productSpecs = []productSpec{
	{
		code: "TX-AO1010", name: "抗氧剂 1010", nameEn: "Antioxidant 1010", grade: product.GradeMID, category: "抗氧剂",
		desc: "受阻酚类主抗氧剂（四[β-(3,5-二叔丁基-4-羟基苯基)丙酸]季戊四醇酯），用于 PP、PE、ABS、电缆料和薄膜的长效热氧稳定。",
		pkg:  25, base: 36.0, trend: linear(0.18), market: true,
		raw: "原料：苯酚（华东市场）", rawBase: 7.6, rawTrend: linear(0.22),
		app: appSpec{"PP 改性料长效热氧稳定", "注塑样条 150×10×4 mm；老化片 60×60×2 mm", "中试 500 kg，双螺杆挤出造粒", "本色 / 黑色",
			"150 ℃ 热氧老化 ≥ 1000 h 不粉化；MFR 变化率 ≤ 15%；黄变 ΔYI ≤ 3", "GB/T 7141；GB/T 3682",
			"热氧老化 1000 h 未粉化，MFR 变化 9%，ΔYI 2.1，优于现用料", "中试 500 kg 连续生产，性能与小样一致，挤出扭矩无变化",
			"长期热氧老化达标，但对方要求的低气味等级（VDA 270 ≤ 3.0）未通过", "对方决定继续沿用原供应商抗氧剂，暂不替换"},
		comps: []compSpec{{"巴斯夫 BASF", "Irganox 1010", competitor.PricePositionHIGHER}, {"利安隆", "RIANOX 1010", competitor.PricePositionSIMILAR}, {"松原 Songwon", "SONGNOX 1010", competitor.PricePositionSIMILAR}},
	},
	{
		code: "TX-UV531", name: "紫外线吸收剂 UV-531", nameEn: "UV Absorber UV-531", grade: product.GradeHIGH, category: "光稳定剂",
		desc: "二苯甲酮类紫外线吸收剂（2-羟基-4-正辛氧基二苯甲酮），用于 PE 农膜、PP 户外制品、PVC 和涂料。",
		pkg:  25, base: 92.0, trend: linear(-0.10),
		app: appSpec{"PE 薄膜 / 户外制品耐候", "吹膜 50 μm 试片", "中试 1 t 吹膜", "透明 / 本色",
			"QUV 1000 h 后拉伸强度保持率 ≥ 80%；雾度 ≤ 8%", "GB/T 16422.3；GB/T 1040.3",
			"QUV 1000 h 后强度保持率 86%，雾度 6.5%", "中试 1 t 吹膜顺利，晶点无增加，耐候数据与小样一致",
			"QUV 1000 h 后色差 ΔE 3.2（要求 ≤ 2.0），与对方体系相容性不足", "对方户外项目取消，样品不再试验"},
		comps: []compSpec{{"巴斯夫 BASF", "Chimassorb 81", competitor.PricePositionHIGHER}, {"宿迁联盛", "UV-531", competitor.PricePositionLOWER}},
	},
	{
		code: "TX-PW200", name: "聚乙烯蜡 PW-200", nameEn: "PE Wax PW-200", grade: product.GradeLOW, category: "加工助剂",
		desc: "低分子量聚乙烯蜡，用于色母粒分散、PVC 外润滑、油墨耐磨。",
		pkg:  25, base: 9.8, trend: linear(0.06), market: true,
		app: appSpec{"色母粒分散润滑", "色母粒 5 kg 试样", "中试 2 t 色母粒", "黑色 / 钛白色母",
			"滤压值 FPV ≤ 1 bar/g；熔指提升 ≥ 10%", "GB/T 3682；EN 13900-5",
			"FPV 0.6 bar/g，熔指提升 14%", "中试 2 t 色母粒分散良好，下游吹膜无晶点",
			"薄膜晶点增多（> 20 个/m²），影响外观", "对方改用复合蜡方案，不再试验单一 PE 蜡"},
		comps: []compSpec{{"霍尼韦尔 Honeywell", "A-C 6A", competitor.PricePositionHIGHER}, {"青岛赛诺", "PE 蜡 SN-110", competitor.PricePositionLOWER}},
	},
	{
		code: "TX-TiO2-R", name: "金红石型钛白粉 R-型", nameEn: "Rutile TiO2 Type R", grade: product.GradeMID, category: "颜料",
		desc: "氯化法金红石型钛白粉，高遮盖、易分散、耐候，用于工业涂料、塑料和油墨。",
		pkg:  25, base: 17.5, trend: linear(-0.15), market: true,
		raw: "原料：钛精矿（攀西 46%）", rawBase: 2.15, rawTrend: linear(-0.20),
		app: appSpec{"工业涂料白色面漆", "刮板涂膜 100 μm", "中试 1 t 色浆", "白色 RAL 9010",
			"遮盖率 ≥ 95%；60° 光泽 ≥ 88；白度 ≥ 96", "GB/T 1706；GB/T 9754",
			"遮盖率 96.5%，光泽 90，白度 96.8", "中试 1 t 色浆分散时间缩短 15%，漆膜性能稳定",
			"在对方水性体系中光泽偏低（82，要求 ≥ 88），遮盖力未达内控标准", "对方调整配方方向，暂停钛白粉替换"},
		comps: []compSpec{{"龙佰集团", "BLR-895", competitor.PricePositionSIMILAR}, {"科慕 Chemours", "Ti-Pure R-902+", competitor.PricePositionHIGHER}},
	},
	{
		code: "TX-DS80", name: "润湿分散剂 DS-80", nameEn: "Wetting & Dispersing Agent DS-80", grade: product.GradeHIGH, category: "涂料油墨助剂",
		desc: "高分子量嵌段共聚物分散剂，用于水性色浆、水性油墨和工业涂料，降粘、提高着色力和储存稳定性。",
		pkg:  25, base: 68.0, trend: hump(0.03, 0),
		app: appSpec{"水性色浆研磨分散", "色浆 2 kg 砂磨试样", "中试 500 kg 色浆", "酞菁蓝 / 炭黑",
			"细度 ≤ 10 μm；7 天 50 ℃ 粘度变化 ≤ 10%；着色力 ≥ 100%", "GB/T 1724；GB/T 9269",
			"细度 8 μm，热储粘度变化 6%，着色力 104%", "中试 500 kg 色浆研磨时间缩短 20%，储存稳定",
			"炭黑色浆热储后返粗，粘度上升 35%", "对方采购换人，新采购不再推进试样"},
		comps: []compSpec{{"毕克 BYK", "DISPERBYK-190", competitor.PricePositionHIGHER}, {"迪高 TEGO", "Dispers 750W", competitor.PricePositionHIGHER}},
	},
	{
		code: "TX-FR300", name: "无卤阻燃剂 FR-300", nameEn: "Halogen-free Flame Retardant FR-300", grade: product.GradeHIGH, category: "阻燃剂",
		desc: "次磷酸盐/氮系复配无卤阻燃剂，用于 PP、PA 和电缆料，UL 94 V-0，低烟低腐蚀。",
		pkg:  25, base: 44.0, trend: linear(0.12),
		app: appSpec{"无卤阻燃 PP / 电缆料", "UL 94 样条 125×13×1.6 mm", "中试 1 t 挤出造粒", "本色 / 黑色",
			"UL 94 V-0（1.6 mm）；氧指数 ≥ 28%；70 ℃ 水煮 168 h 无析出", "UL 94；GB/T 2406.2",
			"1.6 mm V-0，氧指数 30.5%，水煮无析出", "中试 1 t 连续挤出，阻燃等级稳定，挤出电流正常",
			"阻燃达标但挤出时出现析出发白，表面不合格", "对方阻燃环氧项目延期，样品暂停试验"},
		comps: []compSpec{{"科莱恩 Clariant", "Exolit OP 1230", competitor.PricePositionHIGHER}, {"江苏雅克", "无卤阻燃剂 YK-300", competitor.PricePositionLOWER}},
	},
	{
		code: "TX-EP128", name: "双酚A型环氧树脂 EP-128", nameEn: "Bisphenol-A Epoxy Resin EP-128", grade: product.GradeMID, category: "树脂",
		desc: "液体双酚A型环氧树脂，环氧当量 184–190 g/eq，用于胶粘剂、复合材料和防腐涂料。",
		pkg:  220, base: 17.0, trend: hump(0.16, -0.04), market: true,
		raw: "原料：双酚A（华东市场）", rawBase: 9.8, rawTrend: hump(0.20, -0.05),
		app: appSpec{"双组分环氧结构胶 / 复合材料", "胶接试片 100×25×1.6 mm", "中试 500 kg 胶料", "透明微黄",
			"剪切强度 ≥ 20 MPa；适用期 ≥ 60 min；Tg ≥ 80 ℃", "GB/T 7124；GB/T 19466.2",
			"剪切强度 23.5 MPa，适用期 70 min，Tg 86 ℃", "中试 500 kg 灌胶顺利，固化曲线与小样一致",
			"冬季低温下粘度偏高，对方灌胶设备无法适应", "首批质量问题后对方暂停所有新品试样"},
		comps: []compSpec{{"南亚塑胶", "NPEL-128", competitor.PricePositionSIMILAR}, {"宏昌电子", "GELR-128", competitor.PricePositionLOWER}},
	},
	{
		code: "TX-CA40", name: "硅烷偶联剂 CA-40", nameEn: "Silane Coupling Agent CA-40", grade: product.GradeMID, category: "偶联剂",
		desc: "γ-氨丙基三乙氧基硅烷，用于玻纤增强、无机填料表面处理和胶粘剂增粘。",
		pkg:  200, base: 27.0, trend: linear(0.05),
		app: appSpec{"玻纤增强 PA / 填料表面处理", "拉伸样条（GB/T 1040 1A 型）", "中试 1 t 改性料", "本色",
			"拉伸强度提升 ≥ 15%；吸水后强度保持率 ≥ 85%", "GB/T 1040.2；GB/T 9341",
			"拉伸强度提升 18%，吸水后保持率 88%", "中试 1 t 改性料性能稳定，玻纤外露明显减少",
			"与对方阻燃体系存在副反应，挤出时冒烟", "首批 EP128 质量问题后对方暂停所有新品试样"},
		comps: []compSpec{{"迈图 Momentive", "Silquest A-1100", competitor.PricePositionHIGHER}, {"湖北江瀚", "KH-550", competitor.PricePositionLOWER}},
	},
}

type industrySpec struct {
	label     string
	status    customer.IndustryStatus
	makes     string // what the customer makes
	equipment string
	testEquip string
	env       string
	need      string // industry-level need
	usage     [2]int // annual usage of one additive, tonnes
	techLevel int
}

var industries = map[string]industrySpec{
	"plastics": {"改性塑料", customer.IndustryStatusMATURE, "汽车和家电用改性 PP、ABS、PA",
		"双螺杆挤出线 4 条（科倍隆 ZSK 58）、注塑机 6 台；ERP 已上线，车间 5S 一般", "熔指仪、万能材料试验机、热老化箱、色差仪、氧指数仪",
		"RoHS/REACH；低气味 VDA 270", "汽车轻量化和家电高端化带动改性塑料需求，耐热氧老化、低气味、低 VOC 成为主机厂准入门槛", [2]int{30, 200}, 3},
	"coatings": {"涂料", customer.IndustryStatusMATURE, "工业涂料、木器漆和防腐涂料",
		"砂磨机 8 台、高速分散机 12 台、自动灌装线 2 条", "刮板细度计、光泽仪、分光测色仪、QUV 老化箱、盐雾箱",
		"RoHS/REACH；GB 30981 VOC 限量", "工业涂料“油改水”持续推进，水性体系的分散稳定性、耐候和 VOC 要求不断提高", [2]int{50, 400}, 3},
	"inks": {"油墨", customer.IndustryStatusSUNSET, "凹版和柔版包装油墨",
		"三辊研磨机 6 台、砂磨机 10 台、调墨中心", "细度计、粘度杯、展色仪、分光测色仪",
		"RoHS/REACH；GB 38507 油墨 VOCs 限量", "包装印刷 VOCs 治理趋严，溶剂型油墨萎缩，水性和 UV 油墨转型压力大", [2]int{10, 80}, 2},
	"adhesives": {"胶粘剂", customer.IndustryStatusEMERGING, "结构胶、灌封胶和鞋用胶",
		"行星搅拌釜 6 台（2 000 L）、自动灌胶线 3 条", "万能材料试验机、旋转粘度计、DSC、恒温恒湿箱",
		"RoHS/REACH；无卤", "新能源电池、电子封装带动结构胶需求，国产替代加速，对原料批次一致性要求高", [2]int{40, 300}, 4},
	"cables": {"电线电缆", customer.IndustryStatusEMERGING, "低烟无卤电缆料和新能源线缆",
		"密炼机 3 台、双阶挤出线 5 条、辐照交联线 1 条", "氧指数仪、垂直燃烧仪、烟密度箱、热延伸装置、万能材料试验机",
		"RoHS/REACH；无卤（IEC 60754）", "新能源汽车与光伏线缆要求无卤阻燃、耐温 125 ℃ 以上，认证周期长，一旦定点很少更换供应商", [2]int{40, 250}, 3},
	"film": {"包装薄膜", customer.IndustryStatusMATURE, "BOPP、CPP 和 PE 包装薄膜",
		"布鲁克纳 BOPP 生产线 2 条、流延线 3 条", "雾度仪、摩擦系数仪、拉力机、晶点检测仪",
		"RoHS/REACH；食品接触 GB 9685", "软包装减量化与可回收设计，薄膜减薄对加工稳定性和晶点控制要求更高", [2]int{20, 150}, 3},
	"composites": {"复合材料", customer.IndustryStatusEMERGING, "风电叶片和碳纤维复合材料制品",
		"真空灌注设备 10 套、拉挤线 4 条、固化炉 3 台", "DSC、DMA、万能材料试验机、凝胶时间测定仪",
		"RoHS/REACH", "风电叶片大型化带动环氧树脂用量增长，价格受双酚A波动影响大，客户重视长协和锁价", [2]int{200, 1500}, 4},
}

var areaCodes = map[string]string{
	"宁波": "0574", "佛山": "0757", "常州": "0519", "苏州": "0512", "东莞": "0769", "上海": "021", "厦门": "0592",
	"湖州": "0572", "青岛": "0532", "合肥": "0551", "深圳": "0755", "无锡": "0510", "广州": "020", "嘉兴": "0573",
	"南通": "0513", "中山": "0760", "杭州": "0571", "泰安": "0538", "泉州": "0595", "绍兴": "0575", "扬州": "0514",
	"温州": "0577", "惠州": "0752", "芜湖": "0553", "镇江": "0511", "汕头": "0754", "江门": "0750", "盐城": "0515",
	"福州": "0591", "台州": "0576", "潍坊": "0536", "昆山": "0512", "珠海": "0756", "东阳": "0579", "揭阳": "0663",
}

// cityCentres are the demo cities' centres (WGS-84, approximate): an account visited
// with a check-in sits a little way from its city's centre.
var cityCentres = map[string][2]float64{
	"宁波": {29.874, 121.550}, "佛山": {23.022, 113.122}, "常州": {31.811, 119.974}, "苏州": {31.299, 120.585},
	"东莞": {23.021, 113.752}, "上海": {31.230, 121.474}, "厦门": {24.480, 118.089}, "湖州": {30.894, 120.087},
	"青岛": {36.067, 120.383}, "合肥": {31.821, 117.227}, "深圳": {22.543, 114.058}, "无锡": {31.491, 120.312},
	"广州": {23.129, 113.264}, "嘉兴": {30.746, 120.756}, "南通": {31.980, 120.894}, "中山": {22.517, 113.392},
	"杭州": {30.274, 120.155}, "泰安": {36.200, 117.088}, "泉州": {24.874, 118.676}, "绍兴": {29.998, 120.582},
	"扬州": {32.394, 119.413}, "温州": {27.994, 120.699}, "惠州": {23.112, 114.416}, "芜湖": {31.353, 118.433},
	"镇江": {32.188, 119.425}, "汕头": {23.354, 116.682}, "江门": {22.579, 113.082}, "盐城": {33.347, 120.163},
	"福州": {26.074, 119.296}, "台州": {28.656, 121.421}, "潍坊": {36.707, 119.162}, "昆山": {31.385, 120.981},
	"珠海": {22.271, 113.577}, "东阳": {29.289, 120.242}, "揭阳": {23.550, 116.373},
}

var hubs = map[string]string{
	"浙江": "杭州萧山转运中心", "江苏": "无锡转运中心", "上海": "上海青浦转运中心", "广东": "广州白云转运中心",
	"福建": "厦门转运中心", "山东": "济南转运中心", "安徽": "合肥转运中心",
}

const (
	stPROSPECT   = customer.StagePROSPECT
	stCONTACTED  = customer.StageCONTACTED
	stVISITED    = customer.StageVISITED
	stSAMPLING   = customer.StageSAMPLING
	stTRIAL      = customer.StageTRIAL
	stEVALUATION = customer.StageEVALUATION
	stMAIN       = customer.StageMAIN_SUPPLIER
	stPARTNER    = customer.StagePARTNER
	stDORMANT    = customer.StageDORMANT
	stLOST       = customer.StageLOST

	smREQUESTED = sample.StatusREQUESTED
	smPREPARED  = sample.StatusPREPARED
	smSHIPPED   = sample.StatusSHIPPED
	smRECEIVED  = sample.StatusRECEIVED
	smLAB       = sample.StatusLAB_TRIAL
	smPILOT     = sample.StatusPILOT_TRIAL
	smAPPROVED  = sample.StatusAPPROVED
	smCONVERTED = sample.StatusCONVERTED
	smFAILED    = sample.StatusFAILED
	smABANDONED = sample.StatusABANDONED
)

type custSpec struct {
	name, alt, web   string
	ind              string
	prov, city, addr string
	stage, pre       customer.Stage // pre: the last working stage of a DORMANT or LOST account
	lead             customer.LeadSource
	detail           string // {Y} is the year the lead was found
	owner            string
	prods            []string
	samples          []sample.Status
	refCustomer      int // 1-based index of the referring customer
	refContactOf     int // 1-based index of the customer whose general manager referred this one
}

// The first thirteen accounts are the ones buying now (evaluation, main supplier, partner).
var custSpecs = []custSpec{
	{"宁波华塑新材料有限公司", "Ningbo Huasu New Materials Co., Ltd.", "https://www.nbhuasu.com", "plastics", "浙江", "宁波", "浙江省宁波市北仑区黄山西路 218 号",
		stPARTNER, "", customer.LeadSourceCONFERENCE, "{Y} 中国塑料助剂技术年会（宁波），会后交流", "rep1",
		[]string{"TX-AO1010", "TX-UV531", "TX-FR300"}, []sample.Status{smCONVERTED, smCONVERTED, smPILOT}, 0, 0},
	{"佛山彩虹涂料股份有限公司", "Foshan Caihong Coatings Co., Ltd.", "https://www.fscaihong.com", "coatings", "广东", "佛山", "广东省佛山市南海区狮山镇科技工业园 A 区 16 号",
		stPARTNER, "", customer.LeadSourceASSOCIATION, "广东省涂料行业协会年会会员名录", "rep3",
		[]string{"TX-TiO2-R", "TX-DS80", "TX-UV531"}, []sample.Status{smCONVERTED, smCONVERTED, smFAILED}, 0, 0},
	{"Jiangsu Meridian Polymers Co., Ltd.", "江苏子午线高分子材料有限公司", "https://www.meridian-polymers.com", "plastics", "江苏", "常州", "江苏省常州市新北区衡山路 9 号",
		stMAIN, "", customer.LeadSourceFOREIGN_REVERSE_LOOKUP, "德国客户 Kunststoff-Compound GmbH 英文供应商名录反查到其中国工厂", "rep2",
		[]string{"TX-AO1010", "TX-CA40"}, []sample.Status{smCONVERTED, smSHIPPED}, 0, 0},
	{"苏州恒通电缆材料有限公司", "Suzhou Hengtong Cable Materials Co., Ltd.", "https://www.szhengtong-cable.com", "cables", "江苏", "苏州", "江苏省苏州市吴江区汾湖大道 1588 号",
		stMAIN, "", customer.LeadSourcePEER_REFERRAL, "宁波华塑采购经理推荐（同行介绍）", "rep1",
		[]string{"TX-FR300", "TX-CA40"}, []sample.Status{smCONVERTED, smFAILED}, 1, 0},
	{"东莞万彩油墨有限公司", "Dongguan Wancai Ink Co., Ltd.", "https://www.dgwancai.com", "inks", "广东", "东莞", "广东省东莞市虎门镇龙眼工业区 8 号",
		stMAIN, "", customer.LeadSourceWEB, "百度搜索“水性油墨 分散剂”后官网询盘", "rep3",
		[]string{"TX-DS80", "TX-PW200"}, []sample.Status{smCONVERTED, smREQUESTED}, 0, 0},
	{"上海博胶粘合剂科技有限公司", "Shanghai Bojiao Adhesive Technology Co., Ltd.", "https://www.bojiao-sh.com", "adhesives", "上海", "上海", "上海市松江区新桥镇民强路 1525 号",
		stPARTNER, "", customer.LeadSourceFRIEND_REFERRAL, "朋友介绍（原同事，现任博胶技术总监）", "manager",
		[]string{"TX-EP128", "TX-CA40"}, []sample.Status{smCONVERTED, smLAB}, 0, 0},
	{"厦门海纳包装薄膜有限公司", "Xiamen Haina Packaging Film Co., Ltd.", "https://www.xmhaina.com", "film", "福建", "厦门", "福建省厦门市同安区西柯街道 518 号",
		stEVALUATION, "", customer.LeadSourceNEWS, "中国包装网报道：海纳投资 3 亿元新建 BOPP 生产线", "rep3",
		[]string{"TX-AO1010", "TX-PW200"}, []sample.Status{smCONVERTED}, 0, 0},
	{"Zhejiang Everbright Coatings Co., Ltd.", "浙江永辉涂料有限公司", "https://www.everbright-coatings.com", "coatings", "浙江", "湖州", "浙江省湖州市吴兴区织里镇 318 国道 66 号",
		stMAIN, "", customer.LeadSourceCONFERENCE, "{Y} 中国涂料技术年会（上海）分会场交流", "manager",
		[]string{"TX-TiO2-R", "TX-DS80"}, []sample.Status{smCONVERTED, smAPPROVED}, 0, 0},
	{"青岛海川电缆有限公司", "Qingdao Haichuan Cable Co., Ltd.", "https://www.qdhaichuan.com", "cables", "山东", "青岛", "山东省青岛市黄岛区江山中路 606 号",
		stEVALUATION, "", customer.LeadSourcePATENT, "专利 CN114539876A《一种耐候型无卤阻燃电缆料及其制备方法》申请人", "rep2",
		[]string{"TX-FR300", "TX-AO1010"}, []sample.Status{smCONVERTED, smPILOT}, 0, 0},
	{"合肥金鼎复合材料有限公司", "Hefei Jinding Composites Co., Ltd.", "https://www.hfjinding.com", "composites", "安徽", "合肥", "安徽省合肥市经开区紫云路 277 号",
		stPARTNER, "", customer.LeadSourceJOURNAL, "《热固性树脂》{Y} 年第 3 期论文作者单位", "rep2",
		[]string{"TX-EP128", "TX-CA40", "TX-FR300"}, []sample.Status{smCONVERTED, smCONVERTED, smABANDONED}, 0, 0},
	{"常州新锐改性塑料有限公司", "Changzhou Xinrui Modified Plastics Co., Ltd.", "https://www.czxinrui.com", "plastics", "江苏", "常州", "江苏省常州市武进区礼嘉镇工业园 12 号",
		stMAIN, "", customer.LeadSourceADVERTISEMENT, "《塑料工业》杂志广告回执", "rep1",
		[]string{"TX-PW200", "TX-AO1010"}, []sample.Status{smCONVERTED, smCONVERTED}, 0, 0},
	{"深圳科达胶粘制品有限公司", "Shenzhen Keda Adhesive Products Co., Ltd.", "https://www.szkeda.com", "adhesives", "广东", "深圳", "广东省深圳市宝安区松岗街道沙浦工业区 3 栋",
		stEVALUATION, "", customer.LeadSourceTRADE_SHOW, "{Y} 中国国际胶粘剂及密封剂展览会（上海），客户到我司展位咨询", "rep3",
		[]string{"TX-EP128", "TX-CA40"}, []sample.Status{smCONVERTED, smAPPROVED}, 0, 0},
	{"无锡金桥包装材料有限公司", "Wuxi Jinqiao Packaging Materials Co., Ltd.", "https://www.wxjinqiao.com", "film", "江苏", "无锡", "江苏省无锡市惠山区堰桥工业园 66 号",
		stEVALUATION, "", customer.LeadSourcePEER_REFERRAL, "上海博胶总经理介绍", "rep2",
		[]string{"TX-PW200", "TX-AO1010"}, []sample.Status{smCONVERTED, smABANDONED}, 0, 6},
	{"Guangzhou Lotus Printing Ink Co., Ltd.", "广州莲花印刷油墨有限公司", "https://www.lotus-ink.com.cn", "inks", "广东", "广州", "广东省广州市白云区钟落潭镇良田工业园 5 号",
		stTRIAL, "", customer.LeadSourceARTICLE, "公众号“油墨圈”文章《华南油墨企业环保升级调研》", "rep3",
		[]string{"TX-DS80"}, []sample.Status{smLAB}, 0, 0},
	{"嘉兴瑞丰塑胶有限公司", "Jiaxing Ruifeng Plastics Co., Ltd.", "https://www.jxruifeng.com", "plastics", "浙江", "嘉兴", "浙江省嘉兴市秀洲区洪合镇工业园 9 号",
		stTRIAL, "", customer.LeadSourceTRADE_SHOW, "Chinaplas {Y} 国际橡塑展（{CITY}），展位现场洽谈", "rep1",
		[]string{"TX-UV531"}, []sample.Status{smPILOT}, 0, 0},
	{"南通东方涂料有限公司", "Nantong Dongfang Coatings Co., Ltd.", "https://www.ntdongfang.com", "coatings", "江苏", "南通", "江苏省南通市通州区兴仁镇工业集中区 21 号",
		stTRIAL, "", customer.LeadSourceJOURNAL, "《中国涂料》{Y} 年第 6 期企业介绍", "rep2",
		[]string{"TX-DS80", "TX-TiO2-R"}, []sample.Status{smLAB, smFAILED}, 0, 0},
	{"中山立德电线电缆有限公司", "Zhongshan Lide Wire & Cable Co., Ltd.", "https://www.zslide.com", "cables", "广东", "中山", "广东省中山市小榄镇工业大道 38 号",
		stTRIAL, "", customer.LeadSourceASSOCIATION, "中国电器工业协会电线电缆分会会员名录", "rep3",
		[]string{"TX-FR300", "TX-CA40"}, []sample.Status{smPILOT, smAPPROVED}, 0, 0},
	{"杭州欣美包装科技有限公司", "Hangzhou Xinmei Packaging Technology Co., Ltd.", "https://www.hzxinmei.com", "film", "浙江", "杭州", "浙江省杭州市临平区东湖街道兴中路 88 号",
		stSAMPLING, "", customer.LeadSourceWEB, "官网询盘：BOPP 薄膜用抗氧剂", "rep1",
		[]string{"TX-AO1010", "TX-UV531"}, []sample.Status{smRECEIVED, smSHIPPED}, 0, 0},
	{"Shandong Taishan Composite Materials Co., Ltd.", "山东泰山复合材料有限公司", "https://www.taishan-composites.com", "composites", "山东", "泰安", "山东省泰安市高新区凤天路 19 号",
		stSAMPLING, "", customer.LeadSourcePATENT, "专利 CN115216148A《一种风电叶片用环氧树脂复合材料》", "rep2",
		[]string{"TX-EP128", "TX-CA40"}, []sample.Status{smSHIPPED, smPREPARED}, 0, 0},
	{"泉州鸿运鞋材有限公司", "Quanzhou Hongyun Shoe Materials Co., Ltd.", "https://www.qzhongyun.com", "adhesives", "福建", "泉州", "福建省泉州市晋江市陈埭镇鞋材城二期 7 号",
		stSAMPLING, "", customer.LeadSourceOTHER, "物流司机提供线索：对方在用进口偶联剂", "rep3",
		[]string{"TX-CA40", "TX-EP128"}, []sample.Status{smSHIPPED, smREQUESTED}, 0, 0},
	{"绍兴华彩油墨有限公司", "Shaoxing Huacai Ink Co., Ltd.", "https://www.sxhuacai.com", "inks", "浙江", "绍兴", "浙江省绍兴市柯桥区滨海工业区 27 号",
		stSAMPLING, "", customer.LeadSourceCONFERENCE, "{Y} 全国油墨技术交流会（杭州）", "manager",
		[]string{"TX-PW200", "TX-DS80"}, []sample.Status{smRECEIVED, smPREPARED}, 0, 0},
	{"扬州宏达塑业有限公司", "Yangzhou Hongda Plastics Co., Ltd.", "https://www.yzhongda.com", "plastics", "江苏", "扬州", "江苏省扬州市江都区仙女镇工业园 15 号",
		stVISITED, "", customer.LeadSourceNEWS, "扬州日报：宏达塑业年产 5 万吨改性塑料项目开工", "rep1",
		[]string{"TX-FR300", "TX-AO1010"}, nil, 0, 0},
	{"温州立信胶粘材料有限公司", "Wenzhou Lixin Adhesive Materials Co., Ltd.", "https://www.wzlixin.com", "adhesives", "浙江", "温州", "浙江省温州市龙湾区永强大道 3355 号",
		stVISITED, "", customer.LeadSourceADVERTISEMENT, "百度推广“环氧胶 偶联剂”关键词来电", "rep2",
		[]string{"TX-EP128", "TX-CA40"}, nil, 0, 0},
	{"惠州华星电缆有限公司", "Huizhou Huaxing Cable Co., Ltd.", "https://www.hzhuaxing.com", "cables", "广东", "惠州", "广东省惠州市仲恺高新区和畅五路 9 号",
		stVISITED, "", customer.LeadSourceTRADE_SHOW, "{Y} 中国国际线缆及线材展览会（上海）", "rep3",
		[]string{"TX-FR300"}, nil, 0, 0},
	{"Anhui Greenfield Packaging Co., Ltd.", "安徽绿野包装有限公司", "https://www.greenfield-pack.com", "film", "安徽", "芜湖", "安徽省芜湖市鸠江区九华北路 118 号",
		stVISITED, "", customer.LeadSourceFOREIGN_REVERSE_LOOKUP, "日本客户英文年报中的 “Anhui film supplier” 反查", "rep1",
		[]string{"TX-UV531", "TX-AO1010"}, nil, 0, 0},
	{"镇江润泽涂料有限公司", "Zhenjiang Runze Coatings Co., Ltd.", "https://www.zjrunze.com", "coatings", "江苏", "镇江", "江苏省镇江市丹徒区高资街道 56 号",
		stCONTACTED, "", customer.LeadSourceARTICLE, "知乎专栏《钛白粉在工业漆中的分散技巧》评论区", "rep2",
		[]string{"TX-TiO2-R"}, nil, 0, 0},
	{"汕头美印油墨有限公司", "Shantou Meiyin Ink Co., Ltd.", "https://www.stmeiyin.com", "inks", "广东", "汕头", "广东省汕头市潮阳区谷饶镇 8 号",
		stCONTACTED, "", customer.LeadSourceWEB, "阿里巴巴询盘：凹版油墨分散剂", "rep3",
		[]string{"TX-DS80"}, nil, 0, 0},
	{"宁波通达塑料制品有限公司", "Ningbo Tongda Plastic Products Co., Ltd.", "https://www.nbtongda.com", "plastics", "浙江", "宁波", "浙江省宁波市慈溪市周巷镇工业区 28 号",
		stCONTACTED, "", customer.LeadSourceFRIEND_REFERRAL, "大学同学（通达生产经理）介绍", "rep1",
		[]string{"TX-PW200"}, nil, 0, 0},
	{"上海瀚海电缆材料有限公司", "Shanghai Hanhai Cable Materials Co., Ltd.", "https://www.sh-hanhai.com", "cables", "上海", "上海", "上海市嘉定区马陆镇宝安公路 2999 号",
		stCONTACTED, "", customer.LeadSourceCONFERENCE, "{Y} 电线电缆材料技术研讨会（苏州）", "manager",
		[]string{"TX-FR300"}, nil, 0, 0},
	{"江门粤华包装薄膜有限公司", "Jiangmen Yuehua Packaging Film Co., Ltd.", "https://www.jmyuehua.com", "film", "广东", "江门", "广东省江门市新会区今古洲经济开发区 12 号",
		stPROSPECT, "", customer.LeadSourceTRADE_SHOW, "Chinaplas {Y} 国际橡塑展（{CITY}）展位名片，尚未深入交流", "rep3",
		[]string{"TX-AO1010"}, nil, 0, 0},
	{"盐城蓝海新材料有限公司", "Yancheng Lanhai New Materials Co., Ltd.", "https://www.yclanhai.com", "plastics", "江苏", "盐城", "江苏省盐城市亭湖区环保科技城 9 号",
		stPROSPECT, "", customer.LeadSourcePATENT, "专利 CN116285307A《一种高 CTI 无卤阻燃 PA66 材料》", "rep2",
		[]string{"TX-FR300"}, nil, 0, 0},
	{"Fujian Seastar Coatings Co., Ltd.", "福建海星涂料有限公司", "https://www.seastar-coatings.com", "coatings", "福建", "福州", "福建省福州市长乐区滨海工业区 33 号",
		stPROSPECT, "", customer.LeadSourceWEB, "官网在线留言：户外涂料用紫外线吸收剂", "rep3",
		[]string{"TX-UV531"}, nil, 0, 0},
	{"台州恒力胶带有限公司", "Taizhou Hengli Tape Co., Ltd.", "https://www.tzhengli.com", "adhesives", "浙江", "台州", "浙江省台州市路桥区峰江街道 77 号",
		stPROSPECT, "", customer.LeadSourceNEWS, "台州新闻网：恒力胶带获评省级专精特新企业", "rep1",
		[]string{"TX-EP128"}, nil, 0, 0},
	{"潍坊鑫源电缆料有限公司", "Weifang Xinyuan Cable Compounds Co., Ltd.", "https://www.wfxinyuan.com", "cables", "山东", "潍坊", "山东省潍坊市寒亭区开元街道 168 号",
		stPROSPECT, "", customer.LeadSourceASSOCIATION, "山东省塑料协会电缆料分会名录", "rep2",
		[]string{"TX-CA40"}, nil, 0, 0},
	{"昆山精诚塑胶有限公司", "Kunshan Jingcheng Plastics Co., Ltd.", "https://www.ksjingcheng.com", "plastics", "江苏", "昆山", "江苏省昆山市千灯镇石浦工业区 19 号",
		stDORMANT, stEVALUATION, customer.LeadSourceADVERTISEMENT, "《塑料助剂》杂志广告回执", "rep1",
		[]string{"TX-UV531", "TX-AO1010"}, []sample.Status{smCONVERTED, smFAILED}, 0, 0},
	{"珠海宝丽油墨有限公司", "Zhuhai Baoli Ink Co., Ltd.", "https://www.zhbaoli.com", "inks", "广东", "珠海", "广东省珠海市金湾区三灶镇机场北路 5 号",
		stDORMANT, stSAMPLING, customer.LeadSourceADVERTISEMENT, "《印刷技术》杂志广告", "rep3",
		[]string{"TX-DS80"}, []sample.Status{smABANDONED}, 0, 0},
	{"芜湖恒信涂料有限公司", "Wuhu Hengxin Coatings Co., Ltd.", "https://www.whhengxin.com", "coatings", "安徽", "芜湖", "安徽省芜湖市三山区龙湖路 36 号",
		stDORMANT, stTRIAL, customer.LeadSourceJOURNAL, "《现代涂料与涂装》论文作者单位", "rep2",
		[]string{"TX-TiO2-R"}, []sample.Status{smFAILED}, 0, 0},
	{"东阳金达包装材料有限公司", "Dongyang Jinda Packaging Materials Co., Ltd.", "https://www.dyjinda.com", "film", "浙江", "东阳", "浙江省东阳市横店镇工业区 46 号",
		stLOST, stTRIAL, customer.LeadSourceWEB, "官网询盘：流延膜用爽滑/分散助剂", "rep2",
		[]string{"TX-PW200"}, []sample.Status{smFAILED}, 0, 0},
	{"揭阳利达塑料制品有限公司", "Jieyang Lida Plastic Products Co., Ltd.", "https://www.jylida.com", "plastics", "广东", "揭阳", "广东省揭阳市揭东区经济开发区 22 号",
		stLOST, stVISITED, customer.LeadSourceOTHER, "客户主动来电（从老客户处听说我司）", "rep3",
		[]string{"TX-AO1010"}, []sample.Status{smABANDONED}, 0, 0},
	{"Shanghai Sunrise Adhesives Co., Ltd.", "上海旭日胶粘剂有限公司", "https://www.sunrise-adhesives.com", "adhesives", "上海", "上海", "上海市金山区金山卫镇秋实路 688 号",
		stLOST, stEVALUATION, customer.LeadSourceARTICLE, "公众号“胶粘剂在线”文章作者单位", "manager",
		[]string{"TX-EP128", "TX-CA40"}, []sample.Status{smCONVERTED, smABANDONED}, 0, 0},
}

// Age in days of the latest order of each of the first thirteen (buying) accounts: spread
// so that every open order status shows up.
var latestOrderAge = []float64{0.15, 3, 8, 10.5, 20, 1.5, 5, 33, 0.6, 9.5, 16, 4, 25}

// Due date (days from now) of the follow-up of each account's latest interaction.
var followUpDue = []float64{-3, 2, -1, 4, 1, 6, -2, 3, 9, 0.5, 5, -4, 2.5, 12, 1.5, 7}

var surnames = [][2]string{
	{"王", "wang"}, {"李", "li"}, {"张", "zhang"}, {"刘", "liu"}, {"陈", "chen"}, {"杨", "yang"}, {"黄", "huang"}, {"赵", "zhao"},
	{"吴", "wu"}, {"周", "zhou"}, {"徐", "xu"}, {"孙", "sun"}, {"马", "ma"}, {"朱", "zhu"}, {"胡", "hu"}, {"郭", "guo"},
	{"何", "he"}, {"林", "lin"}, {"罗", "luo"}, {"高", "gao"}, {"郑", "zheng"}, {"梁", "liang"}, {"谢", "xie"}, {"宋", "song"},
	{"唐", "tang"}, {"韩", "han"}, {"冯", "feng"}, {"邓", "deng"}, {"曹", "cao"}, {"彭", "peng"}, {"曾", "zeng"}, {"沈", "shen"},
	{"蒋", "jiang"}, {"姚", "yao"}, {"钱", "qian"}, {"叶", "ye"}, {"潘", "pan"}, {"杜", "du"}, {"戴", "dai"}, {"方", "fang"},
}

var givenNames = [][3]string{
	{"建华", "jian", "hua"}, {"志强", "zhi", "qiang"}, {"秀英", "xiu", "ying"}, {"海燕", "hai", "yan"}, {"国庆", "guo", "qing"},
	{"文斌", "wen", "bin"}, {"丽华", "li", "hua"}, {"晓东", "xiao", "dong"}, {"春梅", "chun", "mei"}, {"永刚", "yong", "gang"},
	{"红霞", "hong", "xia"}, {"俊杰", "jun", "jie"}, {"婷婷", "ting", "ting"}, {"鹏飞", "peng", "fei"}, {"雪梅", "xue", "mei"},
	{"立新", "li", "xin"}, {"振宇", "zhen", "yu"}, {"玉兰", "yu", "lan"}, {"德明", "de", "ming"}, {"静怡", "jing", "yi"},
	{"浩然", "hao", "ran"}, {"桂芳", "gui", "fang"}, {"卫东", "wei", "dong"}, {"晓燕", "xiao", "yan"}, {"子豪", "zi", "hao"},
	{"宏伟", "hong", "wei"}, {"慧敏", "hui", "min"}, {"家豪", "jia", "hao"}, {"凤英", "feng", "ying"}, {"光明", "guang", "ming"},
	{"春华", "chun", "hua"}, {"文杰", "wen", "jie"}, {"雅琴", "ya", "qin"}, {"国栋", "guo", "dong"}, {"秋菊", "qiu", "ju"},
}

var deptTitles = map[contact.Department][]string{
	contact.DepartmentTECHNICAL:          {"技术部经理", "研发工程师", "技术总监", "配方工程师"},
	contact.DepartmentPURCHASING:         {"采购经理", "采购主管", "供应链经理"},
	contact.DepartmentGENERAL_MANAGEMENT: {"总经理", "副总经理", "董事长"},
	contact.DepartmentQC:                 {"品质部经理", "QC 主管"},
	contact.DepartmentWAREHOUSE:          {"仓库主管", "物流主管"},
	contact.DepartmentPRODUCTION:         {"生产部经理", "车间主任"},
}

var contactNotes = []string{
	"喜欢钓鱼，周末常去千岛湖。", "不喝酒，宴请宜安排茶叙。", "孩子在读高三，对升学话题感兴趣。", "跑马拉松，朋友圈常晒配速。",
	"老家湖南，爱吃辣。", "说话直接，重数据，不喜欢客套。", "", "", "",
}

// ---------------------------------------------------------------------------------
// Seeder state
// ---------------------------------------------------------------------------------

type prod struct {
	spec productSpec
	e    *ent.Product
	list [18]float64 // monthly list price; index 17 is the current month
}

type batch struct {
	no   string
	p    *prod
	date time.Time
}

type contactPlan struct {
	name, py, title string
	dept            contact.Department
	phone, mobile   string
	email, wechat   string
	notes           string
	known, last     time.Time
	e               *ent.Contact
}

type samplePlan struct {
	p      *prod
	status sample.Status
	last   sample.Status // the furthest step reached
	f      float64       // pace of this sample's steps
	req    time.Time
	endAt  time.Time // when it converted, failed or was abandoned
	order  *orderPlan
	e      *ent.Sample
}

type linePlan struct {
	p     *prod
	qty   float64
	price float64
	b     *batch
}

type orderPlan struct {
	c                                       *cust
	at                                      time.Time
	eval, cancelled, late                   bool
	held                                    bool // shipped, held up in transit past its delivery date
	cancelledAt                             *time.Time
	cancelReason                            string
	payDays                                 float64
	lines                                   []*linePlan
	number                                  string
	status                                  order.Status
	confirmed, contract, prodCheck, batchCk *time.Time
	label, pack, shipped, delivered         *time.Time
	invoiced, paid, closed                  *time.Time
	e                                       *ent.Order
}

type interPlan struct {
	kind                              interaction.Kind
	phase                             interaction.Phase
	at                                time.Time
	ours                              []*ent.User
	theirs                            []*contactPlan
	summary, findings, promises, next string
	materials                         string
	topics                            []string
	private                           bool
	due                               *time.Time
	planned                           bool // not held yet, whatever its time: not logged
	e                                 *ent.Interaction
}

type kpPlan struct {
	ct       *contactPlan
	role     keyperson.DecisionRole
	scope    keyperson.Scope
	attitude keyperson.Attitude
	from     time.Time
	to       *time.Time
	ended    string // why the row ended, with to
	e        *ent.KeyPerson
}

type cust struct {
	i          int // 1-based
	spec       custSpec
	ind        industrySpec
	owner      *ent.User
	team       *ent.Team
	path       []customer.Stage
	at         map[customer.Stage]time.Time
	lastActive time.Time
	samples    []*samplePlan
	orders     []*orderPlan
	contacts   []*contactPlan
	inter      []*interPlan
	planned    []*interPlan // visits planned for later today, not yet held
	kps        []*kpPlan
	comp       compSpec
	use        int    // annual usage of the main product, tonnes
	ratings    [5]int // scale, technical level, credit, demand, ease of closing; 0 = not rated
	e          *ent.Customer
}

func (c *cust) has(st customer.Stage) bool { return slices.Contains(c.path, st) }
func (c *cust) terminal() bool             { return c.spec.stage == stDORMANT || c.spec.stage == stLOST }
func (c *cust) inSale() bool {
	return c.spec.stage == stEVALUATION || c.spec.stage == stMAIN || c.spec.stage == stPARTNER
}

// short is the name people use in conversation: 宁波华塑, Meridian.
func (c *cust) short() string {
	n := c.spec.name
	if r, _ := utf8.DecodeRuneInString(n); r < 128 {
		if f := strings.Fields(n); len(f) > 1 {
			return f[1]
		}
		return n
	}
	return string([]rune(n)[:4])
}

type seeder struct {
	ctx    context.Context
	c      *ent.Client
	now    time.Time
	r      *rand.Rand
	res    *Result
	hashes []string

	users  map[string]*ent.User
	teams  map[string]*ent.Team
	prods  []*prod
	prodBy map[string]*prod
	custs  []*cust
	orders []*orderPlan
	batch  map[string][]*batch // by product code
	batchs []*batch
	used   map[string]bool // person names and batch numbers already given out
	issues []*issuePlan
	today  todayPlan
}

// todayPlan is what rep1's Today list shows besides the ordinary follow-ups: a visit
// planned for later today, a task due today, an order past its delivery date and a
// sample shipped long ago and never confirmed received.
type todayPlan struct {
	visitCust *cust
	held      *orderPlan
	sample    *samplePlan
	sampleOf  *cust
}

func (s *seeder) run() error {
	steps := []struct {
		name string
		f    func() error
	}{
		{"users", s.seedUsers},
		{"products", s.seedProducts},
		{"exchange rates", s.seedMoney},
		{"plan", s.plan},
		{"customers", s.seedCustomers},
		{"contacts", s.seedContacts},
		{"interactions", s.seedInteractions},
		{"key persons", s.seedKeyPersons},
		{"needs", s.seedNeedsCompetitorsPitches},
		{"tasks", s.seedTasks},
		{"orders", s.seedOrders},
		{"samples", s.seedSamples},
		{"documents", s.seedDocuments},
		{"service documents", s.seedServiceDocuments},
		{"issues", s.seedIssues},
		{"change notices", s.seedChangeNotices},
		{"quotations", s.seedQuotations},
		{"projects", s.seedProjects},
		{"stock", s.seedStock},
		{"market info", s.seedMarketInfo},
		{"assistance", s.seedAssistance},
		{"stage history", s.seedStageHistory},
		{"persons", s.countPersons},
	}
	for _, st := range steps {
		if err := st.f(); err != nil {
			return fmt.Errorf("%s: %w", st.name, err)
		}
	}
	return nil
}

// ---------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------

func days(d float64) time.Duration { return time.Duration(d * float64(24*time.Hour)) }

func (s *seeder) between(lo, hi float64) float64 { return lo + s.r.Float64()*(hi-lo) }
func (s *seeder) pick(n int) int                 { return s.r.IntN(n) }
func (s *seeder) chance(p float64) bool          { return s.r.Float64() < p }

// ago is the moment d days before now, to the minute.
func (s *seeder) ago(d float64) time.Time { return s.now.Add(-days(d)).Truncate(time.Minute) }

// clampPast keeps a time of something that happened at or before now.
func (s *seeder) clampPast(t time.Time) time.Time {
	if t.After(s.now) {
		return s.now.Add(-time.Duration(5+s.pick(90)) * time.Minute).Truncate(time.Minute)
	}
	return t
}

// office moves t into office hours (09:00–17:30 China time) on the same day.
func (s *seeder) office(t time.Time) time.Time {
	d := t.UTC().Truncate(24 * time.Hour)
	o := d.Add(time.Hour + time.Duration(s.pick(34))*15*time.Minute) // 01:00–09:15 UTC
	return s.clampPast(o)
}

// dueAt is 18:00 China time on the day d days from now.
func (s *seeder) dueAt(d float64) time.Time {
	return s.now.Add(days(d)).Truncate(24 * time.Hour).Add(10 * time.Hour)
}

func (s *seeder) randTime(lo, hi time.Time) time.Time {
	if !hi.After(lo) {
		return lo
	}
	return lo.Add(time.Duration(s.r.Int64N(int64(hi.Sub(lo))))).Truncate(time.Minute)
}

func ptr[T any](v T) *T { return &v }

func fill(tpl string, kv ...string) string { return strings.NewReplacer(kv...).Replace(tpl) }

// clip keeps s within n bytes without cutting a character.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }

func (s *seeder) digits(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + s.pick(10))
	}
	return string(b)
}

func (s *seeder) mobile() string {
	pre := []string{"135", "136", "137", "138", "139", "150", "158", "159", "186", "188", "189", "177"}[s.pick(12)]
	d := s.digits(8)
	return pre + " " + d[:4] + " " + d[4:]
}

// person draws a Chinese name not used before in the demo, with its pinyin parts.
func (s *seeder) person() (name, sPy, g1, g2 string) {
	for {
		sn := surnames[s.pick(len(surnames))]
		gn := givenNames[s.pick(len(givenNames))]
		n := sn[0] + gn[0]
		if s.used[n] {
			continue
		}
		s.used[n] = true
		return n, sn[1], gn[1], gn[2]
	}
}

// priceAt is the list price of p in the month of t.
func (s *seeder) priceAt(p *prod, t time.Time) float64 {
	m := (s.now.Year()-t.Year())*12 + int(s.now.Month()) - int(t.Month())
	return p.list[max(0, min(17, 17-m))]
}

// leadDetail fills in the year (and for Chinaplas the city, which alternates between
// Shenzhen and Shanghai) of the lead found at t.
func leadDetail(detail string, t time.Time) string {
	city := "上海"
	if t.Year()%2 == 1 {
		city = "深圳"
	}
	return strings.NewReplacer("{Y}", fmt.Sprint(t.Year()), "{CITY}", city).Replace(detail)
}

// showDay is the latest day before t on which the trade show named in detail was held.
func showDay(detail string, t time.Time) time.Time {
	month, day := time.April, 20 // Chinaplas
	switch {
	case strings.Contains(detail, "线缆"):
		month, day = time.September, 24
	case strings.Contains(detail, "胶粘剂"):
		month, day = time.September, 12
	}
	d := time.Date(t.Year(), month, day, 2, 0, 0, 0, time.UTC)
	if d.After(t) {
		d = d.AddDate(-1, 0, 0)
	}
	return d
}

// saveBulk creates builders in chunks so no statement outgrows the driver's limits.
func saveBulk[B any, E any](ctx context.Context, bs []B, save func(context.Context, ...B) ([]E, error)) ([]E, error) {
	var out []E
	for i := 0; i < len(bs); i += 100 {
		es, err := save(ctx, bs[i:min(i+100, len(bs))]...)
		if err != nil {
			return nil, err
		}
		out = append(out, es...)
	}
	return out, nil
}

// ---------------------------------------------------------------------------------
// Users, teams, products
// ---------------------------------------------------------------------------------

func (s *seeder) seedUsers() error {
	for _, t := range teamSpecs {
		e, err := s.c.Team.Create().SetName(t.name).SetDescription(t.desc).
			SetCreatedAt(s.ago(560)).SetUpdatedAt(s.ago(560)).Save(s.ctx)
		if err != nil {
			return err
		}
		s.teams[t.key] = e
		s.res.Teams++
	}
	for i, u := range userSpecs {
		b := s.c.User.Create().SetEmail(u.email).SetName(u.name).SetRole(u.role).SetFunction(u.function).
			SetPhone(u.phone).SetLocale(u.locale).SetPasswordHash(s.hashes[i]).
			SetCreatedAt(s.ago(560)).SetUpdatedAt(s.ago(560))
		if u.team != "" {
			b.SetTeamID(s.teams[u.team].ID)
		}
		e, err := b.Save(s.ctx)
		if err != nil {
			return err
		}
		s.users[u.key] = e
		s.res.Users++
		s.res.Logins = append(s.res.Logins, Login{Email: u.email, Role: string(u.role), Name: u.name})
	}
	return nil
}

func (s *seeder) seedProducts() error {
	var points []*ent.PricePointCreate
	for _, ps := range productSpecs {
		p := &prod{spec: ps}
		e, err := s.c.Product.Create().SetCode(ps.code).SetName(ps.name).SetGrade(ps.grade).
			SetCategory(ps.category).SetDescription(ps.desc + "\n" + ps.nameEn + ".").SetUnit("kg").
			SetCreatedAt(s.ago(700)).SetUpdatedAt(s.ago(700)).Save(s.ctx)
		if err != nil {
			return err
		}
		p.e = e
		s.prods = append(s.prods, p)
		s.prodBy[ps.code] = p
		s.res.Products++
		rawNoise := 0.0
		for m := 0; m < 18; m++ {
			x := float64(m) / 17
			at := time.Date(s.now.Year(), s.now.Month()-time.Month(17-m), 1, 2, 0, 0, 0, time.UTC)
			p.list[m] = round2(ps.base * ps.trend(x) * (1 + s.between(-0.012, 0.012)))
			points = append(points, s.c.PricePoint.Create().SetProductID(e.ID).SetKind(pricepoint.KindLIST).
				SetPrice(p.list[m]).SetObservedAt(at).SetSource(ourName+" 价目表").SetCreatedAt(at).SetUpdatedAt(at))
			if ps.market {
				mk := round2(p.list[m] * s.between(0.93, 0.975))
				points = append(points, s.c.PricePoint.Create().SetProductID(e.ID).SetKind(pricepoint.KindMARKET).
					SetPrice(mk).SetObservedAt(at.Add(days(14))).SetSource("卓创资讯 华东市场均价").
					SetCreatedAt(at.Add(days(14))).SetUpdatedAt(at.Add(days(14))))
			}
			if ps.raw != "" {
				rawNoise = 0.6*rawNoise + s.between(-0.02, 0.02)
				rp := round2(ps.rawBase * ps.rawTrend(x) * (1 + rawNoise))
				points = append(points, s.c.PricePoint.Create().SetProductID(e.ID).SetKind(pricepoint.KindRAW_MATERIAL).
					SetPrice(rp).SetObservedAt(at.Add(days(7))).SetSource(ps.raw).
					SetCreatedAt(at.Add(days(7))).SetUpdatedAt(at.Add(days(7))))
			}
		}
	}
	// Market and raw-material points of the current month may lie ahead of now.
	var past []*ent.PricePointCreate
	for _, b := range points {
		if at, _ := b.Mutation().ObservedAt(); !at.After(s.now) {
			past = append(past, b)
		}
	}
	if _, err := saveBulk(s.ctx, past, func(ctx context.Context, bs ...*ent.PricePointCreate) ([]*ent.PricePoint, error) {
		return s.c.PricePoint.CreateBulk(bs...).Save(ctx)
	}); err != nil {
		return err
	}
	s.res.PricePoints = len(past)
	return nil
}

// ---------------------------------------------------------------------------------
// Planning: every account's timeline, samples, orders, contacts and conversations are
// decided in memory first, so dates agree with each other before anything is written.
// ---------------------------------------------------------------------------------

var mainPath = []customer.Stage{stPROSPECT, stCONTACTED, stVISITED, stSAMPLING, stTRIAL, stEVALUATION, stMAIN, stPARTNER}

// pathFor is the stages an account went through, in order.
func pathFor(sp custSpec) []customer.Stage {
	last := sp.stage
	if sp.pre != "" {
		last = sp.pre
	}
	var p []customer.Stage
	for _, st := range mainPath {
		p = append(p, st)
		if st == last {
			break
		}
	}
	if last != sp.stage {
		p = append(p, sp.stage)
	}
	return p
}

// A sample's steps, and the day (from the request, at pace 1) each is reached.
var sampleSteps = []sample.Status{smREQUESTED, smPREPARED, smSHIPPED, smRECEIVED, smLAB, smPILOT, smAPPROVED, smCONVERTED}

var stepDay = map[sample.Status]float64{smREQUESTED: 0, smPREPARED: 2, smSHIPPED: 4, smRECEIVED: 6, smLAB: 10, smPILOT: 29, smAPPROVED: 53, smCONVERTED: 63}

// stepEnd is when an unfinished sample leaves its step (the lab trial ends on day 24,
// the pilot trial on day 50).
var stepEnd = map[sample.Status]float64{smREQUESTED: 2, smPREPARED: 4, smSHIPPED: 6, smRECEIVED: 10, smLAB: 24, smPILOT: 50, smAPPROVED: 63}

const labEnd, pilotEnd = 24.0, 50.0

func stepIdx(st sample.Status) int { return slices.Index(sampleSteps, st) }

func (sp *samplePlan) reached(st sample.Status) bool { return stepIdx(st) <= stepIdx(sp.last) }

func (sp *samplePlan) at(st sample.Status) time.Time {
	return sp.req.Add(days(stepDay[st] * sp.f)).Truncate(time.Minute)
}

func (sp *samplePlan) atDay(d float64) time.Time {
	return sp.req.Add(days(d * sp.f)).Truncate(time.Minute)
}

// progress places a sample that is still under way so that now falls inside its step.
func (s *seeder) progress(sp *samplePlan) {
	sp.last = sp.status
	st := sp.status
	age := (stepDay[st] + s.between(0.15, 0.85)*(stepEnd[st]-stepDay[st])) * sp.f
	sp.req = s.ago(age)
}

// lateSample is the sample (account, index) shipped more than
// samplerules.ShippedNotReceivedDays ago and never confirmed received: it shows on its
// owner's (rep1's) Today list.
var lateSample = struct{ cust, k int }{18, 1}

// progressOf places a sample under way, the late one past the shipped-not-received limit.
func (s *seeder) progressOf(c *cust, k int, sp *samplePlan) {
	if c.i == lateSample.cust && k == lateSample.k && sp.status == smSHIPPED {
		sp.last = smSHIPPED
		late := float64(samplerules.ShippedNotReceivedDays)
		sp.req = s.ago(stepDay[smSHIPPED]*sp.f + s.between(late+1, late+5))
		return
	}
	s.progress(sp)
}

func (s *seeder) convert(sp *samplePlan, o *orderPlan) {
	sp.last, sp.order, sp.endAt = smCONVERTED, o, o.at
	sp.req = o.at.Add(-days(stepDay[smCONVERTED] * sp.f)).Truncate(time.Minute)
}

func (s *seeder) fail(sp *samplePlan, t time.Time, atPilot bool) {
	sp.last, sp.endAt = smLAB, t
	end := labEnd
	if atPilot {
		sp.last, end = smPILOT, pilotEnd
	}
	sp.req = t.Add(-days(end * sp.f)).Truncate(time.Minute)
}

func (s *seeder) abandon(sp *samplePlan, t time.Time, after sample.Status) {
	sp.last, sp.endAt = after, t
	sp.req = t.Add(-days(stepDay[after]*sp.f + s.between(3, 15))).Truncate(time.Minute)
}

func (s *seeder) plan() error {
	teamOf := map[string]string{}
	for _, u := range userSpecs {
		teamOf[u.key] = u.team
	}
	for i, sp := range custSpecs {
		c := &cust{i: i + 1, spec: sp, ind: industries[sp.ind], owner: s.users[sp.owner], team: s.teams[teamOf[sp.owner]]}
		if c.owner == nil || c.team == nil || c.ind.label == "" {
			return fmt.Errorf("%s: bad owner or industry", sp.name)
		}
		main := s.prodBy[sp.prods[0]]
		c.comp = main.spec.comps[c.i%len(main.spec.comps)]
		c.use = c.ind.usage[0] + s.pick(c.ind.usage[1]-c.ind.usage[0]+1)
		if err := s.planTimeline(c); err != nil {
			return fmt.Errorf("%s: %w", sp.name, err)
		}
		s.planContacts(c)
		s.planInteractions(c)
		s.planKeyPersons(c)
		s.custs = append(s.custs, c)
	}
	if err := s.planAdvisor(); err != nil {
		return err
	}
	if err := s.planToday(); err != nil {
		return err
	}
	s.numberOrders()
	return s.planIssues()
}

// The advisor: the technical contact of a compounder in trial, our champion there, also
// advises a partner account on its new line and is our champion there too. The
// partner's rep entered him with the same mobile written another way, so he is one
// Person at two accounts: the analysts' "key persons who are champions at more than
// one customer".
const (
	advisorHome    = "嘉兴瑞丰塑胶有限公司"
	advisorAdvised = "宁波华塑新材料有限公司"
)

func (s *seeder) planAdvisor() error {
	var home, advised *cust
	for _, c := range s.custs {
		switch c.spec.name {
		case advisorHome:
			home = c
		case advisorAdvised:
			advised = c
		}
	}
	if home == nil || advised == nil {
		return fmt.Errorf("advisor: no account %s or %s", advisorHome, advisorAdvised)
	}
	tech := home.contactIn(contact.DepartmentTECHNICAL)
	champion := false
	for _, kp := range home.kps {
		champion = champion || kp.ct == tech && kp.attitude == keyperson.AttitudeCHAMPION && kp.to == nil
	}
	if tech == nil || tech.mobile == "" || !champion {
		return fmt.Errorf("advisor: %s has no technical champion with a mobile", advisorHome)
	}
	since := tech.known
	if p := advised.at[stPARTNER]; p.After(since) {
		since = p
	}
	since = since.Add(days(21))
	if latest := s.now.Add(-days(7)).Truncate(time.Minute); since.After(latest) {
		since = latest
	}
	ct := &contactPlan{
		name: tech.name, py: tech.py, title: "外聘技术顾问", dept: contact.DepartmentTECHNICAL,
		mobile: "+86 " + strings.ReplaceAll(tech.mobile, " ", "-"), wechat: tech.wechat,
		notes: home.short() + tech.title + "，兼任" + advised.short() + "新产线的外聘技术顾问，助剂选型听他的意见。",
		known: since,
	}
	advised.contacts = append(advised.contacts, ct)
	advised.kps = append(advised.kps, &kpPlan{ct: ct, role: keyperson.DecisionRoleTECHNICAL_EVALUATOR,
		scope: keyperson.ScopeNEW_PRODUCT_TRIAL, attitude: keyperson.AttitudeCHAMPION, from: since})
	return nil
}

// countPersons reports the persons the contact hooks derived while seeding.
func (s *seeder) countPersons() error {
	n, err := s.c.Person.Query().Count(s.ctx)
	s.res.Persons = n
	return err
}

// planToday sets up what rep1 finds on the Today list relative to now: a visit
// planned for later today (a few hours ahead, or just begun when the day is nearly
// over), an order held up in transit past its delivery date, and the late sample.
// Tasks due today and overdue are added with the tasks.
func (s *seeder) planToday() error {
	rep := s.users["rep1"]
	for _, c := range s.custs {
		if c.owner != rep {
			continue
		}
		if s.today.visitCust == nil && c.has(stMAIN) && !c.terminal() {
			s.today.visitCust = c
		}
		if n := len(c.orders); s.today.held == nil && n > 0 {
			if o := c.orders[n-1]; o.shipped != nil && !o.cancelled {
				o.hold()
				if !o.promised().Before(s.now) || !o.promised().After(*o.shipped) {
					return fmt.Errorf("today: order of %s held at %s is not past its delivery date", c.spec.name, o.at)
				}
				s.today.held = o
			}
		}
		for k, sp := range c.samples {
			if c.i == lateSample.cust && k == lateSample.k {
				s.today.sample, s.today.sampleOf = sp, c
			}
		}
	}
	if s.today.visitCust == nil || s.today.held == nil || s.today.sample == nil {
		return errors.New("today: rep1 has no account to visit, no shipped order or no late sample")
	}
	c := s.today.visitCust
	at := s.now.Add(3 * time.Hour).Truncate(time.Minute)
	if !at.Truncate(24 * time.Hour).Equal(s.now.Truncate(24 * time.Hour)) {
		at = s.now.Add(-5 * time.Minute).Truncate(time.Minute)
	}
	code := c.samples[0].p.spec.code
	topic := "季度质量回顾，了解下季度需求"
	for _, sp := range c.samples {
		if sp.status == smLAB || sp.status == smPILOT {
			code = sp.p.spec.code
			topic = map[sample.Status]string{smLAB: "小样", smPILOT: "中试"}[sp.status] + "进展，季度质量回顾和下季度需求"
		}
	}
	ip := &interPlan{kind: interaction.KindVISIT, phase: c.phaseAt(at), at: at, planned: true,
		summary:   "计划拜访" + c.short() + "：跟进 " + code + " " + topic,
		materials: code + " 试验数据对比、季度质量与交付统计、价格趋势简报",
		topics:    []string{tTECHNICAL, tPRODUCT, tMARKET},
		ours:      []*ent.User{c.owner, s.tech(c)},
		theirs:    c.theirs(at, contact.DepartmentTECHNICAL, contact.DepartmentPURCHASING),
	}
	c.planned = append(c.planned, ip)
	return nil
}

// dueToday is a moment later today (UTC): 18:00 China time if that is still ahead,
// else halfway to midnight.
func (s *seeder) dueToday() time.Time {
	sod := s.now.Truncate(24 * time.Hour)
	if t := sod.Add(10 * time.Hour); t.After(s.now) {
		return t
	}
	t := s.now.Add(sod.Add(24*time.Hour).Sub(s.now) / 2)
	if m := t.Truncate(time.Minute); !m.Before(s.now) {
		return m
	}
	return t
}

func (s *seeder) planTimeline(c *cust) error {
	sp := c.spec
	c.path = pathFor(sp)
	c.at = map[customer.Stage]time.Time{}
	for k, st := range sp.samples {
		c.samples = append(c.samples, &samplePlan{p: s.prodBy[sp.prods[k%len(sp.prods)]], status: st, f: s.between(0.85, 1.2)})
	}
	// The first sample anchors the account's history.
	if len(c.samples) > 0 {
		first := c.samples[0]
		switch first.status {
		case smCONVERTED:
			r := map[customer.Stage][2]float64{stEVALUATION: {45, 80}, stMAIN: {330, 380}, stPARTNER: {400, 440}, stDORMANT: {380, 420}, stLOST: {260, 300}}[sp.stage]
			c.at[stEVALUATION] = s.ago(s.between(r[0], r[1]))
		case smFAILED:
			r := map[customer.Stage][2]float64{stDORMANT: {230, 260}, stLOST: {150, 180}}[sp.stage]
			s.fail(first, s.ago(s.between(r[0], r[1])), false)
		case smABANDONED:
			r := map[customer.Stage][2]float64{stDORMANT: {250, 280}, stLOST: {170, 200}}[sp.stage]
			after := smPREPARED
			if c.has(stSAMPLING) {
				after = smRECEIVED
			}
			s.abandon(first, s.ago(s.between(r[0], r[1])), after)
		default:
			s.progressOf(c, 0, first)
		}
	}
	if c.has(stEVALUATION) {
		s.planOrders(c)
	}
	// Further samples: new products tried alongside or after the first.
	lo, hi := s.ago(40), s.ago(3)
	if c.has(stEVALUATION) {
		lo = c.at[stEVALUATION].Add(days(10))
		if c.terminal() {
			hi = c.orders[len(c.orders)-1].at.Add(days(20))
		}
	}
	for k := 1; k < len(c.samples); k++ {
		smp := c.samples[k]
		switch smp.status {
		case smCONVERTED: // placed with its evaluation order
		case smFAILED:
			s.fail(smp, s.randTime(lo, hi), s.chance(0.5))
		case smABANDONED:
			s.abandon(smp, s.randTime(lo, hi), []sample.Status{smPREPARED, smRECEIVED}[s.pick(2)])
		default:
			s.progressOf(c, k, smp)
		}
	}
	// Stage dates follow from the samples and orders.
	var firstReq, firstShip, firstLab time.Time
	for _, smp := range c.samples {
		if firstReq.IsZero() || smp.req.Before(firstReq) {
			firstReq = smp.req
		}
		if smp.reached(smSHIPPED) && (firstShip.IsZero() || smp.at(smSHIPPED).Before(firstShip)) {
			firstShip = smp.at(smSHIPPED)
		}
		if smp.reached(smLAB) && (firstLab.IsZero() || smp.at(smLAB).Before(firstLab)) {
			firstLab = smp.at(smLAB)
		}
	}
	if c.has(stSAMPLING) {
		c.at[stSAMPLING] = firstShip
	}
	if c.has(stTRIAL) {
		c.at[stTRIAL] = firstLab
	}
	if c.has(stVISITED) {
		if !firstReq.IsZero() {
			c.at[stVISITED] = s.office(firstReq.Add(-days(s.between(10, 30))))
		} else {
			c.at[stVISITED] = s.office(s.ago(s.between(7, 40)))
		}
	}
	if c.has(stCONTACTED) {
		if v, ok := c.at[stVISITED]; ok {
			c.at[stCONTACTED] = s.office(v.Add(-days(s.between(15, 40))))
		} else {
			c.at[stCONTACTED] = s.office(s.ago(s.between(10, 35)))
		}
	}
	if v, ok := c.at[stCONTACTED]; ok {
		c.at[stPROSPECT] = s.office(v.Add(-days(s.between(3, 30))))
	} else {
		c.at[stPROSPECT] = s.office(s.ago(s.between(5, 45)))
	}
	if sp.lead == customer.LeadSourceTRADE_SHOW {
		// The lead is the day we met at the show.
		c.at[stPROSPECT] = s.office(showDay(sp.detail, c.at[stPROSPECT]))
	}
	switch {
	case c.terminal():
		var last time.Time
		for _, smp := range c.samples {
			if smp.endAt.After(last) {
				last = smp.endAt
			}
		}
		for _, o := range c.orders {
			if o.at.After(last) {
				last = o.at
			}
		}
		gap := s.between(7, 25)
		if sp.stage == stDORMANT {
			gap = s.between(90, 120)
		}
		c.at[sp.stage] = s.office(last.Add(days(gap)))
		c.lastActive = c.at[sp.stage]
	case sp.stage == stPROSPECT:
		c.lastActive = c.at[stPROSPECT]
	default:
		c.lastActive = s.ago(s.between(0.3, 4))
	}
	var prev time.Time
	for _, st := range c.path {
		t, ok := c.at[st]
		if !ok || t.IsZero() {
			return fmt.Errorf("no date for stage %s", st)
		}
		if !t.After(prev) || t.After(s.now) {
			return fmt.Errorf("stage %s at %s is out of order", st, t)
		}
		prev = t
	}
	return nil
}

// planOrders places the evaluation orders (one per converted sample, at least two), then
// the regular orders of a main supplier, spaced a month or so apart up to now.
func (s *seeder) planOrders(c *cust) {
	var conv []*samplePlan
	for _, smp := range c.samples {
		if smp.status == smCONVERTED {
			conv = append(conv, smp)
		}
	}
	n := max(len(conv), 2)
	e0 := c.at[stEVALUATION]
	t := e0
	var evals []*orderPlan
	for k := 0; k < n; k++ {
		if k > 0 {
			if c.spec.stage == stEVALUATION {
				last := s.ago(latestOrderAge[c.i-1])
				t = e0.Add(time.Duration(float64(last.Sub(e0)) * float64(k) / float64(n-1))).Truncate(time.Minute)
			} else {
				t = t.Add(days(s.between(20, 35))).Truncate(time.Minute)
			}
		}
		evals = append(evals, s.newOrder(c, t, true, false, []*prod{conv[k%len(conv)].p}))
	}
	for k, smp := range conv {
		s.convert(smp, evals[k])
	}
	if c.has(stMAIN) {
		c.at[stMAIN] = s.office(e0.Add(days(s.between(100, 150))))
		if c.has(stPARTNER) {
			p := c.at[stMAIN].Add(days(s.between(150, 200)))
			if p.After(s.ago(30)) {
				p = s.ago(s.between(30, 40))
			}
			c.at[stPARTNER] = s.office(p)
		}
		var ps []*prod
		for _, smp := range conv {
			if !slices.Contains(ps, smp.p) {
				ps = append(ps, smp.p)
			}
		}
		var ts []time.Time
		for t := s.ago(latestOrderAge[c.i-1]); t.After(c.at[stMAIN]); t = t.Add(-days(s.between(25, 45))).Truncate(time.Minute) {
			ts = append(ts, t)
		}
		slices.Reverse(ts)
		for _, t := range ts {
			perm := s.r.Perm(len(ps))
			var lines []*prod
			for _, j := range perm[:1+s.pick(len(ps))] {
				lines = append(lines, ps[j])
			}
			s.newOrder(c, t, false, false, lines)
		}
	}
	if c.spec.stage == stLOST {
		// A third order was placed and then cancelled: the account was being lost.
		s.newOrder(c, t.Add(days(s.between(25, 35))).Truncate(time.Minute), false, true, []*prod{conv[0].p})
	}
}

func (s *seeder) newOrder(c *cust, t time.Time, eval, cancelled bool, ps []*prod) *orderPlan {
	o := &orderPlan{c: c, at: s.clampPast(t), eval: eval, cancelled: cancelled, payDays: s.between(30, 45)}
	for _, p := range ps {
		pk := p.spec.pkg
		var n int
		switch {
		case eval && pk <= 25:
			n = 2 + s.pick(7)
		case eval:
			n = 1 + s.pick(2)
		case pk <= 25:
			n = 20 + s.pick(160)
		default:
			n = 3 + s.pick(15)
		}
		price := s.priceAt(p, o.at)
		if !eval {
			price *= s.between(0.93, 0.98)
		}
		o.lines = append(o.lines, &linePlan{p: p, qty: float64(n) * pk, price: round2(price)})
	}
	s.orderTimes(o)
	if o.contract != nil {
		for _, l := range o.lines {
			l.b = s.batchFor(l.p, o.at)
		}
	}
	c.orders = append(c.orders, o)
	s.orders = append(s.orders, o)
	return o
}

// orderTimes fills the checklist of an order in order, up to now, and the status it implies.
func (s *seeder) orderTimes(o *orderPlan) {
	off := func(d float64) *time.Time {
		t := o.at.Add(days(d)).Truncate(time.Minute)
		if t.After(s.now) {
			return nil
		}
		return &t
	}
	o.confirmed = off(0.25)
	if o.cancelled {
		o.status = order.StatusCANCELLED
		o.cancelledAt = off(2)
		if o.cancelledAt == nil {
			o.cancelledAt = ptr(s.clampPast(o.at.Add(days(2)).Truncate(time.Minute)))
		}
		o.cancelReason = "客户取消：第二批评估订单质量问题后暂停采购，转回原供应商。"
		return
	}
	o.contract, o.prodCheck, o.batchCk, o.label, o.pack = off(1), off(5), off(5.5), off(6), off(6.5)
	o.shipped, o.delivered, o.invoiced = off(7), off(9), off(12)
	o.paid, o.closed = off(o.payDays), off(o.payDays+1)
	switch {
	case o.closed != nil:
		o.status = order.StatusCLOSED
	case o.invoiced != nil:
		o.status = order.StatusINVOICED
	case o.delivered != nil:
		o.status = order.StatusDELIVERED
	case o.shipped != nil:
		o.status = order.StatusSHIPPED
	case o.contract != nil:
		o.status = order.StatusIN_PRODUCTION
	default:
		o.status = order.StatusOPEN
	}
}

// hold keeps a shipped order in transit past its delivery date: not delivered, not
// invoiced.
func (o *orderPlan) hold() {
	o.held = true
	o.delivered, o.invoiced, o.paid, o.closed = nil, nil, nil, nil
	o.status = order.StatusSHIPPED
}

// promised is the delivery date (交期) given on confirmation: ten days out, six for the
// orders that turned out late, eight for the one held up in transit.
func (o *orderPlan) promised() time.Time {
	d := 10.0
	switch {
	case o.late:
		d = 6
	case o.held:
		d = 8
	}
	return o.at.Add(days(d)).Truncate(24 * time.Hour).Add(10 * time.Hour)
}

// batchFor finds or makes the production batch an order line ships from: produced
// a few days to weeks before the order, shared by orders of the same month.
func (s *seeder) batchFor(p *prod, at time.Time) *batch {
	want := at.Add(-days(s.between(3, 25)))
	ym := want.Format("0601")
	for _, b := range s.batch[p.spec.code] {
		if b.date.Format("0601") == ym && !b.date.After(at) {
			return b
		}
	}
	var no string
	for {
		no = fmt.Sprintf("B%s-%03d", ym, 100+s.pick(900))
		if !s.used[no] {
			break
		}
	}
	s.used[no] = true
	b := &batch{no: no, p: p, date: want.Truncate(24 * time.Hour).Add(2 * time.Hour)}
	s.batch[p.spec.code] = append(s.batch[p.spec.code], b)
	s.batchs = append(s.batchs, b)
	return b
}

func (s *seeder) numberOrders() {
	sorted := slices.Clone(s.orders)
	slices.SortStableFunc(sorted, func(a, b *orderPlan) int { return a.at.Compare(b.at) })
	seq := map[int]int{}
	for _, o := range sorted {
		y := o.at.Year()
		seq[y]++
		o.number = fmt.Sprintf("SO-%d-%04d", y, seq[y])
	}
}

func (c *cust) firstAt(sts ...customer.Stage) time.Time {
	for _, st := range sts {
		if t, ok := c.at[st]; ok {
			return t
		}
	}
	return c.at[stPROSPECT]
}

func (s *seeder) planContacts(c *cust) {
	n := map[customer.Stage]int{stPROSPECT: 2, stCONTACTED: 2, stVISITED: 3, stSAMPLING: 3, stTRIAL: 3,
		stEVALUATION: 4, stMAIN: 4, stPARTNER: 4, stDORMANT: 3, stLOST: 3}[c.spec.stage]
	depts := []contact.Department{contact.DepartmentTECHNICAL, contact.DepartmentPURCHASING, contact.DepartmentGENERAL_MANAGEMENT,
		[]contact.Department{contact.DepartmentQC, contact.DepartmentWAREHOUSE, contact.DepartmentPRODUCTION}[c.i%3]}
	known := []time.Time{
		c.at[stPROSPECT],
		c.firstAt(stCONTACTED),
		c.firstAt(stVISITED, stCONTACTED),
		c.firstAt(stEVALUATION, stVISITED, stCONTACTED),
	}
	domain := strings.TrimPrefix(strings.TrimPrefix(c.spec.web, "https://"), "www.")
	area := areaCodes[c.spec.city]
	for k := 0; k < n; k++ {
		name, sPy, g1, g2 := s.person()
		titles := deptTitles[depts[k]]
		d := s.digits(8)
		cp := &contactPlan{
			name: name, py: sPy + g1 + g2, title: titles[s.pick(len(titles))], dept: depts[k],
			phone: area + "-" + d[:4] + " " + d[4:],
			email: sPy + g1[:1] + g2[:1] + "@" + domain,
			known: known[k],
		}
		if c.spec.stage != stPROSPECT {
			cp.mobile = s.mobile()
			cp.wechat = fmt.Sprintf("%s%s%s%02d", sPy, g1, g2, s.pick(100))
			if c.has(stVISITED) {
				cp.notes = contactNotes[s.pick(len(contactNotes))]
			}
		}
		c.contacts = append(c.contacts, cp)
	}
}

func (c *cust) contactIn(d contact.Department) *contactPlan {
	for _, cp := range c.contacts {
		if cp.dept == d {
			return cp
		}
	}
	return nil
}

// theirs picks the customer's people for a conversation: the first known contact of
// each preferred department.
func (c *cust) theirs(at time.Time, prefs ...contact.Department) []*contactPlan {
	var out []*contactPlan
	for _, d := range prefs {
		if cp := c.contactIn(d); cp != nil && !cp.known.After(at) && !slices.Contains(out, cp) {
			out = append(out, cp)
		}
	}
	if len(out) == 0 {
		out = append(out, c.contacts[0])
	}
	return out
}

func (c *cust) phaseAt(t time.Time) interaction.Phase {
	switch {
	case c.has(stMAIN) && !t.Before(c.at[stMAIN]):
		return interaction.PhaseAFTER_SALE
	case c.has(stEVALUATION) && !t.Before(c.at[stEVALUATION]):
		return interaction.PhaseIN_SALE
	}
	return interaction.PhasePRE_SALE
}

// tpl is the text of one kind of conversation. Placeholders: {who} {title} their main
// person; {cust} the account; {ours} us; {p}/{code} the product; {comp} the competitor;
// {use} annual usage; {app} {prop} {std} the application; {makes} {equip} {test} the
// customer's plant; {show} the lead; {reason} why an account went quiet or was lost.
type tpl struct {
	kind                                         interaction.Kind
	summary, findings, promises, next, materials string
	topics                                       []string
	private                                      bool
}

var (
	tPRODUCT   = "PRODUCT"
	tTECHNICAL = "TECHNICAL"
	tPRICE     = "PRICE"
	tMARKET    = "MARKET"
	tCOMPANY   = "COMPANY"
	tLIFE      = "LIFE"
	tHOBBIES   = "HOBBIES"
	tSPORTS    = "SPORTS"
)

var tradeShowTpl = tpl{interaction.KindTRADE_SHOW, "展会上与{who}交换名片，初步介绍{ours}（{show}）",
	"对方在找 {code} 同类产品的第二货源，现用{comp}，关注稳定供应和价格", "展后一周内寄送公司资料和 {code} TDS",
	"电话跟进，确认需求和年用量", "展会样册、产品目录、名片", []string{tPRODUCT, tMARKET}, false}

var milestoneTpls = map[customer.Stage]tpl{
	stCONTACTED: {interaction.KindPHONE, "首次电话联系{who}（{title}），介绍{ours}和 {code}",
		"对方目前使用{comp}，年用量约 {use} 吨；关注交期和批次稳定性；新供应商导入须技术部先认可",
		"当天邮件发送公司介绍和 {code} TDS/MSDS", "预约上门拜访，准备与{comp}的对比数据",
		"公司介绍 PPT、{code} 技术说明书", []string{tCOMPANY, tPRODUCT}, false},
	stVISITED: {interaction.KindVISIT, "首次拜访{cust}，参观车间，与技术部、采购部交流",
		"主要产品：{makes}。设备：{equip}。技术关注：{prop}。采购关注价格与账期（现行 60 天）。",
		"两周内提供 {code} 小样及与{comp}的对比测试数据", "准备样品和随样资料（说明书、MSDS、注意事项、标签）",
		"公司画册、{code} TDS/MSDS、应用案例、对比数据", []string{tLIFE, tHOBBIES, tTECHNICAL, tPRODUCT}, false},
	stSAMPLING: {interaction.KindEMAIL, "寄出 {code} 样品，附说明书、MSDS、注意事项，标签注明批号",
		"对方确认收到后一周内安排小样试验，由{who}负责", "到货后电话确认保管条件（阴凉、干燥、密封）",
		"确认收货并跟进小样试验安排", "样品、TDS、MSDS、注意事项、快递单号", []string{tPRODUCT, tTECHNICAL}, false},
	stTRIAL: {interaction.KindVISIT, "技术同事随访，现场跟进 {code} 小样试验",
		"对方按 {std} 测试；关键要求：{prop}。测试设备：{test}。",
		"我方应用实验室同步做对比样，一周内给出加工窗口建议", "整理小样数据，推动中试排期",
		"对比样、加工工艺建议、检测方法说明", []string{tTECHNICAL, tPRODUCT}, false},
	stEVALUATION: {interaction.KindMEETING, "商务会谈：中试通过，确定 {code} 首批评估订单",
		"对方要求同一批次供货、COA 随货、标签按其物料编码打印；首单量小，评估合格后放量",
		"首单 10 天内交货，随货附 COA 和 MSDS", "确认合同条款和到货检验标准",
		"报价单、合同草案、COA 样本", []string{tPRICE, tMARKET, tPRODUCT}, false},
	stMAIN: {interaction.KindMEETING, "年度供货会谈：评估订单全部合格，{ours}成为 {code} 主供应商",
		"对方年需求约 {use} 吨；希望锁定季度价格；品质部要求每批 COA 并保留留样",
		"每季度提供价格趋势报告；建立技术、采购对口联系机制", "签订年度框架合同，安排安全库存",
		"年度供货方案、价格趋势分析、质量统计", []string{tPRICE, tMARKET, tCOMPANY}, false},
	stPARTNER: {interaction.KindMEETING, "高层互访：签订战略合作协议，启动新品联合开发",
		"对方计划开发高端牌号并扩产；愿与我方共同申报项目、共享下游需求信息",
		"技术中心派工程师参与联合开发，每季度一次技术交流会", "确定联合开发立项书和双方分工",
		"合作协议、联合开发计划书、公司资质", []string{tCOMPANY, tMARKET, tTECHNICAL}, false},
	stDORMANT: {interaction.KindPHONE, "回访：对方项目暂停，近期无采购计划",
		"{reason}；{who}仍愿保持联系", "有新品和价格信息第一时间通知", "三个月后再次回访，关注对方新项目",
		"", []string{tMARKET, tCOMPANY}, false},
	stLOST: {interaction.KindVISIT, "拜访{cust}，了解丢单原因",
		"{reason}；采购倾向继续使用{comp}", "保持信息交流，对方如遇质量或供应波动可随时切换",
		"半年后回访，关注竞品供应稳定性", "", []string{tPRICE, tMARKET}, false},
}

var fillerTpls = map[interaction.Phase][]tpl{
	interaction.PhasePRE_SALE: {
		{interaction.KindPHONE, "电话跟进：{who}对 {code} 资料的反馈", "对方已看过 TDS，关心与{comp}的性价比和供货周期",
			"补充提供第三方检测报告", "约定下次拜访时间", "", []string{tPRODUCT, tPRICE}, false},
		{interaction.KindCHAT, "微信沟通：{who}咨询 {code} 的推荐添加量", "对方现用{comp}，添加量偏高，成本压力大",
			"发送推荐配方窗口和添加量曲线", "跟进对方实验安排", "", []string{tTECHNICAL}, false},
		{interaction.KindEMAIL, "邮件发送公司资质（ISO 9001、REACH）及 {code} SGS 报告", "对方供应商准入需要营业执照、体系证书和环保报告",
			"", "确认资料是否齐全", "ISO 9001 证书、REACH 注册证明、SGS 报告", []string{tCOMPANY, tPRODUCT}, false},
		{interaction.KindVISIT, "再次拜访技术部，讨论{app}的工艺难点", "对方“{prop}”尚未稳定达标，愿意尝试新方案",
			"我方技术人员一周内给出改进建议", "准备针对性样品方案", "应用案例、改进方案草稿", []string{tTECHNICAL, tHOBBIES}, false},
	},
	interaction.PhaseIN_SALE: {
		{interaction.KindPHONE, "电话确认评估订单到货及来料检验结果", "来料检验合格，COA 与实测一致；仓库反映外包装标识清楚",
			"下批继续保持同一批次供货", "跟进生产线使用情况", "", []string{tPRODUCT}, false},
		{interaction.KindVISIT, "回访生产线，了解 {code} 批量使用情况", "连续生产 3 个班次，加工稳定；操作工反映下料顺畅",
			"提供批次稳定性统计数据", "争取扩大用量、纳入年度采购计划", "批次稳定性统计表", []string{tTECHNICAL, tPRODUCT}, false},
		{interaction.KindCHAT, "微信沟通下批订单交期", "对方下月排产增加，需要提前备货",
			"提前一周安排生产并锁定批次", "确认下批订单数量", "", []string{tPRODUCT, tMARKET}, false},
		{interaction.KindEMAIL, "邮件发送评估订单 COA 和发货通知", "对方 QC 要求 COA 增加熔点和灰分项目",
			"从下批起 COA 增加检测项目", "确认新版 COA 模板", "", []string{tPRODUCT}, false},
	},
	interaction.PhaseAFTER_SALE: {
		{interaction.KindVISIT, "例行回访：了解使用情况和下季度需求", "下季度用量预计增加约 15%；对方在评估新产线",
			"提供下季度价格趋势和备货建议", "跟进下季度订单", "价格趋势简报", []string{tMARKET, tPRODUCT, tLIFE}, false},
		{interaction.KindMEETING, "季度质量回顾会：来料合格率、交期达成率", "本季度来料合格率 100%，准时交货率 96%；一次延误已书面说明原因",
			"交期改进措施每月通报", "落实改进措施", "质量与交付统计", []string{tPRODUCT, tCOMPANY}, false},
		{interaction.KindCHAT, "微信发送原料价格走势，提醒备货", "对方采购认可价格信息的价值，考虑提前备货 2 个月",
			"价格如有异动第一时间通知", "确认备货数量", "", []string{tPRICE, tMARKET}, false},
		{interaction.KindPHONE, "电话沟通新项目：{app}升级", "对方计划开发高端牌号，需要性能更好的助剂",
			"安排技术人员上门交流", "组织技术交流会", "", []string{tTECHNICAL, tMARKET}, false},
		{interaction.KindTRADE_SHOW, "在行业展会上与{who}碰面，一同参观新材料展区", "对方关注生物基和可回收材料方向",
			"展后发送相关新材料资料", "展后跟进新材料需求", "", []string{tMARKET, tTECHNICAL}, false},
		{interaction.KindVISIT, "技术交流会：介绍 {code} 新牌号和应用案例", "对方技术部对高端牌号兴趣大，提出{prop}方面的新要求",
			"两周内提供新牌号小样和测试方案", "安排新牌号送样", "新牌号 TDS、应用案例、测试方案", []string{tTECHNICAL, tPRODUCT}, false},
		{interaction.KindEMAIL, "邮件发送年度质量报告和批次统计", "对方品质部确认年度供应商评级为 A 级",
			"明年继续按月提供批次统计", "确认明年框架合同条款", "年度质量报告", []string{tPRODUCT, tCOMPANY}, false},
		{interaction.KindPHONE, "电话确认下月订单和排产", "对方下月用量与本月持平，要求月底前到货",
			"按约定时间发货并提前发送 COA", "确认下月订单", "", []string{tPRODUCT}, false},
	},
}

var giftTpls = []tpl{
	{interaction.KindGIFT, "中秋节拜访并赠送月饼礼盒", "{who}提到家中老人住院，近期较忙", "", "节后再约技术交流", "月饼礼盒", []string{tLIFE}, true},
	{interaction.KindGIFT, "春节前送年货礼盒（龙井茶）", "{who}春节回老家，节后第一周开工", "", "节后确认首批订单", "年货礼盒", []string{tLIFE}, true},
}

var gatheringTpls = []tpl{
	{interaction.KindGATHERING, "与对方技术、采购部周末羽毛球活动后聚餐", "气氛融洽；{who}透露明年将扩建一条产线", "",
		"跟进扩产项目的助剂需求", "", []string{tSPORTS, tHOBBIES, tLIFE}, false},
	{interaction.KindGATHERING, "晚宴：与对方总经理、采购经理交流", "总经理关注上市准备和供应链安全，希望供应商长期稳定合作", "",
		"准备供应保障方案", "", []string{tCOMPANY, tLIFE}, true},
}

var stageReasons = map[int]string{
	35: "对方主要客户订单下滑，产线开工率不足 50%",
	36: "对方采购换人，新采购不再推进试样",
	37: "对方扩产项目因资金问题暂停",
	38: "竞品报价低约 8%，并给 90 天账期",
	39: "对方集团统一招标，选择了集团合格供应商",
	40: "第二批评估订单出现质量问题后对方失去信心，转回原供应商",
}

// prefs are the customer departments a kind of conversation usually involves.
func prefs(kind interaction.Kind, phase interaction.Phase) []contact.Department {
	T, P, G := contact.DepartmentTECHNICAL, contact.DepartmentPURCHASING, contact.DepartmentGENERAL_MANAGEMENT
	switch kind {
	case interaction.KindVISIT:
		if phase == interaction.PhaseAFTER_SALE {
			return []contact.Department{P, contact.DepartmentQC, contact.DepartmentPRODUCTION, contact.DepartmentWAREHOUSE}
		}
		return []contact.Department{T, P}
	case interaction.KindMEETING:
		return []contact.Department{G, P, T}
	case interaction.KindGIFT:
		return []contact.Department{G}
	case interaction.KindGATHERING:
		return []contact.Department{T, P}
	case interaction.KindTRADE_SHOW:
		return []contact.Department{T}
	}
	if phase == interaction.PhasePRE_SALE {
		return []contact.Department{T}
	}
	return []contact.Department{P}
}

func (s *seeder) tech(c *cust) *ent.User {
	if c.i%2 == 1 {
		return s.users["tech1"]
	}
	return s.users["tech2"]
}

func (s *seeder) planInteractions(c *cust) {
	if c.spec.stage == stPROSPECT {
		return
	}
	main := s.prodBy[c.spec.prods[0]]
	if len(c.samples) > 0 {
		main = c.samples[0].p
	}
	show := leadDetail(c.spec.detail, c.at[stPROSPECT])
	// add plans one conversation; exact keeps its time (a stage move happens at that
	// conversation), otherwise the time moves into office hours.
	add := func(t tpl, at time.Time, phase interaction.Phase, milestone customer.Stage, exact bool) *interPlan {
		if !exact {
			at = s.office(at)
		}
		ip := &interPlan{kind: t.kind, phase: phase, at: at, private: t.private, topics: t.topics}
		ip.theirs = c.theirs(ip.at, prefs(t.kind, phase)...)
		if milestone == stTRIAL {
			ip.theirs = c.theirs(ip.at, contact.DepartmentTECHNICAL, contact.DepartmentPRODUCTION, contact.DepartmentQC)
		}
		ip.ours = []*ent.User{c.owner}
		addUser := func(u *ent.User) {
			if !slices.Contains(ip.ours, u) {
				ip.ours = append(ip.ours, u)
			}
		}
		switch {
		case milestone == stTRIAL, t.kind == interaction.KindGATHERING,
			t.kind == interaction.KindVISIT && slices.Contains(t.topics, tTECHNICAL):
			addUser(s.tech(c))
		}
		switch milestone {
		case stEVALUATION, stMAIN:
			addUser(s.users["manager"])
		case stPARTNER:
			addUser(s.users["manager"])
			addUser(s.users["admin"])
		}
		who := ip.theirs[0]
		kv := []string{"{who}", who.name, "{title}", who.title, "{cust}", c.short(), "{ours}", ourName,
			"{p}", main.spec.code + " " + main.spec.name, "{code}", main.spec.code, "{comp}", c.comp.name + " " + c.comp.product,
			"{use}", fmt.Sprint(c.use), "{app}", main.spec.app.application, "{prop}", main.spec.app.keyProps,
			"{std}", main.spec.app.standard, "{makes}", c.ind.makes, "{equip}", c.ind.equipment, "{test}", c.ind.testEquip,
			"{show}", show, "{reason}", stageReasons[c.i]}
		ip.summary = clip(fill(t.summary, kv...), 300)
		ip.findings = fill(t.findings, kv...)
		ip.promises = fill(t.promises, kv...)
		ip.next = fill(t.next, kv...)
		ip.materials = fill(t.materials, kv...)
		c.inter = append(c.inter, ip)
		return ip
	}
	if c.spec.lead == customer.LeadSourceTRADE_SHOW {
		add(tradeShowTpl, c.at[stPROSPECT], interaction.PhasePRE_SALE, "", true)
	}
	for _, st := range c.path {
		t, ok := milestoneTpls[st]
		if !ok {
			continue
		}
		at, phase, exact := c.at[st], c.phaseAt(c.at[st]), true
		switch st {
		case stCONTACTED, stVISITED, stSAMPLING:
			phase = interaction.PhasePRE_SALE
		case stTRIAL:
			at, phase, exact = s.clampPast(at.Add(days(2))), interaction.PhasePRE_SALE, false
		case stEVALUATION:
			at, phase, exact = at.Add(-days(3)), interaction.PhaseIN_SALE, false
		}
		add(t, at, phase, st, exact)
	}
	// Everyday conversations, spread over the relationship; an account being worked
	// has been touched in the last few days.
	fillers := map[customer.Stage]int{stCONTACTED: 1, stVISITED: 2, stSAMPLING: 2, stTRIAL: 3, stEVALUATION: 4,
		stMAIN: 6, stPARTNER: 8, stDORMANT: 2, stLOST: 2}[c.spec.stage]
	lo, hi := c.at[stCONTACTED].Add(days(1)), c.lastActive
	if c.terminal() {
		hi = c.lastActive.Add(-days(10))
	}
	used := map[string]bool{}
	for k := 0; k < fillers; k++ {
		span := hi.Sub(lo)
		at := s.randTime(lo.Add(span*time.Duration(k)/time.Duration(fillers)), lo.Add(span*time.Duration(k+1)/time.Duration(fillers)))
		if k == fillers-1 && !c.terminal() {
			at = hi
		}
		phase := c.phaseAt(at)
		pool := fillerTpls[phase]
		j := s.pick(len(pool))
		for try := 0; try < len(pool) && used[pool[j].summary]; try++ {
			j = (j + 1) % len(pool)
		}
		used[pool[j].summary] = true
		add(pool[j], at, phase, "", false)
	}
	if c.has(stMAIN) {
		// Gifts go with the festivals: before Mid-Autumn (mid-September) and before the
		// Spring Festival (mid-January); the latest one in the relationship.
		type festival struct {
			t   tpl
			day time.Time
		}
		var fs []festival
		for y := c.at[stMAIN].Year(); y <= c.lastActive.Year(); y++ {
			for k, d := range []time.Time{time.Date(y, time.January, 15, 2, 0, 0, 0, time.UTC), time.Date(y, time.September, 12, 2, 0, 0, 0, time.UTC)} {
				if d.After(c.at[stMAIN]) && d.Before(c.lastActive) {
					fs = append(fs, festival{giftTpls[1-k], d})
				}
			}
		}
		if len(fs) > 0 {
			f := fs[s.pick(len(fs))]
			add(f.t, f.day.Add(days(s.between(0, 6))), interaction.PhaseAFTER_SALE, "", false)
		}
		add(gatheringTpls[s.pick(len(gatheringTpls))], s.randTime(c.at[stMAIN], c.lastActive), interaction.PhaseAFTER_SALE, "", false)
	}
	slices.SortStableFunc(c.inter, func(a, b *interPlan) int { return a.at.Compare(b.at) })
	for k, ip := range c.inter {
		var due time.Time
		switch {
		case k < len(c.inter)-1:
			due = ip.at.Add(days(s.between(5, 14)))
		case c.spec.stage == stDORMANT:
			due = ip.at.Add(days(90))
		case c.spec.stage == stLOST:
			due = ip.at.Add(days(180))
		default:
			due = s.dueAt(followUpDue[c.i%len(followUpDue)])
			if floor := ip.at.Add(days(1)); due.Before(floor) {
				due = floor
			}
		}
		ip.due = ptr(due.Truncate(time.Minute))
		for _, cp := range ip.theirs {
			if ip.at.After(cp.last) {
				cp.last = ip.at
			}
		}
	}
}

func (s *seeder) planKeyPersons(c *cust) {
	if !c.has(stCONTACTED) {
		return
	}
	st := c.spec.stage
	tech, pur, gm := c.contactIn(contact.DepartmentTECHNICAL), c.contactIn(contact.DepartmentPURCHASING), c.contactIn(contact.DepartmentGENERAL_MANAGEMENT)
	add := func(ct *contactPlan, role keyperson.DecisionRole, scope keyperson.Scope, att keyperson.Attitude, from time.Time, to *time.Time) {
		if ct != nil {
			c.kps = append(c.kps, &kpPlan{ct: ct, role: role, scope: scope, attitude: att, from: from, to: to})
		}
	}
	byStage := func(m map[customer.Stage]keyperson.Attitude, def keyperson.Attitude) keyperson.Attitude {
		if a, ok := m[st]; ok {
			return a
		}
		return def
	}
	techAtt := byStage(map[customer.Stage]keyperson.Attitude{stCONTACTED: keyperson.AttitudeNEUTRAL, stTRIAL: keyperson.AttitudeCHAMPION,
		stLOST: keyperson.AttitudeSKEPTIC, stDORMANT: keyperson.AttitudeNEUTRAL}, keyperson.AttitudeSUPPORTER)
	purAtt := byStage(map[customer.Stage]keyperson.Attitude{stEVALUATION: keyperson.AttitudeNEUTRAL, stMAIN: keyperson.AttitudeSUPPORTER,
		stPARTNER: keyperson.AttitudeCHAMPION, stLOST: keyperson.AttitudeOPPONENT, stVISITED: keyperson.AttitudeSKEPTIC}, keyperson.AttitudeNEUTRAL)
	gmAtt := byStage(map[customer.Stage]keyperson.Attitude{stMAIN: keyperson.AttitudeSUPPORTER, stPARTNER: keyperson.AttitudeCHAMPION}, keyperson.AttitudeNEUTRAL)
	if c.inSale() {
		// The new-product key person (technical) hands over to the purchasing side once
		// the account buys: the old row ends, a new one starts.
		end := c.at[stEVALUATION]
		add(tech, keyperson.DecisionRoleTECHNICAL_EVALUATOR, keyperson.ScopeNEW_PRODUCT_TRIAL, keyperson.AttitudeCHAMPION, c.at[stCONTACTED], &end)
		if n := len(c.kps); n > 0 && c.kps[n-1].to != nil {
			c.kps[n-1].ended = "转入采购流程后由采购部主导；技术部仍参与新品试样"
		}
		add(pur, keyperson.DecisionRoleINFLUENCER, keyperson.ScopeMATURE_REPLACEMENT, purAtt, end, nil)
		add(gm, keyperson.DecisionRoleDECISION_MAKER, keyperson.ScopeBOTH, gmAtt, c.at[stVISITED], nil)
		if len(c.contacts) > 3 {
			add(c.contacts[3], keyperson.DecisionRoleUSER, keyperson.ScopeMATURE_REPLACEMENT, keyperson.AttitudeSUPPORTER, end, nil)
		}
		return
	}
	add(tech, keyperson.DecisionRoleTECHNICAL_EVALUATOR, keyperson.ScopeNEW_PRODUCT_TRIAL, techAtt, c.at[stCONTACTED], nil)
	if c.has(stVISITED) {
		add(pur, keyperson.DecisionRoleGATEKEEPER, keyperson.ScopeMATURE_REPLACEMENT, purAtt, c.at[stVISITED], nil)
		add(gm, keyperson.DecisionRoleDECISION_MAKER, keyperson.ScopeBOTH, gmAtt, c.at[stVISITED], nil)
	}
}

// ---------------------------------------------------------------------------------
// Issues (planned before orders are written: a late delivery shows in its order)
// ---------------------------------------------------------------------------------

type issueSpec struct {
	cust                             int
	cat                              issue.Category
	root                             issue.RootCause
	sev                              issue.Severity
	st                               issue.Status
	withOrder, late, tech            bool
	prod                             string
	title, desc, onsite, joint, disp string
	resolution                       string
	loss                             float64
}

var issueSpecs = []issueSpec{
	{1, issue.CategoryQUALITY_FLUCTUATION, issue.RootCauseOUR_PRODUCT, issue.SeverityHIGH, issue.StatusRESOLVED, true, false, true, "TX-AO1010",
		"抗氧剂批次色泽偏黄，制品黄变指数超标",
		"客户反映本批抗氧剂外观偏黄，用于白色家电料后 ΔYI 达 4.5（要求 ≤ 3）。",
		"次日技术周建国与销售到现场，封存剩余 38 袋，取样带回；现场确认客户工艺未变。",
		"双方对比留样：本批原料苯酚含杂偏高，精制工序温度控制偏差 3 ℃，确认为我方产品原因。",
		"剩余 38 袋全部退换；已生产的 6 t 白色料降级用于深色产品，差价由我方承担。",
		"精制工序增加在线色度检测；出厂 COA 增加色度（APHA）项目；补偿客户损失。", 18600},
	{4, issue.CategorySHORT_QUANTITY, issue.RootCauseDELIBERATE, issue.SeverityMEDIUM, issue.StatusCLOSED, true, false, false, "TX-FR300",
		"到货短少 3 袋（75 kg）",
		"客户仓库报告到货 117 袋，送货单为 120 袋。",
		"当天与物流、客户仓库三方核对签收单和监控录像。",
		"监控显示卸货时数量齐全，短少发生在客户仓库内部转运环节，系个别人员故意为之。",
		"客户内部处理；我方协助补发 3 袋，按原价结算。",
		"客户加强仓库管理；我方送货单增加托盘照片和封签号。", 2250},
	{8, issue.CategoryLATE_DELIVERY, issue.RootCauseOUR_PRODUCT, issue.SeverityMEDIUM, issue.StatusCLOSED, true, true, false, "TX-TiO2-R",
		"钛白粉到货晚于约定交期 3 天",
		"客户按交期排产，到货延误导致一条生产线换产。",
		"销售电话致歉并每日通报物流位置。",
		"核对排产、出库和物流记录：旺季排产紧张，我方出库比计划晚 1 天且未留物流缓冲，又遇中转站因天气封闭 2 天；原因在我方发运安排。",
		"无不良品。",
		"旺季改为提前 3 天发货，并约定 2 天缓冲库存。", 0},
	{5, issue.CategoryFUNDING, issue.RootCauseUNDETERMINED, issue.SeverityMEDIUM, issue.StatusRESPONDED, false, false, false, "TX-DS80",
		"客户资金紧张，申请账期由 60 天延长至 90 天",
		"客户下游大客户回款放缓，申请延长账期，并希望部分货款以银行承兑汇票支付。",
		"", "财务正在评估客户近一年回款记录和信用额度。", "", "", 0},
	{6, issue.CategoryINVOICE, issue.RootCauseCUSTOMER_UNFAMILIAR, issue.SeverityLOW, issue.StatusRESOLVED, true, false, false, "TX-EP128",
		"增值税专用发票抬头与税号不符，客户无法认证",
		"客户财务反馈本月专票无法认证抵扣。",
		"销售当天与客户财务核对开票信息。",
		"客户公司更名后未通知我方更新开票资料，其采购也不熟悉变更流程。",
		"原发票红冲。",
		"按新抬头重开发票；双方建立开票信息变更确认单。", 0},
	{2, issue.CategoryTEST_METHOD_DIFFERENCE, issue.RootCauseCUSTOMER_UNFAMILIAR, issue.SeverityMEDIUM, issue.StatusRESOLVED, true, false, true, "TX-DS80",
		"分散剂粘度检测结果与 COA 不一致",
		"客户来料检验粘度比 COA 高 25%，判为不合格。",
		"技术孙丽到客户实验室，现场与 QC 一同复测。",
		"客户使用 4 号转子、30 rpm，我方 COA 为 3 号转子、60 rpm，测试方法不同；按同一方法复测结果一致。",
		"货物判定合格，正常使用。",
		"双方书面约定检测方法，COA 注明测试条件；为客户 QC 做一次检测培训。", 0},
	{11, issue.CategoryQUALITY_FLUCTUATION, issue.RootCauseCUSTOMER_PROCESS_MISMATCH, issue.SeverityHIGH, issue.StatusDISPOSITION, true, false, true, "TX-PW200",
		"色母粒表面析出、挤出机口模积料",
		"客户新线投产后出现口模积料和制品表面析出。",
		"技术周建国两天内到现场，记录各区温度和转速。",
		"新线加工温度比原工艺高 30 ℃，蜡在高温下降解析出；我方产品指标正常，原因是客户工艺与产品不匹配。",
		"已生产的 2 t 色母粒安排返工，返工费用双方协商中；同时试产加工温度 ≤ 220 ℃ 的新工艺。",
		"", 6800},
	{7, issue.CategoryPRICE, issue.RootCauseUNDETERMINED, issue.SeverityLOW, issue.StatusOPEN, false, false, false, "TX-AO1010",
		"客户认为价格高于竞品约 6%",
		"客户采购反馈竞品报价更低，要求第二批评估订单降价。", "", "", "", "", 0},
	{10, issue.CategoryOTHER, issue.RootCauseCUSTOMER_UNFAMILIAR, issue.SeverityLOW, issue.StatusCLOSED, true, false, true, "TX-EP128",
		"冬季环氧树脂桶内结晶",
		"客户反映开桶后树脂发白、有结晶颗粒，担心质量问题。",
		"技术当天电话指导，次日到现场。",
		"低温储存导致双酚A型环氧树脂结晶，属物理现象；客户不熟悉加热融晶操作。",
		"50–60 ℃ 烘房加热 4 小时后恢复透明，正常使用。",
		"提供冬季储存与融晶操作指引（注意事项文件已更新）。", 0},
	{3, issue.CategoryLATE_DELIVERY, issue.RootCauseUNDETERMINED, issue.SeverityHIGH, issue.StatusON_SITE, true, true, false, "TX-AO1010",
		"最近一批抗氧剂到货延误",
		"客户称到货比约定交期晚 3 天，差点停线，要求说明原因并承诺改进。",
		"销售当天到客户处说明情况，协调其他批次应急调货。",
		"正在核查生产排程、出库记录和物流在途数据。", "", "", 0},
	{40, issue.CategoryQUALITY_FLUCTUATION, issue.RootCauseOUR_PRODUCT, issue.SeverityCRITICAL, issue.StatusCLOSED, true, false, true, "TX-EP128",
		"第二批评估订单环氧当量超标，结构胶固化不完全",
		"客户批量生产的结构胶出现固化不完全，产品召回。",
		"技术和销售经理次日到现场，封存剩余树脂并取样。",
		"检测本批环氧当量 198 g/eq（规格 184–190），为我方反应釜计量偏差所致。",
		"剩余树脂全部退回；召回产品由客户报废。",
		"赔偿客户损失；计量系统改造并增加出厂环氧当量双人复核。客户转回原供应商。", 56000},
	{5, issue.CategoryQUALITY_FLUCTUATION, issue.RootCauseCUSTOMER_PROCESS_MISMATCH, issue.SeverityMEDIUM, issue.StatusROOT_CAUSE_FOUND, true, false, true, "TX-DS80",
		"水性色浆热储后返粗、粘度上升",
		"客户反映用本批 DS-80 研磨的酞菁蓝色浆 50 ℃ 储存两周后细度由 8 μm 升到 20 μm，粘度上升约 30%。",
		"技术人员两天内到客户实验室，取色浆、留样和新配方记录。",
		"对比留样和客户新旧配方：DS-80 批次指标正常；客户新配方 pH 7.2，低于 DS-80 推荐范围 8.0–9.0，分散稳定性下降，属客户工艺与产品不匹配。",
		"", "", 0},
}

type issuePlan struct {
	spec     issueSpec
	c        *cust
	o        *orderPlan
	p        *prod
	batch    string
	reported time.Time
	resolved *time.Time
	closed   *time.Time
}

func (s *seeder) planIssues() error {
	for _, is := range issueSpecs {
		c := s.custs[is.cust-1]
		ip := &issuePlan{spec: is, c: c}
		open := is.st != issue.StatusRESOLVED && is.st != issue.StatusCLOSED
		if is.withOrder {
		orders:
			for k := len(c.orders) - 1; k >= 0; k-- {
				o := c.orders[k]
				if o.delivered == nil || o.late && !is.late || !open && o.delivered.Add(days(40)).After(s.now) {
					continue
				}
				for _, l := range o.lines {
					if l.p.spec.code == is.prod {
						ip.o, ip.p, ip.batch = o, l.p, l.b.no
						break orders
					}
				}
			}
			if ip.o == nil {
				return fmt.Errorf("issue %q: %s has no delivered order of %s", is.title, c.spec.name, is.prod)
			}
			ip.o.late = ip.o.late || is.late
			ip.reported = s.clampPast(ip.o.delivered.Add(days(s.between(1, 4))).Truncate(time.Minute))
		} else {
			ip.p = s.prodBy[is.prod]
			ip.reported = s.ago(s.between(2, 12))
			if is.st == issue.StatusOPEN {
				// Nobody has answered yet, a day or more past the response deadline:
				// it shows on the owner's Today list.
				sla := problems.SLAs[is.sev].Respond
				ip.reported = s.now.Add(-sla).Add(-days(s.between(1, 3))).Truncate(time.Minute)
			}
		}
		if !open {
			ip.resolved = ptr(s.clampPast(ip.reported.Add(days(s.between(5, 20))).Truncate(time.Minute)))
			if is.st == issue.StatusCLOSED {
				ip.closed = ptr(s.clampPast(ip.resolved.Add(days(s.between(2, 6))).Truncate(time.Minute)))
			}
		}
		s.issues = append(s.issues, ip)
	}
	return nil
}

// ---------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------

var profiles = struct{ founder, shareholders, decision, culture, people, business, technology, management []string }{
	founder: []string{
		"创始人原为国营塑料厂技术科长，1998 年创业，技术出身，做事严谨，重视长期合作和口碑。",
		"创始人早年做塑料原料贸易起家，2006 年建厂，性格豪爽、决策快，重义气。",
		"夫妻共同创业：董事长负责市场，总经理（夫人）管财务和采购，风格稳健。",
		"创始人曾任外资化工企业中国区技术总监，2012 年创业，管理规范，重视数据和认证。",
		"家族企业第二代接班，少东家海外留学归来，推动数字化和高端新品开发。",
	},
	shareholders: []string{
		"创始人持股 62%，管理层持股平台 18%，产业基金 20%（2023 年引入）。",
		"家族持股 100%。",
		"上市公司控股子公司，母公司持股 70%，创始团队 30%。",
		"创始人 51%，两位合伙人 29%，员工持股 20%。",
		"地方国资平台 35%，创始团队 65%。",
	},
	decision: []string{
		"新供应商导入：技术部小样 → 中试 → 品质部认证 → 采购比价 → 总经理批准；年采购额超 50 万元需董事会备案。",
		"采购经理主导比价，技术部有一票否决权，总经理最终拍板。",
		"集团集中采购：工厂技术部提出需求，集团采购中心招标定点。",
		"总经理一人决策为主，技术负责人意见影响很大。",
		"采购委员会（总经理、技术、品质、采购）月度会议决策。",
	},
	culture: []string{
		"务实、重技术，员工流动率低，老员工多。", "节奏快、重结果，销售驱动。", "推行精益生产和 5S，现场管理好。",
		"家族氛围浓，重人情和信任。", "开放，愿意与供应商共同开发新品。",
	},
	people: []string{
		"技术部 12 人，核心工程师稳定；采购经理去年更换。", "研发 20 余人，博士 2 名；一线工人流动较大。",
		"管理层年轻化，总经理 40 岁出头。", "品质部新任经理来自外资企业，要求严格。", "销售团队强，技术团队偏弱，依赖供应商支持。",
	},
	business: []string{
		"年营收约 6 亿元，汽车改性料占 60%，出口约 15%。", "年营收约 3 亿元，工业涂料为主，华南市场占七成。",
		"年营收约 9 亿元，下游集中在家电和电子。", "年营收约 2 亿元，增长快，新能源相关订单占比提升。", "年营收约 4 亿元，正在建设二期工厂。",
	},
	technology: []string{
		"省级企业技术中心，拥有发明专利 20 余项。", "与高校共建联合实验室，重视新材料导入。", "配方能力强，检测设备齐全。",
		"高新技术企业，每年研发投入约 4%。", "工艺成熟，新品开发依赖供应商技术支持。",
	},
	management: []string{
		"通过 IATF 16949、ISO 14001；ERP + MES 系统。", "ISO 9001 体系，正在导入精益管理。", "集团化管控，流程规范但审批慢。",
		"老板亲自管理，制度化程度一般。", "财务规范，为上市做准备。",
	},
}

func (s *seeder) rate(c *cust) {
	st := c.spec.stage
	if st == stPROSPECT && c.i%2 == 0 {
		return // not rated yet
	}
	clamp := func(v int) int { return max(1, min(5, v)) }
	demand := map[customer.Stage]int{stPROSPECT: 2, stCONTACTED: 3, stVISITED: 3, stSAMPLING: 3, stTRIAL: 4, stEVALUATION: 4,
		stMAIN: 5, stPARTNER: 5, stDORMANT: 2, stLOST: 3}[st]
	ease := map[customer.Stage]int{stPROSPECT: 2, stCONTACTED: 2, stVISITED: 3, stSAMPLING: 3, stTRIAL: 3, stEVALUATION: 4,
		stMAIN: 4, stPARTNER: 5, stDORMANT: 2, stLOST: 1}[st]
	credit := 3 + s.pick(3)
	if st == stLOST || st == stDORMANT {
		credit = 2 + s.pick(2)
	}
	c.ratings = [5]int{2 + s.pick(4), clamp(c.ind.techLevel - 1 + s.pick(3)), clamp(credit), clamp(demand - s.pick(2)), clamp(ease + s.pick(2) - s.pick(2))}
}

func (s *seeder) seedCustomers() error {
	for _, c := range s.custs {
		sp := c.spec
		s.rate(c)
		region := sp.prov + sp.city
		if sp.prov == sp.city {
			region = sp.prov
		}
		d := s.digits(8)
		created := c.at[stPROSPECT]
		b := s.c.Customer.Create().SetName(sp.name).SetNameEn(sp.alt).SetWebsite(sp.web).SetIndustry(c.ind.label).
			SetRegion(region).SetAddress(sp.addr).SetPhone(areaCodes[sp.city] + "-" + d[:4] + " " + d[4:]).
			SetStage(sp.stage).SetLeadSource(sp.lead).
			SetLeadSourceDetail(clip(leadDetail(sp.detail, created), 300)).
			SetOwnerID(c.owner.ID).SetTeamID(c.team.ID).SetIndustryStatus(c.ind.status).
			SetCreatedAt(created).SetUpdatedAt(created)
		for k, set := range []func(int) *ent.CustomerCreate{b.SetScale, b.SetTechnicalLevel, b.SetCredit, b.SetDemand, b.SetEaseOfClosing} {
			if c.ratings[k] > 0 {
				set(c.ratings[k])
			}
		}
		if sp.refCustomer > 0 {
			b.SetReferrerCustomerID(s.custs[sp.refCustomer-1].e.ID)
		}
		// A visited account has the place its visits checked in at (a few km from the centre).
		if at, ok := cityCentres[sp.city]; ok && c.at[stVISITED] != (time.Time{}) {
			k := float64(c.i%7) - 3
			b.SetLatitude(at[0] + k*0.011).SetLongitude(at[1] - k*0.007).SetLocatedAt(c.at[stVISITED])
		}
		if sp.stage == stMAIN || sp.stage == stPARTNER {
			k := c.i
			pick := func(pool []string) string { return pool[k%len(pool)] }
			b.SetFounderHistory(pick(profiles.founder)).SetShareholders(pick(profiles.shareholders)).
				SetDecisionMechanism(pick(profiles.decision)).SetCulture(pick(profiles.culture)).
				SetPeopleStatus(pick(profiles.people)).SetBusinessStatus(pick(profiles.business)).
				SetTechnologyStatus(pick(profiles.technology)).SetManagementStatus(pick(profiles.management))
		}
		switch sp.stage {
		case stPARTNER:
			b.SetNotes("战略合作客户：年度框架协议，联合开发项目进行中；每季度技术交流会。")
		case stMAIN:
			b.SetNotes("主供应商：每季度质量回顾；关注竞品价格动向。")
		case stDORMANT:
			b.SetNotes("休眠：" + stageReasons[c.i] + "。定期回访，关注新项目。")
		case stLOST:
			b.SetNotes("丢失：" + stageReasons[c.i] + "。")
		}
		e, err := b.Save(s.ctx)
		if err != nil {
			return fmt.Errorf("%s: %w", sp.name, err)
		}
		c.e = e
		s.res.Customers++
	}
	return nil
}

func (s *seeder) seedContacts() error {
	var bs []*ent.ContactCreate
	var plans []*contactPlan
	for _, c := range s.custs {
		for _, cp := range c.contacts {
			b := s.c.Contact.Create().SetCustomerID(c.e.ID).SetName(cp.name).SetTitle(cp.title).SetDepartment(cp.dept).
				SetPhone(cp.phone).SetEmail(cp.email).SetCreatedAt(cp.known).SetUpdatedAt(cp.known)
			if cp.mobile != "" {
				b.SetMobile(cp.mobile)
			}
			if cp.wechat != "" {
				b.SetWechat(cp.wechat)
			}
			if cp.notes != "" {
				b.SetNotes(cp.notes)
			}
			bs = append(bs, b)
			plans = append(plans, cp)
		}
	}
	es, err := saveBulk(s.ctx, bs, func(ctx context.Context, bs ...*ent.ContactCreate) ([]*ent.Contact, error) {
		return s.c.Contact.CreateBulk(bs...).Save(ctx)
	})
	if err != nil {
		return err
	}
	for k, e := range es {
		plans[k].e = e
	}
	s.res.Contacts = len(es)
	return nil
}

func (s *seeder) seedInteractions() error {
	var bs []*ent.InteractionCreate
	var plans []*interPlan
	for _, c := range s.custs {
		for _, ip := range slices.Concat(c.inter, c.planned) {
			b := s.c.Interaction.Create().SetCustomerID(c.e.ID).SetAuthorID(c.owner.ID).SetKind(ip.kind).SetPhase(ip.phase).
				SetOccurredAt(ip.at).SetSummary(ip.summary).SetFindings(ip.findings).SetPreparationTopics(ip.topics).
				SetPrivate(ip.private).SetCreatedAt(ip.at).SetUpdatedAt(ip.at)
			if ip.materials != "" {
				b.SetPreparationMaterials(ip.materials)
			}
			if ip.promises != "" {
				b.SetPromises(ip.promises)
			}
			if ip.next != "" {
				b.SetNextStep(ip.next).SetNillableNextStepDue(ip.due)
			}
			for _, u := range ip.ours {
				b.AddOurParticipantIDs(u.ID)
			}
			for _, cp := range ip.theirs {
				b.AddTheirParticipantIDs(cp.e.ID)
			}
			bs = append(bs, b)
			plans = append(plans, ip)
		}
	}
	es, err := saveBulk(s.ctx, bs, func(ctx context.Context, bs ...*ent.InteractionCreate) ([]*ent.Interaction, error) {
		return s.c.Interaction.CreateBulk(bs...).Save(ctx)
	})
	if err != nil {
		return err
	}
	var planned []pulid.ID
	for k, e := range es {
		plans[k].e = e
		if plans[k].planned {
			planned = append(planned, e.ID)
		}
	}
	// Imported history counts as logged when it happened; a planned visit whose time
	// has just come is still waiting for its log.
	if err := s.c.Interaction.Update().Where(interaction.IDIn(planned...)).ClearLoggedAt().Exec(s.ctx); err != nil {
		return err
	}
	s.res.Interactions = len(es)
	return nil
}

var kpPrivateNotes = []string{
	"与竞品销售私交甚好，沟通时注意信息保密。",
	"儿子明年高考，适合聊教育话题；不喜欢酒局。",
	"正在争取升任副总，希望新项目出成绩。",
	"对上一家供应商断供的经历耿耿于怀，最看重稳定供应。",
	"喜欢钓鱼，可约周末一起去。",
	"年度考核指标是降本 3%，价格是其主要关注点。",
}

var kpNeeds = map[keyperson.DecisionRole][2]string{
	keyperson.DecisionRoleTECHNICAL_EVALUATOR: {"希望供应商提供完整的测试数据和配方支持，缩短新品验证周期。", "希望参加行业技术交流，提升个人专业影响力。"},
	keyperson.DecisionRoleINFLUENCER:          {"稳定供货、价格透明、账期 60 天；完成年度降本指标。", "看重被尊重和及时响应。"},
	keyperson.DecisionRoleGATEKEEPER:          {"新供应商资料齐全、价格有竞争力，避免给自己带来风险。", "工作压力大，希望沟通简洁高效。"},
	keyperson.DecisionRoleDECISION_MAKER:      {"降低综合成本，保障供应安全，提升企业形象和认证水平。", "关注企业上市准备和个人行业声誉。"},
	keyperson.DecisionRoleUSER:                {"来料批次稳定，包装标识清楚，便于投料和追溯。", "希望减少换料停机时间。"},
}

func (s *seeder) seedKeyPersons() error {
	var bs []*ent.KeyPersonCreate
	var plans []*kpPlan
	for _, c := range s.custs {
		for k, kp := range c.kps {
			interval := map[keyperson.DecisionRole]int{keyperson.DecisionRoleDECISION_MAKER: 60, keyperson.DecisionRoleINFLUENCER: 30,
				keyperson.DecisionRoleGATEKEEPER: 30, keyperson.DecisionRoleTECHNICAL_EVALUATOR: 30, keyperson.DecisionRoleUSER: 45}[kp.role]
			if kp.role == keyperson.DecisionRoleTECHNICAL_EVALUATOR && (c.spec.stage == stTRIAL || c.spec.stage == stSAMPLING) {
				interval = 14
			}
			if c.terminal() {
				interval = 180
			}
			// About one key person in four is deliberately behind its cadence, so the
			// Today list has something to show; the others were seen recently enough.
			if !kp.ct.last.IsZero() && !c.terminal() && kp.to == nil && (c.i+k)%4 != 0 {
				gap := int(s.now.Sub(kp.ct.last).Hours()/24) + 5 + s.pick(10)
				for _, nice := range []int{14, 21, 30, 45, 60, 90, 120, 180} {
					if nice >= max(interval, gap) {
						interval = nice
						break
					}
				}
			}
			needs := kpNeeds[kp.role]
			b := s.c.KeyPerson.Create().SetCustomerID(c.e.ID).SetContactID(kp.ct.e.ID).SetDecisionRole(kp.role).
				SetScope(kp.scope).SetAttitude(kp.attitude).SetProfessionalNeeds(needs[0]).SetPersonalNeeds(needs[1]).
				SetContactIntervalDays(interval).SetActiveFrom(kp.from).SetNillableActiveTo(kp.to).
				SetCreatedAt(kp.from).SetUpdatedAt(kp.from)
			if kp.to != nil {
				b.SetEndedReason(kp.ended).SetUpdatedAt(*kp.to)
			}
			if !kp.ct.last.IsZero() {
				b.SetLastContactedAt(kp.ct.last)
			}
			if s.chance(0.4) {
				b.SetPrivateNotes(kpPrivateNotes[s.pick(len(kpPrivateNotes))])
			}
			bs = append(bs, b)
			plans = append(plans, kp)
		}
	}
	es, err := saveBulk(s.ctx, bs, func(ctx context.Context, bs ...*ent.KeyPersonCreate) ([]*ent.KeyPerson, error) {
		return s.c.KeyPerson.CreateBulk(bs...).Save(ctx)
	})
	if err != nil {
		return err
	}
	for k, e := range es {
		plans[k].e = e
	}
	s.res.KeyPersons = len(es)
	return nil
}

var companyNeeds = []struct {
	aspect need.CompanyAspect
	text   string
}{
	{need.CompanyAspectIMAGE, "正在申报省级“专精特新”，希望供应商能提供完整的环保和质量认证资料。"},
	{need.CompanyAspectLISTING, "计划两年内申报创业板上市，重视供应链合规与财务规范。"},
	{need.CompanyAspectSCALE, "新厂区二期投产，产能扩大约 40%，需要能稳定放量的供应商。"},
	{need.CompanyAspectFUNDING, "扩产占用资金较多，希望账期由 30 天延长至 60 天。"},
	{need.CompanyAspectINFORMATION, "缺少上游原料行情信息，希望定期获得价格趋势和新材料信息。"},
	{need.CompanyAspectTECHNOLOGY, "研发力量薄弱，希望供应商提供配方和工艺支持。"},
	{need.CompanyAspectMANAGEMENT, "正在导入 IATF 16949，需要供应商配合提供 PPAP 文件。"},
	{need.CompanyAspectPRODUCT, "产品线向高端延伸，需要性能更好的助剂替代现用低端料。"},
}

var likelyProblems = []struct {
	p    need.LikelyProblem
	text string
}{
	{need.LikelyProblemTECHNICAL, "可能的问题：与现有配方的相容性需要验证。"},
	{need.LikelyProblemPRICE, "可能的问题：对方对价格敏感，现用料价格低。"},
	{need.LikelyProblemSUPPLY, "可能的问题：对方担心新供应商的供应稳定性。"},
	{need.LikelyProblemFUNDING, "可能的问题：对方资金偏紧，希望延长账期。"},
	{need.LikelyProblemKEY_PERSON, "可能的问题：关键人与现供应商关系密切。"},
}

func (s *seeder) seedNeedsCompetitorsPitches() error {
	var needs []*ent.NeedCreate
	var comps []*ent.CompetitorCreate
	var pitches []*ent.PitchCreate
	for _, c := range s.custs {
		st := c.spec.stage
		created := c.at[stPROSPECT]
		status := func(early, mid, late need.Status) need.Status {
			switch {
			case st == stDORMANT || st == stLOST:
				return need.StatusDROPPED
			case c.has(stEVALUATION):
				return late
			case c.has(stSAMPLING):
				return mid
			}
			return early
		}
		// Industry level.
		needs = append(needs, s.c.Need.Create().SetCustomerID(c.e.ID).SetLevel(need.LevelINDUSTRY).
			SetDescription(c.ind.need+"。").SetStatus(status(need.StatusIDENTIFIED, need.StatusIDENTIFIED, need.StatusADDRESSED)).
			SetCreatedAt(created).SetUpdatedAt(created))
		// Product level, one per product of interest (the main one for early accounts).
		for k, code := range c.spec.prods {
			if k > 0 && !c.has(stVISITED) {
				break
			}
			p := s.prodBy[code]
			lp := likelyProblems[(c.i+k)%len(likelyProblems)]
			grade := need.ProductGrade(p.spec.grade)
			desc := fmt.Sprintf("%s：%s，现用%s，希望在%s上有更好表现。%s", c.ind.makes, p.spec.app.application,
				p.spec.comps[c.i%len(p.spec.comps)].name, p.spec.app.keyProps, lp.text)
			st := status(need.StatusIDENTIFIED, need.StatusADDRESSED, need.StatusMET)
			if k > 0 && st == need.StatusMET {
				st = need.StatusADDRESSED
			}
			needs = append(needs, s.c.Need.Create().SetCustomerID(c.e.ID).SetLevel(need.LevelPRODUCT).SetProductGrade(grade).
				SetLikelyProblem(lp.p).SetCandidateProductID(p.e.ID).SetDescription(desc).SetStatus(st).
				SetCreatedAt(c.firstAt(stCONTACTED)).SetUpdatedAt(c.firstAt(stCONTACTED)))
		}
		if c.has(stVISITED) {
			cn := companyNeeds[c.i%len(companyNeeds)]
			at := c.at[stVISITED]
			needs = append(needs, s.c.Need.Create().SetCustomerID(c.e.ID).SetLevel(need.LevelCOMPANY).SetCompanyAspect(cn.aspect).
				SetDescription(cn.text).SetStatus(status(need.StatusIDENTIFIED, need.StatusIDENTIFIED, need.StatusADDRESSED)).
				SetCreatedAt(at).SetUpdatedAt(at))
			if c.has(stEVALUATION) {
				cn2 := companyNeeds[(c.i+3)%len(companyNeeds)]
				needs = append(needs, s.c.Need.Create().SetCustomerID(c.e.ID).SetLevel(need.LevelCOMPANY).SetCompanyAspect(cn2.aspect).
					SetDescription(cn2.text).SetStatus(status(need.StatusIDENTIFIED, need.StatusIDENTIFIED, need.StatusIDENTIFIED)).
					SetCreatedAt(c.at[stEVALUATION]).SetUpdatedAt(c.at[stEVALUATION]))
			}
			// Personal level, tied to the current key person who decides.
			var kp *kpPlan
			for _, k := range c.kps {
				if k.to == nil && (kp == nil || k.role == keyperson.DecisionRoleDECISION_MAKER) {
					kp = k
				}
			}
			if kp != nil {
				needs = append(needs, s.c.Need.Create().SetCustomerID(c.e.ID).SetLevel(need.LevelPERSONAL).SetKeyPersonID(kp.e.ID).
					SetLikelyProblem(need.LikelyProblemKEY_PERSON).
					SetDescription(kp.ct.name+"（"+kp.ct.title+"）："+kpNeeds[kp.role][1]).
					SetStatus(status(need.StatusIDENTIFIED, need.StatusIDENTIFIED, need.StatusADDRESSED)).
					SetCreatedAt(at).SetUpdatedAt(at))
			}
		}
		// Competitors.
		if c.has(stCONTACTED) || c.i%2 == 1 {
			main := s.prodBy[c.spec.prods[0]]
			share := map[customer.Stage]float64{stEVALUATION: 70, stMAIN: 35, stPARTNER: 15, stLOST: 100, stDORMANT: 90}
			b := s.c.Competitor.Create().SetCustomerID(c.e.ID).SetName(c.comp.name).SetProduct(c.comp.product).
				SetPricePosition(c.comp.pos).SetCreatedAt(c.firstAt(stCONTACTED)).SetUpdatedAt(c.firstAt(stCONTACTED))
			if v, ok := share[st]; ok {
				b.SetSharePercent(v)
			} else if c.has(stCONTACTED) {
				b.SetSharePercent(100)
			}
			switch c.comp.pos {
			case competitor.PricePositionHIGHER:
				b.SetNotes("进口品牌，质量稳定但价格高、交期长（6–8 周）。")
			case competitor.PricePositionLOWER:
				b.SetNotes("价格低，但批次稳定性一般，曾出现断供。")
			default:
				b.SetNotes("国内同档次产品，价格接近，服务响应一般。")
			}
			comps = append(comps, b)
			if c.has(stVISITED) && len(main.spec.comps) > 1 {
				c2 := main.spec.comps[(c.i+1)%len(main.spec.comps)]
				comps = append(comps, s.c.Competitor.Create().SetCustomerID(c.e.ID).SetName(c2.name).SetProduct(c2.product).
					SetPricePosition(c2.pos).SetNotes("小批量补充采购。").
					SetCreatedAt(c.at[stVISITED]).SetUpdatedAt(c.at[stVISITED]))
			}
		}
		// Pitch: the way in and the advantages to stress.
		entry, adv := s.pitchFor(c)
		main := s.prodBy[c.spec.prods[0]]
		detail := fmt.Sprintf("以%s为切入点，主推 %s %s；对比%s %s，强调%s。", entryLabel[entry], main.spec.code, main.spec.name,
			c.comp.name, c.comp.product, advLabels(adv))
		pb := s.c.Pitch.Create().SetCustomerID(c.e.ID).SetEntryPoint(entry).SetAdvantages(adv).SetDetail(detail).
			SetActive(true).SetCreatedAt(created).SetUpdatedAt(created)
		pitches = append(pitches, pb)
		if c.has(stMAIN) {
			// The opening pitch, no longer the way in: kept as history.
			pitches = append(pitches, s.c.Pitch.Create().SetCustomerID(c.e.ID).SetEntryPoint(pitch.EntryPointPRODUCT).
				SetAdvantages([]string{"PRODUCT_STOCK", "PRICE"}).SetActive(false).
				SetDetail("初期切入点：备货充足、价格稳定，替代"+c.comp.name+"。已转为技术合作与服务为主。").
				SetCreatedAt(created).SetUpdatedAt(c.at[stMAIN]))
		}
	}
	needs = append(needs, s.afterSaleNeeds()...)
	if _, err := saveBulk(s.ctx, needs, func(ctx context.Context, bs ...*ent.NeedCreate) ([]*ent.Need, error) {
		return s.c.Need.CreateBulk(bs...).Save(ctx)
	}); err != nil {
		return err
	}
	if _, err := saveBulk(s.ctx, comps, func(ctx context.Context, bs ...*ent.CompetitorCreate) ([]*ent.Competitor, error) {
		return s.c.Competitor.CreateBulk(bs...).Save(ctx)
	}); err != nil {
		return err
	}
	if _, err := saveBulk(s.ctx, pitches, func(ctx context.Context, bs ...*ent.PitchCreate) ([]*ent.Pitch, error) {
		return s.c.Pitch.CreateBulk(bs...).Save(ctx)
	}); err != nil {
		return err
	}
	s.res.Needs, s.res.Competitors, s.res.Pitches = len(needs), len(comps), len(pitches)
	return nil
}

// crossSell are the products a routine visit may find a use for, by industry; the
// first one the account has not been offered yet is taken.
var crossSell = map[string][]string{
	"plastics":   {"TX-FR300", "TX-UV531", "TX-CA40", "TX-PW200"},
	"coatings":   {"TX-UV531", "TX-DS80", "TX-TiO2-R", "TX-PW200"},
	"inks":       {"TX-PW200", "TX-DS80", "TX-TiO2-R"},
	"adhesives":  {"TX-CA40", "TX-EP128", "TX-FR300"},
	"cables":     {"TX-AO1010", "TX-FR300", "TX-CA40"},
	"film":       {"TX-UV531", "TX-AO1010", "TX-PW200"},
	"composites": {"TX-FR300", "TX-CA40", "TX-EP128", "TX-UV531"},
}

// issueNeeds is the need a problem of each category brought to light.
var issueNeeds = map[issue.Category]struct {
	aspect need.CompanyAspect // "" for a product need
	text   string
}{
	issue.CategoryQUALITY_FLUCTUATION:    {"", "希望我方提供批次稳定性统计（SPC），COA 增加关键指标，来料可凭 COA 免检放行。"},
	issue.CategoryTEST_METHOD_DIFFERENCE: {"", "希望双方书面统一检测方法，并为其 QC 做一次检测培训。"},
	issue.CategoryOTHER:                  {"", "希望获得储存和使用注意事项的现场培训，新员工入职时再讲一次。"},
	issue.CategoryPRICE:                  {"", "希望有季度锁价方案，价格调整提前一个月通知。"},
	issue.CategorySHORT_QUANTITY:         {need.CompanyAspectMANAGEMENT, "希望送货单附托盘照片和封签号，仓库按托盘快速清点。"},
	issue.CategoryLATE_DELIVERY:          {need.CompanyAspectMANAGEMENT, "旺季希望我方设 2 天缓冲库存，并每周滚动通报排产和交期。"},
	issue.CategoryFUNDING:                {need.CompanyAspectFUNDING, "资金周转偏紧，希望部分货款以银行承兑汇票结算。"},
	issue.CategoryINVOICE:                {need.CompanyAspectMANAGEMENT, "希望开票信息变更有书面确认单，按项目拆分开票。"},
}

// afterSaleNeeds are the opportunities found while serving the buying accounts (main
// supplier, partner): on visits, in problems, from peers and from market information.
func (s *seeder) afterSaleNeeds() []*ent.NeedCreate {
	sources := []need.Source{need.SourceVISIT_FINDING, need.SourceISSUE, need.SourcePEER_INFO, need.SourceMARKET_INFO}
	var out []*ent.NeedCreate
	m := 0
	for _, c := range s.custs {
		if c.spec.stage != stMAIN && c.spec.stage != stPARTNER {
			continue
		}
		n := 2
		if c.spec.stage == stPARTNER {
			n = 3
		}
		for k := 0; k < n; k, m = k+1, m+1 {
			out = append(out, s.sourcedNeed(c, sources[m%len(sources)]))
		}
	}
	return out
}

func (s *seeder) sourcedNeed(c *cust, src need.Source) *ent.NeedCreate {
	main := c.samples[0].p
	var ip *issuePlan
	for _, is := range s.issues {
		if is.c == c {
			ip = is
			break
		}
	}
	if src == need.SourceISSUE && ip == nil {
		src = need.SourceVISIT_FINDING
	}
	b := s.c.Need.Create().SetCustomerID(c.e.ID).SetSource(src).SetStatus(need.StatusIDENTIFIED)
	product := func(p *prod) {
		b.SetLevel(need.LevelPRODUCT).SetProductGrade(need.ProductGrade(p.spec.grade)).SetCandidateProductID(p.e.ID)
	}
	var at time.Time
	switch src {
	case need.SourceVISIT_FINDING:
		at = c.lastActive
		for _, in := range c.inter {
			if in.kind == interaction.KindVISIT && in.phase == interaction.PhaseAFTER_SALE {
				at = in.at
			}
		}
		codes := crossSell[c.spec.ind]
		code := codes[len(codes)-1]
		for _, cs := range codes {
			if !slices.Contains(c.spec.prods, cs) {
				code = cs
				break
			}
		}
		p := s.prodBy[code]
		comp := p.spec.comps[c.i%len(p.spec.comps)]
		product(p)
		b.SetDescription(fmt.Sprintf("回访发现：对方正在开发高端新牌号，需要%s，目前用%s %s，性能和供货都不满意；愿意试用 %s %s。",
			p.spec.category, comp.name, comp.product, p.spec.code, p.spec.name))
	case need.SourceISSUE:
		at = s.clampPast(ip.reported.Add(days(2)))
		in := issueNeeds[ip.spec.cat]
		if in.aspect == "" {
			product(ip.p)
		} else {
			b.SetLevel(need.LevelCOMPANY).SetCompanyAspect(in.aspect)
		}
		if ip.resolved != nil {
			b.SetStatus(need.StatusADDRESSED)
		}
		b.SetDescription("由问题“" + ip.spec.title + "”引出：" + in.text)
	case need.SourcePEER_INFO:
		at = s.randTime(c.at[stMAIN], c.lastActive)
		comp := main.spec.comps[(c.i+1)%len(main.spec.comps)]
		b.SetLevel(need.LevelCOMPANY).SetCompanyAspect(need.CompanyAspectSCALE).SetLikelyProblem(need.LikelyProblemSUPPLY).
			SetDescription(fmt.Sprintf("同行交流得知：%s明年计划扩产约 30%%，%s 用量将随之增加；%s 正在接触其采购，需提前锁定份额和供货保障。",
				c.short(), main.spec.code, comp.name))
	case need.SourceMARKET_INFO:
		at = s.randTime(s.ago(45), c.lastActive)
		desc := "市场信息：" + c.ind.need + "。对方希望我方每季度提供相关新品和法规信息，提前规划配方升级。"
		if ps := main.spec; ps.raw != "" {
			trend := "上行"
			if ps.rawTrend(1) < ps.rawTrend(0.85) {
				trend = "下行"
			}
			desc = fmt.Sprintf("市场信息：%s价格近期%s。对方希望锁定下季度 %s 价格，并据我方行情简报提前 1–2 个月备货。",
				strings.TrimPrefix(ps.raw, "原料："), trend, ps.code)
		}
		b.SetLevel(need.LevelCOMPANY).SetCompanyAspect(need.CompanyAspectINFORMATION).SetDescription(desc)
	}
	return b.SetCreatedAt(at).SetUpdatedAt(at)
}

var entryLabel = map[pitch.EntryPoint]string{
	pitch.EntryPointPERSON: "人（介绍人和关键人）", pitch.EntryPointPRODUCT: "产品", pitch.EntryPointTECHNOLOGY: "技术服务", pitch.EntryPointPAYMENT_TERMS: "账期",
}

var advLabel = map[string]string{
	"PRODUCT_STOCK": "备货充足、稳定供应", "TECHNOLOGY": "应用实验室和技术支持", "PRICE": "价格稳定、行情交流",
	"QC_CERTIFICATION": "品控和认证（ISO 9001、REACH、SGS）", "SERVICE_LOCAL_SUPPLY": "属地供应、多品种配送",
	"PEOPLE": "专业销售和技术团队", "FUNDING": "灵活账期",
}

func advLabels(adv []string) string {
	var out []string
	for _, a := range adv {
		out = append(out, advLabel[a])
	}
	return strings.Join(out, "、")
}

func (s *seeder) pitchFor(c *cust) (pitch.EntryPoint, []string) {
	main := s.prodBy[c.spec.prods[0]]
	switch {
	case c.spec.lead == customer.LeadSourcePEER_REFERRAL || c.spec.lead == customer.LeadSourceFRIEND_REFERRAL:
		return pitch.EntryPointPERSON, []string{"PEOPLE", "TECHNOLOGY", "QC_CERTIFICATION"}
	case companyNeeds[c.i%len(companyNeeds)].aspect == need.CompanyAspectFUNDING:
		return pitch.EntryPointPAYMENT_TERMS, []string{"FUNDING", "PRICE", "SERVICE_LOCAL_SUPPLY"}
	case main.spec.grade == product.GradeHIGH:
		return pitch.EntryPointTECHNOLOGY, []string{"TECHNOLOGY", "QC_CERTIFICATION", "PEOPLE"}
	case main.spec.grade == product.GradeLOW:
		return pitch.EntryPointPRODUCT, []string{"PRICE", "PRODUCT_STOCK", "SERVICE_LOCAL_SUPPLY"}
	}
	return pitch.EntryPointPRODUCT, []string{"PRODUCT_STOCK", "QC_CERTIFICATION", "SERVICE_LOCAL_SUPPLY", "PRICE"}
}

func (s *seeder) seedTasks() error {
	var bs []*ent.TaskCreate
	for _, c := range s.custs {
		mk := func(title string, due time.Time, created time.Time) *ent.TaskCreate {
			return s.c.Task.Create().SetCustomerID(c.e.ID).SetAssigneeID(c.owner.ID).SetTitle(clip(title, 300)).
				SetDueAt(due).SetCreatedAt(created).SetUpdatedAt(created)
		}
		if c.spec.stage == stPROSPECT {
			ct := c.contacts[0]
			due := s.dueAt([]float64{-2, 1, 3, 5, -5}[c.i%5])
			bs = append(bs, mk("首次电话联系 "+c.short()+" "+ct.name+"，了解 "+c.spec.prods[0]+" 需求", due, c.at[stPROSPECT]).
				SetDescription("资料来源："+leadDetail(c.spec.detail, c.at[stPROSPECT])+"。先看官网和公开信息，准备公司介绍。"))
			continue
		}
		n := len(c.inter)
		for k, ip := range c.inter {
			if ip.next == "" || ip.due == nil {
				continue
			}
			switch {
			case k == n-1:
				bs = append(bs, mk(ip.next, *ip.due, ip.at).SetInteractionID(ip.e.ID).SetStatus(task.StatusOPEN).
					SetDescription("来自 "+ip.at.Format("2006-01-02")+" 的"+kindLabel[ip.kind]+"："+ip.summary))
			case k >= n-3:
				done := *ip.due
				if next := c.inter[k+1].at; next.Before(done) {
					done = next
				}
				done = s.clampPast(done.Add(-days(1)))
				if done.Before(ip.at) {
					done = ip.at.Add(time.Hour)
				}
				bs = append(bs, mk(ip.next, *ip.due, ip.at).SetInteractionID(ip.e.ID).SetStatus(task.StatusDONE).SetDoneAt(done).
					SetUpdatedAt(done))
			}
		}
		if c.spec.stage == stLOST {
			at := c.at[stLOST].Add(-days(5))
			bs = append(bs, mk("准备第二轮报价（降价 5%）", at.Add(days(7)), at).SetStatus(task.StatusCANCELLED).
				SetDescription("客户已转用竞品，报价取消。").SetUpdatedAt(c.at[stLOST]))
		}
	}
	// rep1's Today list: a task due later today and the follow-ups of what is stuck.
	open := func(c *cust, title, desc string, due, created time.Time) {
		bs = append(bs, s.c.Task.Create().SetCustomerID(c.e.ID).SetAssigneeID(c.owner.ID).SetTitle(clip(title, 300)).
			SetDescription(desc).SetDueAt(due).SetStatus(task.StatusOPEN).SetCreatedAt(created).SetUpdatedAt(created))
	}
	tp := s.today
	c := tp.visitCust
	code := c.samples[0].p.spec.code
	open(c, "回复"+c.short()+"采购：下季度 "+code+" 报价和备货建议",
		"对方采购昨天来电询问下季度价格走势，要求今天下班前给出书面报价和备货建议。", s.dueToday(), s.ago(1))
	o := tp.held
	open(o.c, "催承运商派送订单 "+o.number+"，每天向客户通报物流位置",
		"货物已于 "+o.shipped.Format("2006-01-02")+" 发出，已过交期仍未送达；联系承运商确认中转站滞留原因，必要时从就近仓库调货。",
		o.promised(), *o.shipped)
	sp, sc := tp.sample, tp.sampleOf
	shipped := sp.at(smSHIPPED)
	open(sc, "电话确认"+sc.short()+"是否收到 "+sp.p.spec.code+" 样品，必要时补寄",
		fmt.Sprintf("样品 %s 寄出超过 %d 天，客户仍未确认收货；快递查询显示已到达当地营业部。", shipped.Format("2006-01-02"), samplerules.ShippedNotReceivedDays),
		shipped.Add(days(samplerules.ShippedNotReceivedDays)), shipped)
	es, err := saveBulk(s.ctx, bs, func(ctx context.Context, bs ...*ent.TaskCreate) ([]*ent.Task, error) {
		return s.c.Task.CreateBulk(bs...).Save(ctx)
	})
	if err != nil {
		return err
	}
	s.res.Tasks = len(es)
	return nil
}

var kindLabel = map[interaction.Kind]string{
	interaction.KindPHONE: "电话", interaction.KindVISIT: "拜访", interaction.KindEMAIL: "邮件", interaction.KindCHAT: "微信沟通",
	interaction.KindMEETING: "会谈", interaction.KindGIFT: "节日拜访", interaction.KindGATHERING: "聚会", interaction.KindTRADE_SHOW: "展会交流",
}

// usdRate is the demo's USD→CNY rate in the month of t (a monthly central parity).
func (s *seeder) usdRate(t time.Time) float64 {
	m := (t.Year()*12 + int(t.Month())) % 15
	return 7.08 + 0.01*float64(m)
}

// seedMoney records the monthly USD→CNY and EUR→CNY rates of the last 18 months and
// one export list price in USD, so the demo shows conversions (domain/money).
func (s *seeder) seedMoney() error {
	for m := 0; m < 18; m++ {
		at := time.Date(s.now.Year(), s.now.Month()-time.Month(17-m), 1, 0, 0, 0, 0, time.UTC)
		if _, err := s.c.ExchangeRate.Create().SetFromCurrency("USD").SetToCurrency("CNY").SetRate(s.usdRate(at)).
			SetValidFrom(at).SetSource("中国人民银行 人民币汇率中间价").SetCreatedAt(at).Save(s.ctx); err != nil {
			return err
		}
		if m%3 == 0 {
			if _, err := s.c.ExchangeRate.Create().SetFromCurrency("EUR").SetToCurrency("CNY").SetRate(round2(s.usdRate(at) * 1.08)).
				SetValidFrom(at).SetSource("中国人民银行 人民币汇率中间价").SetCreatedAt(at).Save(s.ctx); err != nil {
				return err
			}
		}
	}
	if p := s.prodBy["TX-AO1010"]; p != nil {
		at := s.now.Add(-days(3))
		if _, err := s.c.PricePoint.Create().SetProductID(p.e.ID).SetKind(pricepoint.KindLIST).SetCurrency("USD").
			SetPrice(round2(p.list[17] / s.usdRate(at))).SetObservedAt(at).SetSource(ourName + " export price list (USD, FOB Shanghai)").
			SetCreatedAt(at).SetUpdatedAt(at).Save(s.ctx); err != nil {
			return err
		}
		s.res.PricePoints++
	}
	return nil
}

// usdOrder: every ninth order is an export order in USD.
func usdOrder(k int) bool { return k%9 == 4 }

func (s *seeder) seedOrders() error {
	var obs []*ent.OrderCreate
	for k, o := range s.orders {
		currency := "CNY"
		if usdOrder(k) {
			currency = "USD"
		}
		c := o.c
		last := o.at
		for _, t := range []*time.Time{o.confirmed, o.contract, o.prodCheck, o.batchCk, o.label, o.pack, o.shipped, o.delivered, o.invoiced, o.paid, o.closed, o.cancelledAt} {
			if t != nil && t.After(last) {
				last = *t
			}
		}
		// Every order has its delivery date: the server confirms none without one.
		b := s.c.Order.Create().SetCustomerID(c.e.ID).SetNumber(o.number).SetIsEvaluation(o.eval).SetStatus(o.status).
			SetOrderedAt(o.at).SetDeliveryDate(o.promised()).SetCurrency(currency).
			SetNillableConfirmedAt(o.confirmed).SetNillableContractSignedAt(o.contract).
			SetNillableProductionDateCheckedAt(o.prodCheck).SetNillableBatchCheckedAt(o.batchCk).
			SetNillableLabellingCheckedAt(o.label).SetNillablePackagingCheckedAt(o.pack).
			SetNillableShippedAt(o.shipped).SetNillableDeliveredAt(o.delivered).SetNillableInvoicedAt(o.invoiced).
			SetNillablePaidAt(o.paid).SetNillableClosedAt(o.closed).SetNillableCancelledAt(o.cancelledAt).
			SetCreatedAt(o.at).SetUpdatedAt(last)
		if o.cancelled {
			b.SetCancelReason(o.cancelReason)
		}
		if o.invoiced != nil { // 月结 30 天: the receipt is due 30 days after the invoice
			b.SetPaymentDays(30).SetPaymentDueAt(o.invoiced.AddDate(0, 0, 30))
		}
		if o.contract != nil {
			b.SetContractNo("HT" + strings.TrimPrefix(o.number, "SO"))
		}
		switch {
		case o.cancelled:
			b.SetNotes("客户取消：第二批评估订单质量问题后暂停采购。")
		case o.eval:
			b.SetNotes("评估订单：同一批次供货，随货附 COA 和 MSDS；标签按客户物料编码打印。")
		case o.late:
			b.SetNotes("按年度框架合同执行。交期延误，见问题记录。")
		case o.held:
			b.SetNotes("按年度框架合同执行。货物在承运商中转站滞留，已过交期，正在催促派送。")
		default:
			b.SetNotes("按年度框架合同执行。")
		}
		obs = append(obs, b)
	}
	oes, err := saveBulk(s.ctx, obs, func(ctx context.Context, bs ...*ent.OrderCreate) ([]*ent.Order, error) {
		return s.c.Order.CreateBulk(bs...).Save(ctx)
	})
	if err != nil {
		return err
	}
	var lbs []*ent.OrderLineCreate
	var sbs []*ent.ShipmentCreate
	var shipped []*orderPlan
	for k, e := range oes {
		o := s.orders[k]
		o.e = e
		for _, l := range o.lines {
			price := l.price
			if usdOrder(k) {
				price = round2(price / s.usdRate(o.at))
			}
			b := s.c.OrderLine.Create().SetOrderID(e.ID).SetProductID(l.p.e.ID).SetQuantity(l.qty).SetUnit("kg").
				SetUnitPrice(price).SetCreatedAt(o.at).SetUpdatedAt(o.at)
			if l.b != nil {
				b.SetBatchNo(l.b.no).SetProductionDate(l.b.date)
			}
			lbs = append(lbs, b)
		}
		if o.shipped == nil {
			continue
		}
		var total float64
		for _, l := range o.lines {
			total += l.qty
		}
		carrier, tracking := "顺丰", "SF"+s.digits(13)
		if total >= 300 {
			if s.chance(0.5) {
				carrier, tracking = "德邦", "DPK"+s.digits(12)
			} else {
				carrier, tracking = "中通快运", "ZTK"+s.digits(12)
			}
		}
		b := s.c.Shipment.Create().SetOrderID(e.ID).SetCarrier(carrier).SetTrackingNo(tracking).
			SetShippedAt(*o.shipped).SetEta(o.shipped.Add(days(2))).SetCreatedAt(*o.shipped).SetUpdatedAt(*o.shipped)
		if o.delivered != nil {
			signer := o.c.contactIn(contact.DepartmentWAREHOUSE)
			if signer == nil {
				signer = o.c.contactIn(contact.DepartmentPURCHASING)
			}
			b.SetStatus(shipment.StatusDELIVERED).SetDeliveredAt(*o.delivered).SetDeliveryNoteSigned(true).
				SetSignedBy(signer.name).SetUpdatedAt(*o.delivered)
		} else {
			b.SetStatus(shipment.StatusIN_TRANSIT)
		}
		sbs = append(sbs, b)
		shipped = append(shipped, o)
	}
	les, err := saveBulk(s.ctx, lbs, func(ctx context.Context, bs ...*ent.OrderLineCreate) ([]*ent.OrderLine, error) {
		return s.c.OrderLine.CreateBulk(bs...).Save(ctx)
	})
	if err != nil {
		return err
	}
	ses, err := saveBulk(s.ctx, sbs, func(ctx context.Context, bs ...*ent.ShipmentCreate) ([]*ent.Shipment, error) {
		return s.c.Shipment.CreateBulk(bs...).Save(ctx)
	})
	if err != nil {
		return err
	}
	var ebs []*ent.TrackingEventCreate
	for k, sh := range ses {
		o := shipped[k]
		city := o.c.spec.city
		ev := func(at time.Time, loc, desc string) {
			if !at.After(s.now) {
				ebs = append(ebs, s.c.TrackingEvent.Create().SetShipmentID(sh.ID).SetAt(at).SetLocation(loc).SetDescription(desc).
					SetCreatedAt(at).SetUpdatedAt(at))
			}
		}
		ev(o.shipped.Add(2*time.Hour), ourPlant, sh.Carrier+"已揽收，运单号 "+sh.TrackingNo)
		ev(o.shipped.Add(14*time.Hour), hubs[o.c.spec.prov], "已到达"+hubs[o.c.spec.prov]+"，正在发往"+city)
		if o.delivered != nil {
			ev(o.delivered.Add(-5*time.Hour), city, "派送中，司机已电话联系收货人")
			ev(*o.delivered, city, "已签收，签收人："+sh.SignedBy+"；送货单已盖章回传")
		} else {
			ev(o.shipped.Add(30*time.Hour), city, "已到达"+city+"营业部，待派送")
		}
	}
	tes, err := saveBulk(s.ctx, ebs, func(ctx context.Context, bs ...*ent.TrackingEventCreate) ([]*ent.TrackingEvent, error) {
		return s.c.TrackingEvent.CreateBulk(bs...).Save(ctx)
	})
	if err != nil {
		return err
	}
	s.res.Orders, s.res.OrderLines, s.res.Shipments, s.res.TrackingEvents = len(oes), len(les), len(ses), len(tes)
	shipments := map[*orderPlan]*ent.Shipment{}
	for k, sh := range ses {
		shipments[shipped[k]] = sh
	}
	return s.seedOrderEvents(shipments)
}

// seedOrderEvents writes one event per checkpoint each order has passed, by the
// account's owner, plus the cancellation of a cancelled order.
func (s *seeder) seedOrderEvents(shipments map[*orderPlan]*ent.Shipment) error {
	var bs []*ent.OrderEventCreate
	for _, o := range s.orders {
		var batches, dates []string
		for _, l := range o.lines {
			if l.b != nil && !slices.Contains(batches, l.b.no) {
				batches = append(batches, l.b.no)
				dates = append(dates, l.b.date.Format("2006-01-02"))
			}
		}
		var packs []string
		for _, l := range o.lines {
			pk := fmt.Sprintf("%g kg 袋装", l.p.spec.pkg)
			if l.p.spec.pkg > 25 {
				pk = fmt.Sprintf("%g kg 桶装", l.p.spec.pkg)
			}
			if !slices.Contains(packs, pk) {
				packs = append(packs, pk)
			}
		}
		sh := shipments[o]
		shipNote, signNote := "", "已签收，送货单已盖章回传"
		if sh != nil {
			shipNote = sh.Carrier + " 运单号 " + sh.TrackingNo
			if sh.SignedBy != "" {
				signNote = "已签收，签收人：" + sh.SignedBy + "；送货单已盖章回传"
			}
		}
		paid := "货款已到账（电汇）"
		if o.payDays > 40 {
			paid = "货款已到账（银行承兑汇票）"
		}
		steps := []struct {
			at   *time.Time
			step orderevent.Step
			note string
		}{
			{o.confirmed, orderevent.StepCONFIRMED, "订单确认，交期 " + o.promised().Format("2006-01-02")},
			{o.contract, orderevent.StepCONTRACT_SIGNED, "合同 HT" + strings.TrimPrefix(o.number, "SO") + " 双方盖章"},
			{o.prodCheck, orderevent.StepPRODUCTION_DATE_CHECKED, "生产日期 " + strings.Join(dates, "、") + "，在保质期内"},
			{o.batchCk, orderevent.StepBATCH_CHECKED, "同一批次：" + strings.Join(batches, "、")},
			{o.label, orderevent.StepLABELLING_CHECKED, "标签按客户物料编码打印，批号与 COA 一致"},
			{o.pack, orderevent.StepPACKAGING_CHECKED, "包装完好（" + strings.Join(packs, "、") + "），随货附 COA 和 MSDS"},
			{o.shipped, orderevent.StepSHIPPED, shipNote},
			{o.delivered, orderevent.StepDELIVERED, signNote},
			{o.invoiced, orderevent.StepINVOICED, "增值税专用发票已开具并寄出"},
			{o.paid, orderevent.StepPAID, paid},
			{o.closed, orderevent.StepCLOSED, "交付、发票、回款齐全，订单关闭"},
			{o.cancelledAt, orderevent.StepCANCELLED, o.cancelReason},
		}
		for _, st := range steps {
			if st.at == nil {
				continue
			}
			b := s.c.OrderEvent.Create().SetOrderID(o.e.ID).SetCustomerID(o.c.e.ID).SetStep(st.step).
				SetActorID(o.c.owner.ID).SetAt(*st.at)
			if st.note != "" {
				b.SetNote(clip(st.note, 250))
			}
			bs = append(bs, b)
		}
	}
	es, err := saveBulk(s.ctx, bs, func(ctx context.Context, bs ...*ent.OrderEventCreate) ([]*ent.OrderEvent, error) {
		return s.c.OrderEvent.CreateBulk(bs...).Save(ctx)
	})
	if err != nil {
		return err
	}
	s.res.OrderEvents = len(es)
	return nil
}

func (s *seeder) seedSamples() error {
	var bs []*ent.SampleCreate
	var plans []*samplePlan
	var owners []*cust
	for _, c := range s.custs {
		for _, sp := range c.samples {
			comp := sp.p.spec.comps[c.i%len(sp.p.spec.comps)]
			qty := []float64{1, 2, 2, 3, 5}[s.pick(5)]
			if sp.reached(smPILOT) {
				qty = 25
			}
			last := sp.req
			for _, st := range sampleSteps {
				if sp.reached(st) && st != smCONVERTED {
					last = sp.at(st)
				}
			}
			if !sp.endAt.IsZero() {
				last = sp.endAt
			}
			b := s.c.Sample.Create().SetCustomerID(c.e.ID).SetProductID(sp.p.e.ID).SetRequestedByID(c.owner.ID).
				SetQuantity(qty).SetUnit("kg").SetStatus(sp.status).SetRequestedAt(sp.req).
				SetPurpose(fmt.Sprintf("%s 替代现用%s %s，用于%s；先做小样验证，通过后中试。", sp.p.spec.code, comp.name, comp.product, sp.p.spec.app.application)).
				SetCreatedAt(sp.req).SetUpdatedAt(s.clampPast(last))
			if sp.reached(smPREPARED) {
				b.SetDocManual(true).SetDocMsds(true).SetDocLabel(true)
			}
			if sp.reached(smSHIPPED) {
				b.SetShippedAt(sp.at(smSHIPPED)).SetTrackingNo("SF" + s.digits(13)).SetDocPrecautions(true)
			}
			if sp.reached(smRECEIVED) {
				b.SetReceivedAt(sp.at(smRECEIVED))
			}
			switch sp.status {
			case smFAILED:
				b.SetStatusReason(sp.p.spec.app.fail)
			case smABANDONED:
				b.SetStatusReason(sp.p.spec.app.abandon)
			case smCONVERTED:
				b.SetOrderID(sp.order.e.ID)
			}
			bs = append(bs, b)
			plans = append(plans, sp)
			owners = append(owners, c)
		}
	}
	es, err := saveBulk(s.ctx, bs, func(ctx context.Context, bs ...*ent.SampleCreate) ([]*ent.Sample, error) {
		return s.c.Sample.CreateBulk(bs...).Save(ctx)
	})
	if err != nil {
		return err
	}
	s.res.Samples = len(es)
	var tbs []*ent.TrialCreate
	for k, e := range es {
		sp, c := plans[k], owners[k]
		sp.e = e
		if !sp.reached(smLAB) {
			continue
		}
		app := sp.p.spec.app
		mk := func(kind trial.Kind, size string) *ent.TrialCreate {
			b := s.c.Trial.Create().SetSampleID(e.ID).SetKind(kind).SetApplication(app.application).SetIndustry(c.ind.label).
				SetSizeSpec(size).SetColour(app.colour).SetEnvironmental(c.ind.env).SetKeyProperties(app.keyProps).
				SetTestStandard(app.standard).SetCycle("小样约 2 周，中试约 3 周").SetEquipment(c.ind.equipment).
				SetTestEquipment(c.ind.testEquip)
			if c.ratings[1] > 0 {
				b.SetCustomerTechLevel(c.ratings[1])
			}
			return b
		}
		finish := func(b *ent.TrialCreate, start time.Time, end float64, outcome trial.Outcome, results string) {
			b.SetStartedAt(start).SetOutcome(outcome).SetCreatedAt(start).SetUpdatedAt(start)
			if outcome != trial.OutcomePENDING {
				f := sp.atDay(end)
				if !sp.endAt.IsZero() && sp.status == smFAILED {
					f = sp.endAt
				}
				b.SetFinishedAt(f).SetUpdatedAt(f)
			}
			b.SetResults(results)
		}
		pending := "试验进行中：样品已加工，等待按 " + app.standard + " 测试的结果。"
		lab := mk(trial.KindLAB, app.sizeLab)
		switch {
		case sp.reached(smPILOT):
			finish(lab, sp.at(smLAB), labEnd, trial.OutcomePASSED, app.passLab)
		case sp.status == smFAILED:
			finish(lab, sp.at(smLAB), labEnd, trial.OutcomeFAILED, app.fail)
		default:
			finish(lab, sp.at(smLAB), labEnd, trial.OutcomePENDING, pending)
		}
		tbs = append(tbs, lab)
		if sp.reached(smPILOT) {
			pilot := mk(trial.KindPILOT, app.sizePilot)
			switch sp.status {
			case smAPPROVED, smCONVERTED:
				finish(pilot, sp.at(smPILOT), pilotEnd, trial.OutcomePASSED, app.passPilot)
			case smFAILED:
				finish(pilot, sp.at(smPILOT), pilotEnd, trial.OutcomeFAILED, app.fail)
			default:
				finish(pilot, sp.at(smPILOT), pilotEnd, trial.OutcomePENDING, pending)
			}
			tbs = append(tbs, pilot)
		}
	}
	tes, err := saveBulk(s.ctx, tbs, func(ctx context.Context, bs ...*ent.TrialCreate) ([]*ent.Trial, error) {
		return s.c.Trial.CreateBulk(bs...).Save(ctx)
	})
	if err != nil {
		return err
	}
	s.res.Trials = len(tes)
	return s.seedSampleEvents(plans, owners)
}

// seedSampleEvents writes one event per step each sample went through, at the plan's
// times: by the account's owner, by the technical colleague for the trial steps.
func (s *seeder) seedSampleEvents(plans []*samplePlan, owners []*cust) error {
	var bs []*ent.SampleEventCreate
	for k, sp := range plans {
		c, app := owners[k], sp.p.spec.app
		from := smREQUESTED
		add := func(to sample.Status, at time.Time, note string) {
			actor := c.owner
			if to == smLAB || to == smPILOT || to == smFAILED {
				actor = s.tech(c)
			}
			bs = append(bs, s.c.SampleEvent.Create().SetSampleID(sp.e.ID).SetCustomerID(c.e.ID).
				SetFromStatus(sampleevent.FromStatus(from)).SetToStatus(sampleevent.ToStatus(to)).
				SetActorID(actor.ID).SetAt(at).SetNote(clip(note, 250)))
			from = to
		}
		notes := map[sample.Status]string{
			smPREPARED: "样品已备好：说明书（TDS）、MSDS、标签齐全，标签注明批号",
			smSHIPPED:  "顺丰寄出，随附注意事项；运单号 " + sp.e.TrackingNo,
			smRECEIVED: "客户确认收到，已交代保管条件（阴凉、干燥、密封）",
			smLAB:      "客户开始小样试验：" + app.sizeLab,
			smPILOT:    "小样通过，进入中试：" + app.passLab,
			smAPPROVED: "中试通过，客户认可：" + app.passPilot,
		}
		for _, st := range sampleSteps[1:] {
			if !sp.reached(st) {
				break
			}
			if st == smCONVERTED {
				add(st, sp.endAt, "转为评估订单 "+sp.order.number)
				continue
			}
			add(st, sp.at(st), notes[st])
		}
		if sp.status == smFAILED || sp.status == smABANDONED {
			add(sp.status, sp.endAt, sp.e.StatusReason)
		}
	}
	es, err := saveBulk(s.ctx, bs, func(ctx context.Context, bs ...*ent.SampleEventCreate) ([]*ent.SampleEvent, error) {
		return s.c.SampleEvent.CreateBulk(bs...).Save(ctx)
	})
	if err != nil {
		return err
	}
	s.res.SampleEvents = len(es)
	return nil
}

func (s *seeder) seedDocuments() error {
	type doc struct {
		b   *ent.DocumentCreate
		sup int // index+1 of the document this one supersedes
	}
	var docs []doc
	add := func(t document.Type, title, ver string, lang document.Language, p *prod, published time.Time, valid *time.Time) *ent.DocumentCreate {
		b := s.c.Document.Create().SetType(t).SetTitle(title).SetDocVersion(ver).SetLanguage(lang).
			SetPublishedAt(published).SetNillableValidUntil(valid).SetCreatedAt(published).SetUpdatedAt(published)
		if p != nil {
			b.SetProductID(p.e.ID)
		}
		docs = append(docs, doc{b: b})
		return b
	}
	years := func(t time.Time, n int) *time.Time { return ptr(t.AddDate(n, 0, 0)) }
	english := map[string]bool{"TX-AO1010": true, "TX-UV531": true, "TX-FR300": true, "TX-EP128": true}
	for _, p := range s.prods {
		ps := p.spec
		pub := s.ago(s.between(150, 450)).Truncate(24 * time.Hour).Add(2 * time.Hour)
		if ps.code == "TX-AO1010" {
			// An old TDS, replaced by the current revision.
			old := s.ago(720).Truncate(24 * time.Hour).Add(2 * time.Hour)
			add(document.TypeMANUAL_TDS, ps.code+" "+ps.name+" 技术说明书（TDS）", "1.0", document.LanguageZh, p, old, ptr(pub))
			add(document.TypeMANUAL_TDS, ps.code+" "+ps.name+" 技术说明书（TDS）", "2.0", document.LanguageZh, p, pub, nil)
			docs[len(docs)-1].sup = len(docs) - 1
		} else {
			add(document.TypeMANUAL_TDS, ps.code+" "+ps.name+" 技术说明书（TDS）", "1.2", document.LanguageZh, p, pub, nil)
		}
		add(document.TypeMSDS, ps.code+" "+ps.name+" 化学品安全技术说明书（MSDS）", "3.0", document.LanguageZh, p, pub, years(pub, 3))
		if english[ps.code] {
			add(document.TypeMANUAL_TDS, ps.code+" "+ps.nameEn+" Technical Data Sheet", "1.2", document.LanguageEn, p, pub, nil)
			add(document.TypeMSDS, ps.code+" "+ps.nameEn+" Safety Data Sheet (SDS, GHS Rev. 9)", "3.0", document.LanguageEn, p, pub, years(pub, 3))
		}
	}
	iso := s.ago(400).Truncate(24 * time.Hour).Add(2 * time.Hour)
	add(document.TypeCERTIFICATE, ourName+" ISO 9001:2015 质量管理体系认证证书", "2024", document.LanguageZh, nil, iso, years(iso, 3))
	for _, code := range []string{"TX-AO1010", "TX-UV531", "TX-FR300"} {
		p := s.prodBy[code]
		t := s.ago(s.between(300, 500)).Truncate(24 * time.Hour).Add(2 * time.Hour)
		add(document.TypeCERTIFICATE, code+" REACH 注册证明（Registration Confirmation）", "1", document.LanguageEn, p, t, years(t, 5))
	}
	for k, code := range []string{"TX-TiO2-R", "TX-FR300", "TX-DS80", "TX-PW200"} {
		p := s.prodBy[code]
		age := []float64{340, 200, 120, 60}[k] // the first expires within a month
		t := s.ago(age).Truncate(24 * time.Hour).Add(2 * time.Hour)
		add(document.TypeSGS_REPORT, code+" SGS 检测报告（RoHS 10 项 + REACH SVHC）", "SHAEC"+s.digits(8), document.LanguageEn, p, t, years(t, 1))
	}
	ep := s.prodBy["TX-EP128"]
	t := s.ago(90).Truncate(24 * time.Hour).Add(2 * time.Hour)
	add(document.TypePRECAUTIONS, "TX-EP128 储存与使用注意事项（含冬季融晶操作）", "2.1", document.LanguageZh, ep, t, nil)
	// Application data made for one customer.
	if c := s.custs[3]; c.has(stMAIN) {
		fr := s.prodBy["TX-FR300"]
		at := c.at[stTRIAL].Add(days(20)).Truncate(24 * time.Hour).Add(2 * time.Hour)
		add(document.TypeAPPLICATION_DATA, "TX-FR300 在低烟无卤电缆料中的应用评价数据（"+c.short()+"）", "1", document.LanguageZh, fr, at, nil).
			SetCustomerID(c.e.ID)
	}
	// A COA for every batch shipped or allocated to an order.
	for _, b := range s.batchs {
		pub := b.date.Add(days(1))
		add(document.TypeCOA, b.p.spec.code+" 出厂检验报告（COA）批号 "+b.no, "1", document.LanguageZh, b.p, pub, ptr(b.date.AddDate(2, 0, 0))).
			SetBatchNo(b.no)
	}
	// The TDS, MSDS, precautions and COAs have their files: a sample ships with the
	// product's current MSDS and TDS on file, an order's batches with their COA.
	for i, d := range docs {
		m := d.b.Mutation()
		typ, _ := m.GetType()
		if typ != document.TypeMANUAL_TDS && typ != document.TypeMSDS && typ != document.TypePRECAUTIONS && typ != document.TypeCOA {
			continue
		}
		title, _ := m.Title()
		ver, _ := m.DocVersion()
		body := []byte(title + "\n" + "版本 / Version " + ver + "\n\n" + ourName + " — demo document (示例文件).\n")
		key := fmt.Sprintf("documents/demo/%04d.txt", i+1)
		if s.res.Files == nil {
			s.res.Files = map[string][]byte{}
		}
		s.res.Files[key] = body
		d.b.SetFileName(fmt.Sprintf("%s-%s-%s.txt", strings.ToLower(string(typ)), ver, key[len(key)-8:len(key)-4])).
			SetContentType("text/plain; charset=utf-8").SetSizeBytes(int64(len(body))).
			SetSha256(fmt.Sprintf("%x", sha256.Sum256(body))).SetStorageKey(key)
	}
	// Create in order; a superseding document needs the ID of the one it replaces.
	var created []*ent.Document
	var batchB []*ent.DocumentCreate
	flush := func() error {
		es, err := saveBulk(s.ctx, batchB, func(ctx context.Context, bs ...*ent.DocumentCreate) ([]*ent.Document, error) {
			return s.c.Document.CreateBulk(bs...).Save(ctx)
		})
		created = append(created, es...)
		batchB = nil
		return err
	}
	for _, d := range docs {
		if d.sup > 0 {
			if err := flush(); err != nil {
				return err
			}
			d.b.SetSupersedesID(created[d.sup-1].ID)
		}
		batchB = append(batchB, d.b)
	}
	if err := flush(); err != nil {
		return err
	}
	s.res.Documents = len(created)
	return nil
}

// seedServiceDocuments writes each buying account's service ladder: the documents it
// receives with its deliveries, rung by rung as the relationship grew (说明书 → 质检单 →
// MSDS → SGS → 应用评估数据). An account that went quiet stopped receiving its COAs; a
// lost one everything.
func (s *seeder) seedServiceDocuments() error {
	var bs []*ent.ServiceDocumentCreate
	for _, c := range s.custs {
		if !c.has(stEVALUATION) || len(c.orders) == 0 {
			continue
		}
		code := c.samples[0].p.spec.code
		var stopped *time.Time
		if c.terminal() {
			stopped = ptr(c.at[c.spec.stage])
		}
		add := func(t servicedocument.Type, since time.Time, until *time.Time, note string) {
			since = since.Truncate(time.Minute)
			b := s.c.ServiceDocument.Create().SetCustomerID(c.e.ID).SetType(t).SetSince(since).SetNote(note).
				SetCreatedAt(since).SetUpdatedAt(since)
			if until != nil {
				b.SetUntil(*until).SetUpdatedAt(*until)
			}
			bs = append(bs, b)
		}
		tdsUntil := stopped
		if c.spec.stage != stLOST {
			tdsUntil = nil
		}
		add(servicedocument.TypeMANUAL_TDS, c.at[stEVALUATION], tdsUntil, "随首批评估订单提供 "+code+" 技术说明书（TDS），版本更新时主动发送。")
		if first := c.orders[0]; first.delivered != nil {
			add(servicedocument.TypeCOA, *first.delivered, stopped, "每批随货附出厂检验报告（COA），批号与送货单一致。")
		}
		if c.has(stMAIN) {
			add(servicedocument.TypeMSDS, c.at[stMAIN], nil, "成为主供应商后每年更新 MSDS（GHS 版）并随货提供，供客户 EHS 备案。")
		}
		if c.has(stPARTNER) {
			sgs := c.at[stMAIN].Add(c.at[stPARTNER].Sub(c.at[stMAIN]) / 2)
			add(servicedocument.TypeSGS_REPORT, sgs, nil, "每年提供 SGS 检测报告（RoHS 10 项 + REACH SVHC），供客户出口和主机厂认证。")
			add(servicedocument.TypeAPPLICATION_DATA, s.clampPast(c.at[stPARTNER].Add(days(14))), nil,
				"联合开发：提供 "+code+" 在客户体系中的应用评估数据，每季度更新。")
		}
	}
	es, err := saveBulk(s.ctx, bs, func(ctx context.Context, bs ...*ent.ServiceDocumentCreate) ([]*ent.ServiceDocument, error) {
		return s.c.ServiceDocument.CreateBulk(bs...).Save(ctx)
	})
	if err != nil {
		return err
	}
	s.res.ServiceDocuments = len(es)
	return nil
}

func (s *seeder) seedIssues() error {
	var bs []*ent.IssueCreate
	for _, ip := range s.issues {
		is, c := ip.spec, ip.c
		assignee := c.owner
		if is.tech {
			assignee = s.tech(c)
		}
		// Answered within three hours, on site the next day (sooner for critical
		// problems), both within the severity's SLA; never after now.
		sla := problems.SLAs[is.sev]
		after := func(d time.Duration) time.Time {
			if t := ip.reported.Add(d); !t.After(s.now) {
				return t
			}
			return s.now.Truncate(time.Minute)
		}
		updated := ip.reported
		b := s.c.Issue.Create().SetCustomerID(c.e.ID).SetReportedByID(c.owner.ID).SetAssigneeID(assignee.ID).
			SetTitle(is.title).SetDescription(is.desc).SetCategory(is.cat).SetRootCause(is.root).SetSeverity(is.sev).
			SetStatus(is.st).SetReportedAt(ip.reported).SetNillableResolvedAt(ip.resolved).SetNillableClosedAt(ip.closed).
			SetProductID(ip.p.e.ID).SetCreatedAt(ip.reported)
		if ip.o != nil {
			b.SetOrderID(ip.o.e.ID).SetBatchNo(ip.batch)
		}
		if is.st != issue.StatusOPEN {
			updated = after(min(3*time.Hour, sla.Respond/2))
			b.SetRespondedAt(updated)
		}
		if is.onsite != "" && is.st != issue.StatusOPEN && is.st != issue.StatusRESPONDED {
			updated = after(min(26*time.Hour, sla.OnSite-4*time.Hour))
			b.SetOnsiteAt(updated)
		}
		for _, t := range []*time.Time{ip.resolved, ip.closed} {
			if t != nil {
				updated = *t
			}
		}
		b.SetUpdatedAt(updated)
		for _, f := range []struct {
			v   string
			set func(string) *ent.IssueCreate
		}{{is.onsite, b.SetOnsiteResponse}, {is.joint, b.SetJointRootCauseWork}, {is.disp, b.SetDisposition}, {is.resolution, b.SetResolution}} {
			if f.v != "" {
				f.set(f.v)
			}
		}
		if is.loss > 0 {
			b.SetLossAmount(is.loss)
		}
		bs = append(bs, b)
	}
	es, err := saveBulk(s.ctx, bs, func(ctx context.Context, bs ...*ent.IssueCreate) ([]*ent.Issue, error) {
		return s.c.Issue.CreateBulk(bs...).Save(ctx)
	})
	if err != nil {
		return err
	}
	s.res.Issues = len(es)
	return nil
}

// buyers are the accounts that bought p in the last year, in account order.
func (s *seeder) buyers(p *prod) []*cust {
	var out []*cust
	for _, c := range s.custs {
	orders:
		for _, o := range c.orders {
			if o.cancelled || o.at.Before(s.ago(365)) {
				continue
			}
			for _, l := range o.lines {
				if l.p == p {
					out = append(out, c)
					break orders
				}
			}
		}
	}
	return out
}

func (s *seeder) seedChangeNotices() error {
	notices := []struct {
		code        string
		kind        changenotice.Kind
		title, desc string
		issued, eff float64
	}{
		{"TX-AO1010", changenotice.KindRAW_MATERIAL, "TX-AO1010 主原料（3,5-甲酯）新增合格供应商",
			"因原供应商检修减产，主原料 3,5-二叔丁基-4-羟基苯丙酸甲酯新增一家合格供应商（已通过我司 3 批验证）。成品规格不变，COA 项目不变。如需，可提供新旧原料对比数据和留样。", 18, 45},
		{"TX-EP128", changenotice.KindPACKAGING, "TX-EP128 包装变更：220 kg 铁桶改为内涂环氧铁桶，新增 1000 L IBC 吨桶可选",
			"为减少铁锈杂质并方便大用量客户，220 kg 包装桶改为内涂环氧涂层铁桶；新增 1000 L IBC 吨桶包装（需提前两周预订）。产品规格不变。", 9, 30},
	}
	for _, n := range notices {
		p := s.prodBy[n.code]
		issued := s.ago(n.issued)
		cn, err := s.c.ChangeNotice.Create().SetProductID(p.e.ID).SetKind(n.kind).SetTitle(n.title).SetDescription(n.desc).
			SetIssuedAt(issued).SetEffectiveAt(s.dueAt(n.eff)).SetStatus(changenotice.StatusISSUED).
			SetCreatedAt(issued.Add(-days(3))).SetUpdatedAt(issued).Save(s.ctx)
		if err != nil {
			return err
		}
		s.res.ChangeNotices++
		var bs []*ent.ChangeNoticeAckCreate
		for k, c := range s.buyers(p) {
			notified := issued.Add(days(1))
			b := s.c.ChangeNoticeAck.Create().SetChangeNoticeID(cn.ID).SetCustomerID(c.e.ID).SetNotifiedAt(notified).
				SetCreatedAt(notified).SetUpdatedAt(notified)
			if k%3 != 2 {
				ack := s.clampPast(notified.Add(days(s.between(1, n.issued-2))).Truncate(time.Minute))
				who := c.contactIn(contact.DepartmentPURCHASING)
				b.SetAcknowledgedAt(ack).SetAcknowledgedBy(who.name + "（" + who.title + "）").SetUpdatedAt(ack).
					SetNote("已知悉，来料检验按原标准执行。")
			} else {
				b.SetNote("已邮件和微信通知，待客户回签。")
			}
			bs = append(bs, b)
		}
		es, err := saveBulk(s.ctx, bs, func(ctx context.Context, bs ...*ent.ChangeNoticeAckCreate) ([]*ent.ChangeNoticeAck, error) {
			return s.c.ChangeNoticeAck.CreateBulk(bs...).Save(ctx)
		})
		if err != nil {
			return err
		}
		s.res.ChangeNoticeAcks += len(es)
	}
	return nil
}

func (s *seeder) seedMarketInfo() error {
	items := []struct {
		kind         marketinfo.Kind
		title, body  string
		source       string
		author       string
		confidential bool
		ago          float64
		to           []int // accounts it was shared with (1-based)
	}{
		{marketinfo.KindNEW_MATERIAL, "生物基聚乙烯蜡完成中试，预计明年量产",
			"某高校与企业合作的生物基 PE 蜡完成 500 t 中试，熔点 105 ℃，可用于色母粒和油墨；价格预计比石油基高 30%。适合关注“双碳”和出口欧盟的客户。",
			"中国塑料加工工业协会助剂专委会年会", "rep1", false, 75, []int{11, 13, 5}},
		{marketinfo.KindNEW_PRODUCT, "TX-FR310 低析出型无卤阻燃剂即将发布",
			"在 FR-300 基础上改进表面处理，70 ℃ 水煮 168 h 无析出，适用于新能源线缆和薄壁注塑件；下季度开放送样。",
			ourName + " 技术中心", "tech1", false, 40, []int{1, 4, 9, 17}},
		{marketinfo.KindTREND, "新能源汽车线缆耐温等级由 125 ℃ 向 150 ℃ 提升",
			"多家主机厂新平台要求高压线缆耐温 150 ℃、低烟无卤；阻燃体系和交联工艺都需调整，认证周期约 9–12 个月。",
			"中国汽车工程学会线束研讨会", "rep2", false, 120, []int{4, 9, 17, 29}},
		{marketinfo.KindMARKET, "某华南大型涂料企业明年钛白粉将集中招标",
			"从一位客户处得知其明年钛白粉采购将集中招标，预计量 3 000 t。此信息为客户私下透露，不得外传。",
			"客户私下交流（保密）", "rep3", true, 20, nil},
		{marketinfo.KindPRICE_TREND, "钛白粉下行、苯酚和双酚A上行：下季度备货建议",
			"钛白粉供应宽松，价格连续下行，建议按需采购；苯酚、双酚A 受装置检修影响上涨，抗氧剂 1010 和环氧树脂有上调压力，建议提前备货 1–2 个月。",
			ourName + " 市场部（据卓创资讯、百川盈孚整理）", "manager", false, 12, []int{1, 2, 6, 8, 10, 3}},
	}
	channels := []string{"微信", "邮件", "拜访时面谈", "季度技术交流会"}
	for _, it := range items {
		at := s.ago(it.ago)
		mi, err := s.c.MarketInfo.Create().SetKind(it.kind).SetTitle(it.title).SetBody(it.body).SetSource(it.source).
			SetConfidentialOrigin(it.confidential).SetAuthorID(s.users[it.author].ID).SetPublishedAt(at).
			SetCreatedAt(at).SetUpdatedAt(at).Save(s.ctx)
		if err != nil {
			return err
		}
		s.res.MarketInfos++
		var bs []*ent.MarketInfoShareCreate
		for _, ci := range it.to {
			c := s.custs[ci-1]
			ct := c.contactIn(contact.DepartmentTECHNICAL)
			if it.kind == marketinfo.KindPRICE_TREND {
				ct = c.contactIn(contact.DepartmentPURCHASING)
			}
			shared := s.clampPast(at.Add(days(s.between(1, min(10, it.ago-1)))).Truncate(time.Minute))
			bs = append(bs, s.c.MarketInfoShare.Create().SetMarketInfoID(mi.ID).SetCustomerID(c.e.ID).SetContactID(ct.e.ID).
				SetSharedAt(shared).SetChannel(channels[s.pick(len(channels))]).SetNote("已发给"+ct.name+"，对方表示有参考价值。").
				SetCreatedAt(shared).SetUpdatedAt(shared))
		}
		es, err := saveBulk(s.ctx, bs, func(ctx context.Context, bs ...*ent.MarketInfoShareCreate) ([]*ent.MarketInfoShare, error) {
			return s.c.MarketInfoShare.CreateBulk(bs...).Save(ctx)
		})
		if err != nil {
			return err
		}
		s.res.MarketInfoShares += len(es)
	}
	return nil
}

func (s *seeder) seedAssistance() error {
	items := []struct {
		cust          int
		kind          assistance.Kind
		status        assistance.Status
		desc, outcome string
		ago, took     float64
	}{
		{1, assistance.KindSOURCING, assistance.StatusDONE, "客户急需进口成核剂 NA-11（原代理断货），请我方帮忙寻找货源。",
			"通过合作贸易商调到 500 kg，三天到货，避免客户停线。", 210, 5},
		{15, assistance.KindSAMPLE_PROCUREMENT, assistance.StatusDONE, "客户需要日本某品牌光稳定剂样品做对标，无法自行购买。",
			"经我方日本代理取得 1 kg 样品，附 TDS，已转交客户技术部。", 70, 12},
		{16, assistance.KindTESTING, assistance.StatusDONE, "客户没有 QUV 老化箱，请我方测试其户外面漆的耐候性。",
			"我方应用实验室完成 1 000 h QUV 测试并出具报告；保光率 82%，客户据此调整配方。", 45, 20},
		{2, assistance.KindANALYSIS, assistance.StatusOPEN, "客户拿到一款竞品色浆，请我方分析分散剂类型和含量。",
			"", 6, 0},
		{5, assistance.KindFUNDING, assistance.StatusDECLINED, "客户扩产资金紧张，希望账期延长到 120 天。",
			"财务评估后未批准 120 天账期；改为按月结算并接受银行承兑汇票，客户接受。", 25, 8},
		{6, assistance.KindINVOICE, assistance.StatusDONE, "客户年底预算调整，请求按项目分批开具发票。",
			"按客户三个项目拆分开票，月底前全部开出。", 100, 4},
	}
	var bs []*ent.AssistanceCreate
	for _, it := range items {
		c := s.custs[it.cust-1]
		at := s.ago(it.ago)
		b := s.c.Assistance.Create().SetCustomerID(c.e.ID).SetKind(it.kind).SetStatus(it.status).SetDescription(it.desc).
			SetRequestedAt(at).SetCreatedAt(at).SetUpdatedAt(at)
		if it.outcome != "" {
			b.SetOutcome(it.outcome)
		}
		if it.status != assistance.StatusOPEN {
			done := s.clampPast(at.Add(days(it.took)))
			b.SetResolvedAt(done).SetUpdatedAt(done)
		}
		bs = append(bs, b)
	}
	es, err := saveBulk(s.ctx, bs, func(ctx context.Context, bs ...*ent.AssistanceCreate) ([]*ent.Assistance, error) {
		return s.c.Assistance.CreateBulk(bs...).Save(ctx)
	})
	if err != nil {
		return err
	}
	s.res.Assistances = len(es)
	return nil
}

var stageEvidence = map[customer.Stage]string{
	stPROSPECT: "lead_found", stCONTACTED: "first_call", stVISITED: "first_visit", stSAMPLING: "sample_shipped",
	stTRIAL: "lab_trial_started", stEVALUATION: "evaluation_order", stMAIN: "evaluation_orders_passed",
	stPARTNER: "framework_agreement", stDORMANT: "no_activity_90d", stLOST: "lost_to_competitor",
}

// seedStageHistory replaces the stage rows the create hook wrote (stamped with the wall
// clock) by the account's real history, and dates each account's current stage.
func (s *seeder) seedStageHistory() error {
	if _, err := s.c.StageChange.Delete().Exec(s.ctx); err != nil {
		return err
	}
	var bs []*ent.StageChangeCreate
	for _, c := range s.custs {
		var prev customer.Stage
		for _, st := range c.path {
			at := c.at[st]
			var reason string
			switch st {
			case stPROSPECT:
				reason = "线索：" + leadDetail(c.spec.detail, at)
			case stCONTACTED:
				reason = "首次电话联系 " + c.contacts[0].name
			case stVISITED:
				reason = "首次上门拜访，见到技术和采购"
			case stSAMPLING:
				reason = "样品已寄出，随附说明书、MSDS、注意事项"
			case stTRIAL:
				reason = "客户开始小样试验"
			case stEVALUATION:
				reason = "中试通过，首批评估订单"
				for _, o := range c.orders {
					if o.eval {
						reason += " " + o.number
						break
					}
				}
			case stMAIN:
				reason = "评估订单全部合格，进入合格供应商名录并成为主供应商"
			case stPARTNER:
				reason = "签订战略合作协议，启动联合开发"
			case stDORMANT, stLOST:
				reason = stageReasons[c.i]
			}
			b := s.c.StageChange.Create().SetCustomerID(c.e.ID).SetToStage(stagechange.ToStage(st)).SetChangedAt(at).
				SetEvidence(stageEvidence[st]).SetReason(clip(reason, 500)).SetChangedByID(c.owner.ID)
			if prev != "" {
				b.SetFromStage(stagechange.FromStage(prev))
			}
			bs = append(bs, b)
			prev = st
		}
	}
	es, err := saveBulk(s.ctx, bs, func(ctx context.Context, bs ...*ent.StageChangeCreate) ([]*ent.StageChange, error) {
		return s.c.StageChange.CreateBulk(bs...).Save(ctx)
	})
	if err != nil {
		return err
	}
	s.res.StageChanges = len(es)
	for _, c := range s.custs {
		u := s.c.Customer.UpdateOneID(c.e.ID).SetStageChangedAt(c.at[c.spec.stage]).SetUpdatedAt(c.lastActive)
		if ci := c.spec.refContactOf; ci > 0 {
			u.SetReferrerContactID(s.custs[ci-1].contactIn(contact.DepartmentGENERAL_MANAGEMENT).e.ID)
		}
		if _, err := u.Save(s.ctx); err != nil {
			return fmt.Errorf("%s: %w", c.spec.name, err)
		}
	}
	return nil
}

package importer

// The words an export writes for the enums, in zh and en: the app's own labels
// (frontend/src/i18n/enums.ts), each of which the kind's importer reads back
// (TestExportLabelsImportBack).
type pair struct{ zh, en string }

var roleLabels = map[string]pair{
	"DECISION_MAKER": {"决策者", "Decision maker"}, "INFLUENCER": {"影响者", "Influencer"},
	"GATEKEEPER": {"把关者", "Gatekeeper"}, "USER": {"使用者", "User"},
	"TECHNICAL_EVALUATOR": {"技术评估者", "Technical evaluator"},
}

var attitudeLabels = map[string]pair{
	"CHAMPION": {"支持者(内线)", "Champion"}, "SUPPORTER": {"支持", "Supporter"}, "NEUTRAL": {"中立", "Neutral"},
	"SKEPTIC": {"怀疑", "Skeptic"}, "OPPONENT": {"反对", "Opponent"},
}

var statusLabels = map[string]pair{
	"OPEN": {"待处理", "Open"}, "IN_PRODUCTION": {"生产中", "In production"}, "SHIPPED": {"已发货", "Shipped"},
	"DELIVERED": {"已送达", "Delivered"}, "INVOICED": {"已开票", "Invoiced"}, "CLOSED": {"已关闭", "Closed"},
	"CANCELLED": {"已取消", "Cancelled"},
}

var kindLabels = map[string]pair{
	"PHONE": {"电话", "Phone"}, "VISIT": {"拜访", "Visit"}, "EMAIL": {"邮件", "Email"}, "CHAT": {"微信/聊天", "Chat"},
	"MEETING": {"会议", "Meeting"}, "GIFT": {"送礼", "Gift"}, "GATHERING": {"聚会", "Gathering"},
	"TRADE_SHOW": {"展会", "Trade show"},
}

// label is an enum value's word in lang; a value without one (none today) is written
// as its code, which every importer also reads.
func label(labels map[string]pair, code, lang string) string {
	p, ok := labels[code]
	switch {
	case code == "":
		return ""
	case !ok:
		return code
	case lang == "en":
		return p.en
	}
	return p.zh
}

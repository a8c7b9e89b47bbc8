package pulid

// Types maps each ID prefix to its ent type (the GraphQL type name). The schema test
// checks that every ent type has exactly one prefix here.
var Types = map[string]string{
	"TM": "Team",
	"US": "User",
	"CU": "Customer",
	"CO": "Contact",
	"KP": "KeyPerson",
	"NE": "Need",
	"CP": "Competitor",
	"PI": "Pitch",
	"IN": "Interaction",
	"TA": "Task",
	"SA": "Sample",
	"TR": "Trial",
	"AS": "Assistance",
	"MI": "MarketInfo",
	"MS": "MarketInfoShare",
	"PR": "Product",
	"PP": "PricePoint",
	"DO": "Document",
	"CN": "ChangeNotice",
	"CA": "ChangeNoticeAck",
	"OR": "Order",
	"OL": "OrderLine",
	"SH": "Shipment",
	"TE": "TrackingEvent",
	"IS": "Issue",
	"IA": "IssueAttachment",
	"IE": "IssueEvent",
	"AT": "APIToken",
	"RT": "RefreshToken",
	"AE": "AuditEvent",
	"SC": "StageChange",
	"LT": "LoginThrottle",
	"CM": "ClientMutation",
	"SE": "SampleEvent",
	"OE": "OrderEvent",
	"SD": "ServiceDocument",
	"WE": "WebhookEndpoint",
	"WD": "WebhookDelivery",
	"SQ": "SavedQuery",
	"PE": "Person",
	"XR": "ExchangeRate",
	"AX": "AccountChange",
	"IJ": "ImportJob",
	"CW": "ClassificationSetting",
	"SK": "SigningKey",
	"SS": "ServerState",
	"SZ": "Snooze",
	"QT": "Quotation",
	"QL": "QuotationLine",
	"PJ": "Project",
	"PB": "ProjectMember",
	"PM": "ProjectMilestone",
	"PF": "ProjectDocument",
	"MN": "MediaNote",
	"PU": "PushSubscription",
	"PX": "PushSent",
	// Analytics rollups, read by the server alone.
	"OV": "OrderVolume",
	"SY": "StageStay",
	"SN": "SampleCount",
	"AK": "AccountCount",
}

// TypeOf returns the ent type an ID belongs to ("" when the prefix is unknown).
func TypeOf(id ID) string {
	if !id.Valid() {
		return ""
	}
	return Types[id.Prefix()]
}

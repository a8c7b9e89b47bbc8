package ent

// Hand-written (not generated): maps a prefixed ID to its table so node(id:) needs no
// lookup. TestEveryTypeHasAPrefix keeps it complete.

import (
	"context"

	"tandem/ent/accountchange"
	"tandem/ent/apitoken"
	"tandem/ent/assistance"
	"tandem/ent/auditevent"
	"tandem/ent/changenotice"
	"tandem/ent/changenoticeack"
	"tandem/ent/clientmutation"
	"tandem/ent/competitor"
	"tandem/ent/contact"
	"tandem/ent/customer"
	"tandem/ent/document"
	"tandem/ent/exchangerate"
	"tandem/ent/interaction"
	"tandem/ent/issue"
	"tandem/ent/issueattachment"
	"tandem/ent/issueevent"
	"tandem/ent/keyperson"
	"tandem/ent/loginthrottle"
	"tandem/ent/marketinfo"
	"tandem/ent/marketinfoshare"
	"tandem/ent/medianote"
	"tandem/ent/need"
	"tandem/ent/order"
	"tandem/ent/orderevent"
	"tandem/ent/orderline"
	"tandem/ent/person"
	"tandem/ent/pitch"
	"tandem/ent/pricepoint"
	"tandem/ent/product"
	"tandem/ent/project"
	"tandem/ent/projectdocument"
	"tandem/ent/projectmember"
	"tandem/ent/projectmilestone"
	"tandem/ent/pushsent"
	"tandem/ent/pushsubscription"
	"tandem/ent/quotation"
	"tandem/ent/quotationline"
	"tandem/ent/refreshtoken"
	"tandem/ent/sample"
	"tandem/ent/sampleevent"
	"tandem/ent/savedquery"
	"tandem/ent/schema/pulid"
	"tandem/ent/servicedocument"
	"tandem/ent/shipment"
	"tandem/ent/snooze"
	"tandem/ent/stagechange"
	"tandem/ent/task"
	"tandem/ent/team"
	"tandem/ent/trackingevent"
	"tandem/ent/trial"
	"tandem/ent/user"
	"tandem/ent/webhookdelivery"
	"tandem/ent/webhookendpoint"
)

var tableByPrefix = map[string]string{
	"TM": team.Table,
	"US": user.Table,
	"CU": customer.Table,
	"CO": contact.Table,
	"KP": keyperson.Table,
	"NE": need.Table,
	"CP": competitor.Table,
	"PI": pitch.Table,
	"IN": interaction.Table,
	"TA": task.Table,
	"SA": sample.Table,
	"TR": trial.Table,
	"AS": assistance.Table,
	"MI": marketinfo.Table,
	"MS": marketinfoshare.Table,
	"PR": product.Table,
	"PP": pricepoint.Table,
	"DO": document.Table,
	"CN": changenotice.Table,
	"CA": changenoticeack.Table,
	"OR": order.Table,
	"OL": orderline.Table,
	"SH": shipment.Table,
	"TE": trackingevent.Table,
	"IS": issue.Table,
	"IA": issueattachment.Table,
	"AT": apitoken.Table,
	"RT": refreshtoken.Table,
	"AE": auditevent.Table,
	"SC": stagechange.Table,
	"XR": exchangerate.Table,
	"LT": loginthrottle.Table,
	"CM": clientmutation.Table,
	"SE": sampleevent.Table,
	"OE": orderevent.Table,
	"IE": issueevent.Table,
	"SD": servicedocument.Table,
	"WE": webhookendpoint.Table,
	"WD": webhookdelivery.Table,
	"SQ": savedquery.Table,
	"SZ": snooze.Table,
	"QT": quotation.Table,
	"QL": quotationline.Table,
	"PJ": project.Table,
	"PB": projectmember.Table,
	"PM": projectmilestone.Table,
	"PF": projectdocument.Table,
	"MN": medianote.Table,
	"PU": pushsubscription.Table,
	"PX": pushsent.Table,
	"PE": person.Table,
	"AX": accountchange.Table,
}

// IDToType returns the table an ID belongs to, for Noder and Noders.
func IDToType(_ context.Context, id pulid.ID) (string, error) {
	if t, ok := tableByPrefix[id.Prefix()]; ok && id.Valid() {
		return t, nil
	}
	return "", &NotFoundError{label: "node"}
}

// WithIDType resolves node types from ID prefixes.
var WithIDType = WithNodeType(IDToType)

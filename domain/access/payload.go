package access

import "strings"

// PartnerPayload keeps of a webhook event's data what a partner may read of typ, so
// an event never tells a customer more than the API would. Each key names a field of
// typ: "orderId" is the field orderID, "<type>Id" (issueId) is id, "previousStatus" is
// the earlier value of status. A key for a field the partner may not read is dropped.
func PartnerPayload(typ string, data map[string]any) map[string]any {
	out := make(map[string]any, len(data))
	for k, val := range data {
		if PartnerMay(typ, payloadField(typ, k)) {
			out[k] = val
		}
	}
	return out
}

func payloadField(typ, key string) string {
	if strings.EqualFold(key, typ+"Id") {
		return "id"
	}
	if f, ok := strings.CutPrefix(key, "previous"); ok && f != "" {
		key = lowerFirst(f)
	}
	if f, ok := strings.CutSuffix(key, "Id"); ok {
		return f + "ID"
	}
	return key
}

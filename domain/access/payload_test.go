package access

import (
	"maps"
	"slices"
	"testing"
)

// A webhook payload never tells a partner more than the API: internal fields are
// dropped, the ones a partner reads are kept under their payload names.
func TestPartnerPayload(t *testing.T) {
	for _, c := range []struct {
		typ  string
		in   []string
		kept []string
	}{
		{"Issue", []string{"issueId", "status", "title", "rootCause", "lossAmount", "assigneeId"}, []string{"issueId", "status", "title"}},
		{"Order", []string{"orderId", "number", "status", "previousStatus", "notes", "isEvaluation"}, []string{"number", "orderId", "previousStatus", "status"}},
		{"Shipment", []string{"shipmentId", "orderId", "status", "carrier", "trackingNo", "deliveredAt", "deliveryNoteSigned"},
			[]string{"carrier", "deliveredAt", "deliveryNoteSigned", "orderId", "shipmentId", "status", "trackingNo"}},
		{"Trial", []string{"trialId", "outcome", "customerTechLevel", "equipment"}, []string{"outcome", "trialId"}},
		{"ChangeNotice", []string{"changeNoticeId", "kind", "title", "productId", "effectiveAt", "affectedCustomers"},
			[]string{"changeNoticeId", "effectiveAt", "kind", "productId", "title"}},
	} {
		in := map[string]any{}
		for _, k := range c.in {
			in[k] = "x"
		}
		got := slices.Sorted(maps.Keys(PartnerPayload(c.typ, in)))
		want := slices.Sorted(slices.Values(c.kept))
		if !slices.Equal(got, want) {
			t.Errorf("%s: kept %v, want %v", c.typ, got, want)
		}
	}
}

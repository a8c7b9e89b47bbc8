package access

import (
	"testing"

	"tandem/ent/viewer"
)

// The rows of an account's contacts, orders, shipments and samples are the rows of the
// accounts an internal viewer reads; interactions (private ones) and products are not.
func TestOfReadAccounts(t *testing.T) {
	rep := &viewer.Viewer{Role: viewer.Rep, UserID: "US1", TeamID: "TM1"}
	for typ, want := range map[string]bool{"Contact": true, "Order": true, "Shipment": true, "Sample": true, "KeyPerson": true,
		"Interaction": false, "Task": false, "Product": false, "Customer": false, "NoSuchType": false} {
		if got := OfReadAccounts(rep, typ); got != want {
			t.Errorf("%s: %v, want %v", typ, got, want)
		}
	}
	if OfReadAccounts(nil, "Contact") {
		t.Error("no viewer reads rows of accounts")
	}
}

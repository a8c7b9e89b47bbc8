package access_test

import (
	"testing"

	"tandem/domain/access"
	"tandem/ent/viewer"
)

// Bulk import and export is for the people who answer for the book.
func TestMayImport(t *testing.T) {
	for role, want := range map[viewer.Role]bool{
		viewer.Admin: true, viewer.Manager: true,
		viewer.Rep: false, viewer.Analyst: false, viewer.Partner: false,
	} {
		if got := access.MayImport(&viewer.Viewer{Role: role}); got != want {
			t.Errorf("MayImport(%s) = %v, want %v", role, got, want)
		}
	}
	if access.MayImport(nil) {
		t.Error("MayImport(nil) = true")
	}
}

package access

import (
	"context"
	"testing"

	"tandem/ent/viewer"
)

// A memo answers only for the viewer it was made for, and only what passed.
func TestMemoIsPerViewer(t *testing.T) {
	mgr := &viewer.Viewer{UserID: "USmgr", Role: viewer.Manager, TeamID: "TMeast"}
	ctx := Memo(viewer.NewContext(context.Background(), mgr))
	if passed(ctx, "see:CUx") {
		t.Fatal("a fresh memo says a check passed")
	}
	pass(ctx, "see:CUx")
	if !passed(ctx, "see:CUx") || passed(ctx, "see:CUy") {
		t.Fatal("the memo does not keep exactly what passed")
	}
	// Another viewer in the same context (even with the same fields) gets nothing.
	other := *mgr
	if passed(viewer.NewContext(ctx, &other), "see:CUx") {
		t.Fatal("a memo answered for another viewer")
	}
	pass(viewer.NewContext(ctx, &other), "see:CUz")
	if passed(ctx, "see:CUz") {
		t.Fatal("another viewer wrote into the memo")
	}
	// Without a memo nothing is remembered.
	plain := viewer.NewContext(context.Background(), mgr)
	pass(plain, "see:CUx")
	if passed(plain, "see:CUx") {
		t.Fatal("a check was remembered without a memo")
	}
}

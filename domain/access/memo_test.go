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

// What the viewer just wrote is readable to them and its account is known, in their
// memo only.
func TestMemoCreated(t *testing.T) {
	rep := &viewer.Viewer{UserID: "USrep", Role: viewer.Rep, TeamID: "TMeast"}
	ctx := Memo(viewer.NewContext(context.Background(), rep))
	if _, ok := CustomerOf(ctx, "ORa"); ok {
		t.Fatal("a fresh memo knows an account")
	}
	Created(ctx, "ORa", "CUx")
	if cu, ok := CustomerOf(ctx, "ORa"); !ok || cu != "CUx" || !passed(ctx, "see:ORa") {
		t.Fatalf("a created row is not remembered: %q %v", cu, ok)
	}
	other := *rep
	if _, ok := CustomerOf(viewer.NewContext(ctx, &other), "ORa"); ok {
		t.Fatal("a memo told another viewer a row's account")
	}
	RememberCustomer(viewer.NewContext(ctx, &other), "ORb", "CUy")
	if _, ok := CustomerOf(ctx, "ORb"); ok {
		t.Fatal("another viewer wrote an account into the memo")
	}
	plain := viewer.NewContext(context.Background(), rep)
	Created(plain, "ORa", "CUx")
	if _, ok := CustomerOf(plain, "ORa"); ok {
		t.Fatal("an account was remembered without a memo")
	}
}

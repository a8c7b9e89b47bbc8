package move

import (
	"context"
	"testing"

	"tandem/ent/errcode"
)

// A workflow's mark concerns its own record only: the account a shipped sample moves
// is written in the same context and is not marked by it.
func TestMarkIsScopedToItsRecord(t *testing.T) {
	ctx := Mark(context.Background(), "sample", "SA01")
	if !Marked(ctx, "sample", "SA01") || Marked(ctx, "account", "SA01") || Marked(ctx, "sample", "CU01") ||
		Marked(ctx, "sample", "") || Marked(context.Background(), "sample", "SA01") {
		t.Fatal("a mark is not scoped to its record")
	}
}

func TestRefusedCodes(t *testing.T) {
	if err := Refused("the sample", "FAILED", "ABANDONED", nil, true); !errcode.Is(err, errcode.Conflict) {
		t.Fatalf("moved past: %v", err)
	}
	e, _ := errcode.As(Refused("the sample", "PREPARED", "RECEIVED", []string{"SHIPPED"}, false))
	if e.Code != errcode.BadUserInput || e.Details["field"] != "status" {
		t.Fatalf("a jump: %+v", e)
	}
	c := MovedOn("the sample", "PREPARED", []string{"SHIPPED", "FAILED", "ABANDONED"})
	if c.Details["currentStatus"] != "PREPARED" {
		t.Fatalf("conflict: %+v", c)
	}
}

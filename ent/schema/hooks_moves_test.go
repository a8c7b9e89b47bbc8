package schema

import (
	"context"
	"testing"

	"tandem/ent/errcode"
)

// An explicit move concerns its own record only: the account a shipped sample moves
// is written in the same context and must keep "same stage = no-op".
func TestExplicitMoveIsScopedToItsRecord(t *testing.T) {
	ctx := AsMove(context.Background(), "SA01")
	if !explicitMove(ctx, "SA01", true) || explicitMove(ctx, "CU01", true) || explicitMove(ctx, "SA01", false) || explicitMove(context.Background(), "SA01", true) {
		t.Fatal("explicitMove is not scoped to the record")
	}
}

func TestRefusedMoveCodes(t *testing.T) {
	if err := refusedMove("the sample", "FAILED", "ABANDONED", nil, true); !errcode.Is(err, errcode.Conflict) {
		t.Fatalf("moved past: %v", err)
	}
	e, _ := errcode.As(refusedMove("the sample", "PREPARED", "RECEIVED", []string{"SHIPPED"}, false))
	if e.Code != errcode.BadUserInput || e.Details["field"] != "status" {
		t.Fatalf("a jump: %+v", e)
	}
	c, _ := errcode.As(movedOn("the sample", "PREPARED", []string{"SHIPPED", "FAILED", "ABANDONED"}))
	if c.Details["currentStatus"] != "PREPARED" {
		t.Fatalf("conflict: %+v", c)
	}
}

package quotation

import (
	"context"

	"entgo.io/ent"

	"tandem/domain/access"
	"tandem/domain/history"
	"tandem/domain/move"
	gen "tandem/ent"
	"tandem/ent/hook"
	q "tandem/ent/quotation"
)

// Guard lets a quotation be written only by this package's operations (each marks its
// own write) and by the server itself: there is no generic create or update, and a
// status, send date or answer set any other way would make an agreement nobody sent
// or the customer never accepted. History being imported keeps what it had.
func Guard(next ent.Mutator) ent.Mutator {
	return hook.QuotationFunc(func(ctx context.Context, m *gen.QuotationMutation) (gen.Value, error) {
		if history.Is(ctx) || access.IsSystem(ctx) {
			return next.Mutate(ctx, m)
		}
		if id, ok := m.ID(); ok && m.Op().Is(ent.OpCreate|ent.OpUpdateOne|ent.OpDeleteOne) && move.Marked(ctx, kind, id) {
			if to, set := m.Status(); set && m.Op().Is(ent.OpCreate) && to != q.StatusDRAFT {
				return nil, move.NotByWorkflow("a quotation", "status", "sendQuotation")
			}
			return next.Mutate(ctx, m)
		}
		return nil, move.NotByWorkflow("a quotation", "status", "draftQuotation, sendQuotation, acceptQuotation or rejectQuotation")
	})
}

// LineGuard lets a quotation's lines be written only with their draft (draftQuotation,
// updateQuotationDraft, reviseQuotation): what was sent is what the customer read.
func LineGuard(next ent.Mutator) ent.Mutator {
	return hook.QuotationLineFunc(func(ctx context.Context, m *gen.QuotationLineMutation) (gen.Value, error) {
		if history.Is(ctx) || access.IsSystem(ctx) {
			return next.Mutate(ctx, m)
		}
		if qid, ok := m.QuotationID(); ok && m.Op().Is(ent.OpCreate) && move.Marked(ctx, kind, qid) {
			return next.Mutate(ctx, m)
		}
		return nil, move.NotByWorkflow("a quotation", "lines", "updateQuotationDraft or reviseQuotation")
	})
}

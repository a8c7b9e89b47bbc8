package stock

import (
	"context"
	"time"

	"entgo.io/ent"

	gen "tandem/ent"
	"tandem/ent/hook"
)

// Counted records when the stock on hand or on order was written.
func Counted(next ent.Mutator) ent.Mutator {
	return hook.ProductFunc(func(ctx context.Context, m *gen.ProductMutation) (gen.Value, error) {
		_, h := m.StockOnHand()
		_, o := m.StockOnOrder()
		if _, set := m.StockCountedAt(); (h || o || m.StockOnHandCleared() || m.StockOnOrderCleared()) && !set {
			m.SetStockCountedAt(time.Now().UTC())
		}
		return next.Mutate(ctx, m)
	})
}

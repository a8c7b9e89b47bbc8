package importer

import (
	"context"
	"fmt"
	"strings"
	"time"

	"tandem/domain/access"
	"tandem/ent"
	"tandem/ent/order"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
)

var orderStatuses = map[string]order.Status{
	"已关闭": "CLOSED", "关闭": "CLOSED", "完成": "CLOSED", "已完成": "CLOSED", "closed": "CLOSED", "done": "CLOSED",
	"已取消": "CANCELLED", "取消": "CANCELLED", "cancelled": "CANCELLED", "canceled": "CANCELLED",
	"已开票": "INVOICED", "invoiced": "INVOICED",
	"已送达": "DELIVERED", "已签收": "DELIVERED", "delivered": "DELIVERED",
	"已发货": "SHIPPED", "shipped": "SHIPPED",
	"生产中": "IN_PRODUCTION", "inproduction": "IN_PRODUCTION",
	"未完成": "OPEN", "进行中": "OPEN", "待处理": "OPEN", "open": "OPEN",
}

// orderBook: one row per order line; an order matches on its number. The rows of one
// number make one order (its first row gives the customer, dates and status); an
// order already stored is not changed: its rows are UNCHANGED when the line is there
// (product, batch, quantity), an ERROR otherwise. Orders are history: a closed order
// is written closed with its batches and dates, never as an evaluation order.
type orderBook struct {
	accounts accountIndex
	products map[string]*ent.Product
	existing map[string]*ent.Order // by number, with lines
	firstRow map[string]int        // order number → the row that creates it
	written  map[string]pulid.ID   // order number → the order this commit wrote
	seen     firstSeen
	now      time.Time
}

func (b *orderBook) load(ctx context.Context, c *ent.Client, _ *viewer.Viewer) error {
	var err error
	b.seen, b.firstRow, b.existing, b.products = firstSeen{}, map[string]int{}, map[string]*ent.Order{}, map[string]*ent.Product{}
	b.written, b.now = map[string]pulid.ID{}, time.Now()
	if b.accounts, err = loadAccounts(ctx, c); err != nil {
		return err
	}
	ps, err := c.Product.Query().All(ctx)
	if err != nil {
		return err
	}
	for _, p := range ps {
		b.products[strings.ToUpper(p.Code)] = p
		if _, taken := b.products[strings.ToUpper(p.Name)]; !taken {
			b.products[strings.ToUpper(p.Name)] = p
		}
	}
	os, err := c.Order.Query().WithLines().All(ctx)
	if err != nil {
		return err
	}
	for _, o := range os {
		b.existing[strings.ToUpper(o.Number)] = o
	}
	return nil
}

func lineKey(product pulid.ID, batch string, qty float64) string {
	return fmt.Sprintf("%s|%s|%g", product, strings.ToUpper(batch), qty)
}

func (b *orderBook) date(v values, key string) (*time.Time, *RowResult) {
	s, cell := v.get(key)
	if s == "" {
		return nil, nil
	}
	at, why, ok := ParseDate(s)
	if !ok {
		r, _ := refuse(cell, why)
		return nil, &r
	}
	return &at, nil
}

// stillOpen says why an order written with an open status and a past delivery date
// shows on Today as late (an order without a status comes in closed).
func (b *orderBook) stillOpen(status order.Status, delivery *time.Time) Text {
	switch status {
	case order.StatusCLOSED, order.StatusCANCELLED, order.StatusDELIVERED:
		return Text{}
	}
	if delivery == nil || !delivery.Before(b.now.Truncate(24*time.Hour)) {
		return Text{}
	}
	return text("仍在进行中：交期已过，导入后会出现在今日待办", "still open: its delivery date has passed, so it will show on Today as late")
}

func (b *orderBook) check(v values) (RowResult, write) {
	number, bad := required(v, "number")
	if bad != nil {
		return *bad, nil
	}
	prod, bad := required(v, "product")
	if bad != nil {
		return *bad, nil
	}
	p := b.products[strings.ToUpper(prod)]
	if p == nil {
		return refuse(v.cell("product"), text("没有这个产品（请先导入产品）", "no such product (import the products first)"))
	}
	rawQty, bad := required(v, "quantity")
	if bad != nil {
		return *bad, nil
	}
	qty, ok := ParseNumber(rawQty)
	if !ok || qty <= 0 {
		return refuse(v.cell("quantity"), text("不是正数", "not a positive number"))
	}
	var price *float64
	if s, cell := v.get("unitPrice"); s != "" {
		n, ok := ParseNumber(s)
		if !ok || n < 0 {
			return refuse(cell, text("不是价格", "not a price"))
		}
		price = &n
	}
	batch, _ := v.get("batch")
	prodDate, bad := b.date(v, "productionDate")
	if bad != nil {
		return *bad, nil
	}
	key := strings.ToUpper(number)
	if r, dup := b.seen.again([]string{key + "|" + lineKey(p.ID, batch, qty)}, v.row.Num); dup {
		return r, nil
	}
	res := RowResult{Key: number}
	if o := b.existing[key]; o != nil {
		res.MatchID, res.MatchName = string(o.ID), o.Number
		for _, l := range o.Edges.Lines {
			if lineKey(l.ProductID, l.BatchNo, l.Quantity) == lineKey(p.ID, batch, qty) {
				res.Action = Unchanged
				return res, nil
			}
		}
		res.Action, res.Message = Error, text("订单已存在，但没有这一行：已导入的订单不会被修改", "the order exists without this line: an imported order is not changed")
		return res, nil
	}
	unit, _ := v.get("unit")
	line := func(ctx context.Context, c *ent.Client, orderID pulid.ID) error {
		q := c.OrderLine.Create().SetOrderID(orderID).SetProductID(p.ID).SetQuantity(qty).SetNillableUnitPrice(price).
			SetNillableProductionDate(prodDate)
		if unit != "" {
			q.SetUnit(unit)
		}
		if batch != "" {
			q.SetBatchNo(batch)
		}
		if collectLine(ctx, q) { // the batch inserts its lines in bulk
			return nil
		}
		return q.Exec(ctx)
	}
	res.Action = Create
	if first, ok := b.firstRow[key]; ok {
		res.Message = text("第 %d 行订单的一行", "a line of the order of row %d", first)
		return res, func(ctx context.Context, c *ent.Client) error {
			// The order its first row wrote in this commit; a resumed commit (the
			// first row written by an earlier one) reads it back.
			if id, ok := b.written[key]; ok {
				return line(ctx, c, id)
			}
			o, err := c.Order.Query().Where(order.NumberEQ(number)).Only(ctx)
			if err != nil {
				return err
			}
			return line(ctx, c, o.ID)
		}
	}
	// The first row of an order: the order itself.
	cu, bad := b.accounts.account(v)
	if bad != nil {
		return *bad, nil
	}
	orderedAt, bad := b.date(v, "date")
	if bad != nil {
		return *bad, nil
	}
	if orderedAt == nil {
		return refuse(v.cell("date"), text("必填", "required"))
	}
	delivery, bad := b.date(v, "deliveryDate")
	if bad != nil {
		return *bad, nil
	}
	closedAt, bad := b.date(v, "closedAt")
	if bad != nil {
		return *bad, nil
	}
	status := order.StatusCLOSED
	if s, cell := v.get("status"); s != "" {
		st, ok := orderStatuses[NormalizeHeader(s)]
		if !ok {
			return refuse(cell, text("不认识的状态（已关闭、已取消、进行中…）", "unknown status (closed, cancelled, open…)"))
		}
		status = st
	}
	if status == order.StatusCLOSED && closedAt == nil {
		closedAt = orderedAt
		if delivery != nil {
			closedAt = delivery
		}
	}
	currency := "CNY"
	if s, _ := v.get("currency"); s != "" {
		currency = strings.ToUpper(s)
	}
	b.firstRow[key] = v.row.Num
	res.Message = b.stillOpen(status, delivery)
	customerID := cu.ID
	return res, func(ctx context.Context, c *ent.Client) error {
		q := c.Order.Create().SetCustomerID(customerID).SetNumber(number).SetIsEvaluation(false).SetStatus(status).
			SetOrderedAt(*orderedAt).SetNillableDeliveryDate(delivery).SetCurrency(currency)
		if status == order.StatusCLOSED {
			q.SetClosedAt(*closedAt)
		}
		if status == order.StatusCANCELLED {
			q.SetCancelledAt(*orderedAt)
		}
		o, err := q.Save(ctx)
		if err != nil {
			return err
		}
		b.written[key] = o.ID
		access.Created(ctx, o.ID, customerID) // its lines need not look it up again
		return line(ctx, c, o.ID)
	}
}

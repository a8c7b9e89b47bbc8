package stock

import "time"

// Availability statuses: what can be promised of a quantity.
const (
	InStock     = "IN_STOCK"     // it ships now from stock
	OnOrderOnly = "ON_ORDER"     // stock on its way covers it
	Replenish   = "TO_REPLENISH" // it needs a new replenishment
	Unknown     = "UNKNOWN"      // no stock on file
)

// Ask is a request to promise a quantity (in the product's unit).
type Ask struct {
	Quantity float64
	// OnHand is nil when no stock was ever entered.
	OnHand          *float64
	OnOrder, Safety float64
	LeadDays        int
	// Demand is what the others who buy the product are forecast to use per month,
	// from the month of Now (the asker's own forecast left out).
	Demand []Month
	Now    time.Time
}

// Promise is the answer.
type Promise struct {
	Status string
	// ShipAt is the earliest day it can ship; nil when Unknown.
	ShipAt *time.Time
}

// PromiseOf answers an Ask. Stock on hand is promised after the safety stock and after
// the others' forecast use until a replenishment ordered now could arrive (the lead
// time): a spot order never takes what regular customers will need first. Stock on
// order arrives within the lead time.
func PromiseOf(a Ask) Promise {
	if a.OnHand == nil {
		return Promise{Status: Unknown}
	}
	now := a.Now.UTC()
	lead := now.AddDate(0, 0, a.LeadDays)
	free := *a.OnHand - a.Safety - demandWithin(a.Demand, now, lead)
	switch {
	case a.Quantity <= free:
		return Promise{Status: InStock, ShipAt: &now}
	case a.Quantity <= free+a.OnOrder:
		return Promise{Status: OnOrderOnly, ShipAt: &lead}
	}
	return Promise{Status: Replenish, ShipAt: &lead}
}

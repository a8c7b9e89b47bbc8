package graph

import (
	"context"
	"fmt"
	"math"

	"entgo.io/ent/dialect/sql"

	"tandem/domain/interaction"
	"tandem/ent"
	"tandem/ent/customer"
	"tandem/graph/model"
)

// NearbyKm is how far nearbyCustomers looks.
const NearbyKm = 50.0

// nearbyCustomers lists the readable accounts with a learned place within NearbyKm of
// a place, nearest first: a box of that size narrows the rows in SQL, ordered by a
// flat-earth distance (exact enough to rank places 50 km apart), then the distance is
// measured on the sphere.
func nearbyCustomers(ctx context.Context, c *ent.Client, lat, lng float64, first *int) ([]*model.NearbyCustomer, error) {
	n, err := bounded(first, 20, 1, 100, "first")
	if err != nil {
		return nil, err
	}
	if err := interaction.CheckPlace(lat, lng, ""); err != nil {
		return nil, err
	}
	dLat := NearbyKm / 111.32
	scale := math.Max(math.Cos(lat*math.Pi/180), 0.01) // degrees of longitude shrink toward the poles
	dLng := math.Min(NearbyKm/(111.32*scale), 180)
	cs, err := c.Customer.Query().Where(
		customer.LatitudeNotNil(), customer.LongitudeNotNil(),
		customer.LatitudeGTE(lat-dLat), customer.LatitudeLTE(lat+dLat),
		customer.LongitudeGTE(lng-dLng), customer.LongitudeLTE(lng+dLng),
	).Order(func(s *sql.Selector) {
		s.OrderExpr(sql.Expr(fmt.Sprintf("((%s - %f) * (%s - %f) + (%s - %f) * (%s - %f) * %f)",
			s.C(customer.FieldLatitude), lat, s.C(customer.FieldLatitude), lat,
			s.C(customer.FieldLongitude), lng, s.C(customer.FieldLongitude), lng, scale*scale)))
	}, customer.ByID()).Limit(n).All(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]*model.NearbyCustomer, 0, len(cs))
	for _, cu := range cs {
		d := interaction.DistanceMetres(lat, lng, *cu.Latitude, *cu.Longitude)
		if d <= NearbyKm*1000 {
			out = append(out, &model.NearbyCustomer{Customer: cu, Distance: math.Round(d)})
		}
	}
	return out, nil
}

package interaction

import (
	"context"
	"math"
	"time"

	gen "tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/interaction"
	"tandem/ent/schema/pulid"
)

// CheckIn is where the phone was when a visit was logged, with the rep's permission
// (the browser's geolocation, WGS-84), and how sure the phone was, in metres.
type CheckIn struct {
	Latitude, Longitude, Accuracy float64
}

// LearnAccuracy is the least accurate check-in an account learns its place from: a
// phone that only knows the city does not move the account.
const LearnAccuracy = 200.0

// MaxAccuracy is the least accurate check-in kept at all.
const MaxAccuracy = 10_000.0

// CheckPlace refuses a latitude or longitude that is not on Earth, naming the field
// (prefix + "latitude" / "longitude").
func CheckPlace(lat, lng float64, prefix string) error {
	switch {
	case math.IsNaN(lat) || lat < -90 || lat > 90:
		return errcode.New(errcode.BadUserInput, "%slatitude: from -90 to 90", prefix).With("field", prefix+"latitude")
	case math.IsNaN(lng) || lng < -180 || lng > 180:
		return errcode.New(errcode.BadUserInput, "%slongitude: from -180 to 180", prefix).With("field", prefix+"longitude")
	}
	return nil
}

// Check is a check-in's own rules: a place on Earth, and an accuracy a phone reports.
func (ci CheckIn) Check() error {
	if err := CheckPlace(ci.Latitude, ci.Longitude, "checkIn."); err != nil {
		return err
	}
	switch {
	case math.IsNaN(ci.Accuracy) || ci.Accuracy <= 0 || ci.Accuracy > MaxAccuracy:
		return errcode.New(errcode.BadUserInput, "checkIn.accuracy: metres, more than 0 and at most %d", int(MaxAccuracy)).With("field", "checkIn.accuracy")
	}
	return nil
}

// Teaches tells whether a check-in of a contact of this kind moves its account there:
// an accurate one, at a visit (a call is made from anywhere).
func (ci CheckIn) Teaches(kind interaction.Kind) bool {
	return kind == interaction.KindVISIT && ci.Accuracy <= LearnAccuracy
}

// learnPlace puts the account where an accurate visit check-in was: the latest such
// check-in is where the account is.
func learnPlace(ctx context.Context, c *gen.Client, customerID pulid.ID, in *gen.Interaction, ci *CheckIn, now time.Time) error {
	if ci == nil || !ci.Teaches(in.Kind) {
		return nil
	}
	return c.Customer.UpdateOneID(customerID).SetLatitude(ci.Latitude).SetLongitude(ci.Longitude).SetLocatedAt(now).Exec(ctx)
}

// DistanceMetres is the great-circle distance between two places (haversine, on a
// sphere of the Earth's mean radius).
func DistanceMetres(lat1, lng1, lat2, lng2 float64) float64 {
	const r = 6_371_000.0
	rad := math.Pi / 180
	dLat, dLng := (lat2-lat1)*rad, (lng2-lng1)*rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLng/2)*math.Sin(dLng/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

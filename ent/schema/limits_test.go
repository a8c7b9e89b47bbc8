package schema

import (
	"reflect"
	"strings"
	"testing"

	"entgo.io/ent"
	"entgo.io/ent/schema/field"

	"tandem/ent/schema/pulid"
)

// every schema type, checked against pulid.Types (one prefix per type) so a new type
// cannot be left out.
var everyType = []ent.Interface{
	Assistance{}, ChangeNotice{}, ChangeNoticeAck{}, Competitor{}, Contact{}, APIToken{}, RefreshToken{},
	LoginThrottle{}, ClientMutation{}, SigningKey{}, ServerState{}, Customer{}, Document{}, SampleEvent{}, OrderEvent{}, IssueEvent{}, ServiceDocument{},
	Interaction{}, Issue{}, IssueAttachment{}, KeyPerson{}, MarketInfo{}, MarketInfoShare{}, Need{}, Order{},
	OrderLine{}, Person{}, Pitch{}, Product{}, PricePoint{}, Sample{}, SavedQuery{}, Snooze{}, Shipment{}, Quotation{}, QuotationLine{}, Project{}, ProjectMember{}, ProjectMilestone{}, ProjectDocument{}, TrackingEvent{},
	StageChange{}, AuditEvent{}, Task{}, Team{}, Trial{}, User{}, WebhookEndpoint{}, WebhookDelivery{},
	ExchangeRate{}, AccountChange{}, ImportJob{}, ClassificationSetting{}, MediaNote{}, PushSubscription{}, PushSent{},
	OrderVolume{}, StageStay{}, SampleCount{}, AccountCount{},
}

// Every string field of every type has a character limit, stated in its description
// (so it is in the GraphQL schema) and enforced by a validator; every list of
// strings a count limit.
func TestEveryStringFieldHasALimit(t *testing.T) {
	listed := map[string]bool{}
	for _, s := range everyType {
		listed[reflect.TypeOf(s).Name()] = true
	}
	for _, name := range pulid.Types {
		if !listed[name] {
			t.Errorf("%s is not in everyType", name)
		}
	}
	for _, s := range everyType {
		typ := reflect.TypeOf(s).Name()
		var fields []ent.Field
		for _, m := range s.Mixin() {
			fields = append(fields, m.Fields()...)
		}
		fields = append(fields, s.Fields()...)
		for _, f := range fields {
			d := f.Descriptor()
			where := typ + "." + d.Name
			switch {
			case d.Info.Type == field.TypeString && d.Info.RType != nil && d.Info.RType.Ident == "pulid.ID":
				continue // an ID: not free text
			case d.Info.Type == field.TypeString:
				n := limitOf(d.Comment)
				if n == 0 {
					t.Errorf("%s: no \"At most N characters.\" in its description %q", where, d.Comment)
					continue
				}
				if !refuses(d, strings.Repeat("字", n+1)) {
					t.Errorf("%s: %d characters are not refused", where, n+1)
				}
				if err := maxChars(n)(strings.Repeat("字", n)); err != nil {
					t.Errorf("%s: %d characters refused: %v", where, n, err)
				}
			case d.Info.Type == field.TypeJSON && d.Info.RType != nil && d.Info.RType.Kind == reflect.Slice:
				if !strings.Contains(d.Comment, " values of at most ") {
					t.Errorf("%s: a list without a stated limit (%q)", where, d.Comment)
				}
				many := make([]string, 1000)
				if !refuses(d, many) {
					t.Errorf("%s: 1,000 values are not refused", where)
				}
			}
		}
	}
}

// refuses reports whether one of the field's validators refuses v.
func refuses(d *field.Descriptor, v any) bool {
	for _, fn := range d.Validators {
		switch fn := fn.(type) {
		case func(string) error:
			if s, ok := v.(string); ok && fn(s) != nil {
				return true
			}
		case func([]string) error:
			if s, ok := v.([]string); ok && fn(s) != nil {
				return true
			}
		}
	}
	return false
}

func TestMaxChars(t *testing.T) {
	check := maxChars(5)
	for s, ok := range map[string]bool{"": true, "abcde": true, "宁波华塑新": true, "abcdef": false, "宁波华塑新材": false} {
		if err := check(s); (err == nil) != ok {
			t.Errorf("%q: %v", s, err)
		}
	}
	if err := maxChars(20000)(strings.Repeat("x", 30<<20)); err == nil || err.Error() != "at most 20,000 characters (got 31,457,280)" {
		t.Errorf("30 MB: %v", err)
	}
	if got := withSentence("English or alternative name.", "At most 200 characters."); got != "English or alternative name. At most 200 characters." {
		t.Error(got)
	}
	if limitOf("Notes. At most 20,000 characters.") != 20000 {
		t.Error("limitOf")
	}
}

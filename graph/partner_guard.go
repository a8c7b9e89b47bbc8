package graph

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"tandem/ent/errcode"
	"tandem/ent/viewer"
)

// What a partner token may reach. Rows are guarded by the privacy rules (a partner
// sees its own organisation's orders, samples, problems, documents, notices); this
// guard hides the internal fields of those rows and refuses filters that would probe
// hidden data by counting (a `where` is compiled to SQL and does not pass the privacy
// rules of the tables it joins).

func set(names ...string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		m[n] = true
	}
	return m
}

// partnerRoot lists the root fields a partner may call.
var partnerRoot = set("node", "nodes", "customers", "orders", "samples", "trials", "shipments", "issues",
	"documents", "products", "changeNotices", "changeNoticeAcks", "createIssue", "attachIssueFile", "webhookEndpoints", "webhookDeliveries",
	"createWebhookEndpoint", "deleteWebhookEndpoint", "__typename", "__schema", "__type")

// partnerTypes are the object types a partner may read.
var partnerTypes = set("Customer", "Order", "OrderLine", "Shipment", "TrackingEvent", "OrderEvent", "Sample",
	"SampleEvent", "Trial", "Issue", "IssueAttachment", "ChangeNotice", "ChangeNoticeAck", "Document", "Product", "WebhookEndpoint", "WebhookDelivery")

// partnerCustomerFields is what a partner reads of its own organisation: never our
// classification, stage, profile, notes, people or assessments.
var partnerCustomerFields = set("id", "name", "nameEn", "website", "industry", "region", "address", "phone",
	"createdAt", "updatedAt", "orders", "samples", "trials", "shipments", "issues", "documents", "changeNoticeAcks", "__typename")

// partnerHiddenFields are internal fields of the types a partner may read.
var partnerHiddenFields = map[string]map[string]bool{
	"Issue":           set("lossAmount", "assignee", "assigneeID", "reportedBy", "reportedByID"),
	"IssueAttachment": set("uploadedBy", "uploadedByID"),
	"Sample":          set("requestedBy", "requestedByID"),
	"Order":           set("notes"),
	"Product":         set("pricePoints"),
	"SampleEvent":     set("actor", "actorID"),
	"OrderEvent":      set("actor", "actorID"),
	"ChangeNotice":    set("affectedCustomers"),
	"Document":        set("supersedes", "supersededBy"),
	// Contacts are never a partner's (the privacy rules refuse the rows); this is the
	// second lock on the link to the same person's contacts at other customers.
	"Contact": set("person", "personID"),
}

// partnerNeverTypes are types no field of which a partner may read, whatever the row:
// a Person spans customers, so even its name would tell whom else a contact works with.
var partnerNeverTypes = set("Person", "PersonConnection", "PersonEdge")

func partnerMay(typ, field string) bool {
	switch {
	case partnerNeverTypes[typ]:
		return false
	case typ == "Customer":
		return partnerCustomerFields[field]
	}
	return !partnerHiddenFields[typ][field]
}

var errPartnerField = func(typ, field string) error {
	return errcode.New(errcode.Forbidden, "%s.%s is not available to partner tokens", typ, field)
}

// partnerEdges are the relations a partner may filter through: only those whose rows
// are sure to be its own. A filter is plain SQL that does not pass the privacy rules of
// the tables it joins, so an edge out of a shared record (a product, a change notice)
// into other customers' rows would let a partner count them.
var partnerEdges = map[string]map[string]bool{
	"Customer":        set("orders", "samples", "trials", "shipments", "issues", "documents", "changeNoticeAcks"),
	"Order":           set("customer", "lines", "shipments", "issues", "events", "convertedSamples"),
	"OrderLine":       set("order", "product"),
	"Shipment":        set("order", "events", "customer"),
	"TrackingEvent":   set("shipment"),
	"OrderEvent":      set("order"),
	"Sample":          set("customer", "product", "order", "trials", "events"),
	"SampleEvent":     set("sample"),
	"Trial":           set("sample", "customer"),
	"Issue":           set("customer", "order", "product", "attachments"),
	"IssueAttachment": set("issue"),
	"ChangeNoticeAck": set("changeNotice", "customer"),
	"ChangeNotice":    set("product"),
	"Document":        set("product"),
	"WebhookEndpoint": set("deliveries"),
	"WebhookDelivery": set("endpoint"),
}

// partnerScope is the scope a token needs to filter on a type (as to read it).
var partnerScope = map[string]string{
	"Order": "orders:read", "OrderLine": "orders:read", "Shipment": "orders:read", "TrackingEvent": "orders:read",
	"OrderEvent": "orders:read", "Sample": "samples:read", "SampleEvent": "samples:read", "Trial": "samples:read",
	"Issue": "issues:read", "IssueAttachment": "issues:read", "ChangeNotice": "change_notices:read", "ChangeNoticeAck": "change_notices:read",
	"Document": "documents:read", "WebhookEndpoint": "webhooks:manage", "WebhookDelivery": "webhooks:manage",
}

// partnerGuard is the field middleware applying the rules above to partner viewers.
type partnerGuard struct {
	schema *ast.Schema
	viewer *viewer.Viewer
}

func (g partnerGuard) around(ctx context.Context, next graphql.Resolver) (any, error) {
	v := viewer.FromContext(ctx)
	if v == nil || v.Role != viewer.Partner {
		return next(ctx)
	}
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil {
		return next(ctx)
	}
	typ, name := fc.Object, fc.Field.Name
	switch {
	case typ == "Query" || typ == "Mutation":
		if !partnerRoot[name] {
			return nil, errPartnerField(typ, name)
		}
	case !partnerMay(typ, name):
		return nil, errPartnerField(typ, name)
	}
	if fc.Field.Definition != nil && fc.Field.Definition.Arguments.ForName("where") != nil {
		args := fc.Field.ArgumentMap(graphql.GetOperationContext(ctx).Variables)
		if w, ok := args["where"]; ok && w != nil {
			target := strings.TrimSuffix(fc.Field.Definition.Type.Name(), "Connection")
			g.viewer = v
			if err := g.checkWhere(target, w); err != nil {
				return nil, err
			}
		}
	}
	return next(ctx)
}

// checkWhere walks a where input and refuses hidden fields and edges to hidden types.
func (g partnerGuard) checkWhere(typ string, w any) error {
	switch w := w.(type) {
	case []any:
		for _, x := range w {
			if err := g.checkWhere(typ, x); err != nil {
				return err
			}
		}
		return nil
	case map[string]any:
		obj := g.schema.Types[typ]
		in := g.schema.Types[typ+"WhereInput"]
		if obj == nil || in == nil {
			return errcode.New(errcode.Forbidden, "filters on %s are not available to partner tokens", typ)
		}
		for k, v := range w {
			switch k {
			case "not", "and", "or":
				if err := g.checkWhere(typ, v); err != nil {
					return err
				}
				continue
			}
			if edge, with := strings.CutPrefix(k, "has"); with && obj.Fields.ForName(lowerFirst(strings.TrimSuffix(edge, "With"))) != nil {
				field := lowerFirst(strings.TrimSuffix(edge, "With"))
				target := strings.TrimSuffix(obj.Fields.ForName(field).Type.Name(), "Connection")
				if !partnerEdges[typ][field] || !partnerTypes[target] {
					return errPartnerField(typ, field)
				}
				if scope := partnerScope[target]; scope != "" && !g.viewer.HasScope(scope) {
					return errcode.New(errcode.Forbidden, "filtering on %s needs the %s scope", target, scope)
				}
				if strings.HasSuffix(k, "With") {
					if err := g.checkWhere(target, v); err != nil {
						return err
					}
				}
				continue
			}
			if base := fieldOf(obj, k); base == "" || !partnerMay(typ, base) {
				return errPartnerField(typ, k)
			}
		}
		return nil
	}
	return nil
}

// fieldOf finds the field a where key filters on: the longest field name it starts with.
func fieldOf(obj *ast.Definition, key string) string {
	best := ""
	for _, f := range obj.Fields {
		if strings.HasPrefix(key, f.Name) && len(f.Name) > len(best) {
			best = f.Name
		}
	}
	return best
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

package graph

import (
	"context"
	"errors"

	"tandem/domain/access"
	"tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
	"tandem/graph/model"
	"tandem/server/webhook"
)

// webhookOwner is the organisation a webhook call acts for: a partner token's own
// (with webhooks:manage), or the one an admin names.
func webhookOwner(ctx context.Context, customerID *pulid.ID) (pulid.ID, error) {
	v := viewer.FromContext(ctx)
	switch {
	case v != nil && v.Role == viewer.Partner && v.HasScope("webhooks:manage"):
		if customerID != nil && *customerID != v.CustomerID {
			return "", errcode.New(errcode.BadUserInput, "customerID: a token registers endpoints for its own organisation").With("field", "customerID")
		}
		return v.CustomerID, nil
	case v != nil && v.Role == viewer.Admin:
		if customerID == nil {
			return "", errcode.New(errcode.BadUserInput, "name the organisation (customerID)").With("field", "customerID")
		}
		return *customerID, nil
	}
	return "", errcode.New(errcode.Forbidden, "webhooks are managed by partner tokens with webhooks:manage, or by admins")
}

// createWebhookEndpoint registers an endpoint after targets (internal addresses are
// refused when nil) accepted its URL; the dispatcher checks the address again when it
// connects.
func createWebhookEndpoint(ctx context.Context, c *ent.Client, targets *webhook.Targets, in model.CreateWebhookEndpointInput) (*model.WebhookEndpointSecret, error) {
	owner, err := webhookOwner(ctx, in.CustomerID)
	if err != nil {
		return nil, err
	}
	if targets == nil {
		targets = &webhook.Targets{}
	}
	if err := targets.Check(ctx, in.URL); err != nil {
		var refused *webhook.RefusedURL
		if !errors.As(err, &refused) {
			return nil, err
		}
		return nil, errcode.New(errcode.BadUserInput, "url: %s", refused.Message).With("field", "url")
	}
	if len(in.Events) == 0 {
		return nil, errcode.New(errcode.BadUserInput, "events: subscribe to at least one event").With("field", "events")
	}
	if _, err := c.Customer.Get(ctx, owner); err != nil {
		return nil, err
	}
	secret, err := webhook.NewSecret()
	if err != nil {
		return nil, err
	}
	ep, err := c.WebhookEndpoint.Create().SetCustomerID(owner).SetURL(in.URL).SetEvents(in.Events).SetSecret(secret).
		Save(access.System(ctx, "webhook endpoints are written by their mutations alone"))
	if err != nil {
		return nil, err
	}
	return &model.WebhookEndpointSecret{Endpoint: ep, Secret: secret}, nil
}

func deleteWebhookEndpoint(ctx context.Context, c *ent.Client, id pulid.ID) (*ent.WebhookEndpoint, error) {
	ep, err := c.WebhookEndpoint.Get(ctx, id) // visible only to its partner and admins
	if err != nil {
		return nil, err
	}
	if _, err := webhookOwner(ctx, &ep.CustomerID); err != nil {
		return nil, err
	}
	return c.WebhookEndpoint.UpdateOneID(id).SetActive(false).Save(access.System(ctx, "webhook endpoints are written by their mutations alone"))
}

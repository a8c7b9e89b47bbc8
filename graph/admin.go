package graph

import (
	"context"
	"time"

	"tandem/domain/access"
	"tandem/domain/people"
	"tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
	"tandem/ent/webhookdelivery"
	"tandem/graph/model"
	"tandem/server/auth"
	"tandem/server/webhook"
)

// inviteUser creates a user with a temporary password that must be changed at the
// first sign-in; the password is in the answer and nowhere else.
func inviteUser(ctx context.Context, c *ent.Client, in ent.CreateUserInput) (*model.TemporaryPassword, error) {
	if err := people.RequireAdmin(viewer.FromContext(ctx), "invite users"); err != nil {
		return nil, err
	}
	pw, err := auth.RandomPassword(15)
	if err != nil {
		return nil, err
	}
	hash, err := auth.HashPassword(pw)
	if err != nil {
		return nil, err
	}
	u, err := c.User.Create().SetInput(in).SetPasswordHash(hash).SetMustChangePassword(true).Save(ctx)
	if err != nil {
		return nil, err
	}
	return &model.TemporaryPassword{User: u, TemporaryPassword: pw}, nil
}

// resetUserPassword gives a user a temporary password (admins only; see people.RequireAdmin).
func resetUserPassword(ctx context.Context, c *ent.Client, id pulid.ID, now time.Time) (*model.TemporaryPassword, error) {
	if err := people.RequireAdmin(viewer.FromContext(ctx), "reset passwords"); err != nil {
		return nil, err
	}
	u, err := c.User.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if u.Role == "PARTNER" && u.PasswordHash == "" {
		return nil, errcode.New(errcode.BadUserInput, "this partner login has no password to reset").With("field", "id")
	}
	pw, err := auth.SetTemporaryPassword(ctx, c, u, now)
	if err != nil {
		return nil, err
	}
	if u, err = c.User.Get(ctx, id); err != nil {
		return nil, err
	}
	return &model.TemporaryPassword{User: u, TemporaryPassword: pw}, nil
}

// retryWebhookDelivery puts a FAILED delivery back in the queue for one more attempt
// now. Its attempts are kept, so one that used all of them is FAILED again if this
// try fails too; the dispatcher sends it on its next round.
func retryWebhookDelivery(ctx context.Context, c *ent.Client, id pulid.ID, now time.Time) (*ent.WebhookDelivery, error) {
	if err := people.RequireAdmin(viewer.FromContext(ctx), "retry webhook deliveries"); err != nil {
		return nil, err
	}
	d, err := c.WebhookDelivery.Query().Where(webhookdelivery.ID(id)).WithEndpoint().Only(ctx)
	if err != nil {
		return nil, err
	}
	if d.Status != webhookdelivery.StatusFAILED {
		return nil, errcode.New(errcode.BadUserInput, "only a FAILED delivery can be retried; this one is %s", d.Status).With("field", "id")
	}
	if d.Edges.Endpoint == nil || !d.Edges.Endpoint.Active {
		return nil, errcode.New(errcode.BadUserInput, "the endpoint of this delivery was deleted").With("field", "id")
	}
	attempts := min(d.Attempts, webhook.MaxAttempts-1)
	sys := access.System(ctx, "webhook retry: an admin puts a failed delivery back in the queue")
	return c.WebhookDelivery.UpdateOneID(id).SetStatus(webhookdelivery.StatusPENDING).SetNextAttemptAt(now).
		SetAttempts(attempts).ClearLockedUntil().Save(sys)
}

// auditActorName is the readable actor of an audit event: its label, or for rows
// written before labels the acting user's name and email, or "system".
func auditActorName(ctx context.Context, c *ent.Client, e *ent.AuditEvent) (string, error) {
	if e.ActorLabel != "" {
		return e.ActorLabel, nil
	}
	if e.ActorID == "" {
		return people.SystemLabel, nil
	}
	if label, ok := memoGet(ctx, "actor:"+string(e.ActorID)); ok { // the page read it (preloadActors)
		return label, nil
	}
	u, err := c.User.Get(ctx, e.ActorID)
	if ent.IsNotFound(err) {
		return string(e.ActorID), nil
	}
	if err != nil {
		return "", err
	}
	return people.UserLabel(u.Name, u.Email), nil
}

func auditChanges(e *ent.AuditEvent) []*model.AuditChange {
	var out []*model.AuditChange
	for _, ch := range people.Changes(e.Before, e.After) {
		out = append(out, &model.AuditChange{Field: ch.Field, Before: ch.Before, After: ch.After})
	}
	if out == nil {
		out = []*model.AuditChange{}
	}
	return out
}

// Package graph is Tandem's GraphQL layer: hand-written schema files that extend the
// generated graph/ent.graphql, and resolvers that are one or two lines calling ent.
package graph

import (
	"context"
	"time"

	"tandem/ent"
	"tandem/ent/errcode"
	"tandem/server/auth"
	"tandem/server/metrics"
	"tandem/server/storage"
	"tandem/server/webhook"
)

// Resolver holds the dependencies of every resolver; it is wired once in server/.
type Resolver struct {
	Client *ent.Client
	Auth   *auth.Service
	// Files keeps uploaded document files.
	Files storage.Store
	// PresignDownloads sends downloads straight to the object store (a redirect to a
	// presigned link) when Files is a storage.Presigner; see redirectToStore.
	PresignDownloads bool
	// DownloadKey signs the short-lived document download links (see DownloadKey).
	DownloadKey []byte
	// Now is the clock of documents, change notices and advice (time.Now when nil).
	Now func() time.Time
	// WebhookTargets decides which endpoint URLs may be registered (internal addresses
	// are refused when nil).
	WebhookTargets *webhook.Targets
	// Metrics counts refused sign-ins (nil: not counted).
	Metrics *metrics.Metrics
	// Push sends reminders by Web Push (nil: push is off).
	Push *PushConfig
}

// db returns the request's transaction client in a mutation, the root client otherwise.
func (r *Resolver) db(ctx context.Context) *ent.Client {
	if c := ent.FromContext(ctx); c != nil {
		return c
	}
	return r.Client
}

// bounded is an optional count argument (first, months) within lo..hi, def when left
// out; BAD_USER_INPUT naming the argument otherwise.
func bounded(arg *int, def, lo, hi int, name string) (int, error) {
	if arg == nil {
		return def, nil
	}
	if *arg < lo || *arg > hi {
		return 0, errcode.New(errcode.BadUserInput, "%s: from %d to %d", name, lo, hi).With("field", name)
	}
	return *arg, nil
}

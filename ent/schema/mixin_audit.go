package schema

import "entgo.io/ent/schema/mixin"

// AuditMixin records every change of an entity as an AuditEvent and keeps its version
// counter honest; its hooks live in hooks.go.
type AuditMixin struct{ mixin.Schema }

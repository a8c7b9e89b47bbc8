// Package domaintest gives the domain packages' unit tests a real database of their
// own: an embedded SQLite file with the schema, the hooks and the privacy policies, and
// a context that reads and writes past the access table to set up a case.
package domaintest

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	_ "modernc.org/sqlite" // the embedded database

	"tandem/domain/access"
	"tandem/ent"
	_ "tandem/ent/runtime" // hooks and privacy policies
)

// Open returns a client on a fresh database, closed when the test ends, and the
// context to set up cases with.
func Open(t testing.TB) (*ent.Client, context.Context) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "t.db")+
		"?_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_time_format=sqlite")
	if err != nil {
		t.Fatal(err)
	}
	c := ent.NewClient(ent.Driver(entsql.OpenDB(dialect.SQLite, db)))
	t.Cleanup(func() { c.Close() })
	if err := c.Schema.Create(context.Background()); err != nil {
		t.Fatal(err)
	}
	return c, access.System(context.Background(), "test set-up")
}

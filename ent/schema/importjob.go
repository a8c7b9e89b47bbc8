package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"tandem/ent/schema/pulid"
)

// ImportJob is one import of a .xlsx or .csv file (domain/importer): the stored file,
// the mapping of its columns, the state of the check and the commit, and the counts.
// The row results are a JSON file in the file storage (results_key). Its GraphQL type
// is written by hand (graph/import.graphql).
type ImportJob struct{ ent.Schema }

func (ImportJob) Mixin() []ent.Mixin { return []ent.Mixin{ids("IJ"), TimeMixin{}} }

func (ImportJob) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").Values("CUSTOMERS", "CONTACTS", "KEY_PERSONS", "PRODUCTS", "PRICES", "ORDERS", "INTERACTIONS"),
		atMost(300, field.String("file_name")),
		atMost(200, field.String("sheet").Optional()),
		atMost(20, field.String("encoding").Optional()),
		field.Enum("state").Values("CHECKING", "CHECKED", "COMMITTING", "DONE", "FAILED", "CANCELLED").Default("CHECKING"),
		atMost(500_000, field.Text("column_map").Optional().Comment("JSON: the headers, samples and mapped field of every column.")),
		field.Int("total_rows").Default(0),
		field.Int("done_rows").Default(0),
		field.Int("creates").Default(0),
		field.Int("updates").Default(0),
		field.Int("unchanged").Default(0),
		field.Int("duplicates").Default(0),
		field.Int("errors").Default(0),
		atMost(2000, field.String("error").Optional()),
		atMost(20, field.String("error_code").Optional()),
		field.String("owner_id").GoType(pulid.ID("")).Optional().Comment("Who started the import."),
		atMost(200, field.String("storage_key").Optional()),
		atMost(200, field.String("results_key").Optional()),
		field.Time("finished_at").Optional().Nillable(),
		field.Time("heartbeat_at").Optional().Nillable().Annotations(entgql.Skip(entgql.SkipAll)).
			Comment("Renewed while a process checks or commits the import; a stale one means that process stopped."),
	}
}

func (ImportJob) Indexes() []ent.Index {
	return []ent.Index{index.Fields("owner_id", "created_at"), index.Fields("state")}
}

func (ImportJob) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

package model

import (
	"time"

	"tandem/ent"
	"tandem/ent/schema/pulid"
)

// ImportJobView is the GraphQL ImportJob: the stored job (ent.ImportJob, which has no
// generated GraphQL type) with its columns read from JSON. rows, refusedRowsURL and
// createdBy are resolved (graph/import.go).
type ImportJobView struct {
	ID         pulid.ID
	Kind       string
	FileName   string
	Sheet      *string
	Encoding   *string
	State      string
	Columns    []*ImportColumn
	Fields     []*ImportField
	TotalRows  int
	DoneRows   int
	Creates    int
	Updates    int
	Unchanged  int
	Duplicates int
	Errors     int
	Error      *string
	CreatedAt  time.Time
	FinishedAt *time.Time
	// Job is the stored row.
	Job *ent.ImportJob `json:"-"`
}

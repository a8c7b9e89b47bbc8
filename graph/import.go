package graph

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"tandem/domain/access"
	"tandem/domain/importer"
	"tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/importjob"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
	"tandem/graph/model"
	"tandem/server/jobs"
)

// Imports (issue 11): the resolvers translate; domain/importer reads, checks and writes.
// The check runs in the request (nothing is written but the job); the commit runs in
// the background (runImport) as the job's creator.

// mayImport: only admins and managers import.
func mayImport(ctx context.Context) (*viewer.Viewer, error) {
	v := viewer.FromContext(ctx)
	if !access.MayImport(v) {
		return nil, errcode.New(errcode.Forbidden, "only admins and managers may import")
	}
	return v, nil
}

// storedColumn is one column as kept in the job's column_map.
type storedColumn struct {
	Header  string   `json:"header"`
	Field   string   `json:"field,omitempty"`
	Samples []string `json:"samples"`
}

func columnsOf(t *importer.Table, m importer.Mapping) []storedColumn {
	out := make([]storedColumn, len(t.Headers))
	for i, h := range t.Headers {
		h = truncate(h, 200)
		out[i] = storedColumn{Header: h, Field: m[i], Samples: []string{}}
		for _, r := range t.Rows[:min(3, len(t.Rows))] {
			out[i].Samples = append(out[i].Samples, truncate(r.Cell(i), 100))
		}
	}
	return out
}

func mappingOf(j *ent.ImportJob) (importer.Mapping, error) {
	var cols []storedColumn
	if err := json.Unmarshal([]byte(j.ColumnMap), &cols); err != nil {
		return nil, err
	}
	m := make(importer.Mapping, len(cols))
	for i, c := range cols {
		m[i] = c.Field
	}
	return m, nil
}

// fileError is a refused file as a BAD_USER_INPUT error in the viewer's language,
// with the reason's code and the cell at fault.
func (r *Resolver) fileError(ctx context.Context, err error) error {
	var fe *importer.FileError
	if errors.As(err, &fe) {
		msg := fe.En
		if viewerLang(ctx, r.Client) == "zh" {
			msg = fe.Zh
		}
		e := errcode.New(errcode.BadUserInput, "%s", msg).With("field", "file").With("reason", fe.Code)
		if fe.Cell != "" {
			e = e.With("cell", fe.Cell)
		}
		return e
	}
	return err
}

func newImportKey(now time.Time) string {
	raw := make([]byte, 16)
	_, _ = rand.Read(raw)
	return fmt.Sprintf("imports/%04d/%02d/%s", now.Year(), int(now.Month()), hex.EncodeToString(raw))
}

func (r *Resolver) readImportFile(ctx context.Context, j *ent.ImportJob) (*importer.Table, error) {
	f, err := r.Files.Open(ctx, j.StorageKey)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	return importer.Read(data, importer.ReadOptions{Sheet: j.Sheet})
}

// saveResults stores a check's row results as JSON next to the file.
func (r *Resolver) saveResults(ctx context.Context, j *ent.ImportJob, results []importer.RowResult) (string, error) {
	raw, err := json.Marshal(results)
	if err != nil {
		return "", err
	}
	key := j.StorageKey + "-rows.json"
	if _, _, err := r.Files.Put(ctx, key, bytes.NewReader(raw)); err != nil {
		return "", err
	}
	return key, nil
}

func (r *Resolver) loadResults(ctx context.Context, j *ent.ImportJob) ([]importer.RowResult, error) {
	if j.ResultsKey == "" {
		return nil, nil
	}
	f, err := r.Files.Open(ctx, j.ResultsKey)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []importer.RowResult
	return out, json.NewDecoder(f).Decode(&out)
}

func setCounts(u *ent.ImportJobUpdateOne, c importer.Counts) *ent.ImportJobUpdateOne {
	return u.SetCreates(c.Creates).SetUpdates(c.Updates).SetUnchanged(c.Unchanged).SetDuplicates(c.Duplicates).SetErrors(c.Errors)
}

func (r *mutationResolver) startImport(ctx context.Context, in model.StartImportInput) (*model.ImportJobView, error) {
	v, err := mayImport(ctx)
	if err != nil {
		return nil, err
	}
	kind := importer.Kind(in.Kind)
	if !importer.Supported(kind) {
		return nil, errcode.New(errcode.BadUserInput, "kind: importing %s is not available yet", in.Kind).With("field", "kind")
	}
	up := in.File
	if up.File == nil || up.Size <= 0 {
		return nil, errcode.New(errcode.BadUserInput, "file: the file is empty").With("field", "file").With("reason", importer.CodeEmpty)
	}
	data, err := io.ReadAll(io.LimitReader(up.File, MaxUploadBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxUploadBytes {
		return nil, r.fileError(ctx, importer.TooLarge(MaxUploadBytes>>20))
	}
	sheet := ""
	if in.Sheet != nil {
		sheet = *in.Sheet
	}
	t, err := importer.Read(data, importer.ReadOptions{Sheet: sheet})
	if err != nil {
		return nil, r.fileError(ctx, err)
	}
	if r.Files == nil {
		return nil, errcode.New(errcode.Internal, "file storage is not configured")
	}
	c := r.db(ctx)
	m := importer.Guess(kind, t.Headers)
	key := newImportKey(r.now())
	if _, _, err := r.storeUpload(ctx, key, bytes.NewReader(data), MaxUploadBytes); err != nil {
		return nil, err
	}
	cols, _ := json.Marshal(columnsOf(t, m))
	j, err := c.ImportJob.Create().SetKind(importjob.Kind(kind)).SetFileName(cleanFileName(up.Filename)).
		SetSheet(t.Sheet).SetEncoding(t.Encoding).SetState(importjob.StateCHECKING).SetColumnMap(string(cols)).
		SetTotalRows(len(t.Rows)).SetOwnerID(v.UserID).SetStorageKey(key).Save(ctx)
	if err != nil {
		r.removeFile(ctx, key)
		return nil, err
	}
	return r.checkJob(ctx, j, t, m)
}

// checkJob runs the dry run and records its outcome on the job. A mapping without a
// required field leaves the job CHECKED with every row unchecked and the error said.
func (r *Resolver) checkJob(ctx context.Context, j *ent.ImportJob, t *importer.Table, m importer.Mapping) (*model.ImportJobView, error) {
	c := r.db(ctx)
	u := c.ImportJob.UpdateOneID(j.ID).SetState(importjob.StateCHECKED).SetDoneRows(len(t.Rows))
	// An error is set or cleared, never both in one update (PostgreSQL refuses two
	// assignments to one column).
	if bad := importer.Validate(importer.Kind(j.Kind), m); bad != nil {
		u.SetError(bad.En).SetErrorCode(bad.Code).SetDoneRows(0)
		setCounts(u, importer.Counts{})
		u.ClearResultsKey()
	} else {
		u.ClearError().ClearErrorCode()
		plan, err := importer.Check(ctx, c, importer.Kind(j.Kind), t, m)
		if err != nil {
			return nil, err
		}
		key, err := r.saveResults(ctx, j, plan.Results)
		if err != nil {
			return nil, err
		}
		setCounts(u, plan.Counts).SetResultsKey(key)
	}
	j, err := u.Save(ctx)
	if err != nil {
		return nil, err
	}
	return r.jobView(ctx, j), nil
}

func (r *Resolver) importJobByID(ctx context.Context, id pulid.ID) (*ent.ImportJob, error) {
	if _, err := mayImport(ctx); err != nil {
		return nil, err
	}
	return r.db(ctx).ImportJob.Get(ctx, id)
}

func (r *mutationResolver) mapImport(ctx context.Context, id pulid.ID, mapping []*model.ImportMappingInput) (*model.ImportJobView, error) {
	j, err := r.importJobByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if j.State != importjob.StateCHECKED {
		return nil, errcode.New(errcode.Conflict, "the import is %s: only a checked import can be mapped again", j.State)
	}
	t, err := r.readImportFile(ctx, j)
	if err != nil {
		return nil, r.fileError(ctx, err)
	}
	m := make(importer.Mapping, len(t.Headers))
	for _, mi := range mapping {
		if mi.Column < 0 || mi.Column >= len(m) {
			return nil, errcode.New(errcode.BadUserInput, "mapping: no column %d", mi.Column).With("field", "mapping")
		}
		if mi.Field != nil {
			m[mi.Column] = *mi.Field
		}
	}
	if bad := importer.Validate(importer.Kind(j.Kind), m); bad != nil && bad.Code != "REQUIRED_FIELD" {
		return nil, errcode.New(errcode.BadUserInput, "mapping: %s", bad.En).With("field", "mapping").With("reason", bad.Code)
	}
	cols, _ := json.Marshal(columnsOf(t, m))
	if j, err = r.db(ctx).ImportJob.UpdateOneID(j.ID).SetColumnMap(string(cols)).Save(ctx); err != nil {
		return nil, err
	}
	return r.checkJob(ctx, j, t, m)
}

func (r *mutationResolver) commitImport(ctx context.Context, id pulid.ID) (*model.ImportJobView, error) {
	j, err := r.importJobByID(ctx, id)
	if err != nil {
		return nil, err
	}
	switch {
	case j.State == importjob.StateCOMMITTING || j.State == importjob.StateDONE:
		return r.jobView(ctx, j), nil // a retried commit changes nothing
	case j.State != importjob.StateCHECKED && j.State != importjob.StateFAILED:
		return nil, errcode.New(errcode.Conflict, "the import is %s", j.State)
	case j.ErrorCode == "REQUIRED_FIELD":
		return nil, errcode.New(errcode.BadUserInput, "mapping: %s", j.Error).With("field", "mapping")
	}
	from := 0
	if j.State == importjob.StateFAILED {
		from = j.DoneRows
	}
	if j, err = r.db(ctx).ImportJob.UpdateOneID(j.ID).SetState(importjob.StateCOMMITTING).SetDoneRows(from).ClearError().Save(ctx); err != nil {
		return nil, err
	}
	v := viewer.FromContext(ctx)
	start := func() { go r.runImport(v, j.ID) }
	if tx := ent.TxFromContext(ctx); tx != nil {
		tx.OnCommit(func(next ent.Committer) ent.Committer {
			return ent.CommitFunc(func(ctx context.Context, tx *ent.Tx) error {
				err := next.Commit(ctx, tx)
				if err == nil {
					start()
				}
				return err
			})
		})
	} else {
		start()
	}
	return r.jobView(ctx, j), nil
}

// runImport commits a job in the background as its creator: a context of its own
// (the request's ends with the response) carrying the creator as viewer.
func (r *Resolver) runImport(v *viewer.Viewer, id pulid.ID) {
	ctx, stop := context.WithCancel(viewer.NewContext(context.Background(), v))
	defer stop()
	// Other processes on the database see that this one still commits it (MarkStale).
	go jobs.Every(ctx, importer.Heartbeat, func(ctx context.Context) { importer.Beat(ctx, r.Client, id, r.now()) })
	fail := func(j *ent.ImportJob, done int, err error) {
		msg := fmt.Sprintf("%v (%d rows written; commit again to resume)", err, done)
		_ = r.Client.ImportJob.UpdateOneID(id).SetState(importjob.StateFAILED).SetError(truncate(msg, 2000)).
			SetDoneRows(done).SetFinishedAt(r.now()).Exec(ctx)
	}
	j, err := r.Client.ImportJob.Get(ctx, id)
	if err != nil {
		return
	}
	t, err := r.readImportFile(ctx, j)
	if err != nil {
		fail(j, j.DoneRows, err)
		return
	}
	m, err := mappingOf(j)
	if err != nil {
		fail(j, j.DoneRows, err)
		return
	}
	progress := func(ctx context.Context, tx *ent.Client, done int, c importer.Counts) error {
		return tx.ImportJob.UpdateOneID(id).SetDoneRows(done).Exec(ctx)
	}
	plan, done, err := importer.Commit(ctx, r.Client, importer.Kind(j.Kind), t, m, j.DoneRows, progress)
	if err != nil {
		fail(j, done, err)
		return
	}
	key, err := r.saveResults(ctx, j, plan.Results)
	if err != nil {
		fail(j, done, err)
		return
	}
	u := r.Client.ImportJob.UpdateOneID(id).SetState(importjob.StateDONE).SetDoneRows(done).SetResultsKey(key).SetFinishedAt(r.now())
	_ = setCounts(u, plan.Counts).Exec(ctx)
}

func truncate(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

func (r *mutationResolver) cancelImport(ctx context.Context, id pulid.ID) (*model.ImportJobView, error) {
	j, err := r.importJobByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if j.State == importjob.StateCANCELLED {
		return r.jobView(ctx, j), nil
	}
	if j.State != importjob.StateCHECKED && j.State != importjob.StateCHECKING {
		return nil, errcode.New(errcode.Conflict, "the import is %s: only an import not committed can be cancelled", j.State)
	}
	if j, err = r.db(ctx).ImportJob.UpdateOneID(j.ID).SetState(importjob.StateCANCELLED).SetFinishedAt(r.now()).Save(ctx); err != nil {
		return nil, err
	}
	return r.jobView(ctx, j), nil
}

func (r *queryResolver) importJobs(ctx context.Context, first *int) ([]*model.ImportJobView, error) {
	if _, err := mayImport(ctx); err != nil {
		return nil, err
	}
	n := 20
	if first != nil {
		n = max(1, min(*first, 100))
	}
	js, err := r.db(ctx).ImportJob.Query().Order(ent.Desc(importjob.FieldCreatedAt), ent.Desc(importjob.FieldID)).Limit(n).All(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]*model.ImportJobView, len(js))
	lang := r.lang(ctx) // once for the list, not a query per job
	for i, j := range js {
		out[i] = jobViewIn(lang, j)
	}
	return out, nil
}

// lang is the viewer's language ("zh" or "en").
func (r *Resolver) lang(ctx context.Context) string {
	return viewerLang(access.System(ctx, "import: the viewer's language"), r.db(ctx))
}

func (r *Resolver) jobView(ctx context.Context, j *ent.ImportJob) *model.ImportJobView {
	return jobViewIn(r.lang(ctx), j)
}

// jobViewIn is the API's view of a job, its texts in lang.
func jobViewIn(lang string, j *ent.ImportJob) *model.ImportJobView {
	v := &model.ImportJobView{ID: j.ID, Kind: string(j.Kind), FileName: j.FileName, State: string(j.State),
		TotalRows: j.TotalRows, DoneRows: j.DoneRows, Creates: j.Creates, Updates: j.Updates, Unchanged: j.Unchanged,
		Duplicates: j.Duplicates, Errors: j.Errors, CreatedAt: j.CreatedAt, FinishedAt: j.FinishedAt, Job: j}
	if j.Sheet != "" {
		v.Sheet = &j.Sheet
	}
	if j.Encoding != "" {
		v.Encoding = &j.Encoding
	}
	if j.Error != "" {
		v.Error = &j.Error
	}
	var cols []storedColumn
	_ = json.Unmarshal([]byte(j.ColumnMap), &cols)
	for i, c := range cols {
		col := &model.ImportColumn{Index: i, Header: c.Header, Samples: c.Samples}
		if c.Field != "" {
			col.Field = &cols[i].Field
		}
		v.Columns = append(v.Columns, col)
	}
	v.Columns = append([]*model.ImportColumn{}, v.Columns...)
	// A mapping's error is said again in the viewer's language (the row stores English).
	if j.ErrorCode != "" {
		m := make(importer.Mapping, len(cols))
		for i, c := range cols {
			m[i] = c.Field
		}
		if bad := importer.Validate(importer.Kind(j.Kind), m); bad != nil && bad.Code == j.ErrorCode {
			msg := bad.En
			if lang != "en" {
				msg = bad.Zh
			}
			v.Error = &msg
		}
	}
	v.Fields = fieldsIn(lang, importer.Kind(j.Kind))
	return v
}

func (r *importJobResolver) rows(ctx context.Context, obj *model.ImportJobView, action *string, offset, limit *int) ([]*model.ImportRow, error) {
	results, err := r.loadResults(ctx, obj.Job)
	if err != nil {
		return nil, err
	}
	skip, n := 0, 100
	if offset != nil {
		skip = max(0, *offset)
	}
	if limit != nil {
		n = max(1, min(*limit, 500))
	}
	lang := r.lang(ctx)
	out := []*model.ImportRow{}
	for _, res := range results {
		if action != nil && res.Action != *action {
			continue
		}
		if skip > 0 {
			skip--
			continue
		}
		if len(out) == n {
			break
		}
		row := &model.ImportRow{Row: res.Row, Action: res.Action, Key: opt(res.Key), MatchName: opt(res.MatchName),
			Message: opt(res.Message.In(lang)), Cell: opt(res.Cell)}
		if res.MatchID != "" {
			id := pulid.ID(res.MatchID)
			row.MatchID = &id
		}
		out = append(out, row)
	}
	return out, nil
}

func opt(s string) *string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return &s
}

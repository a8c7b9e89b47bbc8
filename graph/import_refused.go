package graph

import (
	"fmt"
	"net/http"
	"path"
	"strings"

	"tandem/domain/importer"
	"tandem/ent"
	"tandem/ent/schema/pulid"
	"tandem/ent/viewer"
	"tandem/graph/model"
)

// refusedFormat is the format the refused rows are downloaded in: the file's own.
func refusedFormat(j *ent.ImportJob) string {
	if strings.EqualFold(path.Ext(j.FileName), ".xlsx") || j.Sheet != "" {
		return "xlsx"
	}
	return "csv"
}

func refusedRowsURL(obj *model.ImportJobView) *string {
	if obj.Errors+obj.Duplicates == 0 || obj.Job.ResultsKey == "" {
		return nil
	}
	u := fmt.Sprintf("/imports/%s/refused.%s", obj.ID, refusedFormat(obj.Job))
	return &u
}

// RefusedRowsHandler serves GET /imports/{id}/refused.{csv|xlsx} (bearer token): the
// rows the check refused (ERROR, DUPLICATE) with their original columns and a reason
// column in the viewer's language, to fix and import again.
func (r *Resolver) RefusedRowsHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		ctx := req.Context()
		if viewer.FromContext(ctx) == nil {
			http.Error(w, "sign in first", http.StatusUnauthorized)
			return
		}
		if _, err := mayImport(ctx); err != nil {
			http.Error(w, "only admins and managers import", http.StatusForbidden)
			return
		}
		format := strings.TrimPrefix(req.PathValue("file"), "refused.")
		if format != "csv" && format != "xlsx" {
			http.Error(w, "no such file", http.StatusNotFound)
			return
		}
		j, err := r.Client.ImportJob.Get(ctx, pulid.ID(req.PathValue("id")))
		if err != nil {
			http.Error(w, "no such import", http.StatusNotFound)
			return
		}
		t, err := r.readImportFile(ctx, j)
		if err != nil {
			http.Error(w, "the file of this import cannot be read", http.StatusInternalServerError)
			return
		}
		results, err := r.loadResults(ctx, j)
		if err != nil {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		lang := r.lang(ctx)
		header := append(append([]string{}, t.Headers...), map[bool]string{true: "Reason", false: "原因"}[lang == "en"])
		var out [][]string
		for i, res := range results {
			if (res.Action == importer.Error || res.Action == importer.Duplicate) && i < len(t.Rows) {
				row := make([]string, len(t.Headers))
				copy(row, t.Rows[i].Cells)
				out = append(out, append(row, res.Message.In(lang)))
			}
		}
		name := strings.TrimSuffix(j.FileName, path.Ext(j.FileName)) + "-refused." + format
		writeTable(w, name, format, append([][]string{header}, out...))
	})
}

// ExportHandler serves GET /exports/{kind}.{csv|xlsx}?lang=zh|en (bearer token): the
// rows of a kind the viewer reads, under the column table's labels, so the file
// imports back unchanged.
func (r *Resolver) ExportHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		ctx := req.Context()
		if viewer.FromContext(ctx) == nil {
			http.Error(w, "sign in first", http.StatusUnauthorized)
			return
		}
		name := req.PathValue("file")
		format := strings.TrimPrefix(path.Ext(name), ".")
		kind, ok := importer.ExportKinds[strings.TrimSuffix(name, path.Ext(name))]
		if !ok || (format != "csv" && format != "xlsx") {
			http.Error(w, "no such export", http.StatusNotFound)
			return
		}
		lang := req.URL.Query().Get("lang")
		if lang != "en" {
			lang = "zh"
		}
		out := newTableStream(w, name, format)
		defer out.discard()
		if err := importer.Export(ctx, r.Client, kind, lang, out.row); err != nil {
			if out.started() {
				// Part of the file is on its way: cut it off rather than end it as if whole.
				panic(http.ErrAbortHandler)
			}
			http.Error(w, "not available to you", http.StatusForbidden)
			return
		}
		if err := out.finish(); err != nil {
			panic(http.ErrAbortHandler)
		}
	})
}

// writeTable answers a table as a CSV (UTF-8 with BOM, for Excel) or a workbook,
// through the exports' stream.
func writeTable(w http.ResponseWriter, name, format string, rows [][]string) {
	t := newTableStream(w, name, format)
	defer t.discard()
	for _, r := range rows {
		if err := t.row(r); err != nil {
			return
		}
	}
	_ = t.finish()
}

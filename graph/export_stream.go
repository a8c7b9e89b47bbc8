package graph

import (
	"bufio"
	"encoding/csv"
	"net/http"

	"github.com/xuri/excelize/v2"

	"tandem/domain/importer"
)

// tableStream writes an export's rows as they are read, so a large book never sits in
// memory whole: a CSV (UTF-8 with BOM, for Excel) goes out as it is written; a
// workbook goes through excelize's stream writer (which spills to a temporary file
// past a size) and is sent when finished.
type tableStream struct {
	w            http.ResponseWriter
	name, format string
	buf          *bufio.Writer
	csv          *csv.Writer
	book         *excelize.File
	sheet        *excelize.StreamWriter
	rows         int
	sent         bool // bytes went to the client
}

// Write passes the CSV's buffered bytes to the client, noting that they went.
func (t *tableStream) Write(p []byte) (int, error) {
	t.sent = true
	return t.w.Write(p)
}

func newTableStream(w http.ResponseWriter, name, format string) *tableStream {
	return &tableStream{w: w, name: name, format: format}
}

func (t *tableStream) headers(contentType string) {
	t.w.Header().Set("Cache-Control", "no-store")
	t.w.Header().Set("Content-Disposition", contentDisposition("attachment", t.name))
	t.w.Header().Set("Content-Type", contentType)
}

// row writes one row (the header first).
func (t *tableStream) row(r []string) error {
	t.rows++
	if t.format == "csv" {
		if t.csv == nil {
			t.headers("text/csv; charset=utf-8")
			t.buf = bufio.NewWriterSize(t, 64<<10)
			_, _ = t.buf.WriteString("\xEF\xBB\xBF")
			t.csv = csv.NewWriter(t.buf)
		}
		return t.csv.Write(importer.DefuseFormulas(r))
	}
	if t.sheet == nil {
		t.book = excelize.NewFile()
		sw, err := t.book.NewStreamWriter("Sheet1")
		if err != nil {
			return err
		}
		t.sheet = sw
	}
	cells := make([]any, len(r))
	for i, c := range r {
		cells[i] = c
	}
	cell, err := excelize.CoordinatesToCellName(1, t.rows)
	if err != nil {
		return err
	}
	return t.sheet.SetRow(cell, cells)
}

// started tells whether bytes reached the client (a CSV past its first buffer).
func (t *tableStream) started() bool { return t.sent }

// finish sends what is left: the CSV's buffer, or the whole workbook.
func (t *tableStream) finish() error {
	if t.format == "csv" {
		if t.csv == nil {
			return nil
		}
		t.csv.Flush()
		if err := t.csv.Error(); err != nil {
			return err
		}
		return t.buf.Flush()
	}
	if t.sheet == nil {
		return nil
	}
	if err := t.sheet.Flush(); err != nil {
		return err
	}
	t.headers("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	_, err := t.book.WriteTo(t.w)
	return err
}

// discard removes the workbook's temporary files.
func (t *tableStream) discard() {
	if t.book != nil {
		_ = t.book.Close()
	}
}

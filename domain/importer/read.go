package importer

import (
	"bytes"
	"strings"
)

// MaxRows is the largest number of data rows a file may hold.
const MaxRows = 200_000

// Table is a file as read: the header and the data rows, every value a string.
type Table struct {
	// Format is "xlsx" or "csv".
	Format string
	// Sheet is the sheet read (xlsx); Encoding the text encoding (csv).
	Sheet, Encoding string
	// HeaderRow is the spreadsheet's number of the header row (1 for most files).
	HeaderRow int
	Headers   []string
	Rows      []Row
}

// Row is one data row: its number as the spreadsheet shows it and its cells.
type Row struct {
	Num   int
	Cells []string
}

// Cell returns the value of column i ("" beyond the row's end).
func (r Row) Cell(i int) string {
	if i < 0 || i >= len(r.Cells) {
		return ""
	}
	return r.Cells[i]
}

// ReadOptions bound a read.
type ReadOptions struct {
	// Sheet is the xlsx sheet to read ("" = the first non-empty one).
	Sheet string
	// MaxRows overrides MaxRows (tests).
	MaxRows int
}

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// Read reads an .xlsx or .csv file. The kind is told by the bytes, not the name: a
// zip is a workbook, an OLE compound file an encrypted workbook (or an old .xls),
// text a csv; anything else is refused.
func Read(data []byte, opts ReadOptions) (*Table, error) {
	if opts.MaxRows <= 0 {
		opts.MaxRows = MaxRows
	}
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return nil, fileErr(CodeEmpty, "", "文件是空的", "the file is empty")
	case bytes.HasPrefix(data, oleMagic):
		return nil, fileErr(CodeEncrypted, "", "工作簿有密码保护或是旧的 .xls 格式：请去掉密码并另存为 .xlsx",
			"the workbook is password-protected or an old .xls: remove the password and save it as .xlsx")
	case bytes.HasPrefix(data, zipMagic):
		return readXLSX(data, opts)
	case looksLikeText(data):
		return readCSV(data, opts)
	}
	return nil, fileErr(CodeNotSpreadsheet, "", "不是 .xlsx 或 .csv 文件", "not an .xlsx or .csv file")
}

// looksLikeText: no NUL and few control bytes in the first 8 kB.
func looksLikeText(data []byte) bool {
	head := data[:min(len(data), 8192)]
	ctl := 0
	for _, b := range head {
		switch {
		case b == 0:
			return false
		case b < 0x20 && b != '\n' && b != '\r' && b != '\t':
			ctl++
		}
	}
	return ctl*100 <= len(head)
}

// finish drops empty rows and trailing empty cells, and refuses a table without data.
func finish(t *Table) (*Table, error) {
	for i := range t.Headers {
		t.Headers[i] = strings.TrimSpace(t.Headers[i])
	}
	if len(t.Rows) == 0 {
		return nil, fileErr(CodeHeaderOnly, "", "表中只有表头，没有数据行", "the sheet has a header but no data rows")
	}
	return t, nil
}

func emptyRow(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func tooMany(limit int) error {
	return fileErr(CodeTooManyRows, "", "数据行超过 %d 行：请拆分文件", "more than %d data rows: split the file", limit)
}

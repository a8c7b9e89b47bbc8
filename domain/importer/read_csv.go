package importer

import (
	"bytes"
	"encoding/csv"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// readCSV reads UTF-8 (with or without BOM) or, when the bytes are not valid UTF-8,
// GB18030 (a superset of GBK, what Excel saves "CSV" as on Chinese Windows).
func readCSV(data []byte, opts ReadOptions) (*Table, error) {
	t := &Table{Format: "csv", Encoding: "UTF-8"}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if !utf8.Valid(data) {
		dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil {
			return nil, fileErr(CodeNotSpreadsheet, "", "文字编码无法识别（应为 UTF-8 或 GB18030/GBK）", "unknown text encoding (expected UTF-8 or GB18030/GBK)")
		}
		data, t.Encoding = dec, "GB18030"
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = sniffSeparator(data)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	num := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fileErr(CodeNotSpreadsheet, "", "CSV 无法读取：%v", "the CSV cannot be read: %v", err)
		}
		num++
		if emptyRow(rec) {
			continue
		}
		if t.Headers == nil {
			t.Headers, t.HeaderRow = rec, num
			continue
		}
		if len(t.Rows) >= opts.MaxRows {
			return nil, tooMany(opts.MaxRows)
		}
		for i, c := range rec {
			rec[i] = undoDefuse(c) // what an export kept from running as a formula
		}
		t.Rows = append(t.Rows, Row{Num: num, Cells: rec})
	}
	if t.Headers == nil {
		return nil, fileErr(CodeEmpty, "", "文件是空的", "the file is empty")
	}
	return finish(t)
}

// sniffSeparator picks comma, semicolon or tab: whichever the first line holds most
// of outside quotes (comma when none).
func sniffSeparator(data []byte) rune {
	line := data
	if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
		line = data[:i]
	}
	counts := map[byte]int{}
	quoted := false
	for _, b := range line {
		switch {
		case b == '"':
			quoted = !quoted
		case !quoted && (b == ',' || b == ';' || b == '\t'):
			counts[b]++
		}
	}
	best := byte(',')
	for _, c := range []byte{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return rune(best)
}

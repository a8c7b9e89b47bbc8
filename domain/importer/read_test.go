package importer

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func xlsx(t *testing.T, build func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	build(f)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func codeOf(err error) string {
	var fe *FileError
	if errors.As(err, &fe) {
		return fe.Code
	}
	return ""
}

func TestReadCSVEncodings(t *testing.T) {
	text := "客户名称,手机\n宁波华塑新材料有限公司,13800138000\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, data, enc string
	}{
		{"utf8", text, "UTF-8"},
		{"utf8 bom", "\xEF\xBB\xBF" + text, "UTF-8"},
		{"gb18030", gb, "GB18030"},
		{"semicolon", "客户名称;手机\n宁波华塑新材料有限公司;13800138000\n", "UTF-8"},
		{"tab", "客户名称\t手机\n宁波华塑新材料有限公司\t13800138000\n", "UTF-8"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb, err := Read([]byte(c.data), ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if tb.Encoding != c.enc || tb.Headers[0] != "客户名称" || tb.Headers[1] != "手机" || len(tb.Rows) != 1 ||
				tb.Rows[0].Cell(0) != "宁波华塑新材料有限公司" || tb.Rows[0].Num != 2 {
				t.Fatalf("read %+v", tb)
			}
		})
	}
}

func TestReadBadFiles(t *testing.T) {
	formula := xlsx(t, func(f *excelize.File) {
		f.SetCellValue("Sheet1", "A1", "客户名称")
		f.SetCellValue("Sheet1", "A2", "甲")
		f.SetCellFormula("Sheet1", "A3", "CONCAT(A2,\"乙\")") // no cached value
	})
	merged := xlsx(t, func(f *excelize.File) {
		f.SetCellValue("Sheet1", "A1", "客户名称")
		f.SetCellValue("Sheet1", "A2", "甲")
		f.MergeCell("Sheet1", "A2", "A4")
	})
	headerOnly := xlsx(t, func(f *excelize.File) { f.SetCellValue("Sheet1", "A1", "客户名称") })
	empty := xlsx(t, func(f *excelize.File) {})
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...)
	for _, c := range []struct {
		name string
		data []byte
		opts ReadOptions
		code string
		cell string
	}{
		{"encrypted", ole, ReadOptions{}, CodeEncrypted, ""},
		{"not a spreadsheet", []byte("%PDF-1.7\x00\x01\x02binary"), ReadOptions{}, CodeNotSpreadsheet, ""},
		{"zip that is no workbook", []byte("PK\x03\x04garbage"), ReadOptions{}, CodeNotSpreadsheet, ""},
		{"empty csv", []byte("  \n"), ReadOptions{}, CodeEmpty, ""},
		{"header only csv", []byte("客户名称,手机\n"), ReadOptions{}, CodeHeaderOnly, ""},
		{"empty sheet", empty, ReadOptions{}, CodeEmpty, ""},
		{"header only sheet", headerOnly, ReadOptions{}, CodeHeaderOnly, ""},
		{"merged cells", merged, ReadOptions{}, CodeMergedCells, "A2:A4"},
		{"formula without value", formula, ReadOptions{}, CodeFormula, "A3"},
		{"unknown sheet", headerOnly, ReadOptions{Sheet: "客户"}, CodeUnknownSheet, ""},
		{"too many csv rows", []byte("a\n1\n2\n3\n"), ReadOptions{MaxRows: 2}, CodeTooManyRows, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read(c.data, c.opts)
			if codeOf(err) != c.code {
				t.Fatalf("got %v, want %s", err, c.code)
			}
			var fe *FileError
			errors.As(err, &fe)
			if fe.Cell != c.cell || fe.Zh == "" || fe.En == "" {
				t.Fatalf("error %+v: want cell %q and both languages", fe, c.cell)
			}
		})
	}
}

// A sheet of more than MaxRows data rows is refused while it is streamed.
func TestReadTooManyXLSXRows(t *testing.T) {
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	_ = sw.SetRow("A1", []any{"客户名称"})
	for r := 2; r <= MaxRows+2; r++ {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		_ = sw.SetRow(cell, []any{fmt.Sprint("客户", r)})
	}
	_ = sw.Flush()
	var buf bytes.Buffer
	_ = f.Write(&buf)
	if _, err := Read(buf.Bytes(), ReadOptions{}); codeOf(err) != CodeTooManyRows {
		t.Fatalf("got %v", err)
	}
}

func TestReadXLSXValues(t *testing.T) {
	data := xlsx(t, func(f *excelize.File) {
		f.NewSheet("客户")
		f.SetCellValue("客户", "A1", "客户名称")
		f.SetCellValue("客户", "B1", "日期")
		f.SetCellValue("客户", "C1", "金额")
		f.SetCellValue("客户", "A2", "甲")
		f.SetCellValue("客户", "B2", time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC))
		f.SetCellFormula("客户", "C2", "1+1")
		f.SetCellValue("客户", "C2", 2) // the cached value
	})
	tb, err := Read(data, ReadOptions{Sheet: "客户"})
	if err != nil {
		t.Fatal(err)
	}
	d, _, ok := ParseDate(tb.Rows[0].Cell(1))
	if !ok || !d.Equal(time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("a real date cell read %q → %v", tb.Rows[0].Cell(1), d)
	}
	if tb.Rows[0].Cell(2) != "2" || tb.Sheet != "客户" {
		t.Fatalf("formula's cached value: %q", tb.Rows[0].Cell(2))
	}
}

func TestParseDate(t *testing.T) {
	want := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	for _, s := range []string{"2024-03-05", "2024/3/5", "2024年3月5日", "05.03.2024", "2024.3.5", "45356", "2024-03-05 10:30:00", "２０２４－０３－０５"} {
		got, _, ok := ParseDate(s)
		if !ok || !got.Equal(want) {
			t.Errorf("%q → %v %v", s, got, ok)
		}
	}
	if got, _, ok := ParseDate("13/03/2024"); !ok || got.Month() != 3 || got.Day() != 13 {
		t.Errorf("13/03/2024 is unambiguous: %v", got)
	}
	for _, s := range []string{"03/05/2024", "2024-02-30", "明天", "2024-13-01", "12.5x"} {
		if _, why, ok := ParseDate(s); ok || why.Zh == "" {
			t.Errorf("%q should be refused with a reason", s)
		}
	}
}

func TestGuessHeaders(t *testing.T) {
	got := Guess(Customers, []string{"公司名称", "Credit Code", "ＥＭＡＩＬ", "省份", "销售", "简称 ", "客户名称（全称）", "随便"})
	want := Mapping{"name", "creditCode", "", "region", "owner", "shortName", "", ""}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("column %d: got %q want %q (%v)", i, got[i], want[i], got)
		}
	}
	got = Guess(Contacts, []string{"Company", "Contact Name", "Mobile Phone", "E-mail", "职务"})
	want = Mapping{"customer", "name", "mobile", "email", "title"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("contacts column %d: got %q want %q", i, got[i], want[i])
		}
	}
	if err := Validate(Customers, Mapping{"region"}); err == nil || err.Code != "REQUIRED_FIELD" {
		t.Fatalf("a mapping without the name: %v", err)
	}
	if err := Validate(Customers, Mapping{"name", "name"}); err == nil || err.Code != "FIELD_TWICE" {
		t.Fatalf("a field twice: %v", err)
	}
}

func TestDefuseFormulaRoundTrip(t *testing.T) {
	for _, s := range []string{"=1+1", "+86 139", "-5", "@x", "plain", "", "'quoted", "'=kept"} {
		d := DefuseFormula(s)
		if s != "" && strings.ContainsRune("=+-@", rune(s[0])) && d != "'"+s {
			t.Errorf("%q is not defused: %q", s, d)
		}
		if got := undoDefuse(d); got != s && s != "'=kept" {
			t.Errorf("%q → %q → %q", s, d, got)
		}
	}
}

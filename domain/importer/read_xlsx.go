package importer

import (
	"bytes"
	"errors"
	"strings"

	"github.com/xuri/excelize/v2"
)

// readXLSX streams the sheet's rows (excelize's Rows iterator: a 1,048,576-row sheet
// is refused at row MaxRows+1, not loaded first), reading cell values as stored:
// formulas are not evaluated, a formula gives its cached value and a formula without
// one is refused naming the cell. Merged cells in the data area are refused naming
// the range: which row their value belongs to is a guess.
func readXLSX(data []byte, opts ReadOptions) (*Table, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		if errors.Is(err, excelize.ErrWorkbookFileFormat) || strings.Contains(err.Error(), "password") {
			return nil, fileErr(CodeEncrypted, "", "工作簿有密码保护：请去掉密码再导入", "the workbook is password-protected: remove the password and import again")
		}
		return nil, fileErr(CodeNotSpreadsheet, "", "不是可读取的 .xlsx 工作簿", "not a readable .xlsx workbook")
	}
	defer f.Close()
	sheet, err := pickSheet(f, opts.Sheet)
	if err != nil {
		return nil, err
	}
	t := &Table{Format: "xlsx", Sheet: sheet}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fileErr(CodeNotSpreadsheet, "", "工作表无法读取", "the sheet cannot be read")
	}
	defer rows.Close()
	var empties [][2]int // empty cells of data rows: a formula without a value reads as ""
	num := 0
	for rows.Next() {
		num++
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fileErr(CodeNotSpreadsheet, "", "第 %d 行无法读取", "row %d cannot be read", num)
		}
		if t.Headers != nil {
			for i, c := range cells {
				if c == "" {
					empties = append(empties, [2]int{i, num})
				}
			}
		}
		if emptyRow(cells) {
			continue
		}
		if t.Headers == nil {
			t.Headers, t.HeaderRow = cells, num
			continue
		}
		if len(t.Rows) >= opts.MaxRows {
			return nil, tooMany(opts.MaxRows)
		}
		t.Rows = append(t.Rows, Row{Num: num, Cells: cells})
	}
	if t.Headers == nil {
		return nil, fileErr(CodeEmpty, "", "工作表“%s”是空的", "the sheet %q is empty", sheet)
	}
	if err := checkMerged(f, sheet, t.HeaderRow); err != nil {
		return nil, err
	}
	for _, e := range empties {
		cell, _ := excelize.CoordinatesToCellName(e[0]+1, e[1])
		if fm, _ := f.GetCellFormula(sheet, cell); fm != "" {
			return nil, fileErr(CodeFormula, cell, "%s：公式没有保存的结果，请在 Excel 中打开并保存后再导入", "%s: a formula without a saved value; open and save the file in Excel, then import again", cell)
		}
	}
	return finish(t)
}

// pickSheet is the sheet asked for, or the first that holds any cell.
func pickSheet(f *excelize.File, want string) (string, error) {
	list := f.GetSheetList()
	if want != "" {
		for _, s := range list {
			if s == want {
				return s, nil
			}
		}
		return "", fileErr(CodeUnknownSheet, "", "没有名为“%s”的工作表（有：%s）", "no sheet named %q (there are: %s)", want, strings.Join(list, ", "))
	}
	for _, s := range list {
		if d, err := f.GetSheetDimension(s); err == nil && d != "" && d != "A1" {
			return s, nil
		}
		if v, _ := f.GetCellValue(s, "A1"); v != "" {
			return s, nil
		}
	}
	if len(list) == 0 {
		return "", fileErr(CodeEmpty, "", "工作簿没有工作表", "the workbook has no sheet")
	}
	return list[0], nil
}

func checkMerged(f *excelize.File, sheet string, headerRow int) error {
	merged, err := f.GetMergeCells(sheet)
	if err != nil {
		return nil
	}
	for _, m := range merged {
		_, endRow, err := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err != nil || endRow <= headerRow {
			continue // a title or header merged above the data is harmless
		}
		rng := m.GetStartAxis() + ":" + m.GetEndAxis()
		return fileErr(CodeMergedCells, rng, "数据区有合并单元格 %s：请取消合并并在每行填入值", "merged cells %s in the data area: unmerge them and fill every row", rng)
	}
	return nil
}

// Package importer brings a supplier's existing book into Tandem from .xlsx and .csv
// files: it reads the file (read*.go), guesses which column is which field
// (columns.go, guess.go), parses the values (values.go), checks every row against
// what is stored — the dry run — (check.go and one file per kind) and writes the
// checked rows in batches as history (commit.go).
package importer

import "fmt"

// Codes of a file that cannot be read at all. They reach the client as the
// "reason" extension of a BAD_USER_INPUT error; nothing is written.
const (
	CodeNotSpreadsheet = "NOT_SPREADSHEET"
	CodeEncrypted      = "ENCRYPTED"
	CodeEmpty          = "EMPTY"
	CodeHeaderOnly     = "HEADER_ONLY"
	CodeMergedCells    = "MERGED_CELLS"
	CodeTooManyRows    = "TOO_MANY_ROWS"
	CodeTooLarge       = "TOO_LARGE"
	CodeUnknownSheet   = "UNKNOWN_SHEET"
	CodeFormula        = "FORMULA_WITHOUT_VALUE"
)

// FileError is why a whole file is refused, in both languages.
type FileError struct {
	Code string
	Zh   string
	En   string
	// Cell names the cell or range at fault, when there is one.
	Cell string
}

func (e *FileError) Error() string { return e.Code + ": " + e.En }

func fileErr(code, cell, zh, en string, args ...any) *FileError {
	return &FileError{Code: code, Cell: cell, Zh: fmt.Sprintf(zh, args...), En: fmt.Sprintf(en, args...)}
}

// TooLarge refuses a file over the upload limit of mb megabytes.
func TooLarge(mb int) *FileError {
	return fileErr(CodeTooLarge, "", "文件超过 %d MB：请拆分文件", "the file is larger than %d MB: split the file", mb)
}

// Text is a message in both languages; the viewer's locale picks one.
type Text struct {
	Zh string `json:"zh,omitempty"`
	En string `json:"en,omitempty"`
}

// In returns the text in lang ("zh" or "en").
func (t Text) In(lang string) string {
	if lang == "en" {
		return t.En
	}
	return t.Zh
}

func text(zh, en string, args ...any) Text {
	return Text{Zh: fmt.Sprintf(zh, args...), En: fmt.Sprintf(en, args...)}
}

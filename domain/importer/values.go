package importer

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"
)

var (
	reYMD    = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$`)
	reDMYDot = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d{4})$`)
	reSlash  = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)
	reSerial = regexp.MustCompile(`^\d{1,7}(\.\d+)?$`)
)

// ParseDate reads a date as people write it: 2024-03-05, 2024/3/5, 2024.3.5,
// 2024年3月5日, 05.03.2024 (day first, the European way), an Excel serial number (a
// date cell read as stored) and any of these with a time after a space or "T".
// 03/05/2024 is refused as ambiguous unless one of the two numbers is above 12.
// ok is false with the reason when it is not a date.
func ParseDate(s string) (time.Time, Text, bool) {
	s = strings.TrimSpace(width.Fold.String(s))
	if s == "" {
		return time.Time{}, Text{}, false
	}
	if reSerial.MatchString(s) {
		n, _ := strconv.ParseFloat(s, 64)
		if n >= 1 && n < 2958466 {
			t, err := excelize.ExcelDateToTime(n, false)
			if err == nil {
				return t.UTC().Truncate(24 * time.Hour), Text{}, true
			}
		}
		return time.Time{}, notDate(), false
	}
	if i := strings.IndexAny(s, " T"); i > 0 {
		s = s[:i]
	}
	var y, m, d int
	switch {
	case reYMD.MatchString(s):
		p := reYMD.FindStringSubmatch(s)
		y, m, d = atoi(p[1]), atoi(p[2]), atoi(p[3])
	case reDMYDot.MatchString(s):
		p := reDMYDot.FindStringSubmatch(s)
		y, m, d = atoi(p[3]), atoi(p[2]), atoi(p[1])
	case reSlash.MatchString(s):
		p := reSlash.FindStringSubmatch(s)
		a, b := atoi(p[1]), atoi(p[2])
		y = atoi(p[3])
		switch {
		case a > 12 && b <= 12:
			d, m = a, b
		case b > 12 && a <= 12:
			m, d = a, b
		case a == b:
			m, d = a, b
		default:
			return time.Time{}, text("日期有歧义（%s 是几月几日？）：请写成 2024-03-05", "ambiguous date (%s: which is the month?): write it as 2024-03-05", s), false
		}
	default:
		return time.Time{}, notDate(), false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || d < 1 || t.Day() != d || y < 1900 || y > 2200 {
		return time.Time{}, notDate(), false
	}
	return t, Text{}, true
}

func notDate() Text { return text("不是日期", "not a date") }

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// ParseNumber reads 1,234.5, ¥12.50, 12.5元 and full-width digits.
func ParseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(width.Fold.String(s))
	s = strings.NewReplacer(",", "", "¥", "", "￥", "", "$", "", "€", "", "元", "", " ", "").Replace(s)
	if s == "" {
		return 0, false
	}
	n, err := strconv.ParseFloat(s, 64)
	return n, err == nil
}

// DefuseFormulas keeps the cells of a CSV row that Excel would run as a formula (=, +,
// -, @, a tab or a carriage return first) text, by putting an apostrophe first: names
// and notes come from customers and partners, and a crafted one must not run on the
// machine of whoever opens the file. The row is changed in place and returned.
func DefuseFormulas(row []string) []string {
	for i, s := range row {
		row[i] = DefuseFormula(s)
	}
	return row
}

// DefuseFormula is one cell of DefuseFormulas.
func DefuseFormula(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// undoDefuse reads back a cell DefuseFormula wrote: the apostrophe before a formula's
// first character goes.
func undoDefuse(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}

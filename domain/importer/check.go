package importer

import (
	"context"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"tandem/ent"
	"tandem/ent/viewer"
)

// Row actions (GraphQL ImportRowAction).
const (
	Create    = "CREATE"
	Update    = "UPDATE"
	Unchanged = "UNCHANGED"
	Duplicate = "DUPLICATE"
	Error     = "ERROR"
)

// RowResult is what the check (or the commit) does with one row.
type RowResult struct {
	Row       int    `json:"row"`
	Action    string `json:"action"`
	Key       string `json:"key,omitempty"`
	MatchID   string `json:"matchID,omitempty"`
	MatchName string `json:"matchName,omitempty"`
	Message   Text   `json:"message,omitzero"`
	Cell      string `json:"cell,omitempty"`
}

// Counts sum a check's actions.
type Counts struct{ Creates, Updates, Unchanged, Duplicates, Errors int }

func (c *Counts) add(action string) {
	switch action {
	case Create:
		c.Creates++
	case Update:
		c.Updates++
	case Unchanged:
		c.Unchanged++
	case Duplicate:
		c.Duplicates++
	default:
		c.Errors++
	}
}

// write writes one checked row in the batch's transaction.
type write func(ctx context.Context, c *ent.Client) error

// Plan is a check's outcome: a result per data row (in row order) and the writes a
// commit would do, by row index.
type Plan struct {
	Results []RowResult
	Counts  Counts
	writes  []write
}

// book is the rules of one kind: what rows are matched against, and one row's check.
type book interface {
	load(ctx context.Context, c *ent.Client, v *viewer.Viewer) error
	check(r values) (RowResult, write)
}

func bookOf(k Kind) book {
	switch k {
	case Customers:
		return &customerBook{}
	case Contacts:
		return &contactBook{}
	case Products:
		return &productBook{}
	case Prices:
		return &priceBook{}
	case Interactions:
		return &interactionBook{}
	case KeyPersons:
		return &keyPersonBook{}
	case Orders:
		return &orderBook{}
	}
	return nil
}

// Supported reports whether kind can be imported.
func Supported(k Kind) bool { return bookOf(k) != nil && len(FieldsOf(k)) > 0 }

// Check is the dry run: every row's action against what is stored now, as the viewer
// in ctx sees it. It writes nothing.
func Check(ctx context.Context, c *ent.Client, k Kind, t *Table, m Mapping) (*Plan, error) {
	b := bookOf(k)
	if b == nil {
		return nil, fmt.Errorf("import of %s is not supported", k)
	}
	if err := b.load(ctx, c, viewer.FromContext(ctx)); err != nil {
		return nil, err
	}
	col := map[string]int{}
	for i, f := range m {
		if f != "" {
			col[f] = i
		}
	}
	p := &Plan{Results: make([]RowResult, len(t.Rows)), writes: make([]write, len(t.Rows))}
	for i, row := range t.Rows {
		res, w := b.check(values{row: row, col: col})
		res.Row = row.Num
		res.Message = labelled(k, m, res)
		p.Results[i], p.writes[i] = res, w
		p.Counts.add(res.Action)
	}
	return p, nil
}

// values reads the mapped fields of one row.
type values struct {
	row Row
	col map[string]int
}

// get returns the trimmed value of field key and its cell name ("" when unmapped).
func (v values) get(key string) (string, string) {
	i, ok := v.col[key]
	if !ok {
		return "", ""
	}
	return strings.TrimSpace(v.row.Cell(i)), v.cell(key)
}

func (v values) has(key string) bool {
	s, _ := v.get(key)
	return s != ""
}

func (v values) cell(key string) string {
	i, ok := v.col[key]
	if !ok {
		return ""
	}
	name, _ := excelize.CoordinatesToCellName(i+1, v.row.Num)
	return name
}

// refuse is an ERROR result naming the cell.
func refuse(cell string, msg Text) (RowResult, write) {
	if cell != "" {
		msg = Text{Zh: cell + "：" + msg.Zh, En: cell + ": " + msg.En}
	}
	return RowResult{Action: Error, Cell: cell, Message: msg}, nil
}

// labelled puts the label of the cell's field after the cell a message starts with
// ("A7：必填" → "A7 客户名称：必填"), so that the reason says which column it is.
func labelled(k Kind, m Mapping, res RowResult) Text {
	msg := res.Message
	col, _, err := excelize.CellNameToCoordinates(res.Cell)
	if res.Cell == "" || err != nil || col < 1 || col > len(m) {
		return msg
	}
	for _, f := range FieldsOf(k) {
		if f.Key != m[col-1] {
			continue
		}
		if rest, ok := strings.CutPrefix(msg.Zh, res.Cell+"："); ok {
			msg.Zh = res.Cell + " " + f.Zh + "：" + rest
		}
		if rest, ok := strings.CutPrefix(msg.En, res.Cell+": "); ok {
			msg.En = res.Cell + " " + f.En + ": " + rest
		}
	}
	return msg
}

func required(v values, key string) (string, *RowResult) {
	s, cell := v.get(key)
	if s == "" {
		if cell == "" {
			cell = v.cell(key)
		}
		r, _ := refuse(cell, text("必填", "required"))
		return "", &r
	}
	return s, nil
}

// firstSeen remembers natural keys met earlier in the file: the second row with a key
// is an error naming the first.
type firstSeen map[string]int

func (f firstSeen) again(keys []string, row int) (RowResult, bool) {
	for _, key := range keys {
		if first, ok := f[key]; ok {
			return RowResult{Action: Error, Key: key, Message: text("与第 %d 行重复", "duplicates row %d", first)}, true
		}
	}
	for _, key := range keys {
		f[key] = row
	}
	return RowResult{}, false
}

// same compares a stored value with a read one, ignoring case and surrounding space.
func same(stored, read string) bool {
	return strings.EqualFold(strings.TrimSpace(stored), strings.TrimSpace(read))
}

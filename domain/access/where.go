package access

import (
	"reflect"
	"strings"
	"sync"

	"entgo.io/ent/dialect/sql"

	"tandem/ent/errcode"
	"tandem/ent/viewer"
)

// A `where` filter is compiled to SQL: its relation filters (has…With, has…) become
// sub-selects of the related table, which the privacy policy never sees. ScopeWhere
// makes every level obey the table instead: a relation filter matches only rows of
// the related type that the viewer reads, a filter on a field the viewer may not read
// is refused, and one on a restricted field holds only where the field is readable.
// Without it, counting the rows a filter matches would answer questions about rows
// the viewer cannot read (another team's contact's mobile, digit by digit).

// ScopeWhere rewrites a generated *XWhereInput in place, at every depth.
func ScopeWhere(v *viewer.Viewer, where any) error {
	rv := reflect.ValueOf(where)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || !strings.HasSuffix(rv.Elem().Type().Name(), whereSuffix) {
		return nil
	}
	return scopeWhere(v, rv)
}

const whereSuffix = "WhereInput"

type whereKind int

const (
	wherePredicates whereKind = iota
	whereNot
	whereList // or, and
	whereEdgeWith
	whereEdgeHas
	whereOnField
)

type whereKey struct {
	index  int
	kind   whereKind
	key    string // the input's key, e.g. "mobileHasPrefix"
	name   string // the GraphQL field filtered on, e.g. "mobile" or the edge "contacts"
	target string // the related type of an edge
	with   int    // for has…: the index of has…With
}

type whereInfo struct {
	typ    string
	fields []whereKey
	and    int // index of And
}

var whereInfos sync.Map // reflect.Type → *whereInfo

// infoOf reads the layout of a generated where input once.
func infoOf(t reflect.Type) *whereInfo {
	if i, ok := whereInfos.Load(t); ok {
		return i.(*whereInfo)
	}
	info := &whereInfo{typ: strings.TrimSuffix(t.Name(), whereSuffix), and: -1}
	keys := map[string]int{}
	for i := range t.NumField() {
		keys[jsonKey(t.Field(i))] = i
	}
	for i := range t.NumField() {
		sf := t.Field(i)
		key := jsonKey(sf)
		f := whereKey{index: i, key: key}
		switch {
		case sf.Name == "Predicates":
			f.kind = wherePredicates
		case sf.Name == "Not":
			f.kind = whereNot
		case sf.Name == "Or" || sf.Name == "And":
			f.kind = whereList
			if sf.Name == "And" {
				info.and = i
			}
		case strings.HasPrefix(key, "has") && strings.HasSuffix(key, "With") && isWhereList(sf.Type):
			f.kind, f.name = whereEdgeWith, lowerFirst(strings.TrimSuffix(strings.TrimPrefix(key, "has"), "With"))
			f.target = strings.TrimSuffix(sf.Type.Elem().Elem().Name(), whereSuffix)
		case strings.HasPrefix(key, "has") && sf.Type == reflect.TypeOf((*bool)(nil)):
			if w, ok := keys[key+"With"]; ok {
				f.kind, f.name, f.with = whereEdgeHas, lowerFirst(strings.TrimPrefix(key, "has")), w
				f.target = strings.TrimSuffix(t.Field(w).Type.Elem().Elem().Name(), whereSuffix)
				break
			}
			f.kind, f.name = whereOnField, fieldOfKey(key, keys)
		default:
			f.kind, f.name = whereOnField, fieldOfKey(key, keys)
		}
		info.fields = append(info.fields, f)
	}
	whereInfos.Store(t, info)
	return info
}

func jsonKey(sf reflect.StructField) string {
	k, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
	if k == "" || k == "-" {
		return sf.Name
	}
	return k
}

func isWhereList(t reflect.Type) bool {
	return t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Pointer && strings.HasSuffix(t.Elem().Elem().Name(), whereSuffix)
}

// fieldOfKey finds the field a filter key is on: every field filter has an
// inequality key (nameNEQ), so the field is the longest such name the key starts with.
func fieldOfKey(key string, keys map[string]int) string {
	best := ""
	for k := range keys {
		if _, ok := keys[k+"NEQ"]; ok && strings.HasPrefix(key, k) && len(k) > len(best) {
			best = k
		}
	}
	if best == "" {
		return key
	}
	return best
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func scopeWhere(v *viewer.Viewer, p reflect.Value) error {
	info := infoOf(p.Elem().Type())
	st := p.Elem()
	var narrow []func(*sql.Selector)
	for _, f := range info.fields {
		fv := st.Field(f.index)
		if f.kind == wherePredicates || fv.IsZero() {
			continue
		}
		switch f.kind {
		case whereNot:
			if err := scopeWhere(v, fv); err != nil {
				return err
			}
		case whereList:
			for i := range fv.Len() {
				if el := fv.Index(i); !el.IsNil() {
					if err := scopeWhere(v, el); err != nil {
						return err
					}
				}
			}
		case whereEdgeWith:
			target, err := edgeRows(v, info.typ, f)
			if err != nil {
				return err
			}
			for i := range fv.Len() {
				el := fv.Index(i)
				if el.IsNil() {
					el.Set(reflect.New(el.Type().Elem()))
				}
				if err := scopeWhere(v, el); err != nil {
					return err
				}
				addPredicates(el, target)
			}
		case whereEdgeHas:
			target, err := edgeRows(v, info.typ, f)
			if err != nil {
				return err
			}
			if target.IsAll() {
				continue
			}
			// has…: true means "has a readable one", false "has no readable one".
			has := fv.Elem().Bool()
			fv.Set(reflect.Zero(fv.Type()))
			with := st.Field(f.with)
			el := reflect.New(with.Type().Elem().Elem())
			addPredicates(el, target)
			if has {
				with.Set(reflect.Append(with, el))
				continue
			}
			none := reflect.New(st.Type())
			none.Elem().Field(f.with).Set(reflect.Append(reflect.Zero(with.Type()), el))
			not := reflect.New(st.Type())
			not.Elem().FieldByName("Not").Set(none)
			and := st.Field(info.and)
			and.Set(reflect.Append(and, not))
		case whereOnField:
			rows := FieldRows(v, info.typ, f.name)
			switch {
			case rows.IsNone():
				return refuseFilter(info.typ, f.name, f.key)
			case !rows.IsAll():
				narrow = append(narrow, rows.Predicate())
			}
		}
	}
	for _, n := range narrow {
		addPredicates(p, Where(n))
	}
	return nil
}

// edgeRows checks the viewer may read the edge and returns the related rows it reads.
func edgeRows(v *viewer.Viewer, typ string, f whereKey) (Rows, error) {
	if FieldRows(v, typ, f.name).IsNone() {
		return None, refuseFilter(typ, f.name, f.key)
	}
	target := RowsOf(v, f.target)
	if target.IsNone() {
		return None, refuseFilter(typ, f.name, f.key)
	}
	return target, nil
}

func refuseFilter(typ, field, key string) error {
	return errcode.New(errcode.Forbidden, "you may not filter on %s.%s", typ, field).With("field", key)
}

// addPredicates narrows one where input (a pointer) to rows.
func addPredicates(p reflect.Value, rows Rows) {
	pred := rows.Predicate()
	if pred == nil {
		return
	}
	m := p.MethodByName("AddPredicates")
	arg := reflect.ValueOf(pred).Convert(m.Type().In(0).Elem())
	m.Call([]reflect.Value{arg})
}

// CheckOrder refuses an ordering by a field the viewer may not read: the order of the
// rows would tell what it holds. orderBy is a generated *XOrder or []*XOrder whose
// Field names the GraphQL enum value (STAGE_CHANGED_AT orders by stageChangedAt).
func CheckOrder(v *viewer.Viewer, typ string, orderBy any) error {
	rv := reflect.ValueOf(orderBy)
	if rv.Kind() == reflect.Slice {
		for i := range rv.Len() {
			if err := CheckOrder(v, typ, rv.Index(i).Interface()); err != nil {
				return err
			}
		}
		return nil
	}
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := rv.Elem().FieldByName("Field")
	if !f.IsValid() || f.IsNil() {
		return nil
	}
	s, ok := f.Interface().(interface{ String() string })
	if !ok {
		return nil
	}
	field := camelOf(s.String())
	if FieldRows(v, typ, field).IsNone() {
		return errcode.New(errcode.Forbidden, "you may not order %s by %s", typ, s.String()).With("field", "orderBy")
	}
	return nil
}

// camelOf turns an enum value into the field it names: STAGE_CHANGED_AT → stageChangedAt.
func camelOf(enum string) string {
	parts := strings.Split(strings.ToLower(enum), "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}

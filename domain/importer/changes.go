package importer

import (
	"strings"

	"tandem/ent/schema/pulid"
)

// fieldChange is one field an UPDATE row changes, shown by the dry run before anything
// is written: re-importing an old file must not hand an account back to its old owner
// without the importer seeing it.
type fieldChange struct{ key, from, to string }

// changesText says what an UPDATE row changes, the fields in the column table's order:
// "将修改：地区 苏州 → 杭州；负责人 王经理 → 李销售".
func changesText(k Kind, cs []fieldChange) Text {
	var zh, en []string
	for _, f := range FieldsOf(k) {
		for _, c := range cs {
			if c.key != f.Key {
				continue
			}
			fromZh, fromEn := c.from, c.from
			if c.from == "" {
				fromZh, fromEn = "（空）", "(empty)"
			}
			zh = append(zh, f.Zh+" "+fromZh+" → "+c.to)
			en = append(en, f.En+" "+fromEn+" → "+c.to)
		}
	}
	return Text{Zh: "将修改：" + strings.Join(zh, "；"), En: "changes " + strings.Join(en, "; ")}
}

// nameOf is the name of the user with this ID, for the dry run's account of a change
// of owner ("" when unknown).
func (ix userIndex) nameOf(id pulid.ID) string {
	u := ix.byID[id]
	switch {
	case u == nil:
		return ""
	case u.Name != "":
		return u.Name
	}
	return u.Email
}

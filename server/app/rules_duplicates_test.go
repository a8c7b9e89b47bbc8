package app_test

import (
	"fmt"
	"testing"

	"tandem/domain/account"
)

// Duplicates (查重) of issue 10: a short name finds the company however it was entered.

const dupQuery = `query($n: String!) { duplicateCandidates(name: $n) { name reason core ownerName customer { id } } }`

// duplicatesOf lists "name reason core" of the candidates the viewer is shown.
func (e *env) duplicatesOf(token, name string) []string {
	e.t.Helper()
	var out []string
	for _, d := range dig(e.ok(token, dupQuery, map[string]any{"n": name}), "duplicateCandidates").([]any) {
		out = append(out, fmt.Sprint(dig(d, "name"), " ", dig(d, "reason"), " ", dig(d, "core")))
	}
	return out
}

func TestDuplicatesFindShortNames(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		rep1, rep3 := e.token(e.f.rep1), e.token(e.f.rep3)
		for _, c := range []struct {
			token, name string
			want        string
		}{
			// rep3 works in the south: the account is another team's, shown by name and owner.
			{rep3, "宁波华塑", "[宁波华塑新材料有限公司 SAME_CORE 华塑]"},
			{rep1, "华塑", "[宁波华塑新材料有限公司 SAME_CORE 华塑]"},
			{rep1, "浙江华塑控股集团", "[宁波华塑新材料有限公司 SAME_CORE 华塑]"},
			{rep1, "华塑达", "[宁波华塑新材料有限公司 SHORT_NAME 华塑达 / 华塑]"},
			{rep1, "宁波华塑新材料股份有限公司", "[宁波华塑新材料有限公司 SAME_NAME <nil>]"},
			{rep3, "Meridian", "[Jiangsu Meridian Polymers Co., Ltd. SAME_CORE meridian]"},
			{rep1, "彩虹", "[佛山彩虹涂料股份有限公司 SAME_CORE 彩虹]"},
			// Must not: another place, a place and a trade alone, a shorter word.
			{rep1, "杭州华塑", "[]"},
			{rep1, "宁波化工有限公司", "[]"},
			{rep1, "华美", "[]"},
			{rep1, "Meridia", "[]"},
		} {
			if got := fmt.Sprint(e.duplicatesOf(c.token, c.name)); got != c.want {
				t.Errorf("duplicates of %q: %s, want %s", c.name, got, c.want)
			}
		}
		d := dig(e.ok(rep3, dupQuery, map[string]any{"n": "宁波华塑"}), "duplicateCandidates", 0)
		if dig(d, "customer") != nil || dig(d, "ownerName") != "rep1@t.test" {
			t.Errorf("another team's account: %v", d)
		}
	})
}

// A rep creates 宁波华塑 although 宁波华塑新材料有限公司 exists: the new account lists it.
func TestCreatedShortNameListsTheCompany(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		rep1 := e.token(e.f.rep1)
		if got := fmt.Sprint(e.duplicatesOf(rep1, "宁波华塑")); got != "[宁波华塑新材料有限公司 SAME_CORE 华塑]" {
			t.Fatalf("before creating: %s", got)
		}
		id := dig(e.ok(rep1, `mutation { createCustomer(input: {name: "宁波华塑"}) { id } }`, nil), "createCustomer", "id")
		d := e.ok(rep1, `query($id: ID!) { node(id: $id) { ... on Customer { possibleDuplicates { name reason core customer { id } } } } }`, map[string]any{"id": id})
		ds := dig(d, "node", "possibleDuplicates").([]any)
		if len(ds) != 1 || dig(ds[0], "name") != "宁波华塑新材料有限公司" || dig(ds[0], "reason") != "SAME_CORE" || idOf(dig(ds[0], "customer", "id")) != e.f.acmeEast.ID {
			t.Fatalf("possibleDuplicates: %v", ds)
		}
		// And the older account now lists the new one.
		if got := fmt.Sprint(e.duplicatesOf(rep1, "宁波华塑新材料有限公司")); got != "[宁波华塑 SAME_CORE 华塑 宁波华塑新材料有限公司 SAME_NAME <nil>]" {
			t.Errorf("duplicates of the full name: %s", got)
		}
	})
}

// Accounts stored before core names were are keyed at start-up.
func TestCoreNamesRekeyedAtStartUp(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := e.app.DB.Client
		if _, err := c.ExecContext(e.sys, `UPDATE customers SET core_name = NULL`); err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(e.duplicatesOf(e.token(e.f.rep1), "华塑")); got != "[]" {
			t.Fatalf("without core names: %s", got)
		}
		n, err := account.RekeyNames(e.sys, c)
		if err != nil || n != 3 {
			t.Fatalf("RekeyNames = %d, %v", n, err)
		}
		if got := fmt.Sprint(e.duplicatesOf(e.token(e.f.rep1), "华塑")); got != "[宁波华塑新材料有限公司 SAME_CORE 华塑]" {
			t.Fatalf("after rekeying: %s", got)
		}
		if n, _ := account.RekeyNames(e.sys, c); n != 0 {
			t.Errorf("rekeyed %d accounts twice", n)
		}
	})
}

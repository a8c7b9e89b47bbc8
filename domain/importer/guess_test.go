package importer

import "testing"

// The headers suppliers' own sheets use, per kind: each must land on its field.
func TestGuessUsualHeaders(t *testing.T) {
	for _, tc := range []struct {
		kind    Kind
		headers []string
		want    Mapping
	}{
		{Products, []string{"产品编码", "名称", "档次", "单位", "规格"}, Mapping{"code", "name", "category", "unit", "description"}},
		{Products, []string{"物料编码", "物料名称", "计量单位"}, Mapping{"code", "name", "unit"}},
		{Products, []string{"商品编码", "商品名称", "分类"}, Mapping{"code", "name", "category"}},
		{Products, []string{"编码", "品名", "Grade"}, Mapping{"code", "name", "category"}},
		{Products, []string{"Part No.", "Item name", "UoM", "Remarks"}, Mapping{"code", "name", "unit", "description"}},
		{Products, []string{"SKU", "Product Name", "Category", "Description"}, Mapping{"code", "name", "category", "description"}},
		{Customers, []string{"客户名称", "客户简称", "统一社会信用代码", "行业", "负责人", "地址"}, Mapping{"name", "shortName", "creditCode", "industry", "owner", "address"}},
		{Contacts, []string{"客户", "姓名", "职务", "手机号", "邮箱", "微信号"}, Mapping{"customer", "name", "title", "mobile", "email", "wechat"}},
		{KeyPersons, []string{"客户名称", "联系人", "决策角色", "态度"}, Mapping{"customer", "contact", "role", "attitude"}},
		{Orders, []string{"合同编号", "客户名称", "下单日期", "产品编码", "数量", "单价", "批号", "交货日期", "状态"},
			Mapping{"number", "customer", "date", "product", "quantity", "unitPrice", "batch", "deliveryDate", "status"}},
		{Prices, []string{"物料编码", "单价", "币种", "报价日期"}, Mapping{"product", "price", "currency", "date"}},
		{Interactions, []string{"客户", "拜访日期", "方式", "内容", "拜访人"}, Mapping{"customer", "date", "kind", "summary", "author"}},
	} {
		got := Guess(tc.kind, tc.headers)
		for i := range tc.want {
			if got[i] != tc.want[i] {
				t.Errorf("%s %q: got %q want %q (all: %v)", tc.kind, tc.headers[i], got[i], tc.want[i], got)
			}
		}
		if Validate(tc.kind, got) != nil {
			t.Errorf("%s %v: %v", tc.kind, tc.headers, Validate(tc.kind, got))
		}
	}
}

// Every kind's required fields are marked, and each has labels in both languages.
func TestFieldsLabelled(t *testing.T) {
	for k, fields := range Columns {
		req := 0
		for _, f := range fields {
			if f.Zh == "" || f.En == "" {
				t.Errorf("%s.%s lacks a label", k, f.Key)
			}
			if f.Required {
				req++
			}
		}
		if req == 0 {
			t.Errorf("%s has no required field", k)
		}
	}
}

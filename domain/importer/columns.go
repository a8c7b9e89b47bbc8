package importer

// Kind is what a file brings in (GraphQL ImportKind).
type Kind string

const (
	Customers    Kind = "CUSTOMERS"
	Contacts     Kind = "CONTACTS"
	KeyPersons   Kind = "KEY_PERSONS"
	Products     Kind = "PRODUCTS"
	Prices       Kind = "PRICES"
	Orders       Kind = "ORDERS"
	Interactions Kind = "INTERACTIONS"
)

// Field is a field an import of a kind can fill: its key, its labels (the export's
// headers) and the other headers people write for it.
type Field struct {
	Key      string
	Zh, En   string
	Synonyms []string
	Required bool
}

// Label is the field's label in lang.
func (f Field) Label(lang string) string {
	if lang == "en" {
		return f.En
	}
	return f.Zh
}

// Columns is the column table of every kind that can be imported. A kind without an
// entry is not importable yet.
var Columns = map[Kind][]Field{
	Customers: {
		{Key: "name", Zh: "客户名称", En: "Customer name", Required: true, Synonyms: []string{"公司名称", "客户", "公司", "企业名称", "单位名称", "Company", "Company name", "Customer", "Name", "名称"}},
		{Key: "shortName", Zh: "简称", En: "Short name", Synonyms: []string{"客户简称", "公司简称", "Abbreviation"}},
		{Key: "nameEn", Zh: "英文名称", En: "English name", Synonyms: []string{"英文名"}},
		{Key: "creditCode", Zh: "统一社会信用代码", En: "Credit code", Synonyms: []string{"信用代码", "社会信用代码", "USCC", "Unified social credit code", "税号", "Tax ID"}},
		{Key: "region", Zh: "地区", En: "Region", Synonyms: []string{"省份", "省", "城市", "区域", "Province", "City", "Area"}},
		{Key: "address", Zh: "地址", En: "Address", Synonyms: []string{"公司地址", "详细地址"}},
		{Key: "phone", Zh: "电话", En: "Phone", Synonyms: []string{"公司电话", "总机", "Telephone", "Tel"}},
		{Key: "website", Zh: "网站", En: "Website", Synonyms: []string{"网址", "官网", "Web", "URL"}},
		{Key: "industry", Zh: "行业", En: "Industry", Synonyms: []string{"所属行业", "Sector"}},
		{Key: "owner", Zh: "负责人", En: "Owner", Synonyms: []string{"销售", "业务员", "客户经理", "跟进人", "Sales rep", "Sales", "Account owner", "Rep"}},
		{Key: "notes", Zh: "备注", En: "Notes", Synonyms: []string{"说明", "Remarks", "Comment", "Comments"}},
	},
	Contacts: {
		{Key: "customer", Zh: "客户名称", En: "Customer name", Required: true, Synonyms: []string{"公司名称", "客户", "公司", "Company", "Customer", "Account"}},
		{Key: "name", Zh: "联系人", En: "Contact", Required: true, Synonyms: []string{"姓名", "联系人姓名", "名字", "Name", "Contact name", "Full name"}},
		{Key: "title", Zh: "职位", En: "Title", Synonyms: []string{"职务", "岗位", "Position", "Job title"}},
		{Key: "mobile", Zh: "手机", En: "Mobile", Synonyms: []string{"手机号", "手机号码", "移动电话", "Cell", "Mobile phone"}},
		{Key: "phone", Zh: "电话", En: "Phone", Synonyms: []string{"座机", "办公电话", "Telephone", "Tel"}},
		{Key: "email", Zh: "邮箱", En: "Email", Synonyms: []string{"电子邮件", "电子邮箱", "E-mail", "Mail"}},
		{Key: "wechat", Zh: "微信", En: "WeChat", Synonyms: []string{"微信号", "WeChat ID"}},
		{Key: "notes", Zh: "备注", En: "Notes", Synonyms: []string{"说明", "Remarks"}},
	},
	Products: {
		{Key: "code", Zh: "产品编号", En: "Product code", Required: true, Synonyms: []string{"产品编码", "物料编码", "商品编码", "编码", "编号", "产品代码", "物料代码", "物料号", "料号", "型号", "Code", "SKU", "Item code", "Item no", "Part number", "Part no", "Material code"}},
		{Key: "name", Zh: "产品名称", En: "Product name", Required: true, Synonyms: []string{"产品", "品名", "名称", "物料名称", "商品名称", "Product", "Name", "Item name"}},
		{Key: "category", Zh: "类别", En: "Category", Synonyms: []string{"分类", "产品类别", "档次", "等级", "牌号", "Type", "Grade"}},
		{Key: "unit", Zh: "单位", En: "Unit", Synonyms: []string{"计量单位", "包装单位", "UoM"}},
		{Key: "description", Zh: "描述", En: "Description", Synonyms: []string{"说明", "产品描述", "规格", "规格型号", "备注", "Specification", "Remarks"}},
		// Our stock, in the product's unit (the stock plan's input; managers and admins).
		{Key: "stockOnHand", Zh: "现有库存", En: "Stock on hand", Synonyms: []string{"库存", "库存数量", "在库数量", "现存量", "On hand", "Stock", "Stock qty", "Inventory"}},
		{Key: "stockOnOrder", Zh: "在途库存", En: "Stock on order", Synonyms: []string{"在途", "在途数量", "已订购", "采购在途", "On order", "Incoming"}},
		{Key: "safetyStock", Zh: "安全库存", En: "Safety stock", Synonyms: []string{"最低库存", "Minimum stock", "Safety"}},
		{Key: "leadTimeDays", Zh: "补货周期（天）", En: "Lead time (days)", Synonyms: []string{"补货周期", "交货期", "采购周期", "生产周期", "Lead time", "Lead days"}},
	},
	Orders: {
		{Key: "number", Zh: "订单号", En: "Order no", Required: true, Synonyms: []string{"订单编号", "单号", "合同号", "合同编号", "销售订单号", "Order number", "Order", "PO", "PO number"}},
		{Key: "customer", Zh: "客户名称", En: "Customer name", Required: true, Synonyms: []string{"公司名称", "客户", "公司", "Company", "Customer"}},
		{Key: "date", Zh: "下单日期", En: "Order date", Required: true, Synonyms: []string{"日期", "订单日期", "Date", "Ordered"}},
		{Key: "status", Zh: "状态", En: "Status", Synonyms: []string{"订单状态"}},
		{Key: "product", Zh: "产品", En: "Product", Required: true, Synonyms: []string{"产品编号", "产品编码", "物料编码", "商品编码", "产品名称", "品名", "型号", "Product code", "Product name", "Item", "SKU"}},
		{Key: "quantity", Zh: "数量", En: "Quantity", Required: true, Synonyms: []string{"订货数量", "Qty"}},
		{Key: "unit", Zh: "单位", En: "Unit", Synonyms: []string{"计量单位"}},
		{Key: "unitPrice", Zh: "单价", En: "Unit price", Synonyms: []string{"价格", "Price"}},
		{Key: "currency", Zh: "币种", En: "Currency", Synonyms: []string{"货币"}},
		{Key: "batch", Zh: "批号", En: "Batch", Synonyms: []string{"批次", "批次号", "Batch no", "Lot"}},
		{Key: "productionDate", Zh: "生产日期", En: "Production date", Synonyms: []string{"Manufactured"}},
		{Key: "deliveryDate", Zh: "交期", En: "Delivery date", Synonyms: []string{"交货日期", "Due date"}},
		{Key: "closedAt", Zh: "关闭日期", En: "Closed", Synonyms: []string{"完成日期", "Closed at"}},
	},
	KeyPersons: {
		{Key: "customer", Zh: "客户名称", En: "Customer name", Required: true, Synonyms: []string{"公司名称", "客户", "公司", "Company", "Customer", "Account"}},
		{Key: "contact", Zh: "关键人", En: "Key person", Required: true, Synonyms: []string{"联系人", "姓名", "Contact", "Person", "Name"}},
		{Key: "role", Zh: "角色", En: "Role", Required: true, Synonyms: []string{"决策角色", "Decision role"}},
		{Key: "attitude", Zh: "态度", En: "Attitude", Synonyms: []string{"立场", "Stance"}},
		{Key: "from", Zh: "起始日期", En: "From", Synonyms: []string{"开始日期", "日期", "Since", "From date", "Date"}},
		{Key: "needs", Zh: "专业需求", En: "Professional needs", Synonyms: []string{"需求", "Needs"}},
	},
	Interactions: {
		{Key: "customer", Zh: "客户名称", En: "Customer name", Required: true, Synonyms: []string{"公司名称", "客户", "公司", "Company", "Customer", "Account"}},
		{Key: "date", Zh: "日期", En: "Date", Required: true, Synonyms: []string{"拜访日期", "联系日期", "时间", "Visit date"}},
		{Key: "kind", Zh: "类型", En: "Type", Required: true, Synonyms: []string{"方式", "联系方式", "跟进方式", "Kind", "Channel"}},
		{Key: "summary", Zh: "摘要", En: "Summary", Synonyms: []string{"主题", "内容", "Subject"}},
		{Key: "findings", Zh: "收获", En: "Findings", Synonyms: []string{"结果", "详情", "记录", "Details", "Notes"}},
		{Key: "nextStep", Zh: "下一步", En: "Next step", Synonyms: []string{"后续", "下一步计划", "Follow-up"}},
		{Key: "author", Zh: "记录人", En: "Author", Synonyms: []string{"拜访人", "销售", "负责人", "Sales rep", "Rep"}},
	},
	Prices: {
		{Key: "product", Zh: "产品", En: "Product", Required: true, Synonyms: []string{"产品编号", "产品编码", "物料编码", "商品编码", "产品名称", "品名", "型号", "Product code", "Product name", "Item", "SKU"}},
		{Key: "price", Zh: "价格", En: "Price", Required: true, Synonyms: []string{"单价", "售价", "Unit price"}},
		{Key: "currency", Zh: "币种", En: "Currency", Synonyms: []string{"货币", "币别"}},
		{Key: "date", Zh: "日期", En: "Date", Required: true, Synonyms: []string{"报价日期", "生效日期", "Price date", "Effective date"}},
		{Key: "source", Zh: "来源", En: "Source", Synonyms: []string{"出处", "备注", "Notes"}},
	},
}

// FieldsOf returns the column table of kind (nil when it cannot be imported yet).
func FieldsOf(k Kind) []Field { return Columns[k] }

// Labels of the schema's enums in both languages (generated once from the schema, then kept by hand).
export const enumZh: Record<string, Record<string, string>> = {
  "UserFunction": {
    "SALES": "销售",
    "TECHNICAL": "技术",
    "MANAGEMENT": "管理",
    "SUPPORT": "支持"
  },
  "AccountChangeRating": {
    "SCALE": "规模",
    "TECHNICAL_LEVEL": "技术水平",
    "CREDIT": "资信",
    "DEMAND": "对我们产品的需求度",
    "EASE_OF_CLOSING": "成交难易"
  },
  "PitchEntryPoint": {
    "PERSON": "人",
    "PRODUCT": "产品",
    "TECHNOLOGY": "技术",
    "PAYMENT_TERMS": "账期"
  },
  "CompetitorPricePosition": {
    "HIGHER": "高于我方",
    "SIMILAR": "与我方相近",
    "LOWER": "低于我方",
    "UNKNOWN": "不清楚"
  },
  "NeedCompanyAspect": {
    "IMAGE": "形象",
    "LISTING": "上市",
    "SCALE": "规模",
    "FUNDING": "资金",
    "INFORMATION": "信息",
    "TECHNOLOGY": "技术",
    "MANAGEMENT": "管理",
    "PRODUCT": "产品"
  },
  "NeedProductGrade": {
    "HIGH": "高端",
    "MID": "中端",
    "LOW": "低端"
  },
  "NeedLikelyProblem": {
    "TECHNICAL": "技术问题",
    "PRICE": "价格问题",
    "SUPPLY": "供应问题",
    "FUNDING": "资金问题",
    "KEY_PERSON": "关键人需求问题"
  },
  "CustomerStage": {
    "PROSPECT": "潜在客户",
    "CONTACTED": "已联系",
    "VISITED": "已拜访",
    "SAMPLING": "送样中",
    "TRIAL": "试样中",
    "EVALUATION": "考核中",
    "MAIN_SUPPLIER": "主供应商",
    "PARTNER": "合作伙伴",
    "DORMANT": "休眠",
    "LOST": "流失"
  },
  "CustomerTier": {
    "A": "A 类",
    "B": "B 类",
    "C": "C 类"
  },
  "SampleStatus": {
    "REQUESTED": "已申请",
    "PREPARED": "已备样",
    "SHIPPED": "已寄出",
    "RECEIVED": "已签收",
    "LAB_TRIAL": "小试",
    "PILOT_TRIAL": "中试",
    "APPROVED": "已认可",
    "CONVERTED": "已转订单",
    "FAILED": "未通过",
    "ABANDONED": "已放弃"
  },
  "OrderStatus": {
    "OPEN": "待处理",
    "IN_PRODUCTION": "生产中",
    "SHIPPED": "已发货",
    "DELIVERED": "已送达",
    "INVOICED": "已开票",
    "CLOSED": "已关闭",
    "CANCELLED": "已取消"
  },
  "OrderEventStep": {
    "CONFIRMED": "确认订单",
    "CONTRACT_SIGNED": "签订合同",
    "LABELLING_CHECKED": "核对标签",
    "PRODUCTION_DATE_CHECKED": "核对生产日期",
    "BATCH_CHECKED": "核对批号",
    "PACKAGING_CHECKED": "核对包装",
    "SHIPPED": "发货",
    "DELIVERED": "送达签收",
    "INVOICED": "开票",
    "PAID": "回款",
    "CLOSED": "关闭",
    "CANCELLED": "取消",
    "BATCH_AGE_ACKNOWLEDGED": "确认批次生产日期",
    "CORRECTED": "更正已关闭订单"
  },
  "OrderLineWarningKind": {
    "BATCH_TOO_OLD": "批次生产日期过早",
    "NO_PRODUCTION_DATE": "未填生产日期",
    "COA_WITHOUT_FILE": "COA 只有记录，没有文件",
    "CERTIFICATE_EXPIRED": "证书已过期",
    "CERTIFICATE_EXPIRING": "证书将在交期前到期"
  },
  "IssueCategory": {
    "QUALITY_FLUCTUATION": "质量波动",
    "SHORT_QUANTITY": "数量短缺",
    "LATE_DELIVERY": "交货延迟",
    "FUNDING": "资金问题",
    "INVOICE": "发票问题",
    "TEST_METHOD_DIFFERENCE": "检测方法差异",
    "PRICE": "价格问题",
    "OTHER": "其他"
  },
  "IssueRootCause": {
    "OUR_PRODUCT": "我方产品",
    "CUSTOMER_UNFAMILIAR": "客户不熟悉产品",
    "CUSTOMER_PROCESS_MISMATCH": "客户工艺不匹配",
    "DELIBERATE": "客户故意刁难",
    "UNDETERMINED": "待确定"
  },
  "IssueSeverity": {
    "LOW": "低",
    "MEDIUM": "中",
    "HIGH": "高",
    "CRITICAL": "严重"
  },
  "IssueStatus": {
    "OPEN": "待响应",
    "RESPONDED": "已响应",
    "ON_SITE": "现场处理",
    "ROOT_CAUSE_FOUND": "已找到原因",
    "DISPOSITION": "处理中",
    "RESOLVED": "已解决",
    "CLOSED": "已关闭"
  },
  "InteractionKind": {
    "PHONE": "电话",
    "VISIT": "拜访",
    "EMAIL": "邮件",
    "CHAT": "微信/聊天",
    "MEETING": "会议",
    "GIFT": "送礼",
    "GATHERING": "聚会",
    "TRADE_SHOW": "展会"
  },
  "InteractionPhase": {
    "PRE_SALE": "售前",
    "IN_SALE": "售中",
    "AFTER_SALE": "售后"
  },
  "KeyPersonDecisionRole": {
    "DECISION_MAKER": "决策者",
    "INFLUENCER": "影响者",
    "GATEKEEPER": "把关者",
    "USER": "使用者",
    "TECHNICAL_EVALUATOR": "技术评估者"
  },
  "KeyPersonAttitude": {
    "CHAMPION": "支持者(内线)",
    "SUPPORTER": "支持",
    "NEUTRAL": "中立",
    "SKEPTIC": "怀疑",
    "OPPONENT": "反对"
  },
  "KeyPersonScope": {
    "MATURE_REPLACEMENT": "成熟产品替代",
    "NEW_PRODUCT_TRIAL": "新产品试用",
    "BOTH": "两者"
  },
  "TodayKind": {
    "VISIT_DUE": "待拜访",
    "TASK_DUE": "今日任务",
    "TASK_OVERDUE": "逾期任务",
    "KEY_PERSON_OVERDUE": "关键人久未联系",
    "SAMPLE_NOT_RECEIVED": "样品未签收",
    "SAMPLE_NO_RESULT": "样品待结果",
    "ORDER_DUE": "订单将到期",
    "ORDER_LATE": "订单延迟",
    "ISSUE_PAST_SLA": "问题超时",
    "CHANGE_NOTICE_PENDING": "变更通知待确认",
    "EVALUATION_DECISION": "评估未中选，待决定",
    "ORDER_RISK": "新订单风险提示",
    "CERTIFICATE_EXPIRING": "证书即将到期",
    "ISSUE_ESCALATED": "问题已升级"
  },
  "IssueEventKind": {
    "SLA_BREACHED": "超出服务时限"
  },
  "IssueEventDeadline": {
    "RESPOND": "响应",
    "ON_SITE": "到现场"
  },
  "IssueEventSeverity": {
    "LOW": "低",
    "MEDIUM": "中",
    "HIGH": "高",
    "CRITICAL": "严重"
  },
  "ChangeNoticeAckAcknowledgedVia": {
    "APP": "由我方在应用中录入",
    "PARTNER_API": "客户通过接口确认"
  },
  "TrialKind": {
    "LAB": "小试",
    "PILOT": "中试"
  },
  "TrialOutcome": {
    "PENDING": "待定",
    "PASSED": "通过",
    "FAILED": "未通过",
    "INCONCLUSIVE": "无结论"
  },
  "DocumentType": {
    "MANUAL_TDS": "说明书/TDS",
    "MSDS": "MSDS",
    "CERTIFICATE": "证书",
    "COA": "COA",
    "PRECAUTIONS": "注意事项",
    "SGS_REPORT": "SGS 报告",
    "APPLICATION_DATA": "应用数据"
  },
  "TaskStatus": {
    "OPEN": "待办",
    "DONE": "已完成",
    "CANCELLED": "已取消"
  },
  "CustomerLeadSource": {
    "ARTICLE": "文章",
    "JOURNAL": "期刊",
    "PATENT": "专利",
    "NEWS": "新闻",
    "CONFERENCE": "会议",
    "TRADE_SHOW": "展会",
    "ASSOCIATION": "协会",
    "ADVERTISEMENT": "广告",
    "WEB": "网络",
    "FOREIGN_REVERSE_LOOKUP": "国外反查",
    "PEER_REFERRAL": "同行介绍",
    "FRIEND_REFERRAL": "朋友介绍",
    "OTHER": "其他"
  },
  "NeedLevel": {
    "INDUSTRY": "行业",
    "COMPANY": "公司",
    "PRODUCT": "产品",
    "PERSONAL": "个人"
  },
  "NeedStatus": {
    "IDENTIFIED": "已识别",
    "ADDRESSED": "处理中",
    "MET": "已满足",
    "DROPPED": "已放弃"
  },
  "ShipmentStatus": {
    "PREPARING": "备货中",
    "IN_TRANSIT": "运输中",
    "DELIVERED": "已送达",
    "RETURNED": "已退回"
  },
  "UserRole": {
    "ADMIN": "管理员",
    "MANAGER": "经理",
    "REP": "销售代表",
    "ANALYST": "分析师",
    "PARTNER": "合作伙伴"
  },
  "TimelineKind": {
    "INTERACTION": "沟通",
    "STAGE_CHANGE": "阶段变化",
    "SAMPLE_EVENT": "样品",
    "TRIAL": "试样",
    "ORDER": "订单",
    "ORDER_EVENT": "订单进度",
    "SHIPMENT": "发货",
    "ISSUE": "问题",
    "DOCUMENT": "文件",
    "CHANGE_NOTICE": "变更通知",
    "ASSISTANCE": "协助",
    "MARKET_INFO": "市场信息",
    "ACCOUNT_CHANGE": "合并与转交"
  },
  "ContactDepartment": {
    "TECHNICAL": "技术部",
    "PURCHASING": "采购部",
    "GENERAL_MANAGEMENT": "总经办",
    "QC": "质检",
    "WAREHOUSE": "仓库",
    "PRODUCTION": "生产部",
    "FINANCE": "财务部",
    "OTHER": "其他"
  },
  "CustomerIndustryStatus": {
    "EMERGING": "新兴",
    "MATURE": "成熟",
    "SUNSET": "夕阳"
  }
};

export const enumEn: Record<string, Record<string, string>> = {
  "UserFunction": {
    "SALES": "Sales",
    "TECHNICAL": "Technical",
    "MANAGEMENT": "Management",
    "SUPPORT": "Support"
  },
  "AccountChangeRating": {
    "SCALE": "Scale",
    "TECHNICAL_LEVEL": "Technical level",
    "CREDIT": "Credit",
    "DEMAND": "Demand for our products",
    "EASE_OF_CLOSING": "Ease of closing"
  },
  "PitchEntryPoint": {
    "PERSON": "Person",
    "PRODUCT": "Product",
    "TECHNOLOGY": "Technology",
    "PAYMENT_TERMS": "Payment terms"
  },
  "CompetitorPricePosition": {
    "HIGHER": "Higher than ours",
    "SIMILAR": "Similar to ours",
    "LOWER": "Lower than ours",
    "UNKNOWN": "Unknown"
  },
  "NeedCompanyAspect": {
    "IMAGE": "Image",
    "LISTING": "Listing (IPO)",
    "SCALE": "Scale",
    "FUNDING": "Funding",
    "INFORMATION": "Information",
    "TECHNOLOGY": "Technology",
    "MANAGEMENT": "Management",
    "PRODUCT": "Product"
  },
  "NeedProductGrade": {
    "HIGH": "High end",
    "MID": "Mid range",
    "LOW": "Low end"
  },
  "NeedLikelyProblem": {
    "TECHNICAL": "Technical problem",
    "PRICE": "Price problem",
    "SUPPLY": "Supply problem",
    "FUNDING": "Funding problem",
    "KEY_PERSON": "Key person's needs"
  },
  "CustomerStage": {
    "PROSPECT": "Prospect",
    "CONTACTED": "Contacted",
    "VISITED": "Visited",
    "SAMPLING": "Sampling",
    "TRIAL": "Trial",
    "EVALUATION": "Evaluation",
    "MAIN_SUPPLIER": "Main supplier",
    "PARTNER": "Partner",
    "DORMANT": "Dormant",
    "LOST": "Lost"
  },
  "CustomerTier": {
    "A": "Tier A",
    "B": "Tier B",
    "C": "Tier C"
  },
  "SampleStatus": {
    "REQUESTED": "Requested",
    "PREPARED": "Prepared",
    "SHIPPED": "Shipped",
    "RECEIVED": "Received",
    "LAB_TRIAL": "Lab trial",
    "PILOT_TRIAL": "Pilot trial",
    "APPROVED": "Approved",
    "CONVERTED": "Converted",
    "FAILED": "Failed",
    "ABANDONED": "Abandoned"
  },
  "OrderStatus": {
    "OPEN": "Open",
    "IN_PRODUCTION": "In production",
    "SHIPPED": "Shipped",
    "DELIVERED": "Delivered",
    "INVOICED": "Invoiced",
    "CLOSED": "Closed",
    "CANCELLED": "Cancelled"
  },
  "OrderEventStep": {
    "CONFIRMED": "Confirm order",
    "CONTRACT_SIGNED": "Sign contract",
    "LABELLING_CHECKED": "Check labelling",
    "PRODUCTION_DATE_CHECKED": "Check production date",
    "BATCH_CHECKED": "Check batch",
    "PACKAGING_CHECKED": "Check packaging",
    "SHIPPED": "Ship",
    "DELIVERED": "Delivered & signed",
    "INVOICED": "Invoice",
    "PAID": "Payment received",
    "CLOSED": "Close",
    "CANCELLED": "Cancel",
    "BATCH_AGE_ACKNOWLEDGED": "Batch age acknowledged",
    "CORRECTED": "Closed order corrected"
  },
  "OrderLineWarningKind": {
    "BATCH_TOO_OLD": "Batch produced too long ago",
    "NO_PRODUCTION_DATE": "No production date",
    "COA_WITHOUT_FILE": "COA is a record without its file",
    "CERTIFICATE_EXPIRED": "Certificate expired",
    "CERTIFICATE_EXPIRING": "Certificate expires before delivery"
  },
  "IssueCategory": {
    "QUALITY_FLUCTUATION": "Quality fluctuation",
    "SHORT_QUANTITY": "Short quantity",
    "LATE_DELIVERY": "Late delivery",
    "FUNDING": "Funding",
    "INVOICE": "Invoice",
    "TEST_METHOD_DIFFERENCE": "Test method difference",
    "PRICE": "Price",
    "OTHER": "Other"
  },
  "IssueRootCause": {
    "OUR_PRODUCT": "Our product",
    "CUSTOMER_UNFAMILIAR": "Customer unfamiliar with product",
    "CUSTOMER_PROCESS_MISMATCH": "Customer's process mismatch",
    "DELIBERATE": "Deliberate (customer)",
    "UNDETERMINED": "Undetermined"
  },
  "IssueSeverity": {
    "LOW": "Low",
    "MEDIUM": "Medium",
    "HIGH": "High",
    "CRITICAL": "Critical"
  },
  "IssueStatus": {
    "OPEN": "Open",
    "RESPONDED": "Responded",
    "ON_SITE": "On site",
    "ROOT_CAUSE_FOUND": "Root cause found",
    "DISPOSITION": "Disposition",
    "RESOLVED": "Resolved",
    "CLOSED": "Closed"
  },
  "InteractionKind": {
    "PHONE": "Phone",
    "VISIT": "Visit",
    "EMAIL": "Email",
    "CHAT": "Chat / WeChat",
    "MEETING": "Meeting",
    "GIFT": "Gift",
    "GATHERING": "Gathering",
    "TRADE_SHOW": "Trade show"
  },
  "InteractionPhase": {
    "PRE_SALE": "Pre sale",
    "IN_SALE": "In sale",
    "AFTER_SALE": "After sale"
  },
  "KeyPersonDecisionRole": {
    "DECISION_MAKER": "Decision maker",
    "INFLUENCER": "Influencer",
    "GATEKEEPER": "Gatekeeper",
    "USER": "User",
    "TECHNICAL_EVALUATOR": "Technical evaluator"
  },
  "KeyPersonAttitude": {
    "CHAMPION": "Champion",
    "SUPPORTER": "Supporter",
    "NEUTRAL": "Neutral",
    "SKEPTIC": "Skeptic",
    "OPPONENT": "Opponent"
  },
  "KeyPersonScope": {
    "MATURE_REPLACEMENT": "Mature replacement",
    "NEW_PRODUCT_TRIAL": "New product trial",
    "BOTH": "Both"
  },
  "TodayKind": {
    "VISIT_DUE": "Visits due",
    "TASK_DUE": "Tasks due",
    "TASK_OVERDUE": "Overdue tasks",
    "KEY_PERSON_OVERDUE": "Key persons overdue",
    "SAMPLE_NOT_RECEIVED": "Samples not received",
    "SAMPLE_NO_RESULT": "Samples awaiting result",
    "ORDER_DUE": "Orders due",
    "ORDER_LATE": "Late orders",
    "ISSUE_PAST_SLA": "Problems past SLA",
    "CHANGE_NOTICE_PENDING": "Change notices to acknowledge",
    "EVALUATION_DECISION": "Evaluations to decide",
    "ORDER_RISK": "New orders to weigh",
    "CERTIFICATE_EXPIRING": "Certificates expiring",
    "ISSUE_ESCALATED": "Escalated problems"
  },
  "IssueEventKind": {
    "SLA_BREACHED": "Service level missed"
  },
  "IssueEventDeadline": {
    "RESPOND": "Response",
    "ON_SITE": "On site"
  },
  "IssueEventSeverity": {
    "LOW": "Low",
    "MEDIUM": "Medium",
    "HIGH": "High",
    "CRITICAL": "Critical"
  },
  "ChangeNoticeAckAcknowledgedVia": {
    "APP": "Recorded by us in the app",
    "PARTNER_API": "Sent by the customer through the API"
  },
  "TrialKind": {
    "LAB": "Lab trial",
    "PILOT": "Pilot trial"
  },
  "TrialOutcome": {
    "PENDING": "Pending",
    "PASSED": "Passed",
    "FAILED": "Failed",
    "INCONCLUSIVE": "Inconclusive"
  },
  "DocumentType": {
    "MANUAL_TDS": "Manual / TDS",
    "MSDS": "MSDS",
    "CERTIFICATE": "Certificate",
    "COA": "COA",
    "PRECAUTIONS": "Precautions",
    "SGS_REPORT": "SGS report",
    "APPLICATION_DATA": "Application data"
  },
  "TaskStatus": {
    "OPEN": "Open",
    "DONE": "Done",
    "CANCELLED": "Cancelled"
  },
  "CustomerLeadSource": {
    "ARTICLE": "Article",
    "JOURNAL": "Journal",
    "PATENT": "Patent",
    "NEWS": "News",
    "CONFERENCE": "Conference",
    "TRADE_SHOW": "Trade show",
    "ASSOCIATION": "Association",
    "ADVERTISEMENT": "Advertisement",
    "WEB": "Web",
    "FOREIGN_REVERSE_LOOKUP": "Foreign reverse lookup",
    "PEER_REFERRAL": "Peer referral",
    "FRIEND_REFERRAL": "Friend referral",
    "OTHER": "Other"
  },
  "NeedLevel": {
    "INDUSTRY": "Industry",
    "COMPANY": "Company",
    "PRODUCT": "Product",
    "PERSONAL": "Personal"
  },
  "NeedStatus": {
    "IDENTIFIED": "Identified",
    "ADDRESSED": "Addressed",
    "MET": "Met",
    "DROPPED": "Dropped"
  },
  "ShipmentStatus": {
    "PREPARING": "Preparing",
    "IN_TRANSIT": "In transit",
    "DELIVERED": "Delivered",
    "RETURNED": "Returned"
  },
  "UserRole": {
    "ADMIN": "Admin",
    "MANAGER": "Manager",
    "REP": "Sales rep",
    "ANALYST": "Analyst",
    "PARTNER": "Partner"
  },
  "TimelineKind": {
    "INTERACTION": "Interaction",
    "STAGE_CHANGE": "Stage change",
    "SAMPLE_EVENT": "Sample",
    "TRIAL": "Trial",
    "ORDER": "Order",
    "ORDER_EVENT": "Order step",
    "SHIPMENT": "Shipment",
    "ISSUE": "Issue",
    "DOCUMENT": "Document",
    "CHANGE_NOTICE": "Change notice",
    "ASSISTANCE": "Assistance",
    "MARKET_INFO": "Market info",
    "ACCOUNT_CHANGE": "Merge or reassignment"
  },
  "ContactDepartment": {
    "TECHNICAL": "Technical",
    "PURCHASING": "Purchasing",
    "GENERAL_MANAGEMENT": "General management",
    "QC": "QC",
    "WAREHOUSE": "Warehouse",
    "PRODUCTION": "Production",
    "FINANCE": "Finance",
    "OTHER": "Other"
  },
  "CustomerIndustryStatus": {
    "EMERGING": "Emerging",
    "MATURE": "Mature",
    "SUNSET": "Sunset"
  }
};

import { lang } from '../lib/i18n';

/** The label of an enum value in the current language (the value itself when unknown). */
export function label(enumName: string, value: string | null | undefined): string {
  if (!value) return '';
  const d = lang.get() === 'zh' ? enumZh : enumEn;
  return d[enumName]?.[value] ?? enumEn[enumName]?.[value] ?? value;
}

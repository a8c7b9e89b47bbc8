package access

import (
	"tandem/ent/viewer"
)

// Type is one row of the access table: who reads which rows of a type, which of its
// fields are narrower than its rows, which fields partners may read, and who writes.
type Type struct {
	// Read gives each role's rows; a role not listed reads none.
	Read ByRole
	// Restricted are fields some of our people may not read on every row they read:
	// per field, the rows on which each role reads it (a role not listed: none).
	// A restricted field must be nullable in GraphQL: it reads as null elsewhere.
	Restricted map[string]ByRole
	// Partner is the allow-list of fields a partner reads (GraphQL names). A field not
	// listed is internal: a new field stays internal until someone lists it here.
	Partner []string
	// Write decides creates, updates and deletes.
	Write Write
}

// Table is Tandem's access table, by ent and GraphQL type name. A type it does not
// list is denied to everyone (TestTableCoversSchema fails when one is missing).
var Table = map[string]Type{
	// The account and what we know about it.
	"Customer": {
		Read: ByRole{viewer.Admin: Accounts, viewer.Analyst: Accounts, viewer.Manager: Accounts, viewer.Rep: Accounts, viewer.Partner: Accounts},
		Partner: fields("id name nameEn website industry region address phone createdAt updatedAt",
			"orders samples trials shipments issues documents changeNoticeAcks quotations projects"),
		Write: customerWrite,
	},
	"Contact":    {Read: internalAccountRows, Write: accountWrite},
	"KeyPerson":  {Read: internalAccountRows, Write: accountWrite, Restricted: map[string]ByRole{"privateNotes": privateNotes}},
	"Need":       {Read: internalAccountRows, Write: accountWrite},
	"Competitor": {Read: internalAccountRows, Write: accountWrite},
	"Pitch":      {Read: internalAccountRows, Write: accountWrite},
	"Assistance": {Read: internalAccountRows, Write: accountWrite},
	"Interaction": {
		Read:  ByRole{viewer.Admin: Interactions, viewer.Analyst: Interactions, viewer.Manager: Interactions, viewer.Rep: Interactions},
		Write: accountWrite,
	},
	"Task": {
		Read:  ByRole{viewer.Admin: Tasks, viewer.Analyst: Tasks, viewer.Manager: Tasks, viewer.Rep: Tasks},
		Write: accountWrite,
	},
	"StageChange": {Read: internalAccountRows, Write: systemWrite},
	// A merge into the account or its reassignment: written by the server only (domain/merge).
	"AccountChange":   {Read: internalAccountRows, Write: systemWrite},
	"ServiceDocument": {Read: internalAccountRows, Write: accountWrite},
	"Person": {
		Read:  ByRole{viewer.Admin: Persons, viewer.Analyst: Persons, viewer.Manager: Persons, viewer.Rep: Persons},
		Write: systemWrite,
	},
	"MarketInfo": {
		Read:  ByRole{viewer.Admin: MarketInfos, viewer.Analyst: MarketInfos, viewer.Manager: MarketInfos, viewer.Rep: MarketInfos},
		Write: Write{allowIfAdmin(), allowMarketInfoWrite()},
	},
	"MarketInfoShare": {Read: internalAccountRows, Write: accountWrite},

	// Samples and trials: shared with the customer (samples:read).
	"Sample": {
		Read: sharedAccountRows("samples:read"),
		Partner: fields("id createdAt updatedAt version customerID productID orderID quantity unit status purpose",
			"requestedAt shippedAt receivedAt trackingNo docManual docMsds docLabel docPrecautions customer product order events trials"),
		Write: accountWrite,
	},
	"SampleEvent": {
		Read:    sharedAccountRows("samples:read"),
		Partner: fields("id sampleID customerID fromStatus toStatus at sample"),
		Write:   systemWrite,
	},
	// A trial's ratings of the customer's technical level and equipment are ours.
	"Trial": {
		Read: sharedAccountRows("samples:read"),
		Partner: fields("id createdAt updatedAt version sampleID customerID kind application industry sizeSpec colour",
			"environmental keyProperties testStandard cycle results outcome startedAt finishedAt sample customer"),
		Write: accountWrite,
	},

	// Orders and deliveries: shared with the customer (orders:read).
	"Order": {
		Read: sharedAccountRows("orders:read"),
		Partner: fields("id createdAt updatedAt version customerID number status orderedAt deliveryDate contractNo currency",
			"confirmedAt contractSignedAt labellingCheckedAt productionDateCheckedAt batchCheckedAt packagingCheckedAt",
			"shippedAt deliveredAt invoicedAt paidAt closedAt cancelledAt cancelReason",
			"customer lines shipments convertedSamples issues events checklist"),
		Write: accountWrite,
	},
	"OrderLine": {
		Read:    sharedAccountRows("orders:read"),
		Partner: fields("id createdAt updatedAt version orderID customerID productID quantity unit unitPrice batchNo productionDate order product"),
		Write:   accountWrite,
	},
	"OrderEvent": {
		Read:    sharedAccountRows("orders:read"),
		Partner: fields("id orderID customerID step at order"),
		Write:   systemWrite,
	},
	"Shipment": {
		Read: sharedAccountRows("orders:read"),
		Partner: fields("id createdAt updatedAt version orderID customerID carrier trackingNo status shippedAt eta deliveredAt",
			"deliveryNoteSigned signedBy order customer events"),
		Write: accountWrite,
	},
	"TrackingEvent": {
		Read:    sharedAccountRows("orders:read"),
		Partner: fields("id createdAt updatedAt version shipmentID customerID at location description shipment"),
		Write:   accountWrite,
	},

	// Quotations and the price agreements they become (domain/quotation): a customer
	// reads what was sent to it (quotations:read) and answers (quotations:write);
	// drafts and the order lines priced by an agreement are ours.
	"Quotation": {
		Read: ByRole{viewer.Admin: OfAccounts, viewer.Analyst: OfAccounts, viewer.Manager: OfAccounts, viewer.Rep: OfAccounts,
			viewer.Partner: partnerQuotations},
		Partner: fields("id createdAt updatedAt version customerID sampleID number revision previousID status currency incoterm incotermPlace",
			"paymentDays paymentTerms validFrom validUntil notes sentAt decidedAt decidedBy decisionNote decidedVia customer lines previous revisedBy inForce"),
		Write: accountWrite,
	},
	"QuotationLine": {
		Read: ByRole{viewer.Admin: OfAccounts, viewer.Analyst: OfAccounts, viewer.Manager: OfAccounts, viewer.Rep: OfAccounts,
			viewer.Partner: partnerQuotationLines},
		Partner: fields("id createdAt updatedAt version quotationID productID grade minQuantity unit unitPrice note quotation product"),
		Write:   accountWrite,
	},

	// Cooperation beyond selling (domain/project): a customer reads its own projects,
	// their milestones and the files shared with it (projects:read); who is on them is ours.
	"Project": {
		Read: sharedAccountRows("projects:read"),
		Partner: fields("id createdAt updatedAt version customerID kind title goal status startedAt endedAt outcome programme",
			"customer milestones documents"),
		Write: accountWrite,
	},
	"ProjectMember": {Read: internalAccountRows, Write: accountWrite},
	// Photos and voice notes of visits and trials (domain/media): ours alone.
	"MediaNote": {Read: internalAccountRows, Write: accountWrite},
	"ProjectDocument": {
		Read:    ByRole{viewer.Admin: OfAccounts, viewer.Analyst: OfAccounts, viewer.Manager: OfAccounts, viewer.Rep: OfAccounts, viewer.Partner: sharedProjectDocuments},
		Partner: fields("id createdAt updatedAt version projectID customerID kind title shared fileName contentType sizeBytes sha256 project downloadURL"),
		Write:   accountWrite,
	},
	"ProjectMilestone": {
		Read:    sharedAccountRows("projects:read"),
		Partner: fields("id createdAt updatedAt version projectID customerID title dueAt doneAt project"),
		Write:   accountWrite,
	},

	// Problems: a customer files and follows its own (issues:read, issues:write); the
	// root cause, our on-site notes, the loss and who handles it are ours.
	"Issue": {
		Read: sharedAccountRows("issues:read"),
		Partner: fields("id createdAt updatedAt version customerID orderID productID title description category severity status",
			"batchNo reportedAt disposition resolution respondedAt onsiteAt resolvedAt closedAt customer order product attachments sla"),
		Write: Write{allowIfAdmin(), allowPartnerIssue(), denyPartner(), allowAccountWrite()},
	},
	// What happened to a problem that no edit removes (SLA_BREACHED): ours, written
	// only by the server (domain/issue.RecordBreaches).
	"IssueEvent": {Read: internalAccountRows, Write: systemWrite},
	"IssueAttachment": {
		Read:    sharedAccountRows("issues:read"),
		Partner: fields("id createdAt updatedAt version issueID customerID fileName contentType sizeBytes sha256 caption issue downloadURL"),
		Write:   Write{allowIfAdmin(), allowPartnerIssueAttachment(), denyPartner(), allowAccountWrite()},
	},

	// The catalogue and what we publish about it.
	"Product": {
		Read:    ByRole{viewer.Admin: every, viewer.Analyst: every, viewer.Manager: every, viewer.Rep: every, viewer.Partner: partnerProducts},
		Partner: fields("id createdAt updatedAt version code name grade category description unit active documents samples orderLines changeNotices"),
		Write:   catalogueWrite,
	},
	"PricePoint": {Read: internal, Write: catalogueWrite},
	"Document": {
		Read: ByRole{viewer.Admin: Documents, viewer.Analyst: Documents, viewer.Manager: Documents, viewer.Rep: Documents, viewer.Partner: Documents},
		Partner: fields("id createdAt updatedAt version type title docVersion language productID batchNo customerID",
			"fileName contentType sizeBytes validUntil publishedAt product customer downloadURL"),
		Write: catalogueWrite,
	},
	"ChangeNotice": {
		Read:    ByRole{viewer.Admin: every, viewer.Analyst: every, viewer.Manager: every, viewer.Rep: every, viewer.Partner: partnerChangeNotices},
		Partner: fields("id createdAt updatedAt version productID kind title description effectiveAt issuedAt status product acks"),
		Write:   catalogueWrite,
	},
	"ChangeNoticeAck": {
		Read:    sharedAccountRows("change_notices:read"),
		Partner: fields("id createdAt updatedAt version changeNoticeID customerID notifiedAt acknowledgedAt acknowledgedBy acknowledgedVia recordedByTokenID note changeNotice customer"),
		Write:   accountWrite,
	},

	// People and configuration.
	"Team": {Read: internal, Write: adminWrite},
	"User": {
		Read:  ByRole{viewer.Admin: every, viewer.Analyst: every, viewer.Manager: every, viewer.Rep: every, viewer.Partner: selfOnly},
		Write: Write{allowIfAdmin(), allowSelfUpdate()},
	},
	"SavedQuery": {
		Read:  ByRole{viewer.Admin: ownRows, viewer.Analyst: ownRows, viewer.Manager: ownRows, viewer.Rep: ownRows},
		Write: Write{denyPartner(), allowOwn()},
	},
	// A Today item put aside until a time (domain/snooze): its owner's alone.
	"Snooze": {
		Read:  ByRole{viewer.Admin: ownRows, viewer.Analyst: ownRows, viewer.Manager: ownRows, viewer.Rep: ownRows},
		Write: Write{denyPartner(), allowOwn()},
	},
	// Exchange rates: admins keep them (setExchangeRate; append-only, domain/money);
	// managers and analysts read the history their figures were converted with.
	"ExchangeRate": {
		Read:  ByRole{viewer.Admin: every, viewer.Manager: every, viewer.Analyst: every},
		Write: adminWrite,
	},
	// Imports (domain/importer): admins and managers import; admins see every job,
	// managers their own.
	"ImportJob": {
		Read:  ByRole{viewer.Admin: every, viewer.Manager: ownRows},
		Write: Write{allowIfAdmin(), allowRoles(viewer.Manager)},
	},
	// The classification weights in force: every one of our people reads them (an
	// account's "why this tier" shows them); admins change them (setClassificationWeights).
	"ClassificationSetting": {Read: internal, Write: adminWrite},
	"APIToken":              {Read: adminOnly, Write: adminWrite},
	"AuditEvent":            {Read: adminOnly, Write: adminWrite},
	// Webhooks: a partner with webhooks:manage reads its own endpoints and delivery
	// log, admins all; both are written through their mutations alone.
	"WebhookEndpoint": {
		Read:    ByRole{viewer.Admin: every, viewer.Partner: partnerOwn("webhooks:manage")},
		Partner: fields("id createdAt updatedAt version customerID url events active customer deliveries"),
		Write:   systemWrite,
	},
	"WebhookDelivery": {
		Read: ByRole{viewer.Admin: every, viewer.Partner: partnerOwn("webhooks:manage")},
		Partner: fields("id endpointID customerID eventID eventType payload status attempts createdAt nextAttemptAt",
			"deliveredAt lastStatusCode lastError endpoint"),
		Write: systemWrite,
	},

	// Rows only the server reads and writes.
	"RefreshToken":   {Write: systemWrite},
	"LoginThrottle":  {Write: systemWrite},
	"ClientMutation": {Write: systemWrite},
	"SigningKey":     {Write: systemWrite},
	"ServerState":    {Write: systemWrite},
	// Web Push (server/push): the browsers' keys and what was sent, read by the server alone.
	"PushSubscription": {Write: systemWrite},
	"PushSent":         {Write: systemWrite},
	// Analytics rollups (domain/order.VolumeHook): read under System by orderVolume
	// only for a viewer who reads every order and line (access.ReadsEvery).
	"OrderVolume": {Write: systemWrite},
	// (domain/account.StayHook): read under System by stageDurations only for a viewer
	// who reads every stage change.
	"StageStay": {Write: systemWrite},
	// (domain/sample.CountHook): read under System by sampleFunnel only for a viewer
	// who reads every sample.
	"SampleCount": {Write: systemWrite},
	// (domain/account.CountHook): read under System by pipelineStats only for a viewer
	// who reads every account.
	"AccountCount": {Write: systemWrite},
}

// privateNotes: a key person's private notes are read by the account's owner, the
// team's managers and admins — not by teammates, not by analysts.
var privateNotes = ByRole{
	viewer.Admin:   every,
	viewer.Manager: OfAccounts,
	viewer.Rep:     ofOwnedAccounts,
}

// View is a GraphQL answer type that is not a stored type (a report, a checklist, an
// aggregate): what it holds was read under the table's rules. Partner lists the
// fields a partner reads; nil means partners read none of it.
type View struct{ Partner []string }

// Views are every GraphQL object type that is not in Table, not a connection, edge or
// page info, and not Query or Mutation.
var Views = map[string]View{
	"OrderChecklist":     {Partner: fields("items progress")},
	"OrderChecklistItem": {Partner: fields("step done at blockedBy")},
	// The shipping gate's findings line by line: ours (acknowledgements carry internal reasons).
	"OrderLineWarning":      {},
	"IssueSLA":              {Partner: fields("respondBy onSiteBy respondedLate onSiteLate breached")},
	"WebhookEndpointSecret": {Partner: fields("endpoint secret")},
	"AuthPayload":           {},
	// An import's columns, fields and row results: read through the ImportJob.
	"ImportColumn":        {},
	"ImportField":         {},
	"ImportRow":           {},
	"IssuedAPIToken":      {},
	"DeletePayload":       {},
	"Classification":      {},
	"ClassificationInput": {},
	"CustomerReport":      {},
	"RepProgress":         {},
	"StageSpan":           {},
	"DuplicateCandidate":  {},
	"AggregateRow":        {},
	"OrderVolumeRow":      {},
	"AppliedRate":         {},
	"CurrencyAmount":      {},
	"FunnelRow":           {},
	"FunnelStage":         {},
	"StageDurationRow":    {},
	"MonthQuantity":       {},
	"PriceTrend":          {},
	"PriceWindow":         {},
	"StockAdvice":         {},
	"UsageForecast":       {},
	"RelationshipMap":     {},
	"RelationshipCell":    {},
	"RelationshipLink":    {},
	"TimelineEntry":       {},
	"TimelineConnection":  {},
	"TimelineEdge":        {},
	"Today":               {},
	"TodayCount":          {},
	"TodayItem":           {},
	"NearbyCustomer":      {},
	"AgreedPrice":         {},
	"Credit":              {},
	"Dependence":          {},
	"StockPlan":           {},
	// What can be promised of a quantity (partners: stock:read): whether and when, no stock figures.
	"Availability": {Partner: fields("product quantity unit status earliestShipAt leadTimeDays message")},
	"TeamMember":   {},
	// A person's own reminder settings and browsers (reminderSettings: the viewer's alone).
	"ReminderSettings": {},
	"PushDevice":       {},
	"ReportYear":       {},
	"UnitQuantity":     {},
	"ViewerAccess":     {},
	// Merges and bulk changes (domain/merge): ours.
	"MergePreview":            {},
	"MergeField":              {},
	"MergeCount":              {},
	"MergeChoiceMade":         {},
	"ReassignAccountsPayload": {},
	"BulkStageResult":         {},
	"BulkRatingResult":        {},
	// What a sample needs to ship: ours (a partner reads the sample, not our gate).
	"SampleShippingReadiness": {},

	// A temporary password (inviteUser, resetUserPassword: admins only) and the audit
	// log's readable changes (AuditEvent itself is read by admins only).
	"TemporaryPassword": {},
	"AuditChange":       {},
	// What setClassificationWeights did: admins only.
	"SetClassificationWeightsPayload": {},
}

// PartnerRoot are the queries and mutations a partner may call.
var PartnerRoot = fields("node nodes customers orders samples trials shipments issues documents products changeNotices changeNoticeAcks quotations projects availability",
	"createIssue attachIssueFile acknowledgeChangeNotice acceptQuotation rejectQuotation webhookEndpoints webhookDeliveries createWebhookEndpoint deleteWebhookEndpoint",
	"__typename __schema __type")

// fields turns space-separated names into a list.
func fields(groups ...string) []string {
	var out []string
	for _, g := range groups {
		out = append(out, splitFields(g)...)
	}
	return out
}

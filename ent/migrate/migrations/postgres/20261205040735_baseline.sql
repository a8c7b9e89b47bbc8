-- Create "api_tokens" table
CREATE TABLE "api_tokens" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "name" character varying NOT NULL, "scopes" jsonb NULL, "token_hash" character varying NOT NULL, "salt" character varying NOT NULL, "last_eight" character varying NOT NULL, "expires_at" timestamptz NULL, "revoked_at" timestamptz NULL, "last_used_at" timestamptz NULL, "budget_per_second" bigint NOT NULL DEFAULT 50, "budget_burst" bigint NOT NULL DEFAULT 2000, "budget_level" double precision NULL, "budget_at" timestamptz NULL, "created_by_id" character varying NULL, "customer_id" character varying NOT NULL, PRIMARY KEY ("id"));
-- Create index "api_tokens_token_hash_key" to table: "api_tokens"
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens" ("token_hash");
-- Create index "apitoken_created_by_id" to table: "api_tokens"
CREATE INDEX "apitoken_created_by_id" ON "api_tokens" ("created_by_id");
-- Create index "apitoken_customer_id" to table: "api_tokens"
CREATE INDEX "apitoken_customer_id" ON "api_tokens" ("customer_id");
-- Create index "apitoken_last_eight" to table: "api_tokens"
CREATE INDEX "apitoken_last_eight" ON "api_tokens" ("last_eight");
-- Create "account_changes" table
CREATE TABLE "account_changes" ("id" character varying NOT NULL, "kind" character varying NOT NULL, "subject_id" character varying NULL, "subject_name" character varying NULL, "survivor_contact_id" character varying NULL, "from_user_id" character varying NULL, "to_user_id" character varying NULL, "rating" character varying NULL, "rating_from" bigint NULL, "rating_to" bigint NULL, "tier_from" character varying NULL, "tier_to" character varying NULL, "chosen" jsonb NULL, "moved" jsonb NULL, "reason" character varying NULL, "at" timestamptz NOT NULL, "actor_id" character varying NULL, "customer_id" character varying NOT NULL, PRIMARY KEY ("id"));
-- Create index "accountchange_actor_id" to table: "account_changes"
CREATE INDEX "accountchange_actor_id" ON "account_changes" ("actor_id");
-- Create index "accountchange_customer_id_at" to table: "account_changes"
CREATE INDEX "accountchange_customer_id_at" ON "account_changes" ("customer_id", "at");
-- Create index "accountchange_subject_id" to table: "account_changes"
CREATE INDEX "accountchange_subject_id" ON "account_changes" ("subject_id");
-- Create "assistances" table
CREATE TABLE "assistances" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "kind" character varying NOT NULL, "description" text NOT NULL, "status" character varying NOT NULL DEFAULT 'OPEN', "outcome" text NULL, "requested_at" timestamptz NOT NULL, "resolved_at" timestamptz NULL, "customer_id" character varying NOT NULL, PRIMARY KEY ("id"));
-- Create index "assistance_customer_id" to table: "assistances"
CREATE INDEX "assistance_customer_id" ON "assistances" ("customer_id");
-- Create index "assistance_status" to table: "assistances"
CREATE INDEX "assistance_status" ON "assistances" ("status");
-- Create "audit_events" table
CREATE TABLE "audit_events" ("id" character varying NOT NULL, "actor_label" character varying NULL, "action" character varying NOT NULL, "entity_type" character varying NOT NULL, "entity_id" character varying NOT NULL, "before" jsonb NULL, "after" jsonb NULL, "at" timestamptz NOT NULL, "actor_id" character varying NULL, PRIMARY KEY ("id"));
-- Create index "auditevent_actor_id_at" to table: "audit_events"
CREATE INDEX "auditevent_actor_id_at" ON "audit_events" ("actor_id", "at");
-- Create index "auditevent_at" to table: "audit_events"
CREATE INDEX "auditevent_at" ON "audit_events" ("at");
-- Create index "auditevent_entity_id_at" to table: "audit_events"
CREATE INDEX "auditevent_entity_id_at" ON "audit_events" ("entity_id", "at");
-- Create "change_notices" table
CREATE TABLE "change_notices" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "kind" character varying NOT NULL, "title" character varying NOT NULL, "description" text NULL, "effective_at" timestamptz NOT NULL, "issued_at" timestamptz NULL, "status" character varying NOT NULL DEFAULT 'DRAFT', "product_id" character varying NOT NULL, PRIMARY KEY ("id"));
-- Create index "changenotice_product_id" to table: "change_notices"
CREATE INDEX "changenotice_product_id" ON "change_notices" ("product_id");
-- Create index "changenotice_status_effective_at" to table: "change_notices"
CREATE INDEX "changenotice_status_effective_at" ON "change_notices" ("status", "effective_at");
-- Create "change_notice_acks" table
CREATE TABLE "change_notice_acks" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "notified_at" timestamptz NULL, "acknowledged_at" timestamptz NULL, "acknowledged_by" character varying NULL, "acknowledged_via" character varying NULL, "recorded_by_user_id" character varying NULL, "recorded_by_token_id" character varying NULL, "note" text NULL, "change_notice_id" character varying NOT NULL, "customer_id" character varying NOT NULL, PRIMARY KEY ("id"));
-- Create index "changenoticeack_change_notice_id_customer_id" to table: "change_notice_acks"
CREATE UNIQUE INDEX "changenoticeack_change_notice_id_customer_id" ON "change_notice_acks" ("change_notice_id", "customer_id");
-- Create index "changenoticeack_customer_id" to table: "change_notice_acks"
CREATE INDEX "changenoticeack_customer_id" ON "change_notice_acks" ("customer_id");
-- Create "classification_settings" table
CREATE TABLE "classification_settings" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "slot" bigint NOT NULL, "weight_scale" double precision NOT NULL, "weight_technical_level" double precision NOT NULL, "weight_credit" double precision NOT NULL, "weight_demand" double precision NOT NULL, "weight_ease_of_closing" double precision NOT NULL, "tier_a" double precision NOT NULL, "tier_b" double precision NOT NULL, "min_inputs" bigint NOT NULL, "source" character varying NOT NULL DEFAULT 'ENVIRONMENT', "changed_tier" bigint NOT NULL DEFAULT 0, "updated_by_id" character varying NULL, PRIMARY KEY ("id"));
-- Create index "classification_settings_slot_key" to table: "classification_settings"
CREATE UNIQUE INDEX "classification_settings_slot_key" ON "classification_settings" ("slot");
-- Create "client_mutations" table
CREATE TABLE "client_mutations" ("id" character varying NOT NULL, "actor_key" character varying NOT NULL, "client_mutation_id" character varying NOT NULL, "node_id" character varying NOT NULL, "created_at" timestamptz NOT NULL, PRIMARY KEY ("id"));
-- Create index "clientmutation_actor_key_client_mutation_id" to table: "client_mutations"
CREATE UNIQUE INDEX "clientmutation_actor_key_client_mutation_id" ON "client_mutations" ("actor_key", "client_mutation_id");
-- Create "competitors" table
CREATE TABLE "competitors" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "name" character varying NOT NULL, "product" character varying NULL, "price_position" character varying NOT NULL DEFAULT 'UNKNOWN', "share_percent" double precision NULL, "notes" text NULL, "customer_id" character varying NOT NULL, PRIMARY KEY ("id"));
-- Create index "competitor_customer_id" to table: "competitors"
CREATE INDEX "competitor_customer_id" ON "competitors" ("customer_id");
-- Create "contacts" table
CREATE TABLE "contacts" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "name" character varying NOT NULL, "title" character varying NULL, "department" character varying NOT NULL DEFAULT 'OTHER', "phone" character varying NULL, "mobile" character varying NULL, "email" character varying NULL, "wechat" character varying NULL, "notes" text NULL, "archived" boolean NOT NULL DEFAULT false, "merged_into_id" character varying NULL, "customer_id" character varying NOT NULL, "person_id" character varying NULL, PRIMARY KEY ("id"));
-- Create index "contact_customer_id" to table: "contacts"
CREATE INDEX "contact_customer_id" ON "contacts" ("customer_id");
-- Create index "contact_department" to table: "contacts"
CREATE INDEX "contact_department" ON "contacts" ("department");
-- Create index "contact_person_id" to table: "contacts"
CREATE INDEX "contact_person_id" ON "contacts" ("person_id");
-- Create "customers" table
CREATE TABLE "customers" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "name" character varying NOT NULL, "name_en" character varying NULL, "short_name" character varying NULL, "normalized_name" character varying NULL, "core_name" character varying NULL, "credit_code" character varying NULL, "website" character varying NULL, "industry" character varying NULL, "region" character varying NULL, "address" character varying NULL, "phone" character varying NULL, "stage" character varying NOT NULL DEFAULT 'PROSPECT', "stage_changed_at" timestamptz NULL, "lead_source" character varying NOT NULL DEFAULT 'OTHER', "lead_source_detail" character varying NULL, "scale" bigint NULL, "technical_level" bigint NULL, "credit" bigint NULL, "demand" bigint NULL, "ease_of_closing" bigint NULL, "score" double precision NULL, "tier" character varying NULL, "industry_status" character varying NULL, "founder_history" text NULL, "shareholders" text NULL, "decision_mechanism" text NULL, "culture" text NULL, "people_status" text NULL, "business_status" text NULL, "technology_status" text NULL, "management_status" text NULL, "notes" text NULL, "evaluation_outcome" character varying NULL, "evaluation_note" character varying NULL, "evaluation_decided_at" timestamptz NULL, "evaluation_decision" character varying NULL, "archived" boolean NOT NULL DEFAULT false, "merged_into_id" character varying NULL, "referrer_contact_id" character varying NULL, "referrer_customer_id" character varying NULL, "team_id" character varying NULL, "owner_id" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "customers_customers_referred_customers" FOREIGN KEY ("referrer_customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- Create index "customer_core_name" to table: "customers"
CREATE INDEX "customer_core_name" ON "customers" ("core_name");
-- Create index "customer_credit_code" to table: "customers"
CREATE INDEX "customer_credit_code" ON "customers" ("credit_code");
-- Create index "customer_lead_source" to table: "customers"
CREATE INDEX "customer_lead_source" ON "customers" ("lead_source");
-- Create index "customer_merged_into_id" to table: "customers"
CREATE INDEX "customer_merged_into_id" ON "customers" ("merged_into_id");
-- Create index "customer_normalized_name" to table: "customers"
CREATE INDEX "customer_normalized_name" ON "customers" ("normalized_name");
-- Create index "customer_owner_id" to table: "customers"
CREATE INDEX "customer_owner_id" ON "customers" ("owner_id");
-- Create index "customer_referrer_contact_id" to table: "customers"
CREATE INDEX "customer_referrer_contact_id" ON "customers" ("referrer_contact_id");
-- Create index "customer_referrer_customer_id" to table: "customers"
CREATE INDEX "customer_referrer_customer_id" ON "customers" ("referrer_customer_id");
-- Create index "customer_stage" to table: "customers"
CREATE INDEX "customer_stage" ON "customers" ("stage");
-- Create index "customer_stage_changed_at" to table: "customers"
CREATE INDEX "customer_stage_changed_at" ON "customers" ("stage_changed_at");
-- Create index "customer_team_id" to table: "customers"
CREATE INDEX "customer_team_id" ON "customers" ("team_id");
-- Create index "customer_tier" to table: "customers"
CREATE INDEX "customer_tier" ON "customers" ("tier");
-- Create index "customer_updated_at" to table: "customers"
CREATE INDEX "customer_updated_at" ON "customers" ("updated_at");
-- Create "documents" table
CREATE TABLE "documents" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "type" character varying NOT NULL, "title" character varying NOT NULL, "doc_version" character varying NOT NULL DEFAULT '1', "language" character varying NOT NULL DEFAULT 'zh', "batch_no" character varying NULL, "file_name" character varying NULL, "content_type" character varying NULL, "size_bytes" bigint NULL, "sha256" character varying NULL, "storage_key" character varying NULL, "valid_until" timestamptz NULL, "published_at" timestamptz NOT NULL, "customer_id" character varying NULL, "supersedes_id" character varying NULL, "product_id" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "documents_documents_superseded_by" FOREIGN KEY ("supersedes_id") REFERENCES "documents" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- Create index "document_batch_no" to table: "documents"
CREATE INDEX "document_batch_no" ON "documents" ("batch_no");
-- Create index "document_customer_id" to table: "documents"
CREATE INDEX "document_customer_id" ON "documents" ("customer_id");
-- Create index "document_product_id_type" to table: "documents"
CREATE INDEX "document_product_id_type" ON "documents" ("product_id", "type");
-- Create index "document_supersedes_id" to table: "documents"
CREATE INDEX "document_supersedes_id" ON "documents" ("supersedes_id");
-- Create index "document_valid_until" to table: "documents"
CREATE INDEX "document_valid_until" ON "documents" ("valid_until");
-- Create "exchange_rates" table
CREATE TABLE "exchange_rates" ("id" character varying NOT NULL, "from_currency" character varying NOT NULL, "to_currency" character varying NOT NULL, "rate" double precision NOT NULL, "valid_from" timestamptz NOT NULL, "source" character varying NULL, "created_at" timestamptz NOT NULL, "created_by_id" character varying NULL, PRIMARY KEY ("id"));
-- Create index "exchangerate_from_currency_to_currency_valid_from" to table: "exchange_rates"
CREATE INDEX "exchangerate_from_currency_to_currency_valid_from" ON "exchange_rates" ("from_currency", "to_currency", "valid_from");
-- Create "import_jobs" table
CREATE TABLE "import_jobs" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "kind" character varying NOT NULL, "file_name" character varying NOT NULL, "sheet" character varying NULL, "encoding" character varying NULL, "state" character varying NOT NULL DEFAULT 'CHECKING', "column_map" text NULL, "total_rows" bigint NOT NULL DEFAULT 0, "done_rows" bigint NOT NULL DEFAULT 0, "creates" bigint NOT NULL DEFAULT 0, "updates" bigint NOT NULL DEFAULT 0, "unchanged" bigint NOT NULL DEFAULT 0, "duplicates" bigint NOT NULL DEFAULT 0, "errors" bigint NOT NULL DEFAULT 0, "error" character varying NULL, "error_code" character varying NULL, "owner_id" character varying NULL, "storage_key" character varying NULL, "results_key" character varying NULL, "finished_at" timestamptz NULL, "heartbeat_at" timestamptz NULL, PRIMARY KEY ("id"));
-- Create index "importjob_owner_id_created_at" to table: "import_jobs"
CREATE INDEX "importjob_owner_id_created_at" ON "import_jobs" ("owner_id", "created_at");
-- Create index "importjob_state" to table: "import_jobs"
CREATE INDEX "importjob_state" ON "import_jobs" ("state");
-- Create "interactions" table
CREATE TABLE "interactions" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "kind" character varying NOT NULL, "phase" character varying NOT NULL DEFAULT 'PRE_SALE', "occurred_at" timestamptz NOT NULL, "summary" character varying NULL, "preparation_materials" text NULL, "preparation_topics" jsonb NULL, "promises" text NULL, "findings" text NULL, "next_step" text NULL, "next_step_due" timestamptz NULL, "private" boolean NOT NULL DEFAULT false, "customer_id" character varying NOT NULL, "author_id" character varying NULL, PRIMARY KEY ("id"));
-- Create index "interaction_author_id" to table: "interactions"
CREATE INDEX "interaction_author_id" ON "interactions" ("author_id");
-- Create index "interaction_customer_id_occurred_at" to table: "interactions"
CREATE INDEX "interaction_customer_id_occurred_at" ON "interactions" ("customer_id", "occurred_at");
-- Create index "interaction_occurred_at" to table: "interactions"
CREATE INDEX "interaction_occurred_at" ON "interactions" ("occurred_at");
-- Create "issues" table
CREATE TABLE "issues" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "title" character varying NOT NULL, "description" text NULL, "category" character varying NOT NULL, "root_cause" character varying NOT NULL DEFAULT 'UNDETERMINED', "severity" character varying NOT NULL DEFAULT 'MEDIUM', "status" character varying NOT NULL DEFAULT 'OPEN', "batch_no" character varying NULL, "reported_at" timestamptz NOT NULL, "onsite_response" text NULL, "joint_root_cause_work" text NULL, "disposition" text NULL, "loss_amount" double precision NULL, "resolution" text NULL, "responded_at" timestamptz NULL, "onsite_at" timestamptz NULL, "resolved_at" timestamptz NULL, "closed_at" timestamptz NULL, "customer_id" character varying NOT NULL, "reported_by_id" character varying NULL, "assignee_id" character varying NULL, "order_id" character varying NULL, "product_id" character varying NULL, PRIMARY KEY ("id"));
-- Create index "issue_assignee_id" to table: "issues"
CREATE INDEX "issue_assignee_id" ON "issues" ("assignee_id");
-- Create index "issue_category_root_cause" to table: "issues"
CREATE INDEX "issue_category_root_cause" ON "issues" ("category", "root_cause");
-- Create index "issue_customer_id" to table: "issues"
CREATE INDEX "issue_customer_id" ON "issues" ("customer_id");
-- Create index "issue_order_id" to table: "issues"
CREATE INDEX "issue_order_id" ON "issues" ("order_id");
-- Create index "issue_product_id" to table: "issues"
CREATE INDEX "issue_product_id" ON "issues" ("product_id");
-- Create index "issue_reported_at" to table: "issues"
CREATE INDEX "issue_reported_at" ON "issues" ("reported_at");
-- Create index "issue_reported_by_id" to table: "issues"
CREATE INDEX "issue_reported_by_id" ON "issues" ("reported_by_id");
-- Create index "issue_status" to table: "issues"
CREATE INDEX "issue_status" ON "issues" ("status");
-- Create "issue_attachments" table
CREATE TABLE "issue_attachments" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "file_name" character varying NOT NULL, "content_type" character varying NOT NULL, "size_bytes" bigint NOT NULL, "sha256" character varying NOT NULL, "storage_key" character varying NOT NULL, "caption" character varying NULL, "customer_id" character varying NOT NULL, "issue_id" character varying NOT NULL, "uploaded_by_id" character varying NULL, PRIMARY KEY ("id"));
-- Create index "issueattachment_customer_id" to table: "issue_attachments"
CREATE INDEX "issueattachment_customer_id" ON "issue_attachments" ("customer_id");
-- Create index "issueattachment_issue_id_created_at" to table: "issue_attachments"
CREATE INDEX "issueattachment_issue_id_created_at" ON "issue_attachments" ("issue_id", "created_at");
-- Create "issue_events" table
CREATE TABLE "issue_events" ("id" character varying NOT NULL, "kind" character varying NOT NULL, "deadline" character varying NOT NULL, "severity" character varying NOT NULL, "due_at" timestamptz NOT NULL, "at" timestamptz NOT NULL, "customer_id" character varying NOT NULL, "issue_id" character varying NOT NULL, PRIMARY KEY ("id"));
-- Create index "issueevent_customer_id" to table: "issue_events"
CREATE INDEX "issueevent_customer_id" ON "issue_events" ("customer_id");
-- Create index "issueevent_issue_id_kind_deadline" to table: "issue_events"
CREATE UNIQUE INDEX "issueevent_issue_id_kind_deadline" ON "issue_events" ("issue_id", "kind", "deadline");
-- Create index "issueevent_kind_at" to table: "issue_events"
CREATE INDEX "issueevent_kind_at" ON "issue_events" ("kind", "at");
-- Create "key_persons" table
CREATE TABLE "key_persons" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "decision_role" character varying NOT NULL, "scope" character varying NOT NULL DEFAULT 'BOTH', "attitude" character varying NOT NULL DEFAULT 'NEUTRAL', "professional_needs" text NULL, "personal_needs" text NULL, "private_notes" text NULL, "contact_interval_days" bigint NOT NULL DEFAULT 30, "last_contacted_at" timestamptz NULL, "active_from" timestamptz NOT NULL, "active_to" timestamptz NULL, "ended_reason" character varying NULL, "contact_id" character varying NOT NULL, "customer_id" character varying NOT NULL, PRIMARY KEY ("id"));
-- Create index "keyperson_contact_id" to table: "key_persons"
CREATE INDEX "keyperson_contact_id" ON "key_persons" ("contact_id");
-- Create index "keyperson_customer_id" to table: "key_persons"
CREATE INDEX "keyperson_customer_id" ON "key_persons" ("customer_id");
-- Create index "keyperson_last_contacted_at" to table: "key_persons"
CREATE INDEX "keyperson_last_contacted_at" ON "key_persons" ("last_contacted_at");
-- Create "login_throttles" table
CREATE TABLE "login_throttles" ("id" character varying NOT NULL, "key" character varying NOT NULL, "failures" bigint NOT NULL DEFAULT 0, "window_start" timestamptz NOT NULL, "blocked_until" timestamptz NULL, "strikes" bigint NOT NULL DEFAULT 0, PRIMARY KEY ("id"));
-- Create index "login_throttles_key_key" to table: "login_throttles"
CREATE UNIQUE INDEX "login_throttles_key_key" ON "login_throttles" ("key");
-- Create "market_infos" table
CREATE TABLE "market_infos" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "title" character varying NOT NULL, "kind" character varying NOT NULL, "body" text NULL, "source" character varying NULL, "confidential_origin" boolean NOT NULL DEFAULT false, "published_at" timestamptz NOT NULL, "author_id" character varying NULL, PRIMARY KEY ("id"));
-- Create index "marketinfo_kind" to table: "market_infos"
CREATE INDEX "marketinfo_kind" ON "market_infos" ("kind");
-- Create index "marketinfo_published_at" to table: "market_infos"
CREATE INDEX "marketinfo_published_at" ON "market_infos" ("published_at");
-- Create "market_info_shares" table
CREATE TABLE "market_info_shares" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "shared_at" timestamptz NOT NULL, "channel" character varying NULL, "note" text NULL, "names_acknowledged" boolean NOT NULL DEFAULT false, "named_customers" jsonb NULL, "customer_id" character varying NOT NULL, "market_info_id" character varying NOT NULL, "contact_id" character varying NULL, PRIMARY KEY ("id"));
-- Create index "marketinfoshare_contact_id" to table: "market_info_shares"
CREATE INDEX "marketinfoshare_contact_id" ON "market_info_shares" ("contact_id");
-- Create index "marketinfoshare_customer_id" to table: "market_info_shares"
CREATE INDEX "marketinfoshare_customer_id" ON "market_info_shares" ("customer_id");
-- Create index "marketinfoshare_market_info_id" to table: "market_info_shares"
CREATE INDEX "marketinfoshare_market_info_id" ON "market_info_shares" ("market_info_id");
-- Create "needs" table
CREATE TABLE "needs" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "level" character varying NOT NULL, "company_aspect" character varying NULL, "product_grade" character varying NULL, "likely_problem" character varying NULL, "description" text NOT NULL, "status" character varying NOT NULL DEFAULT 'IDENTIFIED', "source" character varying NOT NULL DEFAULT 'ANALYSIS', "customer_id" character varying NOT NULL, "key_person_id" character varying NULL, "candidate_product_id" character varying NULL, PRIMARY KEY ("id"));
-- Create index "need_candidate_product_id" to table: "needs"
CREATE INDEX "need_candidate_product_id" ON "needs" ("candidate_product_id");
-- Create index "need_customer_id" to table: "needs"
CREATE INDEX "need_customer_id" ON "needs" ("customer_id");
-- Create index "need_key_person_id" to table: "needs"
CREATE INDEX "need_key_person_id" ON "needs" ("key_person_id");
-- Create index "need_status" to table: "needs"
CREATE INDEX "need_status" ON "needs" ("status");
-- Create "orders" table
CREATE TABLE "orders" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "number" character varying NOT NULL, "is_evaluation" boolean NULL, "status" character varying NOT NULL DEFAULT 'OPEN', "ordered_at" timestamptz NOT NULL, "delivery_date" timestamptz NULL, "contract_no" character varying NULL, "currency" character varying NOT NULL DEFAULT 'CNY', "notes" text NULL, "confirmed_at" timestamptz NULL, "contract_signed_at" timestamptz NULL, "labelling_checked_at" timestamptz NULL, "production_date_checked_at" timestamptz NULL, "batch_checked_at" timestamptz NULL, "packaging_checked_at" timestamptz NULL, "shipped_at" timestamptz NULL, "delivered_at" timestamptz NULL, "invoiced_at" timestamptz NULL, "paid_at" timestamptz NULL, "closed_at" timestamptz NULL, "cancelled_at" timestamptz NULL, "cancel_reason" character varying NULL, "customer_id" character varying NOT NULL, PRIMARY KEY ("id"));
-- Create index "order_customer_id_ordered_at" to table: "orders"
CREATE INDEX "order_customer_id_ordered_at" ON "orders" ("customer_id", "ordered_at");
-- Create index "order_delivery_date" to table: "orders"
CREATE INDEX "order_delivery_date" ON "orders" ("delivery_date");
-- Create index "order_ordered_at" to table: "orders"
CREATE INDEX "order_ordered_at" ON "orders" ("ordered_at");
-- Create index "order_status" to table: "orders"
CREATE INDEX "order_status" ON "orders" ("status");
-- Create index "orders_number_key" to table: "orders"
CREATE UNIQUE INDEX "orders_number_key" ON "orders" ("number");
-- Create "order_events" table
CREATE TABLE "order_events" ("id" character varying NOT NULL, "step" character varying NOT NULL, "note" character varying NULL, "at" timestamptz NOT NULL, "customer_id" character varying NOT NULL, "order_id" character varying NOT NULL, "actor_id" character varying NULL, PRIMARY KEY ("id"));
-- Create index "orderevent_actor_id" to table: "order_events"
CREATE INDEX "orderevent_actor_id" ON "order_events" ("actor_id");
-- Create index "orderevent_customer_id" to table: "order_events"
CREATE INDEX "orderevent_customer_id" ON "order_events" ("customer_id");
-- Create index "orderevent_order_id_at" to table: "order_events"
CREATE INDEX "orderevent_order_id_at" ON "order_events" ("order_id", "at");
-- Create "order_lines" table
CREATE TABLE "order_lines" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "quantity" double precision NOT NULL, "unit" character varying NOT NULL DEFAULT 'kg', "unit_price" double precision NULL, "batch_no" character varying NULL, "production_date" timestamptz NULL, "batch_age_acknowledged_at" timestamptz NULL, "batch_age_acknowledgement" character varying NULL, "customer_id" character varying NOT NULL, "order_id" character varying NOT NULL, "batch_age_acknowledged_by_id" character varying NULL, "product_id" character varying NOT NULL, PRIMARY KEY ("id"));
-- Create index "orderline_batch_no" to table: "order_lines"
CREATE INDEX "orderline_batch_no" ON "order_lines" ("batch_no");
-- Create index "orderline_customer_id" to table: "order_lines"
CREATE INDEX "orderline_customer_id" ON "order_lines" ("customer_id");
-- Create index "orderline_order_id" to table: "order_lines"
CREATE INDEX "orderline_order_id" ON "order_lines" ("order_id");
-- Create index "orderline_product_id" to table: "order_lines"
CREATE INDEX "orderline_product_id" ON "order_lines" ("product_id");
-- Create "persons" table
CREATE TABLE "persons" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "name" character varying NOT NULL, "key" character varying NOT NULL, "champion_accounts" bigint NOT NULL DEFAULT 0, "accounts" bigint NOT NULL DEFAULT 0, PRIMARY KEY ("id"));
-- Create index "person_accounts" to table: "persons"
CREATE INDEX "person_accounts" ON "persons" ("accounts");
-- Create index "person_champion_accounts" to table: "persons"
CREATE INDEX "person_champion_accounts" ON "persons" ("champion_accounts");
-- Create index "persons_key_key" to table: "persons"
CREATE UNIQUE INDEX "persons_key_key" ON "persons" ("key");
-- Create "pitches" table
CREATE TABLE "pitches" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "entry_point" character varying NOT NULL, "advantages" jsonb NULL, "detail" text NULL, "active" boolean NOT NULL DEFAULT true, "customer_id" character varying NOT NULL, PRIMARY KEY ("id"));
-- Create index "pitch_customer_id" to table: "pitches"
CREATE INDEX "pitch_customer_id" ON "pitches" ("customer_id");
-- Create "price_points" table
CREATE TABLE "price_points" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "kind" character varying NOT NULL DEFAULT 'LIST', "price" double precision NOT NULL, "currency" character varying NOT NULL DEFAULT 'CNY', "observed_at" timestamptz NOT NULL, "source" character varying NULL, "product_id" character varying NOT NULL, PRIMARY KEY ("id"));
-- Create index "pricepoint_product_id_observed_at" to table: "price_points"
CREATE INDEX "pricepoint_product_id_observed_at" ON "price_points" ("product_id", "observed_at");
-- Create "products" table
CREATE TABLE "products" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "code" character varying NOT NULL, "name" character varying NOT NULL, "grade" character varying NOT NULL DEFAULT 'MID', "category" character varying NULL, "description" text NULL, "unit" character varying NOT NULL DEFAULT 'kg', "active" boolean NOT NULL DEFAULT true, "max_batch_age_months" bigint NOT NULL DEFAULT 12, PRIMARY KEY ("id"));
-- Create index "product_name" to table: "products"
CREATE INDEX "product_name" ON "products" ("name");
-- Create index "products_code_key" to table: "products"
CREATE UNIQUE INDEX "products_code_key" ON "products" ("code");
-- Create "refresh_tokens" table
CREATE TABLE "refresh_tokens" ("id" character varying NOT NULL, "token_hash" character varying NOT NULL, "family" character varying NOT NULL, "created_at" timestamptz NOT NULL, "expires_at" timestamptz NOT NULL, "used_at" timestamptz NULL, "revoked_at" timestamptz NULL, "client_addr" character varying NULL, "user_id" character varying NOT NULL, PRIMARY KEY ("id"));
-- Create index "refresh_tokens_token_hash_key" to table: "refresh_tokens"
CREATE UNIQUE INDEX "refresh_tokens_token_hash_key" ON "refresh_tokens" ("token_hash");
-- Create index "refreshtoken_family" to table: "refresh_tokens"
CREATE INDEX "refreshtoken_family" ON "refresh_tokens" ("family");
-- Create index "refreshtoken_user_id" to table: "refresh_tokens"
CREATE INDEX "refreshtoken_user_id" ON "refresh_tokens" ("user_id");
-- Create "samples" table
CREATE TABLE "samples" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "quantity" double precision NOT NULL, "unit" character varying NOT NULL DEFAULT 'kg', "status" character varying NOT NULL DEFAULT 'REQUESTED', "status_reason" character varying NULL, "purpose" text NULL, "requested_at" timestamptz NOT NULL, "shipped_at" timestamptz NULL, "received_at" timestamptz NULL, "tracking_no" character varying NULL, "doc_manual" boolean NOT NULL DEFAULT false, "doc_msds" boolean NOT NULL DEFAULT false, "doc_label" boolean NOT NULL DEFAULT false, "doc_precautions" boolean NOT NULL DEFAULT false, "customer_id" character varying NOT NULL, "order_id" character varying NULL, "product_id" character varying NOT NULL, "requested_by_id" character varying NULL, PRIMARY KEY ("id"));
-- Create index "sample_customer_id" to table: "samples"
CREATE INDEX "sample_customer_id" ON "samples" ("customer_id");
-- Create index "sample_order_id" to table: "samples"
CREATE INDEX "sample_order_id" ON "samples" ("order_id");
-- Create index "sample_product_id" to table: "samples"
CREATE INDEX "sample_product_id" ON "samples" ("product_id");
-- Create index "sample_requested_at" to table: "samples"
CREATE INDEX "sample_requested_at" ON "samples" ("requested_at");
-- Create index "sample_requested_by_id" to table: "samples"
CREATE INDEX "sample_requested_by_id" ON "samples" ("requested_by_id");
-- Create index "sample_status" to table: "samples"
CREATE INDEX "sample_status" ON "samples" ("status");
-- Create "sample_events" table
CREATE TABLE "sample_events" ("id" character varying NOT NULL, "from_status" character varying NOT NULL, "to_status" character varying NOT NULL, "note" character varying NULL, "at" timestamptz NOT NULL, "customer_id" character varying NOT NULL, "sample_id" character varying NOT NULL, "actor_id" character varying NULL, PRIMARY KEY ("id"));
-- Create index "sampleevent_actor_id" to table: "sample_events"
CREATE INDEX "sampleevent_actor_id" ON "sample_events" ("actor_id");
-- Create index "sampleevent_customer_id" to table: "sample_events"
CREATE INDEX "sampleevent_customer_id" ON "sample_events" ("customer_id");
-- Create index "sampleevent_sample_id_at" to table: "sample_events"
CREATE INDEX "sampleevent_sample_id_at" ON "sample_events" ("sample_id", "at");
-- Create index "sampleevent_to_status_at" to table: "sample_events"
CREATE INDEX "sampleevent_to_status_at" ON "sample_events" ("to_status", "at");
-- Create "saved_queries" table
CREATE TABLE "saved_queries" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "name" character varying NOT NULL, "query" text NOT NULL, "variables" text NULL, "description" text NULL, "owner_id" character varying NULL, PRIMARY KEY ("id"));
-- Create index "savedquery_owner_id_name" to table: "saved_queries"
CREATE INDEX "savedquery_owner_id_name" ON "saved_queries" ("owner_id", "name");
-- Create "server_states" table
CREATE TABLE "server_states" ("id" character varying NOT NULL, "name" character varying NOT NULL, "value" character varying NULL, "updated_at" timestamptz NOT NULL, PRIMARY KEY ("id"));
-- Create index "server_states_name_key" to table: "server_states"
CREATE UNIQUE INDEX "server_states_name_key" ON "server_states" ("name");
-- Create "service_documents" table
CREATE TABLE "service_documents" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "type" character varying NOT NULL, "since" timestamptz NOT NULL, "until" timestamptz NULL, "note" text NULL, "customer_id" character varying NOT NULL, PRIMARY KEY ("id"));
-- Create index "servicedocument_customer_id_type" to table: "service_documents"
CREATE INDEX "servicedocument_customer_id_type" ON "service_documents" ("customer_id", "type");
-- Create "shipments" table
CREATE TABLE "shipments" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "carrier" character varying NULL, "tracking_no" character varying NULL, "status" character varying NOT NULL DEFAULT 'PREPARING', "shipped_at" timestamptz NULL, "eta" timestamptz NULL, "delivered_at" timestamptz NULL, "delivery_note_signed" boolean NOT NULL DEFAULT false, "signed_by" character varying NULL, "customer_id" character varying NOT NULL, "order_id" character varying NOT NULL, PRIMARY KEY ("id"));
-- Create index "shipment_customer_id" to table: "shipments"
CREATE INDEX "shipment_customer_id" ON "shipments" ("customer_id");
-- Create index "shipment_order_id" to table: "shipments"
CREATE INDEX "shipment_order_id" ON "shipments" ("order_id");
-- Create index "shipment_status" to table: "shipments"
CREATE INDEX "shipment_status" ON "shipments" ("status");
-- Create "signing_keys" table
CREATE TABLE "signing_keys" ("id" character varying NOT NULL, "purpose" character varying NOT NULL, "kid" character varying NOT NULL, "secret" character varying NOT NULL, "created_at" timestamptz NOT NULL, "retired_at" timestamptz NULL, PRIMARY KEY ("id"));
-- Create index "signing_keys_kid_key" to table: "signing_keys"
CREATE UNIQUE INDEX "signing_keys_kid_key" ON "signing_keys" ("kid");
-- Create "stage_changes" table
CREATE TABLE "stage_changes" ("id" character varying NOT NULL, "from_stage" character varying NULL, "to_stage" character varying NOT NULL, "reason" character varying NULL, "evidence" character varying NULL, "changed_at" timestamptz NOT NULL, "customer_id" character varying NOT NULL, "changed_by_id" character varying NULL, PRIMARY KEY ("id"));
-- Create index "stagechange_changed_by_id" to table: "stage_changes"
CREATE INDEX "stagechange_changed_by_id" ON "stage_changes" ("changed_by_id");
-- Create index "stagechange_customer_id_changed_at" to table: "stage_changes"
CREATE INDEX "stagechange_customer_id_changed_at" ON "stage_changes" ("customer_id", "changed_at");
-- Create index "stagechange_to_stage_changed_at" to table: "stage_changes"
CREATE INDEX "stagechange_to_stage_changed_at" ON "stage_changes" ("to_stage", "changed_at");
-- Create "tasks" table
CREATE TABLE "tasks" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "title" character varying NOT NULL, "description" text NULL, "due_at" timestamptz NULL, "status" character varying NOT NULL DEFAULT 'OPEN', "done_at" timestamptz NULL, "customer_id" character varying NULL, "interaction_id" character varying NULL, "assignee_id" character varying NULL, PRIMARY KEY ("id"));
-- Create index "task_assignee_id_status_due_at" to table: "tasks"
CREATE INDEX "task_assignee_id_status_due_at" ON "tasks" ("assignee_id", "status", "due_at");
-- Create index "task_customer_id" to table: "tasks"
CREATE INDEX "task_customer_id" ON "tasks" ("customer_id");
-- Create index "task_due_at" to table: "tasks"
CREATE INDEX "task_due_at" ON "tasks" ("due_at");
-- Create index "task_interaction_id" to table: "tasks"
CREATE INDEX "task_interaction_id" ON "tasks" ("interaction_id");
-- Create "teams" table
CREATE TABLE "teams" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "name" character varying NOT NULL, "description" text NULL, PRIMARY KEY ("id"));
-- Create index "teams_name_key" to table: "teams"
CREATE UNIQUE INDEX "teams_name_key" ON "teams" ("name");
-- Create "tracking_events" table
CREATE TABLE "tracking_events" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "at" timestamptz NOT NULL, "location" character varying NULL, "description" character varying NOT NULL, "customer_id" character varying NOT NULL, "shipment_id" character varying NOT NULL, PRIMARY KEY ("id"));
-- Create index "trackingevent_customer_id" to table: "tracking_events"
CREATE INDEX "trackingevent_customer_id" ON "tracking_events" ("customer_id");
-- Create index "trackingevent_shipment_id_at" to table: "tracking_events"
CREATE INDEX "trackingevent_shipment_id_at" ON "tracking_events" ("shipment_id", "at");
-- Create "trials" table
CREATE TABLE "trials" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "kind" character varying NOT NULL, "application" character varying NULL, "industry" character varying NULL, "size_spec" character varying NULL, "colour" character varying NULL, "environmental" character varying NULL, "key_properties" text NULL, "test_standard" character varying NULL, "cycle" character varying NULL, "customer_tech_level" bigint NULL, "equipment" text NULL, "test_equipment" text NULL, "results" text NULL, "outcome" character varying NOT NULL DEFAULT 'PENDING', "started_at" timestamptz NULL, "finished_at" timestamptz NULL, "customer_id" character varying NOT NULL, "sample_id" character varying NOT NULL, PRIMARY KEY ("id"));
-- Create index "trial_customer_id" to table: "trials"
CREATE INDEX "trial_customer_id" ON "trials" ("customer_id");
-- Create index "trial_outcome" to table: "trials"
CREATE INDEX "trial_outcome" ON "trials" ("outcome");
-- Create index "trial_sample_id" to table: "trials"
CREATE INDEX "trial_sample_id" ON "trials" ("sample_id");
-- Create "users" table
CREATE TABLE "users" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "email" character varying NOT NULL, "name" character varying NOT NULL, "role" character varying NOT NULL DEFAULT 'REP', "function" character varying NOT NULL DEFAULT 'SALES', "phone" character varying NULL, "locale" character varying NOT NULL DEFAULT 'zh', "active" boolean NOT NULL DEFAULT true, "password_hash" character varying NULL, "must_change_password" boolean NOT NULL DEFAULT false, "partner_customer_id" character varying NULL, "team_id" character varying NULL, PRIMARY KEY ("id"));
-- Create index "user_partner_customer_id" to table: "users"
CREATE INDEX "user_partner_customer_id" ON "users" ("partner_customer_id");
-- Create index "user_role" to table: "users"
CREATE INDEX "user_role" ON "users" ("role");
-- Create index "user_team_id" to table: "users"
CREATE INDEX "user_team_id" ON "users" ("team_id");
-- Create index "users_email_key" to table: "users"
CREATE UNIQUE INDEX "users_email_key" ON "users" ("email");
-- Create "webhook_deliveries" table
CREATE TABLE "webhook_deliveries" ("id" character varying NOT NULL, "event_id" character varying NOT NULL, "event_type" character varying NOT NULL, "payload" text NOT NULL, "status" character varying NOT NULL DEFAULT 'PENDING', "attempts" bigint NOT NULL DEFAULT 0, "created_at" timestamptz NOT NULL, "next_attempt_at" timestamptz NOT NULL, "locked_until" timestamptz NULL, "claim_token" character varying NULL, "delivered_at" timestamptz NULL, "last_status_code" bigint NULL, "last_error" character varying NULL, "customer_id" character varying NOT NULL, "endpoint_id" character varying NOT NULL, PRIMARY KEY ("id"));
-- Create index "webhookdelivery_customer_id" to table: "webhook_deliveries"
CREATE INDEX "webhookdelivery_customer_id" ON "webhook_deliveries" ("customer_id");
-- Create index "webhookdelivery_endpoint_id_created_at" to table: "webhook_deliveries"
CREATE INDEX "webhookdelivery_endpoint_id_created_at" ON "webhook_deliveries" ("endpoint_id", "created_at");
-- Create index "webhookdelivery_event_id" to table: "webhook_deliveries"
CREATE INDEX "webhookdelivery_event_id" ON "webhook_deliveries" ("event_id");
-- Create index "webhookdelivery_status_next_attempt_at" to table: "webhook_deliveries"
CREATE INDEX "webhookdelivery_status_next_attempt_at" ON "webhook_deliveries" ("status", "next_attempt_at");
-- Create "webhook_endpoints" table
CREATE TABLE "webhook_endpoints" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "url" character varying NOT NULL, "events" jsonb NOT NULL, "secret" character varying NOT NULL, "active" boolean NOT NULL DEFAULT true, "customer_id" character varying NOT NULL, PRIMARY KEY ("id"));
-- Create index "webhookendpoint_customer_id" to table: "webhook_endpoints"
CREATE INDEX "webhookendpoint_customer_id" ON "webhook_endpoints" ("customer_id");
-- Create "interaction_our_participants" table
CREATE TABLE "interaction_our_participants" ("interaction_id" character varying NOT NULL, "user_id" character varying NOT NULL, PRIMARY KEY ("interaction_id", "user_id"));
-- Create "interaction_their_participants" table
CREATE TABLE "interaction_their_participants" ("interaction_id" character varying NOT NULL, "contact_id" character varying NOT NULL, PRIMARY KEY ("interaction_id", "contact_id"));
-- Modify "api_tokens" table
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_customers_api_tokens" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "api_tokens_users_created_by" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- Modify "account_changes" table
ALTER TABLE "account_changes" ADD CONSTRAINT "account_changes_customers_account_changes" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "account_changes_users_actor" FOREIGN KEY ("actor_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- Modify "assistances" table
ALTER TABLE "assistances" ADD CONSTRAINT "assistances_customers_assistances" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
-- Modify "audit_events" table
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_users_actor" FOREIGN KEY ("actor_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- Modify "change_notices" table
ALTER TABLE "change_notices" ADD CONSTRAINT "change_notices_products_change_notices" FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
-- Modify "change_notice_acks" table
ALTER TABLE "change_notice_acks" ADD CONSTRAINT "change_notice_acks_change_notices_acks" FOREIGN KEY ("change_notice_id") REFERENCES "change_notices" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "change_notice_acks_customers_change_notice_acks" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
-- Modify "classification_settings" table
ALTER TABLE "classification_settings" ADD CONSTRAINT "classification_settings_users_updated_by" FOREIGN KEY ("updated_by_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- Modify "competitors" table
ALTER TABLE "competitors" ADD CONSTRAINT "competitors_customers_competitors" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
-- Modify "contacts" table
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_customers_contacts" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "contacts_persons_contacts" FOREIGN KEY ("person_id") REFERENCES "persons" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- Modify "customers" table
ALTER TABLE "customers" ADD CONSTRAINT "customers_contacts_referred_customers" FOREIGN KEY ("referrer_contact_id") REFERENCES "contacts" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, ADD CONSTRAINT "customers_teams_customers" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, ADD CONSTRAINT "customers_users_owned_customers" FOREIGN KEY ("owner_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- Modify "documents" table
ALTER TABLE "documents" ADD CONSTRAINT "documents_customers_documents" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, ADD CONSTRAINT "documents_products_documents" FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- Modify "exchange_rates" table
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_users_created_by" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- Modify "interactions" table
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_customers_interactions" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "interactions_users_authored_interactions" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- Modify "issues" table
ALTER TABLE "issues" ADD CONSTRAINT "issues_customers_issues" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "issues_orders_issues" FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, ADD CONSTRAINT "issues_products_issues" FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, ADD CONSTRAINT "issues_users_assignee" FOREIGN KEY ("assignee_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, ADD CONSTRAINT "issues_users_reported_by" FOREIGN KEY ("reported_by_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- Modify "issue_attachments" table
ALTER TABLE "issue_attachments" ADD CONSTRAINT "issue_attachments_customers_issue_attachments" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "issue_attachments_issues_attachments" FOREIGN KEY ("issue_id") REFERENCES "issues" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "issue_attachments_users_uploaded_by" FOREIGN KEY ("uploaded_by_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- Modify "issue_events" table
ALTER TABLE "issue_events" ADD CONSTRAINT "issue_events_customers_issue_events" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "issue_events_issues_events" FOREIGN KEY ("issue_id") REFERENCES "issues" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
-- Modify "key_persons" table
ALTER TABLE "key_persons" ADD CONSTRAINT "key_persons_contacts_key_persons" FOREIGN KEY ("contact_id") REFERENCES "contacts" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "key_persons_customers_key_persons" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
-- Modify "market_infos" table
ALTER TABLE "market_infos" ADD CONSTRAINT "market_infos_users_author" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- Modify "market_info_shares" table
ALTER TABLE "market_info_shares" ADD CONSTRAINT "market_info_shares_contacts_contact" FOREIGN KEY ("contact_id") REFERENCES "contacts" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, ADD CONSTRAINT "market_info_shares_customers_market_info_shares" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "market_info_shares_market_infos_shares" FOREIGN KEY ("market_info_id") REFERENCES "market_infos" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
-- Modify "needs" table
ALTER TABLE "needs" ADD CONSTRAINT "needs_customers_needs" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "needs_key_persons_needs" FOREIGN KEY ("key_person_id") REFERENCES "key_persons" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, ADD CONSTRAINT "needs_products_needs" FOREIGN KEY ("candidate_product_id") REFERENCES "products" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- Modify "orders" table
ALTER TABLE "orders" ADD CONSTRAINT "orders_customers_orders" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
-- Modify "order_events" table
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_customers_order_events" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "order_events_orders_events" FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "order_events_users_actor" FOREIGN KEY ("actor_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- Modify "order_lines" table
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_customers_order_lines" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "order_lines_orders_lines" FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "order_lines_products_order_lines" FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "order_lines_users_batch_age_acknowledged_by" FOREIGN KEY ("batch_age_acknowledged_by_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- Modify "pitches" table
ALTER TABLE "pitches" ADD CONSTRAINT "pitches_customers_pitches" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
-- Modify "price_points" table
ALTER TABLE "price_points" ADD CONSTRAINT "price_points_products_price_points" FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
-- Modify "refresh_tokens" table
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_users_refresh_tokens" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
-- Modify "samples" table
ALTER TABLE "samples" ADD CONSTRAINT "samples_customers_samples" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "samples_orders_converted_samples" FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, ADD CONSTRAINT "samples_products_samples" FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "samples_users_requested_by" FOREIGN KEY ("requested_by_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- Modify "sample_events" table
ALTER TABLE "sample_events" ADD CONSTRAINT "sample_events_customers_sample_events" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "sample_events_samples_events" FOREIGN KEY ("sample_id") REFERENCES "samples" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "sample_events_users_actor" FOREIGN KEY ("actor_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- Modify "saved_queries" table
ALTER TABLE "saved_queries" ADD CONSTRAINT "saved_queries_users_owner" FOREIGN KEY ("owner_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- Modify "service_documents" table
ALTER TABLE "service_documents" ADD CONSTRAINT "service_documents_customers_service_documents" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
-- Modify "shipments" table
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_customers_shipments" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "shipments_orders_shipments" FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
-- Modify "stage_changes" table
ALTER TABLE "stage_changes" ADD CONSTRAINT "stage_changes_customers_stage_changes" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "stage_changes_users_changed_by" FOREIGN KEY ("changed_by_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- Modify "tasks" table
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_customers_tasks" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, ADD CONSTRAINT "tasks_interactions_tasks" FOREIGN KEY ("interaction_id") REFERENCES "interactions" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, ADD CONSTRAINT "tasks_users_tasks" FOREIGN KEY ("assignee_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- Modify "tracking_events" table
ALTER TABLE "tracking_events" ADD CONSTRAINT "tracking_events_customers_tracking_events" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "tracking_events_shipments_events" FOREIGN KEY ("shipment_id") REFERENCES "shipments" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
-- Modify "trials" table
ALTER TABLE "trials" ADD CONSTRAINT "trials_customers_trials" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "trials_samples_trials" FOREIGN KEY ("sample_id") REFERENCES "samples" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
-- Modify "users" table
ALTER TABLE "users" ADD CONSTRAINT "users_customers_partner_users" FOREIGN KEY ("partner_customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, ADD CONSTRAINT "users_teams_members" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- Modify "webhook_deliveries" table
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_customers_webhook_deliveries" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "webhook_deliveries_webhook_endpoints_deliveries" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
-- Modify "webhook_endpoints" table
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_customers_webhook_endpoints" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
-- Modify "interaction_our_participants" table
ALTER TABLE "interaction_our_participants" ADD CONSTRAINT "interaction_our_participants_interaction_id" FOREIGN KEY ("interaction_id") REFERENCES "interactions" ("id") ON UPDATE NO ACTION ON DELETE CASCADE, ADD CONSTRAINT "interaction_our_participants_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE CASCADE;
-- Modify "interaction_their_participants" table
ALTER TABLE "interaction_their_participants" ADD CONSTRAINT "interaction_their_participants_contact_id" FOREIGN KEY ("contact_id") REFERENCES "contacts" ("id") ON UPDATE NO ACTION ON DELETE CASCADE, ADD CONSTRAINT "interaction_their_participants_interaction_id" FOREIGN KEY ("interaction_id") REFERENCES "interactions" ("id") ON UPDATE NO ACTION ON DELETE CASCADE;

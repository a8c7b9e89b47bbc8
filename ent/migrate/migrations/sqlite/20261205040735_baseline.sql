-- Create "api_tokens" table
CREATE TABLE `api_tokens` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `name` text NOT NULL, `scopes` json NULL, `token_hash` text NOT NULL, `salt` text NOT NULL, `last_eight` text NOT NULL, `expires_at` datetime NULL, `revoked_at` datetime NULL, `last_used_at` datetime NULL, `budget_per_second` integer NOT NULL DEFAULT (50), `budget_burst` integer NOT NULL DEFAULT (2000), `budget_level` real NULL, `budget_at` datetime NULL, `created_by_id` text NULL, `customer_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `api_tokens_users_created_by` FOREIGN KEY (`created_by_id`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `api_tokens_customers_api_tokens` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION);
-- Create index "api_tokens_token_hash_key" to table: "api_tokens"
CREATE UNIQUE INDEX `api_tokens_token_hash_key` ON `api_tokens` (`token_hash`);
-- Create index "apitoken_customer_id" to table: "api_tokens"
CREATE INDEX `apitoken_customer_id` ON `api_tokens` (`customer_id`);
-- Create index "apitoken_created_by_id" to table: "api_tokens"
CREATE INDEX `apitoken_created_by_id` ON `api_tokens` (`created_by_id`);
-- Create index "apitoken_last_eight" to table: "api_tokens"
CREATE INDEX `apitoken_last_eight` ON `api_tokens` (`last_eight`);
-- Create "account_changes" table
CREATE TABLE `account_changes` (`id` text NOT NULL, `kind` text NOT NULL, `subject_id` text NULL, `subject_name` text NULL, `survivor_contact_id` text NULL, `from_user_id` text NULL, `to_user_id` text NULL, `rating` text NULL, `rating_from` integer NULL, `rating_to` integer NULL, `tier_from` text NULL, `tier_to` text NULL, `chosen` json NULL, `moved` json NULL, `reason` text NULL, `at` datetime NOT NULL, `actor_id` text NULL, `customer_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `account_changes_users_actor` FOREIGN KEY (`actor_id`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `account_changes_customers_account_changes` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION);
-- Create index "accountchange_customer_id_at" to table: "account_changes"
CREATE INDEX `accountchange_customer_id_at` ON `account_changes` (`customer_id`, `at`);
-- Create index "accountchange_subject_id" to table: "account_changes"
CREATE INDEX `accountchange_subject_id` ON `account_changes` (`subject_id`);
-- Create index "accountchange_actor_id" to table: "account_changes"
CREATE INDEX `accountchange_actor_id` ON `account_changes` (`actor_id`);
-- Create "assistances" table
CREATE TABLE `assistances` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `kind` text NOT NULL, `description` text NOT NULL, `status` text NOT NULL DEFAULT ('OPEN'), `outcome` text NULL, `requested_at` datetime NOT NULL, `resolved_at` datetime NULL, `customer_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `assistances_customers_assistances` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION);
-- Create index "assistance_customer_id" to table: "assistances"
CREATE INDEX `assistance_customer_id` ON `assistances` (`customer_id`);
-- Create index "assistance_status" to table: "assistances"
CREATE INDEX `assistance_status` ON `assistances` (`status`);
-- Create "audit_events" table
CREATE TABLE `audit_events` (`id` text NOT NULL, `actor_label` text NULL, `action` text NOT NULL, `entity_type` text NOT NULL, `entity_id` text NOT NULL, `before` json NULL, `after` json NULL, `at` datetime NOT NULL, `actor_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `audit_events_users_actor` FOREIGN KEY (`actor_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- Create index "auditevent_entity_id_at" to table: "audit_events"
CREATE INDEX `auditevent_entity_id_at` ON `audit_events` (`entity_id`, `at`);
-- Create index "auditevent_actor_id_at" to table: "audit_events"
CREATE INDEX `auditevent_actor_id_at` ON `audit_events` (`actor_id`, `at`);
-- Create index "auditevent_at" to table: "audit_events"
CREATE INDEX `auditevent_at` ON `audit_events` (`at`);
-- Create "change_notices" table
CREATE TABLE `change_notices` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `kind` text NOT NULL, `title` text NOT NULL, `description` text NULL, `effective_at` datetime NOT NULL, `issued_at` datetime NULL, `status` text NOT NULL DEFAULT ('DRAFT'), `product_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `change_notices_products_change_notices` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE NO ACTION);
-- Create index "changenotice_product_id" to table: "change_notices"
CREATE INDEX `changenotice_product_id` ON `change_notices` (`product_id`);
-- Create index "changenotice_status_effective_at" to table: "change_notices"
CREATE INDEX `changenotice_status_effective_at` ON `change_notices` (`status`, `effective_at`);
-- Create "change_notice_acks" table
CREATE TABLE `change_notice_acks` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `notified_at` datetime NULL, `acknowledged_at` datetime NULL, `acknowledged_by` text NULL, `acknowledged_via` text NULL, `recorded_by_user_id` text NULL, `recorded_by_token_id` text NULL, `note` text NULL, `change_notice_id` text NOT NULL, `customer_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `change_notice_acks_change_notices_acks` FOREIGN KEY (`change_notice_id`) REFERENCES `change_notices` (`id`) ON DELETE NO ACTION, CONSTRAINT `change_notice_acks_customers_change_notice_acks` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION);
-- Create index "changenoticeack_change_notice_id_customer_id" to table: "change_notice_acks"
CREATE UNIQUE INDEX `changenoticeack_change_notice_id_customer_id` ON `change_notice_acks` (`change_notice_id`, `customer_id`);
-- Create index "changenoticeack_customer_id" to table: "change_notice_acks"
CREATE INDEX `changenoticeack_customer_id` ON `change_notice_acks` (`customer_id`);
-- Create "classification_settings" table
CREATE TABLE `classification_settings` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `slot` integer NOT NULL, `weight_scale` real NOT NULL, `weight_technical_level` real NOT NULL, `weight_credit` real NOT NULL, `weight_demand` real NOT NULL, `weight_ease_of_closing` real NOT NULL, `tier_a` real NOT NULL, `tier_b` real NOT NULL, `min_inputs` integer NOT NULL, `source` text NOT NULL DEFAULT ('ENVIRONMENT'), `changed_tier` integer NOT NULL DEFAULT (0), `updated_by_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `classification_settings_users_updated_by` FOREIGN KEY (`updated_by_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- Create index "classification_settings_slot_key" to table: "classification_settings"
CREATE UNIQUE INDEX `classification_settings_slot_key` ON `classification_settings` (`slot`);
-- Create "client_mutations" table
CREATE TABLE `client_mutations` (`id` text NOT NULL, `actor_key` text NOT NULL, `client_mutation_id` text NOT NULL, `node_id` text NOT NULL, `created_at` datetime NOT NULL, PRIMARY KEY (`id`));
-- Create index "clientmutation_actor_key_client_mutation_id" to table: "client_mutations"
CREATE UNIQUE INDEX `clientmutation_actor_key_client_mutation_id` ON `client_mutations` (`actor_key`, `client_mutation_id`);
-- Create "competitors" table
CREATE TABLE `competitors` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `name` text NOT NULL, `product` text NULL, `price_position` text NOT NULL DEFAULT ('UNKNOWN'), `share_percent` real NULL, `notes` text NULL, `customer_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `competitors_customers_competitors` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION);
-- Create index "competitor_customer_id" to table: "competitors"
CREATE INDEX `competitor_customer_id` ON `competitors` (`customer_id`);
-- Create "contacts" table
CREATE TABLE `contacts` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `name` text NOT NULL, `title` text NULL, `department` text NOT NULL DEFAULT ('OTHER'), `phone` text NULL, `mobile` text NULL, `email` text NULL, `wechat` text NULL, `notes` text NULL, `archived` bool NOT NULL DEFAULT (false), `merged_into_id` text NULL, `customer_id` text NOT NULL, `person_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `contacts_customers_contacts` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `contacts_persons_contacts` FOREIGN KEY (`person_id`) REFERENCES `persons` (`id`) ON DELETE SET NULL);
-- Create index "contact_customer_id" to table: "contacts"
CREATE INDEX `contact_customer_id` ON `contacts` (`customer_id`);
-- Create index "contact_department" to table: "contacts"
CREATE INDEX `contact_department` ON `contacts` (`department`);
-- Create index "contact_person_id" to table: "contacts"
CREATE INDEX `contact_person_id` ON `contacts` (`person_id`);
-- Create "customers" table
CREATE TABLE `customers` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `name` text NOT NULL, `name_en` text NULL, `short_name` text NULL, `normalized_name` text NULL, `core_name` text NULL, `credit_code` text NULL, `website` text NULL, `industry` text NULL, `region` text NULL, `address` text NULL, `phone` text NULL, `stage` text NOT NULL DEFAULT ('PROSPECT'), `stage_changed_at` datetime NULL, `lead_source` text NOT NULL DEFAULT ('OTHER'), `lead_source_detail` text NULL, `scale` integer NULL, `technical_level` integer NULL, `credit` integer NULL, `demand` integer NULL, `ease_of_closing` integer NULL, `score` real NULL, `tier` text NULL, `industry_status` text NULL, `founder_history` text NULL, `shareholders` text NULL, `decision_mechanism` text NULL, `culture` text NULL, `people_status` text NULL, `business_status` text NULL, `technology_status` text NULL, `management_status` text NULL, `notes` text NULL, `evaluation_outcome` text NULL, `evaluation_note` text NULL, `evaluation_decided_at` datetime NULL, `evaluation_decision` text NULL, `archived` bool NOT NULL DEFAULT (false), `merged_into_id` text NULL, `referrer_contact_id` text NULL, `referrer_customer_id` text NULL, `team_id` text NULL, `owner_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `customers_contacts_referred_customers` FOREIGN KEY (`referrer_contact_id`) REFERENCES `contacts` (`id`) ON DELETE SET NULL, CONSTRAINT `customers_customers_referred_customers` FOREIGN KEY (`referrer_customer_id`) REFERENCES `customers` (`id`) ON DELETE SET NULL, CONSTRAINT `customers_teams_customers` FOREIGN KEY (`team_id`) REFERENCES `teams` (`id`) ON DELETE SET NULL, CONSTRAINT `customers_users_owned_customers` FOREIGN KEY (`owner_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- Create index "customer_owner_id" to table: "customers"
CREATE INDEX `customer_owner_id` ON `customers` (`owner_id`);
-- Create index "customer_team_id" to table: "customers"
CREATE INDEX `customer_team_id` ON `customers` (`team_id`);
-- Create index "customer_stage" to table: "customers"
CREATE INDEX `customer_stage` ON `customers` (`stage`);
-- Create index "customer_tier" to table: "customers"
CREATE INDEX `customer_tier` ON `customers` (`tier`);
-- Create index "customer_lead_source" to table: "customers"
CREATE INDEX `customer_lead_source` ON `customers` (`lead_source`);
-- Create index "customer_normalized_name" to table: "customers"
CREATE INDEX `customer_normalized_name` ON `customers` (`normalized_name`);
-- Create index "customer_core_name" to table: "customers"
CREATE INDEX `customer_core_name` ON `customers` (`core_name`);
-- Create index "customer_credit_code" to table: "customers"
CREATE INDEX `customer_credit_code` ON `customers` (`credit_code`);
-- Create index "customer_referrer_customer_id" to table: "customers"
CREATE INDEX `customer_referrer_customer_id` ON `customers` (`referrer_customer_id`);
-- Create index "customer_referrer_contact_id" to table: "customers"
CREATE INDEX `customer_referrer_contact_id` ON `customers` (`referrer_contact_id`);
-- Create index "customer_updated_at" to table: "customers"
CREATE INDEX `customer_updated_at` ON `customers` (`updated_at`);
-- Create index "customer_stage_changed_at" to table: "customers"
CREATE INDEX `customer_stage_changed_at` ON `customers` (`stage_changed_at`);
-- Create index "customer_merged_into_id" to table: "customers"
CREATE INDEX `customer_merged_into_id` ON `customers` (`merged_into_id`);
-- Create "documents" table
CREATE TABLE `documents` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `type` text NOT NULL, `title` text NOT NULL, `doc_version` text NOT NULL DEFAULT ('1'), `language` text NOT NULL DEFAULT ('zh'), `batch_no` text NULL, `file_name` text NULL, `content_type` text NULL, `size_bytes` integer NULL, `sha256` text NULL, `storage_key` text NULL, `valid_until` datetime NULL, `published_at` datetime NOT NULL, `customer_id` text NULL, `supersedes_id` text NULL, `product_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `documents_customers_documents` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE SET NULL, CONSTRAINT `documents_documents_superseded_by` FOREIGN KEY (`supersedes_id`) REFERENCES `documents` (`id`) ON DELETE SET NULL, CONSTRAINT `documents_products_documents` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE SET NULL);
-- Create index "document_product_id_type" to table: "documents"
CREATE INDEX `document_product_id_type` ON `documents` (`product_id`, `type`);
-- Create index "document_batch_no" to table: "documents"
CREATE INDEX `document_batch_no` ON `documents` (`batch_no`);
-- Create index "document_customer_id" to table: "documents"
CREATE INDEX `document_customer_id` ON `documents` (`customer_id`);
-- Create index "document_supersedes_id" to table: "documents"
CREATE INDEX `document_supersedes_id` ON `documents` (`supersedes_id`);
-- Create index "document_valid_until" to table: "documents"
CREATE INDEX `document_valid_until` ON `documents` (`valid_until`);
-- Create "exchange_rates" table
CREATE TABLE `exchange_rates` (`id` text NOT NULL, `from_currency` text NOT NULL, `to_currency` text NOT NULL, `rate` real NOT NULL, `valid_from` datetime NOT NULL, `source` text NULL, `created_at` datetime NOT NULL, `created_by_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `exchange_rates_users_created_by` FOREIGN KEY (`created_by_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- Create index "exchangerate_from_currency_to_currency_valid_from" to table: "exchange_rates"
CREATE INDEX `exchangerate_from_currency_to_currency_valid_from` ON `exchange_rates` (`from_currency`, `to_currency`, `valid_from`);
-- Create "import_jobs" table
CREATE TABLE `import_jobs` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `file_name` text NOT NULL, `sheet` text NULL, `encoding` text NULL, `state` text NOT NULL DEFAULT ('CHECKING'), `column_map` text NULL, `total_rows` integer NOT NULL DEFAULT (0), `done_rows` integer NOT NULL DEFAULT (0), `creates` integer NOT NULL DEFAULT (0), `updates` integer NOT NULL DEFAULT (0), `unchanged` integer NOT NULL DEFAULT (0), `duplicates` integer NOT NULL DEFAULT (0), `errors` integer NOT NULL DEFAULT (0), `error` text NULL, `error_code` text NULL, `owner_id` text NULL, `storage_key` text NULL, `results_key` text NULL, `finished_at` datetime NULL, `heartbeat_at` datetime NULL, PRIMARY KEY (`id`));
-- Create index "importjob_owner_id_created_at" to table: "import_jobs"
CREATE INDEX `importjob_owner_id_created_at` ON `import_jobs` (`owner_id`, `created_at`);
-- Create index "importjob_state" to table: "import_jobs"
CREATE INDEX `importjob_state` ON `import_jobs` (`state`);
-- Create "interactions" table
CREATE TABLE `interactions` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `kind` text NOT NULL, `phase` text NOT NULL DEFAULT ('PRE_SALE'), `occurred_at` datetime NOT NULL, `summary` text NULL, `preparation_materials` text NULL, `preparation_topics` json NULL, `promises` text NULL, `findings` text NULL, `next_step` text NULL, `next_step_due` datetime NULL, `private` bool NOT NULL DEFAULT (false), `customer_id` text NOT NULL, `author_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `interactions_customers_interactions` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `interactions_users_authored_interactions` FOREIGN KEY (`author_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- Create index "interaction_customer_id_occurred_at" to table: "interactions"
CREATE INDEX `interaction_customer_id_occurred_at` ON `interactions` (`customer_id`, `occurred_at`);
-- Create index "interaction_author_id" to table: "interactions"
CREATE INDEX `interaction_author_id` ON `interactions` (`author_id`);
-- Create index "interaction_occurred_at" to table: "interactions"
CREATE INDEX `interaction_occurred_at` ON `interactions` (`occurred_at`);
-- Create "issues" table
CREATE TABLE `issues` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `title` text NOT NULL, `description` text NULL, `category` text NOT NULL, `root_cause` text NOT NULL DEFAULT ('UNDETERMINED'), `severity` text NOT NULL DEFAULT ('MEDIUM'), `status` text NOT NULL DEFAULT ('OPEN'), `batch_no` text NULL, `reported_at` datetime NOT NULL, `onsite_response` text NULL, `joint_root_cause_work` text NULL, `disposition` text NULL, `loss_amount` real NULL, `resolution` text NULL, `responded_at` datetime NULL, `onsite_at` datetime NULL, `resolved_at` datetime NULL, `closed_at` datetime NULL, `customer_id` text NOT NULL, `reported_by_id` text NULL, `assignee_id` text NULL, `order_id` text NULL, `product_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `issues_customers_issues` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `issues_users_reported_by` FOREIGN KEY (`reported_by_id`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `issues_users_assignee` FOREIGN KEY (`assignee_id`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `issues_orders_issues` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE SET NULL, CONSTRAINT `issues_products_issues` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE SET NULL);
-- Create index "issue_customer_id" to table: "issues"
CREATE INDEX `issue_customer_id` ON `issues` (`customer_id`);
-- Create index "issue_order_id" to table: "issues"
CREATE INDEX `issue_order_id` ON `issues` (`order_id`);
-- Create index "issue_product_id" to table: "issues"
CREATE INDEX `issue_product_id` ON `issues` (`product_id`);
-- Create index "issue_reported_by_id" to table: "issues"
CREATE INDEX `issue_reported_by_id` ON `issues` (`reported_by_id`);
-- Create index "issue_assignee_id" to table: "issues"
CREATE INDEX `issue_assignee_id` ON `issues` (`assignee_id`);
-- Create index "issue_status" to table: "issues"
CREATE INDEX `issue_status` ON `issues` (`status`);
-- Create index "issue_category_root_cause" to table: "issues"
CREATE INDEX `issue_category_root_cause` ON `issues` (`category`, `root_cause`);
-- Create index "issue_reported_at" to table: "issues"
CREATE INDEX `issue_reported_at` ON `issues` (`reported_at`);
-- Create "issue_attachments" table
CREATE TABLE `issue_attachments` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `file_name` text NOT NULL, `content_type` text NOT NULL, `size_bytes` integer NOT NULL, `sha256` text NOT NULL, `storage_key` text NOT NULL, `caption` text NULL, `customer_id` text NOT NULL, `issue_id` text NOT NULL, `uploaded_by_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `issue_attachments_customers_issue_attachments` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `issue_attachments_issues_attachments` FOREIGN KEY (`issue_id`) REFERENCES `issues` (`id`) ON DELETE NO ACTION, CONSTRAINT `issue_attachments_users_uploaded_by` FOREIGN KEY (`uploaded_by_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- Create index "issueattachment_issue_id_created_at" to table: "issue_attachments"
CREATE INDEX `issueattachment_issue_id_created_at` ON `issue_attachments` (`issue_id`, `created_at`);
-- Create index "issueattachment_customer_id" to table: "issue_attachments"
CREATE INDEX `issueattachment_customer_id` ON `issue_attachments` (`customer_id`);
-- Create "issue_events" table
CREATE TABLE `issue_events` (`id` text NOT NULL, `kind` text NOT NULL, `deadline` text NOT NULL, `severity` text NOT NULL, `due_at` datetime NOT NULL, `at` datetime NOT NULL, `customer_id` text NOT NULL, `issue_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `issue_events_customers_issue_events` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `issue_events_issues_events` FOREIGN KEY (`issue_id`) REFERENCES `issues` (`id`) ON DELETE NO ACTION);
-- Create index "issueevent_issue_id_kind_deadline" to table: "issue_events"
CREATE UNIQUE INDEX `issueevent_issue_id_kind_deadline` ON `issue_events` (`issue_id`, `kind`, `deadline`);
-- Create index "issueevent_customer_id" to table: "issue_events"
CREATE INDEX `issueevent_customer_id` ON `issue_events` (`customer_id`);
-- Create index "issueevent_kind_at" to table: "issue_events"
CREATE INDEX `issueevent_kind_at` ON `issue_events` (`kind`, `at`);
-- Create "key_persons" table
CREATE TABLE `key_persons` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `decision_role` text NOT NULL, `scope` text NOT NULL DEFAULT ('BOTH'), `attitude` text NOT NULL DEFAULT ('NEUTRAL'), `professional_needs` text NULL, `personal_needs` text NULL, `private_notes` text NULL, `contact_interval_days` integer NOT NULL DEFAULT (30), `last_contacted_at` datetime NULL, `active_from` datetime NOT NULL, `active_to` datetime NULL, `ended_reason` text NULL, `contact_id` text NOT NULL, `customer_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `key_persons_contacts_key_persons` FOREIGN KEY (`contact_id`) REFERENCES `contacts` (`id`) ON DELETE NO ACTION, CONSTRAINT `key_persons_customers_key_persons` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION);
-- Create index "keyperson_customer_id" to table: "key_persons"
CREATE INDEX `keyperson_customer_id` ON `key_persons` (`customer_id`);
-- Create index "keyperson_contact_id" to table: "key_persons"
CREATE INDEX `keyperson_contact_id` ON `key_persons` (`contact_id`);
-- Create index "keyperson_last_contacted_at" to table: "key_persons"
CREATE INDEX `keyperson_last_contacted_at` ON `key_persons` (`last_contacted_at`);
-- Create "login_throttles" table
CREATE TABLE `login_throttles` (`id` text NOT NULL, `key` text NOT NULL, `failures` integer NOT NULL DEFAULT (0), `window_start` datetime NOT NULL, `blocked_until` datetime NULL, `strikes` integer NOT NULL DEFAULT (0), PRIMARY KEY (`id`));
-- Create index "login_throttles_key_key" to table: "login_throttles"
CREATE UNIQUE INDEX `login_throttles_key_key` ON `login_throttles` (`key`);
-- Create "market_infos" table
CREATE TABLE `market_infos` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `title` text NOT NULL, `kind` text NOT NULL, `body` text NULL, `source` text NULL, `confidential_origin` bool NOT NULL DEFAULT (false), `published_at` datetime NOT NULL, `author_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `market_infos_users_author` FOREIGN KEY (`author_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- Create index "marketinfo_kind" to table: "market_infos"
CREATE INDEX `marketinfo_kind` ON `market_infos` (`kind`);
-- Create index "marketinfo_published_at" to table: "market_infos"
CREATE INDEX `marketinfo_published_at` ON `market_infos` (`published_at`);
-- Create "market_info_shares" table
CREATE TABLE `market_info_shares` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `shared_at` datetime NOT NULL, `channel` text NULL, `note` text NULL, `names_acknowledged` bool NOT NULL DEFAULT (false), `named_customers` json NULL, `customer_id` text NOT NULL, `market_info_id` text NOT NULL, `contact_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `market_info_shares_customers_market_info_shares` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `market_info_shares_market_infos_shares` FOREIGN KEY (`market_info_id`) REFERENCES `market_infos` (`id`) ON DELETE NO ACTION, CONSTRAINT `market_info_shares_contacts_contact` FOREIGN KEY (`contact_id`) REFERENCES `contacts` (`id`) ON DELETE SET NULL);
-- Create index "marketinfoshare_market_info_id" to table: "market_info_shares"
CREATE INDEX `marketinfoshare_market_info_id` ON `market_info_shares` (`market_info_id`);
-- Create index "marketinfoshare_customer_id" to table: "market_info_shares"
CREATE INDEX `marketinfoshare_customer_id` ON `market_info_shares` (`customer_id`);
-- Create index "marketinfoshare_contact_id" to table: "market_info_shares"
CREATE INDEX `marketinfoshare_contact_id` ON `market_info_shares` (`contact_id`);
-- Create "needs" table
CREATE TABLE `needs` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `level` text NOT NULL, `company_aspect` text NULL, `product_grade` text NULL, `likely_problem` text NULL, `description` text NOT NULL, `status` text NOT NULL DEFAULT ('IDENTIFIED'), `source` text NOT NULL DEFAULT ('ANALYSIS'), `customer_id` text NOT NULL, `key_person_id` text NULL, `candidate_product_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `needs_customers_needs` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `needs_key_persons_needs` FOREIGN KEY (`key_person_id`) REFERENCES `key_persons` (`id`) ON DELETE SET NULL, CONSTRAINT `needs_products_needs` FOREIGN KEY (`candidate_product_id`) REFERENCES `products` (`id`) ON DELETE SET NULL);
-- Create index "need_customer_id" to table: "needs"
CREATE INDEX `need_customer_id` ON `needs` (`customer_id`);
-- Create index "need_key_person_id" to table: "needs"
CREATE INDEX `need_key_person_id` ON `needs` (`key_person_id`);
-- Create index "need_candidate_product_id" to table: "needs"
CREATE INDEX `need_candidate_product_id` ON `needs` (`candidate_product_id`);
-- Create index "need_status" to table: "needs"
CREATE INDEX `need_status` ON `needs` (`status`);
-- Create "orders" table
CREATE TABLE `orders` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `number` text NOT NULL, `is_evaluation` bool NULL, `status` text NOT NULL DEFAULT ('OPEN'), `ordered_at` datetime NOT NULL, `delivery_date` datetime NULL, `contract_no` text NULL, `currency` text NOT NULL DEFAULT ('CNY'), `notes` text NULL, `confirmed_at` datetime NULL, `contract_signed_at` datetime NULL, `labelling_checked_at` datetime NULL, `production_date_checked_at` datetime NULL, `batch_checked_at` datetime NULL, `packaging_checked_at` datetime NULL, `shipped_at` datetime NULL, `delivered_at` datetime NULL, `invoiced_at` datetime NULL, `paid_at` datetime NULL, `closed_at` datetime NULL, `cancelled_at` datetime NULL, `cancel_reason` text NULL, `customer_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `orders_customers_orders` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION);
-- Create index "orders_number_key" to table: "orders"
CREATE UNIQUE INDEX `orders_number_key` ON `orders` (`number`);
-- Create index "order_customer_id_ordered_at" to table: "orders"
CREATE INDEX `order_customer_id_ordered_at` ON `orders` (`customer_id`, `ordered_at`);
-- Create index "order_status" to table: "orders"
CREATE INDEX `order_status` ON `orders` (`status`);
-- Create index "order_ordered_at" to table: "orders"
CREATE INDEX `order_ordered_at` ON `orders` (`ordered_at`);
-- Create index "order_delivery_date" to table: "orders"
CREATE INDEX `order_delivery_date` ON `orders` (`delivery_date`);
-- Create "order_events" table
CREATE TABLE `order_events` (`id` text NOT NULL, `step` text NOT NULL, `note` text NULL, `at` datetime NOT NULL, `customer_id` text NOT NULL, `order_id` text NOT NULL, `actor_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `order_events_customers_order_events` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `order_events_orders_events` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE NO ACTION, CONSTRAINT `order_events_users_actor` FOREIGN KEY (`actor_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- Create index "orderevent_order_id_at" to table: "order_events"
CREATE INDEX `orderevent_order_id_at` ON `order_events` (`order_id`, `at`);
-- Create index "orderevent_customer_id" to table: "order_events"
CREATE INDEX `orderevent_customer_id` ON `order_events` (`customer_id`);
-- Create index "orderevent_actor_id" to table: "order_events"
CREATE INDEX `orderevent_actor_id` ON `order_events` (`actor_id`);
-- Create "order_lines" table
CREATE TABLE `order_lines` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `quantity` real NOT NULL, `unit` text NOT NULL DEFAULT ('kg'), `unit_price` real NULL, `batch_no` text NULL, `production_date` datetime NULL, `batch_age_acknowledged_at` datetime NULL, `batch_age_acknowledgement` text NULL, `customer_id` text NOT NULL, `order_id` text NOT NULL, `batch_age_acknowledged_by_id` text NULL, `product_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `order_lines_customers_order_lines` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `order_lines_orders_lines` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE NO ACTION, CONSTRAINT `order_lines_users_batch_age_acknowledged_by` FOREIGN KEY (`batch_age_acknowledged_by_id`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `order_lines_products_order_lines` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE NO ACTION);
-- Create index "orderline_order_id" to table: "order_lines"
CREATE INDEX `orderline_order_id` ON `order_lines` (`order_id`);
-- Create index "orderline_customer_id" to table: "order_lines"
CREATE INDEX `orderline_customer_id` ON `order_lines` (`customer_id`);
-- Create index "orderline_product_id" to table: "order_lines"
CREATE INDEX `orderline_product_id` ON `order_lines` (`product_id`);
-- Create index "orderline_batch_no" to table: "order_lines"
CREATE INDEX `orderline_batch_no` ON `order_lines` (`batch_no`);
-- Create "persons" table
CREATE TABLE `persons` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `key` text NOT NULL, `champion_accounts` integer NOT NULL DEFAULT (0), `accounts` integer NOT NULL DEFAULT (0), PRIMARY KEY (`id`));
-- Create index "persons_key_key" to table: "persons"
CREATE UNIQUE INDEX `persons_key_key` ON `persons` (`key`);
-- Create index "person_champion_accounts" to table: "persons"
CREATE INDEX `person_champion_accounts` ON `persons` (`champion_accounts`);
-- Create index "person_accounts" to table: "persons"
CREATE INDEX `person_accounts` ON `persons` (`accounts`);
-- Create "pitches" table
CREATE TABLE `pitches` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `entry_point` text NOT NULL, `advantages` json NULL, `detail` text NULL, `active` bool NOT NULL DEFAULT (true), `customer_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `pitches_customers_pitches` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION);
-- Create index "pitch_customer_id" to table: "pitches"
CREATE INDEX `pitch_customer_id` ON `pitches` (`customer_id`);
-- Create "price_points" table
CREATE TABLE `price_points` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `kind` text NOT NULL DEFAULT ('LIST'), `price` real NOT NULL, `currency` text NOT NULL DEFAULT ('CNY'), `observed_at` datetime NOT NULL, `source` text NULL, `product_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `price_points_products_price_points` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE NO ACTION);
-- Create index "pricepoint_product_id_observed_at" to table: "price_points"
CREATE INDEX `pricepoint_product_id_observed_at` ON `price_points` (`product_id`, `observed_at`);
-- Create "products" table
CREATE TABLE `products` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `code` text NOT NULL, `name` text NOT NULL, `grade` text NOT NULL DEFAULT ('MID'), `category` text NULL, `description` text NULL, `unit` text NOT NULL DEFAULT ('kg'), `active` bool NOT NULL DEFAULT (true), `max_batch_age_months` integer NOT NULL DEFAULT (12), PRIMARY KEY (`id`));
-- Create index "products_code_key" to table: "products"
CREATE UNIQUE INDEX `products_code_key` ON `products` (`code`);
-- Create index "product_name" to table: "products"
CREATE INDEX `product_name` ON `products` (`name`);
-- Create "refresh_tokens" table
CREATE TABLE `refresh_tokens` (`id` text NOT NULL, `token_hash` text NOT NULL, `family` text NOT NULL, `created_at` datetime NOT NULL, `expires_at` datetime NOT NULL, `used_at` datetime NULL, `revoked_at` datetime NULL, `client_addr` text NULL, `user_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `refresh_tokens_users_refresh_tokens` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE NO ACTION);
-- Create index "refresh_tokens_token_hash_key" to table: "refresh_tokens"
CREATE UNIQUE INDEX `refresh_tokens_token_hash_key` ON `refresh_tokens` (`token_hash`);
-- Create index "refreshtoken_user_id" to table: "refresh_tokens"
CREATE INDEX `refreshtoken_user_id` ON `refresh_tokens` (`user_id`);
-- Create index "refreshtoken_family" to table: "refresh_tokens"
CREATE INDEX `refreshtoken_family` ON `refresh_tokens` (`family`);
-- Create "samples" table
CREATE TABLE `samples` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `quantity` real NOT NULL, `unit` text NOT NULL DEFAULT ('kg'), `status` text NOT NULL DEFAULT ('REQUESTED'), `status_reason` text NULL, `purpose` text NULL, `requested_at` datetime NOT NULL, `shipped_at` datetime NULL, `received_at` datetime NULL, `tracking_no` text NULL, `doc_manual` bool NOT NULL DEFAULT (false), `doc_msds` bool NOT NULL DEFAULT (false), `doc_label` bool NOT NULL DEFAULT (false), `doc_precautions` bool NOT NULL DEFAULT (false), `customer_id` text NOT NULL, `order_id` text NULL, `product_id` text NOT NULL, `requested_by_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `samples_customers_samples` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `samples_orders_converted_samples` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE SET NULL, CONSTRAINT `samples_products_samples` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE NO ACTION, CONSTRAINT `samples_users_requested_by` FOREIGN KEY (`requested_by_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- Create index "sample_customer_id" to table: "samples"
CREATE INDEX `sample_customer_id` ON `samples` (`customer_id`);
-- Create index "sample_product_id" to table: "samples"
CREATE INDEX `sample_product_id` ON `samples` (`product_id`);
-- Create index "sample_status" to table: "samples"
CREATE INDEX `sample_status` ON `samples` (`status`);
-- Create index "sample_order_id" to table: "samples"
CREATE INDEX `sample_order_id` ON `samples` (`order_id`);
-- Create index "sample_requested_by_id" to table: "samples"
CREATE INDEX `sample_requested_by_id` ON `samples` (`requested_by_id`);
-- Create index "sample_requested_at" to table: "samples"
CREATE INDEX `sample_requested_at` ON `samples` (`requested_at`);
-- Create "sample_events" table
CREATE TABLE `sample_events` (`id` text NOT NULL, `from_status` text NOT NULL, `to_status` text NOT NULL, `note` text NULL, `at` datetime NOT NULL, `customer_id` text NOT NULL, `sample_id` text NOT NULL, `actor_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `sample_events_customers_sample_events` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `sample_events_samples_events` FOREIGN KEY (`sample_id`) REFERENCES `samples` (`id`) ON DELETE NO ACTION, CONSTRAINT `sample_events_users_actor` FOREIGN KEY (`actor_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- Create index "sampleevent_sample_id_at" to table: "sample_events"
CREATE INDEX `sampleevent_sample_id_at` ON `sample_events` (`sample_id`, `at`);
-- Create index "sampleevent_customer_id" to table: "sample_events"
CREATE INDEX `sampleevent_customer_id` ON `sample_events` (`customer_id`);
-- Create index "sampleevent_actor_id" to table: "sample_events"
CREATE INDEX `sampleevent_actor_id` ON `sample_events` (`actor_id`);
-- Create index "sampleevent_to_status_at" to table: "sample_events"
CREATE INDEX `sampleevent_to_status_at` ON `sample_events` (`to_status`, `at`);
-- Create "saved_queries" table
CREATE TABLE `saved_queries` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `name` text NOT NULL, `query` text NOT NULL, `variables` text NULL, `description` text NULL, `owner_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `saved_queries_users_owner` FOREIGN KEY (`owner_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- Create index "savedquery_owner_id_name" to table: "saved_queries"
CREATE INDEX `savedquery_owner_id_name` ON `saved_queries` (`owner_id`, `name`);
-- Create "server_states" table
CREATE TABLE `server_states` (`id` text NOT NULL, `name` text NOT NULL, `value` text NULL, `updated_at` datetime NOT NULL, PRIMARY KEY (`id`));
-- Create index "server_states_name_key" to table: "server_states"
CREATE UNIQUE INDEX `server_states_name_key` ON `server_states` (`name`);
-- Create "service_documents" table
CREATE TABLE `service_documents` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `type` text NOT NULL, `since` datetime NOT NULL, `until` datetime NULL, `note` text NULL, `customer_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `service_documents_customers_service_documents` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION);
-- Create index "servicedocument_customer_id_type" to table: "service_documents"
CREATE INDEX `servicedocument_customer_id_type` ON `service_documents` (`customer_id`, `type`);
-- Create "shipments" table
CREATE TABLE `shipments` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `carrier` text NULL, `tracking_no` text NULL, `status` text NOT NULL DEFAULT ('PREPARING'), `shipped_at` datetime NULL, `eta` datetime NULL, `delivered_at` datetime NULL, `delivery_note_signed` bool NOT NULL DEFAULT (false), `signed_by` text NULL, `customer_id` text NOT NULL, `order_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `shipments_customers_shipments` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `shipments_orders_shipments` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE NO ACTION);
-- Create index "shipment_order_id" to table: "shipments"
CREATE INDEX `shipment_order_id` ON `shipments` (`order_id`);
-- Create index "shipment_customer_id" to table: "shipments"
CREATE INDEX `shipment_customer_id` ON `shipments` (`customer_id`);
-- Create index "shipment_status" to table: "shipments"
CREATE INDEX `shipment_status` ON `shipments` (`status`);
-- Create "signing_keys" table
CREATE TABLE `signing_keys` (`id` text NOT NULL, `purpose` text NOT NULL, `kid` text NOT NULL, `secret` text NOT NULL, `created_at` datetime NOT NULL, `retired_at` datetime NULL, PRIMARY KEY (`id`));
-- Create index "signing_keys_kid_key" to table: "signing_keys"
CREATE UNIQUE INDEX `signing_keys_kid_key` ON `signing_keys` (`kid`);
-- Create "stage_changes" table
CREATE TABLE `stage_changes` (`id` text NOT NULL, `from_stage` text NULL, `to_stage` text NOT NULL, `reason` text NULL, `evidence` text NULL, `changed_at` datetime NOT NULL, `customer_id` text NOT NULL, `changed_by_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `stage_changes_customers_stage_changes` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `stage_changes_users_changed_by` FOREIGN KEY (`changed_by_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- Create index "stagechange_customer_id_changed_at" to table: "stage_changes"
CREATE INDEX `stagechange_customer_id_changed_at` ON `stage_changes` (`customer_id`, `changed_at`);
-- Create index "stagechange_changed_by_id" to table: "stage_changes"
CREATE INDEX `stagechange_changed_by_id` ON `stage_changes` (`changed_by_id`);
-- Create index "stagechange_to_stage_changed_at" to table: "stage_changes"
CREATE INDEX `stagechange_to_stage_changed_at` ON `stage_changes` (`to_stage`, `changed_at`);
-- Create "tasks" table
CREATE TABLE `tasks` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `title` text NOT NULL, `description` text NULL, `due_at` datetime NULL, `status` text NOT NULL DEFAULT ('OPEN'), `done_at` datetime NULL, `customer_id` text NULL, `interaction_id` text NULL, `assignee_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `tasks_customers_tasks` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE SET NULL, CONSTRAINT `tasks_interactions_tasks` FOREIGN KEY (`interaction_id`) REFERENCES `interactions` (`id`) ON DELETE SET NULL, CONSTRAINT `tasks_users_tasks` FOREIGN KEY (`assignee_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- Create index "task_customer_id" to table: "tasks"
CREATE INDEX `task_customer_id` ON `tasks` (`customer_id`);
-- Create index "task_assignee_id_status_due_at" to table: "tasks"
CREATE INDEX `task_assignee_id_status_due_at` ON `tasks` (`assignee_id`, `status`, `due_at`);
-- Create index "task_interaction_id" to table: "tasks"
CREATE INDEX `task_interaction_id` ON `tasks` (`interaction_id`);
-- Create index "task_due_at" to table: "tasks"
CREATE INDEX `task_due_at` ON `tasks` (`due_at`);
-- Create "teams" table
CREATE TABLE `teams` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `name` text NOT NULL, `description` text NULL, PRIMARY KEY (`id`));
-- Create index "teams_name_key" to table: "teams"
CREATE UNIQUE INDEX `teams_name_key` ON `teams` (`name`);
-- Create "tracking_events" table
CREATE TABLE `tracking_events` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `at` datetime NOT NULL, `location` text NULL, `description` text NOT NULL, `customer_id` text NOT NULL, `shipment_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `tracking_events_customers_tracking_events` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `tracking_events_shipments_events` FOREIGN KEY (`shipment_id`) REFERENCES `shipments` (`id`) ON DELETE NO ACTION);
-- Create index "trackingevent_shipment_id_at" to table: "tracking_events"
CREATE INDEX `trackingevent_shipment_id_at` ON `tracking_events` (`shipment_id`, `at`);
-- Create index "trackingevent_customer_id" to table: "tracking_events"
CREATE INDEX `trackingevent_customer_id` ON `tracking_events` (`customer_id`);
-- Create "trials" table
CREATE TABLE `trials` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `kind` text NOT NULL, `application` text NULL, `industry` text NULL, `size_spec` text NULL, `colour` text NULL, `environmental` text NULL, `key_properties` text NULL, `test_standard` text NULL, `cycle` text NULL, `customer_tech_level` integer NULL, `equipment` text NULL, `test_equipment` text NULL, `results` text NULL, `outcome` text NOT NULL DEFAULT ('PENDING'), `started_at` datetime NULL, `finished_at` datetime NULL, `customer_id` text NOT NULL, `sample_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `trials_customers_trials` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `trials_samples_trials` FOREIGN KEY (`sample_id`) REFERENCES `samples` (`id`) ON DELETE NO ACTION);
-- Create index "trial_sample_id" to table: "trials"
CREATE INDEX `trial_sample_id` ON `trials` (`sample_id`);
-- Create index "trial_customer_id" to table: "trials"
CREATE INDEX `trial_customer_id` ON `trials` (`customer_id`);
-- Create index "trial_outcome" to table: "trials"
CREATE INDEX `trial_outcome` ON `trials` (`outcome`);
-- Create "users" table
CREATE TABLE `users` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `email` text NOT NULL, `name` text NOT NULL, `role` text NOT NULL DEFAULT ('REP'), `function` text NOT NULL DEFAULT ('SALES'), `phone` text NULL, `locale` text NOT NULL DEFAULT ('zh'), `active` bool NOT NULL DEFAULT (true), `password_hash` text NULL, `must_change_password` bool NOT NULL DEFAULT (false), `partner_customer_id` text NULL, `team_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `users_customers_partner_users` FOREIGN KEY (`partner_customer_id`) REFERENCES `customers` (`id`) ON DELETE SET NULL, CONSTRAINT `users_teams_members` FOREIGN KEY (`team_id`) REFERENCES `teams` (`id`) ON DELETE SET NULL);
-- Create index "users_email_key" to table: "users"
CREATE UNIQUE INDEX `users_email_key` ON `users` (`email`);
-- Create index "user_team_id" to table: "users"
CREATE INDEX `user_team_id` ON `users` (`team_id`);
-- Create index "user_partner_customer_id" to table: "users"
CREATE INDEX `user_partner_customer_id` ON `users` (`partner_customer_id`);
-- Create index "user_role" to table: "users"
CREATE INDEX `user_role` ON `users` (`role`);
-- Create "webhook_deliveries" table
CREATE TABLE `webhook_deliveries` (`id` text NOT NULL, `event_id` text NOT NULL, `event_type` text NOT NULL, `payload` text NOT NULL, `status` text NOT NULL DEFAULT ('PENDING'), `attempts` integer NOT NULL DEFAULT (0), `created_at` datetime NOT NULL, `next_attempt_at` datetime NOT NULL, `locked_until` datetime NULL, `claim_token` text NULL, `delivered_at` datetime NULL, `last_status_code` integer NULL, `last_error` text NULL, `customer_id` text NOT NULL, `endpoint_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `webhook_deliveries_customers_webhook_deliveries` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `webhook_deliveries_webhook_endpoints_deliveries` FOREIGN KEY (`endpoint_id`) REFERENCES `webhook_endpoints` (`id`) ON DELETE NO ACTION);
-- Create index "webhookdelivery_status_next_attempt_at" to table: "webhook_deliveries"
CREATE INDEX `webhookdelivery_status_next_attempt_at` ON `webhook_deliveries` (`status`, `next_attempt_at`);
-- Create index "webhookdelivery_endpoint_id_created_at" to table: "webhook_deliveries"
CREATE INDEX `webhookdelivery_endpoint_id_created_at` ON `webhook_deliveries` (`endpoint_id`, `created_at`);
-- Create index "webhookdelivery_customer_id" to table: "webhook_deliveries"
CREATE INDEX `webhookdelivery_customer_id` ON `webhook_deliveries` (`customer_id`);
-- Create index "webhookdelivery_event_id" to table: "webhook_deliveries"
CREATE INDEX `webhookdelivery_event_id` ON `webhook_deliveries` (`event_id`);
-- Create "webhook_endpoints" table
CREATE TABLE `webhook_endpoints` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `url` text NOT NULL, `events` json NOT NULL, `secret` text NOT NULL, `active` bool NOT NULL DEFAULT (true), `customer_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `webhook_endpoints_customers_webhook_endpoints` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION);
-- Create index "webhookendpoint_customer_id" to table: "webhook_endpoints"
CREATE INDEX `webhookendpoint_customer_id` ON `webhook_endpoints` (`customer_id`);
-- Create "interaction_our_participants" table
CREATE TABLE `interaction_our_participants` (`interaction_id` text NOT NULL, `user_id` text NOT NULL, PRIMARY KEY (`interaction_id`, `user_id`), CONSTRAINT `interaction_our_participants_interaction_id` FOREIGN KEY (`interaction_id`) REFERENCES `interactions` (`id`) ON DELETE CASCADE, CONSTRAINT `interaction_our_participants_user_id` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE);
-- Create "interaction_their_participants" table
CREATE TABLE `interaction_their_participants` (`interaction_id` text NOT NULL, `contact_id` text NOT NULL, PRIMARY KEY (`interaction_id`, `contact_id`), CONSTRAINT `interaction_their_participants_interaction_id` FOREIGN KEY (`interaction_id`) REFERENCES `interactions` (`id`) ON DELETE CASCADE, CONSTRAINT `interaction_their_participants_contact_id` FOREIGN KEY (`contact_id`) REFERENCES `contacts` (`id`) ON DELETE CASCADE);

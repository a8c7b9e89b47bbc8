-- tandem:destructive-ok SQLite adds the new columns by rebuilding customers and orders: every row is copied into the new table first
-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "new_customers" table
CREATE TABLE `new_customers` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `name` text NOT NULL, `name_en` text NULL, `short_name` text NULL, `normalized_name` text NULL, `core_name` text NULL, `search_key` text NULL, `latitude` real NULL, `longitude` real NULL, `located_at` datetime NULL, `credit_code` text NULL, `website` text NULL, `industry` text NULL, `region` text NULL, `address` text NULL, `phone` text NULL, `stage` text NOT NULL DEFAULT ('PROSPECT'), `stage_changed_at` datetime NULL, `lead_source` text NOT NULL DEFAULT ('OTHER'), `lead_source_detail` text NULL, `scale` integer NULL, `technical_level` integer NULL, `credit` integer NULL, `demand` integer NULL, `ease_of_closing` integer NULL, `score` real NULL, `tier` text NULL, `industry_status` text NULL, `payment_days` integer NULL, `credit_limit` real NULL, `credit_currency` text NOT NULL DEFAULT ('CNY'), `founder_history` text NULL, `shareholders` text NULL, `decision_mechanism` text NULL, `culture` text NULL, `people_status` text NULL, `business_status` text NULL, `technology_status` text NULL, `management_status` text NULL, `notes` text NULL, `evaluation_outcome` text NULL, `evaluation_note` text NULL, `evaluation_decided_at` datetime NULL, `evaluation_decision` text NULL, `archived` bool NOT NULL DEFAULT (false), `merged_into_id` text NULL, `referrer_contact_id` text NULL, `referrer_customer_id` text NULL, `team_id` text NULL, `owner_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `customers_contacts_referred_customers` FOREIGN KEY (`referrer_contact_id`) REFERENCES `contacts` (`id`) ON DELETE SET NULL, CONSTRAINT `customers_customers_referred_customers` FOREIGN KEY (`referrer_customer_id`) REFERENCES `customers` (`id`) ON DELETE SET NULL, CONSTRAINT `customers_teams_customers` FOREIGN KEY (`team_id`) REFERENCES `teams` (`id`) ON DELETE SET NULL, CONSTRAINT `customers_users_owned_customers` FOREIGN KEY (`owner_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- Copy rows from old table "customers" to new temporary table "new_customers"
INSERT INTO `new_customers` (`id`, `created_at`, `updated_at`, `version`, `name`, `name_en`, `short_name`, `normalized_name`, `core_name`, `search_key`, `latitude`, `longitude`, `located_at`, `credit_code`, `website`, `industry`, `region`, `address`, `phone`, `stage`, `stage_changed_at`, `lead_source`, `lead_source_detail`, `scale`, `technical_level`, `credit`, `demand`, `ease_of_closing`, `score`, `tier`, `industry_status`, `founder_history`, `shareholders`, `decision_mechanism`, `culture`, `people_status`, `business_status`, `technology_status`, `management_status`, `notes`, `evaluation_outcome`, `evaluation_note`, `evaluation_decided_at`, `evaluation_decision`, `archived`, `merged_into_id`, `referrer_contact_id`, `referrer_customer_id`, `team_id`, `owner_id`) SELECT `id`, `created_at`, `updated_at`, `version`, `name`, `name_en`, `short_name`, `normalized_name`, `core_name`, `search_key`, `latitude`, `longitude`, `located_at`, `credit_code`, `website`, `industry`, `region`, `address`, `phone`, `stage`, `stage_changed_at`, `lead_source`, `lead_source_detail`, `scale`, `technical_level`, `credit`, `demand`, `ease_of_closing`, `score`, `tier`, `industry_status`, `founder_history`, `shareholders`, `decision_mechanism`, `culture`, `people_status`, `business_status`, `technology_status`, `management_status`, `notes`, `evaluation_outcome`, `evaluation_note`, `evaluation_decided_at`, `evaluation_decision`, `archived`, `merged_into_id`, `referrer_contact_id`, `referrer_customer_id`, `team_id`, `owner_id` FROM `customers`;
-- Drop "customers" table after copying rows
DROP TABLE `customers`;
-- Rename temporary table "new_customers" to "customers"
ALTER TABLE `new_customers` RENAME TO `customers`;
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
-- Create index "customer_name" to table: "customers"
CREATE INDEX `customer_name` ON `customers` (`name`);
-- Create "new_orders" table
CREATE TABLE `new_orders` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `number` text NOT NULL, `is_evaluation` bool NULL, `status` text NOT NULL DEFAULT ('OPEN'), `ordered_at` datetime NOT NULL, `delivery_date` datetime NULL, `contract_no` text NULL, `currency` text NOT NULL DEFAULT ('CNY'), `payment_days` integer NULL, `payment_due_at` datetime NULL, `notes` text NULL, `confirmed_at` datetime NULL, `contract_signed_at` datetime NULL, `labelling_checked_at` datetime NULL, `production_date_checked_at` datetime NULL, `batch_checked_at` datetime NULL, `packaging_checked_at` datetime NULL, `shipped_at` datetime NULL, `delivered_at` datetime NULL, `invoiced_at` datetime NULL, `paid_at` datetime NULL, `closed_at` datetime NULL, `cancelled_at` datetime NULL, `cancel_reason` text NULL, `customer_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `orders_customers_orders` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION);
-- Copy rows from old table "orders" to new temporary table "new_orders"
INSERT INTO `new_orders` (`id`, `created_at`, `updated_at`, `version`, `number`, `is_evaluation`, `status`, `ordered_at`, `delivery_date`, `contract_no`, `currency`, `notes`, `confirmed_at`, `contract_signed_at`, `labelling_checked_at`, `production_date_checked_at`, `batch_checked_at`, `packaging_checked_at`, `shipped_at`, `delivered_at`, `invoiced_at`, `paid_at`, `closed_at`, `cancelled_at`, `cancel_reason`, `customer_id`) SELECT `id`, `created_at`, `updated_at`, `version`, `number`, `is_evaluation`, `status`, `ordered_at`, `delivery_date`, `contract_no`, `currency`, `notes`, `confirmed_at`, `contract_signed_at`, `labelling_checked_at`, `production_date_checked_at`, `batch_checked_at`, `packaging_checked_at`, `shipped_at`, `delivered_at`, `invoiced_at`, `paid_at`, `closed_at`, `cancelled_at`, `cancel_reason`, `customer_id` FROM `orders`;
-- Drop "orders" table after copying rows
DROP TABLE `orders`;
-- Rename temporary table "new_orders" to "orders"
ALTER TABLE `new_orders` RENAME TO `orders`;
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
-- Create index "order_payment_due_at" to table: "orders"
CREATE INDEX `order_payment_due_at` ON `orders` (`payment_due_at`);
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;

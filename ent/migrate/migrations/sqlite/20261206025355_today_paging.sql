-- tandem:destructive-ok SQLite adds contact_due_at by rebuilding key_persons: every row is copied into the new table first
-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "new_key_persons" table
CREATE TABLE `new_key_persons` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `decision_role` text NOT NULL, `scope` text NOT NULL DEFAULT ('BOTH'), `attitude` text NOT NULL DEFAULT ('NEUTRAL'), `professional_needs` text NULL, `personal_needs` text NULL, `private_notes` text NULL, `contact_interval_days` integer NOT NULL DEFAULT (30), `last_contacted_at` datetime NULL, `active_from` datetime NOT NULL, `contact_due_at` datetime NULL, `active_to` datetime NULL, `ended_reason` text NULL, `contact_id` text NOT NULL, `customer_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `key_persons_contacts_key_persons` FOREIGN KEY (`contact_id`) REFERENCES `contacts` (`id`) ON DELETE NO ACTION, CONSTRAINT `key_persons_customers_key_persons` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION);
-- Copy rows from old table "key_persons" to new temporary table "new_key_persons"
INSERT INTO `new_key_persons` (`id`, `created_at`, `updated_at`, `version`, `decision_role`, `scope`, `attitude`, `professional_needs`, `personal_needs`, `private_notes`, `contact_interval_days`, `last_contacted_at`, `active_from`, `active_to`, `ended_reason`, `contact_id`, `customer_id`) SELECT `id`, `created_at`, `updated_at`, `version`, `decision_role`, `scope`, `attitude`, `professional_needs`, `personal_needs`, `private_notes`, `contact_interval_days`, `last_contacted_at`, `active_from`, `active_to`, `ended_reason`, `contact_id`, `customer_id` FROM `key_persons`;
-- Drop "key_persons" table after copying rows
DROP TABLE `key_persons`;
-- Rename temporary table "new_key_persons" to "key_persons"
ALTER TABLE `new_key_persons` RENAME TO `key_persons`;
-- Create index "keyperson_customer_id" to table: "key_persons"
CREATE INDEX `keyperson_customer_id` ON `key_persons` (`customer_id`);
-- Create index "keyperson_contact_id" to table: "key_persons"
CREATE INDEX `keyperson_contact_id` ON `key_persons` (`contact_id`);
-- Create index "keyperson_last_contacted_at" to table: "key_persons"
CREATE INDEX `keyperson_last_contacted_at` ON `key_persons` (`last_contacted_at`);
-- Create index "keyperson_contact_due_at" to table: "key_persons"
CREATE INDEX `keyperson_contact_due_at` ON `key_persons` (`contact_due_at`);
-- Create index "sample_shipped_at" to table: "samples"
CREATE INDEX `sample_shipped_at` ON `samples` (`shipped_at`);
-- Create index "sample_received_at" to table: "samples"
CREATE INDEX `sample_received_at` ON `samples` (`received_at`);
-- Create index "customer_industry_status" to table: "customers"
CREATE INDEX `customer_industry_status` ON `customers` (`industry_status`);
-- Create index "order_created_at" to table: "orders"
CREATE INDEX `order_created_at` ON `orders` (`created_at`);
-- Create index "order_open_delivery_date" to table: "orders"
CREATE INDEX `order_open_delivery_date` ON `orders` (`delivery_date`) WHERE delivered_at IS NULL;
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;

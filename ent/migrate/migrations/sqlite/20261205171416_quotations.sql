-- tandem:destructive-ok SQLite adds the agreement's foreign key by rebuilding order_lines: every row is copied into the new table first
-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "new_order_lines" table
CREATE TABLE `new_order_lines` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `quantity` real NOT NULL, `unit` text NOT NULL DEFAULT ('kg'), `unit_price` real NULL, `batch_no` text NULL, `price_note` text NULL, `production_date` datetime NULL, `batch_age_acknowledged_at` datetime NULL, `batch_age_acknowledgement` text NULL, `customer_id` text NOT NULL, `order_id` text NOT NULL, `batch_age_acknowledged_by_id` text NULL, `product_id` text NOT NULL, `agreement_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `order_lines_customers_order_lines` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `order_lines_orders_lines` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE NO ACTION, CONSTRAINT `order_lines_users_batch_age_acknowledged_by` FOREIGN KEY (`batch_age_acknowledged_by_id`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `order_lines_products_order_lines` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE NO ACTION, CONSTRAINT `order_lines_quotations_order_lines` FOREIGN KEY (`agreement_id`) REFERENCES `quotations` (`id`) ON DELETE SET NULL);
-- Copy rows from old table "order_lines" to new temporary table "new_order_lines"
INSERT INTO `new_order_lines` (`id`, `created_at`, `updated_at`, `version`, `quantity`, `unit`, `unit_price`, `batch_no`, `production_date`, `batch_age_acknowledged_at`, `batch_age_acknowledgement`, `customer_id`, `order_id`, `batch_age_acknowledged_by_id`, `product_id`) SELECT `id`, `created_at`, `updated_at`, `version`, `quantity`, `unit`, `unit_price`, `batch_no`, `production_date`, `batch_age_acknowledged_at`, `batch_age_acknowledgement`, `customer_id`, `order_id`, `batch_age_acknowledged_by_id`, `product_id` FROM `order_lines`;
-- Drop "order_lines" table after copying rows
DROP TABLE `order_lines`;
-- Rename temporary table "new_order_lines" to "order_lines"
ALTER TABLE `new_order_lines` RENAME TO `order_lines`;
-- Create index "orderline_order_id" to table: "order_lines"
CREATE INDEX `orderline_order_id` ON `order_lines` (`order_id`);
-- Create index "orderline_customer_id" to table: "order_lines"
CREATE INDEX `orderline_customer_id` ON `order_lines` (`customer_id`);
-- Create index "orderline_product_id" to table: "order_lines"
CREATE INDEX `orderline_product_id` ON `order_lines` (`product_id`);
-- Create index "orderline_batch_no" to table: "order_lines"
CREATE INDEX `orderline_batch_no` ON `order_lines` (`batch_no`);
-- Create "quotations" table
CREATE TABLE `quotations` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `number` text NOT NULL, `revision` integer NOT NULL DEFAULT (1), `status` text NOT NULL DEFAULT ('DRAFT'), `currency` text NOT NULL DEFAULT ('CNY'), `incoterm` text NULL, `incoterm_place` text NULL, `payment_days` integer NULL, `payment_terms` text NULL, `valid_from` datetime NOT NULL, `valid_until` datetime NOT NULL, `notes` text NULL, `sent_at` datetime NULL, `decided_at` datetime NULL, `decided_by` text NULL, `decision_note` text NULL, `decided_via` text NULL, `customer_id` text NOT NULL, `sample_id` text NULL, `previous_id` text NULL, `created_by_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `quotations_customers_quotations` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `quotations_samples_sample` FOREIGN KEY (`sample_id`) REFERENCES `samples` (`id`) ON DELETE SET NULL, CONSTRAINT `quotations_quotations_revised_by` FOREIGN KEY (`previous_id`) REFERENCES `quotations` (`id`) ON DELETE SET NULL, CONSTRAINT `quotations_users_created_by` FOREIGN KEY (`created_by_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- Create index "quotations_previous_id_key" to table: "quotations"
CREATE UNIQUE INDEX `quotations_previous_id_key` ON `quotations` (`previous_id`);
-- Create index "quotation_number_revision" to table: "quotations"
CREATE UNIQUE INDEX `quotation_number_revision` ON `quotations` (`number`, `revision`);
-- Create index "quotation_customer_id_status_valid_until" to table: "quotations"
CREATE INDEX `quotation_customer_id_status_valid_until` ON `quotations` (`customer_id`, `status`, `valid_until`);
-- Create index "quotation_status_valid_until" to table: "quotations"
CREATE INDEX `quotation_status_valid_until` ON `quotations` (`status`, `valid_until`);
-- Create "quotation_lines" table
CREATE TABLE `quotation_lines` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `grade` text NULL, `min_quantity` real NOT NULL DEFAULT (0), `unit` text NOT NULL DEFAULT ('kg'), `unit_price` real NOT NULL, `note` text NULL, `customer_id` text NOT NULL, `product_id` text NOT NULL, `quotation_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `quotation_lines_customers_quotation_lines` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `quotation_lines_products_quotation_lines` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE NO ACTION, CONSTRAINT `quotation_lines_quotations_lines` FOREIGN KEY (`quotation_id`) REFERENCES `quotations` (`id`) ON DELETE NO ACTION);
-- Create index "quotationline_quotation_id" to table: "quotation_lines"
CREATE INDEX `quotationline_quotation_id` ON `quotation_lines` (`quotation_id`);
-- Create index "quotationline_customer_id_product_id" to table: "quotation_lines"
CREATE INDEX `quotationline_customer_id_product_id` ON `quotation_lines` (`customer_id`, `product_id`);
-- Create index "quotationline_product_id" to table: "quotation_lines"
CREATE INDEX `quotationline_product_id` ON `quotation_lines` (`product_id`);
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;

-- tandem:destructive-ok SQLite adds reached (NOT NULL DEFAULT 0) by rebuilding samples: every row is copied into the new table first
-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "new_samples" table
CREATE TABLE `new_samples` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `quantity` real NOT NULL, `unit` text NOT NULL DEFAULT ('kg'), `status` text NOT NULL DEFAULT ('REQUESTED'), `status_reason` text NULL, `purpose` text NULL, `requested_at` datetime NOT NULL, `shipped_at` datetime NULL, `received_at` datetime NULL, `tracking_no` text NULL, `doc_manual` bool NOT NULL DEFAULT (false), `doc_msds` bool NOT NULL DEFAULT (false), `doc_label` bool NOT NULL DEFAULT (false), `doc_precautions` bool NOT NULL DEFAULT (false), `reached` integer NOT NULL DEFAULT (0), `customer_id` text NOT NULL, `order_id` text NULL, `product_id` text NOT NULL, `requested_by_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `samples_customers_samples` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `samples_orders_converted_samples` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE SET NULL, CONSTRAINT `samples_products_samples` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE NO ACTION, CONSTRAINT `samples_users_requested_by` FOREIGN KEY (`requested_by_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- Copy rows from old table "samples" to new temporary table "new_samples"
INSERT INTO `new_samples` (`id`, `created_at`, `updated_at`, `version`, `quantity`, `unit`, `status`, `status_reason`, `purpose`, `requested_at`, `shipped_at`, `received_at`, `tracking_no`, `doc_manual`, `doc_msds`, `doc_label`, `doc_precautions`, `customer_id`, `order_id`, `product_id`, `requested_by_id`) SELECT `id`, `created_at`, `updated_at`, `version`, `quantity`, `unit`, `status`, `status_reason`, `purpose`, `requested_at`, `shipped_at`, `received_at`, `tracking_no`, `doc_manual`, `doc_msds`, `doc_label`, `doc_precautions`, `customer_id`, `order_id`, `product_id`, `requested_by_id` FROM `samples`;
-- Drop "samples" table after copying rows
DROP TABLE `samples`;
-- Rename temporary table "new_samples" to "samples"
ALTER TABLE `new_samples` RENAME TO `samples`;
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
-- Create index "sample_shipped_at" to table: "samples"
CREATE INDEX `sample_shipped_at` ON `samples` (`shipped_at`);
-- Create index "sample_received_at" to table: "samples"
CREATE INDEX `sample_received_at` ON `samples` (`received_at`);
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;

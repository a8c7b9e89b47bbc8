-- tandem:destructive-ok SQLite adds lead_time_days (NOT NULL DEFAULT 30) by rebuilding products: every row is copied into the new table first
-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "new_products" table
CREATE TABLE `new_products` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `code` text NOT NULL, `name` text NOT NULL, `search_key` text NULL, `grade` text NOT NULL DEFAULT ('MID'), `category` text NULL, `description` text NULL, `unit` text NOT NULL DEFAULT ('kg'), `active` bool NOT NULL DEFAULT (true), `stock_on_hand` real NULL, `stock_on_order` real NULL, `safety_stock` real NULL, `lead_time_days` integer NOT NULL DEFAULT (30), `stock_counted_at` datetime NULL, `max_batch_age_months` integer NOT NULL DEFAULT (12), PRIMARY KEY (`id`));
-- Copy rows from old table "products" to new temporary table "new_products"
INSERT INTO `new_products` (`id`, `created_at`, `updated_at`, `version`, `code`, `name`, `search_key`, `grade`, `category`, `description`, `unit`, `active`, `max_batch_age_months`) SELECT `id`, `created_at`, `updated_at`, `version`, `code`, `name`, `search_key`, `grade`, `category`, `description`, `unit`, `active`, `max_batch_age_months` FROM `products`;
-- Drop "products" table after copying rows
DROP TABLE `products`;
-- Rename temporary table "new_products" to "products"
ALTER TABLE `new_products` RENAME TO `products`;
-- Create index "products_code_key" to table: "products"
CREATE UNIQUE INDEX `products_code_key` ON `products` (`code`);
-- Create index "product_name" to table: "products"
CREATE INDEX `product_name` ON `products` (`name`);
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;

-- Add column "search_key" to table: "contacts"
ALTER TABLE `contacts` ADD COLUMN `search_key` text NULL;
-- Add column "search_key" to table: "customers"
ALTER TABLE `customers` ADD COLUMN `search_key` text NULL;
-- Add column "search_key" to table: "products"
ALTER TABLE `products` ADD COLUMN `search_key` text NULL;

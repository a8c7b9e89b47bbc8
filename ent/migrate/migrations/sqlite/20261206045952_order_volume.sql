-- Create "order_volumes" table
CREATE TABLE `order_volumes` (`id` text NOT NULL, `day` text NOT NULL, `currency` text NOT NULL, `product_id` text NOT NULL DEFAULT (''), `lines` integer NOT NULL, `orders` integer NOT NULL, `quantity` real NOT NULL, `value` real NOT NULL, PRIMARY KEY (`id`));
-- Create index "ordervolume_day_currency_product_id" to table: "order_volumes"
CREATE UNIQUE INDEX `ordervolume_day_currency_product_id` ON `order_volumes` (`day`, `currency`, `product_id`);

-- Drop index "sample_requested_by_id" from table: "samples"
DROP INDEX `sample_requested_by_id`;
-- Create index "sample_requested_by_id_product_id_requested_at" to table: "samples"
CREATE INDEX `sample_requested_by_id_product_id_requested_at` ON `samples` (`requested_by_id`, `product_id`, `requested_at`);
-- Create "sample_counts" table
CREATE TABLE `sample_counts` (`id` text NOT NULL, `month` text NOT NULL, `requested_by_id` text NOT NULL DEFAULT (''), `product_id` text NOT NULL, `reached` integer NOT NULL, `samples` integer NOT NULL, PRIMARY KEY (`id`));
-- Create index "samplecount_month_requested_by_id_product_id_reached" to table: "sample_counts"
CREATE UNIQUE INDEX `samplecount_month_requested_by_id_product_id_reached` ON `sample_counts` (`month`, `requested_by_id`, `product_id`, `reached`);

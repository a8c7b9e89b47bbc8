-- tandem:destructive-ok SQLite adds stay_seconds by rebuilding stage_changes: every row is copied into the new table first
-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "new_stage_changes" table
CREATE TABLE `new_stage_changes` (`id` text NOT NULL, `from_stage` text NULL, `to_stage` text NOT NULL, `reason` text NULL, `evidence` text NULL, `changed_at` datetime NOT NULL, `stay_seconds` integer NULL, `customer_id` text NOT NULL, `changed_by_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `stage_changes_customers_stage_changes` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `stage_changes_users_changed_by` FOREIGN KEY (`changed_by_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- Copy rows from old table "stage_changes" to new temporary table "new_stage_changes"
INSERT INTO `new_stage_changes` (`id`, `from_stage`, `to_stage`, `reason`, `evidence`, `changed_at`, `customer_id`, `changed_by_id`) SELECT `id`, `from_stage`, `to_stage`, `reason`, `evidence`, `changed_at`, `customer_id`, `changed_by_id` FROM `stage_changes`;
-- Drop "stage_changes" table after copying rows
DROP TABLE `stage_changes`;
-- Rename temporary table "new_stage_changes" to "stage_changes"
ALTER TABLE `new_stage_changes` RENAME TO `stage_changes`;
-- Create index "stagechange_customer_id_changed_at" to table: "stage_changes"
CREATE INDEX `stagechange_customer_id_changed_at` ON `stage_changes` (`customer_id`, `changed_at`);
-- Create index "stagechange_changed_by_id" to table: "stage_changes"
CREATE INDEX `stagechange_changed_by_id` ON `stage_changes` (`changed_by_id`);
-- Create index "stagechange_to_stage_changed_at" to table: "stage_changes"
CREATE INDEX `stagechange_to_stage_changed_at` ON `stage_changes` (`to_stage`, `changed_at`);
-- Create index "stagechange_to_stage_stay_seconds" to table: "stage_changes"
CREATE INDEX `stagechange_to_stage_stay_seconds` ON `stage_changes` (`to_stage`, `stay_seconds`);
-- Create "stage_stays" table
CREATE TABLE `stage_stays` (`id` text NOT NULL, `stage` text NOT NULL, `day` integer NOT NULL, `stays` integer NOT NULL, PRIMARY KEY (`id`));
-- Create index "stagestay_stage_day" to table: "stage_stays"
CREATE UNIQUE INDEX `stagestay_stage_day` ON `stage_stays` (`stage`, `day`);
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;

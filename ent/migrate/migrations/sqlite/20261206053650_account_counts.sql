-- Create "account_counts" table
CREATE TABLE `account_counts` (`id` text NOT NULL, `stage` text NOT NULL, `owner_id` text NOT NULL DEFAULT (''), `team_id` text NOT NULL DEFAULT (''), `tier` text NOT NULL DEFAULT (''), `lead_source` text NOT NULL DEFAULT (''), `month` text NOT NULL, `accounts` integer NOT NULL, PRIMARY KEY (`id`));
-- Create index "accountcount_stage_owner_id_team_id_tier_lead_source_month" to table: "account_counts"
CREATE UNIQUE INDEX `accountcount_stage_owner_id_team_id_tier_lead_source_month` ON `account_counts` (`stage`, `owner_id`, `team_id`, `tier`, `lead_source`, `month`);

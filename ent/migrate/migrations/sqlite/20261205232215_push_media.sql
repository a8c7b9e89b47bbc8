-- Add column "reminder_kinds" to table: "users"
ALTER TABLE `users` ADD COLUMN `reminder_kinds` json NULL;
-- Add column "digest_at" to table: "users"
ALTER TABLE `users` ADD COLUMN `digest_at` text NULL;
-- Create "media_notes" table
CREATE TABLE `media_notes` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `kind` text NOT NULL, `caption` text NULL, `duration_seconds` integer NULL, `file_name` text NOT NULL, `content_type` text NOT NULL, `size_bytes` integer NOT NULL, `sha256` text NOT NULL, `storage_key` text NOT NULL, `customer_id` text NOT NULL, `interaction_id` text NULL, `uploaded_by_id` text NULL, `trial_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `media_notes_customers_media_notes` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `media_notes_interactions_media` FOREIGN KEY (`interaction_id`) REFERENCES `interactions` (`id`) ON DELETE SET NULL, CONSTRAINT `media_notes_users_uploaded_by` FOREIGN KEY (`uploaded_by_id`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `media_notes_trials_media` FOREIGN KEY (`trial_id`) REFERENCES `trials` (`id`) ON DELETE SET NULL);
-- Create index "medianote_interaction_id_created_at" to table: "media_notes"
CREATE INDEX `medianote_interaction_id_created_at` ON `media_notes` (`interaction_id`, `created_at`);
-- Create index "medianote_trial_id_created_at" to table: "media_notes"
CREATE INDEX `medianote_trial_id_created_at` ON `media_notes` (`trial_id`, `created_at`);
-- Create index "medianote_customer_id" to table: "media_notes"
CREATE INDEX `medianote_customer_id` ON `media_notes` (`customer_id`);
-- Create "push_sents" table
CREATE TABLE `push_sents` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `key` text NOT NULL, `owner_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `push_sents_users_owner` FOREIGN KEY (`owner_id`) REFERENCES `users` (`id`) ON DELETE NO ACTION);
-- Create index "pushsent_owner_id_key" to table: "push_sents"
CREATE UNIQUE INDEX `pushsent_owner_id_key` ON `push_sents` (`owner_id`, `key`);
-- Create index "pushsent_created_at" to table: "push_sents"
CREATE INDEX `pushsent_created_at` ON `push_sents` (`created_at`);
-- Create "push_subscriptions" table
CREATE TABLE `push_subscriptions` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `endpoint` text NOT NULL, `p256dh` text NOT NULL, `auth` text NOT NULL, `user_agent` text NULL, `last_sent_at` datetime NULL, `failures` integer NOT NULL DEFAULT (0), `owner_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `push_subscriptions_users_owner` FOREIGN KEY (`owner_id`) REFERENCES `users` (`id`) ON DELETE NO ACTION);
-- Create index "push_subscriptions_endpoint_key" to table: "push_subscriptions"
CREATE UNIQUE INDEX `push_subscriptions_endpoint_key` ON `push_subscriptions` (`endpoint`);
-- Create index "pushsubscription_owner_id" to table: "push_subscriptions"
CREATE INDEX `pushsubscription_owner_id` ON `push_subscriptions` (`owner_id`);

-- Create "snoozes" table
CREATE TABLE `snoozes` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `node_id` text NOT NULL, `until` datetime NOT NULL, `owner_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `snoozes_users_owner` FOREIGN KEY (`owner_id`) REFERENCES `users` (`id`) ON DELETE NO ACTION);
-- Create index "snooze_owner_id_kind_node_id" to table: "snoozes"
CREATE UNIQUE INDEX `snooze_owner_id_kind_node_id` ON `snoozes` (`owner_id`, `kind`, `node_id`);

-- Create "projects" table
CREATE TABLE `projects` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `kind` text NOT NULL, `title` text NOT NULL, `goal` text NULL, `status` text NOT NULL DEFAULT ('PROPOSED'), `started_at` datetime NULL, `ended_at` datetime NULL, `outcome` text NULL, `programme` text NULL, `budget` real NULL, `currency` text NOT NULL DEFAULT ('CNY'), `customer_id` text NOT NULL, `our_lead_id` text NULL, `need_id` text NULL, `product_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `projects_customers_projects` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `projects_users_our_lead` FOREIGN KEY (`our_lead_id`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `projects_needs_need` FOREIGN KEY (`need_id`) REFERENCES `needs` (`id`) ON DELETE SET NULL, CONSTRAINT `projects_products_product` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE SET NULL);
-- Create index "project_customer_id" to table: "projects"
CREATE INDEX `project_customer_id` ON `projects` (`customer_id`);
-- Create index "project_status" to table: "projects"
CREATE INDEX `project_status` ON `projects` (`status`);
-- Create "project_members" table
CREATE TABLE `project_members` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `role` text NULL, `customer_id` text NOT NULL, `project_id` text NOT NULL, `key_person_id` text NULL, `user_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `project_members_customers_project_members` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `project_members_projects_members` FOREIGN KEY (`project_id`) REFERENCES `projects` (`id`) ON DELETE NO ACTION, CONSTRAINT `project_members_key_persons_key_person` FOREIGN KEY (`key_person_id`) REFERENCES `key_persons` (`id`) ON DELETE SET NULL, CONSTRAINT `project_members_users_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- Create index "projectmember_project_id" to table: "project_members"
CREATE INDEX `projectmember_project_id` ON `project_members` (`project_id`);
-- Create index "projectmember_customer_id" to table: "project_members"
CREATE INDEX `projectmember_customer_id` ON `project_members` (`customer_id`);
-- Create index "projectmember_key_person_id" to table: "project_members"
CREATE INDEX `projectmember_key_person_id` ON `project_members` (`key_person_id`);
-- Create "project_milestones" table
CREATE TABLE `project_milestones` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `title` text NOT NULL, `due_at` datetime NULL, `done_at` datetime NULL, `note` text NULL, `customer_id` text NOT NULL, `project_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `project_milestones_customers_project_milestones` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `project_milestones_projects_milestones` FOREIGN KEY (`project_id`) REFERENCES `projects` (`id`) ON DELETE NO ACTION);
-- Create index "projectmilestone_project_id" to table: "project_milestones"
CREATE INDEX `projectmilestone_project_id` ON `project_milestones` (`project_id`);
-- Create index "projectmilestone_customer_id" to table: "project_milestones"
CREATE INDEX `projectmilestone_customer_id` ON `project_milestones` (`customer_id`);
-- Create index "projectmilestone_due_at" to table: "project_milestones"
CREATE INDEX `projectmilestone_due_at` ON `project_milestones` (`due_at`);

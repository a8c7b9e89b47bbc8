-- Add column "latitude" to table: "customers"
ALTER TABLE `customers` ADD COLUMN `latitude` real NULL;
-- Add column "longitude" to table: "customers"
ALTER TABLE `customers` ADD COLUMN `longitude` real NULL;
-- Add column "located_at" to table: "customers"
ALTER TABLE `customers` ADD COLUMN `located_at` datetime NULL;
-- Add column "check_in_latitude" to table: "interactions"
ALTER TABLE `interactions` ADD COLUMN `check_in_latitude` real NULL;
-- Add column "check_in_longitude" to table: "interactions"
ALTER TABLE `interactions` ADD COLUMN `check_in_longitude` real NULL;
-- Add column "check_in_accuracy" to table: "interactions"
ALTER TABLE `interactions` ADD COLUMN `check_in_accuracy` real NULL;

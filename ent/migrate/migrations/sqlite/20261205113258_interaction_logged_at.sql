-- Add column "logged_at" to table: "interactions"
ALTER TABLE `interactions` ADD COLUMN `logged_at` datetime NULL;
-- Contacts already held when this version arrives count as logged when they happened
-- (times are kept as UTC text, which orders as time).
UPDATE `interactions` SET `logged_at` = `occurred_at` WHERE `occurred_at` <= strftime('%Y-%m-%d %H:%M:%S', 'now');

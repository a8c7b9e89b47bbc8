-- Drop index "keyperson_contact_due_at" from table: "key_persons"
DROP INDEX `keyperson_contact_due_at`;
-- Create index "keyperson_overdue" to table: "key_persons"
CREATE INDEX `keyperson_overdue` ON `key_persons` (`contact_due_at`, `id`) WHERE active_to IS NULL;

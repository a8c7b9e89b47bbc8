-- Modify "interactions" table
ALTER TABLE "interactions" ADD COLUMN "logged_at" timestamptz NULL;
-- Contacts already held when this version arrives count as logged when they happened.
UPDATE "interactions" SET "logged_at" = "occurred_at" WHERE "occurred_at" <= now();

-- Modify "customers" table
ALTER TABLE "customers" ADD COLUMN "latitude" double precision NULL, ADD COLUMN "longitude" double precision NULL, ADD COLUMN "located_at" timestamptz NULL;
-- Modify "interactions" table
ALTER TABLE "interactions" ADD COLUMN "check_in_latitude" double precision NULL, ADD COLUMN "check_in_longitude" double precision NULL, ADD COLUMN "check_in_accuracy" double precision NULL;

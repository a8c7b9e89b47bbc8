-- Modify "contacts" table
ALTER TABLE "contacts" ADD COLUMN "search_key" text NULL;
-- Modify "customers" table
ALTER TABLE "customers" ADD COLUMN "search_key" text NULL;
-- Modify "products" table
ALTER TABLE "products" ADD COLUMN "search_key" text NULL;

-- Modify "customers" table
ALTER TABLE "customers" ADD COLUMN "annual_demand_kg" double precision NULL;

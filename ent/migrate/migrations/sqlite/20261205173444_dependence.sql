-- Add column "annual_demand_kg" to table: "customers"
ALTER TABLE `customers` ADD COLUMN `annual_demand_kg` real NULL;

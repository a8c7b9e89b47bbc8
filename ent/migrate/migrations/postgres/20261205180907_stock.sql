-- Modify "products" table
ALTER TABLE "products" ADD COLUMN "stock_on_hand" double precision NULL, ADD COLUMN "stock_on_order" double precision NULL, ADD COLUMN "safety_stock" double precision NULL, ADD COLUMN "lead_time_days" bigint NOT NULL DEFAULT 30, ADD COLUMN "stock_counted_at" timestamptz NULL;

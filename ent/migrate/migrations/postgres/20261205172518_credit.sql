-- Modify "customers" table
ALTER TABLE "customers" ADD COLUMN "payment_days" bigint NULL, ADD COLUMN "credit_limit" double precision NULL, ADD COLUMN "credit_currency" character varying NOT NULL DEFAULT 'CNY';
-- Modify "orders" table
ALTER TABLE "orders" ADD COLUMN "payment_days" bigint NULL, ADD COLUMN "payment_due_at" timestamptz NULL;
-- Create index "order_payment_due_at" to table: "orders"
CREATE INDEX "order_payment_due_at" ON "orders" ("payment_due_at");

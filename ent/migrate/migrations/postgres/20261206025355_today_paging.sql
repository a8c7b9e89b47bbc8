-- Create index "customer_industry_status" to table: "customers"
CREATE INDEX "customer_industry_status" ON "customers" ("industry_status");
-- Modify "key_persons" table
ALTER TABLE "key_persons" ADD COLUMN "contact_due_at" timestamptz NULL;
-- Create index "keyperson_contact_due_at" to table: "key_persons"
CREATE INDEX "keyperson_contact_due_at" ON "key_persons" ("contact_due_at");
-- Create index "order_created_at" to table: "orders"
CREATE INDEX "order_created_at" ON "orders" ("created_at");
-- Create index "order_open_delivery_date" to table: "orders"
CREATE INDEX "order_open_delivery_date" ON "orders" ("delivery_date") WHERE (delivered_at IS NULL);
-- Create index "sample_received_at" to table: "samples"
CREATE INDEX "sample_received_at" ON "samples" ("received_at");
-- Create index "sample_shipped_at" to table: "samples"
CREATE INDEX "sample_shipped_at" ON "samples" ("shipped_at");

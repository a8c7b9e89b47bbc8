-- Create index "customer_name" to table: "customers"
CREATE INDEX "customer_name" ON "customers" ("name");

-- Create "order_volumes" table
CREATE TABLE "order_volumes" ("id" character varying NOT NULL, "day" character varying NOT NULL, "currency" character varying NOT NULL, "product_id" character varying NOT NULL DEFAULT '', "lines" bigint NOT NULL, "orders" bigint NOT NULL, "quantity" double precision NOT NULL, "value" double precision NOT NULL, PRIMARY KEY ("id"));
-- Create index "ordervolume_day_currency_product_id" to table: "order_volumes"
CREATE UNIQUE INDEX "ordervolume_day_currency_product_id" ON "order_volumes" ("day", "currency", "product_id");

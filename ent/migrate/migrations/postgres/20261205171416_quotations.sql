-- Create "quotations" table
CREATE TABLE "quotations" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "number" character varying NOT NULL, "revision" bigint NOT NULL DEFAULT 1, "status" character varying NOT NULL DEFAULT 'DRAFT', "currency" character varying NOT NULL DEFAULT 'CNY', "incoterm" character varying NULL, "incoterm_place" character varying NULL, "payment_days" bigint NULL, "payment_terms" character varying NULL, "valid_from" timestamptz NOT NULL, "valid_until" timestamptz NOT NULL, "notes" text NULL, "sent_at" timestamptz NULL, "decided_at" timestamptz NULL, "decided_by" character varying NULL, "decision_note" character varying NULL, "decided_via" character varying NULL, "customer_id" character varying NOT NULL, "sample_id" character varying NULL, "previous_id" character varying NULL, "created_by_id" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "quotations_customers_quotations" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "quotations_quotations_revised_by" FOREIGN KEY ("previous_id") REFERENCES "quotations" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "quotations_samples_sample" FOREIGN KEY ("sample_id") REFERENCES "samples" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "quotations_users_created_by" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- Create index "quotation_customer_id_status_valid_until" to table: "quotations"
CREATE INDEX "quotation_customer_id_status_valid_until" ON "quotations" ("customer_id", "status", "valid_until");
-- Create index "quotation_number_revision" to table: "quotations"
CREATE UNIQUE INDEX "quotation_number_revision" ON "quotations" ("number", "revision");
-- Create index "quotation_status_valid_until" to table: "quotations"
CREATE INDEX "quotation_status_valid_until" ON "quotations" ("status", "valid_until");
-- Create index "quotations_previous_id_key" to table: "quotations"
CREATE UNIQUE INDEX "quotations_previous_id_key" ON "quotations" ("previous_id");
-- Modify "order_lines" table
ALTER TABLE "order_lines" ADD COLUMN "price_note" character varying NULL, ADD COLUMN "agreement_id" character varying NULL, ADD CONSTRAINT "order_lines_quotations_order_lines" FOREIGN KEY ("agreement_id") REFERENCES "quotations" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- Create "quotation_lines" table
CREATE TABLE "quotation_lines" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "grade" character varying NULL, "min_quantity" double precision NOT NULL DEFAULT 0, "unit" character varying NOT NULL DEFAULT 'kg', "unit_price" double precision NOT NULL, "note" character varying NULL, "customer_id" character varying NOT NULL, "product_id" character varying NOT NULL, "quotation_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "quotation_lines_customers_quotation_lines" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "quotation_lines_products_quotation_lines" FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "quotation_lines_quotations_lines" FOREIGN KEY ("quotation_id") REFERENCES "quotations" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- Create index "quotationline_customer_id_product_id" to table: "quotation_lines"
CREATE INDEX "quotationline_customer_id_product_id" ON "quotation_lines" ("customer_id", "product_id");
-- Create index "quotationline_product_id" to table: "quotation_lines"
CREATE INDEX "quotationline_product_id" ON "quotation_lines" ("product_id");
-- Create index "quotationline_quotation_id" to table: "quotation_lines"
CREATE INDEX "quotationline_quotation_id" ON "quotation_lines" ("quotation_id");

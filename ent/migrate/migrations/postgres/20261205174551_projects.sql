-- Create "projects" table
CREATE TABLE "projects" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "kind" character varying NOT NULL, "title" character varying NOT NULL, "goal" text NULL, "status" character varying NOT NULL DEFAULT 'PROPOSED', "started_at" timestamptz NULL, "ended_at" timestamptz NULL, "outcome" character varying NULL, "programme" character varying NULL, "budget" double precision NULL, "currency" character varying NOT NULL DEFAULT 'CNY', "customer_id" character varying NOT NULL, "our_lead_id" character varying NULL, "need_id" character varying NULL, "product_id" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "projects_customers_projects" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "projects_needs_need" FOREIGN KEY ("need_id") REFERENCES "needs" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "projects_products_product" FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "projects_users_our_lead" FOREIGN KEY ("our_lead_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- Create index "project_customer_id" to table: "projects"
CREATE INDEX "project_customer_id" ON "projects" ("customer_id");
-- Create index "project_status" to table: "projects"
CREATE INDEX "project_status" ON "projects" ("status");
-- Create "project_members" table
CREATE TABLE "project_members" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "role" character varying NULL, "customer_id" character varying NOT NULL, "project_id" character varying NOT NULL, "key_person_id" character varying NULL, "user_id" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "project_members_customers_project_members" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "project_members_key_persons_key_person" FOREIGN KEY ("key_person_id") REFERENCES "key_persons" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "project_members_projects_members" FOREIGN KEY ("project_id") REFERENCES "projects" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "project_members_users_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- Create index "projectmember_customer_id" to table: "project_members"
CREATE INDEX "projectmember_customer_id" ON "project_members" ("customer_id");
-- Create index "projectmember_key_person_id" to table: "project_members"
CREATE INDEX "projectmember_key_person_id" ON "project_members" ("key_person_id");
-- Create index "projectmember_project_id" to table: "project_members"
CREATE INDEX "projectmember_project_id" ON "project_members" ("project_id");
-- Create "project_milestones" table
CREATE TABLE "project_milestones" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "title" character varying NOT NULL, "due_at" timestamptz NULL, "done_at" timestamptz NULL, "note" text NULL, "customer_id" character varying NOT NULL, "project_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "project_milestones_customers_project_milestones" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "project_milestones_projects_milestones" FOREIGN KEY ("project_id") REFERENCES "projects" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- Create index "projectmilestone_customer_id" to table: "project_milestones"
CREATE INDEX "projectmilestone_customer_id" ON "project_milestones" ("customer_id");
-- Create index "projectmilestone_due_at" to table: "project_milestones"
CREATE INDEX "projectmilestone_due_at" ON "project_milestones" ("due_at");
-- Create index "projectmilestone_project_id" to table: "project_milestones"
CREATE INDEX "projectmilestone_project_id" ON "project_milestones" ("project_id");

-- Modify "users" table
ALTER TABLE "users" ADD COLUMN "reminder_kinds" jsonb NULL, ADD COLUMN "digest_at" character varying NULL;
-- Create "media_notes" table
CREATE TABLE "media_notes" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "kind" character varying NOT NULL, "caption" character varying NULL, "duration_seconds" bigint NULL, "file_name" character varying NOT NULL, "content_type" character varying NOT NULL, "size_bytes" bigint NOT NULL, "sha256" character varying NOT NULL, "storage_key" character varying NOT NULL, "customer_id" character varying NOT NULL, "interaction_id" character varying NULL, "uploaded_by_id" character varying NULL, "trial_id" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "media_notes_customers_media_notes" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "media_notes_interactions_media" FOREIGN KEY ("interaction_id") REFERENCES "interactions" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "media_notes_trials_media" FOREIGN KEY ("trial_id") REFERENCES "trials" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "media_notes_users_uploaded_by" FOREIGN KEY ("uploaded_by_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- Create index "medianote_customer_id" to table: "media_notes"
CREATE INDEX "medianote_customer_id" ON "media_notes" ("customer_id");
-- Create index "medianote_interaction_id_created_at" to table: "media_notes"
CREATE INDEX "medianote_interaction_id_created_at" ON "media_notes" ("interaction_id", "created_at");
-- Create index "medianote_trial_id_created_at" to table: "media_notes"
CREATE INDEX "medianote_trial_id_created_at" ON "media_notes" ("trial_id", "created_at");
-- Create "push_sents" table
CREATE TABLE "push_sents" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "key" character varying NOT NULL, "owner_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "push_sents_users_owner" FOREIGN KEY ("owner_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- Create index "pushsent_created_at" to table: "push_sents"
CREATE INDEX "pushsent_created_at" ON "push_sents" ("created_at");
-- Create index "pushsent_owner_id_key" to table: "push_sents"
CREATE UNIQUE INDEX "pushsent_owner_id_key" ON "push_sents" ("owner_id", "key");
-- Create "push_subscriptions" table
CREATE TABLE "push_subscriptions" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "endpoint" character varying NOT NULL, "p256dh" character varying NOT NULL, "auth" character varying NOT NULL, "user_agent" character varying NULL, "last_sent_at" timestamptz NULL, "failures" bigint NOT NULL DEFAULT 0, "owner_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "push_subscriptions_users_owner" FOREIGN KEY ("owner_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- Create index "push_subscriptions_endpoint_key" to table: "push_subscriptions"
CREATE UNIQUE INDEX "push_subscriptions_endpoint_key" ON "push_subscriptions" ("endpoint");
-- Create index "pushsubscription_owner_id" to table: "push_subscriptions"
CREATE INDEX "pushsubscription_owner_id" ON "push_subscriptions" ("owner_id");

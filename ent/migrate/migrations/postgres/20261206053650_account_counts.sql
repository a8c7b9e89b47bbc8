-- Create "account_counts" table
CREATE TABLE "account_counts" ("id" character varying NOT NULL, "stage" character varying NOT NULL, "owner_id" character varying NOT NULL DEFAULT '', "team_id" character varying NOT NULL DEFAULT '', "tier" character varying NOT NULL DEFAULT '', "lead_source" character varying NOT NULL DEFAULT '', "month" character varying NOT NULL, "accounts" bigint NOT NULL, PRIMARY KEY ("id"));
-- Create index "accountcount_stage_owner_id_team_id_tier_lead_source_month" to table: "account_counts"
CREATE UNIQUE INDEX "accountcount_stage_owner_id_team_id_tier_lead_source_month" ON "account_counts" ("stage", "owner_id", "team_id", "tier", "lead_source", "month");
